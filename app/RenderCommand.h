// `portrait-studio render`: a photo and a voice in, an MP4 out.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runRenderCommand(const std::vector<std::string>& args);

}  // namespace ps::app
