#include "media/ExifIfd0.h"

namespace ps {
namespace {

constexpr uint32_t kTiffMagic = 42;
constexpr uint32_t kTypeShort = 3;
constexpr uint32_t kTypeLong = 4;
constexpr size_t kEntrySize = 12;

enum Tag : uint32_t { kImageWidth = 256, kImageLength = 257, kOrientation = 274 };

class TiffReader {
public:
    TiffReader(ImageBytes block, bool big_endian) : block_(block), big_endian_(big_endian) {}

    uint32_t u16(size_t at) const { return big_endian_ ? block_.be16(at) : block_.le16(at); }
    uint32_t u32(size_t at) const { return big_endian_ ? block_.be32(at) : block_.le32(at); }

    // The value of a one-element SHORT or LONG entry, which TIFF stores inside the entry itself.
    std::optional<uint32_t> singleValue(size_t entry) const {
        if (u32(entry + 4) != 1) {
            return std::nullopt;
        }
        switch (u16(entry + 2)) {
            case kTypeShort:
                return u16(entry + 8);
            case kTypeLong:
                return u32(entry + 8);
            default:
                return std::nullopt;
        }
    }

private:
    ImageBytes block_;
    bool big_endian_;
};

void readEntry(const TiffReader& reader, size_t entry, ExifIfd0& ifd) {
    const std::optional<uint32_t> value = reader.singleValue(entry);
    if (!value) {
        return;
    }
    switch (reader.u16(entry)) {
        case kImageWidth:
            ifd.width_px = *value;
            break;
        case kImageLength:
            ifd.height_px = *value;
            break;
        case kOrientation:
            if (*value >= 1 && *value <= 8) {
                ifd.orientation = static_cast<int>(*value);
                // Only the standard SHORT form can be overwritten in place safely.
                if (reader.u16(entry + 2) == kTypeShort) {
                    ifd.orientation_offset = entry + 8;
                }
            }
            break;
        default:
            break;
    }
}

}  // namespace

std::optional<ExifIfd0> readExifIfd0(ImageBytes block) {
    const bool big_endian = block.startsWith(0, "MM", 2);
    if (!big_endian && !block.startsWith(0, "II", 2)) {
        return std::nullopt;
    }
    const TiffReader reader(block, big_endian);
    if (!block.has(0, 8) || reader.u16(2) != kTiffMagic) {
        return std::nullopt;
    }
    const size_t directory = reader.u32(4);
    if (directory < 8 || !block.has(directory, 2)) {
        return std::nullopt;
    }
    ExifIfd0 ifd;
    const size_t entry_count = reader.u16(directory);
    for (size_t i = 0; i < entry_count; ++i) {
        const size_t entry = directory + 2 + i * kEntrySize;
        if (!block.has(entry, kEntrySize)) {
            break;  // a short directory still yields the tags that were complete
        }
        readEntry(reader, entry, ifd);
    }
    return ifd;
}

std::optional<ExifIfd0> readExifPayload(ImageBytes payload) {
    constexpr size_t kPrefixSize = 6;
    if (payload.startsWith(0, "Exif\0\0", kPrefixSize)) {
        return readExifIfd0(payload.from(kPrefixSize, payload.size - kPrefixSize));
    }
    return readExifIfd0(payload);
}

}  // namespace ps
