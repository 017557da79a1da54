// Drives a whole export: asks a frame source for each frame, feeds the audio alongside it,
// reports progress with a time-left estimate, and stops cleanly when cancelled.
#pragma once

#include <functional>
#include <opencv2/core/mat.hpp>
#include <string>

#include "media/AudioClip.h"
#include "media/VideoSettings.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"

namespace ps {

// Returns frame `index` (at time index / fps seconds) as CV_8UC3 BGR of the export's size.
using FrameSource = std::function<Result<cv::Mat>(long long index, double time_s)>;

struct ExportSummary {
    std::string path;
    long long frame_count = 0;
    double duration_s = 0.0;
};

// The video lasts as long as `audio` (frameCountFor(audio.duration_s(), fps) frames) and carries
// audio.playback as its sound. On error or cancellation nothing is left at `output_path` that was
// not there before.
Result<ExportSummary> exportMp4(const std::string& output_path, const VideoSettings& settings,
                                const AudioClip& audio, const FrameSource& frames,
                                const ProgressFn& progress, const CancelToken& cancel);

}  // namespace ps
