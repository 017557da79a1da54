#include "project/ProjectFile.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "motion/MotionDocumentJson.h"
#include "project/EmbeddedMedia.h"
#include "project/ProjectMigration.h"
#include "project/ReadableJson.h"
#include "runtime/AtomicFile.h"
#include "runtime/Base64.h"
#include "runtime/InputFile.h"

namespace fs = std::filesystem;

namespace ps {

namespace {

using nlohmann::json;

constexpr const char* kFormat = "portrait-studio project";

fs::path projectFolder(const std::string& project_path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(fs::u8path(project_path), ec);
    return (ec ? fs::u8path(project_path) : absolute).parent_path();
}

// Generic (forward-slash) separators, so a project saved on one system opens on another.
std::string linkTo(const fs::path& media, const fs::path& folder, MediaLinks links) {
    if (links == MediaLinks::Portable) {
        std::error_code ec;
        const fs::path relative = fs::relative(media, folder, ec);
        if (!ec && !relative.empty()) {
            return relative.generic_u8string();
        }
    }
    return media.generic_u8string();
}

Result<std::string> readBytes(const std::string& path) {
    std::ifstream in(fs::u8path(path), std::ios::binary);
    if (!in) {
        return badInput(path, "cannot be read (check that you may open it)");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        return badInput(path, "cannot be read");
    }
    return bytes.str();
}

Result<json> mediaToJson(const MediaReference& media, const std::string& project_path,
                         MediaLinks links) {
    if (media.path.empty()) {
        return json(nullptr);
    }
    std::error_code ec;
    const fs::path absolute = fs::absolute(fs::u8path(media.path), ec).lexically_normal();
    if (links == MediaLinks::Portable && media.embed) {
        if (const std::optional<std::string> problem = inputFileProblem(media.path, "a file")) {
            return badInput(media.path, "cannot be embedded in " + project_path + ": " + *problem);
        }
        Result<std::string> bytes = readBytes(media.path);
        if (!bytes) {
            return bytes.error();
        }
        return json{{"embedded", base64Encode(*bytes)}, {"name", absolute.filename().u8string()}};
    }
    json reference = {{"path", linkTo(absolute, projectFolder(project_path), links)}};
    // Where it was when saved: found again when the project file alone is moved elsewhere.
    if (links == MediaLinks::Portable) {
        reference["saved_at_path"] = absolute.generic_u8string();
    }
    if (media.embed) {
        reference["embed"] = true;
    }
    return reference;
}

// Reads "photo" or "audio": null, {"path": ..., "embed": optional bool} or
// {"embedded": base64, "name": ...}.
Result<MediaReference> mediaFromJson(const json& root, const char* key,
                                     const std::string& project_path) {
    const std::string at(key);
    const auto found = root.find(key);
    if (found == root.end()) {
        return badInput(project_path, at + " is missing (null for none)");
    }
    MediaReference media;
    if (found->is_null()) {
        return media;
    }
    if (!found->is_object()) {
        return badInput(project_path, at + " is not an object or null");
    }
    if (const auto embedded = found->find("embedded"); embedded != found->end()) {
        const auto name = found->find("name");
        if (!embedded->is_string()) {
            return badInput(project_path, at + ".embedded is not text");
        }
        if (name == found->end() || !name->is_string()) {
            return badInput(project_path, at + ".name is not text");
        }
        const std::optional<std::string> bytes = base64Decode(embedded->get<std::string>());
        if (!bytes) {
            return badInput(project_path, at + ".embedded is not base64 (the file may be damaged)");
        }
        Result<std::string> extracted = extractEmbeddedMedia(*bytes, name->get<std::string>());
        if (!extracted) {
            return extracted.error();
        }
        media.path = std::move(*extracted);
        media.embed = true;
        return media;
    }
    const auto path = found->find("path");
    if (path == found->end()) {
        return badInput(project_path, at + " needs \"path\" or \"embedded\"");
    }
    if (!path->is_string()) {
        return badInput(project_path, at + ".path is not text");
    }
    if (path->get<std::string>().empty()) {
        return badInput(project_path, at + ".path is empty (null for none)");
    }
    if (const auto embed = found->find("embed"); embed != found->end()) {
        if (!embed->is_boolean()) {
            return badInput(project_path, at + ".embed is not true or false");
        }
        media.embed = embed->get<bool>();
    }
    const fs::path written = fs::u8path(path->get<std::string>());
    const fs::path resolved =
        written.is_absolute() ? written : projectFolder(project_path) / written;
    media.path = resolved.lexically_normal().u8string();
    // The relative path first (the project moved together with its media); failing that, where
    // the media were when it was saved (the project file alone moved).
    std::error_code ec;
    if (const auto saved_at = found->find("saved_at_path");
        saved_at != found->end() && saved_at->is_string() &&
        !fs::is_regular_file(fs::u8path(media.path), ec) &&
        fs::is_regular_file(fs::u8path(saved_at->get<std::string>()), ec)) {
        media.path = fs::u8path(saved_at->get<std::string>()).lexically_normal().u8string();
    }
    return media;
}

// nlohmann's message without its "[json.exception.parse_error.101] " tag, first line only.
std::string parseProblem(const std::string& what) {
    std::string line = what.substr(0, what.find('\n'));
    if (!line.empty() && line[0] == '[') {
        const size_t end = line.find("] ");
        if (end != std::string::npos) {
            line = line.substr(end + 2);
        }
    }
    return line;
}

Result<json> parseProject(const std::string& text, const std::string& project_path) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return badInput(project_path, "file is empty");
    }
    try {
        return json::parse(text);
    } catch (const json::parse_error& error) {
        return badInput(project_path,
                        "is not valid JSON (it may be truncated): " + parseProblem(error.what()));
    }
}

Result<int> projectVersion(const json& root, const std::string& project_path) {
    if (!root.is_object() || !root.contains("format")) {
        return badInput(project_path, "is not a Portrait Studio project (\"format\" is missing)");
    }
    if (root["format"] != kFormat) {
        return badInput(project_path, "is not a Portrait Studio project (its \"format\" is " +
                                          root["format"].dump() + ")");
    }
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer()) {
        return badInput(project_path, "has no whole-number \"version\"");
    }
    const int64_t number = version->get<int64_t>();
    if (number > kProjectVersion) {
        return badInput(project_path, "was saved by a newer Portrait Studio (project version " +
                                          std::to_string(number) + "; this one reads up to " +
                                          std::to_string(kProjectVersion) + ")");
    }
    if (number < 1) {
        return badInput(project_path, "has an invalid project version " + std::to_string(number));
    }
    return int(number);
}

Result<FrameRate> frameRateFromJson(const json& root, const std::string& project_path) {
    const auto fps = root.find("fps");
    if (fps == root.end()) {
        return badInput(project_path, "fps is missing");
    }
    if (!fps->is_string()) {
        return badInput(project_path, "fps is not text");
    }
    const std::optional<FrameRate> rate = parseFrameRate(fps->get<std::string>());
    if (!rate) {
        return badInput(project_path, "fps \"" + fps->get<std::string>() +
                                          "\" is not a frame rate this studio exports");
    }
    return *rate;
}

Result<Project> projectFromRoot(json& root, const std::string& project_path) {
    const Result<int> version = projectVersion(root, project_path);
    if (!version) {
        return version.error();
    }
    migrateProject(root, *version);
    Project project;
    const Result<FrameRate> fps = frameRateFromJson(root, project_path);
    if (!fps) {
        return fps.error();
    }
    project.fps = *fps;
    Result<MediaReference> photo = mediaFromJson(root, "photo", project_path);
    if (!photo) {
        return photo.error();
    }
    project.photo = std::move(*photo);
    Result<MediaReference> audio = mediaFromJson(root, "audio", project_path);
    if (!audio) {
        return audio.error();
    }
    project.audio = std::move(*audio);
    const auto motion = root.find("motion");
    if (motion == root.end()) {
        return badInput(project_path, "motion is missing");
    }
    Result<MotionDocument> document = motionDocumentFromJson(*motion, project_path + ": motion");
    if (!document) {
        return document.error();
    }
    project.motion = std::move(*document);
    return project;
}

}  // namespace

Result<std::string> projectToJson(const Project& project, const std::string& project_path,
                                  MediaLinks links) {
    if (project.fps == FrameRate::Invalid) {
        return badInput(project_path, "cannot be saved without a frame rate");
    }
    json motion = motionDocumentToJson(project.motion);
    // A save never writes a file this build would refuse to open (a NaN would be written as
    // null), so the motion goes through the reader's checks first.
    const Result<MotionDocument> checked = motionDocumentFromJson(motion, "the motion");
    if (!checked) {
        return badInput(project_path, "cannot be saved: " + checked.error().message);
    }
    Result<json> photo = mediaToJson(project.photo, project_path, links);
    if (!photo) {
        return photo.error();
    }
    Result<json> audio = mediaToJson(project.audio, project_path, links);
    if (!audio) {
        return audio.error();
    }
    const json root = {{"format", kFormat},
                       {"version", kProjectVersion},
                       {"fps", frameRateLabel(project.fps)},
                       {"photo", std::move(*photo)},
                       {"audio", std::move(*audio)},
                       {"motion", std::move(motion)}};
    try {
        return readableJson(root) + "\n";
    } catch (const json::exception& error) {
        // dump() refuses text that is not UTF-8, such as a file name in another encoding.
        return badInput(project_path, "cannot be saved: " + parseProblem(error.what()));
    }
}

Result<Project> projectFromJson(const std::string& text, const std::string& project_path) {
    Result<json> root = parseProject(text, project_path);
    if (!root) {
        return root.error();
    }
    try {
        return projectFromRoot(*root, project_path);
    } catch (const json::exception& error) {
        // Every field is type-checked before it is read; this is the net under a missed check.
        return badInput(project_path, "is not a valid project: " + parseProblem(error.what()));
    }
}

Result<Project> readProject(const std::string& path) {
    if (const std::optional<std::string> problem = inputFileProblem(path, "a project")) {
        return badInput(path, *problem);
    }
    Result<std::string> text = readBytes(path);
    if (!text) {
        return text.error();
    }
    return projectFromJson(*text, path);
}

Status writeProject(const Project& project, const std::string& path, MediaLinks links) {
    Result<std::string> text = projectToJson(project, path, links);
    if (!text) {
        return text.error();
    }
    return writeFileAtomically(path, *text);
}

std::vector<std::string> missingMedia(const Project& project) {
    std::vector<std::string> missing;
    for (const MediaReference* media : {&project.photo, &project.audio}) {
        std::error_code ec;
        if (!media->path.empty() && !fs::is_regular_file(fs::u8path(media->path), ec)) {
            missing.push_back(media->path);
        }
    }
    return missing;
}

}  // namespace ps
