// A video's face followed from start to end (FaceTracker on every decoded frame) and put on a
// regular grid at the studio's frame rate nearest the video's: the performance `track` writes
// and a driving video's capture is retargeted from. Since the whole take is there before it is
// read, two things are done that a live tracker cannot: the landmarks are smoothed forwards and
// backwards (a Gaussian at kDefaultSmoothCutoff_hz, so nothing lags; the lids, which the Iris
// network places, are left sharp for blinks), and every frame is fitted to one face for the
// whole take (TakeFit.h) instead of each to its own.
#pragma once

#include <string>
#include <vector>

#include "face/FaceNetworks.h"
#include "face/FaceTracker.h"
#include "media/FrameRate.h"
#include "motion/Retarget.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"

namespace ps {

struct TrackedVideo {
    FrameRate rate = FrameRate::Fps25;
    // One frame per grid step from t = 0: absolute head angles (the camera's frame) and the 52
    // blendshapes; a frame where the face is not seen holds the nearest tracked frame's values
    // (the one before, or after for frames before the face is first seen) and is flagged.
    Performance performance;
    std::vector<float> confidence;  // the network's face score per grid frame; 0 where not seen
    size_t video_frames = 0;        // decoded frames
    size_t frames_with_face = 0;    // of those
    long long detections = 0;       // frames where the face was looked for afresh
};

// The rate of the studio nearest the video's average, or 25 when the video does not say.
FrameRate nearestStudioRate(double video_fps);

// BadInput (naming the video) when it cannot be read; NoFace when no frame shows the face asked
// for; Cancelled when `cancel` is set. Progress goes from 0 to 1 over the decoded frames.
Result<TrackedVideo> trackVideo(const std::string& video_path, const FaceNetworks& networks,
                                const FaceTrackerSettings& settings, const CancelToken& cancel,
                                const ProgressFn& progress = {});

}  // namespace ps
