#include "face/FaceFit.h"

#include <glm/geometric.hpp>

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
        if (expression[j] != 0.0f) {
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
    return v;
}

void updateFaceFit(FaceFit& fit, const PerspectiveCamera& camera) {
    fit.vertices = applyPose(faceLocalVertices(fit.identity, fit.expression), fit.pose);
    fit.landmarks2d = camera.project(fit.vertices, fit.image_size);
}

}  // namespace ps
