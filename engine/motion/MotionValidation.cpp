#include "motion/MotionValidation.h"

#include <cmath>

#include "face/FaceMesh.h"
#include "motion/MotionChannel.h"

namespace ps {

namespace {

bool isNonNegative(double value) {
    return std::isfinite(value) && value >= 0.0;
}

// How far past the document's end an override may reach: the audio's length is known to a
// frame or so, and an override dragged to the end should not be refused for a hair.
constexpr double kVisemePastEnd_s = 1.0;

// The fastest idle blinking BlinkSchedule can place (its 0.5 s gap, a third spare).
constexpr double kMaxBlinksPerMin = 80.0;

}  // namespace

std::string problemWith(const ExpressionTemplate& expression) {
    if (expression.name.empty()) {
        return "its template has no name";
    }
    if (!isNonNegative(expression.duration_s)) {
        return "its template's duration must be 0 s or more";
    }
    for (const TemplateChannel& channel : expression.channels) {
        if (motionChannelName(channel.channel).empty()) {
            return "its template names an unknown channel";
        }
        if (channel.keys.empty() || !keysAreValid(channel.keys)) {
            return "its template's channel " + std::string(motionChannelName(channel.channel)) +
                   " needs keys in increasing time";
        }
    }
    return {};
}

std::string problemWith(const ExpressionClip& clip) {
    if (!(std::isfinite(clip.start_s))) {
        return "its start is not a number";
    }
    if (!(isNonNegative(clip.duration_s) && clip.duration_s > 0.0)) {
        return "its duration must be more than 0 s";
    }
    if (!isNonNegative(clip.fade_in_s) || !isNonNegative(clip.fade_out_s)) {
        return "its fades must be 0 s or more";
    }
    if (!std::isfinite(clip.intensity)) {
        return "its intensity is not a number";
    }
    return problemWith(clip.expression);
}

std::string problemWith(const CaptureLayer& capture) {
    if (!std::isfinite(capture.start_s)) {
        return "its start is not a number";
    }
    if (!(capture.track.fps > 0.0 && std::isfinite(capture.track.fps))) {
        return "its recording has no frame rate";
    }
    if (!isNonNegative(capture.strength)) {
        return "its strength must be 0 or more";
    }
    return {};
}

std::string problemWith(const KeyframeCurve& curve) {
    if (motionChannelName(curve.channel).empty()) {
        return "its channel is unknown";
    }
    if (!keysAreValid(curve.keys)) {
        return "its keys must be finite and in increasing time";
    }
    return {};
}

std::string problemWith(const LandmarkSculpt& sculpt) {
    if (sculpt.center_vertex < 0 || sculpt.center_vertex >= kFaceVertexCount) {
        return "its centre is not one of the mesh's " + std::to_string(kFaceVertexCount) +
               " vertices";
    }
    if (!(std::isfinite(sculpt.radius_cm) && sculpt.radius_cm > 0.0f)) {
        return "its radius must be more than 0 cm";
    }
    if (!std::isfinite(sculpt.offset_cm.x) || !std::isfinite(sculpt.offset_cm.y) ||
        !std::isfinite(sculpt.offset_cm.z)) {
        return "its offset is not a number";
    }
    if (!keysAreValid(sculpt.strength)) {
        return "its strength keys must be finite and in increasing time";
    }
    return {};
}

std::string problemWith(const VisemeOverride& viseme, double duration_s) {
    if (!std::isfinite(viseme.start_s) || !std::isfinite(viseme.end_s)) {
        return "its start or end is not a number";
    }
    if (!(viseme.end_s > viseme.start_s)) {
        return "its end must be after its start";
    }
    if (viseme.start_s < 0.0 || viseme.end_s > duration_s + kVisemePastEnd_s) {
        return "it must lie within the motion (0 s to " + std::to_string(duration_s) + " s)";
    }
    if (!isValidMouthShape(viseme.shape)) {
        return "its mouth shape is unknown";
    }
    return {};
}

std::string problemWith(const MotionStrengths& strengths) {
    for (float value :
         {strengths.lips, strengths.expressions, strengths.head, strengths.blink_rate}) {
        if (!isNonNegative(value)) {
            return "strengths must be 0 or more";
        }
    }
    return {};
}

std::string problemWith(const VoiceLayerSettings& voice) {
    if (!isNonNegative(voice.nods) || !isNonNegative(voice.head_follow)) {
        return "the voice's head motion must be 0 or more";
    }
    return {};
}

std::string problemWith(const IdleLayerSettings& idle) {
    if (!isNonNegative(idle.blinks_per_min) || idle.blinks_per_min > kMaxBlinksPerMin) {
        return "blinks per minute must be between 0 and " + std::to_string(int(kMaxBlinksPerMin));
    }
    if (!isNonNegative(idle.sway)) {
        return "the sway must be 0 or more";
    }
    return {};
}

}  // namespace ps
