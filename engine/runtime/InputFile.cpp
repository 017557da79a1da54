#include "runtime/InputFile.h"

#include <filesystem>
#include <system_error>

namespace ps {

std::optional<std::string> inputFileProblem(const std::string& path, const std::string& what) {
    namespace fs = std::filesystem;
    const fs::path file_path = fs::u8path(path);
    std::error_code error;
    const fs::file_status status = fs::status(file_path, error);
    if (!fs::exists(status)) {
        return "file does not exist";
    }
    if (fs::is_directory(status)) {
        return "is a folder, not " + what;
    }
    const auto size = fs::file_size(file_path, error);
    if (!error && size == 0) {
        return "file is empty";
    }
    return std::nullopt;
}

}  // namespace ps
