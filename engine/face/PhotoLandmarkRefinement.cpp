#include "face/PhotoLandmarkRefinement.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "face/FaceMesh.h"

namespace ps {
namespace {

// The search works on the face resampled so that the eyes are this many pixels apart, so every
// distance below is also a percentage of the eye distance.
constexpr float kEyeDistance = 100.0f;
constexpr float kMaxShift = 10.0f;        // no point moves further than this
constexpr float kBlurSigma = 1.2f;        // about the width of the lips' dark line
constexpr float kValleyHalfWidth = 5.0f;  // the valley is darker than both sides this far out
constexpr float kMinValleyDepth = 6.0f;   // grey levels; shallower is no line at all
constexpr float kMinChinEdge = 1.5f;      // grey levels per pixel across the chin's outline
constexpr float kClosedLips = 4.0f;       // inner lips closer than this are closed
constexpr float kCornerFalloff = 20.0f;   // how far a corner's or the lips' correction reaches
constexpr float kChinFalloff = 33.0f;     // and the chin's

constexpr int kInnerMouthRight = 78;  // the inner lips' corners
constexpr int kInnerMouthLeft = 308;

glm::vec2 xy(const glm::vec3& p) {
    return {p.x, p.y};
}

glm::vec2 perpendicular(glm::vec2 v) {
    return {-v.y, v.x};
}

// The photo's brightness around the face, blurred, at the normalised scale.
class FacePatch {
public:
    FacePatch(const cv::Mat& bgr, const std::vector<glm::vec3>& points, float eye_distance_px) {
        scale_ = kEyeDistance / eye_distance_px;
        float x0 = points[0].x, y0 = points[0].y, x1 = x0, y1 = y0;
        for (const glm::vec3& p : points) {
            x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
            y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
        }
        const float margin = 0.3f * eye_distance_px;
        const cv::Rect wanted(cv::Point(int(std::floor(x0 - margin)), int(std::floor(y0 - margin))),
                              cv::Point(int(std::ceil(x1 + margin)), int(std::ceil(y1 + margin))));
        const cv::Rect roi = wanted & cv::Rect(0, 0, bgr.cols, bgr.rows);
        if (roi.width < 2 || roi.height < 2 || bgr.type() != CV_8UC3) {
            return;  // a face (nearly) outside the photo: nothing to search
        }
        origin_ = {float(roi.x), float(roi.y)};
        cv::Mat grey;
        cv::cvtColor(bgr(roi), grey, cv::COLOR_BGR2GRAY);
        const int interpolation = scale_ < 1.0f ? cv::INTER_AREA : cv::INTER_LINEAR;
        cv::resize(grey, grey, cv::Size(), scale_, scale_, interpolation);
        grey.convertTo(grey_, CV_32F);
        cv::GaussianBlur(grey_, grey_, cv::Size(), kBlurSigma);
    }

    bool empty() const { return grey_.cols < 2 || grey_.rows < 2; }

    glm::vec2 toPatch(glm::vec2 photo) const {
        // Pixel centres at integer coordinates in both.
        return (photo - origin_ + 0.5f) * scale_ - 0.5f;
    }
    glm::vec2 toPhotoShift(glm::vec2 patch_shift) const { return patch_shift / scale_; }
    glm::vec2 toPatchShift(glm::vec2 photo_shift) const { return photo_shift * scale_; }

    // Bilinear brightness; edge pixels repeat outside the patch.
    float at(glm::vec2 p) const {
        const float x = std::clamp(p.x, 0.0f, float(grey_.cols - 1));
        const float y = std::clamp(p.y, 0.0f, float(grey_.rows - 1));
        const int ix = std::min(int(x), std::max(0, grey_.cols - 2));
        const int iy = std::min(int(y), std::max(0, grey_.rows - 2));
        const int jx = std::min(ix + 1, grey_.cols - 1), jy = std::min(iy + 1, grey_.rows - 1);
        const float fx = x - float(ix), fy = y - float(iy);
        const float top = grey_.at<float>(iy, ix) * (1 - fx) + grey_.at<float>(iy, jx) * fx;
        const float bottom = grey_.at<float>(jy, ix) * (1 - fx) + grey_.at<float>(jy, jx) * fx;
        return top * (1 - fy) + bottom * fy;
    }

private:
    cv::Mat grey_;
    glm::vec2 origin_{0.0f};
    float scale_ = 1.0f;
};

// The darkest point within `reach` of `p` along `across`.
glm::vec2 darkestAcross(const FacePatch& patch, glm::vec2 p, glm::vec2 across, float reach) {
    glm::vec2 best = p;
    float darkest = patch.at(p);
    for (float o = -reach; o <= reach; o += 0.25f) {
        const glm::vec2 q = p + o * across;
        const float v = patch.at(q);
        if (v < darkest) {
            darkest = v;
            best = q;
        }
    }
    return best;
}

// How much darker `p` is than both sides of it across the line.
float valleyDepth(const FacePatch& patch, glm::vec2 p, glm::vec2 across) {
    return std::min(patch.at(p + kValleyHalfWidth * across),
                    patch.at(p - kValleyHalfWidth * across)) -
           patch.at(p);
}

// A mouth corner: follows the dark line between the lips (or, in an open mouth, the dark gap
// narrowing into the corner) outwards from the inner lips' corner, and returns where its depth
// falls to half the deepest along the way, the corner's half-maximum. Nullopt when there is no
// line to follow. All in patch pixels.
std::optional<glm::vec2> traceMouthCorner(const FacePatch& patch, glm::vec2 inner_corner,
                                          glm::vec2 corner, glm::vec2 mouth_centre) {
    const glm::vec2 out = glm::normalize(corner - mouth_centre);
    const glm::vec2 across = perpendicular(out);
    const float end = glm::dot(corner - inner_corner, out) + 1.5f * kMaxShift;
    constexpr float kStep = 0.5f;

    std::vector<glm::vec2> track;
    std::vector<float> depth;
    glm::vec2 q = darkestAcross(patch, inner_corner, across, 6.0f);
    for (float s = 0.0f; s <= end; s += kStep) {
        track.push_back(q);
        depth.push_back(valleyDepth(patch, q, across));
        q = darkestAcross(patch, q + kStep * out, across, 0.75f);
    }
    if (track.size() < 4) {
        return std::nullopt;
    }
    const float deepest = *std::max_element(depth.begin(), depth.end());
    if (deepest < kMinValleyDepth) {
        return std::nullopt;
    }
    // The last point, going out, at or above half the deepest; the corner lies between it and
    // the next, where the depth crosses the half.
    const float half = 0.5f * deepest;
    size_t last = 0;
    for (size_t i = 0; i < depth.size(); ++i) {
        if (depth[i] >= half) {
            last = i;
        }
    }
    if (last + 1 >= depth.size()) {
        return std::nullopt;  // the line runs on past the search: no end found
    }
    const float f = (depth[last] - half) / std::max(1e-3f, depth[last] - depth[last + 1]);
    return track[last] + std::clamp(f, 0.0f, 1.0f) * (track[last + 1] - track[last]);
}

// The steepest fall from light to dark going down through `origin` + s·`down`, s within
// [from, to], brightness averaged `half_width` to either side: where the lit chin meets the shade
// under it. Returns s and the fall in grey levels per pixel.
std::pair<float, float> steepestFall(const FacePatch& patch, glm::vec2 origin, glm::vec2 down,
                                     float from, float to, float half_width) {
    const glm::vec2 side = perpendicular(down);
    const auto brightness = [&](float s) {
        float sum = 0.0f;
        int n = 0;
        for (float l = -half_width; l <= half_width + 1e-3f; l += 1.0f, ++n) {
            sum += patch.at(origin + s * down + l * side);
        }
        return sum / float(n);
    };
    constexpr float kHalfStep = 1.5f;
    float best_s = from, steepest = -1e9f;
    for (float s = from; s <= to; s += 0.25f) {
        const float fall =
            (brightness(s - kHalfStep) - brightness(s + kHalfStep)) / (2 * kHalfStep);
        if (fall > steepest) {
            steepest = fall;
            best_s = s;
        }
    }
    return {best_s, steepest};
}

// The chin: where the face's lower outline crosses its midline, the line from the middle of the
// mouth (`mouth_centre`, as corrected) towards the chin (`down`, as the network sees it: the
// head's turn and the face's own asymmetry are in that direction, not in the eye line's square).
// Within reach of the network's chin, the steepest fall from light to dark. Nullopt when no edge
// is clear. Patch pixels.
std::optional<glm::vec2> findChin(const FacePatch& patch, glm::vec2 mouth_centre, glm::vec2 down,
                                  glm::vec2 chin) {
    const float at_network = glm::dot(chin - mouth_centre, down);
    const auto [s, fall] = steepestFall(patch, mouth_centre, down, at_network - 1.5f * kMaxShift,
                                        at_network + 1.2f * kMaxShift, 4.0f);
    if (fall < kMinChinEdge) {
        return std::nullopt;
    }
    return mouth_centre + s * down;
}

// The correction from `from` to `to` (patch pixels) as a photo shift, or none when it is further
// than kMaxShift: then the photo's edge is something else.
glm::vec2 shiftTo(const FacePatch& patch, glm::vec2 from, const std::optional<glm::vec2>& to) {
    if (!to || glm::length(*to - from) > kMaxShift) {
        return glm::vec2(0.0f);
    }
    return patch.toPhotoShift(*to - from);
}

}  // namespace

LandmarkRefinement findLandmarkRefinement(const cv::Mat& photo_bgr, const FaceLandmarks& network) {
    const std::vector<glm::vec3>& p = network.points;
    if (p.size() < size_t(kFaceVertexCount) || photo_bgr.empty()) {
        return {};
    }
    const glm::vec2 right_eye_px =
        0.5f * (xy(p[landmark::kRightEyeOuter]) + xy(p[landmark::kRightEyeInner]));
    const glm::vec2 left_eye_px =
        0.5f * (xy(p[landmark::kLeftEyeOuter]) + xy(p[landmark::kLeftEyeInner]));
    const float eye_distance_px = glm::length(left_eye_px - right_eye_px);
    if (eye_distance_px < 8.0f) {
        return {};
    }
    const FacePatch patch(photo_bgr, p, eye_distance_px);
    if (patch.empty()) {
        return {};
    }
    const auto at = [&](int i) { return patch.toPatch(xy(p[size_t(i)])); };

    const glm::vec2 mouth_centre =
        0.5f * (at(landmark::kUpperInnerLip) + at(landmark::kLowerInnerLip));
    LandmarkRefinement r;
    const std::optional<glm::vec2> right =
        traceMouthCorner(patch, at(kInnerMouthRight), at(landmark::kMouthRight), mouth_centre);
    const std::optional<glm::vec2> left =
        traceMouthCorner(patch, at(kInnerMouthLeft), at(landmark::kMouthLeft), mouth_centre);
    r.mouth_right_px = shiftTo(patch, at(landmark::kMouthRight), right);
    r.mouth_left_px = shiftTo(patch, at(landmark::kMouthLeft), left);
    const glm::vec2 mouth_right = patch.toPatch(xy(p[landmark::kMouthRight]) + r.mouth_right_px);
    const glm::vec2 mouth_left = patch.toPatch(xy(p[landmark::kMouthLeft]) + r.mouth_left_px);

    // Closed lips meet on the line between the corners: halfway along it, the darkest point
    // across, when the line is there.
    std::optional<glm::vec2> lips;
    if (glm::length(at(landmark::kUpperInnerLip) - at(landmark::kLowerInnerLip)) < kClosedLips) {
        const glm::vec2 corners_mid = 0.5f * (mouth_right + mouth_left);
        const glm::vec2 across = perpendicular(glm::normalize(mouth_left - mouth_right));
        const glm::vec2 q = darkestAcross(
            patch, corners_mid + glm::dot(mouth_centre - corners_mid, across) * across, across,
            5.0f);
        if (valleyDepth(patch, q, across) >= kMinValleyDepth) {
            lips = q;
        }
    }
    r.lips_px = shiftTo(patch, mouth_centre, lips);

    // The mouth's middle as corrected: by the lips' own correction when they are closed, else by
    // the corners' mean.
    const glm::vec2 lips_shift = r.lips_px != glm::vec2(0.0f)
                                     ? patch.toPatchShift(r.lips_px)
                                     : 0.5f * (mouth_right - at(landmark::kMouthRight) +
                                               mouth_left - at(landmark::kMouthLeft));
    const glm::vec2 down = glm::normalize(at(landmark::kChin) - mouth_centre);
    r.chin_px = shiftTo(patch, at(landmark::kChin),
                        findChin(patch, mouth_centre + lips_shift, down, at(landmark::kChin)));
    return r;
}

FaceLandmarks applyLandmarkRefinement(const FaceLandmarks& network,
                                      const LandmarkRefinement& refinement) {
    FaceLandmarks out = network;
    std::vector<glm::vec3>& p = out.points;
    if (p.size() < size_t(kFaceVertexCount)) {
        return out;
    }
    const float eye_distance_px =
        glm::length(0.5f * (xy(p[landmark::kLeftEyeOuter]) + xy(p[landmark::kLeftEyeInner])) -
                    0.5f * (xy(p[landmark::kRightEyeOuter]) + xy(p[landmark::kRightEyeInner])));
    struct Correction {
        glm::vec2 centre, shift;
        float reach;
    };
    const float unit = eye_distance_px / kEyeDistance;
    const Correction corrections[] = {
        {xy(p[landmark::kMouthRight]), refinement.mouth_right_px, kCornerFalloff * unit},
        {xy(p[landmark::kMouthLeft]), refinement.mouth_left_px, kCornerFalloff * unit},
        {0.5f * (xy(p[landmark::kUpperInnerLip]) + xy(p[landmark::kLowerInnerLip])),
         refinement.lips_px, kCornerFalloff * unit},
        {xy(p[landmark::kChin]), refinement.chin_px, kChinFalloff * unit}};
    const std::vector<glm::vec3> original = p;
    for (size_t i = 0; i < p.size(); ++i) {
        for (const Correction& c : corrections) {
            const float r = glm::length(xy(original[i]) - c.centre) / c.reach;
            if (r < 1.0f) {
                const float w = (1.0f - r * r) * (1.0f - r * r);
                p[i].x += w * c.shift.x;
                p[i].y += w * c.shift.y;
            }
        }
    }
    return out;
}

}  // namespace ps
