#include "media/AudioResampler.h"

#include <algorithm>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/frame.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

namespace ps {
namespace {

// Without a known channel order FFmpeg cannot build a mixing matrix, so unspecified layouts (raw
// WAVs, some MKVs) are read as the usual layout for their channel count.
int copyUsableLayout(const AVChannelLayout& source, AVChannelLayout& target) {
    if (source.nb_channels <= 0) {
        return AVERROR(EINVAL);
    }
    if (source.order == AV_CHANNEL_ORDER_UNSPEC) {
        av_channel_layout_default(&target, source.nb_channels);
        return 0;
    }
    return av_channel_layout_copy(&target, &source);
}

}  // namespace

struct AudioResampler::State {
    SwrContext* swr = nullptr;
    int input_format = AV_SAMPLE_FMT_NONE;
    int input_rate_hz = 0;
    AVChannelLayout input_layout{};

    ~State() {
        swr_free(&swr);
        av_channel_layout_uninit(&input_layout);
    }

    bool accepts(const AVFrame& frame) const {
        return swr && frame.format == input_format && frame.sample_rate == input_rate_hz &&
               av_channel_layout_compare(&frame.ch_layout, &input_layout) == 0;
    }
};

AudioResampler::AudioResampler(PcmBuffer& out, int sample_rate_hz, int channels) : out_(out) {
    out_.sample_rate_hz = sample_rate_hz;
    out_.channels = channels;
}

AudioResampler::~AudioResampler() = default;

int AudioResampler::convert(const AVFrame& frame) {
    if (!state_ || !state_->accepts(frame)) {
        if (int result = flush(); result < 0) {
            return result;
        }
        if (int result = configureFor(frame); result < 0) {
            return result;
        }
    }
    return convertSamples(frame.extended_data, frame.nb_samples);
}

int AudioResampler::flush() {
    if (!state_) {
        return 0;
    }
    int converted = 0;
    do {
        converted = convertSamples(nullptr, 0);
    } while (converted > 0);
    return std::min(converted, 0);
}

int AudioResampler::configureFor(const AVFrame& frame) {
    auto state = std::make_unique<State>();
    state->input_format = frame.format;
    state->input_rate_hz = frame.sample_rate;
    if (int result = av_channel_layout_copy(&state->input_layout, &frame.ch_layout); result < 0) {
        return result;
    }

    AVChannelLayout input_layout{};
    AVChannelLayout output_layout{};
    int result = copyUsableLayout(frame.ch_layout, input_layout);
    av_channel_layout_default(&output_layout, out_.channels);
    if (result >= 0) {
        result = swr_alloc_set_opts2(
            &state->swr, &output_layout, AV_SAMPLE_FMT_FLT, out_.sample_rate_hz, &input_layout,
            static_cast<AVSampleFormat>(frame.format), frame.sample_rate, 0, nullptr);
    }
    av_channel_layout_uninit(&input_layout);
    av_channel_layout_uninit(&output_layout);
    if (result < 0) {
        return result;
    }
    // FFmpeg leaves float downmixes unnormalised (5.1 to stereo can reach 2.4× full scale);
    // normalising keeps the promise that samples lie in [-1, 1].
    av_opt_set_double(state->swr, "rematrix_maxval", 1.0, 0);
    if (result = swr_init(state->swr); result < 0) {
        return result;
    }
    state_ = std::move(state);
    return 0;
}

// Returns the number of frames appended to out_, or a negative AVERROR code.
int AudioResampler::convertSamples(const unsigned char* const* input, int input_frames) {
    // A flush asks for room for whatever the filter still holds; the margin covers rounding.
    const int capacity = swr_get_out_samples(state_->swr, input_frames) + (input ? 0 : 1024);
    if (capacity <= 0) {
        return capacity;
    }
    const size_t old_size = out_.samples.size();
    out_.samples.resize(old_size + static_cast<size_t>(capacity) * out_.channels);
    auto* output = reinterpret_cast<uint8_t*>(out_.samples.data() + old_size);
    const int converted = swr_convert(state_->swr, &output, capacity,
                                      const_cast<const uint8_t**>(input), input_frames);
    out_.samples.resize(old_size + static_cast<size_t>(std::max(converted, 0)) * out_.channels);
    return converted;
}

}  // namespace ps
