// Turns BlazeFace's raw outputs into faces: scores through a clipped sigmoid, boxes and six key
// points decoded against the anchors, then MediaPipe's weighted non-maximum suppression, which
// averages the boxes that overlap the best one (weighted by score) instead of dropping them, so
// the result is steadier than any single anchor's. Pure functions on the model's input pixels.
#pragma once

#include <array>
#include <opencv2/core/types.hpp>
#include <vector>

#include "face/BlazeFaceAnchors.h"

namespace ps {

// The model's key points in its output order. Left and right are the subject's (DESIGN.md): in an
// unmirrored photo the subject's right eye is on the image's left.
enum class BlazeFacePoint {
    RightEye = 0,
    LeftEye,
    NoseTip,
    Mouth,
    RightEarTragion,
    LeftEarTragion,
};
constexpr int kBlazeFacePointCount = 6;
// Per anchor: box centre x, y, width, height, then x, y of each key point, in input pixels.
constexpr int kBlazeFaceValuesPerAnchor = 4 + 2 * kBlazeFacePointCount;

struct BlazeFaceBox {
    cv::Rect2f box;      // the face's square
    float score = 0.0f;  // 0..1
    std::array<cv::Point2f, kBlazeFacePointCount> points;

    const cv::Point2f& point(BlazeFacePoint p) const { return points[size_t(p)]; }
};

struct BlazeFaceThresholds {
    // MediaPipe's face detection graphs keep scores from 0.5 and merge boxes overlapping by an
    // intersection over union above 0.3.
    float min_score = 0.5f;
    float min_suppression_iou = 0.3f;
};

// The raw logits are clipped to ±100 before the sigmoid, as MediaPipe does.
float blazeFaceScore(float raw_logit);

// Every anchor whose score reaches `min_score`, decoded: `raw_scores` holds one logit per anchor,
// `raw_boxes` kBlazeFaceValuesPerAnchor values per anchor, both in the anchors' order. Offsets
// are in input pixels relative to the anchor's centre (the anchors have unit size, and the
// model's scale is its input size). Boxes of no area are left out.
std::vector<BlazeFaceBox> decodeBlazeFaceBoxes(const std::vector<float>& raw_scores,
                                               const std::vector<float>& raw_boxes,
                                               const std::vector<BlazeFaceAnchor>& anchors,
                                               float min_score);

float intersectionOverUnion(const cv::Rect2f& a, const cv::Rect2f& b);

// MediaPipe's weighted NMS: repeatedly take the best remaining box, gather every remaining box
// whose IoU with it exceeds `min_suppression_iou` (itself included), and emit their score-weighted
// mean box and key points with the best box's score. Best first.
std::vector<BlazeFaceBox> weightedNonMaxSuppression(std::vector<BlazeFaceBox> boxes,
                                                    float min_suppression_iou);

// decodeBlazeFaceBoxes then weightedNonMaxSuppression.
std::vector<BlazeFaceBox> decodeBlazeFace(const std::vector<float>& raw_scores,
                                          const std::vector<float>& raw_boxes,
                                          const std::vector<BlazeFaceAnchor>& anchors,
                                          const BlazeFaceThresholds& thresholds = {});

}  // namespace ps
