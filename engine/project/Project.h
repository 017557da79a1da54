// A creator's project: the photo and the voice it animates, the video's frame rate, and the
// motion document. Saved as a .pstudio file (project/ProjectFile).
#pragma once

#include <string>

#include "media/FrameRate.h"
#include "motion/MotionDocument.h"

namespace ps {

struct MediaReference {
    std::string path;    // absolute; empty for none (a project may have no audio)
    bool embed = false;  // when saved, the file's bytes go into the project file itself
};

struct Project {
    MediaReference photo;
    MediaReference audio;
    FrameRate fps = FrameRate::Fps25;
    MotionDocument motion;
};

}  // namespace ps
