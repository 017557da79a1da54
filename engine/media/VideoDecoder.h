// Reads the frames of any video FFmpeg can decode (MP4, MOV, MKV, WebM, AVI...; H.264, HEVC, VP9,
// AV1, ProRes...) one at a time, in presentation order, as upright BGR images with their
// presentation time: what the face tracker and, later, dubbing read. Memory stays at one frame.
// A decoder is used from one thread at a time; separate decoders are independent.
#pragma once

#include <memory>
#include <opencv2/core/mat.hpp>
#include <string>

#include "runtime/CancelToken.h"
#include "runtime/Result.h"

namespace ps {

struct VideoFrame {
    cv::Mat bgr;  // CV_8UC3, upright: the stream's display matrix (rotation, mirror) applied
    // Presentation time in seconds from the stream's start (the first frame is at 0 in almost
    // every file). Taken from each frame's own timestamp, so a variable frame rate shows as
    // uneven steps rather than being forced onto a grid.
    double time_s = 0.0;
};

struct VideoStreamInfo {
    std::string path;
    std::string codec_name;  // FFmpeg's short name: "h264", "hevc", "vp9"
    cv::Size size;           // of the upright frames, as read() returns them
    // The clockwise turn, in degrees (0, 90, 180, 270), that the display matrix asks for and
    // read() applies; `mirrored` when it also flips the picture left to right.
    int rotation_deg = 0;
    bool mirrored = false;
    double fps = 0.0;           // the container's average rate; 0 when it does not say
    double duration_s = 0.0;    // 0 when the container does not say
    long long frame_count = 0;  // the container's count, or an estimate from the duration; 0
                                // when neither is known (for progress only)
};

class VideoDecoder {
public:
    // Opens the file's best video stream. BadInput ("<path>: <problem>") when the file is
    // missing, empty, a folder, not a media file, has no video stream, or FFmpeg has no decoder
    // for its codec.
    static Result<std::unique_ptr<VideoDecoder>> open(const std::string& path);
    ~VideoDecoder();

    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    const VideoStreamInfo& info() const;

    // The next frame into *frame (its buffer is reused when it has the right size): true, or
    // false once the stream has ended. Damaged packets are skipped, as players do, and a
    // truncated file ends where it is cut; BadInput when the stream ends without a single frame
    // decoded, Cancelled when `cancel` is set.
    Result<bool> read(VideoFrame* frame, const CancelToken& cancel = CancelToken());

private:
    struct Impl;
    explicit VideoDecoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ps
