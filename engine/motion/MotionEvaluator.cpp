#include "motion/MotionEvaluator.h"

#include <algorithm>
#include <cmath>

#include "face/Blendshapes.h"
#include "motion/ApplyFaceState.h"
#include "motion/CaptureRegion.h"
#include "motion/MotionChannel.h"
#include "motion/Viseme.h"

namespace ps {

namespace {

// The values being built, layer by layer.
struct Mix {
    ChannelValues values{};
    BlendshapeWeights added{};  // speech shapes' additions after the mouth is mixed
    float mouth = 0.0f;         // how much the state's speech shapes replace the photo's

    void add(int channel, float amount) {
        if (channel < kBlendshapeCount && isSpeechShape(static_cast<Blendshape>(channel))) {
            added[size_t(channel)] += amount;
        } else {
            values[size_t(channel)] += amount;
        }
    }

    void override(int channel, float value, float weight) {
        values[size_t(channel)] += weight * (value - values[size_t(channel)]);
        if (channel < kBlendshapeCount && isSpeechShape(static_cast<Blendshape>(channel))) {
            added[size_t(channel)] *= 1.0f - weight;
            takeMouth(weight);
        }
    }

    void takeMouth(float weight) { mouth += std::clamp(weight, 0.0f, 1.0f) * (1.0f - mouth); }
};

bool isHeadChannel(int channel) {
    return channel == kHeadPitchChannel || channel == kHeadYawChannel ||
           channel == kHeadRollChannel;
}

void applyClip(const ExpressionClip& clip, const MotionStrengths& strengths, double t_s, Mix& mix) {
    const float layer =
        clip.expression.kind == TemplateKind::Pose ? strengths.head : strengths.expressions;
    const float weight = clipWeightAt(clip, t_s) * layer;
    if (weight <= 0.0f) {
        return;
    }
    const double local = templateTime(clip.expression, t_s - clip.start_s);
    for (const TemplateChannel& channel : clip.expression.channels) {
        if (channel.channel < 0 || channel.channel >= kMotionChannelCount) {
            continue;
        }
        const float value = evaluateKeys(channel.keys, local);
        if (clip.expression.blend == BlendMode::Override) {
            mix.override(channel.channel, value, std::min(weight, 1.0f));
        } else {
            mix.add(channel.channel, weight * value);
        }
    }
}

void applyCapture(const CaptureLayer& capture, double t_s, Mix& mix) {
    const double local = t_s - capture.start_s;
    if (local < 0.0 || local > capture.track.duration_s() || capture.track.frames.empty()) {
        return;
    }
    const ChannelValues recorded = channelsOf(sampleTrack(capture.track, local));
    const float strength = capture.strength;
    for (int c = 0; c < kMotionChannelCount; ++c) {
        if (!captureRegionHas(capture.regions, c)) {
            continue;
        }
        if (capture.blend == BlendMode::Override) {
            mix.values[size_t(c)] += strength * (recorded[size_t(c)] - mix.values[size_t(c)]);
            if (c < kBlendshapeCount) {
                mix.added[size_t(c)] *= 1.0f - std::clamp(strength, 0.0f, 1.0f);
            }
        } else {
            mix.add(c, strength * recorded[size_t(c)]);
        }
    }
    // A recording of the mouth has a whole mouth of its own; one of the upper face or the head
    // leaves the mouth to the voice.
    if (capture.blend == BlendMode::Override &&
        captureRegionHas(capture.regions, int(Blendshape::JawOpen))) {
        mix.takeMouth(strength);
    }
}

void applyCurve(const KeyframeCurve& curve, double t_s, Mix& mix) {
    if (curve.keys.empty() || curve.channel < 0 || curve.channel >= kMotionChannelCount) {
        return;
    }
    if (curve.blend == BlendMode::Add) {
        mix.add(curve.channel, evaluateKeys(curve.keys, t_s));
    } else if (t_s >= curve.keys.front().t_s && t_s <= curve.keys.back().t_s) {
        mix.override(curve.channel, evaluateKeys(curve.keys, t_s), 1.0f);
    }
}

// The idle layer's blinks are sampled faster than any video; a frame shows the most closed
// moment of the samples it covers, so a blink shorter than a frame still reads as closed
// (BlinkSchedule's blinkWeights does the same for its own samples).
float mostClosedWithin(const FaceTrack& idle, double t_s, double frame_s) {
    if (!(frame_s > 0.0) || !(idle.fps > 0.0)) {
        return 0.0f;
    }
    const size_t first = size_t(std::max(0.0, std::ceil(t_s * idle.fps - 1e-9)));
    const size_t last =
        std::min(idle.frames.size(), size_t(std::max(0.0, (t_s + frame_s) * idle.fps)));
    float closed = 0.0f;
    for (size_t k = first; k < last; ++k) {
        closed = std::max(closed, idle.frames[k].weights[size_t(Blendshape::EyeBlinkLeft)]);
    }
    return closed;
}

// Each end of an override eases over this much of its inside, so a cut to or from it does not
// pop; an override shorter than twice this eases over half its length.
constexpr double kVisemeFade_s = 0.04;

float visemeWeightAt(const VisemeOverride& viseme, double t_s) {
    if (!viseme.enabled || t_s < viseme.start_s || t_s > viseme.end_s) {
        return 0.0f;
    }
    const double fade_s = std::min(kVisemeFade_s, 0.5 * (viseme.end_s - viseme.start_s));
    if (!(fade_s > 0.0)) {
        return 0.0f;
    }
    const double inside = std::min(t_s - viseme.start_s, viseme.end_s - t_s);
    return inside >= fade_s ? 1.0f : easeInOut(float(inside / fade_s));
}

// Layer 1b over the voice just mixed: each override covering t, in order, moves the mouth
// towards its shape (made from the voice's own mouth at t) by its eased weight, so the last one
// wins and a later one fades in from the one beneath it. The mouth is taken as the voice's is
// while speaking, so an override shows in the voice's pauses too.
void applyVisemes(const std::vector<VisemeOverride>& visemes, const BlendshapeWeights& voice,
                  float lips, double t_s, Mix& mix) {
    for (const VisemeOverride& viseme : visemes) {
        const float weight = visemeWeightAt(viseme, t_s);
        if (weight <= 0.0f) {
            continue;
        }
        const BlendshapeWeights target = mouthForShape(viseme.shape, voice);
        for (int i = 0; i < kBlendshapeCount; ++i) {
            if (isOverriddenMouthShape(static_cast<Blendshape>(i))) {
                float& value = mix.values[size_t(i)];
                value += weight * (lips * target[size_t(i)] - value);
            }
        }
        mix.takeMouth(weight);
    }
}

float sculptStrengthAt(const LandmarkSculpt& sculpt, double t_s) {
    return sculpt.strength.empty() ? 1.0f : evaluateKeys(sculpt.strength, t_s);
}

}  // namespace

float clipWeightAt(const ExpressionClip& clip, double t_s) {
    const double local = t_s - clip.start_s;
    if (!clip.enabled || local < 0.0 || local > clip.duration_s) {
        return 0.0f;
    }
    float envelope = 1.0f;
    if (clip.fade_in_s > 0.0 && local < clip.fade_in_s) {
        envelope = std::min(envelope, easeInOut(float(local / clip.fade_in_s)));
    }
    const double to_end = clip.duration_s - local;
    if (clip.fade_out_s > 0.0 && to_end < clip.fade_out_s) {
        envelope = std::min(envelope, easeInOut(float(to_end / clip.fade_out_s)));
    }
    return clip.intensity * envelope;
}

std::vector<float> sculptFalloff(int center_vertex, float radius_cm) {
    const std::vector<glm::vec3>& neutral = BlendshapeBasis::canonical().neutral();
    std::vector<float> share(neutral.size(), 0.0f);
    if (center_vertex < 0 || size_t(center_vertex) >= neutral.size() || !(radius_cm > 0.0f)) {
        return share;
    }
    const glm::vec3 center = neutral[size_t(center_vertex)];
    for (size_t i = 0; i < neutral.size(); ++i) {
        const glm::vec3 d = neutral[i] - center;
        const float u = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z) / radius_cm;
        if (u < 1.0f) {
            // (1 - u²)²: flat at the centre, zero slope at the rim, so no crease either side.
            const float v = 1.0f - u * u;
            share[i] = v * v;
        }
    }
    return share;
}

FaceState evaluateMotion(const MotionDocument& document, const MotionSources& sources, double t_s,
                         double frame_s) {
    const MotionStrengths& strengths = document.strengths;
    Mix mix;
    BlendshapeWeights voice_weights{};
    if (document.voice.enabled && !sources.voice.track.frames.empty()) {
        const FaceState voice = sampleTrack(sources.voice.track, t_s);
        voice_weights = voice.weights;
        for (int i = 0; i < kBlendshapeCount; ++i) {
            mix.values[size_t(i)] = strengths.lips * voice.weights[size_t(i)];
        }
        mix.values[kHeadPitchChannel] = strengths.head * voice.head_deg.x;
        mix.values[kHeadYawChannel] = strengths.head * voice.head_deg.y;
        mix.values[kHeadRollChannel] = strengths.head * voice.head_deg.z;
        mix.mouth = voice.speech;
    }
    applyVisemes(document.visemes, voice_weights, strengths.lips, t_s, mix);
    if (document.idle.enabled && !sources.idle.track.frames.empty()) {
        ChannelValues idle = channelsOf(sampleTrack(sources.idle.track, t_s));
        const float closed = mostClosedWithin(sources.idle.track, t_s, frame_s);
        for (const Blendshape eye : {Blendshape::EyeBlinkLeft, Blendshape::EyeBlinkRight}) {
            idle[size_t(eye)] = std::max(idle[size_t(eye)], closed);
        }
        for (int c = 0; c < kMotionChannelCount; ++c) {
            mix.values[size_t(c)] += (isHeadChannel(c) ? strengths.head : 1.0f) * idle[size_t(c)];
        }
    }
    for (const ExpressionClip& clip : document.clips) {
        applyClip(clip, strengths, t_s, mix);
    }
    for (const CaptureLayer& capture : document.captures) {
        if (capture.enabled) {
            applyCapture(capture, t_s, mix);
        }
    }
    for (const KeyframeCurve& curve : document.curves) {
        if (curve.enabled) {
            applyCurve(curve, t_s, mix);
        }
    }

    FaceState state;
    for (int c = 0; c < kMotionChannelCount; ++c) {
        mix.values[size_t(c)] =
            std::clamp(mix.values[size_t(c)], channelMinimum(c), channelMaximum(c));
    }
    setChannels(state, mix.values);
    for (int i = 0; i < kBlendshapeCount; ++i) {
        state.added[size_t(i)] = std::clamp(mix.added[size_t(i)], -1.0f, 1.0f);
    }
    state.speech = std::clamp(mix.mouth, 0.0f, 1.0f);

    for (const LandmarkSculpt& sculpt : document.sculpts) {
        const float strength = sculpt.enabled ? sculptStrengthAt(sculpt, t_s) : 0.0f;
        if (strength == 0.0f) {
            continue;
        }
        const std::vector<float> share = sculptFalloff(sculpt.center_vertex, sculpt.radius_cm);
        if (state.vertex_offsets_cm.empty()) {
            state.vertex_offsets_cm.assign(share.size(), glm::vec3(0.0f));
        }
        for (size_t i = 0; i < share.size(); ++i) {
            state.vertex_offsets_cm[i] += (strength * share[i]) * sculpt.offset_cm;
        }
    }
    return state;
}

FaceTrack motionTrack(const MotionDocument& document, const MotionSources& sources, FrameRate fps) {
    FaceTrack track;
    track.fps = frameRateRational(fps).value();
    if (!(track.fps > 0.0)) {
        return track;
    }
    const long long count = frameCountFor(document.duration_s, fps);
    track.frames.reserve(size_t(count));
    for (long long k = 0; k < count; ++k) {
        track.frames.push_back(
            evaluateMotion(document, sources, double(k) / track.fps, 1.0 / track.fps));
    }
    return track;
}

FaceTrack absoluteWeightsTrack(const FaceTrack& track) {
    FaceTrack out = track;
    for (FaceState& state : out.frames) {
        for (int i = 0; i < kBlendshapeCount; ++i) {
            state.weights[size_t(i)] =
                std::clamp(state.weights[size_t(i)] + state.added[size_t(i)], 0.0f, 1.0f);
        }
        state.added = {};
        state.speech = 0.0f;
    }
    return out;
}

}  // namespace ps
