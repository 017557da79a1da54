// Which part of the face a capture layer drives, so a performance can be mixed with the voice
// region by region: the actor's brows and eyes over the voice's mouth, or the reverse.
#pragma once

#include <optional>
#include <string_view>

namespace ps {

enum class CaptureRegion {
    All,    // every channel: the whole face, the head and the gaze
    Upper,  // brows, eyes (blinks, squints, gaze), nose sneer and the head
    Lower,  // jaw, lips, cheeks and tongue: the mouth, with the voice's own mouth replaced
    Head,   // the head's pitch, yaw and roll only
};

// "all", "upper", "lower", "head": the names files and the command line use.
std::string_view captureRegionName(CaptureRegion region);
std::optional<CaptureRegion> captureRegionFromName(std::string_view name);

// Whether `region` includes the motion channel (a MotionChannel index).
bool captureRegionHas(CaptureRegion region, int channel);

}  // namespace ps
