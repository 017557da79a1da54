// The face track as JSON for scripts and other tools: the frame rate, the blendshape names once,
// then one object per frame with its time, the 52 weights in ARKit's order, and the head and
// eye angles in degrees.
//
//   {"fps": 25, "blendshape_names": ["eyeBlinkLeft", ...],
//    "frames": [{"t": 0.0, "blendshapes": [...52], "head_deg": {"pitch":..,"yaw":..,"roll":..},
//                "left_eye_deg": {"yaw":..,"pitch":..}, "right_eye_deg": {...}}, ...]}
#pragma once

#include <string>

#include "motion/FaceTrack.h"
#include "runtime/Result.h"

namespace ps {

std::string faceTrackJson(const FaceTrack& track);
Status writeFaceTrackJson(const FaceTrack& track, const std::string& path);

}  // namespace ps
