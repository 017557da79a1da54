// The face a frame of the preview shows, as the editors on it need it: the playback motion (the
// document with the timeline's mutes applied) evaluated over the engine's sources at a frame's
// time and put on the photo's fit. The landmark editor places its falloff circle on it and the
// head-pose gizmo sits on its head.
#pragma once

#include <optional>

#include "face/FaceFit.h"
#include "motion/MotionDocument.h"

namespace ps::ui {

class PreviewEngine;

// nullopt until the photo is fitted and the voice's motion is made.
std::optional<ps::FaceFit> shownFace(const PreviewEngine& engine,
                                     const ps::MotionDocument& playback_motion, double t_s,
                                     double frame_duration_s);

}  // namespace ps::ui
