#include "ui/OrbitCamera.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "face/Camera.h"

namespace ps::ui {

void OrbitCamera::setTarget(const glm::vec3& target_cm) {
    if (preset_ == CameraPreset::Photo) {
        // The photo's camera stays at the origin: aim at the new target from there.
        const glm::vec3 eye{0.0f};
        target_ = target_cm;
        const glm::vec3 back = eye - target_;
        distance_ = std::max(glm::length(back), kMinDistance_cm);
        const glm::vec3 d = back / std::max(glm::length(back), 1e-6f);
        pitch_deg_ = glm::degrees(std::asin(std::clamp(d.y, -1.0f, 1.0f)));
        yaw_deg_ = glm::degrees(std::atan2(d.x, d.z));
        return;
    }
    target_ = target_cm;
}

void OrbitCamera::setPreset(CameraPreset preset) {
    preset_ = preset;
    yaw_deg_ = 0.0f;
    pitch_deg_ = 0.0f;
    fov_deg_ = kPresetFov_deg;
    fit_narrow_side_ = preset != CameraPreset::Photo;
    distance_ = 0.5f * kPresetFraming_cm / std::tan(glm::radians(0.5f * kPresetFov_deg));
    switch (preset) {
        case CameraPreset::Photo:
            fov_deg_ = ps::PerspectiveCamera{}.vertical_fov_deg;
            setTarget(target_);  // from the origin, as the photo was taken
            break;
        case CameraPreset::Front:
            break;
        case CameraPreset::Side:
            yaw_deg_ = -90.0f;  // from the subject's right, the image's left
            break;
        case CameraPreset::Top:
            pitch_deg_ = kMaxPitch_deg;
            break;
    }
}

void OrbitCamera::orbit(float yaw_deg, float pitch_deg) {
    preset_.reset();
    yaw_deg_ = std::remainder(yaw_deg_ + yaw_deg, 360.0f);
    pitch_deg_ = std::clamp(pitch_deg_ + pitch_deg, -kMaxPitch_deg, kMaxPitch_deg);
}

void OrbitCamera::zoom(float factor) {
    if (!(factor > 0.0f) || !std::isfinite(factor)) {
        return;
    }
    preset_.reset();
    distance_ = std::clamp(distance_ * factor, kMinDistance_cm, kMaxDistance_cm);
}

void OrbitCamera::pan(QPointF pixels, QSize viewport) {
    if (viewport.height() <= 0) {
        return;
    }
    preset_.reset();
    // At the target's depth one pixel spans this many cm.
    const float cm_per_px = 2.0f * distance_ *
                            std::tan(glm::radians(0.5f * verticalFov_deg(viewport))) /
                            float(viewport.height());
    const glm::vec3 forward = -viewDirection();
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    // Dragging right moves the scene right: the target moves left.
    target_ += cm_per_px * (-float(pixels.x()) * right + float(pixels.y()) * up);
}

glm::vec3 OrbitCamera::viewDirection() const {
    const float yaw = glm::radians(yaw_deg_);
    const float pitch = glm::radians(pitch_deg_);
    return {std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw)};
}

glm::vec3 OrbitCamera::eye() const {
    if (preset_ == CameraPreset::Photo) {
        return glm::vec3(0.0f);  // exactly, not through the trigonometry
    }
    return target_ + distance_ * viewDirection();
}

glm::mat4 OrbitCamera::viewMatrix() const {
    if (preset_ == CameraPreset::Photo) {
        return glm::mat4(1.0f);  // the photo's camera is this space's own
    }
    return glm::lookAt(eye(), target_, glm::vec3(0.0f, 1.0f, 0.0f));
}

float OrbitCamera::verticalFov_deg(QSize viewport) const {
    const float aspect =
        viewport.height() > 0 ? float(viewport.width()) / float(viewport.height()) : 1.0f;
    if (!fit_narrow_side_ || aspect >= 1.0f || !(aspect > 0.0f)) {
        return fov_deg_;
    }
    // A tall, narrow view (a dock at the side): the angle spans the width instead, so the
    // framed head is not cut at the sides.
    return glm::degrees(2.0f * std::atan(std::tan(glm::radians(0.5f * fov_deg_)) / aspect));
}

glm::mat4 OrbitCamera::projectionMatrix(QSize viewport) const {
    const float aspect =
        viewport.height() > 0 ? float(viewport.width()) / float(viewport.height()) : 1.0f;
    return glm::perspective(glm::radians(verticalFov_deg(viewport)), aspect, kNear_cm, kFar_cm);
}

std::optional<QPointF> OrbitCamera::project(const glm::vec3& point_cm, QSize viewport) const {
    if (viewport.isEmpty()) {
        return std::nullopt;
    }
    const glm::vec4 clip = projectionMatrix(viewport) * viewMatrix() * glm::vec4(point_cm, 1.0f);
    if (!(clip.w > 1e-6f)) {
        return std::nullopt;
    }
    const double x = (double(clip.x / clip.w) + 1.0) * 0.5 * viewport.width();
    const double y = (1.0 - double(clip.y / clip.w)) * 0.5 * viewport.height();
    return QPointF(x, y);
}

}  // namespace ps::ui
