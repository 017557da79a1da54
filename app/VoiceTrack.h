// What `motion` and `render` share: the options that shape the face that goes with a voice
// (which voice model, how strongly the lips, head and blinks move, the seed) and the pipeline
// from a decoded voice to its FaceTrack.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ArgumentParser.h"
#include "media/AudioClip.h"
#include "motion/FaceTrack.h"
#include "motion/MotionDocument.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"
#include "voice/SpeechMotion.h"
#include "voice/VoiceToFace.h"

namespace ps::app {

// --model, --lips, --head, --blinks, --seed: appended to a command's own options.
std::vector<OptionSpec> voiceOptionSpecs();

struct VoiceRequest {
    std::string model_path;
    SpeechMotionSettings motion;
};

// Reads the options voiceOptionSpecs() declares; nullopt with `error` naming the option.
std::optional<VoiceRequest> readVoiceRequest(const ParsedOptions& options, FrameRate fps,
                                             std::string* error);

// The first of voiceOptionSpecs()'s options given, or nullopt: a project carries these settings
// itself, so they are refused alongside --project.
std::optional<std::string> firstVoiceOptionGiven(const ParsedOptions& options);

// The motion document a new project would have for this voice, with the request's settings:
// what `render` and `motion` run, so they match the studio's export of an unedited project.
MotionDocument documentFor(const VoiceRequest& request, double duration_s);

// Voice model, prosody, head motion and blinks, for the whole of `audio`, through documentFor.
Result<FaceTrack> faceTrackForVoice(const AudioClip& audio, const VoiceRequest& request,
                                    const CancelToken& cancel, const ProgressFn& progress = {});

}  // namespace ps::app
