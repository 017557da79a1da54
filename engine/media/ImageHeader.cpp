#include "media/ImageHeader.h"

#include <algorithm>

#include "media/ExifIfd0.h"

namespace ps {
namespace {

constexpr char kPngSignature[] = "\x89PNG\r\n\x1a\n";
constexpr size_t kPngSignatureSize = 8;

bool isJpegStartOfFrame(uint8_t marker) {
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

bool isJpegMarkerWithoutLength(uint8_t marker) {
    return marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7);
}

// Walks the marker segments up to the start of scan: SOFn holds the size, APP1 the EXIF block.
std::optional<ImageHeader> readJpeg(ImageBytes file) {
    ImageHeader header;
    bool have_size = false;
    bool have_exif = false;
    size_t at = 2;
    while (file.has(at, 2)) {
        const uint8_t marker = file.data[at + 1];
        if (file.data[at] != 0xFF || marker == 0xFF) {
            ++at;  // stray bytes and fill bytes before a marker, which libjpeg also skips
            continue;
        }
        at += 2;
        if (isJpegMarkerWithoutLength(marker)) {
            continue;
        }
        if (marker == 0xDA || marker == 0xD9 || !file.has(at, 2)) {
            break;
        }
        const size_t length = file.be16(at);
        if (length < 2 || !file.has(at, length)) {
            break;
        }
        const ImageBytes segment = file.from(at + 2, length - 2);
        if (isJpegStartOfFrame(marker) && segment.has(0, 5)) {
            header.height_px = segment.be16(1);
            header.width_px = segment.be16(3);
            have_size = true;
        } else if (marker == 0xE1 && !have_exif && segment.startsWith(0, "Exif\0\0", 6)) {
            if (auto exif = readExifPayload(segment)) {
                header.exif_orientation = exif->orientation;
                have_exif = true;
            }
        }
        at += length;
    }
    if (!have_size) {
        return std::nullopt;
    }
    return header;
}

// IHDR must come first; eXIf may sit anywhere before IEND, so every chunk header is visited
// (chunk data is skipped, not read).
std::optional<ImageHeader> readPng(ImageBytes file) {
    constexpr size_t kIhdr = kPngSignatureSize;
    if (!file.has(kIhdr, 8 + 13) || file.be32(kIhdr) != 13 ||
        !file.startsWith(kIhdr + 4, "IHDR", 4)) {
        return std::nullopt;
    }
    ImageHeader header;
    header.width_px = file.be32(kIhdr + 8);
    header.height_px = file.be32(kIhdr + 12);
    size_t at = kIhdr;
    while (file.has(at, 12)) {
        const size_t length = file.be32(at);
        if (file.startsWith(at + 4, "IEND", 4) || !file.has(at + 8, length)) {
            break;
        }
        if (file.startsWith(at + 4, "eXIf", 4)) {
            if (auto exif = readExifPayload(file.from(at + 8, length))) {
                header.exif_orientation = exif->orientation;
            }
        }
        at += 12 + length;
    }
    return header;
}

// A RIFF container of chunks: VP8X (extended, holds the canvas size), VP8 (lossy), VP8L
// (lossless) and EXIF. The canvas size wins over the size of the first frame.
std::optional<ImageHeader> readWebp(ImageBytes file) {
    ImageHeader header;
    bool have_canvas = false;
    size_t at = 12;
    while (file.has(at, 8)) {
        const size_t length = file.le32(at + 4);
        const size_t body = at + 8;
        const ImageBytes chunk = file.from(body, std::min(length, file.size - body));
        if (file.startsWith(at, "VP8X", 4) && chunk.has(0, 10)) {
            header.width_px = int64_t{chunk.le24(4)} + 1;
            header.height_px = int64_t{chunk.le24(7)} + 1;
            have_canvas = true;
        } else if (file.startsWith(at, "VP8 ", 4) && !have_canvas && chunk.has(0, 10) &&
                   chunk.startsWith(3, "\x9d\x01\x2a", 3)) {
            header.width_px = chunk.le16(6) & 0x3FFF;
            header.height_px = chunk.le16(8) & 0x3FFF;
            have_canvas = true;
        } else if (file.startsWith(at, "VP8L", 4) && !have_canvas && chunk.has(0, 5) &&
                   chunk.data[0] == 0x2F) {
            const uint32_t bits = chunk.le32(1);
            header.width_px = int64_t{bits & 0x3FFF} + 1;
            header.height_px = int64_t{(bits >> 14) & 0x3FFF} + 1;
            have_canvas = true;
        } else if (file.startsWith(at, "EXIF", 4)) {
            if (auto exif = readExifPayload(chunk)) {
                header.exif_orientation = exif->orientation;
            }
        }
        if (length > file.size - body) {
            break;
        }
        at = body + length + (length & 1);  // chunks are padded to an even size
    }
    if (!have_canvas) {
        return std::nullopt;
    }
    return header;
}

// BITMAPCOREHEADER (12 bytes) stores 16-bit sizes; every later header stores signed 32-bit ones,
// with a negative height for rows stored top-down.
std::optional<ImageHeader> readBmp(ImageBytes file) {
    constexpr size_t kInfo = 14;
    if (!file.has(kInfo, 4)) {
        return std::nullopt;
    }
    ImageHeader header;
    const uint32_t info_size = file.le32(kInfo);
    if (info_size == 12 && file.has(kInfo, 12)) {
        header.width_px = file.le16(kInfo + 4);
        header.height_px = file.le16(kInfo + 6);
    } else if (info_size >= 16 && file.has(kInfo, 12)) {
        header.width_px = static_cast<int32_t>(file.le32(kInfo + 4));
        const int64_t height = static_cast<int32_t>(file.le32(kInfo + 8));
        header.height_px = height < 0 ? -height : height;
    } else {
        return std::nullopt;
    }
    return header;
}

std::optional<ImageHeader> readTiff(ImageBytes file) {
    const std::optional<ExifIfd0> ifd = readExifIfd0(file);
    if (!ifd) {
        return std::nullopt;
    }
    ImageHeader header;
    header.width_px = ifd->width_px;
    header.height_px = ifd->height_px;
    header.exif_orientation = ifd->orientation;
    header.tiff_orientation_offset = ifd->orientation_offset;
    return header;
}

std::optional<ImageHeader> readHeaderOf(ImageFormat format, ImageBytes file) {
    switch (format) {
        case ImageFormat::Jpeg:
            return readJpeg(file);
        case ImageFormat::Png:
            return readPng(file);
        case ImageFormat::Webp:
            return readWebp(file);
        case ImageFormat::Bmp:
            return readBmp(file);
        case ImageFormat::Tiff:
            return readTiff(file);
        case ImageFormat::Unknown:
            break;
    }
    return std::nullopt;
}

}  // namespace

const char* imageFormatName(ImageFormat format) {
    switch (format) {
        case ImageFormat::Jpeg:
            return "jpeg";
        case ImageFormat::Png:
            return "png";
        case ImageFormat::Webp:
            return "webp";
        case ImageFormat::Bmp:
            return "bmp";
        case ImageFormat::Tiff:
            return "tiff";
        case ImageFormat::Unknown:
            break;
    }
    return "";
}

ImageFormat sniffImageFormat(ImageBytes file) {
    if (file.startsWith(0, "\xFF\xD8\xFF", 3)) {
        return ImageFormat::Jpeg;
    }
    if (file.startsWith(0, kPngSignature, kPngSignatureSize)) {
        return ImageFormat::Png;
    }
    if (file.startsWith(0, "RIFF", 4) && file.startsWith(8, "WEBP", 4)) {
        return ImageFormat::Webp;
    }
    if (file.startsWith(0, "BM", 2)) {
        return ImageFormat::Bmp;
    }
    if (file.startsWith(0, "II*\0", 4) || file.startsWith(0, "MM\0*", 4)) {
        return ImageFormat::Tiff;
    }
    return ImageFormat::Unknown;
}

const char* unsupportedImageFormat(ImageBytes file) {
    if (file.startsWith(0, "GIF87a", 6) || file.startsWith(0, "GIF89a", 6)) {
        return "GIF";
    }
    if (file.startsWith(0, "II+\0", 4) || file.startsWith(0, "MM\0+", 4)) {
        return "BigTIFF";
    }
    if (file.startsWith(4, "ftypavif", 8) || file.startsWith(4, "ftypavis", 8)) {
        return "AVIF";
    }
    if (file.startsWith(4, "ftyphei", 7) || file.startsWith(4, "ftypmif1", 8) ||
        file.startsWith(4, "ftyphev", 7)) {
        return "HEIF";
    }
    if (file.startsWith(0, "\0\0\0\x0CjP  ", 8)) {
        return "JPEG 2000";
    }
    return nullptr;
}

std::optional<ImageHeader> readImageHeader(ImageBytes file) {
    const ImageFormat format = sniffImageFormat(file);
    std::optional<ImageHeader> header = readHeaderOf(format, file);
    if (!header || header->width_px <= 0 || header->height_px <= 0) {
        return std::nullopt;
    }
    header->format = format;
    return header;
}

}  // namespace ps
