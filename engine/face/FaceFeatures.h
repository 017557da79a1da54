// Finds facial features (eye centres and corners, brows, mouth, nose tip, chin, the jaw's side
// contour) in a photo from image evidence alone, as 2D targets for the landmark fit
// (LandmarkFit.h). Works in an upright, fixed-size crop of the detected face, so results do not
// depend on the photo's size or the face's roll. Pure function; safe from any thread.
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <vector>

#include "face/FaceDetector.h"
#include "runtime/Result.h"

namespace ps {

// One located landmark: a MediaPipe face-mesh index, where it is in photo pixels, and how sure
// the evidence is (0..1; below about 0.3 a fit should weight it lightly).
struct FeaturePoint {
    int landmark = -1;
    cv::Point2f px;
    float confidence = 0.0f;
};

struct FaceFeatures {
    // Only what was found; a feature whose evidence was weak is left out rather than guessed.
    std::vector<FeaturePoint> points;
    // Eye (iris) centres in photo pixels, subject's right = image left. Absent when either eye
    // was not found, since one eye alone cannot say which one it is reliably.
    std::optional<EyeCentres> eyes;
    float eyes_confidence = 0.0f;

    // The point for a landmark, or nullptr when it was not found.
    const FeaturePoint* find(int landmark) const;
};

// `bgr` is an 8-bit photo (BGR, grey or BGRA); `face` comes from detectFaces on the same photo.
// BadInput for an empty image or a face box outside it; otherwise a result, possibly with few
// points (a profile face or a blurred photo gives little evidence).
Result<FaceFeatures> locateFaceFeatures(const cv::Mat& bgr, const DetectedFace& face);

}  // namespace ps
