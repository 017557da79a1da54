#include "motion/TemplateFromFace.h"

#include <algorithm>
#include <cmath>

#include "motion/MotionChannel.h"

namespace ps {

namespace {

// Rounded so that a saved file reads as a person would write it (0.42, not 0.41999998).
constexpr float kStep = 1000.0f;
// Below this a rounded value is 0 and adds nothing.
constexpr float kSmallest = 0.5f / kStep;

ChannelGroup blendshapeGroup(Blendshape shape) {
    switch (shape) {
        case Blendshape::EyeBlinkLeft:
        case Blendshape::EyeBlinkRight:
        case Blendshape::EyeSquintLeft:
        case Blendshape::EyeSquintRight:
        case Blendshape::EyeWideLeft:
        case Blendshape::EyeWideRight:
            return ChannelGroup::Eyes;
        case Blendshape::EyeLookDownLeft:
        case Blendshape::EyeLookInLeft:
        case Blendshape::EyeLookOutLeft:
        case Blendshape::EyeLookUpLeft:
        case Blendshape::EyeLookDownRight:
        case Blendshape::EyeLookInRight:
        case Blendshape::EyeLookOutRight:
        case Blendshape::EyeLookUpRight:
            return ChannelGroup::Gaze;
        case Blendshape::JawForward:
        case Blendshape::JawLeft:
        case Blendshape::JawRight:
        case Blendshape::JawOpen:
            return ChannelGroup::Jaw;
        case Blendshape::BrowDownLeft:
        case Blendshape::BrowDownRight:
        case Blendshape::BrowInnerUp:
        case Blendshape::BrowOuterUpLeft:
        case Blendshape::BrowOuterUpRight:
            return ChannelGroup::Brows;
        case Blendshape::CheekPuff:
        case Blendshape::CheekSquintLeft:
        case Blendshape::CheekSquintRight:
        case Blendshape::NoseSneerLeft:
        case Blendshape::NoseSneerRight:
            return ChannelGroup::CheeksNose;
        case Blendshape::TongueOut:
            return ChannelGroup::Tongue;
        case Blendshape::Count:
            return ChannelGroup::None;
        default:
            // mouthClose … mouthUpperUpRight lie together in ARKit's order.
            return ChannelGroup::Mouth;
    }
}

}  // namespace

std::vector<ChannelGroup> allChannelGroups() {
    return {ChannelGroup::Brows, ChannelGroup::Eyes, ChannelGroup::Gaze,   ChannelGroup::CheeksNose,
            ChannelGroup::Mouth, ChannelGroup::Jaw,  ChannelGroup::Tongue, ChannelGroup::Head};
}

std::vector<ChannelGroup> defaultTemplateGroups() {
    std::vector<ChannelGroup> groups = allChannelGroups();
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [](ChannelGroup g) {
                                    return g == ChannelGroup::Gaze || g == ChannelGroup::Head;
                                }),
                 groups.end());
    return groups;
}

ChannelGroup channelGroupOf(int channel) {
    if (channel >= 0 && channel < kBlendshapeCount) {
        return blendshapeGroup(static_cast<Blendshape>(channel));
    }
    switch (channel) {
        case kHeadPitchChannel:
        case kHeadYawChannel:
        case kHeadRollChannel:
            return ChannelGroup::Head;
        case kLeftEyeYawChannel:
        case kLeftEyePitchChannel:
        case kRightEyeYawChannel:
        case kRightEyePitchChannel:
            return ChannelGroup::Gaze;
        default:
            return ChannelGroup::None;
    }
}

ExpressionTemplate templateFromFace(const FaceState& state, const std::vector<ChannelGroup>& groups,
                                    const std::string& name, const std::string& description) {
    ExpressionTemplate expression;
    expression.name = name;
    expression.kind = TemplateKind::Expression;
    expression.description = description;
    expression.blend = BlendMode::Add;
    expression.duration_s = 0.0;
    expression.repeat = false;

    ChannelValues values = channelsOf(state);
    for (int i = 0; i < kBlendshapeCount; ++i) {
        values[size_t(i)] += state.added[size_t(i)];
    }
    for (int channel = 0; channel < kMotionChannelCount; ++channel) {
        if (std::find(groups.begin(), groups.end(), channelGroupOf(channel)) == groups.end()) {
            continue;
        }
        const float raw = values[size_t(channel)];
        if (!std::isfinite(raw)) {
            continue;
        }
        const float kept = std::clamp(raw, channelMinimum(channel), channelMaximum(channel));
        if (std::abs(kept) < kSmallest) {
            continue;
        }
        Keyframe key;
        key.t_s = 0.0;
        key.value = std::round(kept * kStep) / kStep;
        expression.channels.push_back({channel, {key}});
    }
    return expression;
}

}  // namespace ps
