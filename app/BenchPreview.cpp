#include "BenchPreview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <opencv2/imgproc.hpp>

#include "BenchFrames.h"
#include "CommandLine.h"
#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "runtime/SilencedStderr.h"
#include "ui/PaintableImage.h"
#include "ui/PreviewEngine.h"
#include "ui/ViewerPanel.h"

namespace ps::app {

namespace {

constexpr double kVideoFps = 25.0;
constexpr int kWarmUpFrames = 5;
constexpr int kReadyTimeout_ms = 180000;
// The viewer's size in a 1600x1000 window with its docks.
const QSize kViewerSize(1280, 720);

// A QApplication for the viewer's widget when the command line has none; offscreen unless the
// caller chose a platform, so the benchmark runs on machines without a display.
std::unique_ptr<QApplication> ensureApplication() {
    if (QCoreApplication::instance() != nullptr) {
        return nullptr;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    static int argc = 1;
    static char name[] = "portrait-studio";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

struct CaseResult {
    double fps = 0.0;
    double ms_per_frame = 0.0;
    double paint_ms = 0.0;
    double max_ui_stall_ms = 0.0;
    quint64 dropped = 0;
};

// Runs until `done` holds or the timeout passes, serving events; false on timeout.
template <class Done>
bool runUntil(const Done& done, int timeout_ms) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeout_ms) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

int benchCase(const char* name, const std::shared_ptr<const Photo>& photo,
              const ui::AudioClipPtr& audio, int frames) {
    ui::PreviewEngine engine;
    ui::ViewerPanel viewer;
    viewer.resize(kViewerSize);
    viewer.setImage(ui::toPaintableImage(photo->bgr));
    QImage canvas(kViewerSize, QImage::Format_RGB32);

    MotionDocument document;
    document.duration_s = audio->duration_s();
    QString failure;
    QObject::connect(&engine, &ui::PreviewEngine::fitFailed,
                     [&failure](const QString& message) { failure = message; });
    engine.setMotion(document);
    engine.setPhoto(photo);
    engine.setAudio(audio);
    const bool ready = runUntil(
        [&] {
            return !failure.isEmpty() ||
                   (engine.hasScene() && !engine.isAnalysingVoice() && engine.sources() &&
                    !engine.sources()->voice.track.frames.empty());
        },
        kReadyTimeout_ms);
    if (!failure.isEmpty() || !ready) {
        printError(failure.isEmpty() ? std::string("bench preview: the preview did not start")
                                     : failure.toStdString());
        return 1;
    }

    // Frames are asked for back to back, as fast as the pipeline answers: each arrival is
    // painted by the viewer's own paint code and the next is requested.
    int shown = 0;
    double paint_total_ms = 0.0;
    QElapsedTimer run;
    const auto timeOf = [&](int k) {
        return std::fmod(double(k) / kVideoFps, document.duration_s);
    };
    QObject::connect(&engine, &ui::PreviewEngine::frameReady,
                     [&](const QImage& image, double, const QVector<QPointF>& landmarks) {
                         QElapsedTimer paint;
                         paint.start();
                         viewer.setFrame(image, landmarks);
                         viewer.render(&canvas);
                         if (shown >= kWarmUpFrames) {
                             paint_total_ms += paint.nsecsElapsed() / 1e6;
                         }
                         ++shown;
                         if (shown == kWarmUpFrames) {
                             engine.resetStats();
                             run.start();
                         }
                         if (shown < frames + kWarmUpFrames) {
                             engine.requestFrame(timeOf(shown));
                         }
                     });
    // The UI thread's heartbeat: a 1 ms timer whose longest gap is the longest the event loop
    // went without running.
    QElapsedTimer beat;
    double max_gap_ms = 0.0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        if (run.isValid()) {
            max_gap_ms = std::max(max_gap_ms, beat.nsecsElapsed() / 1e6);
        }
        beat.restart();
    });
    beat.start();
    heartbeat.start();
    engine.requestFrame(timeOf(0));
    if (!runUntil([&] { return shown >= frames + kWarmUpFrames; }, kReadyTimeout_ms)) {
        printError("bench preview: frames stopped arriving");
        return 1;
    }
    const double elapsed_s = run.nsecsElapsed() / 1e9;
    heartbeat.stop();
    const ui::PreviewEngine::Stats stats = engine.stats();
    std::printf(
        "{\"case\": \"preview\", \"size\": \"%dx%d\", \"frames\": %d, \"fps\": %.0f, "
        "\"ms_per_frame\": %.2f, \"render_ms\": %.2f, \"paint_ms\": %.2f, "
        "\"max_ui_stall_ms\": %.1f, \"viewer\": \"%dx%d\"}\n",
        photo->bgr.cols, photo->bgr.rows, frames, frames / elapsed_s, 1000.0 * elapsed_s / frames,
        stats.mean_ms, paint_total_ms / frames, std::max(0.0, max_gap_ms - 1.0),
        kViewerSize.width(), kViewerSize.height());
    std::fflush(stdout);
    (void)name;
    return 0;
}

}  // namespace

int benchPreview(const std::string& photo_path, const std::string& voice_path, int frames) {
    const std::unique_ptr<QApplication> app = ensureApplication();
    Result<Photo> decoded = [&] {
        SilencedStderr quiet;
        return decodeImage(photo_path);
    }();
    if (!decoded) {
        printError(decoded.error().message);
        return exitCodeFor(decoded.error().kind);
    }
    Result<AudioClip> clip = decodeAudio(voice_path, CancelToken());
    if (!clip) {
        printError(clip.error().message);
        return exitCodeFor(clip.error().kind);
    }
    const auto audio = std::make_shared<const AudioClip>(std::move(*clip));
    auto crop = std::make_shared<Photo>(*decoded);
    if (crop->bgr.size() != cv::Size(512, 512)) {
        cv::Mat resized;
        cv::resize(crop->bgr, resized, cv::Size(512, 512), 0, 0, cv::INTER_AREA);
        crop->bgr = resized;
    }
    if (const int code = benchCase("512", crop, audio, frames); code != 0) {
        return code;
    }
    auto hd = std::make_shared<Photo>(*decoded);
    hd->bgr = fullHdComposition(decoded->bgr);
    return benchCase("1080", hd, audio, frames);
}

}  // namespace ps::app
