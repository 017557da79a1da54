#include "voice/Prosody.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "voice/LogMel.h"
#include "voice/RealFft.h"

namespace ps {

namespace {

// The same frames as the log-mel: centred every 160 samples, 400 samples (25 ms) wide.
constexpr int kHop = kLogMelHop;
constexpr int kWindow = kLogMelWindow;
constexpr int kSampleRate_hz = kLogMelSampleRate_hz;
static_assert(kSampleRate_hz / kHop == kProsodyFrameRate_hz, "one prosody frame per hop");

// Below this a frame is treated as silence and not searched for a pitch: nothing a microphone
// records of a voice is this quiet, and YIN's normalised difference is meaningless at the level
// of rounding noise.
constexpr float kQuietestVoice_db = -80.0f;

// A clip with too little dynamic range to tell pauses from speech is all speech if its usual
// level is at least this, and all silence otherwise.
constexpr float kUniformSpeechLevel_db = -60.0f;

// Samples [start, start + count) of x, with zeros outside the signal.
void copyWithZeros(const float* x, int64_t n, int64_t start, int count, float* out) {
    for (int j = 0; j < count; ++j) {
        const int64_t s = start + j;
        out[j] = (s >= 0 && s < n) ? x[s] : 0.0f;
    }
}

float loudnessDb(const float* x, int64_t n, int64_t centre) {
    double energy = 0.0;
    const int64_t begin = std::max<int64_t>(centre - kWindow / 2, 0);
    const int64_t end = std::min<int64_t>(centre + kWindow / 2, n);
    for (int64_t s = begin; s < end; ++s) {
        energy += double(x[s]) * x[s];
    }
    const double rms = std::sqrt(energy / kWindow);
    return std::max(kSilenceLoudness_db, static_cast<float>(20.0 * std::log10(rms + 1e-30)));
}

int nextPowerOfTwo(int n) {
    int p = 1;
    while (p < n) {
        p *= 2;
    }
    return p;
}

// YIN (de Cheveigne and Kawahara, 2002): the squared difference between the window and its copy
// delayed by each lag, normalised by its running mean, dips near zero at the period. The
// difference sum_j (a_j - a_{j+lag})^2 expands to two energies, kept by a running sum, minus
// twice a cross-correlation, which one FFT product gives for all lags at once; summing
// directly would cost lag count x window (~100k) operations per frame.
class PitchTracker {
public:
    explicit PitchTracker(const ProsodySettings& settings)
        : threshold_(static_cast<float>(settings.voicing_threshold)),
          min_pitch_hz_(static_cast<float>(settings.min_pitch_hz)),
          max_pitch_hz_(static_cast<float>(settings.max_pitch_hz)),
          min_lag_(static_cast<int>(std::floor(kSampleRate_hz / settings.max_pitch_hz))),
          // One lag beyond the longest period, so that a dip there has a neighbour each side.
          max_lag_(static_cast<int>(std::ceil(kSampleRate_hz / settings.min_pitch_hz)) + 1),
          span_(kWindow + max_lag_),
          // Lag l compares samples [start, start + window + l): leading by a quarter of the
          // middle lag centres the comparison on the frame for mid-range voices, and keeps it
          // within a few ms of the centre at either end of the range.
          lead_((min_lag_ + max_lag_) / 4),
          fft_(nextPowerOfTwo(span_)),
          segment_(span_),
          padded_(fft_.size(), 0.0f),
          window_re_(fft_.binCount()),
          window_im_(fft_.binCount()),
          span_re_(fft_.binCount()),
          span_im_(fft_.binCount()),
          correlation_(fft_.size()),
          normalised_(max_lag_ + 1) {}

    // The pitch of the frame centred on `centre`, or 0 when it is not periodic.
    float pitchAt(const float* x, int64_t n, int64_t centre) {
        copyWithZeros(x, n, centre - kWindow / 2 - lead_, span_, segment_.data());

        // r(l) = sum_{j < window} s_j s_{j+l}: the window's spectrum, conjugated, times the
        // whole segment's. Both are zero-padded past the segment, so no lag wraps around.
        std::copy(segment_.begin(), segment_.begin() + kWindow, padded_.begin());
        std::fill(padded_.begin() + kWindow, padded_.end(), 0.0f);
        fft_.forward(padded_.data(), window_re_.data(), window_im_.data());
        std::copy(segment_.begin(), segment_.end(), padded_.begin());
        fft_.forward(padded_.data(), span_re_.data(), span_im_.data());
        for (int k = 0; k < fft_.binCount(); ++k) {
            const float ar = window_re_[k], ai = -window_im_[k];
            const float br = span_re_[k], bi = span_im_[k];
            span_re_[k] = ar * br - ai * bi;
            span_im_[k] = ar * bi + ai * br;
        }
        fft_.inverse(span_re_.data(), span_im_.data(), correlation_.data());

        double window_energy = 0.0;
        for (int j = 0; j < kWindow; ++j) {
            window_energy += double(segment_[j]) * segment_[j];
        }
        double delayed_energy = window_energy;  // of samples [lag, lag + window)
        double cumulative = 0.0;
        normalised_[0] = 1.0f;
        for (int lag = 1; lag <= max_lag_; ++lag) {
            const double leaving = segment_[lag - 1], entering = segment_[lag - 1 + kWindow];
            delayed_energy += entering * entering - leaving * leaving;
            // Rounding in the transform can leave a perfect match slightly negative.
            const double difference =
                std::max(0.0, window_energy + delayed_energy - 2.0 * correlation_[lag]);
            cumulative += difference;
            normalised_[lag] =
                cumulative > 0.0 ? static_cast<float>(difference * lag / cumulative) : 1.0f;
        }

        // The first dip under the threshold, followed to its bottom: the shortest lag that
        // repeats the waveform, so a voice is not mistaken for its own octave below.
        int lag = min_lag_;
        while (lag < max_lag_ && normalised_[lag] >= threshold_) {
            ++lag;
        }
        if (lag >= max_lag_) {
            return 0.0f;
        }
        while (lag + 1 < max_lag_ && normalised_[lag + 1] < normalised_[lag]) {
            ++lag;
        }
        // A dip cut off by either end of the range belongs to a pitch outside it.
        if ((lag == min_lag_ && normalised_[lag - 1] < normalised_[lag]) ||
            normalised_[lag + 1] < normalised_[lag]) {
            return 0.0f;
        }

        // The bottom of a parabola through the dip and its neighbours, for a fractional lag.
        const float before = normalised_[lag - 1], at = normalised_[lag],
                    after = normalised_[lag + 1];
        const float curvature = before - 2.0f * at + after;
        const float shift = curvature > 0.0f ? 0.5f * (before - after) / curvature : 0.0f;
        const float pitch_hz = kSampleRate_hz / (lag + std::clamp(shift, -0.5f, 0.5f));
        return (pitch_hz >= min_pitch_hz_ && pitch_hz <= max_pitch_hz_) ? pitch_hz : 0.0f;
    }

private:
    float threshold_;
    float min_pitch_hz_;
    float max_pitch_hz_;
    int min_lag_;
    int max_lag_;
    int span_;
    int lead_;
    RealFft fft_;
    std::vector<float> segment_;
    std::vector<float> padded_;
    std::vector<float> window_re_, window_im_;
    std::vector<float> span_re_, span_im_;
    std::vector<float> correlation_;
    std::vector<float> normalised_;
};

float percentile(std::vector<float> values, double fraction) {
    const size_t index = static_cast<size_t>(std::lround(fraction * (values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return values[index];
}

// Runs of equal flags: [begin, end) of each run, in order.
struct Run {
    size_t begin;
    size_t end;
    bool speech;
};
std::vector<Run> runsOf(const std::vector<ProsodyFrame>& frames) {
    std::vector<Run> runs;
    for (size_t i = 0; i < frames.size(); ++i) {
        if (runs.empty() || runs.back().speech != frames[i].speech) {
            runs.push_back({i, i, frames[i].speech});
        }
        runs.back().end = i + 1;
    }
    return runs;
}

void setSpeech(std::vector<ProsodyFrame>& frames, const Run& run, bool speech) {
    for (size_t i = run.begin; i < run.end; ++i) {
        frames[i].speech = speech;
    }
}

void markSpeech(const ProsodySettings& settings, Prosody& prosody) {
    std::vector<ProsodyFrame>& frames = prosody.frames;
    std::vector<float> loudness;
    for (const ProsodyFrame& frame : frames) {
        loudness.push_back(frame.loudness_db);
    }
    const float level = percentile(loudness, 0.95);
    const float floor =
        std::max(percentile(loudness, 0.10), level - static_cast<float>(settings.max_range_db));
    const float range = level - floor;
    prosody.speech_on_db = floor + static_cast<float>(settings.speech_on) * range;
    prosody.speech_off_db = floor + static_cast<float>(settings.speech_off) * range;

    if (range < settings.min_range_db) {
        const bool all_speech = level >= kUniformSpeechLevel_db;
        for (ProsodyFrame& frame : frames) {
            frame.speech = all_speech;
        }
        return;
    }

    // Hysteresis without a direction in time: a stretch above the lower threshold is speech if
    // any of it passes the upper one, so a word's soft start and soft end count alike.
    size_t i = 0;
    while (i < frames.size()) {
        if (frames[i].loudness_db < prosody.speech_off_db) {
            ++i;
            continue;
        }
        size_t end = i;
        bool reaches_on = false;
        while (end < frames.size() && frames[end].loudness_db >= prosody.speech_off_db) {
            reaches_on = reaches_on || frames[end].loudness_db >= prosody.speech_on_db;
            ++end;
        }
        for (size_t j = i; j < end; ++j) {
            frames[j].speech = reaches_on;
        }
        i = end;
    }

    const double frames_per_s = prosody.frame_rate_hz;
    const size_t bridge_frames =
        static_cast<size_t>(std::lround(settings.bridge_gap_s * frames_per_s));
    for (const Run& run : runsOf(frames)) {
        const bool inside = run.begin > 0 && run.end < frames.size();
        if (!run.speech && inside && run.end - run.begin < bridge_frames) {
            setSpeech(frames, run, true);
        }
    }
    const size_t shortest_speech =
        static_cast<size_t>(std::lround(settings.min_speech_s * frames_per_s));
    for (const Run& run : runsOf(frames)) {
        if (run.speech && run.end - run.begin < shortest_speech) {
            setSpeech(frames, run, false);
        }
    }
}

void findPauses(const ProsodySettings& settings, Prosody& prosody) {
    const double hop_s = 1.0 / prosody.frame_rate_hz;
    const double half_window_s = 0.5 * kWindow / kSampleRate_hz;
    const size_t count = prosody.frames.size();
    for (const Run& run : runsOf(prosody.frames)) {
        if (run.speech) {
            continue;
        }
        // Midway between the last speech frame and the first silent one, less half a window
        // (see Pause); the clip's own ends are ends of pauses as they are.
        const double start =
            run.begin == 0 ? 0.0 : (double(run.begin) - 0.5) * hop_s - half_window_s;
        const double end =
            run.end == count ? prosody.duration_s : (double(run.end) - 0.5) * hop_s + half_window_s;
        Pause pause{std::clamp(start, 0.0, prosody.duration_s),
                    std::clamp(end, 0.0, prosody.duration_s)};
        if (pause.duration_s() >= settings.min_pause_s) {
            prosody.pauses.push_back(pause);
        }
    }
}

std::string checkSettings(const ProsodySettings& s) {
    if (!(s.min_pitch_hz >= 20.0 && s.min_pitch_hz < s.max_pitch_hz &&
          s.max_pitch_hz <= kSampleRate_hz / 8.0)) {
        return "prosody: the pitch range must lie within 20 .. 2000 Hz";
    }
    if (!(s.voicing_threshold > 0.0 && s.voicing_threshold < 1.0)) {
        return "prosody: the voicing threshold must be between 0 and 1";
    }
    if (!(s.speech_off >= 0.0 && s.speech_off <= s.speech_on && s.speech_on <= 1.0 &&
          s.max_range_db > 0.0 && s.min_range_db >= 0.0 && s.bridge_gap_s >= 0.0 &&
          s.min_speech_s >= 0.0 && s.min_pause_s >= 0.0)) {
        return "prosody: the speech activity settings are out of range";
    }
    return {};
}

}  // namespace

Result<Prosody> analyzeProsody(const PcmBuffer& analysis, const ProsodySettings& settings) {
    if (analysis.sample_rate_hz != kSampleRate_hz || analysis.channels != 1) {
        return Error{ErrorKind::BadInput, "prosody: the voice must be 16 kHz mono, not " +
                                              std::to_string(analysis.sample_rate_hz) +
                                              " Hz with " + std::to_string(analysis.channels) +
                                              " channels"};
    }
    const std::string problem = checkSettings(settings);
    if (!problem.empty()) {
        return Error{ErrorKind::BadInput, problem};
    }

    const float* x = analysis.samples.data();
    const int64_t n = static_cast<int64_t>(analysis.samples.size());
    Prosody prosody;
    prosody.duration_s = analysis.duration_s();
    prosody.frames.resize(static_cast<size_t>(logMelFrameCount(n)));
    PitchTracker pitch(settings);
    for (size_t i = 0; i < prosody.frames.size(); ++i) {
        ProsodyFrame& frame = prosody.frames[i];
        const int64_t centre = static_cast<int64_t>(i) * kHop;
        frame.loudness_db = loudnessDb(x, n, centre);
        if (frame.loudness_db >= kQuietestVoice_db) {
            frame.pitch_hz = pitch.pitchAt(x, n, centre);
            frame.voiced = frame.pitch_hz > 0.0f;
        }
    }
    markSpeech(settings, prosody);
    findPauses(settings, prosody);
    return prosody;
}

}  // namespace ps
