#include "motion/TrackVideo.h"

#include <algorithm>
#include <cmath>

#include "media/VideoDecoder.h"

namespace ps {

namespace {

// One decoded frame's result.
struct DecodedFace {
    double time_s = 0.0;
    bool found = false;
    float confidence = 0.0f;
    FaceState state;
};

// The frames on a regular grid at `fps` from t = 0: each takes the decoded frame nearest in time,
// and a frame without a face holds the nearest tracked frame before it (after it, for those
// before the face is first seen).
std::vector<DecodedFace> onGrid(const std::vector<DecodedFace>& frames, double fps) {
    std::vector<DecodedFace> grid;
    if (frames.empty()) {
        return grid;
    }
    const long long count = std::max(1LL, (long long)std::llround(frames.back().time_s * fps) + 1);
    size_t nearest = 0;
    for (long long k = 0; k < count; ++k) {
        const double t = double(k) / fps;
        while (nearest + 1 < frames.size() &&
               std::abs(frames[nearest + 1].time_s - t) <= std::abs(frames[nearest].time_s - t)) {
            ++nearest;
        }
        grid.push_back(frames[nearest]);
    }
    const auto first_found =
        std::find_if(grid.begin(), grid.end(), [](const DecodedFace& f) { return f.found; });
    const FaceState* held = first_found != grid.end() ? &first_found->state : nullptr;
    for (DecodedFace& frame : grid) {
        if (frame.found) {
            held = &frame.state;
        } else if (held != nullptr) {
            frame.state = *held;
        }
    }
    return grid;
}

}  // namespace

FrameRate nearestStudioRate(double video_fps) {
    FrameRate best = FrameRate::Fps25;
    if (!(video_fps > 0.0)) {
        return best;
    }
    double distance = 1e9;
    for (FrameRate rate : allFrameRates()) {
        const double d = std::abs(frameRateRational(rate).value() - video_fps);
        if (d < distance) {
            distance = d;
            best = rate;
        }
    }
    return best;
}

Result<TrackedVideo> trackVideo(const std::string& video_path, const FaceNetworks& networks,
                                const FaceTrackerSettings& settings, const CancelToken& cancel,
                                const ProgressFn& progress) {
    Result<std::unique_ptr<VideoDecoder>> decoder = VideoDecoder::open(video_path);
    if (!decoder) {
        return decoder.error();
    }
    FaceTracker tracker(networks, settings);
    TrackedVideo out;
    std::vector<DecodedFace> frames;
    const VideoStreamInfo& info = (*decoder)->info();
    const ProgressEstimator estimator(double(std::max(1LL, info.frame_count)));
    VideoFrame frame;
    for (;;) {
        if (cancel.cancelled()) {
            return cancelled();
        }
        const Result<bool> got = (*decoder)->read(&frame, cancel);
        if (!got) {
            return got.error();
        }
        if (!*got) {
            break;
        }
        Result<TrackedFace> face = tracker.track(frame.bgr, frame.time_s);
        if (!face) {
            Error error = face.error();
            error.message = video_path + ": " + error.message;
            return error;
        }
        DecodedFace decoded;
        decoded.time_s = frame.time_s;
        decoded.found = face->fit.has_value();
        decoded.confidence = decoded.found ? face->landmarks.confidence : 0.0f;
        if (face->fit) {
            decoded.state.weights = face->fit->expression;
            decoded.state.head_deg = face->fit->pose.rotation_deg;
        }
        out.detections += face->found == FaceFound::Detected ? 1 : 0;
        out.frames_with_face += decoded.found ? 1 : 0;
        frames.push_back(decoded);
        if (progress) {
            Progress p = estimator.update(double(frames.size()));
            p.fraction = std::min(p.fraction, 0.99);
            progress(p);
        }
    }
    out.video_frames = frames.size();
    if (out.frames_with_face == 0) {
        return Error{ErrorKind::NoFace, video_path + ": no face found in any of its " +
                                            std::to_string(frames.size()) + " frames"};
    }
    out.rate = nearestStudioRate(info.fps);
    out.performance.track.fps = frameRateRational(out.rate).value();
    for (const DecodedFace& f : onGrid(frames, out.performance.track.fps)) {
        out.performance.track.frames.push_back(f.state);
        out.performance.found.push_back(f.found);
        out.confidence.push_back(f.confidence);
    }
    if (progress) {
        progress(Progress{1.0, 0.0});
    }
    return out;
}

}  // namespace ps
