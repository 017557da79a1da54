// `portrait-studio bench voice`: the voice pipeline's speed on one minute of the sample voice.
#pragma once

#include <string>

namespace ps::app {

// Prints one JSON line; returns the process exit code.
int benchVoice(const std::string& voice_path, const std::string& model_path, int threads,
               int repetitions);

}  // namespace ps::app
