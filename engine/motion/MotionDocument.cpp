#include "motion/MotionDocument.h"

#include <tuple>

namespace ps {

bool VoiceLayerSettings::operator==(const VoiceLayerSettings& other) const {
    return std::tie(enabled, model_path, nods, head_follow, seed) ==
           std::tie(other.enabled, other.model_path, other.nods, other.head_follow, other.seed);
}

bool IdleLayerSettings::operator==(const IdleLayerSettings& other) const {
    return std::tie(enabled, blinks_per_min, sway, seed) ==
           std::tie(other.enabled, other.blinks_per_min, other.sway, other.seed);
}

bool MotionStrengths::operator==(const MotionStrengths& other) const {
    return std::tie(lips, expressions, head, blink_rate) ==
           std::tie(other.lips, other.expressions, other.head, other.blink_rate);
}

}  // namespace ps
