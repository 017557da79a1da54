// Bounds-checked reads of the fixed-size integers found in image headers. Every read says how
// many bytes it needs, so parsers can reject a truncated header instead of reading past it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ps {

struct ImageBytes {
    const uint8_t* data = nullptr;
    size_t size = 0;

    bool has(size_t offset, size_t count) const { return offset <= size && count <= size - offset; }
    bool startsWith(size_t offset, const char* text, size_t count) const {
        return has(offset, count) && std::memcmp(data + offset, text, count) == 0;
    }
    ImageBytes from(size_t offset, size_t count) const {
        return has(offset, count) ? ImageBytes{data + offset, count} : ImageBytes{};
    }

    // Callers check has() first; these do not.
    uint32_t be16(size_t at) const { return uint32_t(data[at]) << 8 | data[at + 1]; }
    uint32_t le16(size_t at) const { return uint32_t(data[at + 1]) << 8 | data[at]; }
    uint32_t be32(size_t at) const { return be16(at) << 16 | be16(at + 2); }
    uint32_t le32(size_t at) const { return le16(at + 2) << 16 | le16(at); }
    uint32_t le24(size_t at) const { return uint32_t(data[at + 2]) << 16 | le16(at); }
};

}  // namespace ps
