#include "face/FaceDetectMerge.h"

#include <algorithm>
#include <cmath>

namespace ps {

namespace {

// Two windows are the same face when their squares overlap by more than this share of their
// union, or when one's centre lies well inside the other and their sizes are alike: the second
// rule catches a rotated search whose window sits slightly off the upright one's.
constexpr float kSameFaceOverlap = 0.3f;
constexpr float kSameFaceCentreShare = 0.35f;  // of the smaller side
constexpr float kSameFaceSizeRatio = 1.8f;

float overlap(const FaceCandidate& a, const FaceCandidate& b) {
    const cv::Rect2f ra(a.centre.x - a.size / 2, a.centre.y - a.size / 2, a.size, a.size);
    const cv::Rect2f rb(b.centre.x - b.size / 2, b.centre.y - b.size / 2, b.size, b.size);
    const float inter = (ra & rb).area();
    const float uni = ra.area() + rb.area() - inter;
    return uni > 0.0f ? inter / uni : 0.0f;
}

bool sameFace(const FaceCandidate& a, const FaceCandidate& b) {
    if (overlap(a, b) > kSameFaceOverlap) {
        return true;
    }
    const float small = std::min(a.size, b.size);
    const float large = std::max(a.size, b.size);
    const cv::Point2f d = a.centre - b.centre;
    return large < small * kSameFaceSizeRatio &&
           std::hypot(d.x, d.y) < small * kSameFaceCentreShare;
}

// Frontal windows are placed and sized more consistently than profile ones, so on equal votes a
// frontal window founds the group.
bool stronger(const FaceCandidate& a, const FaceCandidate& b) {
    if (a.neighbours != b.neighbours) {
        return a.neighbours > b.neighbours;
    }
    return (a.cascade == FaceCascade::Frontal) > (b.cascade == FaceCascade::Frontal);
}

struct Group {
    FaceCandidate founder;
    double weight = 0.0;
    double x = 0.0, y = 0.0, size = 0.0, roll = 0.0;
    double roll_weight = 0.0;
    int passes = 0;
};

}  // namespace

std::vector<DetectedFace> mergeFaceCandidates(std::vector<FaceCandidate> candidates) {
    std::stable_sort(candidates.begin(), candidates.end(), stronger);
    std::vector<Group> groups;
    for (const FaceCandidate& c : candidates) {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group& g) { return sameFace(g.founder, c); });
        if (it == groups.end()) {
            groups.push_back({c});
            it = groups.end() - 1;
        }
        const double w = std::max(1, c.neighbours);
        it->weight += w;
        it->x += w * c.centre.x;
        it->y += w * c.centre.y;
        it->size += w * c.size;
        // Profile searches run upright only, so their zero says nothing about the roll.
        if (c.cascade == FaceCascade::Frontal) {
            it->roll += w * c.rotation_deg;
            it->roll_weight += w;
        }
        ++it->passes;
    }

    std::vector<DetectedFace> faces;
    faces.reserve(groups.size());
    for (const Group& g : groups) {
        DetectedFace f;
        const float size = float(g.size / g.weight);
        f.box = cv::Rect2f(float(g.x / g.weight) - size / 2, float(g.y / g.weight) - size / 2, size,
                           size);
        f.roll_deg = g.roll_weight > 0.0 ? float(g.roll / g.roll_weight) : 0.0f;
        f.neighbours = g.founder.neighbours;
        f.passes = g.passes;
        f.cascade = g.founder.cascade;
        faces.push_back(f);
    }
    std::stable_sort(faces.begin(), faces.end(), [](const DetectedFace& a, const DetectedFace& b) {
        return a.box.width > b.box.width;
    });
    return faces;
}

}  // namespace ps
