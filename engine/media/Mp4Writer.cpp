#include "media/Mp4Writer.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "media/FfmpegError.h"
#include "media/FfmpegPointers.h"
#include "runtime/AtomicFile.h"
#include "runtime/Destination.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace fs = std::filesystem;

namespace ps {

using namespace ff;

namespace {

// Audio is pushed through the FIFO this many sample frames at a time, so one writeAudio call
// with a whole clip never copies the whole clip into the FIFO.
constexpr int kAudioChunkFrames = 4096;

// x264 and the muxer chat at INFO level; the command line must stay one progress line.

Error ffmpegFailure(const std::string& what, int averror) {
    return internalError(what + ": " + ffmpegErrorText(averror) + ".");
}

}  // namespace

struct Mp4Writer::Impl {
    std::string output_path;
    std::string temporary_path;
    VideoSettings settings;
    Rational fps;
    int audio_channels = 0;

    MuxerPtr format;
    CodecContextPtr video_encoder;
    CodecContextPtr audio_encoder;
    AVStream* video_stream = nullptr;  // owned by `format`
    AVStream* audio_stream = nullptr;  // owned by `format`
    SwsPtr to_yuv;
    FramePtr video_frame;
    FramePtr audio_frame;
    PacketPtr packet;
    AudioFifoPtr audio_fifo;
    std::vector<float> audio_scratch;  // one encoder frame of interleaved samples

    long long video_frames = 0;
    int64_t audio_samples_sent = 0;
    bool finished = false;
    // After a failed encode or write the file's state is unknown; nothing more may go into it.
    bool broken = false;

    ~Impl() {
        if (finished) {
            return;
        }
        // Close the muxer's file before removing it: it still holds the descriptor.
        format.reset();
        if (!temporary_path.empty()) {
            std::error_code ec;
            fs::remove(temporary_path, ec);
        }
    }

    Status openVideo();
    Status openAudio(int sample_rate_hz);
    Status openFile();
    Status usable() const;
    Status encode(AVCodecContext* encoder, AVStream* stream, const AVFrame* frame);
    Status encodeFullAudioFrames(bool include_partial);
    Status fail(Error error) {
        broken = true;
        return error;
    }
};

Status Mp4Writer::Impl::openVideo() {
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (codec == nullptr) {
        return internalError(
            "The installed FFmpeg has no libx264 H.264 encoder; install an FFmpeg built with it.");
    }
    video_encoder.reset(avcodec_alloc_context3(codec));
    if (!video_encoder) {
        return internalError("Out of memory while setting up the H.264 encoder.");
    }
    AVCodecContext* enc = video_encoder.get();
    enc->width = settings.width;
    enc->height = settings.height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = AVRational{fps.den, fps.num};
    enc->framerate = AVRational{fps.num, fps.den};
    enc->sample_aspect_ratio = AVRational{1, 1};
    // Tagged as what the conversion below produces, so players do not guess BT.601 for HD sizes.
    enc->color_range = AVCOL_RANGE_MPEG;
    enc->colorspace = AVCOL_SPC_BT709;
    enc->color_primaries = AVCOL_PRI_BT709;
    enc->color_trc = AVCOL_TRC_BT709;
    if (format->oformat->flags & AVFMT_GLOBALHEADER) {
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    av_opt_set(enc->priv_data, "preset", settings.preset.c_str(), 0);
    av_opt_set_double(enc->priv_data, "crf", settings.crf, 0);

    if (int ret = avcodec_open2(enc, codec, nullptr); ret < 0) {
        return ffmpegFailure("Could not start the H.264 encoder", ret);
    }
    video_stream = avformat_new_stream(format.get(), nullptr);
    if (video_stream == nullptr) {
        return internalError("Out of memory while adding the video stream.");
    }
    video_stream->time_base = enc->time_base;
    video_stream->avg_frame_rate = enc->framerate;
    video_stream->r_frame_rate = enc->framerate;
    if (int ret = avcodec_parameters_from_context(video_stream->codecpar, enc); ret < 0) {
        return ffmpegFailure("Could not describe the video stream", ret);
    }

    video_frame.reset(av_frame_alloc());
    if (!video_frame) {
        return internalError("Out of memory while allocating a video frame.");
    }
    video_frame->format = enc->pix_fmt;
    video_frame->width = enc->width;
    video_frame->height = enc->height;
    video_frame->color_range = enc->color_range;
    video_frame->colorspace = enc->colorspace;
    video_frame->color_primaries = enc->color_primaries;
    video_frame->color_trc = enc->color_trc;
    if (int ret = av_frame_get_buffer(video_frame.get(), 0); ret < 0) {
        return ffmpegFailure("Could not allocate a video frame", ret);
    }

    to_yuv.reset(sws_getContext(
        enc->width, enc->height, AV_PIX_FMT_BGR24, enc->width, enc->height, AV_PIX_FMT_YUV420P,
        SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
    if (!to_yuv) {
        return internalError("Could not set up the colour conversion to YUV 4:2:0.");
    }
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    constexpr int kUnity = 1 << 16;
    // Full-range BGR in, limited-range BT.709 out, matching the tags above.
    sws_setColorspaceDetails(to_yuv.get(), bt709, 1, bt709, 0, 0, kUnity, kUnity);
    return {};
}

Status Mp4Writer::Impl::openAudio(int sample_rate_hz) {
    const AVCodec* codec = avcodec_find_encoder_by_name("aac");
    if (codec == nullptr) {
        return internalError("The installed FFmpeg has no AAC encoder.");
    }
    if (codec->supported_samplerates != nullptr) {
        bool supported = false;
        for (const int* rate = codec->supported_samplerates; *rate != 0; ++rate) {
            supported = supported || *rate == sample_rate_hz;
        }
        if (!supported) {
            return badInput(output_path, "AAC cannot carry sound sampled at " +
                                             std::to_string(sample_rate_hz) + " Hz.");
        }
    }
    audio_encoder.reset(avcodec_alloc_context3(codec));
    if (!audio_encoder) {
        return internalError("Out of memory while setting up the AAC encoder.");
    }
    AVCodecContext* enc = audio_encoder.get();
    enc->sample_fmt = AV_SAMPLE_FMT_FLTP;
    enc->sample_rate = sample_rate_hz;
    av_channel_layout_default(&enc->ch_layout, audio_channels);
    enc->bit_rate = settings.audio_bitrate_bps;
    enc->time_base = AVRational{1, sample_rate_hz};
    if (format->oformat->flags & AVFMT_GLOBALHEADER) {
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    if (int ret = avcodec_open2(enc, codec, nullptr); ret < 0) {
        return ffmpegFailure("Could not start the AAC encoder", ret);
    }
    audio_stream = avformat_new_stream(format.get(), nullptr);
    if (audio_stream == nullptr) {
        return internalError("Out of memory while adding the audio stream.");
    }
    audio_stream->time_base = enc->time_base;
    if (int ret = avcodec_parameters_from_context(audio_stream->codecpar, enc); ret < 0) {
        return ffmpegFailure("Could not describe the audio stream", ret);
    }

    audio_frame.reset(av_frame_alloc());
    if (!audio_frame) {
        return internalError("Out of memory while allocating an audio frame.");
    }
    audio_frame->format = enc->sample_fmt;
    audio_frame->sample_rate = enc->sample_rate;
    audio_frame->nb_samples = enc->frame_size;
    if (int ret = av_channel_layout_copy(&audio_frame->ch_layout, &enc->ch_layout); ret < 0) {
        return ffmpegFailure("Could not set up the audio frame", ret);
    }
    if (int ret = av_frame_get_buffer(audio_frame.get(), 0); ret < 0) {
        return ffmpegFailure("Could not allocate an audio frame", ret);
    }
    audio_fifo.reset(av_audio_fifo_alloc(AV_SAMPLE_FMT_FLT, audio_channels,
                                         kAudioChunkFrames + enc->frame_size));
    if (!audio_fifo) {
        return internalError("Out of memory while allocating the audio buffer.");
    }
    audio_scratch.resize(static_cast<size_t>(enc->frame_size) * audio_channels);
    return {};
}

Status Mp4Writer::Impl::openFile() {
    // "file:" keeps a folder name with a colon in it from being read as a protocol; the muxer
    // reopens this same URL to move the index to the front.
    const std::string url = "file:" + temporary_path;
    av_freep(&format->url);
    format->url = av_strdup(url.c_str());
    if (format->url == nullptr) {
        return internalError("Out of memory while setting up the MP4 writer.");
    }
    if (int ret = avio_open(&format->pb, url.c_str(), AVIO_FLAG_WRITE); ret < 0) {
        return ffmpegFailure("Could not open " + output_path + " for writing", ret);
    }
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    // The edit lists that hide the encoders' priming and padding are counted in the movie's
    // time scale, 1/1000 s by default: that would cut up to a millisecond off the sound. In the
    // audio's own rate (or the frame rate's, without sound) they are exact.
    const int movie_timescale = audio_encoder ? audio_encoder->sample_rate : fps.num;
    av_dict_set_int(&options, "movie_timescale", movie_timescale, 0);
    const int ret = avformat_write_header(format.get(), &options);
    av_dict_free(&options);
    if (ret < 0) {
        return ffmpegFailure("Could not start writing " + output_path, ret);
    }
    return {};
}

Status Mp4Writer::Impl::usable() const {
    if (finished) {
        return internalError(output_path + " is already complete; nothing more can be added.");
    }
    if (broken) {
        return internalError("Writing " + output_path + " failed earlier; start the export again.");
    }
    return {};
}

Status Mp4Writer::Impl::encode(AVCodecContext* encoder, AVStream* stream, const AVFrame* frame) {
    if (int ret = avcodec_send_frame(encoder, frame); ret < 0) {
        return fail(ffmpegFailure("Could not encode " + output_path, ret));
    }
    for (;;) {
        const int ret = avcodec_receive_packet(encoder, packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) {
            return {};
        }
        if (ret < 0) {
            return fail(ffmpegFailure("Could not encode " + output_path, ret));
        }
        av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
        packet->stream_index = stream->index;
        // Takes the packet's reference and resets it, whether or not it succeeds.
        if (int write = av_interleaved_write_frame(format.get(), packet.get()); write < 0) {
            return fail(ffmpegFailure("Could not write " + output_path, write));
        }
    }
}

Status Mp4Writer::Impl::encodeFullAudioFrames(bool include_partial) {
    const int frame_size = audio_encoder->frame_size;
    for (;;) {
        const int available = av_audio_fifo_size(audio_fifo.get());
        if (available == 0 || (available < frame_size && !include_partial)) {
            return {};
        }
        const int count = std::min(available, frame_size);
        void* scratch = audio_scratch.data();
        if (av_audio_fifo_read(audio_fifo.get(), &scratch, count) != count) {
            return fail(
                internalError("The audio buffer lost samples while writing " + output_path + "."));
        }
        // The encoder may still hold a reference to the previous frame's buffer.
        if (int ret = av_frame_make_writable(audio_frame.get()); ret < 0) {
            return fail(ffmpegFailure("Could not prepare an audio frame", ret));
        }
        audio_frame->nb_samples = count;
        for (int c = 0; c < audio_channels; ++c) {
            float* plane = reinterpret_cast<float*>(audio_frame->data[c]);
            for (int i = 0; i < count; ++i) {
                plane[i] = audio_scratch[static_cast<size_t>(i) * audio_channels + c];
            }
        }
        audio_frame->pts = audio_samples_sent;
        audio_samples_sent += count;
        if (Status status = encode(audio_encoder.get(), audio_stream, audio_frame.get()); !status) {
            return status;
        }
    }
}

Result<std::unique_ptr<Mp4Writer>> Mp4Writer::open(const std::string& output_path,
                                                   const VideoSettings& settings,
                                                   int audio_channels, int audio_sample_rate_hz) {
    silenceFfmpegLogging();
    if (const std::string problem = validateVideoSettings(settings); !problem.empty()) {
        return badInput(output_path, problem);
    }
    if (audio_channels < 0 || audio_channels > 2) {
        return badInput(output_path, "only mono or stereo sound can be exported (the audio has " +
                                         std::to_string(audio_channels) + " channels).");
    }
    if (audio_channels > 0 && audio_sample_rate_hz <= 0) {
        return badInput(output_path, "the audio has no sample rate.");
    }
    if (Status status = checkDestination(output_path); !status) {
        return status.error();
    }

    auto impl = std::make_unique<Impl>();
    impl->output_path = output_path;
    impl->settings = settings;
    impl->fps = frameRateRational(settings.fps);
    impl->audio_channels = audio_channels;

    AVFormatContext* raw_format = nullptr;
    if (int ret = avformat_alloc_output_context2(&raw_format, nullptr, "mp4", nullptr); ret < 0) {
        return ffmpegFailure("Could not set up the MP4 muxer", ret);
    }
    impl->format.reset(raw_format);
    impl->packet.reset(av_packet_alloc());
    if (!impl->packet) {
        return internalError("Out of memory while setting up the MP4 writer.");
    }
    if (Status status = impl->openVideo(); !status) {
        return status.error();
    }
    if (audio_channels > 0) {
        if (Status status = impl->openAudio(audio_sample_rate_hz); !status) {
            return status.error();
        }
    }

    // Created last, after everything that can fail without touching the disk.
    Result<std::string> temporary = createTemporaryFileBeside(output_path);
    if (!temporary) {
        return temporary.error();
    }
    impl->temporary_path = temporary.value();
    if (Status status = impl->openFile(); !status) {
        return status.error();
    }
    return std::unique_ptr<Mp4Writer>(new Mp4Writer(std::move(impl)));
}

Mp4Writer::Mp4Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Mp4Writer::~Mp4Writer() = default;

Status Mp4Writer::writeVideoFrame(const cv::Mat& bgr) {
    Impl& d = *impl_;
    if (Status status = d.usable(); !status) {
        return status;
    }
    if (bgr.type() != CV_8UC3 || bgr.cols != d.settings.width || bgr.rows != d.settings.height) {
        return internalError("A video frame for " + d.output_path + " is " +
                             std::to_string(bgr.cols) + "x" + std::to_string(bgr.rows) + " with " +
                             std::to_string(bgr.channels()) + " channels; the export needs " +
                             std::to_string(d.settings.width) + "x" +
                             std::to_string(d.settings.height) + " 8-bit BGR.");
    }
    AVFrame* frame = d.video_frame.get();
    if (int ret = av_frame_make_writable(frame); ret < 0) {
        return d.fail(ffmpegFailure("Could not prepare a video frame", ret));
    }
    const uint8_t* source[1] = {bgr.data};
    const int source_stride[1] = {static_cast<int>(bgr.step[0])};
    sws_scale(d.to_yuv.get(), source, source_stride, 0, bgr.rows, frame->data, frame->linesize);
    frame->pts = d.video_frames;
    if (Status status = d.encode(d.video_encoder.get(), d.video_stream, frame); !status) {
        return status;
    }
    ++d.video_frames;
    return {};
}

Status Mp4Writer::writeAudio(const float* interleaved, long long frame_count) {
    Impl& d = *impl_;
    if (Status status = d.usable(); !status) {
        return status;
    }
    if (frame_count < 0 || (frame_count > 0 && interleaved == nullptr)) {
        return internalError("Invalid audio samples were given for " + d.output_path + ".");
    }
    if (frame_count == 0) {
        return {};
    }
    if (d.audio_channels == 0) {
        return internalError(d.output_path + " was opened without sound; it cannot take audio.");
    }
    long long written = 0;
    while (written < frame_count) {
        const int chunk =
            static_cast<int>(std::min<long long>(kAudioChunkFrames, frame_count - written));
        void* data = const_cast<float*>(interleaved + written * d.audio_channels);
        if (av_audio_fifo_write(d.audio_fifo.get(), &data, chunk) != chunk) {
            return d.fail(
                internalError("Out of memory while buffering audio for " + d.output_path + "."));
        }
        written += chunk;
        if (Status status = d.encodeFullAudioFrames(false); !status) {
            return status;
        }
    }
    return {};
}

Status Mp4Writer::finish() {
    Impl& d = *impl_;
    if (Status status = d.usable(); !status) {
        return status;
    }
    if (Status status = d.encode(d.video_encoder.get(), d.video_stream, nullptr); !status) {
        return status;
    }
    if (d.audio_encoder) {
        if (Status status = d.encodeFullAudioFrames(true); !status) {
            return status;
        }
        if (Status status = d.encode(d.audio_encoder.get(), d.audio_stream, nullptr); !status) {
            return status;
        }
    }
    if (int ret = av_write_trailer(d.format.get()); ret < 0) {
        return d.fail(ffmpegFailure("Could not complete " + d.output_path, ret));
    }
    // Closing flushes the last buffered bytes; a full disk shows up here.
    if (int ret = avio_closep(&d.format->pb); ret < 0) {
        return d.fail(ffmpegFailure("Could not complete " + d.output_path, ret));
    }
    std::error_code ec;
    fs::rename(d.temporary_path, d.output_path, ec);
    if (ec) {
        return d.fail(internalError("Could not move the finished video to " + d.output_path + ": " +
                                    ec.message() + "."));
    }
    d.finished = true;
    return {};
}

const std::string& Mp4Writer::outputPath() const {
    return impl_->output_path;
}

const std::string& Mp4Writer::temporaryPath() const {
    return impl_->temporary_path;
}

long long Mp4Writer::videoFramesWritten() const {
    return impl_->video_frames;
}

}  // namespace ps
