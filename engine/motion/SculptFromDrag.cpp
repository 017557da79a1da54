#include "motion/SculptFromDrag.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/quaternion.hpp>

#include "face/FaceMesh.h"
#include "face/HeadPose.h"
#include "motion/MotionEvaluator.h"

namespace ps {

namespace {

// When the mirrored sculpt's share of the dragged vertex is more than 1 - this, the sideways part
// of a mirrored drag is faded out instead of solved for: two nearly coincident sculpts pulling
// apart would need offsets without bound.
constexpr float kMinSideways = 0.25f;
// A ramp shorter than this before the key would be no ramp: the sculpt then starts at full.
constexpr double kMinLead_s = 1e-3;

bool inFront(const FaceFit& frame, int vertex) {
    return vertex >= 0 && size_t(vertex) < frame.vertices.size() &&
           frame.vertices[size_t(vertex)].z < 0.0f;
}

}  // namespace

glm::vec3 offsetForDrag(const FaceFit& frame, int vertex, const glm::vec2& drag_px,
                        const PerspectiveCamera& camera) {
    if (!inFront(frame, vertex)) {
        return glm::vec3(0.0f);
    }
    const glm::vec3 at = frame.vertices[size_t(vertex)];
    const glm::vec2 seen = camera.project(at, frame.image_size);
    // Both points unprojected, rather than `at` itself, so that rounding in the projection does
    // not leak into the offset.
    const glm::vec3 moved = camera.unproject(seen + drag_px, at.z, frame.image_size) -
                            camera.unproject(seen, at.z, frame.image_size);
    return glm::inverse(toQuat(frame.pose)) * moved;
}

LandmarkSculpt mirroredSculpt(const LandmarkSculpt& sculpt) {
    LandmarkSculpt mirrored = sculpt;
    mirrored.id = 0;
    mirrored.center_vertex = FaceMesh::canonical().mirrorOf(sculpt.center_vertex);
    mirrored.offset_cm.x = -sculpt.offset_cm.x;
    return mirrored;
}

std::vector<LandmarkSculpt> sculptsForDrag(const FaceFit& frame, const LandmarkSculpt& sculpt,
                                           const glm::vec2& drag_px, bool mirror,
                                           const PerspectiveCamera& camera) {
    const int vertex = sculpt.center_vertex;
    const glm::vec3 wanted = offsetForDrag(frame, vertex, drag_px, camera);
    LandmarkSculpt primary = sculpt;
    if (!mirror || vertex < 0 || vertex >= kFaceVertexCount) {
        primary.offset_cm = wanted;
        return {primary};
    }
    const int other = FaceMesh::canonical().mirrorOf(vertex);
    if (other == vertex) {
        primary.offset_cm = glm::vec3(0.0f, wanted.y, wanted.z);
        return {primary};
    }
    // The dragged vertex moves by o + s * mirror(o), s being the mirrored sculpt's share of it.
    const float s = sculptFalloff(other, sculpt.radius_cm)[size_t(vertex)];
    const float apart = 1.0f - s;
    const float x =
        apart >= kMinSideways ? wanted.x / apart : wanted.x * apart / (kMinSideways * kMinSideways);
    primary.offset_cm = glm::vec3(x, wanted.y / (1.0f + s), wanted.z / (1.0f + s));
    return {primary, mirroredSculpt(primary)};
}

float radiusInPixels(const FaceFit& frame, int vertex, float radius_cm,
                     const PerspectiveCamera& camera) {
    if (!inFront(frame, vertex)) {
        return 0.0f;
    }
    return camera.focalLengthPx(frame.image_size) * radius_cm / -frame.vertices[size_t(vertex)].z;
}

std::vector<Keyframe> strengthRampAround(double t_s, double ramp_s) {
    std::vector<Keyframe> keys;
    const double start_s = std::max(0.0, t_s - ramp_s);
    if (t_s - start_s >= kMinLead_s) {
        keys.push_back({start_s, 0.0f, Interpolation::Ease});
    }
    keys.push_back({t_s, 1.0f, Interpolation::Ease});
    keys.push_back({t_s + ramp_s, 0.0f, Interpolation::Ease});
    return keys;
}

}  // namespace ps
