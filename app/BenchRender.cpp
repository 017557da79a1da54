#include "BenchRender.h"

#include <cmath>
#include <cstdio>
#include <glm/gtc/quaternion.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include "BenchFrames.h"
#include "BenchTiming.h"
#include "CommandLine.h"
#include "face/PhotoFit.h"
#include "media/ImageDecoder.h"
#include "render/PortraitRenderer.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

constexpr int kFramesPerRun = 50;

// A second of talking: the jaw opening and closing, a blink, the head turning a little.
std::vector<FaceFit> talkingTargets(const FaceFit& source) {
    std::vector<FaceFit> targets;
    for (int i = 0; i < kFramesPerRun; ++i) {
        const float t = float(i) / float(kFramesPerRun);
        FaceFit target = source;
        target.expression[size_t(Blendshape::JawOpen)] = 0.35f * (0.5f + 0.5f * std::sin(9.0f * t));
        const float blink = i % 25 < 3 ? 1.0f : 0.0f;
        target.expression[size_t(Blendshape::EyeBlinkLeft)] = blink;
        target.expression[size_t(Blendshape::EyeBlinkRight)] = blink;
        const glm::vec3 turn(4.0f * std::sin(2.0f * t), 12.0f * std::sin(3.0f * t),
                             3.0f * std::sin(5.0f * t));
        target.pose = headPoseFrom(glm::quat(glm::radians(turn)) * toQuat(source.pose),
                                   source.pose.translation);
        updateFaceFit(target);
        targets.push_back(std::move(target));
    }
    return targets;
}

// One full-frame bilinear remap with float maps (the usual form), a gentle wave so it is not
// a copy.
double remapMs(cv::Size size, const cv::Mat& image, int repetitions) {
    cv::Mat map_x(size, CV_32FC1), map_y(size, CV_32FC1);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            map_x.at<float>(y, x) = float(x) + 1.5f * std::sin(float(y) * 0.05f);
            map_y.at<float>(y, x) = float(y) + 1.5f * std::cos(float(x) * 0.05f);
        }
    }
    cv::Mat out;
    return medianMs([&] { cv::remap(image, out, map_x, map_y, cv::INTER_LINEAR); },
                    4 * repetitions);
}

int benchCase(const char* name, const cv::Mat& frame_photo, const std::string& sample_path,
              int repetitions) {
    Result<LargestFaceFit> fitted = fitLargestFace(frame_photo, sample_path);
    if (!fitted) {
        printError(fitted.error().message);
        return exitCodeFor(fitted.error().kind);
    }
    Result<PortraitRenderer> renderer = PortraitRenderer::create(frame_photo, fitted->report.fit);
    if (!renderer) {
        printError(renderer.error().message);
        return exitCodeFor(renderer.error().kind);
    }
    const std::vector<FaceFit> targets = talkingTargets(fitted->report.fit);
    cv::Mat frame;
    const double run_ms = medianMs(
        [&] {
            for (const FaceFit& target : targets) {
                (void)renderer->render(target, frame);
            }
        },
        repetitions);
    const double ms_per_frame = run_ms / double(targets.size());
    const double remap_ms = remapMs(frame_photo.size(), frame_photo, repetitions);
    std::printf(
        "{\"case\": \"%s\", \"size\": \"%dx%d\", \"threads\": %d, \"ms_per_frame\": %.2f, "
        "\"fps\": %.0f, \"remap_ms\": %.2f, \"ratio_to_remap\": %.2f, \"region\": \"%dx%d\"}\n",
        name, frame_photo.cols, frame_photo.rows, cv::getNumThreads(), ms_per_frame,
        1000.0 / ms_per_frame, remap_ms, ms_per_frame / remap_ms, renderer->region().width,
        renderer->region().height);
    return 0;
}

}  // namespace

int benchRender(const std::string& sample_path, int repetitions) {
    Result<Photo> photo = [&] {
        SilencedStderr quiet;
        return decodeImage(sample_path);
    }();
    if (!photo) {
        printError(photo.error().message);
        return exitCodeFor(photo.error().kind);
    }
    // The face crop: the photo's middle 60%, around the face, enlarged to 512x512, the way the
    // studio's viewer shows a face close up.
    const cv::Mat& bgr = photo->bgr;
    const int side = int(0.6 * std::min(bgr.cols, bgr.rows));
    cv::Mat crop;
    cv::resize(bgr(cv::Rect((bgr.cols - side) / 2, 0, side, side)), crop, cv::Size(512, 512), 0, 0,
               cv::INTER_CUBIC);
    if (const int code = benchCase("face crop", crop, sample_path, repetitions); code != 0) {
        return code;
    }
    return benchCase("full frame", fullHdComposition(bgr), sample_path, repetitions);
}

}  // namespace ps::app
