// Decodes JPEG, PNG (8/16-bit, alpha, grey, palette), WebP, BMP and TIFF into an upright Photo.
#pragma once

#include <string>

#include "media/Photo.h"
#include "runtime/Result.h"

namespace ps {

// Errors (ErrorKind::BadInput, message "<path>: <problem>"): missing, empty, not an image, an
// image format that is not supported, corrupt, or larger than kMaxPhotoSide_px on a side (checked
// from the header, before any pixels are decoded).
Result<Photo> decodeImage(const std::string& path);

}  // namespace ps
