// Converts decoded FFmpeg frames to interleaved float PCM at one fixed rate and channel count,
// appending to a PcmBuffer it does not own. More channels are downmixed without clipping (the
// mix is normalised so the output stays in [-1, 1]); a source that changes format mid-stream is
// followed. Not thread-safe; one per output per decode.
#pragma once

#include <memory>

#include "media/PcmBuffer.h"

struct AVFrame;

namespace ps {

class AudioResampler {
public:
    // Sets out's rate and channel count; `out` must outlive the resampler.
    AudioResampler(PcmBuffer& out, int sample_rate_hz, int channels);
    ~AudioResampler();
    AudioResampler(const AudioResampler&) = delete;
    AudioResampler& operator=(const AudioResampler&) = delete;

    // Both return 0 or a negative AVERROR code.
    int convert(const AVFrame& frame);
    // Pushes out the samples still held in the resampling filter; call once after the last frame.
    int flush();

private:
    struct State;
    int configureFor(const AVFrame& frame);
    int convertSamples(const unsigned char* const* input, int input_frames);

    PcmBuffer& out_;
    std::unique_ptr<State> state_;
};

}  // namespace ps
