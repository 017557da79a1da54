// Small per-pixel helpers shared by the renderer's passes over the mouth and the eyes: bilinear
// reads of a BGR photo, 2D affine maps fitted to point pairs, and the signed distance to a
// polygon that gives their edges one pixel of anti-aliasing.
#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace ps {

// The photo's colour at a sub-pixel position, BGR as floats, edges clamped.
cv::Vec3f sampleBilinear(const cv::Mat& bgr, float x, float y);

// A 2D affine map p -> (a*x + b*y + c, d*x + e*y + f).
struct Affine2 {
    float a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    cv::Point2f operator()(float x, float y) const {
        return {a * x + b * y + c, d * x + e * y + f};
    }
};

// The least-squares affine map taking `from` onto `to` (three or more points, not all on a
// line); the similarity through the first two points when the fit is degenerate.
Affine2 fitAffine(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to);
// The similarity (rotation, uniform scale, shift) taking from[0], from[1] onto to[0], to[1].
Affine2 fitSimilarity(cv::Point2f from0, cv::Point2f from1, cv::Point2f to0, cv::Point2f to1);

// Squared distance from p to the segment from a to b.
float segmentDistanceSquared(cv::Point2f a, cv::Point2f b, cv::Point2f p);

// Distance from p to the closed polygon's outline, positive inside, negative outside.
float signedDistance(const std::vector<cv::Point2f>& polygon, cv::Point2f p);

// The polygon's signed area in square pixels (shoelace); its magnitude says how open a contour
// such as the lips' inner edge is.
float polygonArea(const std::vector<cv::Point2f>& polygon);

// For an opening's loop that runs from one corner (index 0) along its lower edge to the other
// corner (index n/2) and back along its upper edge: where the upper edge has come down past
// the lower one (lids or lips pressed together), both are put at their midpoint, so the
// opening is closed there instead of turning inside out. Edges closer than `close_below_px`
// meet too: lips that touch in 3D can show a hairline gap once projected, which should not
// flash the teeth.
void uncrossOpening(std::vector<cv::Point2f>& loop, cv::Point2f down, float close_below_px = 0.0f);

// The gap under which an opening's edges are taken to meet (see uncrossOpening).
constexpr float kClosedGapPx = 0.75f;

}  // namespace ps
