#include "face/BlazeFaceAnchors.h"

namespace ps {

std::vector<BlazeFaceAnchor> ssdAnchors(int input_px, const std::vector<int>& layer_strides_px) {
    std::vector<BlazeFaceAnchor> anchors;
    size_t layer = 0;
    while (layer < layer_strides_px.size()) {
        const int stride = layer_strides_px[layer];
        // Aspect ratio 1 plus the interpolated scale: two anchors per layer and cell.
        int per_cell = 0;
        size_t next = layer;
        while (next < layer_strides_px.size() && layer_strides_px[next] == stride) {
            per_cell += 2;
            ++next;
        }
        if (stride > 0) {
            const int cells = input_px / stride;
            for (int y = 0; y < cells; ++y) {
                for (int x = 0; x < cells; ++x) {
                    // Cell centres: MediaPipe's anchor offset of 0.5.
                    const cv::Point2f centre((x + 0.5f) * stride, (y + 0.5f) * stride);
                    for (int k = 0; k < per_cell; ++k) {
                        anchors.push_back({centre, stride});
                    }
                }
            }
        }
        layer = next;
    }
    return anchors;
}

const std::vector<BlazeFaceAnchor>& blazeFaceAnchors() {
    static const std::vector<BlazeFaceAnchor> anchors =
        ssdAnchors(kBlazeFaceInputPx, {16, 32, 32, 32});
    return anchors;
}

}  // namespace ps
