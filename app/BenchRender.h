// `portrait-studio bench render`: the real-time renderer's speed on one core, against one
// full-frame cv::remap of the same size measured in the same run (issue 4's reference).
#pragma once

#include <string>

namespace ps::app {

// Prints one JSON line per case; returns the exit code.
int benchRender(const std::string& sample_path, int repetitions);

}  // namespace ps::app
