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
#include "motion/TrackVideo.h"
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

std::string csvWithMarks(const TrackedVideo& video) {
    const FaceTrack& track = video.performance.track;
    const std::string plain = liveLinkCsv(track);
    std::string out;
    out.reserve(plain.size() + track.frames.size() * 12);
    size_t start = 0;
    long long line = 0;
    while (start < plain.size()) {
        const size_t end = plain.find('\n', start);
        out.append(plain, start, end - start);
        if (line == 0) {
            out += ",FaceFound,FaceConfidence";
        } else {
            const size_t k = size_t(line - 1);
            char marks[32];
            std::snprintf(marks, sizeof marks, ",%d,%.3f", video.performance.hasFace(k) ? 1 : 0,
                          double(video.confidence[k]));
            out += marks;
        }
        out += '\n';
        ++line;
        start = end == std::string::npos ? plain.size() : end + 1;
    }
    return out;
}

std::string jsonWithMarks(const TrackedVideo& video) {
    nlohmann::json doc = nlohmann::json::parse(faceTrackJson(video.performance.track));
    doc["head_deg_reference"] = "camera";
    nlohmann::json& frames = doc["frames"];
    for (size_t k = 0; k < frames.size() && k < video.confidence.size(); ++k) {
        frames[k]["face_found"] = bool(video.performance.hasFace(k));
        frames[k]["confidence"] = std::round(double(video.confidence[k]) * 1000.0) / 1000.0;
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
    Result<const FaceNetworks*> networks = faceNetworks();
    if (!networks) {
        return failWith(networks.error());
    }

    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    Result<TrackedVideo> video = [&] {
        TerminalProgress bar("track");
        return trackVideo(video_path, **networks, settings, cancel,
                          [&bar](const Progress& p) { bar.update(p); });
    }();
    if (!video) {
        return interrupt.interrupted() ? 130 : failWith(video.error());
    }
    const FaceTrack& track = video->performance.track;
    const std::string text = ext == ".csv" ? csvWithMarks(*video) : jsonWithMarks(*video);
    if (const Status written = writeFileAtomically(output, text); !written) {
        return failWith(written.error());
    }
    std::printf(
        "wrote %s (%zu frames at %s fps, %.2f s; the face in %lld of %zu video frames, "
        "found by detection %lld times)\n",
        output.c_str(), track.frames.size(), frameRateLabel(video->rate).c_str(),
        track.duration_s(), (long long)video->frames_with_face, video->video_frames,
        video->detections);
    return 0;
}

}  // namespace ps::app
