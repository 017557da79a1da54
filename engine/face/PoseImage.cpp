#include "face/PoseImage.h"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <string>

namespace ps {
namespace {

std::vector<MeshEdge> chain(std::initializer_list<int> vertices) {
    std::vector<MeshEdge> edges;
    for (auto it = vertices.begin(); it + 1 != vertices.end(); ++it) {
        edges.push_back({*it, *(it + 1)});
    }
    return edges;
}

std::vector<PoseImageSegment> buildSegments() {
    const FaceMesh& mesh = FaceMesh::canonical();
    // MediaPipe's oval without the forehead arc 21-54-103-67-109-10-338-297-332-284-251, in
    // AniPortrait's order (FACEMESH_CUSTOM_FACE_OVAL).
    const std::vector<MeshEdge> oval = {
        {176, 149}, {150, 136}, {356, 454}, {58, 132},  {152, 148}, {361, 288}, {251, 389},
        {132, 93},  {389, 356}, {400, 377}, {136, 172}, {377, 152}, {323, 361}, {172, 58},
        {454, 323}, {365, 379}, {379, 378}, {148, 176}, {93, 234},  {397, 365}, {149, 150},
        {288, 397}, {234, 127}, {378, 400}, {127, 162}, {162, 21}};
    // Lips: outer/inner x bottom/top x subject's right ("left" in AniPortrait's names, the
    // image's left) and left halves, each a chain from a mouth corner to the midline.
    return {
        {"face oval", cv::Scalar(10, 200, 10), oval},
        {"left eye", cv::Scalar(180, 200, 10), mesh.edges(FaceRegion::LeftEye)},
        {"left eyebrow", cv::Scalar(180, 220, 10), mesh.edges(FaceRegion::LeftEyebrow)},
        {"right eye", cv::Scalar(10, 200, 180), mesh.edges(FaceRegion::RightEye)},
        {"right eyebrow", cv::Scalar(10, 220, 180), mesh.edges(FaceRegion::RightEyebrow)},
        {"lips outer bottom left", cv::Scalar(10, 180, 20), chain({61, 146, 91, 181, 84, 17})},
        {"lips outer bottom right", cv::Scalar(20, 10, 180), chain({17, 314, 405, 321, 375, 291})},
        {"lips inner bottom left", cv::Scalar(100, 100, 30), chain({78, 95, 88, 178, 87, 14})},
        {"lips inner bottom right", cv::Scalar(100, 150, 50), chain({14, 317, 402, 318, 324, 308})},
        {"lips outer top left", cv::Scalar(20, 80, 100), chain({61, 185, 40, 39, 37, 0})},
        {"lips outer top right", cv::Scalar(80, 100, 20), chain({0, 267, 269, 270, 409, 291})},
        {"lips inner top left", cv::Scalar(120, 100, 200), chain({78, 191, 80, 81, 82, 13})},
        {"lips inner top right", cv::Scalar(150, 120, 100), chain({13, 312, 311, 310, 415, 308})},
    };
}

// MediaPipe's _normalized_to_pixel_coordinates: only points inside [0, 1] (with isclose slack)
// have a pixel; it is floored and clamped to the last row/column.
std::optional<cv::Point> canvasPixel(const glm::vec2& landmark_px, cv::Size image_size) {
    const double nx = double(landmark_px.x) / image_size.width;
    const double ny = double(landmark_px.y) / image_size.height;
    auto inside = [](double v) { return v >= -1e-9 && v <= 1.0 + 1e-9; };
    if (!inside(nx) || !inside(ny)) {
        return std::nullopt;
    }
    const int px = std::min(int(std::floor(nx * kPoseImageCanvasPx)), kPoseImageCanvasPx - 1);
    const int py = std::min(int(std::floor(ny * kPoseImageCanvasPx)), kPoseImageCanvasPx - 1);
    return cv::Point(std::max(px, 0), std::max(py, 0));
}

}  // namespace

const std::vector<PoseImageSegment>& poseImageSegments() {
    static const std::vector<PoseImageSegment> segments = buildSegments();
    return segments;
}

Result<cv::Mat> drawPoseImage(const std::vector<glm::vec2>& landmarks_px, cv::Size image_size) {
    if (landmarks_px.size() < std::size_t(kFaceVertexCount)) {
        return internalError("pose image: expected 468 face landmarks, got " +
                             std::to_string(landmarks_px.size()));
    }
    if (image_size.width <= 0 || image_size.height <= 0) {
        return internalError("pose image: the image size must be positive");
    }
    std::vector<std::optional<cv::Point>> pixels(kFaceVertexCount);
    for (int i = 0; i < kFaceVertexCount; ++i) {
        if (std::isfinite(landmarks_px[i].x) && std::isfinite(landmarks_px[i].y)) {
            pixels[i] = canvasPixel(landmarks_px[i], image_size);
        }
    }
    cv::Mat canvas(kPoseImageCanvasPx, kPoseImageCanvasPx, CV_8UC3, cv::Scalar::all(0));
    for (const PoseImageSegment& segment : poseImageSegments()) {
        for (const MeshEdge& edge : segment.edges) {
            if (pixels[edge[0]] && pixels[edge[1]]) {
                // cv2.line's defaults: 8-connected, no anti-aliasing, integer endpoints.
                cv::line(canvas, *pixels[edge[0]], *pixels[edge[1]], segment.bgr,
                         kPoseImageLineWidthPx, cv::LINE_8);
            }
        }
    }
    if (image_size == canvas.size()) {
        return canvas;
    }
    cv::Mat resized;
    cv::resize(canvas, resized, image_size, 0.0, 0.0, cv::INTER_LINEAR);
    return resized;
}

}  // namespace ps
