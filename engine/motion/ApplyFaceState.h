// A face state put onto the photo's fitted face: the frame's target for the renderer. The photo
// keeps its character (a smile, raised brows) and the state moves it: blinks, gaze and the
// expression shapes add to the photo's own weights; the shapes that open and shape the mouth for
// speech (jaw, lips, tongue) belong to the voice while the person speaks and ease back to the
// photo's own between phrases; the head turns about its own axes from the photo's pose.
#pragma once

#include "face/FaceFit.h"
#include "motion/FaceTrack.h"

namespace ps {

// The shapes the voice takes over while someone speaks (everything that opens, closes, rounds
// or presses the lips, and the tongue); the rest add to the photo's expression.
bool isSpeechShape(Blendshape shape);

FaceFit applyFaceState(const FaceFit& photo_fit, const FaceState& state);

}  // namespace ps
