// `portrait-studio blendshapes --sheet OUT.png`: a contact sheet of the 52 blendshapes.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runBlendshapeSheetCommand(const std::vector<std::string>& args);

}  // namespace ps::app
