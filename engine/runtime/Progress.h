// Progress of a long job, passed per call (never a process-wide callback), with an estimate of
// the time left that smooths out the first noisy seconds.
#pragma once

#include <chrono>
#include <functional>

namespace ps {

struct Progress {
    double fraction = 0.0;       // 0..1 of the whole job
    double seconds_left = -1.0;  // estimate; negative while unknown
};

using ProgressFn = std::function<void(const Progress&)>;

// Turns "done / total" into a Progress with a time-left estimate. The rate is averaged over
// everything done so far, which is steady for encoders whose cost per frame is roughly constant.
class ProgressEstimator {
public:
    using Clock = std::chrono::steady_clock;

    explicit ProgressEstimator(double total_units, Clock::time_point start = Clock::now());

    Progress update(double done_units, Clock::time_point now = Clock::now()) const;

private:
    double total_units_;
    Clock::time_point start_;
};

}  // namespace ps
