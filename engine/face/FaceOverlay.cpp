#include "face/FaceOverlay.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string>

#include "face/FaceMesh.h"

namespace ps {
namespace {

// cv::line's `shift` draws at 1/16 px so anti-aliased lines do not snap to whole pixels.
constexpr int kShiftBits = 4;
constexpr float kSubpixel = float(1 << kShiftBits);

cv::Point fixedPoint(const glm::vec2& p) {
    return {int(std::lround(p.x * kSubpixel)), int(std::lround(p.y * kSubpixel))};
}

bool usable(const glm::vec2& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) < 1e6f && std::abs(p.y) < 1e6f;
}

struct ContourStyle {
    FaceRegion region;
    cv::Scalar bgr;
};

// Colours chosen to stay distinguishable on skin and on each other; the subject's left and
// right share a hue so that symmetry reads at a glance.
const ContourStyle kContours[] = {
    {FaceRegion::FaceOval, cv::Scalar(230, 230, 230)},
    {FaceRegion::Nose, cv::Scalar(80, 200, 255)},
    {FaceRegion::LeftEyebrow, cv::Scalar(60, 220, 120)},
    {FaceRegion::RightEyebrow, cv::Scalar(60, 220, 120)},
    {FaceRegion::LeftEye, cv::Scalar(255, 200, 60)},
    {FaceRegion::RightEye, cv::Scalar(255, 200, 60)},
    {FaceRegion::Lips, cv::Scalar(110, 90, 255)},
};
const cv::Scalar kIrisBgr(255, 120, 220);
const cv::Scalar kMeshBgr(255, 255, 255);
const cv::Scalar kPointBgr(0, 240, 255);

void drawEdges(cv::Mat& image, const std::vector<glm::vec2>& landmarks,
               const std::vector<MeshEdge>& edges, const cv::Scalar& bgr, int thickness) {
    for (const MeshEdge& e : edges) {
        if (std::size_t(std::max(e[0], e[1])) >= landmarks.size()) {
            continue;
        }
        const glm::vec2& a = landmarks[e[0]];
        const glm::vec2& b = landmarks[e[1]];
        if (usable(a) && usable(b)) {
            cv::line(image, fixedPoint(a), fixedPoint(b), bgr, thickness, cv::LINE_AA, kShiftBits);
        }
    }
}

}  // namespace

Result<cv::Mat> drawFaceOverlay(const cv::Mat& photo_bgr,
                                const std::vector<glm::vec2>& landmarks_px,
                                const FaceOverlayOptions& options) {
    if (photo_bgr.empty() || photo_bgr.type() != CV_8UC3) {
        return internalError("face overlay: the photo must be a non-empty 8-bit BGR image");
    }
    if (landmarks_px.size() < std::size_t(kFaceVertexCount)) {
        return internalError("face overlay: expected 468 face landmarks, got " +
                             std::to_string(landmarks_px.size()));
    }
    const FaceMesh& mesh = FaceMesh::canonical();
    const float scale =
        options.scale_with_image ? std::max(photo_bgr.cols, photo_bgr.rows) / 1000.0f : 1.0f;
    // OpenCV's thickness is whole pixels; below 1 the translucency does the thinning.
    auto thickness = [scale](float width_px) {
        return std::max(1, int(std::lround(width_px * scale)));
    };

    cv::Mat out = photo_bgr.clone();
    if (options.draw_mesh && options.mesh_opacity > 0.0f) {
        cv::Mat wire = out.clone();
        drawEdges(wire, landmarks_px, mesh.edges(FaceRegion::Tesselation), kMeshBgr,
                  thickness(options.mesh_line_width_px));
        const double alpha = std::clamp(double(options.mesh_opacity), 0.0, 1.0);
        cv::addWeighted(wire, alpha, out, 1.0 - alpha, 0.0, out);
    }
    // Points go under the contours: around the eyes and lips they are dense enough to hide them.
    if (options.draw_points) {
        const int radius =
            int(std::lround(options.point_radius_px * std::max(scale, 0.5f) * kSubpixel));
        for (const glm::vec2& p : landmarks_px) {
            if (usable(p)) {
                cv::circle(out, fixedPoint(p), std::max(radius, 1), kPointBgr, cv::FILLED,
                           cv::LINE_AA, kShiftBits);
            }
        }
    }
    if (options.draw_contours) {
        for (const ContourStyle& style : kContours) {
            drawEdges(out, landmarks_px, mesh.edges(style.region), style.bgr,
                      thickness(options.contour_line_width_px));
        }
    }
    const bool has_irises = landmarks_px.size() >= std::size_t(kFaceVertexCount + kIrisVertexCount);
    if (options.draw_irises && has_irises) {
        for (FaceRegion iris : {FaceRegion::LeftIris, FaceRegion::RightIris}) {
            drawEdges(out, landmarks_px, mesh.edges(iris), kIrisBgr,
                      thickness(options.contour_line_width_px));
        }
    }
    return out;
}

}  // namespace ps
