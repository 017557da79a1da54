// The frames the speed benchmarks draw on, made from the sample portrait.
#pragma once

#include <opencv2/core/mat.hpp>

namespace ps::app {

// A full HD frame: the photo scaled to the frame's height, centred, on a plain background.
cv::Mat fullHdComposition(const cv::Mat& photo_bgr);

}  // namespace ps::app
