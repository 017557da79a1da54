// An engine picture (BGR, 8-bit) as the QImage the studio paints: Format_RGB32, which QPainter
// draws without converting, made in one pass straight into the image's own buffer. A deep copy,
// so it may cross threads and outlive the picture.
#pragma once

#include <QImage>
#include <opencv2/core/mat.hpp>

namespace ps::ui {

// `bgr`: CV_8UC3 (a region of a larger picture is fine); a null image for anything else.
QImage toPaintableImage(const cv::Mat& bgr);

}  // namespace ps::ui
