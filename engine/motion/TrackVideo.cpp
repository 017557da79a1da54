#include "motion/TrackVideo.h"

#include <algorithm>
#include <cmath>

#include "face/FaceMesh.h"
#include "face/IrisLids.h"
#include "face/TakeFit.h"
#include "media/VideoDecoder.h"
#include "motion/SmoothKeys.h"

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

// What is kept of a tracked frame until the take is fitted: the raw mesh and irises and the
// frame's own fit (its identity, pose and expression; its meshes dropped, since a long take
// holds thousands of frames and fitToTake recomputes them).
struct TakeFrame {
    double time_s = 0.0;
    bool detected = false;  // looked for afresh: a first sight or a cut
    float confidence = 0.0f;
    std::vector<glm::vec3> points;
    std::optional<IrisLandmarks> irises;
    std::optional<FaceFit> fit;
};

// The refit of the take's frames costs about a third of tracking them: progress counts it so.
constexpr double kRefitShare = 0.35;

TakeFrame takeFrame(TrackedFace face) {
    TakeFrame f;
    f.time_s = face.time_s;
    f.detected = face.found == FaceFound::Detected;
    if (face.fit) {
        f.confidence = face.landmarks.confidence;
        f.points = std::move(face.landmarks.points);
        f.irises = std::move(face.irises);
        f.fit = std::move(face.fit);
        f.fit->vertices = {};
        f.fit->landmarks2d = {};
        f.fit->shape_detail_cm = {};
    }
    return f;
}

// The lid vertices, which the Iris network places (IrisLids.h) and which stay unsmoothed: a
// blink lasts a few frames.
std::vector<bool> lidVertices() {
    std::vector<bool> lid(kFaceVertexCount, false);
    for (int v : kRightEyeLidVertices) {
        lid[size_t(v)] = true;
        lid[size_t(FaceMesh::canonical().mirrorOf(v))] = true;
    }
    return lid;
}

// A Gaussian over time (σ in seconds), symmetric so that nothing moves earlier or later, over
// each run of frames that show the face without a new detection in between: across a cut or a
// loss the pictures are of different moments.
void smoothTake(std::vector<TakeFrame>& take, double sigma_s) {
    const std::vector<bool> lid = lidVertices();
    size_t begin = 0;
    while (begin < take.size()) {
        if (!take[begin].fit) {
            ++begin;
            continue;
        }
        size_t end = begin + 1;
        while (end < take.size() && take[end].fit && !take[end].detected) {
            ++end;
        }
        std::vector<std::vector<glm::vec3>> smoothed(end - begin);
        for (size_t k = begin; k < end; ++k) {
            std::vector<glm::vec3> sum(kFaceVertexCount, glm::vec3(0.0f));
            double total = 0.0;
            for (size_t j = begin; j < end; ++j) {
                const double dt = take[j].time_s - take[k].time_s;
                if (std::abs(dt) > 3.0 * sigma_s) {
                    continue;
                }
                const float w = float(std::exp(-0.5 * dt * dt / (sigma_s * sigma_s)));
                for (size_t i = 0; i < sum.size(); ++i) {
                    sum[i] += w * take[j].points[i];
                }
                total += double(w);
            }
            smoothed[k - begin] = take[k].points;
            for (size_t i = 0; i < sum.size(); ++i) {
                if (!lid[i]) {
                    smoothed[k - begin][i] = sum[i] / float(total);
                }
            }
        }
        for (size_t k = begin; k < end; ++k) {
            take[k].points = std::move(smoothed[k - begin]);
        }
        begin = end;
    }
}

// The performer's face over the take: identity from every frame with the face, shape detail
// from the ones nearest rest by their own fits (a tenth of them, at most 15, at least one).
Result<TakeFace> takeFaceOf(const std::vector<TakeFrame>& take) {
    std::vector<FaceFit> fits;
    std::vector<std::vector<glm::vec3>> points;
    std::vector<std::pair<float, size_t>> by_rest;
    for (const TakeFrame& f : take) {
        if (f.fit) {
            FaceState state;
            state.weights = f.fit->expression;
            state.head_deg = f.fit->pose.rotation_deg;
            by_rest.emplace_back(restCost(state), fits.size());
            fits.push_back(*f.fit);
            points.push_back(f.points);
        }
    }
    const size_t count = std::clamp<size_t>(by_rest.size() / 10, 1, 15);
    std::partial_sort(by_rest.begin(), by_rest.begin() + std::ptrdiff_t(count), by_rest.end());
    std::vector<size_t> rest;
    for (size_t i = 0; i < count; ++i) {
        rest.push_back(by_rest[i].second);
    }
    return takeFace(fits, points, rest);
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
    // The whole take is seen before it is fitted, so the landmarks are smoothed afterwards,
    // forwards and backwards, not by the tracker's causal filter (which lags a frame or two).
    FaceTrackerSettings raw = settings;
    raw.smooth = false;
    FaceTracker tracker(networks, raw);
    TrackedVideo out;
    std::vector<TakeFrame> take;
    const VideoStreamInfo& info = (*decoder)->info();
    const ProgressEstimator estimator(double(std::max(1LL, info.frame_count)) *
                                      (1.0 + kRefitShare));
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
        take.push_back(takeFrame(std::move(*face)));
        out.detections += take.back().detected ? 1 : 0;
        out.frames_with_face += take.back().fit ? 1 : 0;
        if (progress) {
            Progress p = estimator.update(double(take.size()));
            p.fraction = std::min(p.fraction, 0.99);
            progress(p);
        }
    }
    out.video_frames = take.size();
    if (out.frames_with_face == 0) {
        return Error{ErrorKind::NoFace, video_path + ": no face found in any of its " +
                                            std::to_string(take.size()) + " frames"};
    }
    smoothTake(take, gaussianSigmaForCutoff(kDefaultSmoothCutoff_hz));

    Result<TakeFace> face = takeFaceOf(take);
    if (!face) {
        return face.error();
    }
    std::vector<DecodedFace> frames;
    frames.reserve(take.size());
    const double refit_start = double(take.size());
    for (size_t k = 0; k < take.size(); ++k) {
        if (cancel.cancelled()) {
            return cancelled();
        }
        const TakeFrame& f = take[k];
        DecodedFace decoded;
        decoded.time_s = f.time_s;
        decoded.found = f.fit.has_value();
        decoded.confidence = f.confidence;
        if (f.fit) {
            Result<FaceFit> fit =
                fitToTake(*f.fit, f.points, *face, f.irises ? &*f.irises : nullptr);
            if (!fit) {
                return fit.error();
            }
            decoded.state.weights = fit->expression;
            decoded.state.head_deg = fit->pose.rotation_deg;
        }
        frames.push_back(decoded);
        if (progress) {
            Progress p = estimator.update(refit_start + kRefitShare * double(k + 1));
            p.fraction = std::min(p.fraction, 0.99);
            progress(p);
        }
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
