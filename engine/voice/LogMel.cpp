#include "voice/LogMel.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "media/AudioClip.h"

namespace ps {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;
constexpr int kBins = kLogMelFftSize / 2 + 1;
constexpr float kMelPowerFloor = 1e-10f;

static_assert(kLogMelSampleRate_hz == kAnalysisSampleRate_hz,
              "the log-mel reads the analysis copy of the voice as it is");
static_assert(kLogMelWindow % 2 == 0, "frames are centred on a sample");

// Slaney's mel scale (librosa's htk=False): 3 mels per 200 Hz up to 1 kHz, then logarithmic
// with 27 mels per factor 6.4, so the two parts meet at 1 kHz = 15 mels.
constexpr double kLinearHzPerMel = 200.0 / 3.0;
constexpr double kBreakHz = 1000.0;
constexpr double kBreakMel = kBreakHz / kLinearHzPerMel;
const double kLogMelsStep = std::log(6.4) / 27.0;

double hzToMel(double hz) {
    return hz < kBreakHz ? hz / kLinearHzPerMel
                         : kBreakMel + std::log(hz / kBreakHz) / kLogMelsStep;
}

double melToHz(double mel) {
    return mel < kBreakMel ? mel * kLinearHzPerMel
                           : kBreakHz * std::exp(kLogMelsStep * (mel - kBreakMel));
}

}  // namespace

int64_t logMelFrameCount(int64_t sample_count) {
    return sample_count < 0 ? 0 : sample_count / kLogMelHop + 1;
}

SampleRange logMelSampleRange(int64_t first_frame, int64_t end_frame, int64_t total_samples) {
    if (end_frame <= first_frame) {
        return {};
    }
    const int64_t begin = first_frame * kLogMelHop - kLogMelWindow / 2;
    const int64_t end = (end_frame - 1) * kLogMelHop + kLogMelWindow / 2;
    return {std::clamp<int64_t>(begin, 0, total_samples),
            std::clamp<int64_t>(end, 0, total_samples)};
}

LogMelAnalyzer::LogMelAnalyzer() : fft_(kLogMelFftSize), window_(kLogMelWindow) {
    // Periodic Hann (scipy's sym=False, librosa's default): the window repeats seamlessly at
    // the hop, which is what a spectrogram wants; the symmetric one is for filter design.
    for (int n = 0; n < kLogMelWindow; ++n) {
        window_[n] = static_cast<float>(0.5 - 0.5 * std::cos(kTwoPi * n / kLogMelWindow));
    }

    // Band b's triangle rises from edge b to its peak at edge b + 1 and falls to edge b + 2;
    // the 82 edges are evenly spaced in mels from 0 Hz to 8 kHz.
    std::vector<double> edges_hz(kLogMelBands + 2);
    const double top_mel = hzToMel(kLogMelMaxFrequency_hz);
    for (int e = 0; e < kLogMelBands + 2; ++e) {
        edges_hz[e] = melToHz(top_mel * e / (kLogMelBands + 1));
    }
    centres_hz_.assign(edges_hz.begin() + 1, edges_hz.end() - 1);

    for (int b = 0; b < kLogMelBands; ++b) {
        const double lower = edges_hz[b], centre = edges_hz[b + 1], upper = edges_hz[b + 2];
        // Slaney's normalisation: height 2 / width gives each triangle unit area in Hz, so a
        // wide high band does not outweigh a narrow low one on a flat spectrum.
        const double height = 2.0 / (upper - lower);
        first_bin_.push_back(kBins);
        weight_offset_.push_back(static_cast<int>(weights_.size()));
        for (int k = 0; k < kBins; ++k) {
            const double hz = double(k) * kLogMelSampleRate_hz / kLogMelFftSize;
            const double rising = (hz - lower) / (centre - lower);
            const double falling = (upper - hz) / (upper - centre);
            const double weight = std::max(0.0, std::min(rising, falling)) * height;
            if (weight > 0.0) {
                first_bin_.back() = std::min(first_bin_.back(), k);
                weights_.push_back(static_cast<float>(weight));
            }
        }
        // A triangle is non-zero on one unbroken run of bins, so its run is these weights.
        weight_count_.push_back(static_cast<int>(weights_.size()) - weight_offset_.back());
    }
}

void LogMelAnalyzer::computeFrame(const float* frame_samples, float* out) const {
    // The window sits at the start of the 512-point buffer rather than centred in it as librosa
    // places it: the shift changes only the phase of X[k], not the power read here.
    float windowed[kLogMelFftSize];
    for (int n = 0; n < kLogMelWindow; ++n) {
        windowed[n] = frame_samples[n] * window_[n];
    }
    std::fill(windowed + kLogMelWindow, windowed + kLogMelFftSize, 0.0f);

    float re[kBins];
    float im[kBins];
    fft_.forward(windowed, re, im);
    float power[kBins];
    for (int k = 0; k < kBins; ++k) {
        power[k] = re[k] * re[k] + im[k] * im[k];
    }

    for (int b = 0; b < kLogMelBands; ++b) {
        const float* weights = weights_.data() + weight_offset_[b];
        const float* bins = power + first_bin_[b];
        float sum = 0.0f;
        for (int j = 0; j < weight_count_[b]; ++j) {
            sum += weights[j] * bins[j];
        }
        out[b] = sum > kMelPowerFloor ? std::log(sum) : kLogMelFloor;
    }
}

Result<LogMelSpectrogram> LogMelAnalyzer::compute(const SignalSpan& span, int64_t first_frame,
                                                  int64_t end_frame) const {
    const int64_t total = span.total_samples;
    if (total < 0 || span.count < 0 || span.offset < 0 || span.offset + span.count > total ||
        (span.count > 0 && span.samples == nullptr)) {
        return Error{ErrorKind::BadInput, "log-mel: the signal span is not inside its signal"};
    }
    if (first_frame < 0 || end_frame < first_frame || end_frame > logMelFrameCount(total)) {
        return Error{ErrorKind::BadInput, "log-mel: frames [" + std::to_string(first_frame) + ", " +
                                              std::to_string(end_frame) +
                                              ") are outside the signal's " +
                                              std::to_string(logMelFrameCount(total)) + " frames"};
    }
    const SampleRange needed = logMelSampleRange(first_frame, end_frame, total);
    if (needed.begin < needed.end &&
        (needed.begin < span.offset || needed.end > span.offset + span.count)) {
        return Error{ErrorKind::BadInput, "log-mel: frames [" + std::to_string(first_frame) + ", " +
                                              std::to_string(end_frame) +
                                              ") read samples the span does not hold"};
    }

    LogMelSpectrogram spectrogram;
    spectrogram.first_frame = first_frame;
    spectrogram.frames = end_frame - first_frame;
    spectrogram.data.resize(static_cast<size_t>(spectrogram.frames) * kLogMelBands);
    float frame_samples[kLogMelWindow];
    for (int64_t f = first_frame; f < end_frame; ++f) {
        const int64_t start = f * kLogMelHop - kLogMelWindow / 2;
        const int64_t inside_begin = std::clamp<int64_t>(start, 0, total) - start;
        const int64_t inside_end = std::clamp<int64_t>(start + kLogMelWindow, 0, total) - start;
        std::fill(frame_samples, frame_samples + kLogMelWindow, 0.0f);
        if (inside_begin < inside_end) {
            const float* source = span.samples + (start + inside_begin - span.offset);
            std::copy(source, source + (inside_end - inside_begin), frame_samples + inside_begin);
        }
        computeFrame(frame_samples, spectrogram.data.data() + (f - first_frame) * kLogMelBands);
    }
    return spectrogram;
}

LogMelSpectrogram LogMelAnalyzer::compute(const float* samples, int64_t count) const {
    count = std::max<int64_t>(count, 0);
    return compute(SignalSpan{samples, count, 0, count}, 0, logMelFrameCount(count)).value();
}

Result<LogMelSpectrogram> computeLogMel(const PcmBuffer& analysis) {
    if (analysis.sample_rate_hz != kLogMelSampleRate_hz || analysis.channels != 1) {
        return Error{ErrorKind::BadInput, "log-mel: the voice must be 16 kHz mono, not " +
                                              std::to_string(analysis.sample_rate_hz) +
                                              " Hz with " + std::to_string(analysis.channels) +
                                              " channels"};
    }
    static const LogMelAnalyzer analyzer;
    return analyzer.compute(analysis.samples.data(), static_cast<int64_t>(analysis.samples.size()));
}

}  // namespace ps
