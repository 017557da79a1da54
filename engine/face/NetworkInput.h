// What MediaPipe's image networks have in common at their edges: images handed over as one NHWC
// batch of RGB floats, scaled to the range each network was trained on, and a loaded graph
// checked for the ports a wrapper expects. Shared by BlazeFace, Face Mesh, Iris and the selfie
// segmenter.
#pragma once

#include <cstdint>
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "nn/GraphModel.h"

namespace ps {

// The value range a network reads its pixels in.
enum class PixelRange {
    ZeroToOne,      // 0..1 (Face Mesh, Iris, selfie segmentation)
    MinusOneToOne,  // -1..1 (BlazeFace)
};

// Appends one 8-bit BGR image (CV_8UC3) to an NHWC batch as RGB floats in `range`. The caller
// sets the batch's shape.
void appendRgbImage(const cv::Mat& bgr, PixelRange range, nn::FloatTensor* batch);

// A batch of one image, shaped {1, rows, cols, 3}.
nn::FloatTensor rgbTensor(const cv::Mat& bgr, PixelRange range);

// Whether `ports` has one named `name` whose shape is `shape` after the batch dimension (the
// first, which exports leave free).
bool hasPort(const std::vector<nn::GraphPort>& ports, const std::string& name,
             const std::vector<int64_t>& shape);

}  // namespace ps
