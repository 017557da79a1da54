#include "train/MonoResampler.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

namespace ps::train {
namespace {

struct SwrFree {
    void operator()(SwrContext* context) const { swr_free(&context); }
};

std::string averrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof(text));
    return text;
}

}  // namespace

Result<PcmBuffer> resampleMono(const std::vector<float>& samples, int from_hz, int to_hz) {
    PcmBuffer out;
    out.sample_rate_hz = to_hz;
    out.channels = 1;
    if (from_hz <= 0 || to_hz <= 0) {
        return internalError("cannot resample from " + std::to_string(from_hz) + " Hz to " +
                             std::to_string(to_hz) + " Hz");
    }
    if (from_hz == to_hz || samples.empty()) {
        out.samples = samples;
        return out;
    }

    AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
    SwrContext* raw = nullptr;
    int result = swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_FLT, to_hz, &mono,
                                     AV_SAMPLE_FMT_FLT, from_hz, 0, nullptr);
    std::unique_ptr<SwrContext, SwrFree> context(raw);
    if (result >= 0) {
        // A longer filter than the default 32 taps: a steeper roll-off just below the new
        // Nyquist frequency keeps fricative energy up to ~7.5 kHz and what lies above out.
        av_opt_set_int(context.get(), "filter_size", 64, 0);
        result = swr_init(context.get());
    }
    if (result < 0) {
        return internalError("FFmpeg cannot resample from " + std::to_string(from_hz) + " Hz to " +
                             std::to_string(to_hz) + " Hz: " + averrorText(result));
    }

    const auto input_count = static_cast<int64_t>(samples.size());
    const int64_t wanted = (input_count * to_hz + from_hz / 2) / from_hz;
    // The filter holds back about half its length; the flush below returns it.
    out.samples.resize(static_cast<size_t>(
        swr_get_out_samples(context.get(), static_cast<int>(input_count)) + 256));
    auto* output = reinterpret_cast<uint8_t*>(out.samples.data());
    const auto* input = reinterpret_cast<const uint8_t*>(samples.data());
    int produced = swr_convert(context.get(), &output, static_cast<int>(out.samples.size()), &input,
                               static_cast<int>(input_count));
    while (produced >= 0 && produced < wanted) {
        output = reinterpret_cast<uint8_t*>(out.samples.data() + produced);
        const int flushed = swr_convert(
            context.get(), &output, static_cast<int>(out.samples.size()) - produced, nullptr, 0);
        if (flushed <= 0) {
            break;
        }
        produced += flushed;
    }
    if (produced < 0) {
        return internalError("FFmpeg failed to resample: " + averrorText(produced));
    }
    // The flush may pad past the end of the signal; the length follows the input's duration.
    out.samples.resize(static_cast<size_t>(std::min<int64_t>(produced, wanted)));
    out.samples.resize(static_cast<size_t>(wanted), 0.0f);
    return out;
}

}  // namespace ps::train
