// A face state put onto the photo's fitted face: the frame's target for the renderer. The photo
// keeps its character (a smile, raised brows) and the state moves it: blinks, gaze and the
// expression shapes add to the photo's own weights; the shapes that open and shape the mouth for
// speech (jaw, lips, tongue) belong to the voice while the person speaks and ease back to the
// photo's own between phrases; `added` adds to the result; the head turns about its own axes from
// the photo's pose; the state's vertex offsets move the mesh after all of that.
//
// A state's weights mean what ARKit's mean, where the face at rest has its lips together (a
// bilabial is jawOpen 0.06 with mouthClose 0.06). MediaPipe's neutral mesh has them about 5 mm
// apart, so while the voice owns the mouth, mouthClose is raised by what brings this person's
// neutral lips together (lipsTogetherClose); mouthClose stops where the lips meet (FaceFit), so
// the extra never pushes them through each other.
#pragma once

#include "face/FaceFit.h"
#include "motion/FaceTrack.h"

namespace ps {

// The shapes the voice takes over while someone speaks (everything that opens, closes, rounds
// or presses the lips, and the tongue); the rest add to the photo's expression.
bool isSpeechShape(Blendshape shape);

// The mouthClose weight that brings the neutral lips of the face fitted to a photo (its identity
// and shape detail, without the photo's expression) together.
float lipsTogetherClose(const FaceFit& photo_fit);

FaceFit applyFaceState(const FaceFit& photo_fit, const FaceState& state);

}  // namespace ps
