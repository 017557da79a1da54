// `portrait-studio track --video V -o motion.csv|motion.json [--face N]`: one face followed
// through a video (FaceTracker), its head pose and 52 blendshapes per frame, as Live Link Face
// CSV or the project's JSON track, with the frames where the face was not seen marked.
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runTrackCommand(const std::vector<std::string>& args);

}  // namespace ps::app
