// What an MP4 export is encoded with.
#pragma once

#include <string>

#include "media/FrameRate.h"

namespace ps {

struct VideoSettings {
    int width = 0;   // even, >= 16
    int height = 0;  // even, >= 16
    FrameRate fps = FrameRate::Fps25;
    int crf = 18;                    // libx264 constant rate factor, 0..51 (lower is better)
    std::string preset = "medium";   // libx264 preset, "ultrafast" .. "veryslow"
    int audio_bitrate_bps = 192000;  // AAC
};

// Empty when the settings can be encoded, otherwise a sentence saying what is wrong.
std::string validateVideoSettings(const VideoSettings& settings);

}  // namespace ps
