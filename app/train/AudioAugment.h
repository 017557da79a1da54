// Makes clean synthesised speech sound like the audio the studio will really get: a room, noise,
// a microphone's colour, a level, a codec. Seeded and deterministic, and the output has exactly
// the input's samples in time, because the mouth targets are aligned to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/Result.h"
#include "train/AddedNoise.h"
#include "train/CodecRoundTrip.h"

namespace ps::train {

struct BitrateRange {
    int min_bps = 0;
    int max_bps = 0;
};

// Each stage happens with its probability; its parameters are drawn uniformly from its ranges.
// The stages run in this order: room, noise, music, equaliser, gain and limiting, codec.
struct AugmentSettings {
    double reverb_probability = 0.3;
    double min_rt60_s = 0.1;
    double max_rt60_s = 0.8;
    double min_wet = 0.15;  // the echo's level against the direct sound (see addReverb)
    double max_wet = 0.7;

    double noise_probability = 0.6;
    double min_snr_db = 10.0;
    double max_snr_db = 40.0;
    std::vector<NoiseKind> noise_kinds = {NoiseKind::White, NoiseKind::Pink, NoiseKind::Babble};

    // A music bed under the voice (BackgroundMusic.h), this many dB below it.
    double music_probability = 0.15;
    double min_music_db = 10.0;
    double max_music_db = 20.0;

    double equaliser_probability = 0.5;
    double max_shelf_db = 9.0;  // each shelf: −max … +max / 2 (cutting is commoner than boosting)
    double max_peak_db = 9.0;  // the peak: −max … +max

    double gain_probability = 1.0;
    // From a whisper's level to a shout's, which the limiter then squashes as a loud
    // recording is.
    double min_gain_db = -30.0;
    double max_gain_db = 12.0;

    double codec_probability = 0.3;
    std::vector<LossyCodec> codecs = {LossyCodec::Opus, LossyCodec::Mp3, LossyCodec::Aac};
    BitrateRange opus_bitrate = {12000, 32000};
    BitrateRange mp3_bitrate = {32000, 64000};
    BitrateRange aac_bitrate = {24000, 48000};
};

// What one call did, for the corpus' log.
struct AugmentRecord {
    std::optional<double> rt60_s;
    double wet = 0.0;
    std::optional<NoiseKind> noise;
    double snr_db = 0.0;
    std::optional<double> music_db;
    bool equalised = false;
    double gain_db = 0.0;
    std::optional<LossyCodec> codec;
    int bitrate_bps = 0;

    // "reverb rt60 0.42 s wet 0.31, pink noise 18.2 dB, music 14.0 dB below, eq, gain -3.1 dB,
    // Opus 16 kbit/s".
    std::string describe() const;
};

// An empty string, or a sentence naming the first setting that makes no sense.
std::string validateAugmentSettings(const AugmentSettings& settings);

// A new version of mono `pcm` (any rate the chosen codec takes; the studio's is 16 kHz) with the
// same number of samples, every one in [−1, 1]. The same seed and settings give the same output;
// different seeds give different ones. Fails on bad settings, more than one channel, or a codec
// failure. `record`, if given, receives what was done.
Result<PcmBuffer> augment(const PcmBuffer& pcm, uint64_t seed, const AugmentSettings& settings = {},
                          AugmentRecord* record = nullptr);

}  // namespace ps::train
