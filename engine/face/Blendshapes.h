// ARKit's 52 blendshapes on MediaPipe's canonical mesh: names in ARKit's order (Live Link Face,
// DESIGN.md), and a basis of per-vertex offsets generated procedurally from the mesh's regions.
// Units are the mesh's (cm). Left/right are the subject's. Immutable once built; safe to share.
#pragma once

#include <array>
#include <glm/vec3.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace ps {

class FaceMesh;

// ARKit's order, as in ARFaceAnchor.BlendShapeLocation's documentation. The value is the index
// into a weight array, so unlike most enums here 0 is a real shape (eyeBlinkLeft), not "none":
// files and networks exchange these weights as plain arrays in exactly this order.
enum class Blendshape {
    EyeBlinkLeft,
    EyeLookDownLeft,
    EyeLookInLeft,
    EyeLookOutLeft,
    EyeLookUpLeft,
    EyeSquintLeft,
    EyeWideLeft,
    EyeBlinkRight,
    EyeLookDownRight,
    EyeLookInRight,
    EyeLookOutRight,
    EyeLookUpRight,
    EyeSquintRight,
    EyeWideRight,
    JawForward,
    JawLeft,
    JawRight,
    JawOpen,
    MouthClose,
    MouthFunnel,
    MouthPucker,
    MouthLeft,
    MouthRight,
    MouthSmileLeft,
    MouthSmileRight,
    MouthFrownLeft,
    MouthFrownRight,
    MouthDimpleLeft,
    MouthDimpleRight,
    MouthStretchLeft,
    MouthStretchRight,
    MouthRollLower,
    MouthRollUpper,
    MouthShrugLower,
    MouthShrugUpper,
    MouthPressLeft,
    MouthPressRight,
    MouthLowerDownLeft,
    MouthLowerDownRight,
    MouthUpperUpLeft,
    MouthUpperUpRight,
    BrowDownLeft,
    BrowDownRight,
    BrowInnerUp,
    BrowOuterUpLeft,
    BrowOuterUpRight,
    CheekPuff,
    CheekSquintLeft,
    CheekSquintRight,
    NoseSneerLeft,
    NoseSneerRight,
    TongueOut,
    Count,
};

constexpr int kBlendshapeCount = static_cast<int>(Blendshape::Count);
static_assert(kBlendshapeCount == 52, "ARKit defines 52 blendshapes");

using BlendshapeWeights = std::array<float, kBlendshapeCount>;

// "eyeBlinkLeft" … "tongueOut", exactly as ARKit spells them; empty for Count.
std::string_view blendshapeName(Blendshape shape);
// The shape with ARKit's name `name` (case-sensitive, as ARKit and Live Link Face write it).
std::optional<Blendshape> blendshapeFromName(std::string_view name);

// The partner across the face's midplane (eyeBlinkLeft <-> eyeBlinkRight); a shape without a
// side (jawOpen) is its own partner.
Blendshape mirroredBlendshape(Blendshape shape);

// A face mesh's 468 vertices in a given expression (cm, the canonical mesh's frame).
struct FaceShape {
    std::vector<glm::vec3> vertices;
};

// The neutral mesh and one offset per vertex per blendshape. The offsets are made by code from
// the mesh's regions (lids, lips, brows, jaw) with smooth falloffs, so every shape is local and
// each Right shape is the exact mirror of its Left partner.
class BlendshapeBasis {
public:
    // The basis of the canonical mesh, built once; safe to call from any thread.
    static const BlendshapeBasis& canonical();

    explicit BlendshapeBasis(const FaceMesh& mesh);

    const std::vector<glm::vec3>& neutral() const { return neutral_; }
    const std::vector<glm::vec3>& deltas(Blendshape shape) const {
        return deltas_[static_cast<size_t>(shape)];
    }

    // neutral + sum of weight_i * delta_i. Weights are used as given (ARKit's range is 0..1).
    FaceShape evaluate(const BlendshapeWeights& weights) const;
    // The neutral face with one shape at `weight`, the others at 0.
    FaceShape evaluate(Blendshape shape, float weight = 1.0f) const;

private:
    std::vector<glm::vec3> neutral_;
    std::array<std::vector<glm::vec3>, kBlendshapeCount> deltas_;
};

}  // namespace ps
