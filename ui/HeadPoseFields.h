// The inspector's "Head pose at playhead" group: the head's pitch, yaw and roll at the playhead
// as sliders with exact entry, each with a key button (filled when that angle has a key on this
// frame; a click adds or removes it). Editing a value keys it through HeadPoseController, one
// undo step per continuous edit (a slider's drag, several spin-box steps), as the gizmo does.
// Always shown, whatever the selection, since the playhead always has a head pose.
#pragma once

#include <QGroupBox>
#include <array>

class QToolButton;

namespace ps::ui {

class HeadPoseController;
class SliderSpinBox;

class HeadPoseFields : public QGroupBox {
    Q_OBJECT
public:
    // `controller` must outlive the fields.
    explicit HeadPoseFields(HeadPoseController& controller, QWidget* parent = nullptr);

    // The slider of `channel` (kHeadPitchChannel …): for tests.
    SliderSpinBox* field(int channel) const;
    QToolButton* keyButton(int channel) const;

public slots:
    // Shows the angles and keys at the playhead.
    void refresh();

private:
    struct Row {
        int channel = 0;
        SliderSpinBox* value = nullptr;
        QToolButton* key = nullptr;
        int gesture = 0;  // the continuous edit under way, 0 when none
    };

    Row* rowOf(int channel);
    const Row* rowOf(int channel) const;

    HeadPoseController& controller_;
    std::array<Row, 3> rows_;
};

}  // namespace ps::ui
