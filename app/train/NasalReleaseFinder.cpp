#include "train/NasalReleaseFinder.h"

#include <algorithm>
#include <cmath>

namespace ps::train {
namespace {

// A band-pass centred between a vowel's first and second formants, about 500–2800 Hz wide.
constexpr double kBandCentre_hz = 1200.0;
constexpr double kBandQ = 0.6;
constexpr double kWindow_s = 0.005;
constexpr double kStep_s = 0.001;
constexpr double kPi = 3.14159265358979323846;

}  // namespace

NasalReleaseFinder::NasalReleaseFinder(const std::vector<int16_t>& samples, int sample_rate_hz)
    : cumulative_energy_(samples.size() + 1, 0.0), sample_rate_hz_(sample_rate_hz) {
    // RBJ audio-EQ-cookbook band-pass (0 dB peak gain), in direct form I.
    const double w0 = 2.0 * kPi * kBandCentre_hz / sample_rate_hz;
    const double alpha = std::sin(w0) / (2.0 * kBandQ);
    const double a0 = 1.0 + alpha;
    const double b0 = alpha / a0;
    const double b2 = -alpha / a0;
    const double a1 = -2.0 * std::cos(w0) / a0;
    const double a2 = (1.0 - alpha) / a0;
    double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;
    for (size_t i = 0; i < samples.size(); ++i) {
        const double x = samples[i];
        const double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        cumulative_energy_[i + 1] = cumulative_energy_[i] + y * y;
    }
}

double NasalReleaseFinder::bandLevel_dB(int64_t begin, int64_t end) const {
    const auto size = static_cast<int64_t>(cumulative_energy_.size()) - 1;
    begin = std::clamp<int64_t>(begin, 0, size);
    end = std::clamp<int64_t>(end, 0, size);
    if (end <= begin) {
        return 0.0;
    }
    const double mean = (cumulative_energy_[end] - cumulative_energy_[begin]) / (end - begin);
    return 10.0 * std::log10(mean + 1.0);  // +1: silence reads 0 dB, not minus infinity
}

std::optional<int64_t> NasalReleaseFinder::find(int64_t from, int64_t to) const {
    const auto window = static_cast<int64_t>(kWindow_s * sample_rate_hz_);
    const auto step = std::max<int64_t>(1, static_cast<int64_t>(kStep_s * sample_rate_hz_));
    double best_rise = kMinRise_dB;
    std::optional<int64_t> best;
    for (int64_t at = from; at <= to; at += step) {
        const double rise = bandLevel_dB(at, at + window) - bandLevel_dB(at - window, at);
        if (rise >= best_rise) {
            best_rise = rise;
            best = at;
        }
    }
    return best;
}

}  // namespace ps::train
