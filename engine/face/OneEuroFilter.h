// The One-Euro filter (Casiez, Roussel and Vogel, CHI 2012): a low-pass filter whose cutoff rises
// with the signal's speed, cutoff = min_cutoff + beta * |speed|, so a still signal is smoothed
// hard (no jitter) and a moving one hardly at all (no lag). It works on timestamps, not frame
// counts, so a variable frame rate is smoothed the same as a constant one. Plain value; one
// filter per scalar signal, used from one thread at a time.
#pragma once

namespace ps {

struct OneEuroSettings {
    double min_cutoff_hz = 1.0;  // the cutoff while the signal is still
    // How fast the cutoff rises with speed, in Hz per unit of speed (units per second, after
    // filter()'s speed_scale).
    double beta = 0.0;
    double derivative_cutoff_hz = 1.0;  // the speed itself is smoothed at this cutoff
};

class OneEuroFilter {
public:
    explicit OneEuroFilter(OneEuroSettings settings = {}) : settings_(settings) {}

    // The filtered value of `value` sampled at `time_s`. The first sample (and the first after
    // reset()) passes unchanged. `speed_scale` turns the signal's units into those beta is
    // tuned for, e.g. 1 / face size for a landmark in pixels, so one tuning fits faces of any
    // size. A sample that is not later than the one before changes nothing and returns the
    // last output.
    double filter(double value, double time_s, double speed_scale = 1.0);

    void reset() { primed_ = false; }
    bool primed() const { return primed_; }
    const OneEuroSettings& settings() const { return settings_; }

private:
    OneEuroSettings settings_;
    bool primed_ = false;
    double last_time_s_ = 0.0;
    double last_value_ = 0.0;  // the last output
    double speed_ = 0.0;       // smoothed, units per second
};

// The smoothing factor of a first-order low-pass at `cutoff_hz` over a step of `dt_s`.
double lowPassAlpha(double cutoff_hz, double dt_s);

}  // namespace ps
