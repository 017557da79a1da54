#include "motion/Viseme.h"

#include <algorithm>
#include <array>

#include "motion/ApplyFaceState.h"
#include "voice/LipSeal.h"
#include "voice/MouthChannels.h"

namespace ps {

namespace {

using B = Blendshape;

constexpr std::array<const char*, kMouthShapeCount> kKeys = {"rest", "closed",  "open",
                                                             "wide", "rounded", "teethOnLip"};

// Thresholds of classifyMouth, on the scale of ARKit weights and of lipAperture.
//
// Sealed lips: MotionCheck's own test of a closure the voice means (MotionCheckSettings:
// aperture at most 0.05 and mean press at least 0.2), so the lane and the check agree.
constexpr float kSealedMaxAperture = 0.05f;
constexpr float kSealedMinPress = 0.2f;
// A mouth whose every channel is below this is the relaxed face at rest, speaking or not (the
// voice model's output in a pause sits within a few hundredths of zero).
constexpr float kNeutralMax = 0.03f;
// f and v: the training targets tuck the lower lip (VisemeTargets' tucked(): mouthRollLower at
// least 0.5, the jaw at most 0.15, the lower lip not pulled down beyond 0.03; the labiodental
// pose rolls it by 0.55). Two-thirds of that roll with the jaw and lower lip still near shut is
// a tuck on its way in or out; an open vowel with a rolled lip is not one.
constexpr float kTuckMinRollLower = 0.35f;
constexpr float kTuckMaxJaw = 0.2f;
constexpr float kTuckMaxLowerDown = 0.08f;
// Speaking at all: MotionCheck's speaking_min.
constexpr float kSpeakingMin = 0.5f;
// Out of speech, lips this close (a third of an open vowel's 0.35) read as a mouth at rest.
constexpr float kRestMaxAperture = 0.1f;
// While speaking, lips this close are shut even without a press (a quick b the model did not
// seal); half the sealed limit, so a narrow vowel is not taken for one.
constexpr float kTinyAperture = 0.02f;
// Rounded: funnel plus pucker at this or more (the postalveolar pose's 0.8, the rounded
// approximant's 1.0, a rounded vowel's ~0.4) and more than the spread.
constexpr float kRoundedMin = 0.3f;
// Wide: mean stretch plus mean smile at this or more (the palatal pose's i is 0.45) and more
// than the rounding.
constexpr float kWideMin = 0.25f;

float w(const BlendshapeWeights& weights, B shape) {
    return weights[size_t(shape)];
}

float pair(const BlendshapeWeights& weights, B left) {
    return 0.5f * (w(weights, left) + w(weights, mirroredBlendshape(left)));
}

void set(BlendshapeWeights& weights, B shape, float value) {
    weights[size_t(shape)] = value;
}

void setPair(BlendshapeWeights& weights, B left, float value) {
    set(weights, left, value);
    set(weights, mirroredBlendshape(left), value);
}

bool isMouthChannel(B shape) {
    return mouthChannelOf(shape).has_value();
}

float mouthMaximum(const BlendshapeWeights& weights) {
    float most = 0.0f;
    for (int i = 0; i < kBlendshapeCount; ++i) {
        if (isOverriddenMouthShape(B(i))) {
            most = std::max(most, weights[size_t(i)]);
        }
    }
    return most;
}

}  // namespace

const char* mouthShapeKey(MouthShape shape) {
    return isValidMouthShape(shape) ? kKeys[size_t(shape)] : "";
}

std::optional<MouthShape> mouthShapeFromKey(std::string_view key) {
    for (int i = 0; i < kMouthShapeCount; ++i) {
        if (key == kKeys[size_t(i)]) {
            return MouthShape(i);
        }
    }
    return std::nullopt;
}

bool isValidMouthShape(MouthShape shape) {
    return int(shape) >= 0 && int(shape) < kMouthShapeCount;
}

bool isOverriddenMouthShape(Blendshape shape) {
    return isMouthChannel(shape) || isSpeechShape(shape);
}

MouthShape classifyMouth(const BlendshapeWeights& weights, float speech) {
    const float aperture = lipAperture(weights);
    const float press = pair(weights, B::MouthPressLeft);
    if (aperture <= kSealedMaxAperture && press >= kSealedMinPress) {
        return MouthShape::Closed;
    }
    if (mouthMaximum(weights) < kNeutralMax) {
        return MouthShape::Rest;
    }
    if (w(weights, B::MouthRollLower) >= kTuckMinRollLower &&
        w(weights, B::JawOpen) <= kTuckMaxJaw &&
        pair(weights, B::MouthLowerDownLeft) <= kTuckMaxLowerDown) {
        return MouthShape::TeethOnLip;
    }
    if (speech < kSpeakingMin) {
        if (aperture < kRestMaxAperture) {
            return MouthShape::Rest;
        }
    } else if (aperture <= kTinyAperture) {
        return MouthShape::Closed;
    }
    const float rounding = w(weights, B::MouthFunnel) + w(weights, B::MouthPucker);
    const float spread = pair(weights, B::MouthStretchLeft) + pair(weights, B::MouthSmileLeft);
    if (rounding >= kRoundedMin && rounding > spread) {
        return MouthShape::Rounded;
    }
    if (spread >= kWideMin && spread > rounding) {
        return MouthShape::Wide;
    }
    return MouthShape::Open;
}

std::vector<VisemeSegment> visemeSegments(const FaceTrack& voice_track, double min_s) {
    std::vector<VisemeSegment> runs;
    if (voice_track.frames.empty() || !(voice_track.fps > 0.0)) {
        return runs;
    }
    const double fps = voice_track.fps;
    for (size_t k = 0; k < voice_track.frames.size(); ++k) {
        const FaceState& frame = voice_track.frames[k];
        const MouthShape shape = classifyMouth(frame.weights, frame.speech);
        const double end_s = double(k + 1) / fps;
        if (!runs.empty() && runs.back().shape == shape) {
            runs.back().end_s = end_s;
        } else {
            runs.push_back({double(k) / fps, end_s, shape});
        }
    }
    // Absorb the shortest short run into a neighbour, one at a time, so a flicker between two
    // long runs goes to the longer of them and equal neighbours join up again.
    for (;;) {
        size_t shortest = runs.size();
        for (size_t i = 0; i < runs.size(); ++i) {
            const double length = runs[i].end_s - runs[i].start_s;
            if (length < min_s - 1e-9 && (shortest == runs.size() ||
                                          length < runs[shortest].end_s - runs[shortest].start_s)) {
                shortest = i;
            }
        }
        if (shortest == runs.size() || runs.size() == 1) {
            break;
        }
        const auto length = [&](size_t i) { return runs[i].end_s - runs[i].start_s; };
        size_t into = 0;
        if (shortest == 0) {
            into = 1;
        } else if (shortest + 1 == runs.size()) {
            into = shortest - 1;
        } else {
            into = length(shortest - 1) >= length(shortest + 1) ? shortest - 1 : shortest + 1;
        }
        runs[into].start_s = std::min(runs[into].start_s, runs[shortest].start_s);
        runs[into].end_s = std::max(runs[into].end_s, runs[shortest].end_s);
        runs.erase(runs.begin() + std::ptrdiff_t(shortest));
        // Neighbours that now meet with the same shape are one run.
        for (size_t i = 1; i < runs.size();) {
            if (runs[i].shape == runs[i - 1].shape) {
                runs[i - 1].end_s = runs[i].end_s;
                runs.erase(runs.begin() + std::ptrdiff_t(i));
            } else {
                ++i;
            }
        }
    }
    return runs;
}

BlendshapeWeights mouthForShape(MouthShape shape, const BlendshapeWeights& voice) {
    BlendshapeWeights out = voice;
    if (shape == MouthShape::Closed) {
        MouthWeights mouth{};
        for (int c = 0; c < kMouthChannelCount; ++c) {
            mouth[size_t(c)] = voice[size_t(kMouthChannels[size_t(c)])];
        }
        mouth = sealedLips(mouth);
        for (int c = 0; c < kMouthChannelCount; ++c) {
            out[size_t(kMouthChannels[size_t(c)])] = mouth[size_t(c)];
        }
        // The speech shapes the voice model does not drive part or push the lips: none of them.
        for (int i = 0; i < kBlendshapeCount; ++i) {
            if (isSpeechShape(B(i)) && !isMouthChannel(B(i))) {
                out[size_t(i)] = 0.0f;
            }
        }
        return out;
    }
    for (int i = 0; i < kBlendshapeCount; ++i) {
        if (isOverriddenMouthShape(B(i))) {
            out[size_t(i)] = 0.0f;
        }
    }
    // Each target is the training poses' shape made clear (app/train/VisemePose.cpp), far enough
    // past classifyMouth's thresholds that it reads the same on every face.
    switch (shape) {
        case MouthShape::Rest:
        case MouthShape::Closed:
            break;
        case MouthShape::Open:
            // An open "ah": aperture 0.45 + 0.125 = 0.575.
            set(out, B::JawOpen, 0.45f);
            setPair(out, B::MouthUpperUpLeft, 0.10f);
            setPair(out, B::MouthLowerDownLeft, 0.15f);
            break;
        case MouthShape::Wide:
            // A spread "ee": lips pulled wide (spread 0.75), the teeth just apart.
            set(out, B::JawOpen, 0.15f);
            setPair(out, B::MouthStretchLeft, 0.45f);
            setPair(out, B::MouthSmileLeft, 0.30f);
            setPair(out, B::MouthUpperUpLeft, 0.10f);
            setPair(out, B::MouthLowerDownLeft, 0.10f);
            break;
        case MouthShape::Rounded:
            // An "oo": funnelled and puckered (rounding 1.05), a small opening.
            set(out, B::JawOpen, 0.12f);
            set(out, B::MouthFunnel, 0.50f);
            set(out, B::MouthPucker, 0.55f);
            setPair(out, B::MouthUpperUpLeft, 0.05f);
            setPair(out, B::MouthLowerDownLeft, 0.05f);
            break;
        case MouthShape::TeethOnLip:
            // f/v: the labiodental training pose, lower lip rolled under the bared upper teeth.
            set(out, B::JawOpen, 0.07f);
            set(out, B::MouthRollLower, 0.55f);
            setPair(out, B::MouthUpperUpLeft, 0.12f);
            setPair(out, B::MouthStretchLeft, 0.05f);
            break;
    }
    return out;
}

}  // namespace ps
