// Live Link Face's CSV layout, which the Blender, Unreal and Maya tools for iPhone face capture
// read: Timecode, BlendShapeCount, the 52 ARKit blendshapes in ARKit's order under Live Link
// Face's capitalised names (EyeBlinkLeft ... TongueOut), then HeadYaw, HeadPitch, HeadRoll and
// each eye's yaw, pitch and roll, one row per frame. Angles are written in degrees.
#pragma once

#include <string>

#include "motion/FaceTrack.h"
#include "runtime/Result.h"

namespace ps {

// The header row, without a line break.
std::string liveLinkCsvHeader();

// The whole file's text. Timecodes are HH:MM:SS:FF.mmm from t = 0, FF being the frame within its
// second at the track's rate (rounded up for 23.976 and 29.97, as timecode does) and .mmm the
// sub-frame, always .000 here.
std::string liveLinkCsv(const FaceTrack& track);

// Writes liveLinkCsv(track) to `path` atomically.
Status writeLiveLinkCsv(const FaceTrack& track, const std::string& path);

}  // namespace ps
