// Streams video frames and audio into an MP4 (H.264 yuv420p + AAC, constant frame rate,
// +faststart). Everything is written to a temporary file in the destination's folder and renamed
// into place by finish(); a writer destroyed before finish() succeeded removes its temporary
// file, so a failed or cancelled export never leaves a partial file nor touches an existing one.
// Memory stays bounded: frames are encoded as they arrive.
#pragma once

#include <memory>
#include <opencv2/core/mat.hpp>
#include <string>

#include "media/VideoSettings.h"
#include "runtime/Result.h"

namespace ps {

class Mp4Writer {
public:
    // Checks the settings and that the destination folder is writable (BadInput otherwise),
    // then creates the temporary file and opens both encoders. `audio_channels` is 1 or 2 at
    // `audio_sample_rate_hz`; pass audio_channels = 0 for a video without sound.
    static Result<std::unique_ptr<Mp4Writer>> open(const std::string& output_path,
                                                   const VideoSettings& settings,
                                                   int audio_channels, int audio_sample_rate_hz);
    ~Mp4Writer();

    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    // A frame of exactly settings.width x settings.height, CV_8UC3 BGR.
    Status writeVideoFrame(const cv::Mat& bgr);
    // Interleaved float samples in [-1, 1]; any number of frames per call.
    Status writeAudio(const float* interleaved, long long frame_count);
    // Flushes both encoders, writes the index at the front (+faststart) and renames the file
    // into place, replacing any file already there only now that the new one is complete.
    Status finish();

    const std::string& outputPath() const;
    const std::string& temporaryPath() const;
    long long videoFramesWritten() const;

private:
    struct Impl;
    explicit Mp4Writer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ps
