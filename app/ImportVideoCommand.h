// `portrait-studio project import-video`: a driving video's performance tracked (trackVideo),
// retargeted onto the project's portrait (retargetPerformance, on the photo's own fitted
// expression) and added as a capture layer limited to the regions asked for; with --use-audio
// the video's sound becomes the project's voice. One file write, after everything has worked.
#pragma once

#include <string>
#include <vector>

#include "ArgumentParser.h"

namespace ps::app {

const std::vector<OptionSpec>& importVideoOptions();

int importDrivingVideo(const std::vector<std::string>& args);

}  // namespace ps::app
