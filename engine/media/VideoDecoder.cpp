#include "media/VideoDecoder.h"

#include <cmath>
#include <cstdint>
#include <opencv2/core.hpp>

#include "media/FfmpegError.h"
#include "media/FfmpegPointers.h"
#include "runtime/InputFile.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

namespace ps {

using namespace ff;

namespace {

// The "file:" prefix and the protocol whitelist keep a local path from being read as a URL, and
// keep playlists and concat files from reaching the network (DESIGN.md: no network).
int openMedia(const std::string& path, DemuxerPtr& format) {
    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    AVFormatContext* raw = nullptr;
    const int result = avformat_open_input(&raw, ("file:" + path).c_str(), nullptr, &options);
    av_dict_free(&options);
    if (result < 0) {
        return result;
    }
    format.reset(raw);
    return avformat_find_stream_info(raw, nullptr);
}

// A cover picture (an MP3's or M4A's artwork) is a one-frame "video" stream, not a video.
bool isMovingPicture(const AVStream& stream) {
    return stream.codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
           !(stream.disposition & AV_DISPOSITION_ATTACHED_PIC);
}

const int32_t* displayMatrix(const AVStream& stream) {
#if LIBAVCODEC_VERSION_INT >= AV_VERSION_INT(60, 30, 100)
    const AVPacketSideData* side =
        av_packet_side_data_get(stream.codecpar->coded_side_data,
                                stream.codecpar->nb_coded_side_data, AV_PKT_DATA_DISPLAYMATRIX);
    return side != nullptr && side->size >= 9 * sizeof(int32_t)
               ? reinterpret_cast<const int32_t*>(side->data)
               : nullptr;
#else
    size_t size = 0;
    const uint8_t* data = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    return data != nullptr && size >= 9 * sizeof(int32_t) ? reinterpret_cast<const int32_t*>(data)
                                                          : nullptr;
#endif
}

// How the stored picture is put on screen, reduced to the eight ways a picture can land on a
// pixel grid. The display matrix maps a stored pixel (x, y), y down, to x' = m0 x + m3 y,
// y' = m1 x + m4 y (FFmpeg's row-vector convention); each entry is rounded to -1, 0 or 1, since
// players only honour quarter turns and flips.
struct Orientation {
    bool transpose = false;  // the stored x becomes the screen's y
    bool flip_x = false;     // then mirrored left to right
    bool flip_y = false;     // then upside down
};

int roundedSign(double v) {
    return v > 0.5 ? 1 : (v < -0.5 ? -1 : 0);
}

Orientation orientationOf(const int32_t* m) {
    Orientation o;
    if (m == nullptr) {
        return o;
    }
    // 16.16 fixed point; normalised so that a scaled matrix reads the same.
    const double a = m[0] / 65536.0, b = m[1] / 65536.0, c = m[3] / 65536.0, d = m[4] / 65536.0;
    const double scale = std::sqrt(std::abs(a * d - b * c));
    if (!(scale > 0.0)) {
        return o;
    }
    const int sa = roundedSign(a / scale), sb = roundedSign(b / scale);
    const int sc = roundedSign(c / scale), sd = roundedSign(d / scale);
    if (sa != 0 && sd != 0 && sb == 0 && sc == 0) {
        o.flip_x = sa < 0;
        o.flip_y = sd < 0;
    } else if (sb != 0 && sc != 0 && sa == 0 && sd == 0) {
        // x' = sc * y and y' = sb * x: the transpose, then the flips the signs ask for.
        o.transpose = true;
        o.flip_x = sc < 0;
        o.flip_y = sb < 0;
    }
    return o;
}

// The clockwise quarter turns and the mirror an orientation amounts to, for info().
void describe(const Orientation& o, VideoStreamInfo& info) {
    // Each orientation is a turn, optionally after a left-right mirror.
    if (!o.transpose) {
        info.mirrored = o.flip_x != o.flip_y;
        info.rotation_deg = o.flip_y ? 180 : 0;
    } else {
        // Transpose + flip_x is a clockwise quarter turn and transpose + flip_y a
        // counter-clockwise one; the transpose alone is the counter-clockwise turn of the mirror
        // image, and with both flips the clockwise one.
        info.mirrored = o.flip_x == o.flip_y;
        info.rotation_deg = o.flip_x ? 90 : 270;
    }
}

void applyOrientation(const Orientation& o, const cv::Mat& stored, cv::Mat& upright) {
    const cv::Mat* source = &stored;
    cv::Mat turned;
    if (o.transpose) {
        cv::transpose(stored, turned);
        source = &turned;
    }
    if (o.flip_x || o.flip_y) {
        cv::flip(*source, upright, o.flip_x && o.flip_y ? -1 : (o.flip_x ? 1 : 0));
    } else {
        source->copyTo(upright);
    }
}

bool isFullRange(const AVFrame& frame) {
    switch (frame.format) {
        case AV_PIX_FMT_YUVJ420P:
        case AV_PIX_FMT_YUVJ422P:
        case AV_PIX_FMT_YUVJ444P:
        case AV_PIX_FMT_YUVJ440P:
            return true;
        default:
            return frame.color_range == AVCOL_RANGE_JPEG;
    }
}

// The YUV matrix the frame was encoded with; an unlabelled stream gets what players assume:
// BT.709 for HD, BT.601 below.
int swsColourspace(const AVFrame& frame) {
    switch (frame.colorspace) {
        case AVCOL_SPC_BT709:
            return SWS_CS_ITU709;
        case AVCOL_SPC_FCC:
            return SWS_CS_FCC;
        case AVCOL_SPC_BT470BG:
        case AVCOL_SPC_SMPTE170M:
            return SWS_CS_ITU601;
        case AVCOL_SPC_SMPTE240M:
            return SWS_CS_SMPTE240M;
        case AVCOL_SPC_BT2020_NCL:
        case AVCOL_SPC_BT2020_CL:
            return SWS_CS_BT2020;
        default:
            return frame.height > 576 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

std::string notDecodable(int averror) {
    return "video could not be decoded (" + ffmpegErrorText(averror) + ")";
}

}  // namespace

struct VideoDecoder::Impl {
    VideoStreamInfo info;
    DemuxerPtr format;
    CodecContextPtr codec;
    int stream_index = -1;
    AVRational time_base{0, 1};
    int64_t start_ts = AV_NOPTS_VALUE;
    Orientation orientation;

    PacketPtr packet{av_packet_alloc()};
    FramePtr decoded{av_frame_alloc()};
    SwsContext* to_bgr = nullptr;  // sws_getCachedContext owns and may replace it
    cv::Mat stored;                // the frame before the display matrix, when one is set

    bool input_ended = false;  // the demuxer is drained and the decoder flushed
    bool finished = false;
    long long frames_read = 0;
    double last_time_s = 0.0;
    int last_error = 0;

    ~Impl() { sws_freeContext(to_bgr); }

    // A decoded frame, if the decoder has one ready; AVERROR(EAGAIN) when it needs input.
    int receive() {
        for (;;) {
            const int result = avcodec_receive_frame(codec.get(), decoded.get());
            if (result >= 0 || result == AVERROR(EAGAIN) || result == AVERROR_EOF) {
                return result;
            }
            last_error = result;  // a damaged frame: skip it, as players do
        }
    }

    // Feeds the decoder the next packet of our stream (or the flush at the end).
    void feed() {
        for (;;) {
            const int read_result = av_read_frame(format.get(), packet.get());
            if (read_result < 0) {
                // The end, or a truncated file: what was read so far is the video.
                if (read_result != AVERROR_EOF) {
                    last_error = read_result;
                }
                avcodec_send_packet(codec.get(), nullptr);
                input_ended = true;
                return;
            }
            if (packet->stream_index != stream_index) {
                av_packet_unref(packet.get());
                continue;
            }
            // read() feeds only once the decoder has asked for input, so it takes the packet.
            const int sent = avcodec_send_packet(codec.get(), packet.get());
            av_packet_unref(packet.get());
            if (sent < 0) {
                last_error = sent;  // a damaged packet is skipped
                continue;
            }
            return;
        }
    }

    double timeOf(const AVFrame& frame) {
        const int64_t ts = frame.best_effort_timestamp;
        if (ts == AV_NOPTS_VALUE) {
            // No timestamp at all: the next step of the stated rate.
            const double step = info.fps > 0.0 ? 1.0 / info.fps : 1.0 / 25.0;
            return frames_read == 0 ? 0.0 : last_time_s + step;
        }
        if (start_ts == AV_NOPTS_VALUE) {
            start_ts = ts;
        }
        return double(ts - start_ts) * av_q2d(time_base);
    }

    Status convert(const AVFrame& frame, VideoFrame* out) {
        to_bgr =
            sws_getCachedContext(to_bgr, frame.width, frame.height, AVPixelFormat(frame.format),
                                 frame.width, frame.height, AV_PIX_FMT_BGR24,
                                 SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
        if (to_bgr == nullptr) {
            const char* name = av_get_pix_fmt_name(AVPixelFormat(frame.format));
            return badInput(info.path, std::string("video has a pixel format that cannot be "
                                                   "converted (") +
                                           (name != nullptr ? name : "unknown") + ")");
        }
        const int* coefficients = sws_getCoefficients(swsColourspace(frame));
        // Fails harmlessly for RGB sources, which have no YUV matrix.
        sws_setColorspaceDetails(to_bgr, coefficients, isFullRange(frame) ? 1 : 0, coefficients, 1,
                                 0, 1 << 16, 1 << 16);
        const bool oriented = orientation.transpose || orientation.flip_x || orientation.flip_y;
        cv::Mat& target = oriented ? stored : out->bgr;
        target.create(frame.height, frame.width, CV_8UC3);
        uint8_t* planes[4] = {target.data, nullptr, nullptr, nullptr};
        int strides[4] = {int(target.step), 0, 0, 0};
        sws_scale(to_bgr, frame.data, frame.linesize, 0, frame.height, planes, strides);
        if (oriented) {
            applyOrientation(orientation, stored, out->bgr);
        }
        return {};
    }
};

VideoDecoder::VideoDecoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VideoDecoder::~VideoDecoder() = default;

const VideoStreamInfo& VideoDecoder::info() const {
    return impl_->info;
}

Result<std::unique_ptr<VideoDecoder>> VideoDecoder::open(const std::string& path) {
    silenceFfmpegLogging();
    if (auto problem = inputFileProblem(path, "a video")) {
        return badInput(path, *problem);
    }
    auto impl = std::make_unique<Impl>();
    if (!impl->packet || !impl->decoded) {
        return internalError("out of memory while opening " + path);
    }
    if (const int result = openMedia(path, impl->format); result < 0) {
        return badInput(path, "is not a video FFmpeg can read (" + ffmpegErrorText(result) + ")");
    }
    AVFormatContext& format = *impl->format;
    const AVCodec* decoder = nullptr;
    int index = av_find_best_stream(&format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (index >= 0 && !isMovingPicture(*format.streams[index])) {
        index = AVERROR_STREAM_NOT_FOUND;
        for (unsigned i = 0; i < format.nb_streams; ++i) {
            if (isMovingPicture(*format.streams[i])) {
                index = int(i);
                decoder = avcodec_find_decoder(format.streams[i]->codecpar->codec_id);
                break;
            }
        }
    }
    if (index == AVERROR_STREAM_NOT_FOUND) {
        return badInput(path, "has no video stream");
    }
    if (index < 0 || decoder == nullptr) {
        return badInput(path, "has a video codec FFmpeg cannot decode");
    }
    AVStream& stream = *format.streams[index];
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        // Other streams are skipped by the demuxer instead of read and thrown away.
        format.streams[i]->discard = int(i) == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    }

    impl->codec.reset(avcodec_alloc_context3(decoder));
    if (!impl->codec) {
        return internalError("out of memory while opening " + path);
    }
    int result = avcodec_parameters_to_context(impl->codec.get(), stream.codecpar);
    if (result >= 0) {
        impl->codec->pkt_timebase = stream.time_base;
        result = avcodec_open2(impl->codec.get(), decoder, nullptr);
    }
    if (result < 0) {
        return badInput(path, notDecodable(result));
    }

    impl->stream_index = index;
    impl->time_base = stream.time_base;
    impl->start_ts = stream.start_time;
    impl->orientation = orientationOf(displayMatrix(stream));

    VideoStreamInfo& info = impl->info;
    info.path = path;
    info.codec_name = avcodec_get_name(stream.codecpar->codec_id);
    describe(impl->orientation, info);
    const int width = stream.codecpar->width, height = stream.codecpar->height;
    info.size = impl->orientation.transpose ? cv::Size(height, width) : cv::Size(width, height);
    const AVRational rate =
        stream.avg_frame_rate.num > 0 ? stream.avg_frame_rate : stream.r_frame_rate;
    info.fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    if (stream.duration != AV_NOPTS_VALUE && stream.duration > 0) {
        info.duration_s = double(stream.duration) * av_q2d(stream.time_base);
    } else if (format.duration != AV_NOPTS_VALUE && format.duration > 0) {
        info.duration_s = double(format.duration) / AV_TIME_BASE;
    }
    info.frame_count = stream.nb_frames > 0 ? stream.nb_frames
                                            : (long long)std::llround(info.duration_s * info.fps);
    return std::unique_ptr<VideoDecoder>(new VideoDecoder(std::move(impl)));
}

Result<bool> VideoDecoder::read(VideoFrame* frame, const CancelToken& cancel) {
    Impl& d = *impl_;
    if (d.finished) {
        return false;
    }
    for (;;) {
        if (cancel.cancelled()) {
            return cancelled();
        }
        const int result = d.receive();
        if (result >= 0) {
            const double time_s = d.timeOf(*d.decoded);
            const Status converted = d.convert(*d.decoded, frame);
            av_frame_unref(d.decoded.get());
            if (!converted) {
                return converted.error();
            }
            frame->time_s = time_s;
            d.last_time_s = time_s;
            ++d.frames_read;
            return true;
        }
        if (result == AVERROR_EOF || (result == AVERROR(EAGAIN) && d.input_ended)) {
            d.finished = true;
            if (d.frames_read == 0) {
                return badInput(d.info.path, d.last_error < 0 ? notDecodable(d.last_error)
                                                              : "has no video frames");
            }
            return false;
        }
        d.feed();
    }
}

}  // namespace ps
