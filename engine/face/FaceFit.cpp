#include "face/FaceFit.h"

#include <algorithm>
#include <glm/geometric.hpp>

#include "face/FaceMesh.h"

namespace ps {

std::vector<glm::vec3> faceLocalVertices(const IdentityCoefficients& identity,
                                         const BlendshapeWeights& expression) {
    const BlendshapeBasis& blendshapes = BlendshapeBasis::canonical();
    const IdentityBasis& shapes = IdentityBasis::canonical();
    std::vector<glm::vec3> v = blendshapes.neutral();
    for (int k = 0; k < kIdentityModeCount; ++k) {
        if (identity[k] != 0.0f) {
            const std::vector<glm::vec3>& d = shapes.deltas(static_cast<IdentityMode>(k));
            for (size_t i = 0; i < v.size(); ++i) {
                v[i] += identity[k] * d[i];
            }
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
        if (expression[j] != 0.0f && static_cast<Blendshape>(j) != Blendshape::MouthClose) {
            const auto shape = static_cast<Blendshape>(j);
            const std::vector<glm::vec3>& d = blendshapes.deltas(shape);
            const float weight = expression[j] * (shape == Blendshape::EyeBlinkRight  ? right_eye
                                                  : shape == Blendshape::EyeBlinkLeft ? left_eye
                                                                                      : 1.0f);
            for (size_t i = 0; i < v.size(); ++i) {
                v[i] += weight * d[i];
            }
        }
    }
    // mouthClose brings the lips together, and lips cannot pass through each other: applied
    // last, it stops where the inner lips meet (the gap the other shapes left), so a strong
    // mouthClose on a closing jaw (a bilabial in speech) gives closed lips, not lips folded
    // into each other. MediaPipe's neutral mouth is parted by about 5 mm, which mouthClose
    // alone closes at about 0.2.
    const float close = expression[size_t(Blendshape::MouthClose)];
    if (close > 0.0f) {
        const std::vector<glm::vec3>& d = blendshapes.deltas(Blendshape::MouthClose);
        const float gap = v[landmark::kUpperInnerLip].y - v[landmark::kLowerInnerLip].y;
        const float per_unit = d[landmark::kLowerInnerLip].y - d[landmark::kUpperInnerLip].y;
        const float weight =
            per_unit > 0.0f ? std::min(close, std::max(gap, 0.0f) / per_unit) : close;
        for (size_t i = 0; i < v.size(); ++i) {
            v[i] += weight * d[i];
        }
    }
    return v;
}

void updateFaceFit(FaceFit& fit, const PerspectiveCamera& camera) {
    std::vector<glm::vec3> local = faceLocalVertices(fit.identity, fit.expression);
    if (fit.vertex_offsets_cm.size() == local.size()) {
        for (size_t i = 0; i < local.size(); ++i) {
            local[i] += fit.vertex_offsets_cm[i];
        }
    }
    fit.vertices = applyPose(local, fit.pose);
    fit.landmarks2d = camera.project(fit.vertices, fit.image_size);
}

}  // namespace ps
