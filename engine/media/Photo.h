// A decoded portrait photo, upright (EXIF orientation already applied).
#pragma once

#include <opencv2/core/mat.hpp>
#include <string>

namespace ps {

// Larger photos are refused: beyond this, memory for the working copies and the renderer's
// buffers is no longer reasonable for a desktop tool.
constexpr int kMaxPhotoSide_px = 8192;

struct Photo {
    std::string path;
    std::string format;  // "jpeg", "png", "webp", "bmp", "tiff"
    cv::Mat bgr;         // CV_8UC3, upright; transparent areas are composited over white
    bool had_alpha = false;
    int exif_orientation = 1;  // 1..8 as read from the file (1 when absent); already applied
};

}  // namespace ps
