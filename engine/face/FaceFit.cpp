#include "face/FaceFit.h"

#include <algorithm>
#include <array>
#include <glm/geometric.hpp>
#include <tuple>

#include "face/FaceContours.h"
#include "face/FaceMesh.h"

namespace ps {

namespace {

// Pairs of lid-margin or inner-lip vertices that meet when the eye or the mouth is closed:
// loop[k] with loop[N - k] along a closed contour that runs from one corner along the lower edge
// and back along the upper one (FaceContours.h).
template <size_t N>
std::vector<std::array<int, 2>> meetingPairs(const std::array<int, N>& loop) {
    std::vector<std::array<int, 2>> pairs;
    for (size_t k = 1; k < N / 2; ++k) {
        pairs.push_back({loop[N - k], loop[k]});  // upper, lower
    }
    return pairs;
}

// Adds `weight` times a shape's offsets.
void addShape(std::vector<glm::vec3>& v, const std::vector<glm::vec3>& d, float weight) {
    if (weight == 0.0f) {
        return;
    }
    for (size_t i = 0; i < v.size(); ++i) {
        v[i] += weight * d[i];
    }
}

// Closes the last gaps of a blink or of closed lips. The shapes' offsets close the canonical
// face's eye and mouth exactly, but a person's own shape detail and the photo's other shapes
// (an eye fitted wide, an upper lip fitted shrugged) leave each pair of edge vertices a
// different distance apart when the shape is at full strength: `residual` is that gap, upper
// minus lower, measured at full strength, and `progress` (0..1) how far the shape has gone. The
// upper edge takes `upper_share` of the correction and the lower the rest, so at progress 1
// every pair meets.
void closePairs(std::vector<glm::vec3>& v, const std::vector<std::array<int, 2>>& pairs,
                const std::vector<glm::vec3>& residual, float progress, float upper_share) {
    for (size_t p = 0; p < pairs.size(); ++p) {
        v[size_t(pairs[p][0])] -= progress * upper_share * residual[p];
        v[size_t(pairs[p][1])] += progress * (1.0f - upper_share) * residual[p];
    }
}

std::vector<glm::vec3> gapsOf(const std::vector<glm::vec3>& v,
                              const std::vector<std::array<int, 2>>& pairs) {
    std::vector<glm::vec3> gaps;
    for (const auto& [upper, lower] : pairs) {
        gaps.push_back(v[size_t(upper)] - v[size_t(lower)]);
    }
    return gaps;
}

}  // namespace

std::vector<glm::vec3> faceLocalVertices(const IdentityCoefficients& identity,
                                         const BlendshapeWeights& expression,
                                         const std::vector<glm::vec3>& shape_detail_cm) {
    const BlendshapeBasis& blendshapes = BlendshapeBasis::canonical();
    const IdentityBasis& shapes = IdentityBasis::canonical();
    std::vector<glm::vec3> v = blendshapes.neutral();
    for (int k = 0; k < kIdentityModeCount; ++k) {
        addShape(v, shapes.deltas(static_cast<IdentityMode>(k)), identity[k]);
    }
    if (shape_detail_cm.size() == v.size()) {
        for (size_t i = 0; i < v.size(); ++i) {
            v[i] += shape_detail_cm[i];
        }
    }
    // A blink's offsets close the canonical eye's opening exactly; a person whose eyes the
    // identity made taller or shorter needs them scaled by how open their eye is, or a blink of
    // 1 would leave a slit (or push the lids past each other).
    const std::vector<glm::vec3>& neutral = blendshapes.neutral();
    const auto openness = [&](int upper, int lower) {
        const float canonical = glm::distance(neutral[upper], neutral[lower]);
        return canonical > 0.0f ? glm::distance(v[upper], v[lower]) / canonical : 1.0f;
    };
    const float right_eye = openness(159, 145), left_eye = openness(386, 374);
    for (int j = 0; j < kBlendshapeCount; ++j) {
        const auto shape = static_cast<Blendshape>(j);
        if (shape != Blendshape::MouthClose && shape != Blendshape::EyeBlinkLeft &&
            shape != Blendshape::EyeBlinkRight) {
            addShape(v, blendshapes.deltas(shape), expression[j]);
        }
    }
    // The blinks last, so that a blink of 1 shuts the eye whatever the other shapes did to it:
    // the upper lid comes down onto the lower one, which the blink's offsets raise a little.
    static const auto right_lids = meetingPairs(contour::kRightEye);
    static const auto left_lids = meetingPairs(contour::kLeftEye);
    for (const auto& [shape, scale, lids] :
         {std::tuple(Blendshape::EyeBlinkRight, right_eye, &right_lids),
          std::tuple(Blendshape::EyeBlinkLeft, left_eye, &left_lids)}) {
        const float blink = std::clamp(expression[size_t(shape)], 0.0f, 1.0f);
        if (blink <= 0.0f) {
            continue;
        }
        const std::vector<glm::vec3>& d = blendshapes.deltas(shape);
        std::vector<glm::vec3> shut = v;
        addShape(shut, d, scale);
        const std::vector<glm::vec3> residual = gapsOf(shut, *lids);
        addShape(v, d, blink * scale);
        closePairs(v, *lids, residual, blink, 0.85f);
    }
    // mouthClose brings the lips together, and lips cannot pass through each other: applied
    // last, it stops where the inner lips meet (the gap the other shapes left), so a strong
    // mouthClose on a closing jaw (a bilabial in speech) gives closed lips, not lips folded
    // into each other. MediaPipe's neutral mouth is parted by about 5 mm, which mouthClose
    // alone closes at about 0.2. Where the inner lips' other pairs are still apart (or pressed
    // past each other) when the middle meets, they are brought together too, each lip going
    // half way.
    const float close = expression[size_t(Blendshape::MouthClose)];
    if (close > 0.0f) {
        static const auto lips = meetingPairs(contour::kInnerLips);
        const std::vector<glm::vec3>& d = blendshapes.deltas(Blendshape::MouthClose);
        const float gap = v[landmark::kUpperInnerLip].y - v[landmark::kLowerInnerLip].y;
        const float per_unit = d[landmark::kLowerInnerLip].y - d[landmark::kUpperInnerLip].y;
        const float meet = per_unit > 0.0f ? std::max(gap, 0.0f) / per_unit : close;
        const float weight = std::min(close, meet);
        std::vector<glm::vec3> met = v;
        addShape(met, d, meet);
        const std::vector<glm::vec3> residual = gapsOf(met, lips);
        addShape(v, d, weight);
        const float progress = meet > 0.0f ? std::min(1.0f, close / meet) : 1.0f;
        closePairs(v, lips, residual, progress, 0.5f);
    }
    return v;
}

void updateFaceFit(FaceFit& fit, const PerspectiveCamera& camera) {
    std::vector<glm::vec3> local =
        faceLocalVertices(fit.identity, fit.expression, fit.shape_detail_cm);
    if (fit.vertex_offsets_cm.size() == local.size()) {
        for (size_t i = 0; i < local.size(); ++i) {
            local[i] += fit.vertex_offsets_cm[i];
        }
    }
    fit.vertices = applyPose(local, fit.pose);
    fit.landmarks2d = camera.project(fit.vertices, fit.image_size);
}

}  // namespace ps
