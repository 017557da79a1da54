// Automatic fitting of the face model to a face found in a photo: the detector's eyes and roll
// place a neutral face, then the features located in the image (eyes, brows, nose, mouth, chin)
// refine pose, face shape and expression. What the command line's `fit` and the studio call.
#pragma once

#include <opencv2/core/mat.hpp>

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

}  // namespace ps
