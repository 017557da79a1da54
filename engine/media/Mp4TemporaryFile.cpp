#include "media/Mp4TemporaryFile.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>

#include "runtime/Destination.h"

namespace fs = std::filesystem;

namespace ps {

namespace {

std::string randomSuffix() {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
    std::string suffix(6, ' ');
    for (char& c : suffix) {
        c = kAlphabet[pick(generator)];
    }
    return suffix;
}

bool isPermissionProblem(int error_number) {
    return error_number == EACCES || error_number == EPERM || error_number == EROFS;
}

}  // namespace

// The "x" mode (C11) creates the file exclusively; unlike mkstemp's 0600 the file gets the
// permissions of any new file (umask applies), which the renamed export keeps.
Result<std::string> createMp4TemporaryFile(const std::string& output_path) {
    const fs::path destination(output_path);
    const fs::path folder = containingFolder(destination);
    // Leaves room for the affixes within the usual 255-byte limit on a file name.
    const std::string name = destination.filename().string().substr(0, 200);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path candidate = folder / ("." + name + "." + randomSuffix() + ".part");
        errno = 0;
        if (std::FILE* file = std::fopen(candidate.c_str(), "wbx")) {
            std::fclose(file);
            return candidate.string();
        }
        const int error = errno;
        if (error == EEXIST) {
            continue;
        }
        if (isPermissionProblem(error)) {
            return badInput(output_path, "cannot write to the folder " + folder.string() + ".");
        }
        return internalError("Could not create a file in " + folder.string() + ": " +
                             std::error_code(error, std::generic_category()).message() + ".");
    }
    return internalError("Could not find a free temporary file name in " + folder.string() + ".");
}

}  // namespace ps
