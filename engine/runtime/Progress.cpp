#include "runtime/Progress.h"

#include <algorithm>

namespace ps {

namespace {
// Below this much elapsed time or done work, a rate is too noisy to be worth showing.
constexpr double kMinElapsedForEstimate_s = 0.5;
constexpr double kMinFractionForEstimate = 0.01;
}  // namespace

ProgressEstimator::ProgressEstimator(double total_units, Clock::time_point start)
    : total_units_(std::max(total_units, 1e-9)), start_(start) {}

Progress ProgressEstimator::update(double done_units, Clock::time_point now) const {
    Progress p;
    p.fraction = std::clamp(done_units / total_units_, 0.0, 1.0);
    const double elapsed_s = std::chrono::duration<double>(now - start_).count();
    if (p.fraction >= 1.0) {
        p.seconds_left = 0.0;
    } else if (elapsed_s >= kMinElapsedForEstimate_s && p.fraction >= kMinFractionForEstimate) {
        p.seconds_left = elapsed_s * (1.0 - p.fraction) / p.fraction;
    }
    return p;
}

}  // namespace ps
