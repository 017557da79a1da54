// The viewer's face overlay: the fitted mesh drawn over a copy of the photo as a thin
// translucent wireframe, the contours (eyes, brows, lips, oval, nose, irises) in distinct
// colours, and optionally the landmark points, all anti-aliased at sub-pixel precision. Unlike
// the pose image this is for people, not for the renderer, so it may change look freely.
#pragma once

#include <glm/vec2.hpp>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "runtime/Result.h"

namespace ps {

struct FaceOverlayOptions {
    bool draw_mesh = true;
    bool draw_contours = true;
    bool draw_irises = true;  // only where 478 landmarks are given
    bool draw_points = false;
    float mesh_opacity = 0.35f;  // 0 invisible .. 1 opaque
    float mesh_line_width_px = 1.0f;
    float contour_line_width_px = 1.5f;
    float point_radius_px = 1.2f;
    // Line widths are for a 1000 px image and scale with the photo's longer side, so the overlay
    // looks the same on a thumbnail and on a full-size photo; false keeps them in pixels.
    bool scale_with_image = true;
};

// Draws onto a copy of `photo_bgr` (CV_8UC3) the face given by 468 (or 478, with irises)
// landmarks in the photo's pixels. Landmarks that are not finite are skipped with their edges.
Result<cv::Mat> drawFaceOverlay(const cv::Mat& photo_bgr,
                                const std::vector<glm::vec2>& landmarks_px,
                                const FaceOverlayOptions& options = {});

}  // namespace ps
