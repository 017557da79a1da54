#include "ProjectInputs.h"

#include <filesystem>

#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "project/ProjectFile.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

Error missing(const std::string& project, const char* what, const std::string& media) {
    return badInput(project, std::string("its ") + what + " " + media +
                                 " is missing (open the project in the studio to find it)");
}

bool exists(const std::string& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(std::filesystem::u8path(path), error);
}

}  // namespace

Result<OpenedProject> openProjectInputs(const std::string& path, bool with_photo,
                                        const CancelToken& cancel) {
    Result<Project> project = readProject(path);
    if (!project) {
        return project.error();
    }
    OpenedProject opened;
    opened.project = std::move(*project);
    SilencedStderr quiet;
    if (with_photo) {
        const std::string& photo = opened.project.photo.path;
        if (photo.empty()) {
            return badInput(path, "has no photo");
        }
        if (!exists(photo)) {
            return missing(path, "photo", photo);
        }
        Result<Photo> decoded = decodeImage(photo);
        if (!decoded) {
            return decoded.error();
        }
        opened.photo = std::move(*decoded);
    }
    const std::string& audio = opened.project.audio.path;
    if (!audio.empty()) {
        if (!exists(audio)) {
            return missing(path, "voice", audio);
        }
        Result<AudioClip> decoded = decodeAudio(audio, cancel);
        if (!decoded) {
            return decoded.error();
        }
        opened.audio = std::move(*decoded);
    }
    return opened;
}

}  // namespace ps::app
