// FFmpeg's error codes as sentences, for the messages the engine hands to users.
#pragma once

#include <string>

namespace ps {

// The text FFmpeg gives for an AVERROR code, e.g. "Invalid data found when processing input".
std::string ffmpegErrorText(int averror);

// FFmpeg logs to stderr from any thread by default; the studio reports problems through its own
// one-line errors instead. Process-wide and idempotent: every FFmpeg user calls it first.
void silenceFfmpegLogging();

}  // namespace ps
