// The scanline walk behind TriangleRaster.h, inline so the per-pixel visitor is too.
#pragma once

#include <algorithm>
#include <cmath>
#include <utility>

namespace ps {

namespace raster_detail {

// Lexicographic (y, x) order: both triangles that share an edge see its ends in the same order
// and so compute bit-identical crossings, which is what makes the top-left rule watertight.
inline bool above(const cv::Point2f& a, const cv::Point2f& b) {
    return a.y < b.y || (a.y == b.y && a.x < b.x);
}

// Where the edge from `a` to `b` (a above b) crosses row y.
inline double crossing(const cv::Point2f& a, const cv::Point2f& b, double y) {
    return double(a.x) +
           (y - double(a.y)) * (double(b.x) - double(a.x)) / (double(b.y) - double(a.y));
}

}  // namespace raster_detail

template <class Visit>
void forEachPixel(const cv::Point2f dst[3], cv::Rect clip, Visit&& visit) {
    using raster_detail::above;
    using raster_detail::crossing;
    cv::Point2f v[3] = {dst[0], dst[1], dst[2]};
    if (above(v[1], v[0]))
        std::swap(v[0], v[1]);
    if (above(v[2], v[1]))
        std::swap(v[1], v[2]);
    if (above(v[1], v[0]))
        std::swap(v[0], v[1]);
    const double area = double(v[1].x - v[0].x) * double(v[2].y - v[0].y) -
                        double(v[2].x - v[0].x) * double(v[1].y - v[0].y);
    if (!(std::abs(area) > 1e-12) || !std::isfinite(area)) {
        return;
    }
    // Rows whose centre lies in [top, bottom): a row on a shared horizontal edge belongs to the
    // triangle below it.
    const int y0 = std::max(clip.y, int(std::ceil(v[0].y)));
    const int y1 = std::min(clip.y + clip.height, int(std::ceil(v[2].y)));
    for (int y = y0; y < y1; ++y) {
        const double long_x = crossing(v[0], v[2], y);
        const double short_x =
            double(y) < double(v[1].y) ? crossing(v[0], v[1], y) : crossing(v[1], v[2], y);
        const double left = std::min(long_x, short_x), right = std::max(long_x, short_x);
        // Columns whose centre lies in [left, right): a pixel on a shared edge belongs to the
        // triangle on its right.
        const int x0 = std::max(clip.x, int(std::ceil(left)));
        const int x1 = std::min(clip.x + clip.width, int(std::ceil(right)));
        for (int x = x0; x < x1; ++x) {
            visit(x, y);
        }
    }
}

}  // namespace ps
