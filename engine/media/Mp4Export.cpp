#include "media/Mp4Export.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>

#include "media/Mp4Writer.h"

namespace ps {

namespace {

// Often enough for a smooth bar, rarely enough that a fast export does not flood the UI thread.
constexpr std::chrono::milliseconds kProgressInterval{100};

// Index of the first audio sample frame at or after the end of video frame `frame_index`, so the
// audio fed after each video frame covers exactly the time that frame has been shown.
int64_t audioEndForFrame(long long frame_index, Rational fps, int sample_rate_hz) {
    return (static_cast<int64_t>(frame_index) + 1) * fps.den * sample_rate_hz / fps.num;
}

Result<cv::Mat> renderFrame(const FrameSource& frames, long long index, double time_s) {
    // Exceptions do not cross module boundaries (DESIGN.md); a renderer's becomes an error here.
    try {
        return frames(index, time_s);
    } catch (const std::exception& e) {
        return internalError("Rendering frame " + std::to_string(index) + " failed: " + e.what());
    } catch (...) {
        return internalError("Rendering frame " + std::to_string(index) + " failed.");
    }
}

class ThrottledProgress {
public:
    ThrottledProgress(const ProgressFn& report, double total_units)
        : report_(report), estimator_(total_units) {}

    void update(double done_units) {
        const auto now = ProgressEstimator::Clock::now();
        if (!report_ || (reported_ && now - last_ < kProgressInterval)) {
            return;
        }
        reported_ = true;
        last_ = now;
        report_(estimator_.update(done_units, now));
    }
    void finished(double total_units) {
        if (report_) {
            report_(estimator_.update(total_units));
        }
    }

private:
    const ProgressFn& report_;
    ProgressEstimator estimator_;
    ProgressEstimator::Clock::time_point last_{};
    bool reported_ = false;
};

}  // namespace

Result<ExportSummary> exportMp4(const std::string& output_path, const VideoSettings& settings,
                                const AudioClip& audio, const FrameSource& frames,
                                const ProgressFn& progress, const CancelToken& cancel) {
    const PcmBuffer& pcm = audio.playback;
    const int64_t total_samples = pcm.frameCount();
    if (total_samples > 0 && (pcm.channels < 1 || pcm.channels > 2)) {
        const std::string problem = "has " + std::to_string(pcm.channels) +
                                    " channels; only mono or stereo can be exported.";
        if (audio.source.path.empty()) {
            return Error{ErrorKind::BadInput, "The audio " + problem};
        }
        return badInput(audio.source.path, problem);
    }
    if (!frames) {
        return internalError("The export of " + output_path + " was given no frames to write.");
    }
    const int channels = total_samples > 0 ? pcm.channels : 0;
    Result<std::unique_ptr<Mp4Writer>> opened =
        Mp4Writer::open(output_path, settings, channels, pcm.sample_rate_hz);
    if (!opened) {
        return opened.error();
    }
    // On every early return below, the writer's destructor removes its temporary file.
    Mp4Writer& writer = *opened.value();

    const Rational fps = frameRateRational(settings.fps);
    const long long frame_count = frameCountFor(audio.duration_s(), settings.fps);
    // One more unit than frames: flushing the encoders and moving the index to the front is work
    // too, and 1.0 should mean the file is in place.
    const double total_units = static_cast<double>(frame_count) + 1.0;
    ThrottledProgress reporter(progress, total_units);
    reporter.update(0.0);

    int64_t samples_written = 0;
    for (long long i = 0; i < frame_count; ++i) {
        if (cancel.cancelled()) {
            return cancelled();
        }
        const double time_s = static_cast<double>(i) * fps.den / fps.num;
        Result<cv::Mat> frame = renderFrame(frames, i, time_s);
        if (!frame) {
            return frame.error();
        }
        if (Status status = writer.writeVideoFrame(frame.value()); !status) {
            return status.error();
        }
        if (channels > 0) {
            const int64_t end =
                i + 1 == frame_count
                    ? total_samples
                    : std::min(total_samples, audioEndForFrame(i, fps, pcm.sample_rate_hz));
            if (end > samples_written) {
                const float* from = pcm.samples.data() + samples_written * channels;
                if (Status status = writer.writeAudio(from, end - samples_written); !status) {
                    return status.error();
                }
                samples_written = end;
            }
        }
        reporter.update(static_cast<double>(i + 1));
    }
    if (cancel.cancelled()) {
        return cancelled();
    }
    if (Status status = writer.finish(); !status) {
        return status.error();
    }
    reporter.finished(total_units);

    ExportSummary summary;
    summary.path = output_path;
    summary.frame_count = frame_count;
    summary.duration_s = static_cast<double>(frame_count) * fps.den / fps.num;
    return summary;
}

}  // namespace ps
