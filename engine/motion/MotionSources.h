// The motion document's derived layers: what the audio base (layer 1) and the idle motion
// (layer 2) are at each moment, computed from the audio and the layers' settings and kept until
// those change. They are caches, never saved: a project regenerates them when it opens.
//
// The voice's track holds the mouth, the speech activity and the voice's own head motion (nods,
// movement with loudness); the idle track holds blinks (drawn into the voice's pauses) and the
// slow sway, so each can be switched off or scaled on its own. Both are sampled at
// kMotionSourceFps and read between samples by linear interpolation.
#pragma once

#include <vector>

#include "media/AudioClip.h"
#include "media/FrameRate.h"
#include "motion/FaceTrack.h"
#include "motion/MotionDocument.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"
#include "voice/Prosody.h"

namespace ps {

constexpr FrameRate kMotionSourceRate = FrameRate::Fps60;

struct VoiceSource {
    FaceTrack track;  // empty when there is no audio
    Prosody prosody;  // the voice's pauses place the idle blinks; its silence shapes the sway
    VoiceLayerSettings made_with;
};

struct IdleSource {
    FaceTrack track;
    IdleLayerSettings made_with;
    float blink_rate_made_with = 1.0f;
    double duration_made_with_s = 0.0;
};

struct MotionSources {
    VoiceSource voice;
    IdleSource idle;
};

// Runs the voice model (settings.model_path, or the built-in one) over the audio. BadInput
// naming the model when it cannot be used; Cancelled when asked.
Result<VoiceSource> makeVoiceSource(const AudioClip& audio, const VoiceLayerSettings& settings,
                                    const CancelToken& cancel, const ProgressFn& progress = {});

// A voice source for a document without audio: no voice motion, one long pause.
VoiceSource silentVoiceSource(double duration_s);

// Blinks and sway over `duration_s`, blinks drawn into the voice's pauses. Cheap (well under a
// millisecond per minute), so the studio remakes it on the spot when a setting changes.
Result<IdleSource> makeIdleSource(const Prosody& voice_prosody, double duration_s,
                                  const IdleLayerSettings& settings, float blink_rate);

// Both layers for `document`, the voice's from `audio` (nullptr: a document without audio).
Result<MotionSources> makeMotionSources(const MotionDocument& document, const AudioClip* audio,
                                        const CancelToken& cancel, const ProgressFn& progress = {});

// Whether the sources still match the document, layer by layer.
bool voiceSourceIsCurrent(const VoiceSource& source, const MotionDocument& document);
bool idleSourceIsCurrent(const IdleSource& source, const MotionDocument& document);

// The track's state at t, linearly between its samples; held before the first and after the
// last; a default state for an empty track.
FaceState sampleTrack(const FaceTrack& track, double t_s);

}  // namespace ps
