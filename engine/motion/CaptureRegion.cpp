#include "motion/CaptureRegion.h"

#include "face/Blendshapes.h"
#include "motion/MotionChannel.h"

namespace ps {

namespace {

bool isHead(int channel) {
    return channel == kHeadPitchChannel || channel == kHeadYawChannel ||
           channel == kHeadRollChannel;
}

// The upper face's shapes: ARKit's eye block, the brows and the nose (a sneer goes with lowered
// brows, not with the lips).
bool isUpperShape(int channel) {
    if (channel < 0 || channel >= kBlendshapeCount) {
        return false;
    }
    const auto shape = static_cast<Blendshape>(channel);
    return channel <= int(Blendshape::EyeWideRight) ||
           (shape >= Blendshape::BrowDownLeft && shape <= Blendshape::BrowOuterUpRight) ||
           shape == Blendshape::NoseSneerLeft || shape == Blendshape::NoseSneerRight;
}

}  // namespace

std::string_view captureRegionName(CaptureRegion region) {
    switch (region) {
        case CaptureRegion::All:
            return "all";
        case CaptureRegion::Upper:
            return "upper";
        case CaptureRegion::Lower:
            return "lower";
        case CaptureRegion::Head:
            return "head";
    }
    return "all";
}

std::optional<CaptureRegion> captureRegionFromName(std::string_view name) {
    for (CaptureRegion region :
         {CaptureRegion::All, CaptureRegion::Upper, CaptureRegion::Lower, CaptureRegion::Head}) {
        if (captureRegionName(region) == name) {
            return region;
        }
    }
    return std::nullopt;
}

bool captureRegionHas(CaptureRegion region, int channel) {
    if (channel < 0 || channel >= kMotionChannelCount) {
        return false;
    }
    const bool eye_angle = channel >= kLeftEyeYawChannel;
    switch (region) {
        case CaptureRegion::All:
            return true;
        case CaptureRegion::Upper:
            return isUpperShape(channel) || isHead(channel) || eye_angle;
        case CaptureRegion::Lower:
            return channel < kBlendshapeCount && !isUpperShape(channel);
        case CaptureRegion::Head:
            return isHead(channel);
    }
    return false;
}

}  // namespace ps
