#include "face/BlazeFaceDecoder.h"

#include <algorithm>
#include <cmath>

namespace ps {

namespace {

constexpr float kRawScoreClip = 100.0f;  // MediaPipe's score_clipping_thresh

}  // namespace

float blazeFaceScore(float raw_logit) {
    const double x = std::clamp(double(raw_logit), -double(kRawScoreClip), double(kRawScoreClip));
    return float(1.0 / (1.0 + std::exp(-x)));
}

std::vector<BlazeFaceBox> decodeBlazeFaceBoxes(const std::vector<float>& raw_scores,
                                               const std::vector<float>& raw_boxes,
                                               const std::vector<BlazeFaceAnchor>& anchors,
                                               float min_score) {
    std::vector<BlazeFaceBox> out;
    const size_t n =
        std::min({raw_scores.size(), raw_boxes.size() / kBlazeFaceValuesPerAnchor, anchors.size()});
    for (size_t i = 0; i < n; ++i) {
        const float score = blazeFaceScore(raw_scores[i]);
        if (score < min_score) {
            continue;
        }
        const float* v = raw_boxes.data() + i * kBlazeFaceValuesPerAnchor;
        const cv::Point2f& a = anchors[i].centre_px;
        const float w = v[2];
        const float h = v[3];
        if (!(w > 0.0f && h > 0.0f)) {
            continue;
        }
        BlazeFaceBox b;
        b.box = cv::Rect2f(a.x + v[0] - w / 2, a.y + v[1] - h / 2, w, h);
        b.score = score;
        for (int k = 0; k < kBlazeFacePointCount; ++k) {
            b.points[k] = cv::Point2f(a.x + v[4 + 2 * k], a.y + v[5 + 2 * k]);
        }
        out.push_back(b);
    }
    return out;
}

float intersectionOverUnion(const cv::Rect2f& a, const cv::Rect2f& b) {
    const float inter = (a & b).area();
    const float uni = a.area() + b.area() - inter;
    return uni > 0.0f ? inter / uni : 0.0f;
}

std::vector<BlazeFaceBox> weightedNonMaxSuppression(std::vector<BlazeFaceBox> boxes,
                                                    float min_suppression_iou) {
    std::stable_sort(boxes.begin(), boxes.end(), [](const BlazeFaceBox& a, const BlazeFaceBox& b) {
        return a.score > b.score;
    });
    std::vector<BlazeFaceBox> out;
    std::vector<BlazeFaceBox> remaining;
    while (!boxes.empty()) {
        const BlazeFaceBox best = boxes.front();
        double total = 0.0;
        double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
        std::array<cv::Point2d, kBlazeFacePointCount> points{};
        remaining.clear();
        for (const BlazeFaceBox& b : boxes) {
            if (intersectionOverUnion(b.box, best.box) <= min_suppression_iou && &b != &boxes[0]) {
                remaining.push_back(b);
                continue;
            }
            const double w = b.score;
            total += w;
            x0 += w * b.box.x;
            y0 += w * b.box.y;
            x1 += w * (b.box.x + b.box.width);
            y1 += w * (b.box.y + b.box.height);
            for (int k = 0; k < kBlazeFacePointCount; ++k) {
                points[k] += w * cv::Point2d(b.points[k]);
            }
        }
        BlazeFaceBox merged = best;
        if (total > 0.0) {
            merged.box = cv::Rect2f(float(x0 / total), float(y0 / total), float((x1 - x0) / total),
                                    float((y1 - y0) / total));
            for (int k = 0; k < kBlazeFacePointCount; ++k) {
                merged.points[k] = cv::Point2f(points[k] / total);
            }
        }
        out.push_back(merged);
        boxes.swap(remaining);
    }
    return out;
}

std::vector<BlazeFaceBox> decodeBlazeFace(const std::vector<float>& raw_scores,
                                          const std::vector<float>& raw_boxes,
                                          const std::vector<BlazeFaceAnchor>& anchors,
                                          const BlazeFaceThresholds& thresholds) {
    return weightedNonMaxSuppression(
        decodeBlazeFaceBoxes(raw_scores, raw_boxes, anchors, thresholds.min_score),
        thresholds.min_suppression_iou);
}

}  // namespace ps
