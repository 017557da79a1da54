// A room's echo on dry speech: a synthetic impulse response (the direct sound, a few early
// reflections off near walls, then a dense exponentially decaying tail) convolved with the
// signal. The direct sound stays at lag 0, so nothing moves in time.
#pragma once

#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/SeededRandom.h"

namespace ps::train {

// The reverberant part of a room's response at `rate_hz` (without the direct sound), with unit
// energy: 6 to 12 early reflections 2 to 30 ms after the direct sound, then noise whose
// envelope falls by 60 dB in `rt60_s` seconds, darkened as air and walls absorb the highs.
std::vector<float> reverberantResponse(int rate_hz, double rt60_s, SeededRandom& random);

// out = x + wet × (x ∗ reverberant response), rescaled to the input's RMS so that a room changes
// the sound, not the level; `wet` 0 leaves the signal alone. Mono; the length is kept (the tail
// past the end is dropped).
void addReverb(PcmBuffer& pcm, double rt60_s, double wet, SeededRandom& random);

// Linear convolution of `signal` with `kernel`, the first signal.size() samples of it, by FFT.
std::vector<float> convolveSame(const std::vector<float>& signal, const std::vector<float>& kernel);

}  // namespace ps::train
