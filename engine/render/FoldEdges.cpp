#include "render/FoldEdges.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "render/PixelSampling.h"

namespace ps {

std::vector<SharedEdge> sharedEdges(const std::vector<std::array<int, 3>>& triangles) {
    std::map<std::pair<int, int>, std::vector<int>> by_edge;
    for (size_t t = 0; t < triangles.size(); ++t) {
        for (int k = 0; k < 3; ++k) {
            const int a = triangles[t][k], b = triangles[t][(k + 1) % 3];
            by_edge[{std::min(a, b), std::max(a, b)}].push_back(int(t));
        }
    }
    std::vector<SharedEdge> edges;
    for (const auto& [ends, owners] : by_edge) {
        if (owners.size() == 2) {
            edges.push_back({ends.first, ends.second, owners[0], owners[1]});
        }
    }
    return edges;
}

namespace {

struct PendingPixel {
    cv::Vec3b* pixel;
    cv::Vec3f colour;
};

}  // namespace

void smoothFoldEdges(const std::vector<SharedEdge>& edges,
                     const std::vector<std::array<int, 3>>& triangles,
                     const std::vector<char>& hidden, const std::vector<cv::Point2f>& points,
                     cv::Mat& frame, cv::Rect clip) {
    clip &= cv::Rect(0, 0, frame.cols, frame.rows);
    // Colours are computed from the frame as the remap left it and written afterwards, so that
    // pixels near two edges (at a corner of the silhouette) read unblended neighbours.
    thread_local std::vector<PendingPixel> pending;
    pending.clear();
    for (const SharedEdge& e : edges) {
        if (hidden[e.first] == hidden[e.second]) {
            continue;
        }
        const std::array<int, 3>& front = triangles[hidden[e.first] ? e.second : e.first];
        const int apex = front[0] != e.a && front[0] != e.b   ? front[0]
                         : front[1] != e.a && front[1] != e.b ? front[1]
                                                              : front[2];
        const cv::Point2f a = points[e.a], b = points[e.b];
        const cv::Point2f along = b - a;
        const float length = std::sqrt(along.dot(along));
        if (length < 1e-3f) {
            continue;
        }
        const cv::Point2f tangent = along / length;
        cv::Point2f normal(-tangent.y, tangent.x);  // towards the front triangle
        if (normal.dot(points[apex] - a) < 0.0f) {
            normal = -normal;
        }
        const int x0 = std::max(clip.x, int(std::floor(std::min(a.x, b.x) - 1.0f)));
        const int x1 = std::min(clip.x + clip.width - 1, int(std::ceil(std::max(a.x, b.x) + 1.0f)));
        const int y0 = std::max(clip.y, int(std::floor(std::min(a.y, b.y) - 1.0f)));
        const int y1 =
            std::min(clip.y + clip.height - 1, int(std::ceil(std::max(a.y, b.y) + 1.0f)));
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const cv::Point2f p{float(x), float(y)};
                const float t = (p - a).dot(tangent);
                if (t < 0.0f || t > length) {
                    continue;  // beyond the edge's ends: the neighbouring edge's pixels
                }
                const float d = (p - a).dot(normal);  // > 0: the pixel's centre is in front
                if (std::abs(d) >= 0.5f) {
                    continue;
                }
                // The front covers 0.5 + d of the pixel; the rest shows what lies across the
                // edge, read one pixel away on the other side.
                const float cover = 0.5f + d;
                const cv::Vec3b& self = frame.at<cv::Vec3b>(y, x);
                const cv::Vec3f own(self[0], self[1], self[2]);
                cv::Vec3f colour;
                if (d >= 0.0f) {
                    const cv::Point2f q = p - normal;
                    colour = cover * own + (1.0f - cover) * sampleBilinear(frame, q.x, q.y);
                } else {
                    const cv::Point2f q = p + normal;
                    colour = cover * sampleBilinear(frame, q.x, q.y) + (1.0f - cover) * own;
                }
                pending.push_back({&frame.at<cv::Vec3b>(y, x), colour});
            }
        }
    }
    for (const PendingPixel& p : pending) {
        for (int c = 0; c < 3; ++c) {
            (*p.pixel)[c] = cv::saturate_cast<uchar>(p.colour[c]);
        }
    }
}

}  // namespace ps
