// From a decoded voice to the face that goes with it: the voice model's mouth, prosody's head
// motion and blinks, as one FaceTrack at the video's frame rate. What `render`, `motion` and
// the studio's export all run.
#pragma once

#include <string>

#include "media/AudioClip.h"
#include "motion/FaceTrack.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"
#include "voice/Prosody.h"
#include "voice/SpeechMotion.h"
#include "voice/VoiceModel.h"

namespace ps {

// The built-in model's weights: beside an installed binary (../share/portrait-studio/voice/),
// else in the source tree the program was built from.
std::string defaultVoiceModelPath();

// What the voice model and prosody make of a voice, before it becomes motion.
struct VoiceAnalysis {
    MouthTrack mouth;
    Prosody prosody;
};

// BadInput naming the model file when it cannot be used; Cancelled when `cancel` is set.
// `progress` covers the voice model's pass, the longest part.
Result<VoiceAnalysis> analyseVoice(const AudioClip& audio, const std::string& model_path,
                                   const CancelToken& cancel, const ProgressFn& progress = {});

// analyseVoice, then speechMotion.
// `progress` covers the voice model's pass, the longest part.
Result<FaceTrack> faceTrackForVoice(const AudioClip& audio, const std::string& model_path,
                                    const SpeechMotionSettings& settings, const CancelToken& cancel,
                                    const ProgressFn& progress = {});

}  // namespace ps
