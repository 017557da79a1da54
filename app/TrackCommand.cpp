#include "TrackCommand.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "InterruptSignal.h"
#include "TerminalProgress.h"
#include "face/FaceNetworks.h"
#include "face/FaceTracker.h"
#include "media/FrameRate.h"
#include "media/VideoDecoder.h"
#include "motion/FaceTrackJson.h"
#include "motion/LiveLinkCsv.h"
#include "runtime/AtomicFile.h"
#include "runtime/Destination.h"
#include "runtime/Progress.h"

namespace ps::app {

namespace {

const std::vector<OptionSpec>& trackOptions() {
    static const std::vector<OptionSpec> specs = {
        {"--video", "", "V", "the video (any FFmpeg reads: MP4, MOV, MKV, WebM, AVI...)", true},
        {"--output", "-o", "OUT", "motion.csv (Live Link Face) or motion.json", true},
        {"--face", "", "N", "which face: 0 the largest in the first frame with faces (default)",
         false},
        {"--help", "-h", "", "show this help", false},
    };
    return specs;
}

void printTrackHelp() {
    std::cout
        << "Usage: portrait-studio track --video V -o motion.csv|motion.json [--face N]\n\n"
           "Follows one face through a video on MediaPipe's face networks and writes its\n"
           "motion, one row per video frame from t = 0 at the video's frame rate (a variable\n"
           "or unusual rate is put on the nearest of 23.976, 24, 25, 29.97, 30, 50 and 60 by\n"
           "taking the nearest video frame): a .csv in Live Link Face's layout (the 52 ARKit\n"
           "blendshapes, head angles in radians) or a .json (angles in degrees).\n\n"
           "Head angles are absolute: the head's rotation in the camera's frame, (0, 0, 0)\n"
           "being the face looking along the camera's axis, as an iPhone capture records\n"
           "them (a face far from the picture's middle looking into the lens reads a few\n"
           "degrees turned). Eye angles are 0: the face mesh does not show gaze.\n\n"
           "Frames where the face is not seen hold the nearest tracked frame's values and\n"
           "are marked: the CSV has two more columns, FaceFound (1 or 0) and FaceConfidence\n"
           "(the network's face score), which Live Link Face importers ignore; the JSON has\n"
           "\"face_found\" and \"confidence\" on every frame.\n\n"
           "--face N picks the face among those of the first frame that shows any, largest\n"
           "first; when it is lost (it leaves, or the shot cuts) it is looked for again and\n"
           "the face nearest where it was last seen is taken. Exit codes: 2 for a video that\n"
           "cannot be read, 3 when no face is found.\n\nOptions:\n"
        << describeOptions(trackOptions());
}

// One decoded frame's result, in the terms the written file needs.
struct TrackedFrame {
    double time_s = 0.0;
    bool found = false;
    float confidence = 0.0f;
    FaceState state;
};

// The output rate: the studio's rate nearest the video's average (so timecodes mean what Live
// Link Face readers take them to), or 25 when the video does not say.
FrameRate outputRate(double video_fps) {
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

// The frames on a regular grid at `fps` from t = 0: each takes the decoded frame nearest in time,
// and a frame without a face holds the nearest tracked frame before it (after it, for those
// before the face is first seen).
std::vector<TrackedFrame> onGrid(const std::vector<TrackedFrame>& frames, double fps) {
    std::vector<TrackedFrame> grid;
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
        std::find_if(grid.begin(), grid.end(), [](const TrackedFrame& f) { return f.found; });
    const FaceState* held = first_found != grid.end() ? &first_found->state : nullptr;
    for (TrackedFrame& frame : grid) {
        if (frame.found) {
            held = &frame.state;
        } else if (held != nullptr) {
            frame.state = *held;
        }
    }
    return grid;
}

std::string csvWithMarks(const FaceTrack& track, const std::vector<TrackedFrame>& grid) {
    const std::string plain = liveLinkCsv(track);
    std::string out;
    out.reserve(plain.size() + grid.size() * 12);
    size_t start = 0;
    long long line = 0;
    while (start < plain.size()) {
        const size_t end = plain.find('\n', start);
        out.append(plain, start, end - start);
        if (line == 0) {
            out += ",FaceFound,FaceConfidence";
        } else {
            const TrackedFrame& frame = grid[size_t(line - 1)];
            char marks[32];
            std::snprintf(marks, sizeof marks, ",%d,%.3f", frame.found ? 1 : 0,
                          double(frame.confidence));
            out += marks;
        }
        out += '\n';
        ++line;
        start = end == std::string::npos ? plain.size() : end + 1;
    }
    return out;
}

std::string jsonWithMarks(const FaceTrack& track, const std::vector<TrackedFrame>& grid) {
    nlohmann::json doc = nlohmann::json::parse(faceTrackJson(track));
    doc["head_deg_reference"] = "camera";
    nlohmann::json& frames = doc["frames"];
    for (size_t k = 0; k < frames.size() && k < grid.size(); ++k) {
        frames[k]["face_found"] = grid[k].found;
        frames[k]["confidence"] = std::round(double(grid[k].confidence) * 1000.0) / 1000.0;
    }
    return doc.dump() + "\n";
}

}  // namespace

int runTrackCommand(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            printTrackHelp();
            return 0;
        }
    }
    ParsedOptions options;
    std::string problem;
    if (!parseOptions(args, trackOptions(), &options, &problem)) {
        printError("track: " + problem + " (see portrait-studio track --help)");
        return 2;
    }
    const std::string video_path = *options.value("--video");
    const std::string output = *options.value("--output");
    const std::string ext = lowerExtension(output);
    if (ext != ".csv" && ext != ".json") {
        printError(output + ": the motion must be a .csv or a .json file");
        return 2;
    }
    FaceTrackerSettings settings;
    if (const auto text = options.value("--face")) {
        char* end = nullptr;
        const long index = std::strtol(text->c_str(), &end, 10);
        if (text->empty() || *end != '\0' || index < 0 || index > 1000) {
            printError("--face " + *text + ": give a face's number, 0 for the largest");
            return 2;
        }
        settings.face_index = int(index);
    }
    if (sameFile(video_path, output)) {
        printError(output + ": is also the input video; choose another name");
        return 2;
    }
    if (const Status writable = checkDestination(output); !writable) {
        return failWith(writable.error());
    }
    Result<std::unique_ptr<VideoDecoder>> decoder = VideoDecoder::open(video_path);
    if (!decoder) {
        return failWith(decoder.error());
    }
    Result<const FaceNetworks*> networks = faceNetworks();
    if (!networks) {
        return failWith(networks.error());
    }

    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    FaceTracker tracker(**networks, settings);
    std::vector<TrackedFrame> frames;
    long long detections = 0;
    {
        TerminalProgress bar("track");
        const VideoStreamInfo& info = (*decoder)->info();
        const ProgressEstimator estimator(double(std::max(1LL, info.frame_count)));
        VideoFrame frame;
        for (;;) {
            const Result<bool> got = (*decoder)->read(&frame, cancel);
            if (!got) {
                return interrupt.interrupted() ? 130 : failWith(got.error());
            }
            if (!*got) {
                break;
            }
            Result<TrackedFace> face = tracker.track(frame.bgr, frame.time_s);
            if (!face) {
                Error error = face.error();
                error.message = video_path + ": " + error.message;
                return failWith(error);
            }
            TrackedFrame tracked;
            tracked.time_s = frame.time_s;
            tracked.found = face->fit.has_value();
            tracked.confidence = tracked.found ? face->landmarks.confidence : 0.0f;
            if (face->fit) {
                tracked.state.weights = face->fit->expression;
                tracked.state.head_deg = face->fit->pose.rotation_deg;
            }
            detections += face->found == FaceFound::Detected ? 1 : 0;
            frames.push_back(tracked);
            Progress progress = estimator.update(double(frames.size()));
            progress.fraction = std::min(progress.fraction, 0.99);
            bar.update(progress);
        }
        bar.update(Progress{1.0, 0.0});
    }
    const long long with_face =
        std::count_if(frames.begin(), frames.end(), [](const TrackedFrame& f) { return f.found; });
    if (with_face == 0) {
        return failWith({ErrorKind::NoFace, video_path + ": no face found in any of its " +
                                                std::to_string(frames.size()) + " frames"});
    }

    const FrameRate rate = outputRate((*decoder)->info().fps);
    FaceTrack track;
    track.fps = frameRateRational(rate).value();
    const std::vector<TrackedFrame> grid = onGrid(frames, track.fps);
    for (const TrackedFrame& frame : grid) {
        track.frames.push_back(frame.state);
    }
    const std::string text = ext == ".csv" ? csvWithMarks(track, grid) : jsonWithMarks(track, grid);
    if (const Status written = writeFileAtomically(output, text); !written) {
        return failWith(written.error());
    }
    std::printf(
        "wrote %s (%zu frames at %s fps, %.2f s; the face in %lld of %zu video frames, "
        "found by detection %lld times)\n",
        output.c_str(), track.frames.size(), frameRateLabel(rate).c_str(), track.duration_s(),
        with_face, frames.size(), detections);
    return 0;
}

}  // namespace ps::app
