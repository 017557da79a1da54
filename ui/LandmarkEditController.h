// Turns the viewer's landmark-editor drags into sculpts on the open project: a drag of a landmark
// (or a region's handle) inserts a LandmarkSculpt on its first move and changes it on every
// later one, with the offset that puts the dragged landmark under the cursor in the frame at the
// playhead (motion/SculptFromDrag), and the whole press-drag-release is one undo step. Also keeps
// the viewer's frame fit current in sculpt mode, which sizes its falloff circle. UI thread only.
//
// Decisions:
// - The drag starts from the face the frame at the playhead shows (the playback motion, mutes
//   applied, on the photo's fit); the new sculpt adds to the sculpts already there, and because
//   sculpts add linearly the dragged landmark lands exactly under the cursor.
// - KeyedAtPlayhead: the sculpt's strength is keyed 0 → 1 → 0, eased, at t − kRamp_s, t and
//   t + kRamp_s, t being the start of the frame shown (so that frame shows it fully); on the
//   timeline's sculpt lane it is a block spanning the ramp. WholeTake: no keys (always 1).
// - Mirror adds the mirrored sculpt in the same step (both solved together; SculptFromDrag.h).
// - Each offset component is kept within ±kMaxOffset_cm, the inspector's range.
// - A locked sculpt lane refuses the drag; so does a muted (or not soloed) one, whose sculpts
//   would not show. The reason goes out as `message`.
//
// Wiring in MainWindow (after the viewer, preview engine, preview controller and transport):
//
//   landmark_editor_ = new LandmarkEditController(*session_, *preview_, *preview_controller_,
//                                                 *transport_, *viewer_, this);
//   connect(landmark_editor_, &LandmarkEditController::message, this,
//           [this](const QString& text) { statusBar()->showMessage(text, kStatusMessage_ms); });
//   // View or Motion menu (and a toolbar button), checkable:
//   sculpt_action->setCheckable(true);                        // e.g. shortcut Ctrl+Shift+M
//   connect(sculpt_action, &QAction::toggled, viewer_, &ViewerPanel::setSculptMode);
//   mirror_action->setCheckable(true);
//   connect(mirror_action, &QAction::toggled, viewer_, &ViewerPanel::setSculptMirror);
//   // two exclusive checkable actions (a QActionGroup) for the scope:
//   connect(keyed_action, &QAction::triggered, viewer_,
//           [this] { viewer_->setSculptScope(SculptScope::KeyedAtPlayhead); });
//   connect(whole_take_action, &QAction::triggered, viewer_,
//           [this] { viewer_->setSculptScope(SculptScope::WholeTake); });
//   // optional region combo (items LandmarkEditTool::regionName(SculptRegion(i)), i = 0..6),
//   // kept in step with the keys 0..6 the viewer takes:
//   connect(combo, qOverload<int>(&QComboBox::activated), viewer_,
//           [this](int i) { viewer_->setSculptRegion(SculptRegion(i)); });
//   connect(viewer_, &ViewerPanel::sculptSettingsChanged, combo,
//           [this, combo] { combo->setCurrentIndex(int(viewer_->sculptRegion())); });
//
// Nothing else: the controller connects itself to the viewer's sculpt signals, the preview's
// frames and the session.
#pragma once

#include <QObject>
#include <QPointF>
#include <memory>
#include <optional>
#include <vector>

#include "face/FaceFit.h"
#include "motion/MotionDocument.h"
#include "ui/LandmarkEditTool.h"

namespace ps::ui {

class PreviewController;
class PreviewEngine;
class ProjectSession;
class TransportBar;
class ViewerPanel;

class LandmarkEditController : public QObject {
    Q_OBJECT
public:
    // The strength ramp's length either side of the key (KeyedAtPlayhead).
    static constexpr double kRamp_s = 0.2;
    static constexpr float kMaxOffset_cm = 5.0f;

    // All must outlive the controller.
    LandmarkEditController(ProjectSession& session, PreviewEngine& engine,
                           PreviewController& preview, TransportBar& transport, ViewerPanel& viewer,
                           QObject* parent = nullptr);

    // The face the frame at `t_s` shows, as the preview draws it; nullopt until the photo is
    // fitted and the voice's motion made.
    std::optional<ps::FaceFit> frameFit(double t_s) const;
    // The start of the frame at the playhead: where a keyed sculpt peaks.
    double keyTime_s() const;
    bool isDragging() const { return drag_.has_value(); }

signals:
    // One sentence for the status bar: why a drag made nothing.
    void message(const QString& text);

private:
    struct Drag {
        int gesture = 0;
        ps::FaceFit start;
        ps::LandmarkSculpt base;  // centre, radius and keys; offset from each move
        bool mirror = false;
        QString label;
        std::vector<ps::ElementId> ids;  // empty until the first move inserts the sculpts
        QPointF last_delta_px;           // the drag as last made into sculpts
    };

    void onDragStarted(const SculptDrag& drag);
    void onDragged(const SculptDrag& drag);
    void onDragFinished(const SculptDrag& drag);
    void onFrame(double t_s);
    // Why a drag cannot sculpt now; empty when it can.
    QString refusal() const;
    const ps::MotionDocument& playbackMotion() const;

    ProjectSession& session_;
    PreviewEngine& engine_;
    PreviewController& preview_;
    TransportBar& transport_;
    ViewerPanel& viewer_;
    std::optional<Drag> drag_;
    double last_frame_t_s_ = -1.0;  // the time of the frame the viewer shows
    // The playback motion, remade on the first use after a change.
    mutable std::shared_ptr<const ps::MotionDocument> playback_;
};

}  // namespace ps::ui
