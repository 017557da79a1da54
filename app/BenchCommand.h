// `portrait-studio bench [CASE...]`: speed measurements anyone can rerun, one JSON object per
// line per case, so results can be compared across machines and commits.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runBenchCommand(const std::vector<std::string>& args);

}  // namespace ps::app
