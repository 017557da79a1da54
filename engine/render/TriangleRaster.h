// Fills the pixels of a destination triangle with where to read them in a source image, as
// cv::remap's fixed-point maps (CV_16SC2 whole pixels, CV_16UC1 sub-pixel table index), so a
// mesh warp costs one rasterisation and one remap without float maps to convert. Pixel centres
// are at integer coordinates, as in cv::remap; edges follow a top-left rule, so triangles that
// share an edge cover every pixel along it exactly once: no seams, no double writes.
#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace ps {

// Destination maps for one region of a frame: map(x, y) is the source position of frame pixel
// origin + (x, y).
struct RemapMaps {
    cv::Point origin;
    cv::Mat whole;     // CV_16SC2
    cv::Mat fraction;  // CV_16UC1, (fy * 32 + fx) with 1/32-pixel steps (cv::INTER_TAB_SIZE)

    void create(cv::Rect region);
    // Every pixel reads itself: the identity warp.
    void fillIdentity();
};

// The source position, in 1/32 pixels, written into the maps for a source point.
void storeSourcePoint(RemapMaps& maps, int x, int y, float source_x, float source_y);

// Writes the triangle `dst` (frame pixels) with the affine map that takes it onto `src` (source
// pixels). Degenerate triangles cover nothing. Returns the number of pixels written.
int rasterizeTriangle(const cv::Point2f dst[3], const cv::Point2f src[3], RemapMaps& maps);

// Calls visit(x, y) for every frame pixel the triangle covers, by the same rule.
template <class Visit>
void forEachPixel(const cv::Point2f dst[3], cv::Rect clip, Visit&& visit);

}  // namespace ps

#include "render/TriangleRasterImpl.h"
