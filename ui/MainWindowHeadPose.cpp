// MainWindow's wiring of the head pose: the gizmo in the viewer and in the 3D face view, the
// inspector's numeric angles, and the View menu's switch, all keying through one
// HeadPoseController. Kept apart from MainWindow.cpp, which arranges the rest.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>

#include "ui/FaceView3D.h"
#include "ui/FaceViewPanel.h"
#include "ui/HeadPoseController.h"
#include "ui/HeadPoseFields.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/PaintableImage.h"
#include "ui/PreviewEngine.h"
#include "ui/ViewerPanel.h"

namespace ps::ui {

void MainWindow::connectHeadPose() {
    connect(head_pose_, &HeadPoseController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kStatusMessage_ms); });
    const auto angles = [this] { return head_pose_->headAnglesAtPlayhead(); };
    // Each view that shows a gizmo gets the shown frame's face; the viewer only while its gizmo
    // is on (the landmark editor feeds it otherwise), the 3D view while it is shown at all.
    connect(head_pose_, &HeadPoseController::frameFitChanged, this,
            [this](const std::shared_ptr<const ps::FaceFit>& fit) {
                if (viewer_->isHeadPoseGizmoVisible()) {
                    viewer_->setFrameFit(fit);
                }
                if (face_view_->view() != nullptr && face_view_->isVisible()) {
                    face_view_->view()->setFrameFit(fit);
                }
            });
    connect(face_view_dock_, &QDockWidget::visibilityChanged, head_pose_, [this](bool visible) {
        if (visible) {
            head_pose_->refreshFrameFit();
        }
    });
    viewer_->setHeadAnglesProvider(angles);
    connect(viewer_, &ViewerPanel::headPoseGizmoVisibleChanged, head_pose_,
            &HeadPoseController::refreshFrameFit);
    connect(viewer_, &ViewerPanel::headPoseDragStarted, head_pose_,
            [this](GizmoHandle) { head_pose_->beginDrag(); });
    connect(viewer_, &ViewerPanel::headPoseDragged, head_pose_, &HeadPoseController::dragTo);
    connect(viewer_, &ViewerPanel::headPoseDragFinished, head_pose_,
            &HeadPoseController::finishDrag);
    inspector_->addFooter(new HeadPoseFields(*head_pose_));

    FaceView3D* view = face_view_->view();
    if (view == nullptr) {
        return;  // no OpenGL here: the dock says so
    }
    connect(preview_, &PreviewEngine::sceneChanged, this, [this, view] {
        const std::shared_ptr<const ps::PreviewScene> scene = preview_->scene();
        if (scene == nullptr) {
            view->clear();
            return;
        }
        view->setPhoto(toPaintableImage(scene->photo()), scene->fit());
        head_pose_->refreshFrameFit();
    });

    view->setHeadAnglesProvider(angles);
    connect(view, &FaceView3D::headPoseDragStarted, head_pose_,
            [this](GizmoHandle) { head_pose_->beginDrag(); });
    connect(view, &FaceView3D::headPoseDragged, head_pose_, &HeadPoseController::dragTo);
    connect(view, &FaceView3D::headPoseDragFinished, head_pose_, &HeadPoseController::finishDrag);
}

QAction* MainWindow::createHeadPoseGizmoAction(QMenu* view) {
    QAction* gizmo = view->addAction(tr("Head Pose &Gizmo"));
    gizmo->setObjectName(QStringLiteral("headPoseGizmoAction"));
    gizmo->setCheckable(true);
    gizmo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    gizmo->setToolTip(
        tr("Rings over the face: drag one to key pitch, yaw or roll at the "
           "playhead, or the centre to turn the head freely; Shift snaps to 5°"));
    connect(gizmo, &QAction::toggled, viewer_, &ViewerPanel::setHeadPoseGizmoVisible);
    connect(viewer_, &ViewerPanel::headPoseGizmoVisibleChanged, gizmo, &QAction::setChecked);
    return gizmo;
}

}  // namespace ps::ui
