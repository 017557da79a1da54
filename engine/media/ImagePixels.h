// Brings whatever OpenCV decoded (8/16-bit or float; grey, grey+alpha, BGR or BGRA) to the one
// layout the studio works in: 8-bit BGR, with transparency composited over white.
#pragma once

#include <opencv2/core/mat.hpp>

namespace ps {

struct BgrPixels {
    cv::Mat bgr;  // CV_8UC3; empty when the decoded layout is not one of the above
    bool had_alpha = false;
};

BgrPixels toBgr8(const cv::Mat& decoded);

}  // namespace ps
