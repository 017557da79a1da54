// The voice model's training targets: from the phonemes of an utterance and their times, the
// mouth at every video frame, as a person would move it. Each phoneme pulls the mouth towards
// its pose (VisemePose) with a strength that fades with distance in time, and the frame shows
// the strength-weighted mix (dominance blending, after Cohen and Massaro), so sounds shade into
// each other the way real articulators do. A few facts are then imposed exactly: the lips meet
// for every p, b and m, the lower lip stays tucked for f and v, and the mouth is at rest in
// long pauses.
#pragma once

#include <string>
#include <vector>

#include "runtime/Result.h"
#include "train/PhonemeTimeline.h"
#include "voice/MouthChannels.h"

namespace ps::train {

// Silences longer than this are pauses in which the mouth comes fully to rest; shorter ones
// (between words, before a stop) only relax it part of the way. The lip-sync score measures rest
// over the same pauses.
inline constexpr double kLongPauseSeconds = 0.3;

struct MouthFrame {
    MouthWeights weights{};     // in kMouthChannels' order, each in [0, 1]
    float speech_activity = 0;  // 1 in speech, 0 in pauses, eased over about 60 ms at the edges
    // How fully the lips are held together for a p, b or m (0..1, eased like the seal itself):
    // the voice model learns this as an output of its own (kLipClosureChannel).
    float lips_closed = 0;
};

struct MouthTargets {
    double fps = 0.0;
    std::vector<MouthFrame> frames;  // frame k shows the mouth at t = k / fps
    // Phoneme names the classifier did not know, each once, in order of first appearance: their
    // targets are guesses, and the corpus' report should say so.
    std::vector<std::string> unrecognised_phonemes;
};

// The targets for an utterance of `duration_s` seconds at `fps` frames per second:
// round(duration_s × fps) frames, at least one. Phonemes past the end still shape the last
// frames. Fails on a non-positive frame rate, a negative duration, or a timeline whose segments
// are out of order, overlap by more than a millisecond, or end before they start.
Result<MouthTargets> buildMouthTargets(const PhonemeTimeline& timeline, double duration_s,
                                       double fps);

}  // namespace ps::train
