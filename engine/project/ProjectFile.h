// The .pstudio project file: JSON a person can read, written atomically (runtime/AtomicFile).
//
//   {"format": "portrait-studio project", "version": 2, "fps": "25",
//    "photo": {"path": "media/astronaut.png"} | {"embedded": "<base64>", "name": "astronaut.png"},
//    "audio": the same, or null,
//    "motion": {...}}                                   (motion/MotionDocumentJson)
//
// Media paths are written relative to the project file's folder, so a project moved together
// with its media still finds them, and absolute when there is no relative path (another drive).
// Older versions are migrated on read (project/ProjectMigration); the file on disk keeps its
// old layout until the next save.
#pragma once

#include <string>
#include <vector>

#include "project/Project.h"
#include "runtime/Result.h"

namespace ps {

// The newest project layout this build reads and writes.
constexpr int kProjectVersion = 2;

enum class MediaLinks {
    Invalid = 0,
    // Paths relative to the project file; media marked `embed` are written into the file.
    Portable,
    // Absolute paths and nothing embedded (the flag is kept as "embed": true beside the path):
    // for recovery files, which live in another folder and are written every minute.
    Absolute,
};

// BadInput naming the project (or the media file) when the project cannot be written: a
// value that is not a finite number, media to embed that cannot be read, no frame rate.
Result<std::string> projectToJson(const Project& project, const std::string& project_path,
                                  MediaLinks links = MediaLinks::Portable);

// Relative media paths resolve against `project_path`'s folder; embedded media are extracted
// (project/EmbeddedMedia). BadInput "<project_path>: <problem>" for text that is not JSON, not a
// project, from a newer version, or has a missing or mistyped field.
Result<Project> projectFromJson(const std::string& text, const std::string& project_path);

// Never modifies the file. Media that no longer exist are not an error (see missingMedia).
Result<Project> readProject(const std::string& path);
Status writeProject(const Project& project, const std::string& path,
                    MediaLinks links = MediaLinks::Portable);

// The photo and audio paths the project names that are not files, for the studio to ask the
// user where they went.
std::vector<std::string> missingMedia(const Project& project);

}  // namespace ps
