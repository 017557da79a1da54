#include "render/TriangleRaster.h"

#include <opencv2/imgproc.hpp>

namespace ps {

void RemapMaps::create(cv::Rect region) {
    origin = region.tl();
    whole.create(region.size(), CV_16SC2);
    fraction.create(region.size(), CV_16UC1);
}

void RemapMaps::fillIdentity() {
    for (int y = 0; y < whole.rows; ++y) {
        cv::Vec2s* w = whole.ptr<cv::Vec2s>(y);
        for (int x = 0; x < whole.cols; ++x) {
            w[x] = cv::Vec2s(short(origin.x + x), short(origin.y + y));
        }
    }
    fraction.setTo(0);
}

void storeSourcePoint(RemapMaps& maps, int x, int y, float source_x, float source_y) {
    constexpr float kSteps = float(cv::INTER_TAB_SIZE);
    // Clamped far outside any image: cv::remap's border mode then decides what is read.
    const int fx = cvFloor(std::clamp(source_x, -16000.0f, 16000.0f) * kSteps);
    const int fy = cvFloor(std::clamp(source_y, -16000.0f, 16000.0f) * kSteps);
    const int lx = x - maps.origin.x, ly = y - maps.origin.y;
    maps.whole.at<cv::Vec2s>(ly, lx) = cv::Vec2s(short(fx >> 5), short(fy >> 5));
    maps.fraction.at<ushort>(ly, lx) = ushort((fy & 31) * cv::INTER_TAB_SIZE + (fx & 31));
}

int rasterizeTriangle(const cv::Point2f dst[3], const cv::Point2f src[3], RemapMaps& maps) {
    // The affine map from destination to source: source = a * (x, y, 1).
    const double d00 = dst[1].x - dst[0].x, d01 = dst[2].x - dst[0].x;
    const double d10 = dst[1].y - dst[0].y, d11 = dst[2].y - dst[0].y;
    const double det = d00 * d11 - d01 * d10;
    if (!(std::abs(det) > 1e-12)) {
        return 0;
    }
    const double i00 = d11 / det, i01 = -d01 / det, i10 = -d10 / det, i11 = d00 / det;
    const double s00 = src[1].x - src[0].x, s01 = src[2].x - src[0].x;
    const double s10 = src[1].y - src[0].y, s11 = src[2].y - src[0].y;
    const double ax = s00 * i00 + s01 * i10, bx = s00 * i01 + s01 * i11;
    const double ay = s10 * i00 + s11 * i10, by = s10 * i01 + s11 * i11;
    const double cx = src[0].x - ax * dst[0].x - bx * dst[0].y;
    const double cy = src[0].y - ay * dst[0].x - by * dst[0].y;
    constexpr double kSteps = cv::INTER_TAB_SIZE;
    const cv::Rect clip(maps.origin, maps.whole.size());
    int written = 0;
    int row = -1;
    cv::Vec2s* whole = nullptr;
    ushort* fraction = nullptr;
    forEachPixel(dst, clip, [&](int x, int y) {
        if (y != row) {
            row = y;
            whole = maps.whole.ptr<cv::Vec2s>(y - maps.origin.y) - maps.origin.x;
            fraction = maps.fraction.ptr<ushort>(y - maps.origin.y) - maps.origin.x;
        }
        const double sx = std::clamp(ax * x + bx * y + cx, -16000.0, 16000.0);
        const double sy = std::clamp(ay * x + by * y + cy, -16000.0, 16000.0);
        const int fx = int(std::floor(sx * kSteps + 1e-6));
        const int fy = int(std::floor(sy * kSteps + 1e-6));
        whole[x] = cv::Vec2s(short(fx >> 5), short(fy >> 5));
        fraction[x] = ushort((fy & 31) * cv::INTER_TAB_SIZE + (fx & 31));
        ++written;
    });
    return written;
}

}  // namespace ps
