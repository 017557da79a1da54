#include "ui/LaneStates.h"

#include <algorithm>

namespace ps::ui {

bool LaneStates::anySoloed() const {
    return std::any_of(flags_.begin(), flags_.end(), [](const LaneFlags& f) { return f.soloed; });
}

bool LaneStates::isAudible(Lane lane) const {
    const LaneFlags f = flags(lane);
    return !f.muted && (!anySoloed() || f.soloed);
}

Lane laneOf(const ps::ExpressionClip& clip) {
    return clip.expression.kind == ps::TemplateKind::Pose ? Lane::Poses : Lane::Expressions;
}

ps::MotionDocument LaneStates::apply(const ps::MotionDocument& document) const {
    ps::MotionDocument out = document;
    out.voice.enabled = out.voice.enabled && isAudible(Lane::Voice);
    // The viseme overrides sit in the voice's lane, under its waveform.
    for (ps::VisemeOverride& viseme : out.visemes) {
        viseme.enabled = viseme.enabled && isAudible(Lane::Voice);
    }
    out.idle.enabled = out.idle.enabled && isAudible(Lane::Idle);
    for (ps::ExpressionClip& clip : out.clips) {
        clip.enabled = clip.enabled && isAudible(laneOf(clip));
    }
    for (ps::CaptureLayer& capture : out.captures) {
        capture.enabled = capture.enabled && isAudible(Lane::Captures);
    }
    for (ps::KeyframeCurve& curve : out.curves) {
        curve.enabled = curve.enabled && isAudible(Lane::Curves);
    }
    for (ps::LandmarkSculpt& sculpt : out.sculpts) {
        sculpt.enabled = sculpt.enabled && isAudible(Lane::Sculpts);
    }
    return out;
}

}  // namespace ps::ui
