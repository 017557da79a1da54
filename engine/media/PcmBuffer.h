// Interleaved float PCM in [-1, 1] at a known rate and channel count.
#pragma once

#include <cstdint>
#include <vector>

namespace ps {

struct PcmBuffer {
    int sample_rate_hz = 0;
    int channels = 0;
    std::vector<float> samples;  // interleaved: frame i, channel c at [i * channels + c]

    int64_t frameCount() const {
        return channels > 0 ? static_cast<int64_t>(samples.size()) / channels : 0;
    }
    double duration_s() const {
        return sample_rate_hz > 0 ? static_cast<double>(frameCount()) / sample_rate_hz : 0.0;
    }
};

}  // namespace ps
