#include "face/OneEuroFilter.h"

#include <cmath>

namespace ps {

double lowPassAlpha(double cutoff_hz, double dt_s) {
    // The exponential smoother equivalent to an RC filter with time constant 1 / (2 pi fc).
    constexpr double kTwoPi = 6.283185307179586;
    const double tau_s = 1.0 / (kTwoPi * cutoff_hz);
    return 1.0 / (1.0 + tau_s / dt_s);
}

double OneEuroFilter::filter(double value, double time_s, double speed_scale) {
    if (!primed_) {
        primed_ = true;
        last_time_s_ = time_s;
        last_value_ = value;
        speed_ = 0.0;
        return value;
    }
    const double dt_s = time_s - last_time_s_;
    if (!(dt_s > 0.0)) {
        return last_value_;
    }
    // The speed is the new sample's distance from the last output, as in the paper: while the
    // output lags behind a movement that distance grows, the cutoff rises and the output
    // catches up, so a step is followed within a frame or two.
    const double raw_speed = (value - last_value_) / dt_s;
    speed_ += lowPassAlpha(settings_.derivative_cutoff_hz, dt_s) * (raw_speed - speed_);
    const double cutoff_hz =
        settings_.min_cutoff_hz + settings_.beta * std::abs(speed_ * speed_scale);
    last_value_ += lowPassAlpha(cutoff_hz, dt_s) * (value - last_value_);
    last_time_s_ = time_s;
    return last_value_;
}

}  // namespace ps
