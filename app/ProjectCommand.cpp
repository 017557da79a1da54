#include "ProjectCommand.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "ImportVideoCommand.h"
#include "InterruptSignal.h"
#include "ProjectInputs.h"
#include "TerminalProgress.h"
#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "motion/BakeChannel.h"
#include "motion/FindElement.h"
#include "motion/LiveLinkCsv.h"
#include "motion/MotionChannel.h"
#include "motion/MotionEdit.h"
#include "motion/MotionSources.h"
#include "motion/SmoothKeys.h"
#include "motion/TemplateLibrary.h"
#include "project/ProjectFile.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

const std::vector<OptionSpec> kNewOptions = {
    {"--photo", "", "P", "portrait photo", true},
    {"--audio", "", "A", "voice track", true},
    {"--output", "-o", "X.pstudio", "the project to create (never replaces an existing file)",
     true},
    {"--fps", "", "N", "frame rate: 23.976, 24, 25 (default), 29.97, 30, 50 or 60", false},
    {"--embed", "", "", "put the photo and voice inside the project file", false},
};

const std::vector<OptionSpec> kAddClipOptions = {
    {"--project", "", "X.pstudio", "the project to change", true},
    {"--expression", "", "NAME", "an expression template (presets/expressions)", false},
    {"--pose", "", "NAME", "a pose preset (presets/poses)", false},
    {"--start", "", "S", "where the clip starts, in seconds", true},
    {"--duration", "", "S", "how long it lasts (default 2, or one pass of a longer pose)", false},
    {"--intensity", "", "F", "how strongly it shows (default 1)", false},
    {"--fade-in", "", "S", "eased fade at its start (default 0.25)", false},
    {"--fade-out", "", "S", "eased fade at its end (default 0.25)", false},
};

const std::vector<OptionSpec> kImportOptions = {
    {"--project", "", "X.pstudio", "the project to change", true},
    {"--csv", "", "TAKE.csv", "a Live Link Face recording", true},
    {"--start", "", "S", "where it starts on the timeline (default 0)", false},
    {"--blend", "", "MODE", "override (default) or add", false},
    {"--strength", "", "F", "how strongly it applies (default 1)", false},
};

const std::vector<OptionSpec> kInfoOptions = {
    {"--project", "", "X.pstudio", "the project to describe", true},
};

const std::vector<OptionSpec> kBakeOptions = {
    {"--project", "", "X.pstudio", "the project to change (or give it first)", true},
    {"--channel", "", "NAME", "a blendshape (jawOpen) or angle (headYaw) to bake", true},
    {"--from", "", "S", "where the bake starts, in seconds (default 0)", false},
    {"--to", "", "S", "where it ends (default the end of the voice)", false},
    {"--tolerance", "", "T",
     "how far the keys may stray from a frame: a weight (default 0.01) or degrees (0.1)", false},
};

const std::vector<OptionSpec> kSmoothOptions = {
    {"--project", "", "X.pstudio", "the project to change (or give it first)", true},
    {"--channel", "", "NAME", "the channel whose curve (the last on it) is smoothed", true},
    {"--cutoff", "", "HZ", "slower movement passes, faster is smoothed away (default 6)", false},
    {"--from", "", "S", "smooth the keys from here, in seconds (default the first)", false},
    {"--to", "", "S", "up to here (default the last)", false},
};

void printProjectHelp() {
    std::cout << "Usage:\n"
                 "  portrait-studio project new --photo P --audio A -o X.pstudio [--embed]\n"
                 "  portrait-studio project add-clip --project X.pstudio (--expression NAME |\n"
                 "                                   --pose NAME) --start S [options]\n"
                 "  portrait-studio project import-csv --project X.pstudio --csv TAKE.csv\n"
                 "  portrait-studio project import-video --project X.pstudio --video V\n"
                 "                                       [--regions all|upper|lower|head]\n"
                 "                                       [--use-audio] [options]\n"
                 "  portrait-studio project info --project X.pstudio\n"
                 "  portrait-studio project bake X.pstudio --channel NAME [--from S --to S]\n"
                 "                               [--tolerance T]\n"
                 "  portrait-studio project smooth X.pstudio --channel NAME [--cutoff HZ]\n"
                 "                                 [--from S --to S]\n\n"
                 "Then: portrait-studio render --project X.pstudio -o OUT.mp4\n"
                 "      portrait-studio motion --project X.pstudio -o motion.csv\n\n"
                 "new:\n"
              << describeOptions(kNewOptions) << "\nadd-clip:\n"
              << describeOptions(kAddClipOptions) << "\nimport-csv:\n"
              << describeOptions(kImportOptions)
              << "\nimport-video (the actor's face tracked, retargeted onto the portrait's own "
                 "expression\nrelative to the actor's rest frame and mean head pose, added as a "
                 "capture layer):\n"
              << describeOptions(importVideoOptions()) << "\ninfo:\n"
              << describeOptions(kInfoOptions)
              << "\nbake (the channel as the project shows it, into linear keys on an overriding "
                 "curve):\n"
              << describeOptions(kBakeOptions)
              << "\nsmooth (a zero-phase low-pass over the keys' values; times stay):\n"
              << describeOptions(kSmoothOptions);
}

bool parseOrExplain(const std::string& what, const std::vector<std::string>& args,
                    const std::vector<OptionSpec>& specs, ParsedOptions* options) {
    std::string problem;
    if (!parseOptions(args, specs, options, &problem)) {
        printError("project " + what + ": " + problem + " (see portrait-studio project --help)");
        return false;
    }
    return true;
}

int newProject(const std::vector<std::string>& args) {
    ParsedOptions options;
    if (!parseOrExplain("new", args, kNewOptions, &options)) {
        return 2;
    }
    const std::string output = *options.value("--output");
    if (lowerExtension(output) != ".pstudio") {
        printError(output + ": a project's name ends in .pstudio");
        return 2;
    }
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::u8path(output), error)) {
        printError(output +
                   ": already exists; choose another name (a project is never replaced "
                   "by a new one)");
        return 2;
    }
    Project project;
    if (const auto fps = options.value("--fps")) {
        const auto rate = parseFrameRate(*fps);
        if (!rate) {
            printError("--fps " + *fps + ": use 23.976, 24, 25, 29.97, 30, 50 or 60");
            return 2;
        }
        project.fps = *rate;
    }
    // Both are decoded now, so a project never starts out pointing at something unusable.
    const std::string photo_path = *options.value("--photo");
    const std::string audio_path = *options.value("--audio");
    SilencedStderr quiet;
    if (Result<Photo> photo = decodeImage(photo_path); !photo) {
        return failWith(photo.error());
    }
    Result<AudioClip> audio = decodeAudio(audio_path);
    if (!audio) {
        return failWith(audio.error());
    }
    const bool embed = options.has("--embed");
    project.photo = {std::filesystem::absolute(std::filesystem::u8path(photo_path)).u8string(),
                     embed};
    project.audio = {std::filesystem::absolute(std::filesystem::u8path(audio_path)).u8string(),
                     embed};
    project.motion.duration_s = audio->duration_s();
    if (const Status written = writeProject(project, output); !written) {
        return failWith(written.error());
    }
    std::printf("wrote %s (%s + %s, %.2f s at %s fps%s)\n", output.c_str(),
                std::filesystem::u8path(photo_path).filename().u8string().c_str(),
                std::filesystem::u8path(audio_path).filename().u8string().c_str(),
                project.motion.duration_s, frameRateLabel(project.fps).c_str(),
                embed ? ", media embedded" : "");
    return 0;
}

// Reads the project, applies one edit, and writes it back in place; the file is untouched when
// anything fails.
int editProject(const std::string& path, const MotionEdit& edit) {
    Result<Project> project = readProject(path);
    if (!project) {
        return failWith(project.error());
    }
    Result<MotionEdit> undo = applyEdit(project->motion, edit);
    if (!undo) {
        return failWith(badInput(path, undo.error().message));
    }
    if (const Status written = writeProject(*project, path); !written) {
        return failWith(written.error());
    }
    std::printf("%s: %s\n", path.c_str(), describeEdit(edit).c_str());
    return 0;
}

int addClip(const std::vector<std::string>& args) {
    ParsedOptions options;
    if (!parseOrExplain("add-clip", args, kAddClipOptions, &options)) {
        return 2;
    }
    if (options.has("--expression") == options.has("--pose")) {
        printError("project add-clip: give either --expression NAME or --pose NAME");
        return 2;
    }
    const TemplateKind kind = options.has("--pose") ? TemplateKind::Pose : TemplateKind::Expression;
    const std::string name = *options.value(kind == TemplateKind::Pose ? "--pose" : "--expression");
    const TemplateLibrary library = TemplateLibrary::load(defaultPresetsFolder(), std::string());
    const std::optional<ExpressionTemplate> found = library.find(kind, name);
    if (!found) {
        std::string known;
        for (const std::string& each : library.names(kind)) {
            known += (known.empty() ? "" : ", ") + each;
        }
        printError("no " + std::string(kind == TemplateKind::Pose ? "pose" : "expression") +
                   " named \"" + name + "\" (there are: " + known + ")");
        return 2;
    }
    std::string problem;
    ExpressionClip clip;
    clip.expression = *found;
    const auto start = numberOption(options, "--start", 0.0, &problem);
    const auto duration =
        numberOption(options, "--duration", std::max(2.0, found->duration_s), &problem);
    const auto intensity = numberOption(options, "--intensity", 1.0, &problem);
    const auto fade_in = numberOption(options, "--fade-in", clip.fade_in_s, &problem);
    const auto fade_out = numberOption(options, "--fade-out", clip.fade_out_s, &problem);
    if (!problem.empty()) {
        printError(problem);
        return 2;
    }
    clip.start_s = *start;
    clip.duration_s = *duration;
    clip.intensity = float(*intensity);
    clip.fade_in_s = *fade_in;
    clip.fade_out_s = *fade_out;
    return editProject(*options.value("--project"),
                       MotionEdit{InsertElement<ExpressionClip>{std::move(clip)}});
}

int importCsv(const std::vector<std::string>& args) {
    ParsedOptions options;
    if (!parseOrExplain("import-csv", args, kImportOptions, &options)) {
        return 2;
    }
    CaptureLayer capture;
    std::string problem;
    const auto start = numberOption(options, "--start", 0.0, &problem);
    const auto strength = numberOption(options, "--strength", 1.0, &problem);
    if (!problem.empty()) {
        printError(problem);
        return 2;
    }
    const std::string blend = options.value("--blend").value_or("override");
    if (blend != "override" && blend != "add") {
        printError("--blend " + blend + ": use override or add");
        return 2;
    }
    const std::string csv = *options.value("--csv");
    Result<FaceTrack> track = readLiveLinkCsv(csv);
    if (!track) {
        return failWith(track.error());
    }
    capture.name = std::filesystem::u8path(csv).filename().u8string();
    capture.track = std::move(*track);
    capture.start_s = *start;
    capture.strength = float(*strength);
    capture.blend = blend == "add" ? BlendMode::Add : BlendMode::Override;
    return editProject(*options.value("--project"),
                       MotionEdit{InsertElement<CaptureLayer>{std::move(capture)}});
}

int describeProject(const std::vector<std::string>& args) {
    ParsedOptions options;
    if (!parseOrExplain("info", args, kInfoOptions, &options)) {
        return 2;
    }
    const std::string path = *options.value("--project");
    Result<Project> project = readProject(path);
    if (!project) {
        return failWith(project.error());
    }
    const MotionDocument& motion = project->motion;
    std::printf("project %s\n", path.c_str());
    std::printf("  photo %s%s\n", project->photo.path.c_str(),
                project->photo.embed ? " (embedded)" : "");
    std::printf("  voice %s%s\n", project->audio.path.c_str(),
                project->audio.embed ? " (embedded)" : "");
    std::printf("  %.2f s at %s fps\n", motion.duration_s, frameRateLabel(project->fps).c_str());
    for (const ExpressionClip& clip : motion.clips) {
        std::printf("  clip %llu: %s %s from %.2f s for %.2f s at %.2f\n",
                    (unsigned long long)clip.id,
                    clip.expression.kind == TemplateKind::Pose ? "pose" : "expression",
                    clip.expression.name.c_str(), clip.start_s, clip.duration_s, clip.intensity);
    }
    for (const CaptureLayer& capture : motion.captures) {
        std::printf("  capture %llu: %s from %.2f s, %zu frames at %g fps\n",
                    (unsigned long long)capture.id, capture.name.c_str(), capture.start_s,
                    capture.track.frames.size(), capture.track.fps);
    }
    std::printf("  %zu curves, %zu sculpts\n", motion.curves.size(), motion.sculpts.size());
    for (const KeyframeCurve& curve : motion.curves) {
        std::printf("  curve %llu: %s %s, %zu keys", (unsigned long long)curve.id,
                    std::string(motionChannelName(curve.channel)).c_str(),
                    curve.blend == BlendMode::Override ? "override" : "add", curve.keys.size());
        if (!curve.keys.empty()) {
            std::printf(" from %.2f s to %.2f s", curve.keys.front().t_s, curve.keys.back().t_s);
        }
        std::printf("%s\n", curve.enabled ? "" : " (off)");
    }
    for (const std::string& missing : missingMedia(*project)) {
        std::printf("  missing: %s\n", missing.c_str());
    }
    return 0;
}

// `project bake X.pstudio …` names the project first; `--project X.pstudio` works as well.
std::vector<std::string> withProjectOption(std::vector<std::string> args) {
    if (!args.empty() && !args[0].empty() && args[0][0] != '-') {
        args.insert(args.begin(), "--project");
    }
    return args;
}

std::optional<int> channelOption(const ParsedOptions& options, const std::string& project) {
    const std::string name = *options.value("--channel");
    const std::optional<int> channel = motionChannelFromName(name);
    if (!channel) {
        printError(project + ": --channel " + name +
                   " is not a channel (a blendshape as ARKit names it, such as jawOpen or "
                   "mouthSmileLeft, or headPitch, headYaw, headRoll, leftEyeYaw, leftEyePitch, "
                   "rightEyeYaw, rightEyePitch)");
    }
    return channel;
}

int bakeProjectChannel(const std::vector<std::string>& args) {
    ParsedOptions options;
    if (!parseOrExplain("bake", withProjectOption(args), kBakeOptions, &options)) {
        return 2;
    }
    const std::string path = *options.value("--project");
    const std::optional<int> channel = channelOption(options, path);
    if (!channel) {
        return 2;
    }
    std::string problem;
    const auto tolerance =
        numberOption(options, "--tolerance", defaultBakeTolerance(*channel), &problem);
    const auto from = numberOption(options, "--from", 0.0, &problem);
    if (!problem.empty()) {
        printError(path + ": " + problem);
        return 2;
    }
    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    Result<OpenedProject> opened = openProjectInputs(path, false, cancel);
    if (!opened) {
        return interrupt.interrupted() ? 130 : failWith(opened.error());
    }
    Project& project = opened->project;
    const auto to = numberOption(options, "--to", project.motion.duration_s, &problem);
    if (!problem.empty()) {
        printError(path + ": " + problem);
        return 2;
    }
    // The voice and idle layers are part of what the channel shows, so they are made first.
    Result<MotionSources> sources = [&] {
        TerminalProgress bar("voice");
        return makeMotionSources(project.motion, opened->audio ? &*opened->audio : nullptr, cancel,
                                 [&bar](const Progress& p) { bar.update(p); });
    }();
    if (!sources) {
        return interrupt.interrupted() ? 130 : failWith(sources.error());
    }
    Result<ChannelBake> bake =
        bakeChannel(project.motion, *sources, *channel, *from, *to, project.fps, float(*tolerance));
    if (!bake) {
        return failWith(badInput(path, bake.error().message));
    }
    std::string replaced;
    for (const ElementId id : bake->replaced) {
        const KeyframeCurve* old = findById(project.motion.curves, id);
        replaced += (replaced.empty() ? "; replaced curve " : ", curve ") + std::to_string(id) +
                    " (" + std::to_string(old ? old->keys.size() : 0) + " keys)";
    }
    if (Result<MotionEdit> undo = applyEdit(project.motion, bake->edit); !undo) {
        return failWith(badInput(path, undo.error().message));
    }
    if (const Status written = writeProject(project, path); !written) {
        return failWith(written.error());
    }
    std::printf(
        "%s: baked %s from %.2f s to %.2f s into curve %llu: %zu frames to %zu keys, "
        "within %g (largest difference %.4g)%s\n",
        path.c_str(), std::string(motionChannelName(*channel)).c_str(), bake->first_frame_s,
        bake->last_frame_s, (unsigned long long)bake->curve, bake->frame_count, bake->key_count,
        *tolerance, double(bake->largest_error), replaced.c_str());
    return 0;
}

int smoothProjectChannel(const std::vector<std::string>& args) {
    ParsedOptions options;
    if (!parseOrExplain("smooth", withProjectOption(args), kSmoothOptions, &options)) {
        return 2;
    }
    const std::string path = *options.value("--project");
    const std::optional<int> channel = channelOption(options, path);
    if (!channel) {
        return 2;
    }
    std::string problem;
    const auto cutoff = numberOption(options, "--cutoff", kDefaultSmoothCutoff_hz, &problem);
    const auto from =
        numberOption(options, "--from", -std::numeric_limits<double>::infinity(), &problem);
    const auto to =
        numberOption(options, "--to", std::numeric_limits<double>::infinity(), &problem);
    if (!problem.empty()) {
        printError(path + ": " + problem);
        return 2;
    }
    Result<Project> project = readProject(path);
    if (!project) {
        return failWith(project.error());
    }
    const std::string name(motionChannelName(*channel));
    // The last curve on the channel is the one that acts on top (a bake puts its curve there).
    const KeyframeCurve* curve = nullptr;
    for (const KeyframeCurve& each : project->motion.curves) {
        curve = each.channel == *channel ? &each : curve;
    }
    if (!curve) {
        printError(path + ": there is no curve on " + name +
                   " to smooth (bake it first: portrait-studio project bake " + path +
                   " --channel " + name + ")");
        return 2;
    }
    std::vector<double> times;
    for (const Keyframe& key : curve->keys) {
        if (key.t_s >= *from - 1e-6 && key.t_s <= *to + 1e-6) {
            times.push_back(key.t_s);
        }
    }
    if (times.empty()) {
        printError(path + ": the curve on " + name + " has no keys in the range given");
        return 2;
    }
    const ElementId curve_id = curve->id;
    Result<SmoothedKeys> smoothed = smoothKeys(project->motion, curve_id, times, *cutoff);
    if (!smoothed) {
        return failWith(badInput(path, smoothed.error().message));
    }
    if (Result<MotionEdit> undo = applyEdit(project->motion, smoothed->edit); !undo) {
        return failWith(badInput(path, undo.error().message));
    }
    if (const Status written = writeProject(*project, path); !written) {
        return failWith(written.error());
    }
    std::printf(
        "%s: smoothed %zu of %zu keys on %s (curve %llu) below %g Hz, largest change "
        "%.4g\n",
        path.c_str(), smoothed->smoothed, smoothed->key_count, name.c_str(),
        (unsigned long long)curve_id, *cutoff, double(smoothed->largest_change));
    return 0;
}

}  // namespace

int runProjectCommand(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printProjectHelp();
        return args.empty() ? 2 : 0;
    }
    const std::string action = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& arg : rest) {
        if (arg == "--help" || arg == "-h") {
            printProjectHelp();
            return 0;
        }
    }
    if (action == "new") {
        return newProject(rest);
    }
    if (action == "add-clip") {
        return addClip(rest);
    }
    if (action == "import-csv") {
        return importCsv(rest);
    }
    if (action == "import-video") {
        return importDrivingVideo(rest);
    }
    if (action == "info") {
        return describeProject(rest);
    }
    if (action == "bake") {
        return bakeProjectChannel(rest);
    }
    if (action == "smooth") {
        return smoothProjectChannel(rest);
    }
    printError(
        "project: unknown action \"" + action +
        "\" (new, add-clip, import-csv, import-video, info, bake or smooth; see portrait-studio "
        "project --help)");
    return 2;
}

}  // namespace ps::app
