// The person's own face shape as a few smooth, symmetric shape modes on MediaPipe's canonical
// mesh (overall width and height, jaw, lower face, eyes, nose, mouth, brows). Each mode is a
// per-vertex offset in cm, made by code from landmark positions, sized so that a coefficient of
// ±1 is a clearly different but plausible face. Immutable once built; safe to share.
#pragma once

#include <array>
#include <glm/vec3.hpp>
#include <string_view>
#include <vector>

namespace ps {

class FaceMesh;

enum class IdentityMode {
    FaceWidth,        // the whole face wider (+) or narrower (-), about the midplane
    FaceHeight,       // the whole face taller or shorter, about the eyes' height
    JawWidth,         // the jaw and chin wider, fading out above the mouth
    LowerFaceLength,  // everything below the nose longer
    EyeSpacing,       // both eyes further apart
    EyeSize,          // both eyes larger about their centres
    NoseLength,       // the nose tip and base lower
    NoseWidth,        // the nostrils wider
    MouthWidth,       // the mouth wider
    LipFullness,      // both lips thicker, away from the mouth line
    BrowHeight,       // both brows higher
    Count,
};

// Like Blendshape, the value is the index into a coefficient array that files exchange, so 0 is
// a real mode.
constexpr int kIdentityModeCount = static_cast<int>(IdentityMode::Count);
using IdentityCoefficients = std::array<float, kIdentityModeCount>;

// "faceWidth" … "browHeight": the names fit.json uses.
std::string_view identityModeName(IdentityMode mode);

class IdentityBasis {
public:
    // The basis of the canonical mesh, built once; safe to call from any thread.
    static const IdentityBasis& canonical();

    explicit IdentityBasis(const FaceMesh& mesh);

    const std::vector<glm::vec3>& deltas(IdentityMode mode) const {
        return deltas_[static_cast<size_t>(mode)];
    }

private:
    std::array<std::vector<glm::vec3>, kIdentityModeCount> deltas_;
};

}  // namespace ps
