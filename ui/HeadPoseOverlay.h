// A view's head-pose gizmo overlay: the gizmo placed on the shown frame's face, its hover and
// its drags, kept out of the views (the main viewer, the 3D face view) so that each only routes
// events here. The gizmo draws through the projector the view gives (the viewer: the MediaPipe
// camera into image pixels, then onto the widget; the 3D view: its orbit camera). No signals:
// the view reports what each call returns. UI thread only.
#pragma once

#include <QPointF>
#include <QSize>
#include <functional>
#include <glm/vec3.hpp>
#include <memory>
#include <optional>

#include "ui/HeadPoseGizmo.h"

class QPainter;

namespace ps::ui {

class HeadPoseOverlay {
public:
    // The head angles (pitch, yaw, roll) at the playhead when a drag starts; nullopt refuses it.
    using AnglesProvider = std::function<std::optional<glm::vec3>()>;

    void setVisible(bool visible);
    bool isVisible() const { return visible_; }
    void setAnglesProvider(AnglesProvider provider) { angles_ = std::move(provider); }
    // Places the gizmo on the shown frame's face; null hides it until the next one.
    void setFrameFit(const std::shared_ptr<const ps::FaceFit>& fit);
    const HeadPoseGizmo& gizmo() const { return gizmo_; }
    // Where the view's eye is (camera space, cm): which half of each ring faces away.
    void setViewerPosition(const glm::vec3& eye_cm) { gizmo_.setViewerPosition(eye_cm); }

    // A press at `pos`: the handle whose drag starts, or None (the viewer pans instead).
    GizmoHandle press(QPointF pos, const GizmoProjector& project);
    // The angles the drag asks for at `pos`; nullopt when no drag is on.
    std::optional<glm::vec3> move(QPointF pos, const GizmoProjector& project, bool snap);
    // Ends the drag: the angles at `pos` when the cursor moved since the last move (nullopt when
    // it did not, or no drag was on).
    std::optional<glm::vec3> release(QPointF pos, const GizmoProjector& project, bool snap);
    // Hover: true when the highlighted handle changed (the viewer repaints).
    bool hover(QPointF pos, const GizmoProjector& project);
    void leave();
    bool isDragging() const { return gizmo_.isDragging(); }

    void paint(QPainter& painter, const GizmoProjector& project) const;

    // The viewer's projector: the MediaPipe camera (PerspectiveCamera) into the pixels of an image
    // of `image_size`, then `to_widget`. Points behind the camera have no image.
    static GizmoProjector projector(QSize image_size, std::function<QPointF(QPointF)> to_widget);

private:
    bool visible_ = false;
    HeadPoseGizmo gizmo_;
    AnglesProvider angles_;
    QPointF last_pos_;  // where the drag was last asked for
};

}  // namespace ps::ui
