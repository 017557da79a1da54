#include "BenchFrames.h"

#include <opencv2/imgproc.hpp>

namespace ps::app {

cv::Mat fullHdComposition(const cv::Mat& photo_bgr) {
    cv::Mat hd(1080, 1920, CV_8UC3, cv::Scalar(110, 100, 90));
    cv::Mat scaled;
    cv::resize(photo_bgr, scaled, cv::Size(1080 * photo_bgr.cols / photo_bgr.rows, 1080), 0, 0,
               cv::INTER_CUBIC);
    const int width = std::min(scaled.cols, 1920);
    scaled(cv::Rect((scaled.cols - width) / 2, 0, width, 1080))
        .copyTo(hd(cv::Rect((1920 - width) / 2, 0, width, 1080)));
    return hd;
}

}  // namespace ps::app
