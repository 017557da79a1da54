// Closures that complete: every p, b and m the voice model hears is shown with the lips
// together on at least one video frame, at any frame rate. The model's lip-closure output rises
// for a bilabial however unlike its training speech the voice is, but on such voices it often
// stops short of certainty, and a partial seal leaves the lips a little apart: mumbling. So each
// rise of that output is read as one closure event, and the event is sealed fully, however high
// it rose, over the frames where it stands above half its peak. A closure can be shorter than a
// video frame (30 ms against 42 ms at 24 fps), so the frame nearest its peak is sealed as well.
// Frames away from a closure keep the model's own mouth, so the vowels beside it keep their
// opening.
#pragma once

#include <vector>

#include "voice/MouthChannels.h"

namespace ps {

struct MouthTrack;

struct LipClosure {
    double start_s = 0.0;  // first and last moments above half the peak
    double end_s = 0.0;
    double peak_s = 0.0;
    float peak = 0.0f;  // the model's lip-closure output at the peak, 0..1
};

// The model's lip-closure output rises at least this high for a closure to count: below it, the
// rise is the lips' ordinary narrowing between sounds. Calibrated on held-out festival and flite
// voices (FestivalSpeech.h) against their segment timings; never on the reserved ones.
inline constexpr float kLipClosureThreshold = 0.3f;

// The closure events in `closure` (one value per frame at `frame_rate_hz`), in time order: each
// a local peak of at least `threshold`, apart from the next by a dip below half of the
// lower peak.
std::vector<LipClosure> findLipClosures(const std::vector<float>& closure, double frame_rate_hz,
                                        float threshold = kLipClosureThreshold);

// The mouth of `track` at `count` frames of `fps` from t = 0: the model's mouth, sealed fully
// on every frame within a closure event and on the frame nearest each event's peak.
std::vector<MouthWeights> mouthFrames(const MouthTrack& track, double fps, long long count,
                                      float threshold = kLipClosureThreshold);

}  // namespace ps
