// Decodes the audio of any file FFmpeg can read (WAV in any sample format, MP3, FLAC, Ogg
// Vorbis/Opus, M4A/AAC, and the audio track of MP4/MOV/MKV/WebM) into an AudioClip.
#pragma once

#include <string>

#include "media/AudioClip.h"
#include "runtime/CancelToken.h"
#include "runtime/Result.h"

namespace ps {

// Errors (ErrorKind::BadInput, message "<path>: <problem>"): the file is missing, empty, not a
// media file, has no audio stream, or its audio cannot be decoded, or it decodes to no samples.
// Polls `cancel` between packets and returns ErrorKind::Cancelled when it is set.
Result<AudioClip> decodeAudio(const std::string& path, const CancelToken& cancel = CancelToken());

}  // namespace ps
