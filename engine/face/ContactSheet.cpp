#include "face/ContactSheet.h"

#include <algorithm>
#include <string>

#include <opencv2/imgproc.hpp>

#include "face/MeshShading.h"

namespace ps {

namespace {

void drawLabel(cv::Mat& tile, const std::string& text) {
    const double scale = tile.rows / 480.0;
    const int thickness = std::max(1, tile.rows / 256);
    int baseline = 0;
    const cv::Size extent =
        cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &baseline);
    const cv::Point origin((tile.cols - extent.width) / 2, tile.rows - baseline - 4);
    cv::putText(tile, text, origin, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255, 255, 255),
                thickness, cv::LINE_AA);
}

}  // namespace

cv::Mat blendshapeContactSheet(const BlendshapeBasis& basis, const FaceMesh& mesh, int tile_px) {
    tile_px = std::max(tile_px, 64);
    const int tiles = kBlendshapeCount + 1;
    const int rows = (tiles + kContactSheetColumns - 1) / kContactSheetColumns;
    // A slight turn shows forward and backward motion (pucker, jaw) that a frontal view hides.
    ShadingView view;
    view.yaw_deg = 15.0f;
    view.span_cm = 21.0f;  // forehead to the chin of a wide-open jaw
    cv::Mat sheet(rows * tile_px, kContactSheetColumns * tile_px, CV_8UC3, view.background);
    for (int t = 0; t < tiles; ++t) {
        BlendshapeWeights weights{};
        std::string label = "neutral";
        if (t > 0) {
            const auto shape = static_cast<Blendshape>(t - 1);
            weights[static_cast<size_t>(shape)] = 1.0f;
            label = std::string(blendshapeName(shape));
            if (shape == Blendshape::MouthClose) {
                weights[static_cast<size_t>(Blendshape::JawOpen)] = 1.0f;
                label += " +jawOpen";
            }
        }
        cv::Mat tile =
            shadeMesh(basis.evaluate(weights).vertices, mesh, cv::Size(tile_px, tile_px), view);
        drawLabel(tile, label);
        tile.copyTo(sheet(cv::Rect((t % kContactSheetColumns) * tile_px,
                                   (t / kContactSheetColumns) * tile_px, tile_px, tile_px)));
    }
    return sheet;
}

}  // namespace ps
