#include "BlendshapeSheetCommand.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <opencv2/imgcodecs.hpp>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "face/Blendshapes.h"
#include "face/ContactSheet.h"
#include "face/FaceMesh.h"
#include "face/PhotoFit.h"
#include "media/ImageDecoder.h"
#include "runtime/AtomicFile.h"
#include "runtime/Destination.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

constexpr int kDefaultTilePx = 256;
constexpr int kMinTilePx = 64;
constexpr int kMaxTilePx = 1024;

const std::vector<OptionSpec>& sheetOptions() {
    static const std::vector<OptionSpec> specs = {
        {"--sheet", "", "OUT.png", "the contact sheet to write (replaced only once complete)",
         true},
        {"--photo", "", "P", "also draw the shapes on the face fitted to this photo", false},
        {"--tile", "", "N", "side of each tile in pixels, 64 to 1024 (default 256)", false},
        {"--help", "-h", "", "show this help", false},
    };
    return specs;
}

void printSheetHelp() {
    std::cout << "Usage: portrait-studio blendshapes --sheet OUT.png [--photo P] [--tile N]\n\n"
                 "Draws the neutral face and each of the 52 ARKit blendshapes at full weight on\n"
                 "the canonical face mesh, one labelled tile each, to check the shapes by eye.\n"
                 "With --photo, a second half below shows the same shapes on the person's own\n"
                 "fitted mesh, drawn over the photo (the photo itself is not animated yet).\n"
                 "\nOptions:\n"
              << describeOptions(sheetOptions());
}

bool hasPngExtension(const std::string& path) {
    std::string ext = std::filesystem::u8path(path).extension().u8string();
    for (char& c : ext) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return ext == ".png";
}

}  // namespace

int runBlendshapeSheetCommand(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            printSheetHelp();
            return 0;
        }
    }
    ParsedOptions options;
    std::string problem;
    if (!parseOptions(args, sheetOptions(), &options, &problem)) {
        printError("blendshapes: " + problem + " (see portrait-studio blendshapes --help)");
        return 2;
    }
    const std::string output = *options.value("--sheet");
    int tile_px = kDefaultTilePx;
    if (const auto tile = options.value("--tile")) {
        char* end = nullptr;
        const long value = std::strtol(tile->c_str(), &end, 10);
        if (tile->empty() || *end != '\0' || value < kMinTilePx || value > kMaxTilePx) {
            printError("--tile " + *tile + ": give a whole number of pixels from 64 to 1024");
            return 2;
        }
        tile_px = static_cast<int>(value);
    }
    if (!hasPngExtension(output)) {
        printError(output + ": the contact sheet must be a .png file");
        return 2;
    }
    if (const Status writable = checkDestination(output); !writable) {
        printError(writable.error().message);
        return exitCodeFor(writable.error().kind);
    }

    cv::Mat sheet =
        blendshapeContactSheet(BlendshapeBasis::canonical(), FaceMesh::canonical(), tile_px);
    if (const auto photo_path = options.value("--photo")) {
        Result<Photo> photo = [&] {
            SilencedStderr quiet;
            return decodeImage(*photo_path);
        }();
        if (!photo) {
            printError(photo.error().message);
            return exitCodeFor(photo.error().kind);
        }
        Result<LargestFaceFit> fitted = fitLargestFace(photo->bgr, *photo_path);
        if (!fitted) {
            printError(fitted.error().message);
            return exitCodeFor(fitted.error().kind);
        }
        Result<cv::Mat> on_photo = fittedContactSheet(photo->bgr, fitted->report.fit, tile_px);
        if (!on_photo) {
            printError(*photo_path + ": " + on_photo.error().message);
            return exitCodeFor(on_photo.error().kind);
        }
        cv::vconcat(sheet, *on_photo, sheet);
    }
    std::vector<uchar> png;
    if (!cv::imencode(".png", sheet, png)) {
        printError(output + ": could not encode the contact sheet as PNG");
        return 1;
    }
    if (const Status written = writeFileAtomically(output, png); !written) {
        printError(written.error().message);
        return exitCodeFor(written.error().kind);
    }
    std::printf("wrote %s (%d shapes and the neutral face, %dx%d)\n", output.c_str(),
                kBlendshapeCount, sheet.cols, sheet.rows);
    return 0;
}

}  // namespace ps::app
