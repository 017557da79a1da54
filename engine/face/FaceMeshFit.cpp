#include "face/FaceMeshFit.h"

#include <bitset>
#include <cmath>

#include <glm/geometric.hpp>

#include "face/Camera.h"
#include "face/FaceMesh.h"
#include "face/HeadPose.h"
#include "face/IrisCentres.h"
#include "face/LandmarkFit.h"

namespace ps {

namespace {

// What the mesh cannot show: where the eyes look (the lids follow gaze only slightly; the irises
// come from the iris network) and the tongue.
std::bitset<kBlendshapeCount> observableExpressions() {
    std::bitset<kBlendshapeCount> free;
    free.set();
    for (Blendshape b :
         {Blendshape::EyeLookDownLeft, Blendshape::EyeLookDownRight, Blendshape::EyeLookInLeft,
          Blendshape::EyeLookInRight, Blendshape::EyeLookOutLeft, Blendshape::EyeLookOutRight,
          Blendshape::EyeLookUpLeft, Blendshape::EyeLookUpRight, Blendshape::TongueOut}) {
        free.reset(size_t(b));
    }
    return free;
}

}  // namespace

// Priors in proportion to the face's size and to the number of points, so that a small and a
// large copy of one photo fit alike and 468 points do not drown them: each is the root-mean-square
// error over the points, as a fraction of the eye distance, that a coefficient of 1 must remove
// to be worth it. Weaker priors let the few smooth identity modes and the 52 shapes chase the
// network's last pixel with absurd values (on the sample, a face 6 units shorter, jawForward and
// eyeWide at full strength with eyeSquint); these keep every value plausible, and the shape
// detail takes up what they leave (under a pixel or two at the key points: TestPhotoFit).
LandmarkFitOptions meshFitOptions(float eye_distance_px) {
    const auto px2 = [eye_distance_px](double fraction) {
        return float(kFaceVertexCount * fraction * fraction * eye_distance_px * eye_distance_px);
    };
    LandmarkFitOptions options;
    options.identity_prior_px2 = px2(0.01);
    options.expression_prior_px2 = px2(0.02);
    options.symmetry_prior_px2 = px2(0.025);
    options.free_expressions = observableExpressions();
    return options;
}

namespace {

// The most a vertex's shape detail may move it: about 3 mm, a few pixels on a portrait. More
// than that is the network's mistake (a point slid along an edge), not the person.
constexpr float kMaxDetailCm = 0.3f;

}  // namespace

float meshEyeDistance(const std::vector<glm::vec3>& points_px) {
    const glm::vec3 right =
        0.5f * (points_px[landmark::kRightEyeOuter] + points_px[landmark::kRightEyeInner]);
    const glm::vec3 left =
        0.5f * (points_px[landmark::kLeftEyeOuter] + points_px[landmark::kLeftEyeInner]);
    return std::hypot(left.x - right.x, left.y - right.y);
}

// What the identity modes cannot follow of the person's shape.
std::vector<glm::vec3> meshShapeDetail(const FaceFit& fit,
                                       const std::vector<glm::vec3>& points_px) {
    const PerspectiveCamera camera;
    const glm::quat to_local = glm::inverse(toQuat(fit.pose));
    std::vector<glm::vec3> detail(fit.vertices.size(), glm::vec3(0.0f));
    for (size_t i = 0; i < detail.size(); ++i) {
        const glm::vec3& v = fit.vertices[i];
        const glm::vec2 target(points_px[i].x, points_px[i].y);
        glm::vec3 offset = to_local * (camera.unproject(target, v.z, fit.image_size) - v);
        const float length = glm::length(offset);
        if (length > kMaxDetailCm) {
            offset *= kMaxDetailCm / length;
        }
        detail[i] = offset;
    }
    return detail;
}

Result<FaceFit> fitToFaceMesh(const FaceLandmarks& landmarks, cv::Size image_size,
                              const IrisLandmarks* irises) {
    if (landmarks.points.size() != size_t(kFaceVertexCount)) {
        return Error{
            ErrorKind::BadInput,
            "the face mesh has " + std::to_string(landmarks.points.size()) + " points, not 468"};
    }
    std::vector<LandmarkTarget> targets;
    targets.reserve(kFaceVertexCount);
    for (int i = 0; i < kFaceVertexCount; ++i) {
        targets.push_back({i, {landmarks.points[size_t(i)].x, landmarks.points[size_t(i)].y}});
    }
    Result<FaceFit> fit =
        fitToLandmarks(targets, image_size, meshFitOptions(meshEyeDistance(landmarks.points)));
    if (!fit) {
        return fit;
    }
    if (irises != nullptr) {
        setIrisCentres(*fit, *irises);
    }
    fit->shape_detail_cm = meshShapeDetail(*fit, landmarks.points);
    updateFaceFit(*fit);
    return fit;
}

}  // namespace ps
