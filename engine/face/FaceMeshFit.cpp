#include "face/FaceMeshFit.h"

#include <bitset>
#include <cmath>

#include "face/FaceMesh.h"
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

// Priors in proportion to the face's size, as the photo fit's: each is the pixel error, as a
// fraction of the eye distance, that a coefficient of 1 must remove to be worth it. With 468
// points the evidence is strong, so the priors only keep the problem well posed.
LandmarkFitOptions meshFitOptions(float eye_distance_px) {
    const auto px2 = [eye_distance_px](double fraction) {
        return float(fraction * fraction * eye_distance_px * eye_distance_px);
    };
    LandmarkFitOptions options;
    options.identity_prior_px2 = px2(0.02);
    options.expression_prior_px2 = px2(0.04);
    options.symmetry_prior_px2 = px2(0.05);
    options.free_expressions = observableExpressions();
    return options;
}

}  // namespace

Result<FaceFit> fitToFaceMesh(const FaceLandmarks& landmarks, cv::Size image_size) {
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
    const glm::vec3 right = 0.5f * (landmarks.points[landmark::kRightEyeOuter] +
                                    landmarks.points[landmark::kRightEyeInner]);
    const glm::vec3 left = 0.5f * (landmarks.points[landmark::kLeftEyeOuter] +
                                   landmarks.points[landmark::kLeftEyeInner]);
    const float eye_distance = std::hypot(left.x - right.x, left.y - right.y);
    return fitToLandmarks(targets, image_size, meshFitOptions(eye_distance));
}

}  // namespace ps
