#include "face/FaceFit.h"

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
    for (int j = 0; j < kBlendshapeCount; ++j) {
        if (expression[j] != 0.0f) {
            const std::vector<glm::vec3>& d = blendshapes.deltas(static_cast<Blendshape>(j));
            for (size_t i = 0; i < v.size(); ++i) {
                v[i] += expression[j] * d[i];
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
