// A head pose as AniPortrait stores it (pose_util.py): Euler angles x, y, z in degrees (pitch,
// yaw, roll) composed as scipy's extrinsic 'xyz', i.e. R = Rz * Ry * Rx, plus a translation in
// the canonical mesh's units (cm). The pose maps face-local points into MediaPipe's camera space
// (camera at the origin looking down -z, y up), so a face in view has translation.z < 0.
// Plain values and pure functions: safe to use from any thread.
#pragma once

#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <vector>

namespace ps {

struct HeadPose {
    glm::vec3 rotation_deg{0.0f};  // x pitch, y yaw, z roll; applied about fixed axes x, then y, z
    glm::vec3 translation{0.0f};   // cm
};

// Euler angles (degrees, AniPortrait's order) to a unit quaternion and back. The extraction
// returns pitch and roll in (-180, 180] and yaw in [-90, 90]; at yaw = ±90° exactly pitch and
// roll are coupled and roll is reported as 0, so the rotation (not the triple) round-trips.
glm::quat rotationFromEulerDeg(const glm::vec3& euler_deg);
glm::vec3 eulerDegFromRotation(const glm::quat& rotation);

glm::quat toQuat(const HeadPose& pose);
glm::mat4 toMatrix(const HeadPose& pose);  // rotation, then translation; column-major (GLM)
HeadPose headPoseFrom(const glm::quat& rotation, const glm::vec3& translation);
// The rigid part of a face-to-camera matrix (e.g. MediaPipe's facial transformation matrix);
// the upper 3x3 must be a rotation, as it is for MediaPipe's and AniPortrait's matrices.
HeadPose headPoseFromMatrix(const glm::mat4& face_to_camera);

// Face-local vertices (cm) to camera space: R * v + t.
std::vector<glm::vec3> applyPose(const std::vector<glm::vec3>& vertices, const HeadPose& pose);
// AniPortrait's project_points: the pose is applied in the face's own frame, before the
// reference face-to-camera matrix of the photo: reference * pose * v.
std::vector<glm::vec3> applyPose(const std::vector<glm::vec3>& vertices,
                                 const glm::mat4& reference_face_to_camera, const HeadPose& pose);
std::vector<glm::vec3> transformPoints(const std::vector<glm::vec3>& points, const glm::mat4& m);

}  // namespace ps
