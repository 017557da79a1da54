#include "motion/ChannelContributions.h"

#include <algorithm>
#include <cmath>

#include "motion/MotionEvaluator.h"

namespace ps {

namespace {

bool isHeadChannel(int channel) {
    return channel == kHeadPitchChannel || channel == kHeadYawChannel ||
           channel == kHeadRollChannel;
}

bool moves(float amount) {
    return std::fabs(amount) > kContributionEpsilon;
}

class Collector {
public:
    explicit Collector(ChannelContributions& out) : out_(out) {}

    void add(int channel, ChannelContribution contribution) {
        out_[size_t(channel)].push_back(contribution);
    }
    // An override at `weight`: at full weight the layers beneath no longer show.
    void override(int channel, ChannelContribution contribution, float weight) {
        if (weight >= 1.0f) {
            out_[size_t(channel)].clear();
        }
        out_[size_t(channel)].push_back(contribution);
    }

private:
    ChannelContributions& out_;
};

void collectVoice(const MotionDocument& document, const MotionSources& sources, double t_s,
                  Collector& collect) {
    if (!document.voice.enabled || sources.voice.track.frames.empty()) {
        return;
    }
    const FaceState voice = sampleTrack(sources.voice.track, t_s);
    const ChannelContribution by{MotionLayer::Voice, 0, BlendMode::Override};
    for (int i = 0; i < kBlendshapeCount; ++i) {
        if (moves(document.strengths.lips * voice.weights[size_t(i)])) {
            collect.add(i, by);
        }
    }
    const float head[] = {voice.head_deg.x, voice.head_deg.y, voice.head_deg.z};
    for (int k = 0; k < 3; ++k) {
        if (moves(document.strengths.head * head[k])) {
            collect.add(kHeadPitchChannel + k, by);
        }
    }
}

void collectIdle(const MotionDocument& document, const MotionSources& sources, double t_s,
                 Collector& collect) {
    if (!document.idle.enabled || sources.idle.track.frames.empty()) {
        return;
    }
    const ChannelValues idle = channelsOf(sampleTrack(sources.idle.track, t_s));
    for (int c = 0; c < kMotionChannelCount; ++c) {
        const float scale = isHeadChannel(c) ? document.strengths.head : 1.0f;
        if (moves(scale * idle[size_t(c)])) {
            collect.add(c, {MotionLayer::Idle, 0, BlendMode::Add});
        }
    }
}

void collectClip(const ExpressionClip& clip, const MotionStrengths& strengths, double t_s,
                 Collector& collect) {
    const float layer =
        clip.expression.kind == TemplateKind::Pose ? strengths.head : strengths.expressions;
    const float weight = clipWeightAt(clip, t_s) * layer;
    if (!(weight > 0.0f)) {
        return;
    }
    const double local = templateTime(clip.expression, t_s - clip.start_s);
    const ChannelContribution by{MotionLayer::Clip, clip.id, clip.expression.blend};
    for (const TemplateChannel& channel : clip.expression.channels) {
        if (channel.channel < 0 || channel.channel >= kMotionChannelCount) {
            continue;
        }
        if (clip.expression.blend == BlendMode::Override) {
            collect.override(channel.channel, by, weight);
        } else if (moves(weight * evaluateKeys(channel.keys, local))) {
            collect.add(channel.channel, by);
        }
    }
}

void collectCapture(const CaptureLayer& capture, double t_s, Collector& collect) {
    const double local = t_s - capture.start_s;
    if (!capture.enabled || capture.track.frames.empty() || local < 0.0 ||
        local > capture.track.duration_s() || !(capture.strength > 0.0f)) {
        return;
    }
    const ChannelContribution by{MotionLayer::Capture, capture.id, capture.blend};
    if (capture.blend == BlendMode::Override) {
        // A recording holds every channel, zeros included.
        for (int c = 0; c < kMotionChannelCount; ++c) {
            collect.override(c, by, capture.strength);
        }
        return;
    }
    const ChannelValues recorded = channelsOf(sampleTrack(capture.track, local));
    for (int c = 0; c < kMotionChannelCount; ++c) {
        if (moves(capture.strength * recorded[size_t(c)])) {
            collect.add(c, by);
        }
    }
}

void collectCurve(const KeyframeCurve& curve, double t_s, Collector& collect) {
    if (!curve.enabled || curve.keys.empty() || curve.channel < 0 ||
        curve.channel >= kMotionChannelCount) {
        return;
    }
    const ChannelContribution by{MotionLayer::Curve, curve.id, curve.blend};
    if (curve.blend == BlendMode::Add) {
        if (moves(evaluateKeys(curve.keys, t_s))) {
            collect.add(curve.channel, by);
        }
    } else if (t_s >= curve.keys.front().t_s && t_s <= curve.keys.back().t_s) {
        collect.override(curve.channel, by, 1.0f);
    }
}

}  // namespace

ChannelContributions channelContributions(const MotionDocument& document,
                                          const MotionSources& sources, double t_s) {
    ChannelContributions out;
    Collector collect(out);
    collectVoice(document, sources, t_s, collect);
    collectIdle(document, sources, t_s, collect);
    for (const ExpressionClip& clip : document.clips) {
        collectClip(clip, document.strengths, t_s, collect);
    }
    for (const CaptureLayer& capture : document.captures) {
        collectCapture(capture, t_s, collect);
    }
    for (const KeyframeCurve& curve : document.curves) {
        collectCurve(curve, t_s, collect);
    }
    return out;
}

ChannelContribution drivingLayer(const std::vector<ChannelContribution>& contributions) {
    return contributions.empty() ? ChannelContribution{} : contributions.back();
}

}  // namespace ps
