#include "media/ImageDecoder.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include <opencv2/imgcodecs.hpp>

#include "media/ImageHeader.h"
#include "media/ImageOrientation.h"
#include "media/ImagePixels.h"
#include "runtime/InputFile.h"

namespace ps {
namespace {

const char* kReadableFormats = "JPEG, PNG, WebP, BMP and TIFF";

const char* displayName(ImageFormat format) {
    switch (format) {
        case ImageFormat::Jpeg:
            return "JPEG";
        case ImageFormat::Png:
            return "PNG";
        case ImageFormat::Webp:
            return "WebP";
        case ImageFormat::Bmp:
            return "BMP";
        case ImageFormat::Tiff:
            return "TIFF";
        case ImageFormat::Unknown:
            break;
    }
    return "image";
}

// Returns the problem, or nothing once `bytes` holds the whole file. The header check and the
// decoder then work from the same bytes, read once.
std::optional<std::string> readWholeFile(const std::string& path, std::vector<uint8_t>& bytes) {
    if (auto problem = inputFileProblem(path, "a photo")) {
        return problem;
    }
    const std::filesystem::path file_path = std::filesystem::u8path(path);
    std::ifstream file(file_path, std::ios::binary | std::ios::ate);
    if (!file) {
        return "file could not be opened for reading";
    }
    const std::streamoff size = file.tellg();
    if (size == 0) {
        return "file is empty";
    }
    if (size < 0) {
        return "file could not be read";
    }
    bytes.resize(static_cast<size_t>(size));
    file.seekg(0);
    if (!file.read(reinterpret_cast<char*>(bytes.data()), size)) {
        return "file could not be read";
    }
    return std::nullopt;
}

std::string unrecognisedProblem(ImageBytes file) {
    if (const char* other = unsupportedImageFormat(file)) {
        return std::string("is a ") + other + " image; the studio reads " + kReadableFormats;
    }
    return std::string("is not a photo the studio can read (it reads ") + kReadableFormats + ")";
}

std::optional<std::string> sizeProblem(int64_t width_px, int64_t height_px) {
    if (width_px <= kMaxPhotoSide_px && height_px <= kMaxPhotoSide_px) {
        return std::nullopt;
    }
    return "photo is " + std::to_string(width_px) + "×" + std::to_string(height_px) +
           " px; the largest side the studio accepts is " + std::to_string(kMaxPhotoSide_px) +
           " px";
}

// libtiff turns some pixel layouts upright by itself and not others; with the tag reset to 1,
// every TIFF decodes as stored and gets the same orientation step as the other formats.
void neutraliseTiffOrientation(std::vector<uint8_t>& bytes, const ImageHeader& header) {
    const size_t at = header.tiff_orientation_offset;
    if (header.format != ImageFormat::Tiff || at == 0 || at + 2 > bytes.size()) {
        return;
    }
    const bool big_endian = bytes[0] == 'M';
    bytes[at] = big_endian ? 0 : 1;
    bytes[at + 1] = big_endian ? 1 : 0;
}

// OpenCV reports some corrupt files by throwing; nothing may escape the engine API.
cv::Mat decodePixels(const std::vector<uint8_t>& bytes) {
    try {
        return cv::imdecode(bytes, cv::IMREAD_UNCHANGED | cv::IMREAD_IGNORE_ORIENTATION);
    } catch (const cv::Exception&) {
        return {};
    }
}

}  // namespace

Result<Photo> decodeImage(const std::string& path) {
    std::vector<uint8_t> bytes;
    if (auto problem = readWholeFile(path, bytes)) {
        return badInput(path, *problem);
    }
    const ImageBytes file{bytes.data(), bytes.size()};
    const ImageFormat format = sniffImageFormat(file);
    if (format == ImageFormat::Unknown) {
        return badInput(path, unrecognisedProblem(file));
    }
    const std::optional<ImageHeader> header = readImageHeader(file);
    if (!header) {
        return badInput(path, std::string("is a damaged ") + displayName(format) +
                                  " file (its header could not be read)");
    }
    if (auto problem = sizeProblem(header->width_px, header->height_px)) {
        return badInput(path, *problem);
    }

    neutraliseTiffOrientation(bytes, *header);
    const cv::Mat decoded = decodePixels(bytes);
    bytes = {};  // the encoded copy is no longer needed while the pixels are converted
    if (decoded.empty()) {
        return badInput(path, std::string("is a damaged or incomplete ") + displayName(format) +
                                  " file (its pixels could not be decoded)");
    }
    if (auto problem = sizeProblem(decoded.cols, decoded.rows)) {
        return badInput(path, *problem);
    }
    BgrPixels pixels = toBgr8(decoded);
    if (pixels.bgr.empty()) {
        return badInput(path, "uses a pixel format the studio cannot read (" +
                                  std::to_string(decoded.channels()) + " channels of " +
                                  std::to_string(decoded.elemSize1() * 8) + "-bit samples)");
    }

    Photo photo;
    photo.path = path;
    photo.format = imageFormatName(format);
    photo.bgr = orientUpright(pixels.bgr, header->exif_orientation);
    photo.had_alpha = pixels.had_alpha;
    photo.exif_orientation = header->exif_orientation;
    return Result<Photo>(std::move(photo));
}

}  // namespace ps
