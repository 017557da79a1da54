#include "BenchFaceNetworks.h"

#include <cstdio>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include "BenchTiming.h"
#include "CommandLine.h"
#include "face/BlazeFaceDetector.h"
#include "face/FaceLandmarker.h"
#include "face/FaceMeshFit.h"
#include "face/ModelFiles.h"
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
    return 0;
}

}  // namespace ps::app
