// Background noise mixed into clean speech at a chosen signal-to-noise ratio: white (hiss),
// pink (a −3 dB per octave rumble, like fans and traffic) and babble (several distant talkers).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/SeededRandom.h"

namespace ps::train {

enum class NoiseKind { White, Pink, Babble };

std::string_view noiseKindName(NoiseKind kind);

// `count` samples of noise at `rate_hz`, at no particular level.
std::vector<float> makeNoise(NoiseKind kind, size_t count, int rate_hz, SeededRandom& random);

// The speech's power for the SNR: the mean square over its active part, the 20 ms blocks within
// 40 dB of the loudest, so that pauses in the speech do not make the noise quieter. Zero for
// silence.
double activeSpeechPower(const PcmBuffer& pcm);

// Adds noise scaled so that activeSpeechPower / (mean square of the noise over the whole clip)
// is `snr_db`. Silence stays silent (it has no level to be relative to). Mono only.
void addNoise(PcmBuffer& pcm, NoiseKind kind, double snr_db, SeededRandom& random);

}  // namespace ps::train
