#include "face/ContactSheet.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include <opencv2/imgproc.hpp>

#include "face/FaceOverlay.h"
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

// Draws one tile of `size` for a set of weights.
using TileDrawer = std::function<cv::Mat(const BlendshapeWeights&, cv::Size)>;

// The sheet's layout: neutral, then each shape at weight 1 in ARKit's order, labelled.
cv::Mat layOutSheet(int tile_px, const cv::Scalar& background, const TileDrawer& draw) {
    tile_px = std::max(tile_px, 64);
    const int tiles = kBlendshapeCount + 1;
    const int rows = (tiles + kContactSheetColumns - 1) / kContactSheetColumns;
    cv::Mat sheet(rows * tile_px, kContactSheetColumns * tile_px, CV_8UC3, background);
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
        cv::Mat tile = draw(weights, cv::Size(tile_px, tile_px));
        drawLabel(tile, label);
        tile.copyTo(sheet(cv::Rect((t % kContactSheetColumns) * tile_px,
                                   (t / kContactSheetColumns) * tile_px, tile_px, tile_px)));
    }
    return sheet;
}

// A square around the fitted face with room for an open jaw below.
cv::Rect2f faceSquare(const FaceFit& fit) {
    std::vector<cv::Point2f> points;
    for (const glm::vec2& p : fit.landmarks2d) {
        points.emplace_back(p.x, p.y);
    }
    const cv::Rect2f box = cv::boundingRect(points);
    const float side = 1.35f * std::max(box.width, box.height);
    const cv::Point2f centre(box.x + box.width / 2, box.y + box.height * 0.58f);
    return {centre.x - side / 2, centre.y - side / 2, side, side};
}

}  // namespace

cv::Mat blendshapeContactSheet(const BlendshapeBasis& basis, const FaceMesh& mesh, int tile_px) {
    // A slight turn shows forward and backward motion (pucker, jaw) that a frontal view hides.
    ShadingView view;
    view.yaw_deg = 15.0f;
    view.span_cm = 21.0f;  // forehead to the chin of a wide-open jaw
    return layOutSheet(tile_px, view.background,
                       [&](const BlendshapeWeights& weights, cv::Size size) {
                           return shadeMesh(basis.evaluate(weights).vertices, mesh, size, view);
                       });
}

Result<cv::Mat> fittedContactSheet(const cv::Mat& photo_bgr, const FaceFit& fit, int tile_px) {
    const cv::Rect2f square = faceSquare(fit);
    if (photo_bgr.empty() || square.width < 1.0f) {
        return Error{ErrorKind::BadInput, "the fitted face is empty"};
    }
    // Beyond the photo's edges the border pixels repeat, so a face near an edge keeps its shape.
    cv::Mat region;
    const int side = static_cast<int>(std::lround(square.width));
    cv::getRectSubPix(photo_bgr, cv::Size(side, side),
                      cv::Point2f(square.x + square.width / 2, square.y + square.height / 2),
                      region);
    std::string problem;
    cv::Mat sheet = layOutSheet(tile_px, cv::Scalar(32, 32, 32),
                                [&](const BlendshapeWeights& weights, cv::Size size) {
                                    FaceFit shaped = fit;
                                    shaped.expression = weights;
                                    updateFaceFit(shaped);
                                    // The tile shows the region only, so the landmarks move with
                                    // its corner.
                                    std::vector<glm::vec2> landmarks = shaped.landmarks2d;
                                    for (glm::vec2& p : landmarks) {
                                        p -= glm::vec2(square.x, square.y);
                                    }
                                    Result<cv::Mat> drawn = drawFaceOverlay(region, landmarks);
                                    if (!drawn) {
                                        problem = drawn.error().message;
                                        return cv::Mat(size, CV_8UC3, cv::Scalar(32, 32, 32));
                                    }
                                    cv::Mat tile;
                                    cv::resize(*drawn, tile, size, 0, 0, cv::INTER_AREA);
                                    return tile;
                                });
    if (!problem.empty()) {
        return internalError(problem);
    }
    return sheet;
}

}  // namespace ps
