#include "RenderCommand.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "InterruptSignal.h"
#include "ProjectInputs.h"
#include "TerminalProgress.h"
#include "VoiceTrack.h"
#include "face/PhotoFit.h"
#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "media/Mp4Export.h"
#include "motion/DocumentTrack.h"
#include "render/FrameFit.h"
#include "render/TalkingPortrait.h"
#include "runtime/Destination.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

const std::vector<OptionSpec>& renderOptions() {
    static const std::vector<OptionSpec> specs = [] {
        std::vector<OptionSpec> own = {
            {"--photo", "", "P", "portrait photo (JPEG, PNG, WebP, BMP, TIFF)", false},
            {"--audio", "", "A", "voice track (WAV, MP3, FLAC, OGG, Opus, M4A, or a video's audio)",
             false},
            {"--project", "", "X.pstudio",
             "a project instead of --photo and --audio, with its edited motion", false},
            {"--output", "-o", "OUT.mp4", "the MP4 to write (replaced only once complete)", true},
            {"--fps", "", "N", "frame rate: 23.976, 24, 25 (default), 29.97, 30, 50 or 60", false},
            {"--size", "", "WxH",
             "frame size, even numbers (default: the photo's, long side <= 1920)", false},
            {"--crf", "", "Q", "H.264 quality, 0 (best) to 51 (default 18)", false},
            {"--preset", "", "NAME", "x264 speed preset, ultrafast to veryslow (default medium)",
             false},
        };
        for (const OptionSpec& spec : voiceOptionSpecs()) {
            own.push_back(spec);
        }
        own.push_back({"--help", "-h", "", "show this help", false});
        return own;
    }();
    return specs;
}

void printRenderHelp() {
    std::cout << "Usage: portrait-studio render --photo P --audio A -o OUT.mp4 [options]\n"
                 "       portrait-studio render --project X.pstudio -o OUT.mp4 [options]\n\n"
                 "Makes the portrait speak: fits the face in the photo, predicts the mouth,\n"
                 "head motion and blinks from the voice, animates the photo with the real-time\n"
                 "renderer, and writes an MP4 (H.264 + AAC) as long as the voice track.\n"
                 "With --project, the project's photo and voice move as its motion document\n"
                 "says (expression and pose clips, captures, curves, sculpts); --fps defaults\n"
                 "to the project's.\n\n"
                 "Options:\n"
              << describeOptions(renderOptions());
}

std::optional<cv::Size> parseSize(const std::string& text) {
    int width = 0;
    int height = 0;
    char x = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &width, &x, &height, &extra) != 3 ||
        (x != 'x' && x != 'X')) {
        return std::nullopt;
    }
    return cv::Size(width, height);
}

bool hasMp4Extension(const std::string& path) {
    const size_t dot = path.find_last_of('.');
    if (dot == std::string::npos) {
        return false;
    }
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return ext == "mp4" || ext == "m4v";
}

// Option values that do not need any file to be read; reported before any decoding starts.
struct RenderRequest {
    std::string project_path;  // or the two below
    std::string photo_path;
    std::string audio_path;
    std::string output_path;
    VideoSettings settings;
    std::optional<cv::Size> size;
};

std::optional<RenderRequest> readRequest(const ParsedOptions& options, std::string* error) {
    RenderRequest request;
    if (options.has("--project")) {
        if (options.has("--photo") || options.has("--audio")) {
            *error = "render: give either --project or --photo and --audio, not both";
            return std::nullopt;
        }
        if (const auto given = firstVoiceOptionGiven(options)) {
            *error = "render: " + *given + " is a project setting; change it in the project";
            return std::nullopt;
        }
        request.project_path = *options.value("--project");
    } else if (!options.has("--photo") || !options.has("--audio")) {
        *error = "render: --photo and --audio are required (or --project)";
        return std::nullopt;
    } else {
        request.photo_path = *options.value("--photo");
        request.audio_path = *options.value("--audio");
    }
    request.output_path = *options.value("--output");
    if (const auto fps = options.value("--fps")) {
        const auto rate = parseFrameRate(*fps);
        if (!rate) {
            *error = "--fps " + *fps + ": use 23.976, 24, 25, 29.97, 30, 50 or 60";
            return std::nullopt;
        }
        request.settings.fps = *rate;
    }
    if (const auto size = options.value("--size")) {
        request.size = parseSize(*size);
        if (!request.size) {
            *error = "--size " + *size + ": write it as WIDTHxHEIGHT, e.g. 1280x720";
            return std::nullopt;
        }
    }
    if (const auto crf = options.value("--crf")) {
        char* end = nullptr;
        const long value = std::strtol(crf->c_str(), &end, 10);
        if (*end != '\0') {
            *error = "--crf " + *crf + ": give a whole number from 0 to 51";
            return std::nullopt;
        }
        request.settings.crf = static_cast<int>(value);
    }
    if (const auto preset = options.value("--preset")) {
        request.settings.preset = *preset;
    }
    if (!hasMp4Extension(request.output_path)) {
        *error = request.output_path + ": the output must be an .mp4 file";
        return std::nullopt;
    }
    return request;
}

}  // namespace

int runRenderCommand(const std::vector<std::string>& args) {
    ParsedOptions options;
    std::string problem;
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            printRenderHelp();
            return 0;
        }
    }
    if (!parseOptions(args, renderOptions(), &options, &problem)) {
        printError("render: " + problem + " (see portrait-studio render --help)");
        return 2;
    }
    std::optional<RenderRequest> request = readRequest(options, &problem);
    if (!request) {
        printError(problem);
        return 2;
    }
    const std::optional<VoiceRequest> voice =
        readVoiceRequest(options, request->settings.fps, &problem);
    if (!voice) {
        printError(problem);
        return 2;
    }
    // From here on Ctrl+C cancels cleanly: every file this command creates is removed.
    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    for (const std::string& input :
         {request->project_path, request->photo_path, request->audio_path}) {
        if (sameFile(input, request->output_path)) {
            printError(request->output_path + ": is also an input file; choose another name");
            return 2;
        }
    }
    if (const Status writable = checkDestination(request->output_path); !writable) {
        return failWith(writable.error());
    }

    // The inputs: a project's photo, voice and motion, or a photo and a voice.
    std::optional<Photo> photo;
    std::optional<AudioClip> audio;
    std::optional<Project> project;
    if (!request->project_path.empty()) {
        Result<OpenedProject> opened = openProjectInputs(request->project_path, true, cancel);
        if (!opened) {
            return interrupt.interrupted() ? 130 : failWith(opened.error());
        }
        if (!opened->audio) {
            printError(request->project_path + ": has no voice to render");
            return 2;
        }
        if (!options.has("--fps")) {
            request->settings.fps = opened->project.fps;
        }
        request->photo_path = opened->project.photo.path;
        photo = std::move(opened->photo);
        audio = std::move(opened->audio);
        project = std::move(opened->project);
    } else {
        Result<Photo> decoded_photo = [&] {
            SilencedStderr quiet;
            return decodeImage(request->photo_path);
        }();
        if (!decoded_photo) {
            return failWith(decoded_photo.error());
        }
        Result<AudioClip> decoded_audio = [&] {
            SilencedStderr quiet;
            return decodeAudio(request->audio_path, cancel);
        }();
        if (!decoded_audio) {
            return interrupt.interrupted() ? 130 : failWith(decoded_audio.error());
        }
        photo = std::move(*decoded_photo);
        audio = std::move(*decoded_audio);
    }

    const cv::Size frame_size = request->size.value_or(defaultFrameSize(photo->bgr.size()));
    request->settings.width = frame_size.width;
    request->settings.height = frame_size.height;
    if (const std::string invalid = validateVideoSettings(request->settings); !invalid.empty()) {
        printError(invalid);
        return 2;
    }

    Result<LargestFaceFit> fitted = fitLargestFace(photo->bgr, request->photo_path);
    if (!fitted) {
        return failWith(fitted.error());
    }
    const FaceFit& fit = fitted->report.fit;
    Result<FaceTrack> track = [&] {
        TerminalProgress bar("voice");
        const ProgressFn progress = [&bar](const Progress& p) { bar.update(p); };
        return project ? documentTrack(project->motion, &*audio, request->settings.fps, cancel,
                                       progress)
                       : faceTrackForVoice(*audio, *voice, cancel, progress);
    }();
    if (!track) {
        return interrupt.interrupted() ? 130 : failWith(track.error());
    }
    Result<TalkingPortrait> portrait = TalkingPortrait::create(photo->bgr, fit, std::move(*track));
    if (!portrait) {
        return failWith(portrait.error());
    }
    const FrameSource frames = portrait->frames(frame_size);
    Result<ExportSummary> summary = [&] {
        TerminalProgress bar("render");
        return exportMp4(
            request->output_path, request->settings, *audio, frames,
            [&bar](const Progress& p) { bar.update(p); }, cancel);
    }();
    if (!summary) {
        if (interrupt.interrupted()) {
            printError("interrupted; nothing was written to " + request->output_path);
            return 130;
        }
        return failWith(summary.error());
    }
    std::printf("wrote %s (%lld frames at %s fps, %dx%d, %.2f s)\n", summary->path.c_str(),
                summary->frame_count, frameRateLabel(request->settings.fps).c_str(),
                frame_size.width, frame_size.height, summary->duration_s);
    return 0;
}

}  // namespace ps::app
