#include "render/PixelSampling.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ps {

cv::Vec3f sampleBilinear(const cv::Mat& bgr, float x, float y) {
    x = std::clamp(x, 0.0f, float(bgr.cols - 1));
    y = std::clamp(y, 0.0f, float(bgr.rows - 1));
    const int x0 = std::min(int(x), bgr.cols - 2 < 0 ? 0 : bgr.cols - 2);
    const int y0 = std::min(int(y), bgr.rows - 2 < 0 ? 0 : bgr.rows - 2);
    const int x1 = std::min(x0 + 1, bgr.cols - 1), y1 = std::min(y0 + 1, bgr.rows - 1);
    const float fx = x - float(x0), fy = y - float(y0);
    const cv::Vec3b* r0 = bgr.ptr<cv::Vec3b>(y0);
    const cv::Vec3b* r1 = bgr.ptr<cv::Vec3b>(y1);
    cv::Vec3f out;
    for (int c = 0; c < 3; ++c) {
        const float top = r0[x0][c] + fx * (float(r0[x1][c]) - float(r0[x0][c]));
        const float bottom = r1[x0][c] + fx * (float(r1[x1][c]) - float(r1[x0][c]));
        out[c] = top + fy * (bottom - top);
    }
    return out;
}

Affine2 fitSimilarity(cv::Point2f from0, cv::Point2f from1, cv::Point2f to0, cv::Point2f to1) {
    // As complex numbers: to = z * (from - from0) + to0, z = (to1 - to0) / (from1 - from0).
    const cv::Point2f df = from1 - from0, dt = to1 - to0;
    const float n = df.dot(df);
    if (!(n > 1e-12f)) {
        return {1, 0, to0.x - from0.x, 0, 1, to0.y - from0.y};
    }
    const float re = (dt.x * df.x + dt.y * df.y) / n, im = (dt.y * df.x - dt.x * df.y) / n;
    Affine2 m{re, -im, 0, im, re, 0};
    const cv::Point2f shifted = m(from0.x, from0.y);
    m.c = to0.x - shifted.x;
    m.f = to0.y - shifted.y;
    return m;
}

Affine2 fitAffine(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to) {
    const size_t n = std::min(from.size(), to.size());
    if (n < 2) {
        return n == 1 ? Affine2{1, 0, to[0].x - from[0].x, 0, 1, to[0].y - from[0].y} : Affine2{};
    }
    // Centred normal equations: the 2x2 system [sxx sxy; sxy syy] shared by both output rows.
    cv::Point2f mf(0, 0), mt(0, 0);
    for (size_t i = 0; i < n; ++i) {
        mf += from[i];
        mt += to[i];
    }
    mf *= 1.0f / float(n);
    mt *= 1.0f / float(n);
    double sxx = 0, sxy = 0, syy = 0, ux = 0, uy = 0, vx = 0, vy = 0;
    for (size_t i = 0; i < n; ++i) {
        const cv::Point2f p = from[i] - mf, q = to[i] - mt;
        sxx += p.x * p.x;
        sxy += p.x * p.y;
        syy += p.y * p.y;
        ux += q.x * p.x;
        uy += q.x * p.y;
        vx += q.y * p.x;
        vy += q.y * p.y;
    }
    const double det = sxx * syy - sxy * sxy;
    if (!(std::abs(det) > 1e-9 * (sxx * syy + 1e-12))) {
        return fitSimilarity(from[0], from[1], to[0], to[1]);
    }
    Affine2 m;
    m.a = float((ux * syy - uy * sxy) / det);
    m.b = float((uy * sxx - ux * sxy) / det);
    m.d = float((vx * syy - vy * sxy) / det);
    m.e = float((vy * sxx - vx * sxy) / det);
    m.c = mt.x - (m.a * mf.x + m.b * mf.y);
    m.f = mt.y - (m.d * mf.x + m.e * mf.y);
    return m;
}

float segmentDistanceSquared(cv::Point2f a, cv::Point2f b, cv::Point2f p) {
    const cv::Point2f ab = b - a, ap = p - a;
    const float len2 = ab.dot(ab);
    const float t = len2 > 0.0f ? std::clamp(ap.dot(ab) / len2, 0.0f, 1.0f) : 0.0f;
    const cv::Point2f d = ap - t * ab;
    return d.dot(d);
}

float signedDistance(const std::vector<cv::Point2f>& polygon, cv::Point2f p) {
    bool inside = false;
    float best = std::numeric_limits<float>::max();
    const size_t n = polygon.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const cv::Point2f a = polygon[j], b = polygon[i];
        if ((b.y > p.y) != (a.y > p.y) && p.x < (a.x - b.x) * (p.y - b.y) / (a.y - b.y) + b.x) {
            inside = !inside;
        }
        best = std::min(best, segmentDistanceSquared(a, b, p));
    }
    const float distance = std::sqrt(best);
    return inside ? distance : -distance;
}

float polygonArea(const std::vector<cv::Point2f>& polygon) {
    float twice = 0.0f;
    for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        twice += polygon[j].x * polygon[i].y - polygon[i].x * polygon[j].y;
    }
    return 0.5f * twice;
}

void uncrossOpening(std::vector<cv::Point2f>& loop, cv::Point2f down, float close_below_px) {
    const size_t n = loop.size();
    const float length = std::sqrt(down.dot(down));
    if (length <= 0.0f) {
        return;
    }
    down *= 1.0f / length;
    for (size_t k = 1; k < n / 2; ++k) {
        cv::Point2f& lower = loop[k];
        cv::Point2f& upper = loop[n - k];
        if ((lower - upper).dot(down) < close_below_px) {
            lower = upper = 0.5f * (lower + upper);
        }
    }
}

}  // namespace ps
