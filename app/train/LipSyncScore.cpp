#include "train/LipSyncScore.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <utility>

#include "train/VisemeClass.h"

namespace ps::train {
namespace {

// The frames of a track that fall in a span of time, as a half-open range of indices.
class FrameClock {
public:
    FrameClock(double fps, size_t frame_count) : fps_(fps), count_(frame_count) {}

    // Frames with from_s ≤ t ≤ to_s.
    std::pair<size_t, size_t> within(double from_s, double to_s) const {
        return clampRange(std::ceil(from_s * fps_ - kSlack), std::floor(to_s * fps_ + kSlack));
    }
    // Frames with from_s < t < to_s.
    std::pair<size_t, size_t> inside(double from_s, double to_s) const {
        return clampRange(std::floor(from_s * fps_ + kSlack) + 1.0,
                          std::ceil(to_s * fps_ - kSlack) - 1.0);
    }
    // The frame nearest t, if the track has it.
    std::optional<size_t> nearest(double t) const {
        const double k = std::round(t * fps_);
        if (k < 0.0 || k >= static_cast<double>(count_)) {
            return std::nullopt;
        }
        return static_cast<size_t>(k);
    }

private:
    // Times that are a frame's time up to rounding count as that frame's.
    static constexpr double kSlack = 1e-9;

    std::pair<size_t, size_t> clampRange(double first, double last) const {
        first = std::max(first, 0.0);
        last = std::min(last, static_cast<double>(count_) - 1.0);
        if (last < first) {
            return {0, 0};
        }
        return {static_cast<size_t>(first), static_cast<size_t>(last) + 1};
    }

    double fps_;
    size_t count_;
};

// Weights are floats: a threshold of 0.1 must accept the float nearest 0.1.
constexpr double kFloatSlack = 1e-6;

struct Span {
    double start_s;
    double end_s;
};

// Silences longer than a long pause: leading, between segments, trailing up to `track_end_s`.
std::vector<Span> longPauses(const PhonemeTimeline& timeline, double track_end_s) {
    std::vector<Span> pauses;
    double previous_end = 0.0;
    for (size_t i = 0; i <= timeline.size(); ++i) {
        const double next_start = i < timeline.size() ? timeline[i].start_s : track_end_s;
        if (next_start - previous_end > kLongPauseSeconds) {
            pauses.push_back({previous_end, next_start});
        }
        if (i < timeline.size()) {
            previous_end = std::max(previous_end, timeline[i].end_s);
        }
    }
    return pauses;
}

float weightOf(const MouthWeights& weights, Blendshape shape) {
    return weights[static_cast<size_t>(mouthChannel(shape))];
}

std::optional<double> ratio(double part, int whole) {
    if (whole <= 0) {
        return std::nullopt;
    }
    return part / whole;
}

}  // namespace

void LipSyncTally::add(const std::vector<MouthWeights>& frames, double fps,
                       const PhonemeTimeline& truth) {
    const bool usable = std::isfinite(fps) && fps > 0.0;
    const FrameClock clock(usable ? fps : 1.0, usable ? frames.size() : 0);
    std::vector<double> aperture(frames.size());
    std::transform(frames.begin(), frames.end(), aperture.begin(),
                   [](const MouthWeights& weights) { return lipAperture(weights); });
    const auto meanOver = [&](std::pair<size_t, size_t> range) {
        double sum = 0.0;
        for (size_t k = range.first; k < range.second; ++k) {
            sum += aperture[k];
        }
        return sum / static_cast<double>(range.second - range.first);
    };

    for (const PhonemeSegment& segment : truth) {
        const double start = segment.start_s;
        const double end = segment.end_s;
        const double frame_s = usable ? 1.0 / fps : 0.0;
        const PhonemeClass phone = classifyPhoneme(segment.ipa);
        if (phone.lip_closure) {
            ++stops_;
            const char letter = bilabialLetter(segment.ipa);
            PhoneSums* sums = letter == 'p'   ? &p_
                              : letter == 'b' ? &b_
                              : letter == 'm' ? &m_
                                              : nullptr;
            if (sums != nullptr) {
                ++sums->stops;
            }
            const auto [first, last] = clock.within(start - frame_s, end + frame_s);
            if (first == last) {
                continue;
            }
            const auto most_closed =
                std::min_element(aperture.begin() + static_cast<std::ptrdiff_t>(first),
                                 aperture.begin() + static_cast<std::ptrdiff_t>(last));
            if (*most_closed <= kClosedAperture + kFloatSlack) {
                ++closed_stops_;
                if (sums != nullptr) {
                    const MouthWeights& w = frames[size_t(most_closed - aperture.begin())];
                    ++sums->closed;
                    sums->press_sum += 0.5 * (weightOf(w, Blendshape::MouthPressLeft) +
                                              weightOf(w, Blendshape::MouthPressRight));
                }
            }
            continue;
        }
        if (phone.viseme == Viseme::Labiodental) {
            ++labiodentals_;
            const auto [first, last] = clock.within(start - frame_s, end + frame_s);
            for (size_t k = first; k < last; ++k) {
                if (weightOf(frames[k], Blendshape::MouthRollLower) >=
                    kTuckedRollLower - kFloatSlack) {
                    ++tucked_;
                    break;
                }
            }
            continue;
        }
        const std::optional<double> openness = vowelOpenness(segment.ipa);
        if (!openness) {
            continue;
        }
        const double quarter = 0.25 * (end - start);
        std::pair<size_t, size_t> middle = clock.within(start + quarter, end - quarter);
        if (middle.first == middle.second) {
            const std::optional<size_t> centre = clock.nearest(0.5 * (start + end));
            if (!centre) {
                continue;
            }
            middle = {*centre, *centre + 1};
        }
        const double x = *openness;
        const double y = meanOver(middle);
        ++vowels_;
        sum_x_ += x;
        sum_y_ += y;
        sum_xx_ += x * x;
        sum_yy_ += y * y;
        sum_xy_ += x * y;
        if (x >= kOpenVowelOpenness) {
            ++open_vowels_;
            open_aperture_sum_ += y;
        }
        if (end - start >= kSteadyVowelSeconds && middle.second - middle.first >= 2) {
            ++steady_vowels_;
            for (size_t k = middle.first + 1; k < middle.second; ++k) {
                double change = 0.0;
                for (size_t c = 0; c < frames[k].size(); ++c) {
                    change += std::abs(double(frames[k][c]) - double(frames[k - 1][c]));
                }
                jitter_sum_ += change / static_cast<double>(frames[k].size());
                ++jitter_steps_;
            }
        }
    }

    const double track_end = usable ? static_cast<double>(frames.size()) / fps : 0.0;
    for (const Span& pause : longPauses(truth, track_end)) {
        const auto range = clock.inside(pause.start_s, pause.end_s);
        if (range.first == range.second) {
            continue;
        }
        const double mean = meanOver(range);
        ++pauses_;
        pauses_at_rest_ += mean <= kRestAperture + kFloatSlack ? 1 : 0;
        pause_frames_ += static_cast<int>(range.second - range.first);
        pause_aperture_sum_ += mean * static_cast<double>(range.second - range.first);
    }
}

void LipSyncTally::PhoneSums::merge(const PhoneSums& other) {
    stops += other.stops;
    closed += other.closed;
    press_sum += other.press_sum;
}

LipSyncScore::Phone LipSyncTally::PhoneSums::score() const {
    return {stops, ratio(closed, stops), ratio(press_sum, closed)};
}

void LipSyncTally::merge(const LipSyncTally& other) {
    stops_ += other.stops_;
    closed_stops_ += other.closed_stops_;
    p_.merge(other.p_);
    b_.merge(other.b_);
    m_.merge(other.m_);
    labiodentals_ += other.labiodentals_;
    tucked_ += other.tucked_;
    steady_vowels_ += other.steady_vowels_;
    jitter_steps_ += other.jitter_steps_;
    jitter_sum_ += other.jitter_sum_;
    vowels_ += other.vowels_;
    sum_x_ += other.sum_x_;
    sum_y_ += other.sum_y_;
    sum_xx_ += other.sum_xx_;
    sum_yy_ += other.sum_yy_;
    sum_xy_ += other.sum_xy_;
    open_vowels_ += other.open_vowels_;
    open_aperture_sum_ += other.open_aperture_sum_;
    pauses_ += other.pauses_;
    pauses_at_rest_ += other.pauses_at_rest_;
    pause_frames_ += other.pause_frames_;
    pause_aperture_sum_ += other.pause_aperture_sum_;
}

LipSyncScore LipSyncTally::score() const {
    LipSyncScore score;
    score.bilabial_stops = stops_;
    score.closure_rate = ratio(closed_stops_, stops_);
    score.p = p_.score();
    score.b = b_.score();
    score.m = m_.score();
    score.labiodentals = labiodentals_;
    score.tuck_rate = ratio(tucked_, labiodentals_);
    score.steady_vowels = steady_vowels_;
    score.jitter = ratio(jitter_sum_, jitter_steps_);

    score.vowels = vowels_;
    const double n = vowels_;
    const double covariance = n * sum_xy_ - sum_x_ * sum_y_;
    const double variance_x = n * sum_xx_ - sum_x_ * sum_x_;
    const double variance_y = n * sum_yy_ - sum_y_ * sum_y_;
    // Below this the vowels (or the track) do not vary, and r is undefined rather than 0.
    constexpr double kNoVariance = 1e-12;
    if (vowels_ >= 2 && variance_x > kNoVariance * n * n && variance_y > kNoVariance * n * n) {
        score.openness_correlation = covariance / std::sqrt(variance_x * variance_y);
    }
    score.open_vowels = open_vowels_;
    score.open_vowel_aperture = ratio(open_aperture_sum_, open_vowels_);

    score.long_pauses = pauses_;
    score.pauses_at_rest_rate = ratio(pauses_at_rest_, pauses_);
    score.pause_aperture = ratio(pause_aperture_sum_, pause_frames_);
    return score;
}

LipSyncScore scoreLipSync(const std::vector<MouthWeights>& frames, double fps,
                          const PhonemeTimeline& truth) {
    LipSyncTally tally;
    tally.add(frames, fps, truth);
    return tally.score();
}

}  // namespace ps::train
