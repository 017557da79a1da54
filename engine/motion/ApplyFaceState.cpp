#include "motion/ApplyFaceState.h"

#include <algorithm>
#include <glm/gtc/quaternion.hpp>

#include "face/FaceMesh.h"
#include "face/HeadPose.h"

namespace ps {

bool isSpeechShape(Blendshape shape) {
    switch (shape) {
        case Blendshape::JawOpen:
        case Blendshape::JawForward:
        case Blendshape::MouthClose:
        case Blendshape::MouthFunnel:
        case Blendshape::MouthPucker:
        case Blendshape::MouthPressLeft:
        case Blendshape::MouthPressRight:
        case Blendshape::MouthUpperUpLeft:
        case Blendshape::MouthUpperUpRight:
        case Blendshape::MouthLowerDownLeft:
        case Blendshape::MouthLowerDownRight:
        case Blendshape::MouthRollUpper:
        case Blendshape::MouthRollLower:
        case Blendshape::MouthShrugUpper:
        case Blendshape::MouthShrugLower:
        case Blendshape::TongueOut:
            return true;
        default:
            return false;
    }
}

float lipsTogetherClose(const FaceFit& photo_fit) {
    const BlendshapeBasis& basis = BlendshapeBasis::canonical();
    const std::vector<glm::vec3> neutral =
        faceLocalVertices(photo_fit.identity, BlendshapeWeights{}, photo_fit.shape_detail_cm);
    const std::vector<glm::vec3>& close = basis.deltas(Blendshape::MouthClose);
    const float gap = neutral[landmark::kUpperInnerLip].y - neutral[landmark::kLowerInnerLip].y;
    const float per_unit = close[landmark::kLowerInnerLip].y - close[landmark::kUpperInnerLip].y;
    return per_unit > 0.0f ? std::clamp(gap / per_unit, 0.0f, 1.0f) : 0.0f;
}

FaceFit applyFaceState(const FaceFit& photo_fit, const FaceState& state) {
    FaceFit target = photo_fit;
    const float speaking = std::clamp(state.speech, 0.0f, 1.0f);
    const float lips_together = lipsTogetherClose(photo_fit);
    for (int i = 0; i < kBlendshapeCount; ++i) {
        const float photo = photo_fit.expression[size_t(i)];
        float moved = state.weights[size_t(i)];
        if (static_cast<Blendshape>(i) == Blendshape::MouthClose) {
            moved += lips_together;  // ARKit's rest has the lips together; see the header
        }
        const float value =
            (isSpeechShape(static_cast<Blendshape>(i)) ? photo + speaking * (moved - photo)
                                                       : photo + moved) +
            state.added[size_t(i)];
        target.expression[size_t(i)] = std::clamp(value, 0.0f, 1.0f);
    }
    const glm::quat turn = glm::quat(glm::radians(state.head_deg));
    target.pose = headPoseFrom(toQuat(photo_fit.pose) * turn, photo_fit.pose.translation);
    target.vertex_offsets_cm = state.vertex_offsets_cm;
    updateFaceFit(target);
    return target;
}

}  // namespace ps
