// Random numbers that depend only on a seed: the same seed gives the same head motion, blinks and
// training augmentation on every machine. std::mt19937 would do that too, but the standard
// distributions on top of it (uniform_real_distribution, normal_distribution, ...) are not
// specified exactly, so results could change with the standard library; this is SplitMix64
// (Steele, Lea and Flood) with its own conversions.
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace ps {

class SeededRandom {
public:
    // `stream` separates independent uses of one seed (e.g. sway and nods, or the stages of an
    // augmentation), so adding draws to one does not shift the other's.
    explicit SeededRandom(uint64_t seed, uint64_t stream = 0)
        : seed_(seed), state_(seed ^ (stream * 0xD1B54A32D192ED03ull)) {
        next();  // so that nearby seeds do not start on nearby outputs
    }

    // The generator for another stream of the same seed.
    SeededRandom stream(uint64_t which) const { return SeededRandom(seed_, which); }

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
    bool chance(double probability) { return uniform() < probability; }
    // In [0, count), every value equally likely (draws that would favour the low values are
    // rejected); count > 0.
    uint64_t below(uint64_t count) {
        const uint64_t threshold = (0 - count) % count;
        for (;;) {
            const uint64_t draw = next();
            if (draw >= threshold) {
                return draw % count;
            }
        }
    }
    // In [low, high], both included; low <= high.
    int between(int low, int high) { return low + int(below(uint64_t(high - low) + 1)); }

    // Fisher–Yates with this generator, so the order is the same on every platform.
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

    // A seed for a sub-task (e.g. one utterance of a plan), so that changing how many numbers
    // one sub-task draws does not shift every later one.
    static uint64_t derive(uint64_t seed, uint64_t index) {
        return SeededRandom(seed, index + 1).next();
    }

    // Standard normal, by Box and Muller (one value per call; the pair's second is kept).
    double gaussian() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        const double u = 1.0 - uniform();  // (0, 1]: the logarithm stays finite
        const double v = uniform();
        const double radius = std::sqrt(-2.0 * std::log(u));
        constexpr double kTwoPi = 6.283185307179586;
        spare_ = radius * std::sin(kTwoPi * v);
        has_spare_ = true;
        return radius * std::cos(kTwoPi * v);
    }

private:
    uint64_t seed_;
    uint64_t state_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace ps
