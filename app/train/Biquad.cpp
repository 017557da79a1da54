#include "train/Biquad.h"

#include <algorithm>
#include <cmath>

namespace ps::train {
namespace {

constexpr double kPi = 3.14159265358979323846;

// The cookbook's intermediate values for a frequency kept safely inside (0, Nyquist).
struct Angle {
    double cos_w;
    double sin_w;
};

Angle angleOf(double rate_hz, double frequency_hz) {
    const double nyquist = 0.5 * rate_hz;
    const double f = std::clamp(frequency_hz, 1e-3 * nyquist, 0.999 * nyquist);
    const double w = 2.0 * kPi * f / rate_hz;
    return {std::cos(w), std::sin(w)};
}

}  // namespace

Biquad::Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    : b0_(b0 / a0), b1_(b1 / a0), b2_(b2 / a0), a1_(a1 / a0), a2_(a2 / a0) {}

Biquad Biquad::lowShelf(double rate_hz, double corner_hz, double gain_db) {
    const double a = std::pow(10.0, gain_db / 40.0);
    const auto [c, s] = angleOf(rate_hz, corner_hz);
    const double alpha = s / 2.0 * std::sqrt(2.0);  // S = 1
    const double root = 2.0 * std::sqrt(a) * alpha;
    return Biquad(a * ((a + 1) - (a - 1) * c + root), 2 * a * ((a - 1) - (a + 1) * c),
                  a * ((a + 1) - (a - 1) * c - root), (a + 1) + (a - 1) * c + root,
                  -2 * ((a - 1) + (a + 1) * c), (a + 1) + (a - 1) * c - root);
}

Biquad Biquad::highShelf(double rate_hz, double corner_hz, double gain_db) {
    const double a = std::pow(10.0, gain_db / 40.0);
    const auto [c, s] = angleOf(rate_hz, corner_hz);
    const double alpha = s / 2.0 * std::sqrt(2.0);
    const double root = 2.0 * std::sqrt(a) * alpha;
    return Biquad(a * ((a + 1) + (a - 1) * c + root), -2 * a * ((a - 1) + (a + 1) * c),
                  a * ((a + 1) + (a - 1) * c - root), (a + 1) - (a - 1) * c + root,
                  2 * ((a - 1) - (a + 1) * c), (a + 1) - (a - 1) * c - root);
}

Biquad Biquad::peak(double rate_hz, double centre_hz, double q, double gain_db) {
    const double a = std::pow(10.0, gain_db / 40.0);
    const auto [c, s] = angleOf(rate_hz, centre_hz);
    const double alpha = s / (2.0 * q);
    return Biquad(1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a);
}

Biquad Biquad::bandPass(double rate_hz, double centre_hz, double q) {
    const auto [c, s] = angleOf(rate_hz, centre_hz);
    const double alpha = s / (2.0 * q);
    return Biquad(alpha, 0.0, -alpha, 1 + alpha, -2 * c, 1 - alpha);
}

void Biquad::retune(const Biquad& other) {
    b0_ = other.b0_;
    b1_ = other.b1_;
    b2_ = other.b2_;
    a1_ = other.a1_;
    a2_ = other.a2_;
}

}  // namespace ps::train
