#include "motion/DocumentTrack.h"

#include "motion/MotionEvaluator.h"
#include "motion/MotionSources.h"

namespace ps {

Result<FaceTrack> documentTrack(const MotionDocument& document, const AudioClip* audio,
                                FrameRate fps, const CancelToken& cancel,
                                const ProgressFn& progress) {
    Result<MotionSources> sources = makeMotionSources(document, audio, cancel, progress);
    if (!sources.ok()) {
        return sources.error();
    }
    if (cancel.cancelled()) {
        return cancelled();
    }
    return motionTrack(document, *sources, fps);
}

}  // namespace ps
