// The Blendshape panel: the 52 ARKit shapes in collapsible groups (brows, eyes, cheeks, nose,
// jaw, mouth, tongue) with a filter. Each row shows the shape's value at the playhead as the
// viewer draws it (the whole motion evaluated: voice, idle, clips, captures, curves, with the
// timeline's muted lanes off), a chip naming the layer that drives it, a key button (filled when
// the shape's key curve has a key at the playhead) and a reset to the layers below.
//
// Editing, every change one undo step on the session's stack:
//   - Auto-key on (the default): a slider's drag, a typed or stepped value keys the shape at the
//     playhead on its Override curve (made when missing, placed over every other layer), so the
//     face shows exactly the dragged value there. The whole drag is one step, the new curve
//     included (CurveGestureCommand); dragged during playback it keys each moment it passes,
//     still one step. An Override curve acts between its first and last key, so a shape's first
//     key shows at its own moment only, as on the timeline.
//   - Auto-key off: the same gestures set the shape's offset, a key on its Add curve holding
//     the difference between the dragged value and the layers below. An Add curve holds its end
//     values, so the first offset moves the shape over the whole take; offsets keyed at other
//     times vary it. The key button still keys explicitly.
//   - The key button keys the value shown (no visible change: it pins it), or removes the key.
//   - Reset removes every key at the playhead on the shape's curves (a curve left without keys
//     goes too), so the value returns to what the layers below give.
//   - Link L/R: each of these also acts on the other side's shape (linkedBlendshape).
//   While the timeline's keyframe lane is locked the rows are read-only.
//
// Values are refreshed with one evaluation of the document per refresh, when the playhead moves
// (setTime), the document or the lanes change, or the voice's sources arrive; a hidden panel
// refreshes when it is shown again.
//
// Wiring in MainWindow (the panel connects the session's signals itself):
//   auto* blendshapes = new BlendshapePanel(session, [&preview] { return preview.sources(); });
//   connect(&transport, &TransportBar::positionChanged, blendshapes, &BlendshapePanel::setTime);
//   connect(&preview, &PreviewEngine::sourcesChanged, blendshapes, &BlendshapePanel::refresh);
//   blendshapes->setTime(transport.position_s());
// and put it in a dock ("Blendshapes", View ▸ Blendshapes). autoKeyChanged and linkedChanged
// let the window remember the toggles in Settings if it wants to.
#pragma once

#include <QIcon>
#include <QWidget>
#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "motion/MotionChannel.h"
#include "motion/MotionEdit.h"
#include "motion/MotionSources.h"

class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace ps::ui {

class LayerChip;
class ProjectSession;
class SliderSpinBox;

class BlendshapePanel : public QWidget {
    Q_OBJECT
public:
    // The voice's and idle motion's derived tracks as the preview has them; may return nullptr
    // (no voice analysed yet: those layers are left out).
    using SourcesFn = std::function<std::shared_ptr<const ps::MotionSources>()>;

    // `session` must outlive the panel.
    BlendshapePanel(ProjectSession& session, SourcesFn sources, QWidget* parent = nullptr);
    ~BlendshapePanel() override;

    double time_s() const { return time_s_; }
    bool autoKey() const;
    bool linked() const;
    // What the row of `shape` shows: its value (0..1) and the layer driving it ("voice").
    double shownValue(ps::Blendshape shape) const;
    QString drivingLayerText(ps::Blendshape shape) const;
    // The last edit refused, as the panel's message line shows it; empty after a good edit.
    QString lastError() const;

public slots:
    void setTime(double t_s);
    void refresh();
    void setAutoKey(bool on);
    void setLinked(bool on);
    void setFilter(const QString& text);

signals:
    void autoKeyChanged(bool on);
    void linkedChanged(bool on);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Row {
        ps::Blendshape shape = ps::Blendshape::Count;
        int section = 0;
        QLabel* name = nullptr;
        SliderSpinBox* value = nullptr;
        LayerChip* layer = nullptr;
        QToolButton* key = nullptr;
        QToolButton* reset = nullptr;
    };
    struct Section {
        QToolButton* header = nullptr;
        std::vector<size_t> rows;
    };
    // The continuous edit one row is making: its changes merge into one undo step.
    struct Gesture {
        int number = 0;
        size_t row = 0;
        bool auto_key = true;
        double t_s = 0.0;
        std::vector<int> channels;
        std::array<float, ps::kMotionChannelCount> below{};  // offsets: the value without them
    };

    QWidget* makeToolbar();
    void makeRows(QGridLayout* grid);
    void makeRow(QGridLayout* grid, int line, size_t index);
    void updateVisibility();
    void updateHint();

    // The shape's channel and, with Link L/R, its partner's.
    std::vector<int> targetChannels(const Row& row) const;
    void onValueEdited(size_t row, double value);
    void toggleKey(size_t row);
    void resetRow(size_t row);
    int gestureFor(size_t row);
    void endGesture() { gesture_ = {}; }
    bool applyOnce(const ps::EditGroup& edit);
    void showError(const QString& problem);
    void onSessionChanged();

    // The document as the viewer draws it (muted lanes off), and the sources to evaluate with.
    const ps::MotionDocument& shownDocument();
    const ps::MotionSources& currentSources();

    ProjectSession& session_;
    SourcesFn sources_fn_;
    std::shared_ptr<const ps::MotionSources> sources_;
    ps::MotionDocument playback_;  // shownDocument()'s copy when a lane is muted
    double time_s_ = 0.0;
    bool dirty_ = true;     // a refresh was skipped while hidden
    bool editing_ = false;  // inside an edit of ours: the session's signals are ours
    Gesture gesture_;
    std::array<float, ps::kBlendshapeCount> values_{};

    QIcon key_icon_;           // ◆ on, a muted ◇ off: the shape has no key curve
    QIcon animated_key_icon_;  // ◆ on, ◇ in the key colour off: it has keys elsewhere
    QIcon record_icon_;        // auto-key's light
    QIcon reset_icon_;         // ↺
    QLineEdit* filter_;
    QToolButton* auto_key_;
    QToolButton* link_;
    QLabel* time_label_;
    QLabel* hint_;
    QLabel* error_;
    std::vector<Row> rows_;
    std::vector<Section> sections_;
};

}  // namespace ps::ui
