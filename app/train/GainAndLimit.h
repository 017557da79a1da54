// Level: a gain in dB, and a soft limiter that keeps every sample inside (−1, 1) without the hard
// edges of clipping.
#pragma once

#include "media/PcmBuffer.h"

namespace ps::train {

// Samples below this magnitude pass unchanged; above it they bend smoothly towards ±1.
inline constexpr float kSoftLimitKnee = 0.8f;

void applyGain(PcmBuffer& pcm, double gain_db);

// |x| ≤ knee: x. Above: knee + (1 − knee) tanh((|x| − knee) / (1 − knee)), with x's sign: the
// curve is continuous with slope 1 at the knee and never reaches 1.
void softLimit(PcmBuffer& pcm);

}  // namespace ps::train
