// A project read for rendering or exporting its motion from the command line: the project
// with its photo and voice decoded. Shared by `render --project` and `motion --project`.
#pragma once

#include <optional>
#include <string>

#include "media/AudioClip.h"
#include "media/Photo.h"
#include "project/Project.h"
#include "runtime/CancelToken.h"
#include "runtime/Result.h"

namespace ps::app {

struct OpenedProject {
    Project project;
    std::optional<Photo> photo;      // when asked for
    std::optional<AudioClip> audio;  // when the project has a voice
};

// BadInput naming the project and the file when the project or its media cannot be used.
Result<OpenedProject> openProjectInputs(const std::string& path, bool with_photo,
                                        const CancelToken& cancel);

}  // namespace ps::app
