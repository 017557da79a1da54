// Live Link Face's CSV layout, which the Blender, Unreal and Maya tools for iPhone face capture
// read: Timecode, BlendShapeCount, the 52 ARKit blendshapes under Live Link Face's capitalised
// names (EyeBlinkLeft ... TongueOut), then HeadYaw, HeadPitch, HeadRoll and each eye's yaw,
// pitch and roll, one row per frame.
//
// Angles in the file are radians, as the app records them: in its takes the eye pitch is about
// 0.2 where EyeLookUp is 0.47, and importers (Diffeomorphic's DAZ importer for Blender) hand the
// columns to Euler rotations unconverted. FaceState keeps degrees; the writer converts to
// radians and the reader back. Signs are copied as they are: in the app's takes the eyes look
// down for a positive pitch and toward the subject's left for a negative yaw; no take at hand
// showed the head's signs.
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

// A recording in this layout as a track. Columns are found by their header's name in any order
// (ARKit's own spelling, eyeBlinkLeft, is accepted too); a missing column reads as 0 and an
// unknown one is ignored, but Timecode is required. CRLF line ends and a byte-order mark are
// accepted.
//
// The frame rate comes from the timecodes: the largest frame number FF seen plus one, snapped
// up to 24, 25, 30, 50 or 60. That is the rate only once the take has crossed from one second
// into the next (a second's last frame has then been seen); a take that stays within one
// second is ambiguous and read at 60, Live Link Face's own rate. The sub-frame .mmm is ignored.
// Rows are placed at their timecode relative to the first row (takes start at the wall clock's
// time, 14:03:22:17) on a regular grid at that rate; a frame without a row holds the row before,
// and of two rows on one frame the later wins.
//
// BadInput naming `source` and the line for a file that is not this layout, a row with the wrong
// number of fields, a value that is not a finite number, a timecode that is malformed or goes
// back in time, or a take longer than four hours.
Result<FaceTrack> faceTrackFromLiveLinkCsv(const std::string& text, const std::string& source);

Result<FaceTrack> readLiveLinkCsv(const std::string& path);

}  // namespace ps
