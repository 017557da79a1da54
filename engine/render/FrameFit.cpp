#include "render/FrameFit.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>

namespace ps {

namespace {

constexpr int kMinFrameSide_px = 16;
// The largest side validateVideoSettings accepts.
constexpr int kMaxFrameSide_px = 8192;

// The photo as 8-bit BGR; empty for pixel types a decoder never hands out.
cv::Mat asBgr8(const cv::Mat& photo) {
    if (photo.empty() || photo.depth() != CV_8U) {
        return {};
    }
    cv::Mat bgr;
    switch (photo.channels()) {
        case 1:
            cv::cvtColor(photo, bgr, cv::COLOR_GRAY2BGR);
            break;
        case 3:
            bgr = photo;
            break;
        case 4:
            cv::cvtColor(photo, bgr, cv::COLOR_BGRA2BGR);
            break;
        default:
            break;
    }
    return bgr;
}

int roundDownToEven(int value) {
    return value - value % 2;
}

}  // namespace

cv::Mat fitPhotoToFrame(const cv::Mat& photo_bgr, cv::Size frame_size) {
    if (frame_size.width <= 0 || frame_size.height <= 0) {
        return {};
    }
    cv::Mat frame(frame_size, CV_8UC3, cv::Scalar::all(0));
    const cv::Mat photo = asBgr8(photo_bgr);
    if (photo.empty()) {
        return frame;
    }
    const double scale = std::min(static_cast<double>(frame_size.width) / photo.cols,
                                  static_cast<double>(frame_size.height) / photo.rows);
    const cv::Size fitted(
        std::clamp(static_cast<int>(std::lround(photo.cols * scale)), 1, frame_size.width),
        std::clamp(static_cast<int>(std::lround(photo.rows * scale)), 1, frame_size.height));
    const cv::Rect placed((frame_size.width - fitted.width) / 2,
                          (frame_size.height - fitted.height) / 2, fitted.width, fitted.height);
    cv::Mat target = frame(placed);
    if (fitted == photo.size()) {
        photo.copyTo(target);
    } else {
        // INTER_AREA averages the pixels a shrink drops instead of aliasing them; it blurs an
        // enlargement, where cubic keeps edges sharper.
        const int interpolation = scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC;
        cv::resize(photo, target, fitted, 0, 0, interpolation);
    }
    return frame;
}

cv::Size defaultFrameSize(cv::Size photo_size, int max_side_px) {
    const int max_side = std::clamp(max_side_px, kMinFrameSide_px, kMaxFrameSide_px);
    if (photo_size.width <= 0 || photo_size.height <= 0) {
        return {kMinFrameSide_px, kMinFrameSide_px};
    }
    int64_t width = photo_size.width;
    int64_t height = photo_size.height;
    const int64_t long_side = std::max(width, height);
    if (long_side > max_side) {
        // Integer arithmetic so the long side lands on max_side exactly, not one pixel short.
        width = width * max_side / long_side;
        height = height * max_side / long_side;
    }
    return {std::max(kMinFrameSide_px, roundDownToEven(static_cast<int>(width))),
            std::max(kMinFrameSide_px, roundDownToEven(static_cast<int>(height)))};
}

}  // namespace ps
