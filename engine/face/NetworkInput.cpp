#include "face/NetworkInput.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace ps {

void appendRgbImage(const cv::Mat& bgr, PixelRange range, nn::FloatTensor* batch) {
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const size_t start = batch->data.size();
    batch->data.resize(start + rgb.total() * 3);
    // Converted straight into the batch's storage.
    cv::Mat as_float(rgb.rows, rgb.cols, CV_32FC3, batch->data.data() + start);
    if (range == PixelRange::ZeroToOne) {
        rgb.convertTo(as_float, CV_32FC3, 1.0 / 255.0);
    } else {
        rgb.convertTo(as_float, CV_32FC3, 1.0 / 127.5, -1.0);
    }
}

nn::FloatTensor rgbTensor(const cv::Mat& bgr, PixelRange range) {
    nn::FloatTensor tensor;
    tensor.shape = {1, bgr.rows, bgr.cols, 3};
    appendRgbImage(bgr, range, &tensor);
    return tensor;
}

bool hasPort(const std::vector<nn::GraphPort>& ports, const std::string& name,
             const std::vector<int64_t>& shape) {
    return std::any_of(ports.begin(), ports.end(), [&](const nn::GraphPort& p) {
        return p.name == name && p.shape.size() == shape.size() && !shape.empty() &&
               std::equal(shape.begin() + 1, shape.end(), p.shape.begin() + 1);
    });
}

}  // namespace ps
