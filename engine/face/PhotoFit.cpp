#include "face/PhotoFit.h"

#include <algorithm>
#include <bitset>
#include <cmath>

#include "face/FaceFeatures.h"
#include "face/FaceMesh.h"
#include "face/LandmarkFit.h"

namespace ps {

namespace {

// Where the frontal cascade's box puts the eyes when the detector found none (measured on the
// sample portrait: 0.14 of the box above its middle, 0.44 of its width apart), turned with the
// face's roll.
EyeCentres eyesOf(const DetectedFace& face) {
    if (face.eyes) {
        return *face.eyes;
    }
    const cv::Point2f centre(face.box.x + 0.5f * face.box.width,
                             face.box.y + 0.5f * face.box.height);
    const float angle = face.roll_deg * float(CV_PI) / 180.0f;  // clockwise on screen, y down
    const cv::Point2f across(std::cos(angle), std::sin(angle));
    const cv::Point2f down(-std::sin(angle), std::cos(angle));
    const cv::Point2f middle = centre - 0.14f * face.box.height * down;
    const float half_gap = 0.22f * face.box.width;
    return {middle - half_gap * across, middle + half_gap * across};
}

// An eye centre is aimed at the midpoint of that eye's corners, which is what detectors and
// people point at.
std::vector<LandmarkTarget> eyeTargets(const EyeCentres& eyes, float weight) {
    return {
        {landmark::kRightEyeOuter, {eyes.right.x, eyes.right.y}, weight, landmark::kRightEyeInner},
        {landmark::kLeftEyeOuter, {eyes.left.x, eyes.left.y}, weight, landmark::kLeftEyeInner},
    };
}

// A point on the face's outline beside the chin is where the silhouette was seen, and which
// vertex shows as the silhouette at a height slides as the head turns. At half a feature
// point's weight they still settle the face's width and place (on the sample portrait and its
// copies, weights from a quarter to twice a feature point's all brought the nose and chin
// closer: TestPhotoFit) without pulling a turned head's outline hard onto the wrong vertices.
constexpr float kOutlineWeight = 0.5f;

bool onOutline(int vertex) {
    static const std::vector<int> oval = FaceMesh::canonical().regionVertices(FaceRegion::FaceOval);
    return vertex != landmark::kChin && std::binary_search(oval.begin(), oval.end(), vertex);
}

// The blendshapes a photo's located features can show: brows, lips and jaw. Lids, gaze,
// cheeks, the nose and the tongue have no located evidence and stay at rest.
std::bitset<kBlendshapeCount> observableExpressions() {
    std::bitset<kBlendshapeCount> free;
    for (Blendshape b :
         {Blendshape::BrowDownLeft, Blendshape::BrowDownRight, Blendshape::BrowInnerUp,
          Blendshape::BrowOuterUpLeft, Blendshape::BrowOuterUpRight, Blendshape::JawOpen,
          Blendshape::MouthFunnel, Blendshape::MouthPucker, Blendshape::MouthSmileLeft,
          Blendshape::MouthSmileRight, Blendshape::MouthFrownLeft, Blendshape::MouthFrownRight,
          Blendshape::MouthStretchLeft, Blendshape::MouthStretchRight,
          Blendshape::MouthLowerDownLeft, Blendshape::MouthLowerDownRight,
          Blendshape::MouthUpperUpLeft, Blendshape::MouthUpperUpRight}) {
        free.set(static_cast<size_t>(b));
    }
    return free;
}

// Priors in proportion to the face's size, so a small and a large copy of one photo fit alike:
// each is the pixel error, as a fraction of the eye distance, that a coefficient of 1 must
// remove to be worth it. Expressions cost twice what identity does, so a photo's lasting
// features (brow height, lip fullness) are read as the person, not as a held expression; the
// pose prior, 0.15 per radian, costs a head seen at 14 points and turned 25 degrees about a degree
// (TestLandmarkFit); stronger priors bias turned heads more. Chosen on the sample portrait and its
// copies (TestPhotoFit), where these values keep every landmark within about 5% of the eye
// distance.
LandmarkFitOptions photoFitOptions(const FaceFit& placed) {
    const glm::vec2 d =
        placed.landmarks2d[landmark::kLeftEyeOuter] - placed.landmarks2d[landmark::kRightEyeOuter];
    const float iod = 0.7f * std::hypot(d.x, d.y);  // outer corners lie ~1.4 eye distances apart
    const auto px2 = [iod](double fraction) { return float(fraction * fraction * iod * iod); };
    LandmarkFitOptions options;
    options.identity_prior_px2 = px2(0.04);
    options.expression_prior_px2 = px2(0.08);
    options.symmetry_prior_px2 = px2(0.1);
    options.pose_prior_px2 = px2(0.15);
    options.free_expressions = observableExpressions();
    return options;
}

}  // namespace

Result<PhotoFitReport> fitFaceInPhoto(const cv::Mat& bgr, const DetectedFace& face) {
    const cv::Size image_size = bgr.size();
    Result<FaceFit> placed = fitToLandmarks(eyeTargets(eyesOf(face), 1.0f), image_size);
    if (!placed) {
        return placed.error();
    }
    PhotoFitReport report{std::move(placed).value(), 0};

    Result<FaceFeatures> features = locateFaceFeatures(bgr, face);
    if (!features) {
        return report;  // the placement stands; the image gave no usable evidence
    }
    std::vector<LandmarkTarget> targets;
    if (features->eyes) {
        targets = eyeTargets(*features->eyes, 2.0f * std::max(features->eyes_confidence, 0.3f));
    }
    for (const FeaturePoint& point : features->points) {
        const float weight = onOutline(point.landmark) ? kOutlineWeight : 1.0f;
        targets.push_back({point.landmark, {point.px.x, point.px.y}, weight * point.confidence});
    }
    report.feature_count = static_cast<int>(targets.size());
    if (targets.size() < 4) {
        return report;  // too little evidence to move pose, shape and expression safely
    }
    Result<FaceFit> refined = refineFit(report.fit, targets, photoFitOptions(report.fit));
    if (refined) {
        report.fit = std::move(refined).value();
    }
    return report;
}

Result<LargestFaceFit> fitLargestFace(const cv::Mat& bgr, const std::string& photo_path) {
    Result<std::vector<DetectedFace>> faces = detectFaces(bgr);
    if (!faces) {
        return faces.error();
    }
    if (faces->empty()) {
        return Error{ErrorKind::NoFace,
                     photo_path +
                         ": no face found (the detector needs a face at least 80 pixels "
                         "across, turned less than about 45 degrees)"};
    }
    Result<PhotoFitReport> fitted = fitFaceInPhoto(bgr, faces->front());
    if (!fitted) {
        return fitted.error();
    }
    return LargestFaceFit{std::move(faces).value(), std::move(fitted).value()};
}

}  // namespace ps
