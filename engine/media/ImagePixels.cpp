#include "media/ImagePixels.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace ps {
namespace {

// 65535 maps to 255 exactly when dividing by 257; convertTo rounds to nearest.
cv::Mat to8Bit(const cv::Mat& image) {
    cv::Mat converted;
    switch (image.depth()) {
        case CV_8U:
            return image;
        case CV_16U:
            image.convertTo(converted, CV_8U, 1.0 / 257.0);
            break;
        case CV_32F:  // float TIFFs hold 0..1
        case CV_64F:
            image.convertTo(converted, CV_8U, 255.0);
            break;
        default:
            break;
    }
    return converted;
}

// A portrait with a transparent background should look the way viewers show it on a page.
cv::Mat compositeOverWhite(const cv::Mat& bgra) {
    cv::Mat bgr(bgra.size(), CV_8UC3);
    for (int y = 0; y < bgra.rows; ++y) {
        const auto* in = bgra.ptr<cv::Vec4b>(y);
        auto* out = bgr.ptr<cv::Vec3b>(y);
        for (int x = 0; x < bgra.cols; ++x) {
            const int alpha = in[x][3];
            for (int c = 0; c < 3; ++c) {
                out[x][c] =
                    static_cast<uchar>((in[x][c] * alpha + 255 * (255 - alpha) + 127) / 255);
            }
        }
    }
    return bgr;
}

cv::Mat greyAlphaToBgra(const cv::Mat& grey_alpha) {
    cv::Mat bgra(grey_alpha.size(), CV_8UC4);
    const int from_to[] = {0, 0, 0, 1, 0, 2, 1, 3};
    cv::mixChannels(&grey_alpha, 1, &bgra, 1, from_to, 4);
    return bgra;
}

}  // namespace

BgrPixels toBgr8(const cv::Mat& decoded) {
    const cv::Mat image = to8Bit(decoded);
    BgrPixels pixels;
    if (image.empty()) {
        return pixels;
    }
    switch (image.channels()) {
        case 1:
            cv::cvtColor(image, pixels.bgr, cv::COLOR_GRAY2BGR);
            break;
        case 2:
            pixels.bgr = compositeOverWhite(greyAlphaToBgra(image));
            pixels.had_alpha = true;
            break;
        case 3:
            pixels.bgr = image;
            break;
        case 4:
            pixels.bgr = compositeOverWhite(image);
            pixels.had_alpha = true;
            break;
        default:
            break;
    }
    return pixels;
}

}  // namespace ps
