// Every value a motion layer can drive, as one flat list of channels: ARKit's 52 blendshapes in
// ARKit's order (so channel i is Blendshape i), then the head's pitch, yaw and roll and each
// eye's yaw and pitch, in degrees. Keyframe curves, templates and Live Link Face columns name
// channels; the evaluator adds and overrides them as plain floats.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "face/Blendshapes.h"
#include "motion/FaceTrack.h"

namespace ps {

enum MotionChannelIndex : int {
    kHeadPitchChannel = kBlendshapeCount,  // positive turns the nose down (HeadPose)
    kHeadYawChannel,
    kHeadRollChannel,
    kLeftEyeYawChannel,
    kLeftEyePitchChannel,
    kRightEyeYawChannel,
    kRightEyePitchChannel,
    kMotionChannelCount,
};

using ChannelValues = std::array<float, kMotionChannelCount>;

// "eyeBlinkLeft" … "tongueOut" as ARKit spells them, then "headPitch", "headYaw", "headRoll",
// "leftEyeYaw", "leftEyePitch", "rightEyeYaw", "rightEyePitch"; empty outside the range.
std::string_view motionChannelName(int channel);
std::optional<int> motionChannelFromName(std::string_view name);

// Head and eye channels hold degrees; the others are blendshape weights (0..1).
bool isAngleChannel(int channel);
// The range a channel's final value is kept in: 0..1 for weights, ±90° for angles.
float channelMinimum(int channel);
float channelMaximum(int channel);

ChannelValues channelsOf(const FaceState& state);
// Writes the channels into `state`, leaving its speech and landmark offsets as they are.
void setChannels(FaceState& state, const ChannelValues& values);

}  // namespace ps
