#include "face/PhotoFit.h"

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
        targets.push_back({point.landmark, {point.px.x, point.px.y}, point.confidence});
    }
    report.feature_count = static_cast<int>(targets.size());
    if (targets.size() < 4) {
        return report;  // too little evidence to move pose, shape and expression safely
    }
    Result<FaceFit> refined = refineFit(report.fit, targets);
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
