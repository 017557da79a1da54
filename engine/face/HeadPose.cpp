#include "face/HeadPose.h"

#include <cmath>
#include <glm/mat3x3.hpp>

namespace ps {

glm::quat rotationFromEulerDeg(const glm::vec3& euler_deg) {
    const glm::vec3 r = glm::radians(euler_deg);
    const glm::quat qx = glm::angleAxis(r.x, glm::vec3(1, 0, 0));
    const glm::quat qy = glm::angleAxis(r.y, glm::vec3(0, 1, 0));
    const glm::quat qz = glm::angleAxis(r.z, glm::vec3(0, 0, 1));
    // Extrinsic x-y-z: x is applied first, so it is rightmost.
    return glm::normalize(qz * qy * qx);
}

glm::vec3 eulerDegFromRotation(const glm::quat& rotation) {
    // Work in double: near yaw = ±90° the pitch/roll terms are scaled by cos(yaw) and float
    // rounding there would cost whole hundredths of a degree.
    const glm::dmat3 m = glm::mat3_cast(glm::normalize(glm::dquat(rotation)));
    auto at = [&m](int row, int col) { return m[col][row]; };  // GLM is column-major

    // R = Rz(c) Ry(b) Rx(a):
    //   row 2 = (-sin b, sin a cos b, cos a cos b), column 0 = cos b (cos c, sin c, .)
    const double cos_b = std::hypot(at(0, 0), at(1, 0));
    const double b = std::atan2(-at(2, 0), cos_b);
    double a = 0.0;
    double c = 0.0;
    if (cos_b > 1e-9) {
        a = std::atan2(at(2, 1), at(2, 2));
        // Roll from a and elements that stay well conditioned as cos b -> 0 (Day, "Extracting
        // Euler angles from a rotation matrix"): sin c and cos c without dividing by cos b.
        const double sa = std::sin(a);
        const double ca = std::cos(a);
        c = std::atan2(sa * at(0, 2) - ca * at(0, 1), ca * at(1, 1) - sa * at(1, 2));
    } else {
        // Gimbal lock: only a - sin(b) * c is defined; report c = 0.
        const double sb = b > 0.0 ? 1.0 : -1.0;
        a = std::atan2(sb * at(0, 1), at(1, 1));
    }
    return glm::vec3(glm::degrees(glm::dvec3(a, b, c)));
}

glm::quat toQuat(const HeadPose& pose) {
    return rotationFromEulerDeg(pose.rotation_deg);
}

glm::mat4 toMatrix(const HeadPose& pose) {
    glm::mat4 m = glm::mat4_cast(toQuat(pose));
    m[3] = glm::vec4(pose.translation, 1.0f);
    return m;
}

HeadPose headPoseFrom(const glm::quat& rotation, const glm::vec3& translation) {
    return {eulerDegFromRotation(rotation), translation};
}

HeadPose headPoseFromMatrix(const glm::mat4& face_to_camera) {
    return headPoseFrom(glm::quat_cast(glm::mat3(face_to_camera)), glm::vec3(face_to_camera[3]));
}

std::vector<glm::vec3> transformPoints(const std::vector<glm::vec3>& points, const glm::mat4& m) {
    std::vector<glm::vec3> out;
    out.reserve(points.size());
    for (const glm::vec3& p : points) {
        out.push_back(glm::vec3(m * glm::vec4(p, 1.0f)));
    }
    return out;
}

std::vector<glm::vec3> applyPose(const std::vector<glm::vec3>& vertices, const HeadPose& pose) {
    return transformPoints(vertices, toMatrix(pose));
}

std::vector<glm::vec3> applyPose(const std::vector<glm::vec3>& vertices,
                                 const glm::mat4& reference_face_to_camera, const HeadPose& pose) {
    return transformPoints(vertices, reference_face_to_camera * toMatrix(pose));
}

}  // namespace ps
