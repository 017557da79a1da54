#include "motion/MotionChannel.h"

#include <algorithm>

namespace ps {

namespace {

constexpr std::string_view kAngleNames[] = {"headPitch",    "headYaw",      "headRoll",
                                            "leftEyeYaw",   "leftEyePitch", "rightEyeYaw",
                                            "rightEyePitch"};
static_assert(std::size(kAngleNames) == kMotionChannelCount - kBlendshapeCount,
              "one name per angle channel");

constexpr float kMaxAngle_deg = 90.0f;

}  // namespace

std::string_view motionChannelName(int channel) {
    if (channel >= 0 && channel < kBlendshapeCount) {
        return blendshapeName(static_cast<Blendshape>(channel));
    }
    if (channel >= kBlendshapeCount && channel < kMotionChannelCount) {
        return kAngleNames[size_t(channel - kBlendshapeCount)];
    }
    return {};
}

std::optional<int> motionChannelFromName(std::string_view name) {
    if (const std::optional<Blendshape> shape = blendshapeFromName(name)) {
        return static_cast<int>(*shape);
    }
    for (int i = kBlendshapeCount; i < kMotionChannelCount; ++i) {
        if (kAngleNames[size_t(i - kBlendshapeCount)] == name) {
            return i;
        }
    }
    return std::nullopt;
}

bool isAngleChannel(int channel) {
    return channel >= kBlendshapeCount && channel < kMotionChannelCount;
}

float channelMinimum(int channel) {
    return isAngleChannel(channel) ? -kMaxAngle_deg : 0.0f;
}

float channelMaximum(int channel) {
    return isAngleChannel(channel) ? kMaxAngle_deg : 1.0f;
}

ChannelValues channelsOf(const FaceState& state) {
    ChannelValues values{};
    std::copy(state.weights.begin(), state.weights.end(), values.begin());
    values[kHeadPitchChannel] = state.head_deg.x;
    values[kHeadYawChannel] = state.head_deg.y;
    values[kHeadRollChannel] = state.head_deg.z;
    values[kLeftEyeYawChannel] = state.left_eye_deg.x;
    values[kLeftEyePitchChannel] = state.left_eye_deg.y;
    values[kRightEyeYawChannel] = state.right_eye_deg.x;
    values[kRightEyePitchChannel] = state.right_eye_deg.y;
    return values;
}

void setChannels(FaceState& state, const ChannelValues& values) {
    std::copy(values.begin(), values.begin() + kBlendshapeCount, state.weights.begin());
    state.head_deg = {values[kHeadPitchChannel], values[kHeadYawChannel], values[kHeadRollChannel]};
    state.left_eye_deg = {values[kLeftEyeYawChannel], values[kLeftEyePitchChannel]};
    state.right_eye_deg = {values[kRightEyeYawChannel], values[kRightEyePitchChannel]};
}

}  // namespace ps
