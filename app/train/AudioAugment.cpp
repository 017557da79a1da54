#include "train/AudioAugment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "runtime/SeededRandom.h"
#include "train/BackgroundMusic.h"
#include "train/Equaliser.h"
#include "train/GainAndLimit.h"
#include "train/RoomReverb.h"

namespace ps::train {
namespace {

// Each stage draws from its own stream of the seed, so changing one stage's probability or
// parameters leaves the others' choices as they were.
enum class Stage : uint64_t { Room = 1, Noise, Equaliser, Gain, Codec, Music };

SeededRandom streamFor(const SeededRandom& root, Stage stage) {
    return root.stream(static_cast<uint64_t>(stage));
}

template <class T>
const T& pick(const std::vector<T>& choices, SeededRandom& random) {
    return choices[static_cast<size_t>(random.below(choices.size()))];
}

std::string checkProbability(double probability, const char* name) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
        return std::string("the ") + name + " probability must be between 0 and 1.";
    }
    return {};
}

// low ≤ high, both finite and within [floor, ceiling].
std::string checkRange(double low, double high, double floor, double ceiling, const char* name) {
    if (!(std::isfinite(low) && std::isfinite(high) && floor <= low && low <= high &&
          high <= ceiling)) {
        char sentence[160];
        std::snprintf(sentence, sizeof(sentence),
                      "the %s range must be ordered and lie within %g … %g.", name, floor, ceiling);
        return sentence;
    }
    return {};
}

const BitrateRange& bitrateRangeOf(const AugmentSettings& settings, LossyCodec codec) {
    switch (codec) {
        case LossyCodec::Opus:
            return settings.opus_bitrate;
        case LossyCodec::Mp3:
            return settings.mp3_bitrate;
        case LossyCodec::Aac:
            break;
    }
    return settings.aac_bitrate;
}

// Whole kbit/s, as encoders are usually set.
int drawBitrate(const BitrateRange& range, SeededRandom& random) {
    const int low_kbps = range.min_bps / 1000;
    const int high_kbps = std::max(low_kbps, range.max_bps / 1000);
    return 1000 * (low_kbps +
                   static_cast<int>(random.below(static_cast<uint64_t>(high_kbps - low_kbps + 1))));
}

}  // namespace

std::string AugmentRecord::describe() const {
    std::string text;
    char part[96];
    const auto append = [&](const char* piece) {
        text += text.empty() ? "" : ", ";
        text += piece;
    };
    if (rt60_s) {
        std::snprintf(part, sizeof(part), "reverb rt60 %.2f s wet %.2f", *rt60_s, wet);
        append(part);
    }
    if (noise) {
        std::snprintf(part, sizeof(part), "%s noise %.1f dB",
                      std::string(noiseKindName(*noise)).c_str(), snr_db);
        append(part);
    }
    if (music_db) {
        std::snprintf(part, sizeof(part), "music %.1f dB below", *music_db);
        append(part);
    }
    if (equalised) {
        append("eq");
    }
    if (gain_db != 0.0) {
        std::snprintf(part, sizeof(part), "gain %.1f dB", gain_db);
        append(part);
    }
    if (codec) {
        std::snprintf(part, sizeof(part), "%s %d kbit/s",
                      std::string(lossyCodecName(*codec)).c_str(), bitrate_bps / 1000);
        append(part);
    }
    return text.empty() ? "clean" : text;
}

std::string validateAugmentSettings(const AugmentSettings& s) {
    const std::string problems[] = {
        checkProbability(s.reverb_probability, "reverberation"),
        checkRange(s.min_rt60_s, s.max_rt60_s, 0.01, 5.0, "RT60"),
        checkRange(s.min_wet, s.max_wet, 0.0, 4.0, "reverberation wet level"),
        checkProbability(s.noise_probability, "noise"),
        checkRange(s.min_snr_db, s.max_snr_db, -20.0, 100.0, "signal-to-noise ratio"),
        s.noise_probability > 0.0 && s.noise_kinds.empty()
            ? "noise is enabled but no kind of noise is allowed."
            : "",
        checkProbability(s.music_probability, "music"),
        checkRange(s.min_music_db, s.max_music_db, -20.0, 100.0, "music level"),
        checkProbability(s.equaliser_probability, "equaliser"),
        checkRange(0.0, s.max_shelf_db, 0.0, 24.0, "shelf gain"),
        checkRange(0.0, s.max_peak_db, 0.0, 24.0, "peak gain"),
        checkProbability(s.gain_probability, "gain"),
        checkRange(s.min_gain_db, s.max_gain_db, -60.0, 24.0, "gain"),
        checkProbability(s.codec_probability, "codec"),
        s.codec_probability > 0.0 && s.codecs.empty()
            ? "the codec stage is enabled but no codec is allowed."
            : "",
        checkRange(s.opus_bitrate.min_bps, s.opus_bitrate.max_bps, 6000, 510000, "Opus bit rate"),
        checkRange(s.mp3_bitrate.min_bps, s.mp3_bitrate.max_bps, 8000, 320000, "MP3 bit rate"),
        checkRange(s.aac_bitrate.min_bps, s.aac_bitrate.max_bps, 8000, 512000, "AAC bit rate"),
    };
    for (const std::string& problem : problems) {
        if (!problem.empty()) {
            return problem;
        }
    }
    return {};
}

Result<PcmBuffer> augment(const PcmBuffer& pcm, uint64_t seed, const AugmentSettings& settings,
                          AugmentRecord* record) {
    if (const std::string problem = validateAugmentSettings(settings); !problem.empty()) {
        return badInput("augmentation settings", problem);
    }
    if (pcm.channels != 1 || pcm.sample_rate_hz <= 0) {
        return badInput("augmentation", "needs mono audio with a sample rate");
    }

    AugmentRecord done;
    PcmBuffer out = pcm;
    const SeededRandom root(seed);
    const double rate = pcm.sample_rate_hz;

    if (SeededRandom random = streamFor(root, Stage::Room);
        random.chance(settings.reverb_probability)) {
        done.rt60_s = random.uniform(settings.min_rt60_s, settings.max_rt60_s);
        done.wet = random.uniform(settings.min_wet, settings.max_wet);
        addReverb(out, *done.rt60_s, done.wet, random);
    }

    if (SeededRandom random = streamFor(root, Stage::Noise);
        random.chance(settings.noise_probability)) {
        done.noise = pick(settings.noise_kinds, random);
        done.snr_db = random.uniform(settings.min_snr_db, settings.max_snr_db);
        addNoise(out, *done.noise, done.snr_db, random);
    }

    if (SeededRandom random = streamFor(root, Stage::Music);
        random.chance(settings.music_probability)) {
        done.music_db = random.uniform(settings.min_music_db, settings.max_music_db);
        addMusic(out, *done.music_db, random);
    }

    if (SeededRandom random = streamFor(root, Stage::Equaliser);
        random.chance(settings.equaliser_probability)) {
        // Corners and centres inside the band a 16 kHz voice has (and below any rate's Nyquist).
        EqualiserBands bands;
        bands.low_shelf_hz = random.uniform(60.0, 300.0);
        bands.low_shelf_db = random.uniform(-settings.max_shelf_db, settings.max_shelf_db / 2);
        bands.high_shelf_hz = random.uniform(2000.0, std::min(6000.0, 0.4 * rate));
        bands.high_shelf_db = random.uniform(-settings.max_shelf_db, settings.max_shelf_db / 2);
        bands.peak_hz = random.uniform(200.0, std::min(4000.0, 0.4 * rate));
        bands.peak_q = random.uniform(0.5, 3.0);
        bands.peak_db = random.uniform(-settings.max_peak_db, settings.max_peak_db);
        equalise(out, bands);
        done.equalised = true;
    }

    if (SeededRandom random = streamFor(root, Stage::Gain);
        random.chance(settings.gain_probability)) {
        done.gain_db = random.uniform(settings.min_gain_db, settings.max_gain_db);
        applyGain(out, done.gain_db);
    }
    // Whatever the stages before did, the codec (and the caller) get samples inside (−1, 1).
    softLimit(out);

    if (SeededRandom random = streamFor(root, Stage::Codec);
        random.chance(settings.codec_probability)) {
        const LossyCodec codec = pick(settings.codecs, random);
        const int bitrate = drawBitrate(bitrateRangeOf(settings, codec), random);
        Result<PcmBuffer> coded = codecRoundTrip(out, codec, bitrate);
        if (!coded.ok()) {
            return coded.error();
        }
        out = std::move(coded).value();
        // Lossy codecs overshoot a little around loud transients.
        softLimit(out);
        done.codec = codec;
        done.bitrate_bps = bitrate;
    }

    if (record != nullptr) {
        *record = done;
    }
    return out;
}

}  // namespace ps::train
