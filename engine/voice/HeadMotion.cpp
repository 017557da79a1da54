#include "voice/HeadMotion.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <set>
#include <string>

#include "runtime/SeededRandom.h"

namespace ps {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

// Loudness that counts as "loud" is the clip's 90th percentile of speech; the scale runs from
// this far below it (quiet speech, ~0) up to it (1), so a quiet recording moves like a loud one.
constexpr double kSpeechSpan_db = 30.0;
// The speech envelope follows loudness up quickly and lets go slowly: movement starts with the
// voice and settles over about a second when it stops.
constexpr double kEnvelopeAttack_s = 0.08;
constexpr double kEnvelopeRelease_s = 0.5;

// Syllables: a loudness peak (the highest within kPeakReach_s either side) that rose at least
// kMinRise_db over the kRiseWindow_s before it.
constexpr double kPeakReach_s = 0.08;
constexpr double kRiseWindow_s = 0.2;
constexpr double kMinRise_db = 6.0;
// Stressed syllables stand out from their neighbours: fully emphatic at kFullProminence_db
// above the median peak within kProminenceReach_s, or kFullAccent_semitones above the clip's
// median pitch within kAccentReach_s of the peak.
constexpr double kProminenceReach_s = 1.0;
constexpr double kFullProminence_db = 4.0;
constexpr double kAccentReach_s = 0.1;
constexpr double kFullAccent_semitones = 4.0;
constexpr double kMinEmphasis = 0.35;
constexpr double kMinNodSpacing_s = 0.35;  // people do not nod on every syllable
constexpr double kNod_deg = 2.5;           // a full-strength nod, before jitter
// A nod dips the head over kNodRise (randomised in this range) and comes back over about three
// times that: the bump u^2 exp(2 - 2u), u = time / rise, peaks at 1 when u = 1 with zero slope
// at its start, so it begins without a jerk.
constexpr double kNodRiseMin_s = 0.15;
constexpr double kNodRiseMax_s = 0.22;
constexpr double kNodLength = 8.0;  // in rises; the bump is under 0.01% of its peak after this

// Per-axis amplitudes (pitch, yaw, roll), degrees: people turn more than they tilt.
constexpr std::array<double, 3> kSpeechAmplitude_deg = {1.0, 1.6, 0.7};
constexpr double kSpeechLift_deg = -0.5;  // a loud voice raises the chin a little
constexpr std::array<double, 3> kSwayAmplitude_deg = {0.8, 1.2, 0.5};
// Frequencies of the smooth noise each is made of.
constexpr double kSpeechMinFrequency_hz = 0.3, kSpeechMaxFrequency_hz = 1.2;
constexpr double kSwayMinPeriod_s = 3.0, kSwayMaxPeriod_s = 12.0;

// Separate random streams, so that e.g. adding a nod does not change the sway.
enum Stream : uint64_t { kSwayStream = 1, kSpeechStream = 2, kNodStream = 3 };

// A smooth random signal in [-1, 1]: three sines of random frequency and phase, weighted to sum
// to at most 1. Cheap to evaluate at any time, and smooth at any frame rate.
class SmoothNoise {
public:
    SmoothNoise(SeededRandom& random, double min_hz, double max_hz) {
        double total = 0.0;
        for (Sine& sine : sines_) {
            sine.frequency_hz = random.uniform(min_hz, max_hz);
            sine.phase = random.uniform(0.0, kTwoPi);
            sine.weight = random.uniform(0.5, 1.0);
            total += sine.weight;
        }
        for (Sine& sine : sines_) {
            sine.weight /= total;
        }
    }

    double at(double t) const {
        double value = 0.0;
        for (const Sine& sine : sines_) {
            value += sine.weight * std::sin(kTwoPi * sine.frequency_hz * t + sine.phase);
        }
        return value;
    }

private:
    struct Sine {
        double frequency_hz = 0.0;
        double phase = 0.0;
        double weight = 0.0;
    };
    std::array<Sine, 3> sines_;
};

struct Nod {
    double start_s = 0.0;
    double rise_s = 0.0;
    glm::dvec3 peak_deg{0.0};

    double end_s() const { return start_s + kNodLength * rise_s; }
    glm::dvec3 at(double t) const {
        if (t <= start_s || t >= end_s()) {
            return glm::dvec3(0.0);
        }
        const double u = (t - start_s) / rise_s;
        return peak_deg * (u * u * std::exp(2.0 - 2.0 * u));
    }
};

double valueAt(const std::vector<double>& values, double index) {
    if (values.empty()) {
        return 0.0;
    }
    const double clamped = std::clamp(index, 0.0, double(values.size() - 1));
    const size_t i = static_cast<size_t>(clamped);
    if (i + 1 >= values.size()) {
        return values.back();
    }
    const double f = clamped - double(i);
    return values[i] * (1.0 - f) + values[i + 1] * f;
}

double percentileOf(std::vector<double> values, double fraction) {
    const size_t index = static_cast<size_t>(std::lround(fraction * (values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return values[index];
}

// How strongly each prosody frame's speech drives movement, 0 .. 1 (0 outside speech).
std::vector<double> speechDrive(const Prosody& prosody) {
    std::vector<double> speech_loudness;
    for (const ProsodyFrame& frame : prosody.frames) {
        if (frame.speech) {
            speech_loudness.push_back(frame.loudness_db);
        }
    }
    std::vector<double> drive(prosody.frames.size(), 0.0);
    if (speech_loudness.empty()) {
        return drive;
    }
    const double loud_db = percentileOf(speech_loudness, 0.9);
    for (size_t i = 0; i < drive.size(); ++i) {
        const ProsodyFrame& frame = prosody.frames[i];
        if (frame.speech) {
            drive[i] = std::clamp((frame.loudness_db - (loud_db - kSpeechSpan_db)) / kSpeechSpan_db,
                                  0.0, 1.0);
        }
    }
    return drive;
}

// The drive smoothed by a one-pole follower (fast attack, slow release), continued with silence
// to `frames` frames so that motion settles past the end of the voice too.
std::vector<double> speechEnvelope(const std::vector<double>& drive, double frame_rate_hz,
                                   size_t frames) {
    const double attack = 1.0 - std::exp(-1.0 / (kEnvelopeAttack_s * frame_rate_hz));
    const double release = 1.0 - std::exp(-1.0 / (kEnvelopeRelease_s * frame_rate_hz));
    std::vector<double> envelope(std::max(frames, drive.size()), 0.0);
    double level = 0.0;
    for (size_t i = 0; i < envelope.size(); ++i) {
        const double target = i < drive.size() ? drive[i] : 0.0;
        level += (target - level) * (target > level ? attack : release);
        envelope[i] = level;
    }
    return envelope;
}

// Loudness lightly smoothed (±20 ms), so that one rough frame is not a syllable of its own.
std::vector<double> smoothedLoudness(const std::vector<ProsodyFrame>& frames, double rate) {
    const int count = static_cast<int>(frames.size());
    const int reach = std::max(1, static_cast<int>(std::lround(0.02 * rate)));
    std::vector<double> loudness(count);
    for (int i = 0; i < count; ++i) {
        double sum = 0.0;
        int n = 0;
        for (int j = std::max(0, i - reach); j <= std::min(count - 1, i + reach); ++j) {
            sum += frames[j].loudness_db;
            ++n;
        }
        loudness[i] = sum / n;
    }
    return loudness;
}

struct Syllable {
    int frame = 0;  // of its loudness peak
    double loudness_db = 0.0;
    double emphasis = 0.0;  // 0 .. 1
};

// Syllables as loudness peaks in speech: the highest frame within kPeakReach_s either side
// (the first of a plateau), having risen at least kMinRise_db over the kRiseWindow_s before.
std::vector<Syllable> findSyllables(const std::vector<ProsodyFrame>& frames,
                                    const std::vector<double>& loudness, double rate) {
    const int count = static_cast<int>(frames.size());
    const int peak_reach = std::max(1, static_cast<int>(std::lround(kPeakReach_s * rate)));
    const int rise_window = std::max(1, static_cast<int>(std::lround(kRiseWindow_s * rate)));
    std::vector<Syllable> syllables;
    for (int i = 0; i < count; ++i) {
        if (!frames[i].speech) {
            continue;
        }
        bool peak = true;
        for (int j = std::max(0, i - peak_reach); j <= std::min(count - 1, i + peak_reach); ++j) {
            if ((j < i && loudness[j] >= loudness[i]) || (j > i && loudness[j] > loudness[i])) {
                peak = false;
                break;
            }
        }
        if (!peak) {
            continue;
        }
        double lowest = loudness[i];
        for (int j = std::max(0, i - rise_window); j < i; ++j) {
            lowest = std::min(lowest, loudness[j]);
        }
        if (loudness[i] - lowest >= kMinRise_db) {
            syllables.push_back({i, loudness[i], 0.0});
        }
    }
    return syllables;
}

// Emphasis is prominence against the surrounding syllables: louder than the median peak within
// kProminenceReach_s, or pitched above the clip's median voice. Relative measures, so a
// uniformly loud passage is not all stressed (loudness itself sets how deep nods are).
void rateEmphasis(const std::vector<ProsodyFrame>& frames, double rate,
                  std::vector<Syllable>& syllables) {
    std::vector<double> voiced_pitch;
    for (const ProsodyFrame& frame : frames) {
        if (frame.speech && frame.voiced && frame.pitch_hz > 0.0f) {
            voiced_pitch.push_back(frame.pitch_hz);
        }
    }
    const double median_pitch = voiced_pitch.empty() ? 0.0 : percentileOf(voiced_pitch, 0.5);
    const int count = static_cast<int>(frames.size());
    const int accent_reach = static_cast<int>(std::lround(kAccentReach_s * rate));
    const int prominence_reach = static_cast<int>(std::lround(kProminenceReach_s * rate));

    size_t first = 0;  // of the syllables within reach
    for (Syllable& syllable : syllables) {
        while (syllables[first].frame < syllable.frame - prominence_reach) {
            ++first;
        }
        std::vector<double> nearby;
        for (size_t n = first;
             n < syllables.size() && syllables[n].frame <= syllable.frame + prominence_reach; ++n) {
            nearby.push_back(syllables[n].loudness_db);
        }
        const double prominence_db = syllable.loudness_db - percentileOf(nearby, 0.5);

        double accent_semitones = 0.0;
        if (median_pitch > 0.0) {
            for (int j = std::max(0, syllable.frame - accent_reach);
                 j <= std::min(count - 1, syllable.frame + accent_reach); ++j) {
                if (frames[j].voiced && frames[j].pitch_hz > 0.0f) {
                    accent_semitones = std::max(
                        accent_semitones, 12.0 * std::log2(frames[j].pitch_hz / median_pitch));
                }
            }
        }
        syllable.emphasis = std::clamp(prominence_db / kFullProminence_db, 0.0, 1.0) * 0.6 +
                            std::clamp(accent_semitones / kFullAccent_semitones, 0.0, 1.0) * 0.6;
        syllable.emphasis = std::min(syllable.emphasis, 1.0);
    }
}

std::vector<Nod> findNods(const Prosody& prosody, const std::vector<double>& drive,
                          const HeadMotionSettings& settings) {
    const double rate = prosody.frame_rate_hz;
    std::vector<Syllable> syllables =
        findSyllables(prosody.frames, smoothedLoudness(prosody.frames, rate), rate);
    rateEmphasis(prosody.frames, rate, syllables);

    // The most emphatic first, each keeping the others at a distance.
    std::vector<Syllable> candidates;
    for (const Syllable& syllable : syllables) {
        if (syllable.emphasis >= kMinEmphasis) {
            candidates.push_back(syllable);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Syllable& a, const Syllable& b) { return a.emphasis > b.emphasis; });
    const int spacing = static_cast<int>(std::lround(kMinNodSpacing_s * rate));
    std::set<int> taken;
    std::vector<Syllable> chosen;
    for (const Syllable& candidate : candidates) {
        const auto after = taken.lower_bound(candidate.frame);
        const bool crowded =
            (after != taken.end() && *after - candidate.frame < spacing) ||
            (after != taken.begin() && candidate.frame - *std::prev(after) < spacing);
        if (!crowded) {
            taken.insert(candidate.frame);
            chosen.push_back(candidate);
        }
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Syllable& a, const Syllable& b) { return a.frame < b.frame; });

    // Random draws in time order, from their own stream: the same syllables nod the same way
    // for a seed.
    SeededRandom random(settings.seed, kNodStream);
    std::vector<Nod> nods;
    for (const Syllable& syllable : chosen) {
        Nod nod;
        nod.rise_s = random.uniform(kNodRiseMin_s, kNodRiseMax_s);
        // The head is lowest on the syllable's loudest moment.
        nod.start_s = syllable.frame / rate - nod.rise_s;
        // Emphasis decides whether a syllable nods; how loud it is decides most of how deeply,
        // so that loud passages move more than quiet ones.
        const double size_deg = kNod_deg * (0.25 + 0.75 * drive[syllable.frame]) *
                                (0.7 + 0.3 * syllable.emphasis) * random.uniform(0.8, 1.2) *
                                settings.nods;
        // Mostly pitch, with a little turn and tilt so that nods are not all alike.
        nod.peak_deg = glm::dvec3(size_deg, size_deg * random.uniform(-0.3, 0.3),
                                  size_deg * random.uniform(-0.2, 0.2));
        nods.push_back(nod);
    }
    // In order of start, which evaluation relies on (rises differ, so it may differ from the
    // order of the peaks).
    std::sort(nods.begin(), nods.end(),
              [](const Nod& a, const Nod& b) { return a.start_s < b.start_s; });
    return nods;
}

std::string checkInputs(const Prosody& prosody, double fps, int64_t frame_count,
                        const HeadMotionSettings& s) {
    if (!(fps > 0.0 && std::isfinite(fps))) {
        return "head motion: the frame rate must be positive";
    }
    if (frame_count < 0) {
        return "head motion: the frame count must not be negative";
    }
    if (!(prosody.frame_rate_hz > 0.0 && std::isfinite(prosody.frame_rate_hz))) {
        return "head motion: the prosody's frame rate must be positive";
    }
    for (float intensity : {s.overall, s.nods, s.speech, s.sway}) {
        if (!(intensity >= 0.0f && std::isfinite(intensity))) {
            return "head motion: intensities must be zero or more";
        }
    }
    return {};
}

}  // namespace

Result<HeadMotion> headMotionFromProsody(const Prosody& prosody, double fps, int64_t frame_count,
                                         const HeadMotionSettings& settings) {
    const std::string problem = checkInputs(prosody, fps, frame_count, settings);
    if (!problem.empty()) {
        return Error{ErrorKind::BadInput, problem};
    }

    HeadMotion motion;
    motion.fps = fps;
    motion.rotation_deg.resize(static_cast<size_t>(frame_count));
    if (frame_count == 0) {
        return motion;
    }

    const double rate = prosody.frame_rate_hz;
    const double last_t = double(frame_count - 1) / fps;
    const std::vector<double> drive = speechDrive(prosody);
    const std::vector<double> envelope =
        speechEnvelope(drive, rate, static_cast<size_t>(std::ceil(last_t * rate)) + 2);
    const std::vector<Nod> nods = findNods(prosody, drive, settings);

    SeededRandom sway_random(settings.seed, kSwayStream);
    SeededRandom speech_random(settings.seed, kSpeechStream);
    std::array<SmoothNoise, 3> sway = {
        SmoothNoise(sway_random, 1.0 / kSwayMaxPeriod_s, 1.0 / kSwayMinPeriod_s),
        SmoothNoise(sway_random, 1.0 / kSwayMaxPeriod_s, 1.0 / kSwayMinPeriod_s),
        SmoothNoise(sway_random, 1.0 / kSwayMaxPeriod_s, 1.0 / kSwayMinPeriod_s)};
    std::array<SmoothNoise, 3> speech = {
        SmoothNoise(speech_random, kSpeechMinFrequency_hz, kSpeechMaxFrequency_hz),
        SmoothNoise(speech_random, kSpeechMinFrequency_hz, kSpeechMaxFrequency_hz),
        SmoothNoise(speech_random, kSpeechMinFrequency_hz, kSpeechMaxFrequency_hz)};

    const double overall = settings.overall;
    const double limit_deg = kMaxHeadAngle_deg;
    const double max_step_deg = kMaxHeadSpeed_deg_per_s * overall / fps;
    size_t first_nod = 0;  // nods before this one have ended
    glm::dvec3 previous(0.0);
    for (int64_t k = 0; k < frame_count; ++k) {
        const double t = double(k) / fps;
        const double speaking = valueAt(envelope, t * rate);

        glm::dvec3 raw(0.0);
        for (int axis = 0; axis < 3; ++axis) {
            raw[axis] += settings.sway * kSwayAmplitude_deg[axis] * sway[axis].at(t);
            raw[axis] +=
                settings.speech * speaking * kSpeechAmplitude_deg[axis] * speech[axis].at(t);
        }
        raw.x += settings.speech * speaking * kSpeechLift_deg;
        while (first_nod < nods.size() && nods[first_nod].end_s() <= t) {
            ++first_nod;
        }
        for (size_t n = first_nod; n < nods.size() && nods[n].start_s < t; ++n) {
            raw += nods[n].at(t);
        }

        // A soft limit: near-linear for ordinary motion, never past the bound however much
        // motion piles up; then scaled, so intensity 0 is exactly rest.
        glm::dvec3 pose;
        for (int axis = 0; axis < 3; ++axis) {
            pose[axis] = overall * limit_deg * std::tanh(raw[axis] / limit_deg);
        }
        if (k > 0) {
            for (int axis = 0; axis < 3; ++axis) {
                pose[axis] = std::clamp(pose[axis], previous[axis] - max_step_deg,
                                        previous[axis] + max_step_deg);
            }
        }
        previous = pose;
        motion.rotation_deg[static_cast<size_t>(k)] = glm::vec3(pose);
    }
    return motion;
}

}  // namespace ps
