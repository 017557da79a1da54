#include "voice/BlinkSchedule.h"

#include <algorithm>
#include <cmath>

#include "runtime/SeededRandom.h"

namespace ps {

namespace {

constexpr double kShortestBlink_s = 0.1;
constexpr double kLongestBlink_s = 0.3;
constexpr double kClosingShare = 0.3;
constexpr double kClosedShare = 0.1;  // then opening takes the remaining 60%
// Intervals between blinks are the minimum gap plus a gamma variable of this shape: irregular
// like real blinking (coefficient of variation 1 / sqrt(4) of the random part), yet regular
// enough that a minute of video shows close to the asked-for rate.
constexpr int kIntervalShape = 4;
// A blink moved into a pause waits this long after the voice stops.
constexpr double kPauseLeadIn_s = 0.05;

double smoothstep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

// Gamma(kIntervalShape, scale) as a sum of exponentials: exact for an integer shape and needing
// nothing but uniform draws.
double gammaInterval(SeededRandom& random, double mean) {
    double sum = 0.0;
    for (int i = 0; i < kIntervalShape; ++i) {
        sum -= std::log(1.0 - random.uniform());  // 1 - u is in (0, 1]
    }
    return sum * mean / kIntervalShape;
}

// Where to start a blink that is due at `due`, no earlier than `earliest`: inside the pause
// nearest to `due` within reach (so that the whole blink fits after the lead-in where the pause
// is long enough), or at `due` when there is none.
double placeBlink(const std::vector<Pause>& pauses, double due, double earliest, double duration,
                  double reach) {
    double best = due;
    double best_shift = reach;
    bool moved = false;
    // Pauses are in order of their ends: skip those that end before the reach starts.
    const auto first = std::lower_bound(pauses.begin(), pauses.end(), due - reach,
                                        [](const Pause& p, double t) { return p.end_s < t; });
    for (auto pause = first; pause != pauses.end() && pause->start_s <= due + reach; ++pause) {
        const double low = std::max(pause->start_s + kPauseLeadIn_s, earliest);
        const double high = std::max(low, pause->end_s - duration);
        if (low >= pause->end_s) {
            continue;  // the gap to the previous blink leaves no room in this pause
        }
        const double place = std::clamp(due, low, high);
        const double shift = std::abs(place - due);
        if (shift <= best_shift) {
            best = place;
            best_shift = shift;
            moved = true;
        }
    }
    return moved ? best : std::max(due, earliest);
}

}  // namespace

Result<std::vector<Blink>> scheduleBlinks(const std::vector<Pause>& pauses, double duration_s,
                                          const BlinkSettings& settings) {
    if (!(settings.rate_per_min >= 0.0 && settings.min_gap_s >= 0.0 &&
          settings.pause_reach_s >= 0.0 && duration_s >= 0.0)) {
        return Error{ErrorKind::BadInput,
                     "blinks: the rate, gap, reach and duration must not be negative"};
    }
    // The random part of each interval needs room beside the fixed gap, or the rate is the
    // gap's and no longer irregular.
    if (settings.rate_per_min * 1.5 * settings.min_gap_s > 60.0) {
        return Error{ErrorKind::BadInput, "blinks: the rate is too high for the minimum gap"};
    }
    std::vector<Blink> blinks;
    if (settings.rate_per_min == 0.0) {
        return blinks;
    }

    std::vector<Pause> sorted_pauses = pauses;  // placeBlink searches them by time
    std::sort(sorted_pauses.begin(), sorted_pauses.end(),
              [](const Pause& a, const Pause& b) { return a.end_s < b.end_s; });

    const double mean_interval_s = 60.0 / settings.rate_per_min;
    const double random_part_s = mean_interval_s - settings.min_gap_s;
    SeededRandom random(settings.seed);
    // The first blink comes part way into an interval, as if the eyes had been blinking before
    // the video began.
    double due = random.uniform() * mean_interval_s;
    double earliest = 0.0;
    while (due < duration_s) {
        // Triangular over 100 .. 300 ms, most often near 200 ms.
        const double duration = kShortestBlink_s + (kLongestBlink_s - kShortestBlink_s) * 0.5 *
                                                       (random.uniform() + random.uniform());
        const double start =
            placeBlink(sorted_pauses, due, earliest, duration, settings.pause_reach_s);
        if (start >= duration_s) {
            break;
        }
        blinks.push_back({start, duration});
        // The next interval runs from where this blink really is, so moving one into a pause
        // neither crowds nor starves the next.
        earliest = start + settings.min_gap_s;
        due = earliest + gammaInterval(random, random_part_s);
    }
    return blinks;
}

Result<std::vector<Blink>> scheduleBlinks(const Prosody& prosody, const BlinkSettings& settings) {
    return scheduleBlinks(prosody.pauses, prosody.duration_s, settings);
}

float blinkClosure(const Blink& blink, double t) {
    const double u = (t - blink.start_s) / blink.duration_s;
    if (!(u > 0.0 && u < 1.0)) {
        return 0.0f;
    }
    if (u < kClosingShare) {
        return static_cast<float>(smoothstep(u / kClosingShare));
    }
    if (u < kClosingShare + kClosedShare) {
        return 1.0f;
    }
    const double opening =
        (u - kClosingShare - kClosedShare) / (1.0 - kClosingShare - kClosedShare);
    return static_cast<float>(1.0 - smoothstep(opening));
}

Result<std::vector<float>> blinkWeights(const std::vector<Blink>& blinks, double fps,
                                        int64_t frame_count) {
    if (!(fps > 0.0 && std::isfinite(fps)) || frame_count < 0) {
        return Error{ErrorKind::BadInput,
                     "blinks: the frame rate must be positive and the frame count not negative"};
    }
    std::vector<float> weights(static_cast<size_t>(frame_count), 0.0f);
    const double half_frame_s = 0.5 / fps;
    for (const Blink& blink : blinks) {
        const double shut_from = blink.start_s + kClosingShare * blink.duration_s;
        const double shut_to = shut_from + kClosedShare * blink.duration_s;
        const int64_t first = std::max<int64_t>(
            0, static_cast<int64_t>(std::floor((blink.start_s - half_frame_s) * fps)));
        const int64_t last = std::min<int64_t>(
            frame_count - 1, static_cast<int64_t>(std::ceil(
                                 (blink.start_s + blink.duration_s + half_frame_s) * fps)));
        for (int64_t k = first; k <= last; ++k) {
            const double from = k / fps - half_frame_s, to = k / fps + half_frame_s;
            // The closure rises to the shut stretch and falls after it, so its largest value
            // over [from, to] is 1 where they overlap, else at the end nearer the shut stretch.
            float closure = 1.0f;
            if (to < shut_from) {
                closure = blinkClosure(blink, to);
            } else if (from > shut_to) {
                closure = blinkClosure(blink, from);
            }
            weights[static_cast<size_t>(k)] = std::max(weights[static_cast<size_t>(k)], closure);
        }
    }
    return weights;
}

}  // namespace ps
