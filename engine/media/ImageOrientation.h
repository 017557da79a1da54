// Turns an image as stored into the image as meant to be seen, for the eight EXIF orientations.
#pragma once

#include <opencv2/core/mat.hpp>

namespace ps {

// `exif_orientation` is the value of EXIF/TIFF tag 274 (1..8; anything else is treated as 1).
// Orientations 5..8 swap width and height. For 1 the result shares `stored`'s pixels.
cv::Mat orientUpright(const cv::Mat& stored, int exif_orientation);

}  // namespace ps
