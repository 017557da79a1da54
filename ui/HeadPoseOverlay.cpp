#include "ui/HeadPoseOverlay.h"

#include <cmath>

#include "face/Camera.h"
#include "face/FaceFit.h"

namespace ps::ui {

void HeadPoseOverlay::setVisible(bool visible) {
    visible_ = visible;
    if (!visible) {
        gizmo_.endDrag();
        gizmo_.setHovered(GizmoHandle::None);
    }
}

void HeadPoseOverlay::setFrameFit(const std::shared_ptr<const ps::FaceFit>& fit) {
    // A drag keeps the placement it started with (HeadPoseGizmo); the rings follow the head.
    if (fit != nullptr && !fit->vertices.empty()) {
        placeOnFace(gizmo_, *fit);
    } else {
        gizmo_.clearPlacement();
    }
}

GizmoHandle HeadPoseOverlay::press(QPointF pos, const GizmoProjector& project) {
    if (!visible_ || !gizmo_.hasPlacement()) {
        return GizmoHandle::None;
    }
    const GizmoHandle handle = gizmo_.hitTest(pos, project);
    if (handle == GizmoHandle::None) {
        return handle;
    }
    const std::optional<glm::vec3> start = angles_ ? angles_() : std::nullopt;
    if (!start.has_value()) {
        return GizmoHandle::None;  // the face is not ready: nothing to turn
    }
    gizmo_.beginDrag(handle, pos, project, *start);
    last_pos_ = pos;
    return gizmo_.isDragging() ? handle : GizmoHandle::None;
}

std::optional<glm::vec3> HeadPoseOverlay::move(QPointF pos, const GizmoProjector& project,
                                               bool snap) {
    if (!gizmo_.isDragging()) {
        return std::nullopt;
    }
    last_pos_ = pos;
    return gizmo_.dragTo(pos, project, snap);
}

std::optional<glm::vec3> HeadPoseOverlay::release(QPointF pos, const GizmoProjector& project,
                                                  bool snap) {
    std::optional<glm::vec3> last;
    if (gizmo_.isDragging() && pos != last_pos_) {
        last = gizmo_.dragTo(pos, project, snap);
    }
    gizmo_.endDrag();
    return last;
}

bool HeadPoseOverlay::hover(QPointF pos, const GizmoProjector& project) {
    if (!visible_ || gizmo_.isDragging()) {
        return false;
    }
    const GizmoHandle handle = gizmo_.hitTest(pos, project);
    if (handle == gizmo_.hovered()) {
        return false;
    }
    gizmo_.setHovered(handle);
    return true;
}

void HeadPoseOverlay::leave() {
    if (!gizmo_.isDragging()) {
        gizmo_.setHovered(GizmoHandle::None);
    }
}

void HeadPoseOverlay::paint(QPainter& painter, const GizmoProjector& project) const {
    if (visible_) {
        gizmo_.paint(painter, project);
    }
}

GizmoProjector HeadPoseOverlay::projector(QSize image_size,
                                          std::function<QPointF(QPointF)> to_widget) {
    return [image_size, to_widget = std::move(to_widget)](
               const glm::vec3& camera_point) -> std::optional<QPointF> {
        if (image_size.isEmpty()) {
            return std::nullopt;
        }
        const glm::vec2 px = ps::PerspectiveCamera{}.project(
            camera_point, cv::Size(image_size.width(), image_size.height()));
        if (!std::isfinite(px.x) || !std::isfinite(px.y)) {
            return std::nullopt;
        }
        return to_widget(QPointF(px.x, px.y));
    };
}

}  // namespace ps::ui
