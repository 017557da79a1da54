#include "BenchFaceNetworks.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include "BenchTiming.h"
#include "CommandLine.h"
#include "face/BlazeFaceDetector.h"
#include "face/FaceLandmarker.h"
#include "face/FaceMeshFit.h"
#include "face/FaceNetworks.h"
#include "face/FaceTracker.h"
#include "face/ModelFiles.h"
#include "media/Mp4Writer.h"
#include "media/VideoDecoder.h"
#include "nn/GraphModel.h"

namespace ps::app {

namespace {

// The sample letterboxed into a 640x360 frame, as a webcam or a small video shows a face.
cv::Mat videoFrame(const cv::Mat& sample) {
    cv::Mat frame(360, 640, CV_8UC3, cv::Scalar(40, 40, 40));
    cv::Mat scaled;
    cv::resize(sample, scaled, cv::Size(360 * sample.cols / sample.rows, 360), 0, 0,
               cv::INTER_AREA);
    scaled.copyTo(frame(cv::Rect((640 - scaled.cols) / 2, 0, scaled.cols, 360)));
    return frame;
}

void printFrameCase(const char* name, const cv::Mat& image, double ms, const char* extra = "") {
    std::printf(
        "{\"case\": \"%s\", \"size\": \"%dx%d\", \"threads\": %d, \"ms_per_frame\": %.2f, "
        "\"fps\": %.0f%s}\n",
        name, image.cols, image.rows, cv::getNumThreads(), ms, 1000.0 / ms, extra);
}

// Four seconds of a 640x360 video of the sample drifting a few pixels, as a webcam shows a
// person sitting still, written to `path`.
Status writeDriftingVideo(const cv::Mat& sample, const std::string& path, int frames) {
    VideoSettings settings;
    settings.width = 640;
    settings.height = 360;
    settings.fps = FrameRate::Fps25;
    settings.preset = "ultrafast";
    Result<std::unique_ptr<Mp4Writer>> writer = Mp4Writer::open(path, settings, 0, 0);
    if (!writer) {
        return writer.error();
    }
    const cv::Mat still = videoFrame(sample);
    cv::Mat frame;
    for (int i = 0; i < frames; ++i) {
        const double t = i / 25.0;
        const cv::Matx23d shift(1, 0, 8.0 * std::sin(2.0 * t), 0, 1, 4.0 * std::sin(3.0 * t));
        cv::warpAffine(still, frame, shift, still.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        if (const Status written = (*writer)->writeVideoFrame(frame); !written) {
            return written;
        }
    }
    return (*writer)->finish();
}

// The face tracker on that video, decoding included, detection amortised over the frames as it
// is in use (it runs on the first frame only when the face is never lost).
int benchTrack(const cv::Mat& sample) {
    constexpr int kFrames = 100;
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path folder =
        fs::temp_directory_path(ec) /
        ("ps-bench-track-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(folder, ec);
    const std::string path = (folder / "drift.mp4").string();
    const auto fail = [&](const Error& error) {
        fs::remove_all(folder, ec);
        printError(error.message);
        return exitCodeFor(error.kind);
    };
    if (const Status written = writeDriftingVideo(sample, path, kFrames); !written) {
        return fail(written.error());
    }
    Result<const FaceNetworks*> networks = faceNetworks();
    if (!networks) {
        return fail(networks.error());
    }
    Result<std::unique_ptr<VideoDecoder>> decoder = VideoDecoder::open(path);
    if (!decoder) {
        return fail(decoder.error());
    }
    FaceTracker tracker(**networks);
    VideoFrame frame;
    int frames = 0, detections = 0, lost = 0;
    double decode_ms = 0.0, track_ms = 0.0;
    using Clock = std::chrono::steady_clock;
    for (;;) {
        const auto start = Clock::now();
        const Result<bool> got = (*decoder)->read(&frame);
        const auto decoded = Clock::now();
        if (!got) {
            return fail(got.error());
        }
        if (!*got) {
            break;
        }
        Result<TrackedFace> face = tracker.track(frame.bgr, frame.time_s);
        if (!face) {
            return fail(face.error());
        }
        decode_ms += std::chrono::duration<double, std::milli>(decoded - start).count();
        track_ms += std::chrono::duration<double, std::milli>(Clock::now() - decoded).count();
        ++frames;
        detections += face->found == FaceFound::Detected ? 1 : 0;
        lost += face->found == FaceFound::None ? 1 : 0;
    }
    fs::remove_all(folder, ec);
    if (frames == 0 || lost > 0) {
        printError("bench fit: the tracker lost the sample's face in " + std::to_string(lost) +
                   " of " + std::to_string(frames) + " frames");
        return 1;
    }
    const double ms = (decode_ms + track_ms) / frames;
    std::printf(
        "{\"case\": \"track\", \"size\": \"640x360\", \"threads\": %d, \"ms_per_frame\": %.2f, "
        "\"fps\": %.0f, \"decode_ms\": %.2f, \"frames\": %d, \"detections\": %d}\n",
        cv::getNumThreads(), ms, 1000.0 / ms, decode_ms / frames, frames, detections);
    return 0;
}

}  // namespace

int benchFaceNetworks(const cv::Mat& twelve_mp, const cv::Mat& sample, int repetitions) {
    nn::GraphModel::setThreads(cv::getNumThreads());
    const std::string folder = defaultModelsFolder();
    Result<BlazeFaceDetector> detector = BlazeFaceDetector::create(folder + "/blazeface.json");
    if (!detector) {
        printError(detector.error().message);
        return exitCodeFor(detector.error().kind);
    }
    Result<FaceLandmarker> landmarker = FaceLandmarker::create(folder + "/facemesh.json");
    if (!landmarker) {
        printError(landmarker.error().message);
        return exitCodeFor(landmarker.error().kind);
    }
    const cv::Mat frame = videoFrame(sample);
    for (const cv::Mat* image : {&twelve_mp, &frame}) {
        const double ms = medianMs([&] { (void)detector->detect(*image); }, repetitions);
        printFrameCase("detect", *image, ms);
    }
    const std::vector<BlazeFaceDetection> faces = detector->detect(sample);
    if (faces.empty()) {
        printError("bench fit: BlazeFace found no face in the sample");
        return 1;
    }
    const FaceCrop crop =
        faceCropFromDetection(faces.front().box, faces.front().point(BlazeFacePoint::RightEye),
                              faces.front().point(BlazeFacePoint::LeftEye));
    Result<FaceLandmarks> mesh = landmarker->landmarks(sample, crop, 1);
    if (!mesh) {
        printError(mesh.error().message);
        return exitCodeFor(mesh.error().kind);
    }
    const cv::Mat input(FaceLandmarker::kInputSide_px, FaceLandmarker::kInputSide_px, CV_8UC3);
    const double pass_ms =
        medianMs([&] { (void)landmarker->landmarks(sample, crop, 1); }, 4 * repetitions);
    printFrameCase("landmarks", input, pass_ms, ", \"points\": 468");
    const double fit_ms =
        medianMs([&] { (void)fitToFaceMesh(*mesh, sample.size()); }, 4 * repetitions);
    std::printf(
        "{\"case\": \"mesh fit\", \"landmarks\": 468, \"threads\": %d, \"ms_per_fit\": %.2f}\n",
        cv::getNumThreads(), fit_ms);
    return benchTrack(sample);
}

}  // namespace ps::app
