#include "face/Camera.h"

#include <cmath>
#include <limits>

#include "face/FaceMesh.h"

namespace ps {

float PerspectiveCamera::focalLengthPx(cv::Size image_size) const {
    return 0.5f * float(image_size.height) / std::tan(glm::radians(0.5f * vertical_fov_deg));
}

glm::mat4 PerspectiveCamera::projectionMatrix(cv::Size image_size) const {
    const float aspect = float(image_size.width) / float(image_size.height);
    const float f = 1.0f / std::tan(glm::radians(0.5f * vertical_fov_deg));
    const float denom = 1.0f / (near_cm - far_cm);
    glm::mat4 p(0.0f);  // p[column][row]
    p[0][0] = f / aspect;
    p[1][1] = -f;  // MediaPipe's flip for a top-left image origin
    p[2][2] = (near_cm + far_cm) * denom;
    p[2][3] = -1.0f;  // w = -z
    // OpenGL's depth term; pose_util.py drops the factor 2, which changes depth, never pixels.
    p[3][2] = 2.0f * far_cm * near_cm * denom;
    return p;
}

// AniPortrait's project_points multiplies row vectors by the transpose of this matrix, which
// makes its w = -z * far / (far - near) instead of -z: its landmarks sit 0.01% closer to the
// image centre (0.03 px at the edge of a 512 image). We follow MediaPipe's exact pinhole, which
// is what estimated the facial transformation matrices in the first place.
glm::vec2 PerspectiveCamera::project(const glm::vec3& camera_point, cv::Size image_size) const {
    if (!(camera_point.z < 0.0f)) {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        return {nan, nan};
    }
    const glm::vec4 clip = projectionMatrix(image_size) * glm::vec4(camera_point, 1.0f);
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return {(ndc.x + 1.0f) * 0.5f * float(image_size.width),
            (ndc.y + 1.0f) * 0.5f * float(image_size.height)};
}

std::vector<glm::vec2> PerspectiveCamera::project(const std::vector<glm::vec3>& camera_points,
                                                  cv::Size image_size) const {
    std::vector<glm::vec2> out;
    out.reserve(camera_points.size());
    for (const glm::vec3& p : camera_points) {
        out.push_back(project(p, image_size));
    }
    return out;
}

glm::vec3 PerspectiveCamera::unproject(const glm::vec2& pixel, float camera_z,
                                       cv::Size image_size) const {
    const float f = focalLengthPx(image_size);
    const float depth = -camera_z;
    const glm::vec2 centre(0.5f * float(image_size.width), 0.5f * float(image_size.height));
    // x grows right in both spaces; y grows down in the image and up in the camera.
    return {(pixel.x - centre.x) * depth / f, -(pixel.y - centre.y) * depth / f, camera_z};
}

glm::vec3 PerspectiveCamera::placeFace(const glm::vec2& eyes_midpoint_px, float inter_ocular_px,
                                       cv::Size image_size, const glm::quat& rotation) const {
    const std::vector<glm::vec3>& v = FaceMesh::canonical().vertices();
    const glm::vec3 right = rotation * v[landmark::kRightEyeOuter];
    const glm::vec3 left = rotation * v[landmark::kLeftEyeOuter];
    const glm::vec3 midpoint = 0.5f * (right + left);
    // Start from weak perspective (both corners at the midpoint's depth), which is exact for a
    // frontal face, then correct for a turned face's nearer eye looking larger: the apparent
    // distance scales almost exactly with 1 / depth, so a few fixed-point steps converge.
    float depth =
        focalLengthPx(image_size) * glm::length(glm::vec2(left - right)) / inter_ocular_px;
    glm::vec2 aim = eyes_midpoint_px;
    glm::vec3 translation = unproject(aim, -depth, image_size) - midpoint;
    for (int step = 0; step < 8; ++step) {
        const glm::vec2 r = project(right + translation, image_size);
        const glm::vec2 l = project(left + translation, image_size);
        if (!std::isfinite(r.x) || !std::isfinite(l.x)) {
            break;  // the face would straddle the camera: keep the weak-perspective answer
        }
        depth *= glm::distance(r, l) / inter_ocular_px;
        aim += eyes_midpoint_px - 0.5f * (r + l);
        translation = unproject(aim, -depth, image_size) - midpoint;
    }
    return translation;
}

}  // namespace ps
