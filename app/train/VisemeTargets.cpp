#include "train/VisemeTargets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include "train/VisemeClass.h"
#include "train/VisemePose.h"
#include "voice/LipSeal.h"

namespace ps::train {
namespace {

using B = Blendshape;

// Articulators that move independently, each with its own coarticulation: a consonant made with
// the tongue (t, k) says nothing about the lips' rounding, so a coming u rounds the lips through
// it, while the jaw and lip shape still follow the consonant.
enum class Articulator { Jaw, Lips, Rounding, Tongue, Count };
constexpr size_t kArticulatorCount = static_cast<size_t>(Articulator::Count);

Articulator articulatorOf(Blendshape shape) {
    switch (shape) {
        case B::JawOpen:
            return Articulator::Jaw;
        case B::MouthFunnel:
        case B::MouthPucker:
            return Articulator::Rounding;
        case B::TongueOut:
            return Articulator::Tongue;
        default:
            return Articulator::Lips;
    }
}

// How strongly a segment holds an articulator to its target (relative to its neighbours), and
// over how long before and after the segment that hold fades (the spread of anticipation and
// carry-over, the 1/e time of a Gaussian fall-off).
struct Dominance {
    double strength = 0.0;
    double lead_s = 0.04;
    double lag_s = 0.03;
};
using Dominances = std::array<Dominance, kArticulatorCount>;

Dominances uniformDominance(double strength, double lead_s, double lag_s) {
    Dominances all;
    all.fill(Dominance{strength, lead_s, lag_s});
    return all;
}

Dominance& of(Dominances& dominances, Articulator articulator) {
    return dominances[static_cast<size_t>(articulator)];
}

// Rounding begins well before a rounded vowel and crosses the consonants in its way: 150 ms
// ahead its hold is still 6% of full, enough to outweigh a t or k, which barely hold the lips'
// rounding at all. It lingers less after the vowel.
constexpr double kRoundingLead_s = 0.09;
constexpr double kRoundingLag_s = 0.06;

Dominances dominanceFor(const PhonemeClass& phoneme, bool stressed) {
    Dominances d = uniformDominance(0.3, 0.04, 0.03);
    const auto set = [&](Articulator articulator, double strength, double lead_s = 0.04,
                         double lag_s = 0.03) {
        of(d, articulator) = Dominance{strength, lead_s, lag_s};
    };
    switch (phoneme.viseme) {
        case Viseme::Vowel: {
            // Vowels carry the jaw (stressed ones resist their neighbours more) and their lip
            // shape; a rounded vowel spreads its rounding far ahead, and an unrounded one holds
            // its spread lips against a neighbour's rounding.
            set(Articulator::Jaw, stressed ? 1.0 : 0.8, 0.05, 0.05);
            set(Articulator::Lips, 0.8, 0.05, 0.05);
            const bool starts_rounded =
                !phoneme.vowel_path.empty() && phoneme.vowel_path.front().rounded;
            const bool ends_rounded =
                !phoneme.vowel_path.empty() && phoneme.vowel_path.back().rounded;
            set(Articulator::Rounding, starts_rounded || ends_rounded ? 1.0 : 0.9,
                starts_rounded ? kRoundingLead_s : 0.05, ends_rounded ? kRoundingLag_s : 0.05);
            set(Articulator::Tongue, 0.3);
            break;
        }
        case Viseme::Bilabial:
            set(Articulator::Jaw, 0.7);
            set(Articulator::Lips, 1.0, 0.05, 0.03);
            set(Articulator::Rounding, 0.15);  // m before u is rounded
            break;
        case Viseme::Labiodental:
            set(Articulator::Jaw, 0.6);
            set(Articulator::Lips, 1.0, 0.05, 0.03);
            break;
        case Viseme::Dental:
            set(Articulator::Jaw, 0.5);
            set(Articulator::Lips, 0.4);
            set(Articulator::Rounding, 0.2);
            set(Articulator::Tongue, 1.0);
            break;
        case Viseme::Alveolar:
            set(Articulator::Jaw, 0.5);
            set(Articulator::Rounding, 0.1);
            break;
        case Viseme::Postalveolar:
            set(Articulator::Jaw, 0.5);
            set(Articulator::Lips, 0.7);
            set(Articulator::Rounding, 0.9, 0.08, 0.05);
            break;
        case Viseme::VelarGlottal:
            set(Articulator::Lips, 0.15);
            set(Articulator::Rounding, 0.1);
            break;
        case Viseme::Palatal:
            set(Articulator::Jaw, 0.5);
            set(Articulator::Lips, 0.6);
            set(Articulator::Rounding, 0.5);
            break;
        case Viseme::RoundedApproximant:
            set(Articulator::Jaw, 0.4);
            set(Articulator::Lips, 0.6);
            set(Articulator::Rounding, 1.0, 0.10, 0.05);
            break;
        case Viseme::Unknown:
            break;  // a guess: let the neighbours decide
    }
    if (phoneme.labialised && phoneme.viseme != Viseme::Vowel) {
        set(Articulator::Rounding, 0.9, 0.08, 0.05);
    }
    return d;
}

double smoothstep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

// One target held over an interval: a phoneme, or rest in a silence.
struct Gesture {
    double start_s = 0.0;
    double end_s = 0.0;
    std::vector<MouthWeights> path;  // the poses a diphthong glides through; one otherwise
    Dominances dominance;

    double strength(Articulator articulator, double t) const {
        const Dominance& d = dominance[static_cast<size_t>(articulator)];
        if (t < start_s) {
            const double x = (start_s - t) / d.lead_s;
            return d.strength * std::exp(-x * x);
        }
        if (t > end_s) {
            const double x = (t - end_s) / d.lag_s;
            return d.strength * std::exp(-x * x);
        }
        return d.strength;
    }

    // Beyond this distance a gesture's pull is below e^-25 of its strength: nothing.
    bool reaches(double t) const {
        double lead = 0.0;
        double lag = 0.0;
        for (const Dominance& d : dominance) {
            lead = std::max(lead, d.lead_s);
            lag = std::max(lag, d.lag_s);
        }
        return t > start_s - 5.0 * lead && t < end_s + 5.0 * lag;
    }

    // A diphthong holds its first vowel for the first fifth, glides, and holds its last vowel
    // for the last fifth; outside the segment its ends stand.
    MouthWeights target(double t) const {
        if (path.size() == 1) {
            return path.front();
        }
        const double duration = end_s - start_s;
        const double u = duration > 0.0 ? (t - start_s) / duration : 0.5;
        const double along =
            std::clamp((u - 0.2) / 0.6, 0.0, 1.0) * static_cast<double>(path.size() - 1);
        const size_t from = std::min(static_cast<size_t>(along), path.size() - 2);
        const auto mix = static_cast<float>(smoothstep(along - static_cast<double>(from)));
        MouthWeights pose{};
        for (size_t c = 0; c < pose.size(); ++c) {
            pose[c] = path[from][c] + mix * (path[from + 1][c] - path[from][c]);
        }
        return pose;
    }
};

Gesture phonemeGesture(const PhonemeSegment& segment, const PhonemeClass& phoneme) {
    Gesture gesture;
    gesture.start_s = segment.start_s;
    gesture.end_s = segment.end_s;
    gesture.dominance = dominanceFor(phoneme, segment.stressed);
    if (phoneme.viseme == Viseme::Vowel) {
        for (const VowelQuality& quality : phoneme.vowel_path) {
            gesture.path.push_back(vowelPose(quality, segment.stressed));
        }
    }
    if (gesture.path.empty()) {
        gesture.path.push_back(
            consonantPose(phoneme.viseme, phoneme.labialised, bilabialLetter(segment.ipa) == 'm'));
    }
    return gesture;
}

// Rest (all shapes at 0) pulls on the mouth in every silence: fully at the utterance's edges and
// in long pauses, partly in short gaps, so the mouth relaxes a little between words.
Gesture restGesture(double start_s, double end_s, bool at_edge) {
    Gesture gesture;
    gesture.start_s = start_s;
    gesture.end_s = end_s;
    const double strength =
        0.8 * (at_edge ? 1.0 : std::min(1.0, (end_s - start_s) / kLongPauseSeconds));
    gesture.dominance = uniformDominance(strength, 0.05, 0.05);
    gesture.path.push_back(MouthWeights{});
    return gesture;
}

struct Interval {
    double start_s = 0.0;
    double end_s = 0.0;
};

// A long pause, and whether speech comes before and after it (the utterance's leading and
// trailing silences have speech on one side only).
struct Pause {
    Interval span;
    bool after_speech = true;
    bool before_speech = true;
};

// 1 in speech, 0 inside long pauses: the mouth eases to rest over the first 200 ms of a pause
// and leaves rest over the 150 ms before speech resumes (the lips part ahead of the sound).
constexpr double kRestEaseOut_s = 0.2;
constexpr double kRestEaseIn_s = 0.15;

double speechGate(const std::vector<Pause>& pauses, double t) {
    double gate = 1.0;
    for (const Pause& pause : pauses) {
        const double a = pause.span.start_s;
        const double b = pause.span.end_s;
        if (t <= a || t >= b) {
            continue;
        }
        const double length = b - a;
        double g = 0.0;
        if (pause.after_speech) {
            g = std::max(g, 1.0 - smoothstep((t - a) / std::min(kRestEaseOut_s, length / 3.0)));
        }
        if (pause.before_speech) {
            const double ease = std::min(kRestEaseIn_s, length / 3.0);
            g = std::max(g, smoothstep((t - (b - ease)) / ease));
        }
        gate = std::min(gate, g);
    }
    return gate;
}

// How far a constraint holds at time t: fully inside `hold`, easing in and out over `ease_s`.
double constraintWeight(const Interval& hold, double ease_s, double t) {
    if (t < hold.start_s) {
        return smoothstep(1.0 - (hold.start_s - t) / ease_s);
    }
    if (t > hold.end_s) {
        return smoothstep(1.0 - (t - hold.end_s) / ease_s);
    }
    return 1.0;
}

// A lip closure (or lip tuck) spans the segment bar its outer 15%, where the lips are still
// meeting and parting; a closure also covers the frame nearest the segment's centre, so that even
// a stop shorter than a frame closes the lips in at least one frame.
Interval holdOf(const PhonemeSegment& segment, double fps, bool include_nearest_frame) {
    const double margin = 0.15 * (segment.end_s - segment.start_s);
    Interval hold{segment.start_s + margin, segment.end_s - margin};
    if (include_nearest_frame) {
        const double centre = 0.5 * (segment.start_s + segment.end_s);
        const double nearest = std::round(centre * fps) / fps;
        hold.start_s = std::min(hold.start_s, nearest);
        hold.end_s = std::max(hold.end_s, nearest);
    }
    return hold;
}

constexpr double kClosureEase_s = 0.05;
constexpr double kTuckEase_s = 0.05;

float& at(MouthWeights& weights, Blendshape shape) {
    return weights[static_cast<size_t>(mouthChannel(shape))];
}

void setPair(MouthWeights& weights, Blendshape left, float value) {
    at(weights, left) = value;
    at(weights, mirroredBlendshape(left)) = value;
}

// The same mouth with the lower lip tucked under the upper teeth, as for f and v.
MouthWeights tucked(MouthWeights weights) {
    const float jaw = std::min(at(weights, B::JawOpen), 0.15f);
    at(weights, B::JawOpen) = jaw;
    at(weights, B::MouthClose) = std::min(at(weights, B::MouthClose), jaw);
    at(weights, B::MouthRollLower) = std::max(at(weights, B::MouthRollLower), 0.5f);
    setPair(weights, B::MouthLowerDownLeft, std::min(at(weights, B::MouthLowerDownLeft), 0.03f));
    at(weights, B::MouthFunnel) *= 0.5f;
    return weights;
}

void mixTowards(MouthWeights& weights, const MouthWeights& target, double amount) {
    if (amount >= 1.0) {
        weights = target;  // exactly, so that a full constraint holds to the last bit
        return;
    }
    const auto a = static_cast<float>(amount);
    for (size_t c = 0; c < weights.size(); ++c) {
        weights[c] += a * (target[c] - weights[c]);
    }
}

// The share of [t - 30 ms, t + 30 ms] that is speech, eased: the speech-activity channel.
double speechActivity(const PhonemeTimeline& timeline, double t) {
    constexpr double kHalfWindow_s = 0.03;
    double covered = 0.0;
    for (const PhonemeSegment& segment : timeline) {
        const double overlap = std::min(segment.end_s, t + kHalfWindow_s) -
                               std::max(segment.start_s, t - kHalfWindow_s);
        covered += std::max(overlap, 0.0);
    }
    return smoothstep(covered / (2.0 * kHalfWindow_s));
}

std::string checkTimeline(const PhonemeTimeline& timeline) {
    constexpr double kOverlapTolerance_s = 0.001;
    for (size_t i = 0; i < timeline.size(); ++i) {
        const PhonemeSegment& segment = timeline[i];
        const auto which = [&] {
            return "segment " + std::to_string(i) + " (\"" + segment.ipa + "\")";
        };
        if (!std::isfinite(segment.start_s) || !std::isfinite(segment.end_s)) {
            return which() + " has a time that is not a number";
        }
        if (segment.end_s < segment.start_s) {
            return which() + " ends before it starts";
        }
        if (i > 0 && segment.start_s < timeline[i - 1].end_s - kOverlapTolerance_s) {
            return which() + " starts before the previous one ends";
        }
    }
    return {};
}

}  // namespace

Result<MouthTargets> buildMouthTargets(const PhonemeTimeline& timeline, double duration_s,
                                       double fps) {
    if (!std::isfinite(fps) || fps <= 0.0) {
        return badInput("mouth targets", "the frame rate must be positive");
    }
    if (!std::isfinite(duration_s) || duration_s < 0.0) {
        return badInput("mouth targets", "the duration must be zero or more seconds");
    }
    constexpr double kMostFrames = 1e7;  // 46 hours at 60 fps: anything more is a unit mistake
    if (duration_s * fps > kMostFrames) {
        return badInput("mouth targets", "the utterance is implausibly long");
    }
    if (const std::string problem = checkTimeline(timeline); !problem.empty()) {
        return badInput("phoneme timeline", problem);
    }

    MouthTargets targets;
    targets.fps = fps;

    std::vector<Gesture> gestures;
    std::vector<Interval> closures;
    std::vector<Interval> tucks;
    std::vector<Pause> pauses;
    const double speech_end = timeline.empty() ? 0.0 : timeline.back().end_s;
    const double track_end = std::max(duration_s, speech_end);

    // Silences: before the first phoneme, between phonemes, after the last.
    double previous_end = 0.0;
    for (size_t i = 0; i <= timeline.size(); ++i) {
        const double next_start = i < timeline.size() ? timeline[i].start_s : track_end;
        const bool at_edge = i == 0 || i == timeline.size();
        if (next_start > previous_end) {
            gestures.push_back(restGesture(previous_end, next_start, at_edge));
            if (next_start - previous_end > kLongPauseSeconds) {
                pauses.push_back({{previous_end, next_start}, i > 0, i < timeline.size()});
            }
        }
        if (i < timeline.size()) {
            previous_end = std::max(previous_end, timeline[i].end_s);
        }
    }

    for (const PhonemeSegment& segment : timeline) {
        const PhonemeClass phoneme = classifyPhoneme(segment.ipa);
        if (!phoneme.recognised &&
            std::find(targets.unrecognised_phonemes.begin(), targets.unrecognised_phonemes.end(),
                      segment.ipa) == targets.unrecognised_phonemes.end()) {
            targets.unrecognised_phonemes.push_back(segment.ipa);
        }
        gestures.push_back(phonemeGesture(segment, phoneme));
        if (phoneme.lip_closure) {
            closures.push_back(holdOf(segment, fps, true));
        } else if (phoneme.viseme == Viseme::Labiodental) {
            tucks.push_back(holdOf(segment, fps, false));
        }
    }

    std::array<Articulator, kMouthChannelCount> articulators{};
    for (size_t c = 0; c < articulators.size(); ++c) {
        articulators[c] = articulatorOf(kMouthChannels[c]);
    }

    const auto frame_count =
        std::max<int64_t>(1, static_cast<int64_t>(std::llround(duration_s * fps)));
    targets.frames.resize(static_cast<size_t>(frame_count));
    for (int64_t k = 0; k < frame_count; ++k) {
        const double t = static_cast<double>(k) / fps;
        MouthFrame& frame = targets.frames[static_cast<size_t>(k)];

        // Dominance blending: each channel is the mean of the targets weighted by how strongly
        // each gesture holds that channel's articulator now.
        std::array<double, kMouthChannelCount> sum{};
        std::array<double, kArticulatorCount> total{};
        for (const Gesture& gesture : gestures) {
            if (!gesture.reaches(t)) {
                continue;
            }
            std::array<double, kArticulatorCount> strength{};
            for (size_t a = 0; a < kArticulatorCount; ++a) {
                strength[a] = gesture.strength(static_cast<Articulator>(a), t);
                total[a] += strength[a];
            }
            const MouthWeights pose = gesture.target(t);
            for (size_t c = 0; c < sum.size(); ++c) {
                sum[c] += strength[static_cast<size_t>(articulators[c])] * pose[c];
            }
        }
        MouthWeights& weights = frame.weights;
        for (size_t c = 0; c < weights.size(); ++c) {
            const double held = total[static_cast<size_t>(articulators[c])];
            weights[c] = held > 1e-12 ? static_cast<float>(sum[c] / held) : 0.0f;
        }
        // ARKit's mouthClose only means something against an open jaw.
        at(weights, B::MouthClose) = std::min(at(weights, B::MouthClose), at(weights, B::JawOpen));

        const auto gate = static_cast<float>(speechGate(pauses, t));
        for (float& weight : weights) {
            weight *= gate;
        }

        for (const Interval& tuck : tucks) {
            if (const double amount = constraintWeight(tuck, kTuckEase_s, t); amount > 0.0) {
                mixTowards(weights, tucked(weights), amount);
            }
        }
        for (const Interval& closure : closures) {
            const double amount = constraintWeight(closure, kClosureEase_s, t);
            if (amount > 0.0) {
                sealLips(weights, static_cast<float>(amount));
            }
            frame.lips_closed = std::max(frame.lips_closed, static_cast<float>(amount));
        }
        for (float& weight : weights) {
            weight = std::clamp(weight, 0.0f, 1.0f);
        }
        frame.speech_activity = static_cast<float>(speechActivity(timeline, t));
    }
    return targets;
}

}  // namespace ps::train
