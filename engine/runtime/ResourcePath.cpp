#include "runtime/ResourcePath.h"

#include <filesystem>
#include <system_error>

namespace ps {

std::string resourcePath(const std::string& relative) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            exe.parent_path().parent_path() / "share" / "portrait-studio" / relative;
        if (fs::exists(installed, error)) {
            return installed.string();
        }
    }
    return std::string(PS_RESOURCES_DIR) + "/" + relative;
}

}  // namespace ps
