// The log-mel spectrogram the voice model reads: 80 bands at 100 frames per second from the
// 16 kHz mono analysis copy of the voice (AudioClip::analysis).
//
// The recipe is librosa's melspectrogram(sr=16000, n_fft=512, win_length=400, hop_length=160,
// window='hann', center=True, pad_mode='constant', power=2.0, n_mels=80, fmin=0, fmax=8000,
// htk=False, norm='slaney') followed by the natural log:
//   - frame i is centred on sample i * 160 (t = i * 10 ms); its 400-sample periodic Hann window
//     covers samples [i*160 - 200, i*160 + 200), and samples outside the signal are zeros;
//   - a signal of N samples has N / 160 + 1 frames (integer division): frame 0 is centred on the
//     first sample and the last frame on the last whole hop, as with librosa's centred frames;
//   - the power spectrum is |X[k]|^2 of the windowed 400 samples zero-padded to 512, unscaled;
//   - 80 triangular filters with centres evenly spaced on the Slaney mel scale (linear below
//     1 kHz, logarithmic above) between 0 and 8000 Hz, each scaled to unit area in Hz;
//   - value = ln(max(mel_power, 1e-10)), so digital silence is exactly kLogMelFloor.
// Memory stays bounded on long audio by computing a range of frames at a time from only the
// samples those frames reach; each frame's value does not depend on how the range was cut.
#pragma once

#include <cstdint>
#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/Result.h"
#include "voice/RealFft.h"

namespace ps {

constexpr int kLogMelSampleRate_hz = 16000;
constexpr int kLogMelBands = 80;
constexpr int kLogMelHop = 160;     // samples: 10 ms
constexpr int kLogMelWindow = 400;  // samples: 25 ms
constexpr int kLogMelFftSize = 512;
constexpr double kLogMelFrameRate_hz = double(kLogMelSampleRate_hz) / kLogMelHop;  // 100
constexpr double kLogMelMaxFrequency_hz = 8000.0;
constexpr float kLogMelFloor = -23.02585093f;  // ln(1e-10): the value of a silent band

// Frames of a signal of `sample_count` samples: sample_count / 160 + 1 (0 for a negative count).
int64_t logMelFrameCount(int64_t sample_count);

// Samples [begin, end) of a signal with `total_samples` samples that frames [first_frame,
// end_frame) read: what a caller streaming long audio must have in memory for that range.
struct SampleRange {
    int64_t begin = 0;
    int64_t end = 0;
};
SampleRange logMelSampleRange(int64_t first_frame, int64_t end_frame, int64_t total_samples);

// Part of a longer mono signal: `samples` holds samples [offset, offset + count) of a signal of
// `total_samples` samples. A whole signal is {data, size, 0, size}.
struct SignalSpan {
    const float* samples = nullptr;
    int64_t count = 0;
    int64_t offset = 0;
    int64_t total_samples = 0;
};

struct LogMelSpectrogram {
    int64_t first_frame = 0;  // the whole signal's frame index of row 0 (non-zero for a chunk)
    int64_t frames = 0;
    int bands = kLogMelBands;
    double frame_rate_hz = kLogMelFrameRate_hz;
    std::vector<float> data;  // row-major [frames x bands]; row r is frame first_frame + r

    const float* frame(int64_t row) const { return data.data() + row * bands; }
};

// Holds the window, the transform's tables and the filter bank; build one and reuse it.
// Thread-safe: compute() only reads the tables.
class LogMelAnalyzer {
public:
    LogMelAnalyzer();

    // Frames [first_frame, end_frame) of the signal `span` is part of. BadInput when the range
    // is outside 0 .. logMelFrameCount(total_samples) or `span` lacks samples it reads (see
    // logMelSampleRange).
    Result<LogMelSpectrogram> compute(const SignalSpan& span, int64_t first_frame,
                                      int64_t end_frame) const;
    // Every frame of a whole signal.
    LogMelSpectrogram compute(const float* samples, int64_t count) const;

    // Centre frequency of a band's triangle (its peak), Hz.
    double bandCentre_hz(int band) const { return centres_hz_[band]; }

private:
    // One frame into `out` (kLogMelBands values); `frame_samples` is the window's 400 samples,
    // already zero where they fall outside the signal.
    void computeFrame(const float* frame_samples, float* out) const;

    RealFft fft_;
    std::vector<float> window_;
    // Each filter is non-zero on bins [first_bin_[b], first_bin_[b] + weight_count_[b]); its
    // weights lie in weights_ from weight_offset_[b].
    std::vector<int> first_bin_;
    std::vector<int> weight_count_;
    std::vector<int> weight_offset_;
    std::vector<float> weights_;
    std::vector<double> centres_hz_;
};

// The whole spectrogram of an analysis buffer; BadInput unless it is 16 kHz mono.
Result<LogMelSpectrogram> computeLogMel(const PcmBuffer& analysis);

}  // namespace ps
