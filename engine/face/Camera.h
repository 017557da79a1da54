// MediaPipe's perspective camera, as AniPortrait uses it to turn a posed face mesh into pose-image
// landmarks: pinhole at the origin looking down -z (y up), vertical field of view 63°, near 1,
// far 10000 (cm). Projection lands in image pixels (origin top-left, x right, y down), with the
// aspect ratio taken from the image, so the focal length in pixels is (H / 2) / tan(31.5°) on
// both axes. Plain value; safe to share between threads.
#pragma once

#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace ps {

struct PerspectiveCamera {
    float vertical_fov_deg = 63.0f;
    float near_cm = 1.0f;
    float far_cm = 10000.0f;

    float focalLengthPx(cv::Size image_size) const;

    // The OpenGL-style clip matrix with MediaPipe's extra y flip (pose_util.py,
    // create_perspective_matrix): NDC y then points down, so pixel = (ndc + 1) / 2 * size.
    glm::mat4 projectionMatrix(cv::Size image_size) const;

    // Camera-space points (cm, z < 0 in front) to pixels. Points at or behind the camera have no
    // image; they come back as NaN so that callers cannot draw them by accident.
    glm::vec2 project(const glm::vec3& camera_point, cv::Size image_size) const;
    std::vector<glm::vec2> project(const std::vector<glm::vec3>& camera_points,
                                   cv::Size image_size) const;

    // The camera-space point that projects to `pixel` at the given depth (camera_z < 0).
    glm::vec3 unproject(const glm::vec2& pixel, float camera_z, cv::Size image_size) const;

    // The translation that places the canonical face, turned by `rotation`, with the midpoint of
    // its outer eye corners (landmarks 33 and 263) at `eyes_midpoint_px` and those corners
    // `inter_ocular_px` apart in the image, under full perspective (to well below a pixel).
    glm::vec3 placeFace(const glm::vec2& eyes_midpoint_px, float inter_ocular_px,
                        cv::Size image_size,
                        const glm::quat& rotation = glm::quat(1.0f, 0.0f, 0.0f, 0.0f)) const;
};

}  // namespace ps
