#include "VoiceTrack.h"

#include <cmath>
#include <cstdlib>

#include "motion/DocumentTrack.h"
#include "voice/VoiceToFace.h"

namespace ps::app {

namespace {

std::optional<double> parseNumber(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::vector<OptionSpec> voiceOptionSpecs() {
    return {
        {"--model", "", "FILE", "voice model weights (default: the built-in model)", false},
        {"--lips", "", "X", "strength of the mouth's movement, 0 to 2 (default 1)", false},
        {"--head", "", "X", "strength of the head's movement, 0 to 3 (default 1)", false},
        {"--blinks", "", "N", "blinks per minute, 0 to 60 (default 17)", false},
        {"--seed", "", "N", "seed for head motion and blinks (default 0)", false},
    };
}

std::optional<VoiceRequest> readVoiceRequest(const ParsedOptions& options, FrameRate fps,
                                             std::string* error) {
    error->clear();
    VoiceRequest request;
    request.model_path = options.value("--model").value_or(defaultVoiceModelPath());
    request.motion.fps = fps;
    // The same defaults as a new project's, so `render --photo --audio` makes the video the
    // studio exports for a photo and a voice that have not been edited.
    request.motion.head.seed = request.motion.blinks.seed = 0;
    const auto number = [&](const char* name, double low, double high) -> std::optional<double> {
        const std::optional<std::string> text = options.value(name);
        if (!text) {
            return std::nullopt;
        }
        const std::optional<double> value = parseNumber(*text);
        if (!value || *value < low || *value > high) {
            *error = std::string(name) + " " + *text + ": give a number from " +
                     std::to_string(int(low)) + " to " + std::to_string(int(high));
            return std::nullopt;
        }
        return value;
    };
    if (const auto lips = number("--lips", 0, 2)) {
        request.motion.lips = float(*lips);
    }
    if (const auto head = number("--head", 0, 3)) {
        request.motion.head.overall = float(*head);
    }
    if (const auto blinks = number("--blinks", 0, 60)) {
        request.motion.blinks.rate_per_min = *blinks;
    }
    if (const auto seed = number("--seed", 0, 1e9)) {
        request.motion.head.seed = request.motion.blinks.seed = uint64_t(*seed);
    }
    if (!error->empty()) {
        return std::nullopt;
    }
    return request;
}

MotionDocument documentFor(const VoiceRequest& request, double duration_s) {
    MotionDocument document;
    document.duration_s = duration_s;
    document.voice.model_path = request.model_path;
    document.voice.seed = request.motion.head.seed;
    document.idle.seed = request.motion.blinks.seed;
    document.idle.blinks_per_min = request.motion.blinks.rate_per_min;
    document.strengths.lips = request.motion.lips;
    document.strengths.head = request.motion.head.overall;
    return document;
}

Result<FaceTrack> faceTrackForVoice(const AudioClip& audio, const VoiceRequest& request,
                                    const CancelToken& cancel, const ProgressFn& progress) {
    return documentTrack(documentFor(request, audio.duration_s()), &audio, request.motion.fps,
                         cancel, progress);
}

std::optional<std::string> firstVoiceOptionGiven(const ParsedOptions& options) {
    for (const OptionSpec& spec : voiceOptionSpecs()) {
        if (options.has(spec.name)) {
            return spec.name;
        }
    }
    return std::nullopt;
}

}  // namespace ps::app
