// A lossy codec's damage, without its delay: speech encoded and decoded again in memory, the way
// a call or a compressed upload would carry it, and then put back exactly where it was in time,
// because the training labels are aligned to the sample.
#pragma once

#include <string_view>

#include "media/PcmBuffer.h"
#include "runtime/Result.h"

namespace ps::train {

// Encoders that Debian's FFmpeg provides.
enum class LossyCodec {
    Opus,  // libopus in VoIP mode, at the input's rate (8, 12, 16, 24 or 48 kHz)
    Mp3,   // libmp3lame (MPEG-2 layer III at 16 kHz)
    Aac,   // FFmpeg's own AAC-LC encoder
};

std::string_view lossyCodecName(LossyCodec codec);

// Encodes mono `pcm` with `codec` at about `bitrate_bps`, decodes it (resampling back to the
// input's rate if the decoder works at another), and returns exactly the input's frame count,
// aligned sample for sample: the encoder's priming (AVCodecContext::initial_padding, which with
// these decoders is the whole delay of the round trip) is cut from the front, the padding of the
// last frame from the end. Fails on more than one channel, on a rate the encoder does not take,
// or if FFmpeg does.
Result<PcmBuffer> codecRoundTrip(const PcmBuffer& pcm, LossyCodec codec, int bitrate_bps);

}  // namespace ps::train
