// Finds the two eye centres inside a face the face cascades found.
#pragma once

#include <opencv2/core.hpp>
#include <opencv2/objdetect.hpp>
#include <optional>

#include "face/FaceDetector.h"

namespace ps {

// Searches the upper half of the face, turned upright by roll_deg and resampled to a fixed size
// from the full-resolution grey photo (the working copy of a large photo is too coarse for
// eyes). Returns both eye centres in photo pixels, or nothing when no plausible pair is found.
// `eye_cascade` is used for one search, so it must not be shared with another thread.
std::optional<EyeCentres> findEyes(const cv::Mat& grey_photo, const cv::Rect2f& face_box,
                                   float roll_deg, cv::CascadeClassifier& eye_cascade);

}  // namespace ps
