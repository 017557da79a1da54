#include "BenchCommand.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "BenchFaceNetworks.h"
#include "BenchMotion.h"
#include "BenchPreview.h"
#include "BenchRender.h"
#include "BenchTiming.h"
#include "BenchVoice.h"
#include "CommandLine.h"
#include "VoiceTrack.h"
#include "face/FaceNetworks.h"
#include "face/LandmarkFit.h"
#include "face/PhotoFit.h"
#include "media/ImageDecoder.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

constexpr int kRepetitions = 5;
// Ten seconds of playback at 25 fps per size.
constexpr int kPreviewFrames = 250;

// A 12-megapixel photo (4000x3000) with the sample portrait enlarged 3x in it, off-centre.
Result<cv::Mat> twelveMegapixelPortrait(const std::string& sample_path) {
    Result<Photo> photo = [&] {
        SilencedStderr quiet;
        return decodeImage(sample_path);
    }();
    if (!photo) {
        return photo.error();
    }
    cv::Mat canvas(3000, 4000, CV_8UC3, cv::Scalar(120, 128, 136));
    cv::Mat enlarged;
    cv::resize(photo->bgr, enlarged, cv::Size(), 3.0, 3.0, cv::INTER_CUBIC);
    enlarged.copyTo(canvas(cv::Rect(1700, 900, enlarged.cols, enlarged.rows)));
    return canvas;
}

int benchFit(const std::string& sample_path, int repetitions) {
    Result<cv::Mat> photo = twelveMegapixelPortrait(sample_path);
    if (!photo) {
        printError(photo.error().message);
        return exitCodeFor(photo.error().kind);
    }
    Result<LargestFaceFit> fitted = fitLargestFace(*photo, sample_path);
    if (!fitted) {
        printError(fitted.error().message);
        return exitCodeFor(fitted.error().kind);
    }
    const BlazeFaceDetector& detector = (*faceNetworks())->detector;  // loaded by the fit above
    const double detect_ms = medianMs([&] { (void)detector.detect(*photo); }, repetitions);
    const double fit_ms = medianMs([&] { (void)fitLargestFace(*photo, sample_path); }, repetitions);
    std::printf(
        "{\"case\": \"fit\", \"size\": \"%dx%d\", \"threads\": %d, \"ms_per_fit\": %.1f, "
        "\"detect_all_faces_ms\": %.1f, \"landmark_confidence\": %.2f}\n",
        photo->cols, photo->rows, cv::getNumThreads(), fit_ms, detect_ms,
        double(fitted->report.landmarks.confidence));

    // The landmark editor's call: one mouth corner dragged, the whole mesh refitted.
    const FaceFit& fit = fitted->report.fit;
    const glm::vec2 corner = fit.landmarks2d[61];
    const std::vector<LandmarkTarget> moved = {{61, corner + glm::vec2(12.0f, -8.0f), 1.0f}};
    const double refit_ms =
        medianMs([&] { (void)refitWithCorrections(fit, moved); }, 4 * repetitions);
    std::printf(
        "{\"case\": \"refit\", \"landmarks\": 468, \"threads\": %d, \"ms_per_refit\": %.2f}\n",
        cv::getNumThreads(), refit_ms);

    // The fit's networks one at a time.
    Result<Photo> sample = [&] {
        SilencedStderr quiet;
        return decodeImage(sample_path);
    }();
    if (!sample) {
        printError(sample.error().message);
        return exitCodeFor(sample.error().kind);
    }
    if (const int code = benchFaceNetworks(*photo, sample->bgr, repetitions); code != 0) {
        return code;
    }
    return 0;
}

void printBenchHelp() {
    std::cout
        << "Usage: portrait-studio bench [fit] [render] [voice] [motion] [preview] [--threads N] "
           "[--photo P]\n\n"
           "Measures speed and prints one JSON object per line per case (the median of "
        << kRepetitions
        << " runs after a\nwarm-up run):\n"
           "  fit    the photo fit (detection, Face Mesh, the model fitted to its points)\n"
           "         on a 12-megapixel photo, a refit from one corrected landmark (the\n"
           "         landmark editor), and its parts alone: BlazeFace detection (12 MP and\n"
           "         640x360), one Face Mesh pass, the fit to its 468 points; and the face\n"
           "         tracker on a 640x360 video (detection amortised, decoding included)\n"
           "  render the real-time renderer on a 512x512 face crop and a 1920x1080 frame,\n"
           "         with one full-frame cv::remap of each size as the reference\n"
           "  voice  the voice model, prosody, head motion and blinks on a minute of the\n"
           "         sample voice, and how many times faster than real time they run\n"
           "  motion evaluating one frame of a motion document (scrubbing), with only\n"
           "         the voice and idle layers and with every kind of layer crowded in\n"
           "  preview the studio's live preview playing the sample voice (render on its\n"
           "         worker, conversion, the viewer's paint) at 512x512 and 1920x1080:\n"
           "         frames per second and the UI thread's longest stall\n\n"
           "--threads N sets OpenCV's and LibTorch's threads (default 1: one core);\n"
           "--photo P is the portrait used (default: the bundled sample).\n";
}

}  // namespace

int runBenchCommand(const std::vector<std::string>& args) {
    std::vector<std::string> cases;
    int threads = 1;
    int repetitions = kRepetitions;
    std::string photo = PS_SAMPLE_PHOTO;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            printBenchHelp();
            return 0;
        }
        if ((arg == "--threads" || arg == "--repeat" || arg == "--photo") && i + 1 < args.size()) {
            const std::string value = args[++i];
            if (arg == "--photo") {
                photo = value;
                continue;
            }
            char* end = nullptr;
            const long number = std::strtol(value.c_str(), &end, 10);
            if (*end != '\0' || number < 1 || number > 256) {
                printError(arg + " " + value + ": give a whole number from 1 to 256");
                return 2;
            }
            (arg == "--threads" ? threads : repetitions) = static_cast<int>(number);
            continue;
        }
        if (arg == "fit" || arg == "render" || arg == "voice" || arg == "motion" ||
            arg == "preview") {
            cases.push_back(arg);
            continue;
        }
        printError("bench: unknown case or option '" + arg +
                   "' (cases: fit, render, voice, motion, preview)");
        return 2;
    }
    if (cases.empty()) {
        cases = {"fit", "render", "voice", "motion", "preview"};
    }
    cv::setNumThreads(threads);
    for (const std::string& name : cases) {
        if (name == "fit") {
            if (const int code = benchFit(photo, repetitions); code != 0) {
                return code;
            }
        } else if (name == "render") {
            if (const int code = benchRender(photo, repetitions); code != 0) {
                return code;
            }
        } else if (name == "preview") {
            if (const int code = benchPreview(photo, PS_SAMPLE_VOICE, kPreviewFrames); code != 0) {
                return code;
            }
        } else if (name == "motion") {
            if (const int code = benchMotion(PS_SAMPLE_VOICE, repetitions); code != 0) {
                return code;
            }
        } else if (name == "voice") {
            if (const int code =
                    benchVoice(PS_SAMPLE_VOICE, defaultVoiceModelPath(), threads, repetitions);
                code != 0) {
                return code;
            }
        }
    }
    return 0;
}

}  // namespace ps::app
