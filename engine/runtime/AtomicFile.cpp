#include "runtime/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
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
Result<std::string> createTemporaryFileBeside(const std::string& output_path) {
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

Status moveIntoPlace(const std::string& temporary_path, const std::string& output_path) {
    std::error_code ec;
    fs::rename(temporary_path, output_path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary_path, ignored);
        return internalError(output_path + ": could not replace the file: " + ec.message());
    }
    return {};
}

Status writeFileAtomically(const std::string& output_path, std::string_view bytes) {
    Result<std::string> temporary = createTemporaryFileBeside(output_path);
    if (!temporary) {
        return temporary.error();
    }
    {
        std::ofstream out(*temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            fs::remove(*temporary, ignored);
            return internalError(output_path + ": could not write the file (is the disk full?)");
        }
    }
    return moveIntoPlace(*temporary, output_path);
}

Status writeFileAtomically(const std::string& output_path,
                           const std::vector<unsigned char>& bytes) {
    return writeFileAtomically(
        output_path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace ps
