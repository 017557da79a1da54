#include "project/ProjectMigration.h"

#include <algorithm>
#include <iterator>

#include "project/ProjectFile.h"

namespace ps {

namespace {

using nlohmann::json;

// v1 named media by a bare path; v2 has objects so a medium can also be embedded.
void mediaPathToReference(json& project, const char* key) {
    const auto found = project.find(key);
    if (found == project.end()) {
        project[key] = nullptr;
    } else if (found->is_string()) {
        const std::string path = found->get<std::string>();
        *found = path.empty() ? json(nullptr) : json{{"path", path}};
    }
}

void migrateFrom1(json& project) {
    mediaPathToReference(project, "photo");
    mediaPathToReference(project, "audio");
    if (!project.contains("fps")) {
        project["fps"] = "25";
    }
    const auto motion = project.find("motion");
    if (motion != project.end() && motion->is_object() && !motion->contains("strengths")) {
        (*motion)["strengths"] = {
            {"lips", 1.0}, {"expressions", 1.0}, {"head", 1.0}, {"blink_rate", 1.0}};
    }
}

using MigrationStep = void (*)(json&);

// Step i takes version i + 1 to version i + 2.
constexpr MigrationStep kSteps[] = {migrateFrom1};
static_assert(std::size(kSteps) == kProjectVersion - 1, "one migration step per older version");

}  // namespace

void migrateProject(nlohmann::json& project, int from_version) {
    if (!project.is_object()) {
        return;
    }
    for (int version = std::max(from_version, 1); version < kProjectVersion; ++version) {
        kSteps[version - 1](project);
        project["version"] = version + 1;
    }
}

}  // namespace ps
