// A decoded voice track: one copy for analysis (16 kHz mono, what the voice model reads) and one
// for playback and export (48 kHz, the source's channels folded to mono or stereo).
#pragma once

#include <string>

#include "media/PcmBuffer.h"

namespace ps {

constexpr int kAnalysisSampleRate_hz = 16000;
constexpr int kPlaybackSampleRate_hz = 48000;

struct AudioSourceInfo {
    std::string path;
    std::string codec_name;  // FFmpeg's short name, e.g. "pcm_s24le", "mp3", "opus"
    int sample_rate_hz = 0;
    int channels = 0;
};

struct AudioClip {
    AudioSourceInfo source;
    PcmBuffer analysis;  // 16 kHz, 1 channel
    PcmBuffer playback;  // 48 kHz, 1 or 2 channels (more than two are downmixed to stereo)

    double duration_s() const { return playback.duration_s(); }
};

}  // namespace ps
