// `portrait-studio project …`: make a project from a photo and a voice, place expression and
// pose clips on it, import a Live Link Face recording or a driving video
// (ImportVideoCommand) into it, bake a channel into keys and
// smooth a curve's keys, and describe it; each change is one motion edit (motion/MotionEdit),
// and the file is replaced only once the new one is whole.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runProjectCommand(const std::vector<std::string>& args);

}  // namespace ps::app
