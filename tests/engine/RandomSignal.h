// Reproducible noise for the signal-processing tests: `count` values uniform in [-0.5, 0.5).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

inline std::vector<float> randomSignal(int64_t count, unsigned seed) {
    std::mt19937 generator(seed);
    std::uniform_real_distribution<float> uniform(-0.5f, 0.5f);
    std::vector<float> samples(static_cast<size_t>(count));
    for (float& s : samples) {
        s = uniform(generator);
    }
    return samples;
}
