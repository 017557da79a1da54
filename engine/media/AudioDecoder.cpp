#include "media/AudioDecoder.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <utility>

#include "media/AudioResampler.h"
#include "media/FfmpegError.h"
#include "media/FfmpegPointers.h"
#include "runtime/InputFile.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

namespace ps {
namespace {

using ff::CodecContextPtr;
using ff::FramePtr;
using ff::PacketPtr;
using FormatPtr = ff::DemuxerPtr;

// The "file:" prefix and the protocol whitelist keep a local path from being read as a URL, and
// keep playlists and concat files from reaching the network (DESIGN.md: no network).
int openMedia(const std::string& path, FormatPtr& format) {
    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    AVFormatContext* raw = nullptr;
    int result = avformat_open_input(&raw, ("file:" + path).c_str(), nullptr, &options);
    av_dict_free(&options);
    if (result < 0) {
        return result;
    }
    format.reset(raw);
    return avformat_find_stream_info(raw, nullptr);
}

std::string notReadable(int averror) {
    return "not a media file FFmpeg can read (" + ffmpegErrorText(averror) + ")";
}
std::string notDecodable(const std::string& why) {
    return "audio could not be decoded (" + why + ")";
}

// Reads one audio stream packet by packet and feeds the decoded frames to both converters.
class StreamDecoder {
public:
    StreamDecoder(AVFormatContext& format, int stream_index, CodecContextPtr codec, AudioClip& clip)
        : format_(format),
          stream_index_(stream_index),
          codec_(std::move(codec)),
          packet_(av_packet_alloc()),
          frame_(av_frame_alloc()),
          clip_(clip) {}

    // Returns an error, or nothing once every sample has reached the clip.
    std::optional<Error> run(const CancelToken& cancel) {
        if (!packet_ || !frame_) {
            return internalError("out of memory while decoding " + clip_.source.path);
        }
        int read_result = 0;
        while (!fatal_) {
            if (cancel.cancelled()) {
                return cancelled();
            }
            read_result = av_read_frame(&format_, packet_.get());
            if (read_result < 0) {
                break;  // end of file, or a truncated file: keep what was read so far
            }
            if (packet_->stream_index == stream_index_) {
                decode(packet_.get());
            }
            av_packet_unref(packet_.get());
        }
        if (!fatal_) {
            decode(nullptr);
        }
        if (!fatal_ && analysis_) {
            rememberFailure(analysis_->flush());
            rememberFailure(playback_->flush());
        }
        return outcome(read_result);
    }

private:
    void decode(const AVPacket* packet) {
        int result = avcodec_send_packet(codec_.get(), packet);
        if (result == AVERROR(EAGAIN)) {
            // Frames left behind by an earlier decoding error block the decoder's input.
            receiveFrames();
            result = avcodec_send_packet(codec_.get(), packet);
        }
        if (result < 0 && result != AVERROR_EOF) {
            // A damaged packet is skipped, as players do; the error only matters if nothing plays.
            last_error_ = result;
            return;
        }
        receiveFrames();
    }

    void receiveFrames() {
        while (!fatal_) {
            int result = avcodec_receive_frame(codec_.get(), frame_.get());
            if (result == AVERROR(EAGAIN) || result == AVERROR_EOF) {
                return;
            }
            if (result < 0) {
                last_error_ = result;
                return;
            }
            convert(*frame_);
            av_frame_unref(frame_.get());
        }
    }

    // Both outputs come from the same decoded frame, so the file is read and decoded once.
    void convert(const AVFrame& frame) {
        if (!analysis_) {
            // The first frame tells the truth about the stream (e.g. HE-AAC doubles its rate).
            clip_.source.sample_rate_hz = frame.sample_rate;
            clip_.source.channels = frame.ch_layout.nb_channels;
            const int playback_channels = frame.ch_layout.nb_channels == 1 ? 1 : 2;
            analysis_ = std::make_unique<AudioResampler>(clip_.analysis, kAnalysisSampleRate_hz, 1);
            playback_ = std::make_unique<AudioResampler>(clip_.playback, kPlaybackSampleRate_hz,
                                                         playback_channels);
        }
        rememberFailure(analysis_->convert(frame));
        if (!fatal_) {
            rememberFailure(playback_->convert(frame));
        }
    }

    void rememberFailure(int result) {
        if (result < 0) {
            last_error_ = result;
            fatal_ = true;
        }
    }

    std::optional<Error> outcome(int read_result) const {
        const std::string& path = clip_.source.path;
        if (fatal_) {
            return badInput(path, notDecodable(ffmpegErrorText(last_error_)));
        }
        if (clip_.playback.samples.empty() || clip_.analysis.samples.empty()) {
            if (last_error_ < 0) {
                return badInput(path, notDecodable(ffmpegErrorText(last_error_)));
            }
            if (read_result < 0 && read_result != AVERROR_EOF) {
                return badInput(path, notDecodable(ffmpegErrorText(read_result)));
            }
            return badInput(path, "contains no audio samples");
        }
        return std::nullopt;
    }

    AVFormatContext& format_;
    int stream_index_;
    CodecContextPtr codec_;
    PacketPtr packet_;
    FramePtr frame_;
    AudioClip& clip_;
    std::unique_ptr<AudioResampler> analysis_;
    std::unique_ptr<AudioResampler> playback_;
    int last_error_ = 0;
    bool fatal_ = false;
};

// Other streams (video, subtitles) are skipped by the demuxer instead of read and thrown away.
void discardAllStreamsBut(AVFormatContext& format, int stream_index) {
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        if (static_cast<int>(i) != stream_index) {
            format.streams[i]->discard = AVDISCARD_ALL;
        }
    }
}

}  // namespace

Result<AudioClip> decodeAudio(const std::string& path, const CancelToken& cancel) {
    silenceFfmpegLogging();
    if (auto problem = inputFileProblem(path, "an audio file")) {
        return badInput(path, *problem);
    }
    if (cancel.cancelled()) {
        return cancelled();
    }

    FormatPtr format;
    if (int result = openMedia(path, format); result < 0) {
        return badInput(path, notReadable(result));
    }

    const AVCodec* decoder = nullptr;
    const int stream_index =
        av_find_best_stream(format.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
    if (stream_index == AVERROR_STREAM_NOT_FOUND) {
        return badInput(path, "has no audio stream");
    }
    if (stream_index < 0 || !decoder) {
        return badInput(path, notDecodable("FFmpeg has no decoder for its audio codec"));
    }
    const AVStream* stream = format->streams[stream_index];
    discardAllStreamsBut(*format, stream_index);

    CodecContextPtr codec(avcodec_alloc_context3(decoder));
    if (!codec) {
        return internalError("out of memory while opening " + path);
    }
    int result = avcodec_parameters_to_context(codec.get(), stream->codecpar);
    if (result >= 0) {
        // Decoders need the stream's time base to honour encoder delay and end padding.
        codec->pkt_timebase = stream->time_base;
        result = avcodec_open2(codec.get(), decoder, nullptr);
    }
    if (result < 0) {
        return badInput(path, notDecodable(ffmpegErrorText(result)));
    }

    AudioClip clip;
    clip.source.path = path;
    clip.source.codec_name = avcodec_get_name(stream->codecpar->codec_id);
    clip.source.sample_rate_hz = stream->codecpar->sample_rate;
    clip.source.channels = stream->codecpar->ch_layout.nb_channels;

    StreamDecoder stream_decoder(*format, stream_index, std::move(codec), clip);
    if (auto error = stream_decoder.run(cancel)) {
        return *error;
    }
    return Result<AudioClip>(std::move(clip));  // a long clip is large; never copy it
}

}  // namespace ps
