#include "ui/PaintableImage.h"

#include <opencv2/imgproc.hpp>

namespace ps::ui {

QImage toPaintableImage(const cv::Mat& bgr) {
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        return {};
    }
    QImage image(bgr.cols, bgr.rows, QImage::Format_RGB32);
    cv::Mat target(bgr.rows, bgr.cols, CV_8UC4, image.bits(), size_t(image.bytesPerLine()));
    cv::cvtColor(bgr, target, cv::COLOR_BGR2BGRA);
    return image;
}

}  // namespace ps::ui
