// What an image file says about itself before any pixel is decoded: its format from the magic
// bytes, its size and its EXIF orientation. Lets the decoder refuse a file cheaply (wrong format,
// too large) and apply the orientation the same way for every format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "media/ImageBytes.h"

namespace ps {

enum class ImageFormat { Unknown = 0, Jpeg, Png, Webp, Bmp, Tiff };

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    int64_t width_px = 0;  // as stored, before the orientation is applied
    int64_t height_px = 0;
    int exif_orientation = 1;  // 1..8; 1 when the file has none
    // TIFF only: the byte offset of the file's own orientation value (0 when absent). libtiff
    // applies that tag for some pixel layouts and not others, so the decoder neutralises it.
    size_t tiff_orientation_offset = 0;
};

// The short lower-case name the studio uses for a format ("jpeg", "png", ...); "" for Unknown.
const char* imageFormatName(ImageFormat format);

// Recognises the formats the studio reads from their first bytes.
ImageFormat sniffImageFormat(ImageBytes file);

// For a well-known image format the studio does not read (GIF, HEIF, AVIF, ...), its name for
// the user's error message; nullptr otherwise.
const char* unsupportedImageFormat(ImageBytes file);

// nullopt when the format is not recognised or the header is truncated or contradictory.
std::optional<ImageHeader> readImageHeader(ImageBytes file);

}  // namespace ps
