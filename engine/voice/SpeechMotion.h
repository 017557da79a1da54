// The face that goes with a voice, frame by frame: the voice model's mouth, head motion from
// the voice's prosody, and blinks, gathered into one FaceTrack at the video's frame rate. This
// is the base layer a creator edits (and what `portrait-studio motion` writes).
#pragma once

#include "media/FrameRate.h"
#include "motion/FaceTrack.h"
#include "runtime/Result.h"
#include "voice/BlinkSchedule.h"
#include "voice/HeadMotion.h"
#include "voice/Prosody.h"
#include "voice/VoiceModel.h"

namespace ps {

struct SpeechMotionSettings {
    FrameRate fps = FrameRate::Fps25;
    float lips = 1.0f;  // scales the mouth's movement away from rest
    HeadMotionSettings head;
    BlinkSettings blinks;
};

// frameCountFor(prosody.duration_s, fps) frames from t = 0.
Result<FaceTrack> speechMotion(const MouthTrack& mouth, const Prosody& prosody,
                               const SpeechMotionSettings& settings);

}  // namespace ps
