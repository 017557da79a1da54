#include "train/GainAndLimit.h"

#include <cmath>

namespace ps::train {

void applyGain(PcmBuffer& pcm, double gain_db) {
    const auto gain = static_cast<float>(std::pow(10.0, gain_db / 20.0));
    for (float& x : pcm.samples) {
        x *= gain;
    }
}

void softLimit(PcmBuffer& pcm) {
    constexpr float kRoom = 1.0f - kSoftLimitKnee;
    for (float& x : pcm.samples) {
        const float magnitude = std::abs(x);
        if (magnitude > kSoftLimitKnee) {
            const float bent =
                kSoftLimitKnee + kRoom * std::tanh((magnitude - kSoftLimitKnee) / kRoom);
            // tanh rounds to 1 for large inputs in float: stay strictly inside.
            x = std::copysign(std::min(bent, 0.99999f), x);
        } else if (std::isnan(x)) {
            x = 0.0f;
        }
    }
}

}  // namespace ps::train
