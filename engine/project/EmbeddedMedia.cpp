#include "project/EmbeddedMedia.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "runtime/AtomicFile.h"

namespace fs = std::filesystem;

namespace ps {

namespace {

// Only the last component counts, so a name written by hand ("../../x") cannot leave the cache.
std::string safeFileName(const std::string& name) {
    const size_t slash = name.find_last_of("/\\");
    const std::string last = slash == std::string::npos ? name : name.substr(slash + 1);
    if (last.empty() || last == "." || last == "..") {
        return "media";
    }
    return last;
}

std::string hex16(uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(value));
    return text;
}

}  // namespace

uint64_t fnv1a64(std::string_view bytes) {
    uint64_t hash = 14695981039346656037ull;  // FNV's 64-bit offset basis
    for (char byte : bytes) {
        hash ^= uint64_t(uint8_t(byte));
        hash *= 1099511628211ull;  // FNV's 64-bit prime
    }
    return hash;
}

std::string embeddedMediaCacheFolder() {
    std::error_code ec;
    fs::path temp = fs::temp_directory_path(ec);
    if (ec) {
        temp = fs::path("/tmp");
    }
    return (temp / "portrait-studio-media").string();
}

Result<std::string> extractEmbeddedMedia(std::string_view bytes, const std::string& name) {
    const fs::path folder = fs::path(embeddedMediaCacheFolder()) / hex16(fnv1a64(bytes));
    const fs::path file = folder / fs::u8path(safeFileName(name));
    std::error_code ec;
    if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) == bytes.size() && !ec) {
        return file.string();
    }
    fs::create_directories(folder, ec);
    if (ec) {
        return internalError("Could not create the folder " + folder.string() +
                             " for embedded media: " + ec.message() + ".");
    }
    const Status written = writeFileAtomically(file.string(), bytes);
    if (!written) {
        return internalError("Could not extract embedded media to " + file.string() + ": " +
                             written.error().message);
    }
    return file.string();
}

}  // namespace ps
