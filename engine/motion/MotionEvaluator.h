// The motion document at a moment: its layers applied in order (MotionDocument.h) over the
// derived voice and idle tracks, into the FaceState every renderer reads. Pure and cheap (well
// under 50 µs a frame; `portrait-studio bench motion`), so scrubbing evaluates on the spot.
//
// How the layers meet the photo's own mouth (applyFaceState): the speech shapes belong to the
// voice while the person speaks (FaceState::speech). Clips, captures and curves that add to a
// speech shape add on top of whatever the mouth is doing (FaceState::added), so a surprise clip
// opens the photo's mouth in silence too; one that overrides a speech shape takes the whole mouth
// for as long, and as much, as it acts.
#pragma once

#include "motion/FaceTrack.h"
#include "motion/MotionDocument.h"
#include "motion/MotionSources.h"

namespace ps {

// `frame_s`: how long the frame shown at t lasts (0 for an instant): blinks shorter than a frame
// still show closed in it.
FaceState evaluateMotion(const MotionDocument& document, const MotionSources& sources, double t_s,
                         double frame_s = 0.0);

// One state per frame at `fps` over the document's duration (frameCountFor), from t = 0: what an
// export renders and what a Live Link Face CSV of the document holds. For the CSV, absolute
// weights are `weights + added` (see liveLinkTrack).
FaceTrack motionTrack(const MotionDocument& document, const MotionSources& sources, FrameRate fps);

// The track with each state's `added` folded into its weights (clamped to 0..1) and its speech
// cleared: the face as absolute ARKit weights, for other tools.
FaceTrack absoluteWeightsTrack(const FaceTrack& track);

// The weight an expression clip has at t: its intensity, eased in and out over its fades; 0
// outside it.
float clipWeightAt(const ExpressionClip& clip, double t_s);

// Each vertex's share (0..1) of a sculpt centred on `center_vertex`, by distance on the
// canonical neutral mesh: 1 at the centre, falling smoothly to 0 at radius_cm.
std::vector<float> sculptFalloff(int center_vertex, float radius_cm);

}  // namespace ps
