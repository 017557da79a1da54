// Where the studio's shipped resources (the voice model, MediaPipe's networks) are at run time:
// beside an installed program, or in the source tree a program run from its build folder came
// from. Nothing is ever looked for on the network.
#pragma once

#include <string>

namespace ps {

// <program folder>/../share/portrait-studio/<relative> when that exists (an installed program),
// else the source tree's resources/<relative>.
std::string resourcePath(const std::string& relative);

}  // namespace ps
