// Reads the 16-bit PCM RIFF/WAVE files festival and flite write, as mono float samples.
#pragma once

#include <string>
#include <vector>

#include "runtime/Result.h"

namespace ps::train {

struct MonoWave {
    int sample_rate_hz = 0;
    std::vector<float> samples;  // in [-1, 1); several channels are averaged
};

// BadInput naming `path` when it cannot be read, is not RIFF/WAVE, is not 16-bit PCM, or has no
// data chunk.
Result<MonoWave> readPcm16Wave(const std::string& path);

}  // namespace ps::train
