// The blendshapes the voice model animates, in the order it reads and writes them. Training
// (the per-frame targets made from phoneme timelines) and inference (turning the network's output
// back into ARKit weights) both index through this list, so the two cannot drift apart.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include "face/Blendshapes.h"

namespace ps {

// Every shape that moves the lips, the jaw or the tongue in speech; the eyes, brows, cheeks and
// nose are left to the rest of the motion. The order is the model's output order: trained
// weights depend on it, so changing it means training again.
inline constexpr std::array<Blendshape, 19> kMouthChannels = {
    Blendshape::JawOpen,
    Blendshape::MouthClose,
    Blendshape::MouthFunnel,
    Blendshape::MouthPucker,
    Blendshape::MouthSmileLeft,
    Blendshape::MouthSmileRight,
    Blendshape::MouthStretchLeft,
    Blendshape::MouthStretchRight,
    Blendshape::MouthFrownLeft,
    Blendshape::MouthFrownRight,
    Blendshape::MouthPressLeft,
    Blendshape::MouthPressRight,
    Blendshape::MouthUpperUpLeft,
    Blendshape::MouthUpperUpRight,
    Blendshape::MouthLowerDownLeft,
    Blendshape::MouthLowerDownRight,
    Blendshape::MouthRollUpper,
    Blendshape::MouthRollLower,
    Blendshape::TongueOut,
};

inline constexpr int kMouthChannelCount = static_cast<int>(kMouthChannels.size());

// Besides the shapes, the model predicts whether the person is speaking at all (1 in speech, 0
// in pauses): the motion layer uses it to hand the face back to idle motion between phrases.
// It is the output that follows the last mouth channel.
inline constexpr int kSpeechActivityChannel = kMouthChannelCount;
// And how surely the lips are together for a p, b or m: the voice model seals its mouth by it
// (LipSeal.h), so closures stay crisp however smooth the other outputs are.
inline constexpr int kLipClosureChannel = kMouthChannelCount + 1;
inline constexpr int kVoiceModelOutputCount = kMouthChannelCount + 2;

// One frame of the mouth, in kMouthChannels' order.
using MouthWeights = std::array<float, kMouthChannelCount>;

// Where `shape` sits in kMouthChannels, or nothing when the voice model does not drive it.
constexpr std::optional<int> mouthChannelOf(Blendshape shape) {
    for (int i = 0; i < kMouthChannelCount; ++i) {
        if (kMouthChannels[static_cast<size_t>(i)] == shape) {
            return i;
        }
    }
    return std::nullopt;
}

// The position of a shape that is known to be a mouth channel; in a constant expression, a shape
// that is not one fails to compile.
constexpr int mouthChannel(Blendshape shape) {
    return mouthChannelOf(shape).value();
}

namespace detail {

// The five shapes the aperture is made of, as positions in some array of weights.
struct ApertureIndices {
    size_t jaw_open, mouth_close, upper_up_left, upper_up_right, lower_down_left, lower_down_right;
};

// How far apart the lips are, on the scale of the shapes' weights: the jaw drops them apart,
// mouthClose (which ARKit defines relative to the open jaw) brings them back together, and the
// upper lip raising and the lower lip pulling down part them further.
template <class Weights>
float lipAperture(const Weights& weights, const ApertureIndices& at) {
    const float aperture = weights[at.jaw_open] - weights[at.mouth_close] +
                           (weights[at.upper_up_left] + weights[at.upper_up_right] +
                            weights[at.lower_down_left] + weights[at.lower_down_right]) /
                               4.0f;
    return std::clamp(aperture, 0.0f, 1.0f);
}

inline constexpr ApertureIndices kApertureInMouthChannels = {
    static_cast<size_t>(mouthChannel(Blendshape::JawOpen)),
    static_cast<size_t>(mouthChannel(Blendshape::MouthClose)),
    static_cast<size_t>(mouthChannel(Blendshape::MouthUpperUpLeft)),
    static_cast<size_t>(mouthChannel(Blendshape::MouthUpperUpRight)),
    static_cast<size_t>(mouthChannel(Blendshape::MouthLowerDownLeft)),
    static_cast<size_t>(mouthChannel(Blendshape::MouthLowerDownRight)),
};

inline constexpr ApertureIndices kApertureInArkit = {
    static_cast<size_t>(Blendshape::JawOpen),
    static_cast<size_t>(Blendshape::MouthClose),
    static_cast<size_t>(Blendshape::MouthUpperUpLeft),
    static_cast<size_t>(Blendshape::MouthUpperUpRight),
    static_cast<size_t>(Blendshape::MouthLowerDownLeft),
    static_cast<size_t>(Blendshape::MouthLowerDownRight),
};

}  // namespace detail

// aperture = jawOpen − mouthClose + (upperUpL + upperUpR + lowerDownL + lowerDownR) / 4, clamped
// to [0, 1]: 0 is lips together (bilabial closures, rest), about 0.35 and more an open vowel.
// The lip-sync evaluation and the viseme targets' constraints are stated in this one number.
inline float lipAperture(const MouthWeights& weights) {
    return detail::lipAperture(weights, detail::kApertureInMouthChannels);
}

// The same measure read from ARKit's full set of 52 weights.
inline float lipAperture(const BlendshapeWeights& weights) {
    return detail::lipAperture(weights, detail::kApertureInArkit);
}

}  // namespace ps
