#include "train/CodecRoundTrip.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "media/AudioResampler.h"
#include "media/FfmpegError.h"
#include "media/FfmpegPointers.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace ps::train {
namespace {

struct CodecNames {
    const char* encoder;
    const char* decoder;
};

CodecNames namesOf(LossyCodec codec) {
    switch (codec) {
        case LossyCodec::Opus:
            // libopus's own decoder, fed no header: it then skips nothing, and the encoder's
            // initial padding alone says how far the output lags.
            return {"libopus", "libopus"};
        case LossyCodec::Mp3:
            return {"libmp3lame", "mp3float"};
        case LossyCodec::Aac:
            return {"aac", "aac"};
    }
    return {"", ""};
}

Error ffmpegFailure(const std::string& what, LossyCodec codec, int averror) {
    return internalError(std::string(lossyCodecName(codec)) + " round trip: " + what + " (" +
                         ffmpegErrorText(averror) + ")");
}

// The encoder's input format: float where it takes float, else integers (the conversion is
// exact enough at 16 bits for a codec that is about to lose far more).
AVSampleFormat inputFormatFor(const AVCodec& encoder) {
    constexpr AVSampleFormat kPreferred[] = {AV_SAMPLE_FMT_FLT, AV_SAMPLE_FMT_FLTP,
                                             AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P,
                                             AV_SAMPLE_FMT_S32, AV_SAMPLE_FMT_S32P};
    if (encoder.sample_fmts == nullptr) {
        return AV_SAMPLE_FMT_FLT;
    }
    for (const AVSampleFormat wanted : kPreferred) {
        for (const AVSampleFormat* format = encoder.sample_fmts; *format != AV_SAMPLE_FMT_NONE;
             ++format) {
            if (*format == wanted) {
                return wanted;
            }
        }
    }
    return AV_SAMPLE_FMT_NONE;
}

bool takesRate(const AVCodec& encoder, int rate_hz) {
    if (encoder.supported_samplerates == nullptr) {
        return true;
    }
    for (const int* rate = encoder.supported_samplerates; *rate != 0; ++rate) {
        if (*rate == rate_hz) {
            return true;
        }
    }
    return false;
}

// Mono, so planar and interleaved layouts are the same.
void writeSamples(AVFrame& frame, const float* samples, int count) {
    const auto format = static_cast<AVSampleFormat>(frame.format);
    uint8_t* data = frame.data[0];
    for (int i = 0; i < count; ++i) {
        const float x = std::clamp(samples[i], -1.0f, 1.0f);
        switch (format) {
            case AV_SAMPLE_FMT_FLT:
            case AV_SAMPLE_FMT_FLTP:
                reinterpret_cast<float*>(data)[i] = x;
                break;
            case AV_SAMPLE_FMT_S16:
            case AV_SAMPLE_FMT_S16P:
                reinterpret_cast<int16_t*>(data)[i] =
                    static_cast<int16_t>(std::lround(x * 32767.0f));
                break;
            default:  // S32, S32P
                reinterpret_cast<int32_t*>(data)[i] =
                    static_cast<int32_t>(std::llround(static_cast<double>(x) * 2147483647.0));
                break;
        }
    }
    av_samples_set_silence(frame.data, count, frame.nb_samples - count, 1, format);
}

class RoundTrip {
public:
    RoundTrip(LossyCodec codec, int rate_hz) : codec_(codec), rate_hz_(rate_hz) {}

    std::optional<Error> openEncoder(int bitrate_bps) {
        const AVCodec* encoder = avcodec_find_encoder_by_name(namesOf(codec_).encoder);
        if (encoder == nullptr) {
            return internalError(std::string("this FFmpeg has no ") + namesOf(codec_).encoder +
                                 " encoder");
        }
        if (!takesRate(*encoder, rate_hz_)) {
            return badInput(std::string(lossyCodecName(codec_)),
                            "cannot encode at " + std::to_string(rate_hz_) + " Hz");
        }
        encoder_.reset(avcodec_alloc_context3(encoder));
        if (!encoder_) {
            return internalError("out of memory");
        }
        encoder_->sample_rate = rate_hz_;
        encoder_->sample_fmt = inputFormatFor(*encoder);
        encoder_->bit_rate = bitrate_bps;
        encoder_->time_base = AVRational{1, rate_hz_};
        av_channel_layout_default(&encoder_->ch_layout, 1);
        if (codec_ == LossyCodec::Opus) {
            // Tuned for speech over a network, as a call would be.
            av_opt_set(encoder_->priv_data, "application", "voip", 0);
        }
        if (const int result = avcodec_open2(encoder_.get(), encoder, nullptr); result < 0) {
            return ffmpegFailure("the encoder would not open", codec_, result);
        }
        return std::nullopt;
    }

    std::optional<Error> openDecoder() {
        const AVCodec* decoder = avcodec_find_decoder_by_name(namesOf(codec_).decoder);
        if (decoder == nullptr) {
            return internalError(std::string("this FFmpeg has no ") + namesOf(codec_).decoder +
                                 " decoder");
        }
        decoder_.reset(avcodec_alloc_context3(decoder));
        if (!decoder_) {
            return internalError("out of memory");
        }
        decoder_->sample_rate = rate_hz_;
        decoder_->request_sample_fmt = AV_SAMPLE_FMT_FLT;
        // Encoders mark their priming on the first packet (libmp3lame does) and decoders may
        // skip a header's pre-skip; FFmpeg would then trim some of the delay itself. Keeping
        // every decoded sample leaves the whole delay, exactly initial_padding, to cut here.
        decoder_->flags2 |= AV_CODEC_FLAG2_SKIP_MANUAL;
        av_channel_layout_default(&decoder_->ch_layout, 1);
        // AAC needs its AudioSpecificConfig; Opus is given no header on purpose (see namesOf),
        // and MP3 frames describe themselves.
        if (codec_ == LossyCodec::Aac && encoder_->extradata_size > 0) {
            const auto size = static_cast<size_t>(encoder_->extradata_size);
            decoder_->extradata =
                static_cast<uint8_t*>(av_mallocz(size + AV_INPUT_BUFFER_PADDING_SIZE));
            if (decoder_->extradata == nullptr) {
                return internalError("out of memory");
            }
            std::memcpy(decoder_->extradata, encoder_->extradata, size);
            decoder_->extradata_size = encoder_->extradata_size;
        }
        if (const int result = avcodec_open2(decoder_.get(), decoder, nullptr); result < 0) {
            return ffmpegFailure("the decoder would not open", codec_, result);
        }
        return std::nullopt;
    }

    // Encodes every sample, passing each packet straight on to the decoder.
    std::optional<Error> run(const PcmBuffer& pcm, PcmBuffer& decoded) {
        ff::FramePtr frame(av_frame_alloc());
        packet_.reset(av_packet_alloc());
        decoded_frame_.reset(av_frame_alloc());
        if (!frame || !packet_ || !decoded_frame_) {
            return internalError("out of memory");
        }
        resampler_ = std::make_unique<AudioResampler>(decoded, rate_hz_, 1);

        const int frame_size = encoder_->frame_size > 0 ? encoder_->frame_size : 1024;
        const bool small_last_frame =
            (encoder_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME) != 0;
        frame->format = encoder_->sample_fmt;
        frame->sample_rate = rate_hz_;
        frame->nb_samples = frame_size;
        if (int result = av_channel_layout_copy(&frame->ch_layout, &encoder_->ch_layout);
            result < 0) {
            return ffmpegFailure("no channel layout", codec_, result);
        }
        if (int result = av_frame_get_buffer(frame.get(), 0); result < 0) {
            return ffmpegFailure("no frame buffer", codec_, result);
        }

        const int64_t total = pcm.frameCount();
        for (int64_t offset = 0; offset < total; offset += frame_size) {
            if (int result = av_frame_make_writable(frame.get()); result < 0) {
                return ffmpegFailure("no frame buffer", codec_, result);
            }
            const auto count = static_cast<int>(std::min<int64_t>(frame_size, total - offset));
            // A short last frame where the encoder takes one, else silence to fill it: either
            // way the end is trimmed after decoding.
            frame->nb_samples = small_last_frame ? count : frame_size;
            writeSamples(*frame, pcm.samples.data() + offset, count);
            frame->pts = offset;
            if (auto error = encode(frame.get())) {
                return error;
            }
        }
        if (auto error = encode(nullptr)) {
            return error;
        }
        if (auto error = decode(nullptr)) {
            return error;
        }
        if (int result = resampler_->flush(); result < 0) {
            return ffmpegFailure("resampling failed", codec_, result);
        }
        return std::nullopt;
    }

    // Samples of priming the decoded stream starts with, at the encoder's (= the output) rate.
    int delay() const { return std::max(encoder_->initial_padding, 0); }

private:
    std::optional<Error> encode(const AVFrame* frame) {
        int result = avcodec_send_frame(encoder_.get(), frame);
        if (result < 0) {
            return ffmpegFailure("encoding failed", codec_, result);
        }
        while ((result = avcodec_receive_packet(encoder_.get(), packet_.get())) >= 0) {
            auto error = decode(packet_.get());
            av_packet_unref(packet_.get());
            if (error) {
                return error;
            }
        }
        if (result != AVERROR(EAGAIN) && result != AVERROR_EOF) {
            return ffmpegFailure("encoding failed", codec_, result);
        }
        return std::nullopt;
    }

    std::optional<Error> decode(const AVPacket* packet) {
        int result = avcodec_send_packet(decoder_.get(), packet);
        if (result < 0 && result != AVERROR_INVALIDDATA) {
            return ffmpegFailure("decoding failed", codec_, result);
        }
        while ((result = avcodec_receive_frame(decoder_.get(), decoded_frame_.get())) >= 0) {
            result = resampler_->convert(*decoded_frame_);
            av_frame_unref(decoded_frame_.get());
            if (result < 0) {
                return ffmpegFailure("resampling failed", codec_, result);
            }
        }
        if (result != AVERROR(EAGAIN) && result != AVERROR_EOF) {
            return ffmpegFailure("decoding failed", codec_, result);
        }
        return std::nullopt;
    }

    LossyCodec codec_;
    int rate_hz_;
    ff::CodecContextPtr encoder_;
    ff::CodecContextPtr decoder_;
    ff::PacketPtr packet_;
    ff::FramePtr decoded_frame_;
    std::unique_ptr<AudioResampler> resampler_;
};

}  // namespace

std::string_view lossyCodecName(LossyCodec codec) {
    switch (codec) {
        case LossyCodec::Opus:
            return "Opus";
        case LossyCodec::Mp3:
            return "MP3";
        case LossyCodec::Aac:
            return "AAC";
    }
    return "unknown codec";
}

Result<PcmBuffer> codecRoundTrip(const PcmBuffer& pcm, LossyCodec codec, int bitrate_bps) {
    if (pcm.channels != 1) {
        return badInput("codec round trip", "needs mono audio");
    }
    if (pcm.sample_rate_hz <= 0) {
        return badInput("codec round trip", "the sample rate must be positive");
    }
    if (bitrate_bps <= 0) {
        return badInput("codec round trip", "the bit rate must be positive");
    }
    silenceFfmpegLogging();

    RoundTrip trip(codec, pcm.sample_rate_hz);
    if (auto error = trip.openEncoder(bitrate_bps)) {
        return *error;
    }
    if (auto error = trip.openDecoder()) {
        return *error;
    }
    PcmBuffer decoded;
    if (auto error = trip.run(pcm, decoded)) {
        return *error;
    }

    // Drop the priming, keep as many samples as went in; should the decoder have returned fewer
    // (it does not with these codecs), the missing end is silence rather than a shorter clip.
    PcmBuffer out;
    out.sample_rate_hz = pcm.sample_rate_hz;
    out.channels = 1;
    out.samples.assign(pcm.samples.size(), 0.0f);
    const auto delay = static_cast<size_t>(trip.delay());
    if (decoded.samples.size() > delay) {
        const size_t available = std::min(decoded.samples.size() - delay, out.samples.size());
        std::copy_n(decoded.samples.begin() + static_cast<std::ptrdiff_t>(delay), available,
                    out.samples.begin());
    }
    return out;
}

}  // namespace ps::train
