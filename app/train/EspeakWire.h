// How a RawSpeech or a VoiceCatalogue travels from the child process that made it back to the
// caller: a flat little-endian byte string, read back with bounds checks so that a truncated
// message (a child that died mid-write) is an error, not garbage.
#pragma once

#include <string>

#include "runtime/Result.h"
#include "train/RawSpeech.h"
#include "train/VoiceCatalogue.h"

namespace ps::train {

std::string encodeRawSpeech(const RawSpeech& speech);
Result<RawSpeech> decodeRawSpeech(const std::string& bytes);

std::string encodeVoiceCatalogue(const VoiceCatalogue& catalogue);
Result<VoiceCatalogue> decodeVoiceCatalogue(const std::string& bytes);

}  // namespace ps::train
