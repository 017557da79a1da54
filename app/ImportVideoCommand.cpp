#include "ImportVideoCommand.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "CommandLine.h"
#include "InterruptSignal.h"
#include "ProjectInputs.h"
#include "TerminalProgress.h"
#include "face/FaceNetworks.h"
#include "face/PhotoFit.h"
#include "media/AudioDecoder.h"
#include "motion/CaptureRegion.h"
#include "motion/MotionEdit.h"
#include "motion/Retarget.h"
#include "motion/TrackVideo.h"
#include "project/ProjectFile.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

const std::vector<OptionSpec>& importVideoOptions() {
    static const std::vector<OptionSpec> specs = {
        {"--project", "", "X.pstudio", "the project to change", true},
        {"--video", "", "V", "the driving video: an actor's performance", true},
        {"--face", "", "N", "which face: 0 the largest in the first frame with faces (default)",
         false},
        {"--start", "", "S", "where the performance starts on the timeline (default 0)", false},
        {"--regions", "", "R",
         "what it drives: all (default), upper (brows, eyes, head), lower (the mouth) or head",
         false},
        {"--rest", "", "S",
         "a time in the video where the actor's face is at rest (default: found)", false},
        {"--head-scale", "", "F", "how much of the actor's head turns (default 1)", false},
        {"--expression-scale", "", "F", "how much of the actor's expressions (default 1)", false},
        {"--use-audio", "", "", "the video's sound becomes the project's voice", false},
    };
    return specs;
}

namespace {

std::string fileName(const std::string& path) {
    return std::filesystem::u8path(path).filename().u8string();
}

std::string seconds(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", s);
    return text;
}

}  // namespace

int importDrivingVideo(const std::vector<std::string>& args) {
    ParsedOptions options;
    std::string problem;
    if (!parseOptions(args, importVideoOptions(), &options, &problem)) {
        printError("project import-video: " + problem + " (see portrait-studio project --help)");
        return 2;
    }
    const std::string path = *options.value("--project");
    const std::string video_path = *options.value("--video");
    const auto start = numberOption(options, "--start", 0.0, &problem);
    const auto head_scale = numberOption(options, "--head-scale", 1.0, &problem);
    const auto expression_scale = numberOption(options, "--expression-scale", 1.0, &problem);
    const auto rest_s = numberOption(options, "--rest", -1.0, &problem);
    const auto face = numberOption(options, "--face", 0.0, &problem);
    if (problem.empty() && options.has("--rest") && *rest_s < 0.0) {
        problem = "--rest " + *options.value("--rest") + ": give a time in the video, 0 or more";
    }
    if (problem.empty() && (*face < 0.0 || *face > 1000.0 || *face != std::floor(*face))) {
        problem =
            "--face " + *options.value("--face") + ": give a face's number, 0 for the largest";
    }
    if (problem.empty() && (*head_scale < 0.0 || *head_scale > 10.0 || *expression_scale < 0.0 ||
                            *expression_scale > 10.0)) {
        problem = "--head-scale and --expression-scale go from 0 to 10";
    }
    const std::string region_name = options.value("--regions").value_or("all");
    const std::optional<CaptureRegion> region = captureRegionFromName(region_name);
    if (problem.empty() && !region) {
        problem = "--regions " + region_name + ": use all, upper, lower or head";
    }
    if (!problem.empty()) {
        printError(path + ": " + problem);
        return 2;
    }

    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    // The portrait is fitted first: its own expression is what the performance lands on, and a
    // project whose photo shows no face is refused before the video is tracked for nothing.
    Result<OpenedProject> opened = openProjectInputs(path, true, cancel);
    if (!opened) {
        return interrupt.interrupted() ? 130 : failWith(opened.error());
    }
    Project& project = opened->project;
    Result<LargestFaceFit> portrait = [&] {
        SilencedStderr quiet;
        return fitLargestFace(opened->photo->bgr, project.photo.path);
    }();
    if (!portrait) {
        return failWith(portrait.error());
    }
    std::optional<AudioClip> sound;
    if (options.has("--use-audio")) {
        Result<AudioClip> decoded = [&] {
            SilencedStderr quiet;  // FFmpeg's own complaints; the error below says it in one line
            return decodeAudio(video_path, cancel);
        }();
        if (!decoded) {
            return interrupt.interrupted() ? 130 : failWith(decoded.error());
        }
        sound = std::move(*decoded);
    }
    Result<const FaceNetworks*> networks = faceNetworks();
    if (!networks) {
        return failWith(networks.error());
    }
    FaceTrackerSettings tracker;
    tracker.face_index = int(*face);
    Result<TrackedVideo> video = [&] {
        TerminalProgress bar("track");
        return trackVideo(video_path, **networks, tracker, cancel,
                          [&bar](const Progress& p) { bar.update(p); });
    }();
    if (!video) {
        return interrupt.interrupted() ? 130 : failWith(video.error());
    }

    const Performance& performance = video->performance;
    RetargetSettings settings;
    settings.head_scale = float(*head_scale);
    settings.expression_scale = float(*expression_scale);
    if (options.has("--rest")) {
        const size_t frame = size_t(std::lround(*rest_s * performance.track.fps));
        if (frame >= performance.track.frames.size() || !performance.hasFace(frame)) {
            printError(video_path + ": --rest " + *options.value("--rest") +
                       (frame >= performance.track.frames.size()
                            ? ": the video is " + seconds(performance.track.duration_s()) + " long"
                            : ": the face is not seen there"));
            return 2;
        }
        settings.rest_frame = frame;
    } else {
        settings.rest_frame = findRestFrame(performance);
    }
    CaptureLayer capture;
    capture.name = fileName(video_path);
    capture.track = retargetPerformance(performance, portrait->report.fit.expression, settings);
    capture.start_s = *start;
    capture.regions = *region;
    if (capture.track.frames.empty()) {
        printError(video_path + ": no frame shows the face to retarget");
        return 3;
    }
    const size_t frames = capture.track.frames.size();
    const double fps = capture.track.fps;
    Result<MotionEdit> undo =
        applyEdit(project.motion, MotionEdit{InsertElement<CaptureLayer>{std::move(capture)}});
    if (!undo) {
        return failWith(badInput(path, undo.error().message));
    }
    std::string voice;
    if (sound) {
        voice = project.audio.path.empty()
                    ? "; the video's sound is the voice"
                    : "; the video's sound is the voice instead of " + fileName(project.audio.path);
        project.audio = {std::filesystem::absolute(std::filesystem::u8path(video_path)).u8string(),
                         false};
        project.motion.duration_s = sound->duration_s();
    }
    if (const Status written = writeProject(project, path); !written) {
        return failWith(written.error());
    }
    const double end_s = *start + double(frames) / fps;
    const std::string past_end =
        end_s > project.motion.duration_s + 1e-6
            ? "; it runs past the project's end at " + seconds(project.motion.duration_s)
            : std::string();
    std::printf(
        "%s: added capture %s, %zu frames at %g fps from %.2f s to %.2f s (%s; rest frame %zu "
        "at %.2f s; the face in %zu of %zu video frames)%s%s\n",
        path.c_str(), fileName(video_path).c_str(), frames, fps, *start, end_s,
        std::string(captureRegionName(*region)).c_str(), *settings.rest_frame,
        double(*settings.rest_frame) / fps, video->frames_with_face, video->video_frames,
        voice.c_str(), past_end.c_str());
    return 0;
}

}  // namespace ps::app
