#include "runtime/Destination.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>

namespace fs = std::filesystem;

namespace ps {

namespace {

std::string probeName() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> digits(0, 0xFFFFFF);
    char name[32];
    std::snprintf(name, sizeof(name), ".ps-write-probe-%06x", digits(device));
    return name;
}

}  // namespace

fs::path containingFolder(const fs::path& file) {
    const fs::path parent = file.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

Status checkDestination(const std::string& path) {
    if (path.empty()) {
        return Error{ErrorKind::BadInput, "no output file was given"};
    }
    std::error_code ec;
    const fs::path target(path);
    if (fs::is_directory(target, ec)) {
        return badInput(path,
                        "is a folder; give a file name such as " + (target / "video.mp4").string());
    }
    const fs::path folder = containingFolder(target);
    if (!fs::exists(folder, ec)) {
        return badInput(path, "the folder " + folder.string() + " does not exist");
    }
    if (!fs::is_directory(folder, ec)) {
        return badInput(path, folder.string() + " is not a folder");
    }
    const fs::path probe = folder / probeName();
    {
        std::ofstream out(probe, std::ios::binary | std::ios::trunc);
        if (!out) {
            return badInput(path, "cannot write to the folder " + folder.string());
        }
    }
    fs::remove(probe, ec);
    return {};
}

bool sameFile(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace ps
