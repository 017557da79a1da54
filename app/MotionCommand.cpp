#include "MotionCommand.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "InterruptSignal.h"
#include "ProjectInputs.h"
#include "TerminalProgress.h"
#include "VoiceTrack.h"
#include "media/AudioDecoder.h"
#include "motion/DocumentTrack.h"
#include "motion/FaceTrackJson.h"
#include "motion/LiveLinkCsv.h"
#include "motion/MotionEvaluator.h"
#include "runtime/Destination.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

std::vector<OptionSpec> motionOptions() {
    std::vector<OptionSpec> specs = {
        {"--audio", "", "A", "voice track (WAV, MP3, FLAC, OGG, Opus, M4A, or a video's audio)",
         false},
        {"--project", "", "X.pstudio",
         "a project instead: its edited motion (clips, curves, captures) is written", false},
        {"--output", "-o", "OUT", "motion.csv (Live Link Face) or motion.json", true},
        {"--fps", "", "N", "frame rate: 23.976, 24, 25 (default), 29.97, 30, 50 or 60", false},
    };
    for (const OptionSpec& spec : voiceOptionSpecs()) {
        specs.push_back(spec);
    }
    specs.push_back({"--help", "-h", "", "show this help", false});
    return specs;
}

void printMotionHelp() {
    std::cout
        << "Usage: portrait-studio motion --audio A -o motion.csv|motion.json [options]\n"
           "       portrait-studio motion --project X.pstudio -o motion.csv|.json [--fps N]\n\n"
           "Predicts the face that goes with a voice: the mouth from the built-in voice\n"
           "model, head motion from the voice's rhythm and loudness, and blinks. Writes\n"
           "one row per video frame from t = 0: a .csv in Live Link Face's layout\n"
           "(Timecode, BlendShapeCount, the 52 ARKit blendshapes, head and eye angles in\n"
           "radians), which Blender, Unreal and Maya import, or a .json.\n\nOptions:\n"
        << describeOptions(motionOptions());
}

Status writeTrack(const FaceTrack& track, const std::string& output) {
    return lowerExtension(output) == ".csv" ? writeLiveLinkCsv(track, output)
                                            : writeFaceTrackJson(track, output);
}

// The project's motion document, evaluated frame by frame, as absolute ARKit weights.
int writeProjectMotion(const std::string& project_path, const std::string& output,
                       std::optional<FrameRate> fps) {
    if (sameFile(project_path, output)) {
        printError(output + ": is the project itself; choose another name");
        return 2;
    }
    if (const Status writable = checkDestination(output); !writable) {
        return failWith(writable.error());
    }
    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    Result<OpenedProject> opened = openProjectInputs(project_path, false, cancel);
    if (!opened) {
        return interrupt.interrupted() ? 130 : failWith(opened.error());
    }
    const FrameRate rate = fps.value_or(opened->project.fps);
    Result<FaceTrack> track = [&] {
        TerminalProgress bar("motion");
        return documentTrack(opened->project.motion, opened->audio ? &*opened->audio : nullptr,
                             rate, cancel, [&bar](const Progress& p) { bar.update(p); });
    }();
    if (!track) {
        return interrupt.interrupted() ? 130 : failWith(track.error());
    }
    const FaceTrack absolute = absoluteWeightsTrack(*track);
    if (const Status written = writeTrack(absolute, output); !written) {
        return failWith(written.error());
    }
    std::printf("wrote %s (%zu frames at %s fps, %.2f s)\n", output.c_str(), absolute.frames.size(),
                frameRateLabel(rate).c_str(), absolute.duration_s());
    return 0;
}

}  // namespace

int runMotionCommand(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            printMotionHelp();
            return 0;
        }
    }
    ParsedOptions options;
    std::string problem;
    if (!parseOptions(args, motionOptions(), &options, &problem)) {
        printError("motion: " + problem + " (see portrait-studio motion --help)");
        return 2;
    }
    if (options.has("--audio") == options.has("--project")) {
        printError("motion: give either --audio A or --project X.pstudio");
        return 2;
    }
    const std::string output = *options.value("--output");
    const std::string ext = lowerExtension(output);
    if (ext != ".csv" && ext != ".json") {
        printError(output + ": the motion must be a .csv or a .json file");
        return 2;
    }
    FrameRate fps = FrameRate::Fps25;
    if (const auto text = options.value("--fps")) {
        const auto rate = parseFrameRate(*text);
        if (!rate) {
            printError("--fps " + *text + ": use 23.976, 24, 25, 29.97, 30, 50 or 60");
            return 2;
        }
        fps = *rate;
    }
    if (options.has("--project")) {
        if (const auto given = firstVoiceOptionGiven(options)) {
            printError("motion: " + *given + " is a project setting; change it in the project");
            return 2;
        }
        return writeProjectMotion(
            *options.value("--project"), output,
            options.has("--fps") ? std::optional<FrameRate>(fps) : std::nullopt);
    }
    const std::string audio_path = *options.value("--audio");
    const std::optional<VoiceRequest> request = readVoiceRequest(options, fps, &problem);
    if (!request) {
        printError(problem);
        return 2;
    }
    if (sameFile(audio_path, output)) {
        printError(output + ": is also the input file; choose another name");
        return 2;
    }
    if (const Status writable = checkDestination(output); !writable) {
        return failWith(writable.error());
    }
    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    Result<AudioClip> audio = [&] {
        SilencedStderr quiet;
        return decodeAudio(audio_path, cancel);
    }();
    if (!audio) {
        return interrupt.interrupted() ? 130 : failWith(audio.error());
    }
    Result<FaceTrack> track = [&] {
        TerminalProgress bar("motion");
        return faceTrackForVoice(*audio, *request, cancel,
                                 [&bar](const Progress& p) { bar.update(p); });
    }();
    if (!track) {
        return interrupt.interrupted() ? 130 : failWith(track.error());
    }
    const Status written = writeTrack(*track, output);
    if (!written) {
        return failWith(written.error());
    }
    std::printf("wrote %s (%zu frames at %s fps, %.2f s)\n", output.c_str(), track->frames.size(),
                frameRateLabel(fps).c_str(), track->duration_s());
    return 0;
}

}  // namespace ps::app
