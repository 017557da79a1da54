#include "media/VideoSettings.h"

#include <algorithm>
#include <array>

namespace ps {

namespace {

// H.264 levels top out at 8192 pixels a side; below 16 a frame is smaller than one macroblock.
constexpr int kMinSide_px = 16;
constexpr int kMaxSide_px = 8192;

// Below 16 kb/s AAC is unintelligible; above 512 kb/s the encoder cannot use the bits for stereo.
constexpr int kMinAudioBitrate_bps = 16000;
constexpr int kMaxAudioBitrate_bps = 512000;

constexpr std::array<const char*, 10> kX264Presets = {
    "ultrafast", "superfast", "veryfast", "faster",   "fast",
    "medium",    "slow",      "slower",   "veryslow", "placebo"};

std::string checkSide(const char* name, int value_px) {
    if (value_px < kMinSide_px || value_px > kMaxSide_px || value_px % 2 != 0) {
        return std::string("The frame ") + name + " must be an even number of pixels from " +
               std::to_string(kMinSide_px) + " to " + std::to_string(kMaxSide_px) + " (it is " +
               std::to_string(value_px) + ").";
    }
    return {};
}

}  // namespace

std::string validateVideoSettings(const VideoSettings& settings) {
    if (std::string problem = checkSide("width", settings.width); !problem.empty()) {
        return problem;
    }
    if (std::string problem = checkSide("height", settings.height); !problem.empty()) {
        return problem;
    }
    if (frameRateRational(settings.fps).num <= 0) {
        return "The frame rate must be one of 23.976, 24, 25, 29.97, 30, 50 or 60.";
    }
    if (settings.crf < 0 || settings.crf > 51) {
        return "The quality (CRF) must be from 0 to 51 (it is " + std::to_string(settings.crf) +
               ").";
    }
    const bool known_preset =
        std::any_of(kX264Presets.begin(), kX264Presets.end(),
                    [&](const char* name) { return settings.preset == name; });
    if (!known_preset) {
        return "The encoder preset \"" + settings.preset +
               "\" is not one of ultrafast, superfast, veryfast, faster, fast, medium, slow, "
               "slower, veryslow or placebo.";
    }
    if (settings.audio_bitrate_bps < kMinAudioBitrate_bps ||
        settings.audio_bitrate_bps > kMaxAudioBitrate_bps) {
        return "The audio bitrate must be from " + std::to_string(kMinAudioBitrate_bps / 1000) +
               " to " + std::to_string(kMaxAudioBitrate_bps / 1000) + " kb/s (it is " +
               std::to_string(settings.audio_bitrate_bps) + " b/s).";
    }
    return {};
}

}  // namespace ps
