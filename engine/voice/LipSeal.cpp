#include "voice/LipSeal.h"

#include <algorithm>

namespace ps {

namespace {

constexpr float kSealMargin = 0.12f;

float& at(MouthWeights& weights, Blendshape shape) {
    return weights[static_cast<size_t>(mouthChannel(shape))];
}

}  // namespace

MouthWeights sealedLips(MouthWeights weights) {
    return sealedLips(weights, kSealMargin);
}

MouthWeights sealedLips(MouthWeights weights, float margin) {
    const float jaw = std::min(at(weights, Blendshape::JawOpen), 0.08f);
    at(weights, Blendshape::JawOpen) = jaw;
    at(weights, Blendshape::MouthClose) = std::min(1.0f, jaw + margin);
    for (Blendshape b : {Blendshape::MouthUpperUpLeft, Blendshape::MouthUpperUpRight,
                         Blendshape::MouthLowerDownLeft, Blendshape::MouthLowerDownRight}) {
        at(weights, b) = 0.0f;
    }
    at(weights, Blendshape::MouthFunnel) *= 0.3f;
    // At least the relaxed press of an m (the voice model and the targets press p and b
    // harder); 0.2 is also what the viseme lane and the motion check read as sealed lips.
    for (Blendshape b : {Blendshape::MouthPressLeft, Blendshape::MouthPressRight}) {
        at(weights, b) = std::max(at(weights, b), 0.2f);
    }
    return weights;
}

void sealLips(MouthWeights& weights, float amount) {
    if (amount <= 0.0f) {
        return;
    }
    // The press beyond closed belongs to the held closure, not to the lips on their way there:
    // it grows with the fourth power of the amount, so the vowels either side keep their
    // opening (a linear press would close "am" before the m).
    const MouthWeights sealed =
        sealedLips(weights, kSealMargin * amount * amount * amount * amount);
    if (amount >= 1.0f) {
        weights = sealed;  // exactly, so that a full seal holds to the last bit
        return;
    }
    for (size_t c = 0; c < weights.size(); ++c) {
        weights[c] += amount * (sealed[c] - weights[c]);
    }
}

float sealAmountForClosure(float closure) {
    const float t = std::clamp((closure - 0.35f) / 0.3f, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace ps
