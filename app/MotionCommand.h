// `portrait-studio motion --audio A -o motion.csv|motion.json`: the face that goes with a voice,
// one row per video frame, as Live Link Face CSV or JSON.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runMotionCommand(const std::vector<std::string>& args);

}  // namespace ps::app
