// Reads the first image directory (IFD0) of a TIFF-structured block: a TIFF file itself, or the
// EXIF payload that JPEG, PNG and WebP embed. Only the tags the studio needs, without decoding
// anything else and without reading outside the block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "media/ImageBytes.h"

namespace ps {

struct ExifIfd0 {
    int64_t width_px = 0;   // tag 256 (ImageWidth); 0 when absent
    int64_t height_px = 0;  // tag 257 (ImageLength); 0 when absent
    int orientation = 1;    // tag 274, 1..8; 1 when absent or out of range
    // Where tag 274's SHORT value lies in the block, so a decoder can be told to ignore it; 0 if
    // absent or stored in another type.
    size_t orientation_offset = 0;
};

// nullopt when the block does not start with a TIFF header or its IFD0 lies outside the block.
std::optional<ExifIfd0> readExifIfd0(ImageBytes block);

// EXIF payloads in PNG and WebP are a bare TIFF block, but some writers keep JPEG's
// "Exif\0\0" prefix; this reads either.
std::optional<ExifIfd0> readExifPayload(ImageBytes payload);

}  // namespace ps
