#include "motion/BakeChannel.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <limits>

#include "motion/MotionChannel.h"
#include "motion/MotionEvaluator.h"

namespace ps {

namespace {

Error refused(const std::string& problem) {
    return Error{ErrorKind::BadInput, problem};
}

std::string seconds(double t_s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", t_s);
    return text;
}

// The breadth-first search for the fewest keys. Key j may follow key i when the line from
// sample i to sample j passes within the tolerance of every sample between them; a sweep from i
// keeps the window [low, high] of slopes that still pass every sample seen, so each j costs O(1)
// and the sweep ends once no line can pass. Breadth first, the first time the last sample is
// reached its chain has the fewest keys.
class KeySearch {
public:
    KeySearch(const std::vector<double>& t, const std::vector<float>& y, double tolerance)
        : t_(t),
          y_(y),
          tolerance_(tolerance),
          parent_(t.size(), kUnseen),
          run_end_(t.size()),
          run_seen_(t.size(), 0) {
        // Runs of equal values (a pause, a clamped weight): see sweep().
        for (size_t k = t.size(); k-- > 0;) {
            run_end_[k] = k + 1 < t.size() && y[k + 1] == y[k] ? run_end_[k + 1] : k;
        }
        run_start_.resize(t.size());
        for (size_t k = 0; k < t.size(); ++k) {
            run_start_[k] = k > 0 && y[k - 1] == y[k] ? run_start_[k - 1] : k;
        }
    }

    std::vector<size_t> fewestKeys() {
        const size_t last = t_.size() - 1;
        std::vector<size_t> frontier{0};
        reach(0, 0, frontier);
        while (parent_[last] == kUnseen && !frontier.empty()) {
            std::vector<size_t> next;
            for (const size_t i : frontier) {
                sweep(i, next);
                if (parent_[last] != kUnseen) {
                    break;
                }
            }
            frontier = std::move(next);
        }
        std::vector<size_t> chain;
        for (size_t k = last; k != 0; k = parent_[k]) {
            chain.push_back(k);
        }
        chain.push_back(0);
        std::reverse(chain.begin(), chain.end());
        return chain;
    }

private:
    static constexpr size_t kUnseen = size_t(-1);

    void reach(size_t j, size_t from, std::vector<size_t>& next) {
        if (parent_[j] == kUnseen) {
            parent_[j] = from;
            ++run_seen_[run_start_[j]];
            next.push_back(j);
        }
    }

    // Narrows the window by sample j's band; false once it is empty.
    bool narrow(size_t i, size_t j, double& low, double& high) const {
        const double dt = t_[j] - t_[i];
        const double rise = double(y_[j]) - double(y_[i]);
        low = std::max(low, (rise - tolerance_) / dt);
        high = std::min(high, (rise + tolerance_) / dt);
        return low <= high;
    }

    void sweep(size_t i, std::vector<size_t>& next) {
        double low = -std::numeric_limits<double>::infinity();
        double high = std::numeric_limits<double>::infinity();
        for (size_t j = i + 1; j < t_.size(); ++j) {
            // A run of equal values whose samples are all reached already gives nothing new,
            // and over it each bound, (c ± tolerance − y_i) / (t − t_i), is monotonic in t, so
            // its two ends narrow the window as much as all of it: jump over it. Without this, a
            // long pause costs the square of its length.
            const size_t run_end = run_end_[j];
            const size_t start = run_start_[j];
            if (run_end > j + 1 && run_seen_[start] == run_end - start + 1) {
                if (!narrow(i, j, low, high) || !narrow(i, run_end, low, high)) {
                    return;
                }
                j = run_end;
                continue;
            }
            const double slope = (double(y_[j]) - double(y_[i])) / (t_[j] - t_[i]);
            if (slope >= low && slope <= high) {
                reach(j, i, next);
            }
            if (!narrow(i, j, low, high)) {
                return;
            }
        }
    }

    const std::vector<double>& t_;
    const std::vector<float>& y_;
    double tolerance_;
    std::vector<size_t> parent_;
    std::vector<size_t> run_end_;    // the last sample of the run of equal values holding k
    std::vector<size_t> run_start_;  // its first
    std::vector<size_t> run_seen_;   // by a run's first sample: how many of it are reached
};

}  // namespace

float finalChannelValue(const FaceState& state, int channel) {
    const ChannelValues values = channelsOf(state);
    if (channel < kBlendshapeCount) {
        return std::clamp(values[size_t(channel)] + state.added[size_t(channel)], 0.0f, 1.0f);
    }
    return values[size_t(channel)];
}

std::vector<Keyframe> fewestLinearKeys(const std::vector<double>& t_s,
                                       const std::vector<float>& values, float tolerance) {
    const size_t n = std::min(t_s.size(), values.size());
    if (n == 0) {
        return {};
    }
    std::vector<bool> is_key(n, false);
    if (n == 1) {
        is_key[0] = true;
    } else {
        for (const size_t k : KeySearch(t_s, values, double(tolerance)).fewestKeys()) {
            is_key[k] = true;
        }
    }
    const auto keysOf = [&] {
        std::vector<Keyframe> keys;
        for (size_t k = 0; k < n; ++k) {
            if (is_key[k]) {
                Keyframe key;
                key.t_s = t_s[k];
                key.value = values[k];
                keys.push_back(key);
            }
        }
        return keys;
    };
    // The search works in exact arithmetic; evaluateKeys in float. Where rounding (and the
    // evaluator's own mixing, a few ulp) could carry a sample past the tolerance, the worst such
    // sample of each segment becomes a key, until none is left. A key's own sample reads back
    // exactly, so this ends, at worst with every sample a key.
    float largest = 0.0f;
    for (size_t k = 0; k < n; ++k) {
        largest = std::max(largest, std::abs(values[k]));
    }
    const float allowed = tolerance - 8.0f * FLT_EPSILON * std::max(1.0f, largest);
    if (allowed <= 0.0f) {
        // Finer than a float can hold: only the samples themselves read back exactly.
        std::fill(is_key.begin(), is_key.end(), true);
        return keysOf();
    }
    for (;;) {
        const std::vector<Keyframe> keys = keysOf();
        bool split = false;
        size_t worst = n;
        float worst_error = allowed;
        for (size_t k = 0; k < n; ++k) {
            if (is_key[k]) {
                if (worst != n) {
                    is_key[worst] = true;  // the worst sample of the segment that ends here
                    split = true;
                }
                worst = n;
                worst_error = allowed;
                continue;
            }
            const float error = std::abs(evaluateKeys(keys, t_s[k]) - values[k]);
            if (error > worst_error) {
                worst_error = error;
                worst = k;
            }
        }
        if (!split) {
            return keys;
        }
    }
}

Result<ChannelBake> bakeChannel(const MotionDocument& document, const MotionSources& sources,
                                int channel, double from_s, double to_s, FrameRate fps,
                                float tolerance) {
    if (motionChannelName(channel).empty()) {
        return refused("there is no channel " + std::to_string(channel));
    }
    const Rational rate = frameRateRational(fps);
    if (!(rate.num > 0 && rate.den > 0)) {
        return refused("the frame rate is not one the studio exports");
    }
    if (!(std::isfinite(from_s) && std::isfinite(to_s) && from_s >= 0.0 && from_s <= to_s)) {
        return refused("the range to bake must run forwards from 0 s or later");
    }
    if (!(std::isfinite(tolerance) && tolerance >= 0.0f)) {
        return refused("the tolerance must be 0 or more");
    }
    if (to_s > document.duration_s + 1e-6) {
        return refused("the range to bake ends after the motion does (at " +
                       seconds(document.duration_s) + ")");
    }
    // Frame k at k / fps, the same arithmetic as the export's grid (motionTrack), so a key lands
    // on a frame exactly; the nudge keeps a bound given as a frame's own time from rounding away.
    const double per_second = rate.value();
    const long long first = (long long)std::ceil(from_s * per_second - 1e-6);
    // The export's last frame starts before the end (motionTrack), so the bake stops there too.
    const long long last = std::min((long long)std::floor(to_s * per_second + 1e-6),
                                    frameCountFor(document.duration_s, fps) - 1);
    if (first > last) {
        return refused("no frame lies between " + seconds(from_s) + " and " + seconds(to_s));
    }
    const double frame_s = 1.0 / per_second;
    std::vector<double> times;
    std::vector<float> values;
    times.reserve(size_t(last - first + 1));
    values.reserve(times.capacity());
    for (long long k = first; k <= last; ++k) {
        const double t = double(k) / per_second;
        times.push_back(t);
        values.push_back(finalChannelValue(evaluateMotion(document, sources, t, frame_s), channel));
    }

    ChannelBake bake;
    KeyframeCurve curve;
    curve.channel = channel;
    curve.blend = BlendMode::Override;
    curve.keys = fewestLinearKeys(times, values, tolerance);
    bake.frame_count = times.size();
    bake.key_count = curve.keys.size();
    bake.first_frame_s = times.front();
    bake.last_frame_s = times.back();
    for (size_t k = 0; k < times.size(); ++k) {
        bake.largest_error =
            std::max(bake.largest_error, std::abs(evaluateKeys(curve.keys, times[k]) - values[k]));
    }

    EditGroup group{"Bake " + std::string(motionChannelName(channel)), {}};
    for (const KeyframeCurve& existing : document.curves) {
        const bool hidden = existing.enabled && existing.channel == channel &&
                            existing.blend == BlendMode::Override && !existing.keys.empty() &&
                            existing.keys.front().t_s >= bake.first_frame_s &&
                            existing.keys.back().t_s <= bake.last_frame_s;
        if (hidden) {
            bake.replaced.push_back(existing.id);
            group.edits.push_back(MotionEdit{RemoveElement<KeyframeCurve>{existing.id}});
        }
    }
    curve.id = bake.replaced.empty() ? document.next_id : bake.replaced.front();
    bake.curve = curve.id;
    group.edits.push_back(MotionEdit{InsertElement<KeyframeCurve>{std::move(curve)}});
    bake.edit = MotionEdit{std::move(group)};
    return bake;
}

float defaultBakeTolerance(int channel) {
    return isAngleChannel(channel) ? kDefaultBakeAngleTolerance_deg : kDefaultBakeWeightTolerance;
}

}  // namespace ps
