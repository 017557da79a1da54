// `portrait-studio train-voice -o DIR`: trains the built-in voice model from nothing but
// espeak-ng (speech in many languages and voices, with exact phoneme timings), evaluates it on
// languages and voices it never heard, and writes the weights, their metrics and a model card.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runTrainVoiceCommand(const std::vector<std::string>& args);

}  // namespace ps::app
