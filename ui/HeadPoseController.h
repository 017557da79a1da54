// Turns head-pose gizmo drags (the viewer's overlay, the 3D face view) and the inspector's numeric
// entry into keys on the open project: the head's pitch, yaw and roll are keyed on their own
// curves (BlendshapeKeying's keyChannels, BlendMode::Override) at the start of the frame at the
// playhead, and a whole press-drag-release is one undo step. Also answers what the frame at a
// time shows (its fit and head angles) and tells views when the shown frame changes, so that
// they re-place the gizmo. Knows no widget. UI thread only.
//
// Decisions:
// - A ring keys only its own channel; the trackball keys pitch and yaw. Numeric entry keys the
//   one channel edited; each call of setAngle is its own undo step unless it passes a gesture.
// - A locked keyframe lane refuses, and so does a muted (or not soloed) one, whose keys would
//   not show; the reason goes out as `message`. So does a face not yet fitted.
// - frameFitChanged is computed only while something listens to it.
//
// Wiring in MainWindow (after the viewer, preview engine, preview controller, transport and the
// inspector):
//
//   head_pose_ = new HeadPoseController(*session_, *preview_, *preview_controller_, *transport_,
//                                       this);
//   connect(head_pose_, &HeadPoseController::message, this,
//           [this](const QString& text) { statusBar()->showMessage(text, kStatusMessage_ms); });
//   // the viewer's overlay
//   viewer_->setHeadAnglesProvider([this] { return head_pose_->headAnglesAtPlayhead(); });
//   connect(head_pose_, &HeadPoseController::frameFitChanged, viewer_, &ViewerPanel::setFrameFit);
//   connect(viewer_, &ViewerPanel::headPoseGizmoVisibleChanged, head_pose_,
//           &HeadPoseController::refreshFrameFit);
//   connect(viewer_, &ViewerPanel::headPoseDragStarted, head_pose_,
//           [this](GizmoHandle) { head_pose_->beginDrag(); });
//   connect(viewer_, &ViewerPanel::headPoseDragged, head_pose_, &HeadPoseController::dragTo);
//   connect(viewer_, &ViewerPanel::headPoseDragFinished, head_pose_,
//           &HeadPoseController::finishDrag);
//   // View menu (and a toolbar button), checkable, e.g. shortcut Ctrl+Shift+H; the gizmo and the
//   // landmark editor take turns (turning one on turns the other off), so keep both in step:
//   gizmo_action->setCheckable(true);
//   connect(gizmo_action, &QAction::toggled, viewer_, &ViewerPanel::setHeadPoseGizmoVisible);
//   connect(viewer_, &ViewerPanel::headPoseGizmoVisibleChanged, gizmo_action,
//   &QAction::setChecked); connect(viewer_, &ViewerPanel::sculptModeChanged, sculpt_action,
//   &QAction::setChecked);
//   // the inspector's "Head pose at playhead" group
//   inspector_->setHeadPoseFields(new HeadPoseFields(*head_pose_));
#pragma once

#include <QObject>
#include <QString>
#include <glm/vec3.hpp>
#include <memory>
#include <optional>

#include "face/FaceFit.h"
#include "motion/MotionDocument.h"
#include "ui/HeadPoseGizmo.h"

namespace ps::ui {

class PreviewController;
class PreviewEngine;
class ProjectSession;
class TransportBar;

class HeadPoseController : public QObject {
    Q_OBJECT
public:
    // All must outlive the controller.
    HeadPoseController(ProjectSession& session, PreviewEngine& engine, PreviewController& preview,
                       TransportBar& transport, QObject* parent = nullptr);

    // The face the frame at `t_s` shows, as the preview draws it (the playback motion, mutes
    // applied, on the photo's fit); nullopt until the photo is fitted and the voice's motion made.
    std::optional<ps::FaceFit> frameFit(double t_s) const;
    // FaceState::head_deg (pitch, yaw, roll) there; nullopt likewise.
    std::optional<glm::vec3> headAngles(double t_s) const;
    std::optional<glm::vec3> headAnglesAtPlayhead() const { return headAngles(keyTime_s()); }
    // The start of the frame at the playhead: where keys go.
    double keyTime_s() const;
    // Whether `channel` (kHeadPitchChannel …) has a key at the playhead's frame on its own curve.
    bool isKeyed(int channel) const;
    // Why an edit cannot key now; empty when it can.
    QString refusal() const;
    // A fresh gesture number for a continuous numeric edit (a slider's drag): see setAngle.
    int newGesture();

    // ---- gizmo drags ----
    // Starts a drag at the playhead (one undo step from here to finishDrag); false, with a
    // message, when refused.
    bool beginDrag();
    // Keys the channels of `handle` (a ring: its own; the trackball: pitch and yaw) with
    // `head_deg` (pitch, yaw, roll) at the time the drag started at. False when no drag is on
    // or the document refused (the reason goes out as a message).
    bool dragTo(const glm::vec3& head_deg, ps::ui::GizmoHandle handle);
    void finishDrag();
    bool isDragging() const { return drag_.has_value(); }

    // ---- numeric entry ----
    // Keys `channel` (kHeadPitchChannel, kHeadYawChannel or kHeadRollChannel) to `degrees` at
    // the playhead's frame: its own undo step, or merged with the other edits of `gesture`
    // (non-zero, from newGesture) at the same time. False, with a message, when refused.
    bool setAngle(int channel, float degrees, int gesture = 0);
    // Removes the key at the playhead's frame when there is one, else keys the angle shown
    // there. False, with a message, when refused.
    bool toggleKey(int channel);

public slots:
    // Sends frameFitChanged for the frame last shown (a view just appeared).
    void refreshFrameFit();

signals:
    // One sentence for the status bar: why an edit made nothing.
    void message(const QString& text);
    // The face of the frame now shown (null when there is none): views re-place the gizmo.
    void frameFitChanged(std::shared_ptr<const ps::FaceFit> fit);
    // The angles or keys at the playhead may have changed (an edit, undo, the playhead moved,
    // a lane switched, the voice analysed): numeric fields refresh.
    void anglesChanged();

private:
    struct Drag {
        int gesture = 0;
        double t_s = 0.0;
    };

    bool keyAt(const std::vector<std::pair<int, float>>& values, double t_s, int gesture,
               const QString& label);
    void emitFrameFit(double t_s);
    const ps::MotionDocument& playbackMotion() const;

    ProjectSession& session_;
    PreviewEngine& engine_;
    PreviewController& preview_;
    TransportBar& transport_;
    std::optional<Drag> drag_;
    double last_frame_t_s_ = -1.0;  // the time of the frame last shown
    // The playback motion, remade on the first use after a change.
    mutable std::shared_ptr<const ps::MotionDocument> playback_;
};

}  // namespace ps::ui
