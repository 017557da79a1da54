// The anchors of MediaPipe's 256x256 BlazeFace (its "back camera" face detector): the fixed grid
// of reference points its box regressions are relative to, as MediaPipe's SsdAnchorsCalculator
// makes them for face_detection_back (strides 16, 32, 32, 32; one aspect ratio plus the
// interpolated scale, so two anchors per layer and cell; fixed anchor size).
#pragma once

#include <opencv2/core/types.hpp>
#include <vector>

namespace ps {

constexpr int kBlazeFaceInputPx = 256;
constexpr int kBlazeFaceAnchorCount = 896;  // 16x16 cells x 2 + 8x8 cells x 6

struct BlazeFaceAnchor {
    cv::Point2f centre_px;  // in the model's input pixels (0..256)
    int stride_px = 0;      // the cell size of the anchor's feature map
};

// SSD anchors for a square input of `input_px` with one layer per entry of `layer_strides_px`.
// Consecutive layers of the same stride share a feature map, so their anchors are interleaved
// per cell as the network's outputs are: cells row by row, x fastest, a cell's anchors together.
std::vector<BlazeFaceAnchor> ssdAnchors(int input_px, const std::vector<int>& layer_strides_px);

// The 896 anchors of the 256x256 model, in the order of its outputs: first the 512 of the 16x16
// map (outputs Identity:0 and Identity_2:0), then the 384 of the 8x8 map (Identity_1:0, _3:0).
const std::vector<BlazeFaceAnchor>& blazeFaceAnchors();

}  // namespace ps
