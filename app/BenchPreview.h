// `bench preview`: the studio's live preview pipeline (PreviewEngine on its worker, the frame
// converted to the image the viewer paints, the viewer's own paint) playing the sample voice on
// the sample portrait, at 512x512 and in a 1920x1080 frame.
#pragma once

#include <string>

namespace ps::app {

int benchPreview(const std::string& photo_path, const std::string& voice_path, int frames);

}  // namespace ps::app
