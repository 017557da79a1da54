// Automatic fitting of the face model to a face found in a photo: the detector's eyes and roll
// place a neutral face, then the features located in the image (eyes, brows, nose, mouth, chin)
// refine pose, face shape and expression. What the command line's `fit` and the studio call.
#pragma once

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "face/FaceDetector.h"
#include "face/FaceFit.h"
#include "runtime/Result.h"

namespace ps {

struct PhotoFitReport {
    FaceFit fit;
    int feature_count = 0;  // located features the refinement used (0: detector placement only)
};

// `face` comes from detectFaces on the same photo.
Result<PhotoFitReport> fitFaceInPhoto(const cv::Mat& bgr, const DetectedFace& face);

struct LargestFaceFit {
    std::vector<DetectedFace> faces;  // every face found, largest first; the fit is of faces[0]
    PhotoFitReport report;
};

// Detects the faces in a photo and fits the largest. ErrorKind::NoFace, naming `photo_path`,
// when there is none (the caller then offers the five-point fit, fitFromFivePoints).
Result<LargestFaceFit> fitLargestFace(const cv::Mat& bgr, const std::string& photo_path);

}  // namespace ps
