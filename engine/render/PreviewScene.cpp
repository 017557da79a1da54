#include "render/PreviewScene.h"

#include <algorithm>
#include <cmath>

#include "motion/ApplyFaceState.h"

namespace ps {

Result<PreviewScene> PreviewScene::create(const cv::Mat& photo_bgr, const FaceFit& fit) {
    Result<PortraitRenderer> renderer = PortraitRenderer::create(photo_bgr, fit);
    if (!renderer.ok()) {
        return renderer.error();
    }
    PreviewScene scene;
    scene.renderer_ = std::make_shared<const PortraitRenderer>(std::move(*renderer));
    return scene;
}

Status PreviewScene::render(const FaceState& state, cv::Mat& frame) const {
    return renderer_->render(applyFaceState(renderer_->source(), state), frame);
}

cv::Rect PreviewScene::faceBox(float margin) const {
    const std::vector<glm::vec2>& points = fit().landmarks2d;
    if (points.empty()) {
        return {cv::Point(0, 0), photo().size()};
    }
    float x0 = points[0].x, x1 = x0, y0 = points[0].y, y1 = y0;
    for (const glm::vec2& p : points) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    // Square, so every thumbnail of the same face has the same framing.
    const float side = std::max(x1 - x0, y1 - y0) * (1.0f + 2.0f * margin);
    const float cx = 0.5f * (x0 + x1), cy = 0.5f * (y0 + y1);
    const cv::Rect box(int(std::lround(cx - side / 2)), int(std::lround(cy - side / 2)),
                       int(std::lround(side)), int(std::lround(side)));
    return box & cv::Rect(cv::Point(0, 0), photo().size());
}

}  // namespace ps
