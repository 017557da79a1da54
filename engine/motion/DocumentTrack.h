// A motion document made into the face track a video renders: its derived layers made from the
// voice (MotionSources), then every frame evaluated (MotionEvaluator). What `render --project`
// and the studio's export run.
#pragma once

#include "media/AudioClip.h"
#include "media/FrameRate.h"
#include "motion/FaceTrack.h"
#include "motion/MotionDocument.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"

namespace ps {

// `audio` may be null (a document without a voice). `progress` covers the voice model's pass.
Result<FaceTrack> documentTrack(const MotionDocument& document, const AudioClip* audio,
                                FrameRate fps, const CancelToken& cancel,
                                const ProgressFn& progress = {});

}  // namespace ps
