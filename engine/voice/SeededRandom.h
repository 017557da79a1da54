// Random numbers that depend only on a seed: the same seed gives the same head motion and blinks
// on every machine. std::mt19937 would do that too, but the standard distributions on top of it
// (uniform_real_distribution, ...) are not specified exactly, so results could change with the
// standard library; this is splitmix64 with its own conversion to [0, 1).
#pragma once

#include <cstdint>

namespace ps {

class SeededRandom {
public:
    // `stream` separates independent uses of one seed (e.g. sway and nods), so adding draws to
    // one does not shift the other's.
    explicit SeededRandom(uint64_t seed, uint64_t stream = 0)
        : state_(seed ^ (stream * 0xD1B54A32D192ED03ull)) {
        next();  // so that nearby seeds do not start on nearby outputs
    }

    uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ull;
        uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1): the top 53 bits as a double's mantissa.
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }

private:
    uint64_t state_;
};

}  // namespace ps
