// Changes the sample rate of mono float audio with FFmpeg's band-limited (windowed-sinc)
// resampler: content above the new Nyquist frequency is filtered out instead of folding back as
// aliasing, and the output is aligned in time with the input (sample k of the output is at
// k / to_hz seconds, as input sample j is at j / from_hz), so timings measured on the input hold.
#pragma once

#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/Result.h"

namespace ps::train {

// Returns a 1-channel buffer at `to_hz` with round(samples.size() * to_hz / from_hz) samples.
// Internal error when FFmpeg cannot set up the conversion (a rate <= 0).
Result<PcmBuffer> resampleMono(const std::vector<float>& samples, int from_hz, int to_hz);

}  // namespace ps::train
