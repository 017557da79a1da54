#include "motion/SmoothKeys.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "motion/FindElement.h"
#include "motion/MotionChannel.h"

namespace ps {

namespace {

// Keys this close in time are the same key (as MotionEdit finds them).
constexpr double kSameKey_s = 1e-6;

Error refused(const std::string& problem) {
    return Error{ErrorKind::BadInput, problem};
}

// The grid's step: fine enough for the kernel (at most σ/4) and, for evenly spaced keys, an
// exact fraction of their spacing so the grid passes through them; never below σ/256, which
// bounds the work per key to about 2·1024 reads.
double gridStep(const std::vector<Keyframe>& keys, double sigma_s) {
    double smallest_gap = std::numeric_limits<double>::infinity();
    for (size_t k = 1; k < keys.size(); ++k) {
        smallest_gap = std::min(smallest_gap, keys[k].t_s - keys[k - 1].t_s);
    }
    const double coarsest = sigma_s / 4.0;
    if (!std::isfinite(smallest_gap) || smallest_gap >= coarsest) {
        return std::isfinite(smallest_gap) ? smallest_gap / std::ceil(smallest_gap / coarsest)
                                           : coarsest;
    }
    return std::max(smallest_gap, sigma_s / 256.0);
}

}  // namespace

double gaussianSigmaForCutoff(double cutoff_hz) {
    constexpr double kPi = 3.14159265358979323846;
    return std::sqrt(std::log(2.0)) / (2.0 * kPi * cutoff_hz);
}

Result<SmoothedKeys> smoothKeys(const MotionDocument& document, ElementId curve_id,
                                const std::vector<double>& key_times, double cutoff_hz) {
    const KeyframeCurve* found = findById(document.curves, curve_id);
    if (!found) {
        return refused("no curve with id " + std::to_string(curve_id));
    }
    if (found->keys.empty()) {
        return refused("the curve on " + std::string(motionChannelName(found->channel)) +
                       " has no keys to smooth");
    }
    if (!(std::isfinite(cutoff_hz) && cutoff_hz > 0.0)) {
        return refused("the cutoff must be a frequency above 0 Hz");
    }
    const std::vector<Keyframe>& keys = found->keys;
    std::vector<bool> chosen(keys.size(), key_times.empty());
    for (const double t : key_times) {
        const auto key = std::find_if(keys.begin(), keys.end(), [t](const Keyframe& k) {
            return std::abs(k.t_s - t) <= kSameKey_s;
        });
        if (key == keys.end()) {
            return refused("the curve on " + std::string(motionChannelName(found->channel)) +
                           " has no key at " + std::to_string(t) + " s");
        }
        chosen[size_t(key - keys.begin())] = true;
    }

    // A kernel truncated at 4σ (where it has fallen to 3e-4 of its peak) and normalised, so a
    // constant stays exactly itself and every result is a weighted mean of what the curve draws.
    const double sigma_s = gaussianSigmaForCutoff(cutoff_hz);
    const double step_s = gridStep(keys, sigma_s);
    const int reach = int(std::ceil(4.0 * sigma_s / step_s));
    std::vector<double> weights(size_t(2 * reach + 1));
    double total = 0.0;
    for (int m = -reach; m <= reach; ++m) {
        const double u = double(m) * step_s / sigma_s;
        weights[size_t(m + reach)] = std::exp(-0.5 * u * u);
        total += weights[size_t(m + reach)];
    }

    KeyframeCurve smoothed = *found;
    SmoothedKeys result;
    result.key_count = keys.size();
    for (size_t k = 0; k < keys.size(); ++k) {
        if (!chosen[k]) {
            continue;
        }
        // Symmetric about the key, term by term: that symmetry is what makes the filter
        // zero-phase.
        double sum = 0.0;
        for (int m = -reach; m <= reach; ++m) {
            sum += weights[size_t(m + reach)] *
                   double(evaluateKeys(keys, keys[k].t_s + double(m) * step_s));
        }
        const float value = float(sum / total);
        result.largest_change = std::max(result.largest_change, std::abs(value - keys[k].value));
        smoothed.keys[k].value = value;
        ++result.smoothed;
    }
    result.edit =
        MotionEdit{EditGroup{"Smooth keys on " + std::string(motionChannelName(found->channel)),
                             {MotionEdit{ReplaceElement<KeyframeCurve>{std::move(smoothed)}}}}};
    return result;
}

}  // namespace ps
