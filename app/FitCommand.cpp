#include "FitCommand.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <opencv2/imgcodecs.hpp>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "face/FaceFitJson.h"
#include "face/FaceMesh.h"
#include "face/FaceOverlay.h"
#include "face/PhotoFit.h"
#include "media/ImageDecoder.h"
#include "runtime/AtomicFile.h"
#include "runtime/Destination.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

const std::vector<OptionSpec>& fitOptions() {
    static const std::vector<OptionSpec> specs = {
        {"--photo", "", "P", "portrait photo (JPEG, PNG, WebP, BMP, TIFF)", true},
        {"--output", "-o", "FIT.json", "the fit to write (replaced only once complete)", true},
        {"--overlay", "", "OUT.png", "also draw the fitted mesh over the photo", false},
        {"--help", "-h", "", "show this help", false},
    };
    return specs;
}

void printFitHelp() {
    std::cout << "Usage: portrait-studio fit --photo P -o FIT.json [--overlay OUT.png]\n\n"
                 "Finds the largest face in the photo and fits the 468-point face mesh to it:\n"
                 "head pose, face shape and expression, written as JSON (image_size,\n"
                 "landmarks2d, pose, blendshapes, identity). Other faces found are listed.\n"
                 "MediaPipe's networks find the face (BlazeFace), its 468 landmarks (Face\n"
                 "Mesh) and its irises (Iris); the photo's own edges then correct the mouth\n"
                 "corners, closed lips and chin, and the model is fitted to those points.\n\n"
                 "Options:\n"
              << describeOptions(fitOptions());
}

}  // namespace

int runFitCommand(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            printFitHelp();
            return 0;
        }
    }
    ParsedOptions options;
    std::string problem;
    if (!parseOptions(args, fitOptions(), &options, &problem)) {
        printError("fit: " + problem + " (see portrait-studio fit --help)");
        return 2;
    }
    const std::string photo_path = *options.value("--photo");
    const std::string output = *options.value("--output");
    const std::optional<std::string> overlay = options.value("--overlay");
    if (lowerExtension(output) != ".json") {
        printError(output + ": the fit must be a .json file");
        return 2;
    }
    if (overlay && lowerExtension(*overlay) != ".png") {
        printError(*overlay + ": the overlay must be a .png file");
        return 2;
    }
    std::vector<std::string> outputs = {output};
    if (overlay) {
        outputs.push_back(*overlay);
    }
    for (const std::string& out : outputs) {
        if (sameFile(photo_path, out)) {
            printError(out + ": is also the input photo; choose another name");
            return 2;
        }
        if (const Status writable = checkDestination(out); !writable) {
            return failWith(writable.error());
        }
    }

    Result<Photo> photo = [&] {
        SilencedStderr quiet;
        return decodeImage(photo_path);
    }();
    if (!photo) {
        return failWith(photo.error());
    }
    Result<LargestFaceFit> fitted = fitLargestFace(photo->bgr, photo_path);
    if (!fitted) {
        return failWith(fitted.error());
    }
    const std::vector<BlazeFaceDetection>& faces = fitted->faces;
    const BlazeFaceDetection& face = faces.front();
    const FaceFit* fit = &fitted->report.fit;

    // Everything that can fail without touching the disk happens before anything is written.
    std::vector<uchar> overlay_png;
    if (overlay) {
        Result<cv::Mat> drawn = drawFaceOverlay(photo->bgr, fit->landmarks2d);
        if (!drawn) {
            return failWith(drawn.error());
        }
        if (!cv::imencode(".png", *drawn, overlay_png)) {
            printError(*overlay + ": could not encode the overlay as PNG");
            return 1;
        }
    }
    if (const Status written = writeFaceFit(output, *fit); !written) {
        return failWith(written.error());
    }
    if (overlay) {
        if (const Status written = writeFileAtomically(*overlay, overlay_png); !written) {
            return failWith(written.error());
        }
    }

    for (size_t i = 1; i < faces.size(); ++i) {
        const cv::Rect2f& box = faces[i].box;
        std::printf("also found a face at %d,%d %dx%d\n", int(std::lround(box.x)),
                    int(std::lround(box.y)), int(std::lround(box.width)),
                    int(std::lround(box.height)));
    }
    std::printf("wrote %s (face at %d,%d %dx%d, roll %.1f deg, landmark confidence %.2f)\n",
                output.c_str(), int(std::lround(face.box.x)), int(std::lround(face.box.y)),
                int(std::lround(face.box.width)), int(std::lround(face.box.height)),
                double(face.roll_deg), double(fitted->report.landmarks.confidence));
    if (overlay) {
        std::printf("wrote %s\n", overlay->c_str());
    }
    return 0;
}

}  // namespace ps::app
