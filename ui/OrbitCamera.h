// The 3D face view's camera: orbits a target (the head's pivot), zooms towards it and pans
// across the view, in the photo's own camera space (MediaPipe's: cm, looking down -z, y up), so
// the fitted head, the gizmo and the photo's camera share one frame. Presets look at the face
// from the front, the side (the subject's right) and the top, or from the photo's camera, which
// projects exactly as PerspectiveCamera does (the face lands where it is in the photo). Pure
// maths; no GL, so tests check it without a context.
#pragma once

#include <QPointF>
#include <QSize>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <optional>

namespace ps::ui {

enum class CameraPreset { Photo, Front, Side, Top };

class OrbitCamera {
public:
    static constexpr float kPresetFov_deg = 30.0f;     // narrow: little distortion of the head
    static constexpr float kPresetFraming_cm = 34.0f;  // what the preset's view height spans
    static constexpr float kMinDistance_cm = 8.0f;
    static constexpr float kMaxDistance_cm = 2000.0f;
    static constexpr float kMaxPitch_deg = 89.0f;  // short of the pole, where "up" flips

    // The point orbited and zoomed towards; keeps the viewing direction and distance.
    void setTarget(const glm::vec3& target_cm);
    glm::vec3 target() const { return target_; }

    // Looks from `preset`; the photo's camera is MediaPipe's (63° vertical, at the origin).
    void setPreset(CameraPreset preset);
    // The preset last chosen, until the view is orbited, zoomed or panned (then none).
    std::optional<CameraPreset> preset() const { return preset_; }

    // Turns the view about the target: `yaw_deg` about the vertical, `pitch_deg` over it.
    void orbit(float yaw_deg, float pitch_deg);
    // Moves towards the target by `factor` (below 1 nearer, above 1 further).
    void zoom(float factor);
    // Moves the view and its target by `pixels` of a `viewport`, so the point under the cursor
    // follows the cursor at the target's depth.
    void pan(QPointF pixels, QSize viewport);

    glm::vec3 eye() const;
    float distance_cm() const { return distance_; }
    // The vertical angle of view in `viewport`: the preset's, except that in a view taller than
    // wide the orbiting presets keep their angle across the width (the photo's camera never
    // does: it projects as the photo was taken).
    float verticalFov_deg(QSize viewport) const;
    // World (the photo's camera space) to the view's eye space, and the eye to GL clip space for
    // a viewport (OpenGL conventions: y up in NDC).
    glm::mat4 viewMatrix() const;
    glm::mat4 projectionMatrix(QSize viewport) const;
    // A world point to viewport pixels (origin top-left, y down); nullopt behind the eye.
    std::optional<QPointF> project(const glm::vec3& point_cm, QSize viewport) const;

private:
    // Where the eye looks from: yaw about +y, then pitch towards +y; (0, 0) looks down -z.
    glm::vec3 viewDirection() const;

    glm::vec3 target_{0.0f, 0.0f, -60.0f};
    float yaw_deg_ = 0.0f;
    float pitch_deg_ = 0.0f;
    float distance_ = 60.0f;
    float fov_deg_ = kPresetFov_deg;
    bool fit_narrow_side_ = true;
    std::optional<CameraPreset> preset_;
    static constexpr float kNear_cm = 1.0f;
    static constexpr float kFar_cm = 10000.0f;
};

}  // namespace ps::ui
