// Mouth shapes a person can read and place: the few visemes a viewer tells apart (lips shut,
// open, spread, rounded, the lower lip under the teeth, at rest). The voice's own mouth is
// classified into them for the timeline's viseme lane, and a viseme override (MotionDocument)
// imposes one over the voice. Pure, no Qt.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "face/Blendshapes.h"
#include "motion/FaceTrack.h"

namespace ps {

// Rest comes first (not a "none"): every value is a real shape, and the order is the lane's.
enum class MouthShape { Rest, Closed, Open, Wide, Rounded, TeethOnLip };
inline constexpr int kMouthShapeCount = 6;

// "rest", "closed", "open", "wide", "rounded", "teethOnLip": stable keys for project files.
const char* mouthShapeKey(MouthShape shape);
std::optional<MouthShape> mouthShapeFromKey(std::string_view key);
// Whether `shape` is one of the six (a value read from elsewhere may not be).
bool isValidMouthShape(MouthShape shape);

// The shape `weights` (ARKit's 52) show, `speech` the frame's speaking activity (0..1).
MouthShape classifyMouth(const BlendshapeWeights& weights, float speech);

// A run of the voice's mouth in one shape, [start_s, end_s).
struct VisemeSegment {
    double start_s;
    double end_s;
    MouthShape shape;
};

// The voice's own track (VoiceSource::track) as runs of shapes: frames classified, equal
// neighbours merged, runs shorter than `min_s` absorbed into a neighbour; the runs cover
// [0, track duration] without gaps, in time order. Empty for an empty track.
std::vector<VisemeSegment> visemeSegments(const FaceTrack& voice_track, double min_s = 0.06);

// The weights an override of `shape` puts in place of `voice` (the voice's weights at that
// moment): every mouth shape (the voice model's channels and the speech shapes) is set, the rest
// copied. Closed seals the voice's own mouth (LipSeal, so an m before u stays rounded); Rest
// is every mouth shape at 0. classifyMouth(mouthForShape(s, any), 1) == s for every s.
BlendshapeWeights mouthForShape(MouthShape shape, const BlendshapeWeights& voice);

// Whether a blendshape is one mouthForShape sets (kMouthChannels or isSpeechShape).
bool isOverriddenMouthShape(Blendshape shape);

}  // namespace ps
