#include "ui/EngineBridge.h"

#include <QMetaObject>
#include <chrono>
#include <functional>
#include <opencv2/core.hpp>

#include "face/PhotoFit.h"
#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "media/Mp4Export.h"
#include "motion/DocumentTrack.h"
#include "render/TalkingPortrait.h"
#include "ui/PaintableImage.h"

namespace ps::ui {

namespace {

// Often enough for a smooth bar and a ticking estimate, rarely enough that a fast encoder does
// not flood the UI thread's event queue with one event per frame.
constexpr std::chrono::milliseconds kProgressInterval{100};

// Engine functions report errors through Result, but OpenCV and the standard library can still
// throw (std::bad_alloc for a huge frame, cv::Exception); every request must still get its one
// answer, so the job turns an escaped exception into an error message.
template <class Body, class OnError>
void answerEvenIfThrown(const Body& body, const OnError& on_error) {
    try {
        body();
    } catch (const std::exception& e) {
        on_error(QString::fromUtf8(e.what()));
    } catch (...) {
        on_error(QStringLiteral("unexpected error"));
    }
}

using FinishFn = std::function<void(EngineBridge::ExportOutcome, const QString&)>;

// Runs on the export worker and answers through `finish` exactly once.
void exportTalking(const std::string& file, const ps::VideoSettings& settings,
                   const ps::Photo& photo, const ps::AudioClip& audio,
                   const ps::MotionDocument& motion, const ps::ProgressFn& progress,
                   const ps::CancelToken& cancel, const FinishFn& finish) {
    using Outcome = EngineBridge::ExportOutcome;
    // Cancelled before its turn on the worker: the queue still calls the job so that it answers.
    if (cancel.cancelled()) {
        finish(Outcome::Cancelled, QString());
        return;
    }
    if (const std::string problem = ps::validateVideoSettings(settings); !problem.empty()) {
        finish(Outcome::Failed, QString::fromStdString(problem));
        return;
    }
    // The same talking portrait as `portrait-studio render --project`: the face fitted to the
    // photo, moved by the motion document over the voice, drawn by the real-time renderer.
    const auto fail = [&](const ps::Error& error) {
        finish(error.kind == ps::ErrorKind::Cancelled ? Outcome::Cancelled : Outcome::Failed,
               QString::fromStdString(error.message));
    };
    const ps::Result<ps::LargestFaceFit> fitted = ps::fitLargestFace(photo.bgr, photo.path);
    if (!fitted) {
        fail(fitted.error());
        return;
    }
    ps::Result<ps::FaceTrack> track = ps::documentTrack(motion, &audio, settings.fps, cancel);
    if (!track) {
        fail(track.error());
        return;
    }
    const ps::Result<ps::TalkingPortrait> portrait =
        ps::TalkingPortrait::create(photo.bgr, fitted->report.fit, std::move(*track));
    if (!portrait) {
        fail(portrait.error());
        return;
    }
    const ps::Result<ps::ExportSummary> result = ps::exportMp4(
        file, settings, audio, portrait->frames(cv::Size(settings.width, settings.height)),
        progress, cancel);
    if (result) {
        finish(Outcome::Succeeded, QString::fromStdString(result->path));
    } else if (result.error().kind == ps::ErrorKind::Cancelled) {
        finish(Outcome::Cancelled, QString());
    } else {
        finish(Outcome::Failed, QString::fromStdString(result.error().message));
    }
}

}  // namespace

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent),
      load_jobs_(std::make_unique<ps::JobQueue>()),
      export_jobs_(std::make_unique<ps::JobQueue>()) {
    qRegisterMetaType<PhotoPtr>("ps::ui::PhotoPtr");
    qRegisterMetaType<AudioClipPtr>("ps::ui::AudioClipPtr");
    qRegisterMetaType<ExportOutcome>("ps::ui::EngineBridge::ExportOutcome");
}

EngineBridge::~EngineBridge() {
    // Join the workers while this object is still whole: a job may be posting to it right now.
    // Whatever they posted is discarded by ~QObject.
    export_jobs_.reset();
    load_jobs_.reset();
}

void EngineBridge::loadPhoto(const QString& path) {
    load_jobs_->submit([this, path, file = path.toStdString()](const ps::CancelToken&) {
        const auto fail = [this, path](const QString& message) {
            QMetaObject::invokeMethod(
                this, [this, path, message] { emit loadFailed(path, message); },
                Qt::QueuedConnection);
        };
        answerEvenIfThrown(
            [&] {
                ps::Result<ps::Photo> decoded = ps::decodeImage(file);
                if (!decoded) {
                    fail(QString::fromStdString(decoded.error().message));
                    return;
                }
                auto photo = std::make_shared<const ps::Photo>(std::move(decoded).value());
                const QImage image = toPaintableImage(photo->bgr);
                QMetaObject::invokeMethod(
                    this, [this, image, photo] { emit photoLoaded(image, photo); },
                    Qt::QueuedConnection);
            },
            [&](const QString& what) { fail(path + QStringLiteral(": ") + what); });
    });
}

void EngineBridge::loadAudio(const QString& path) {
    load_jobs_->submit([this, path, file = path.toStdString()](const ps::CancelToken& cancel) {
        const auto fail = [this, path](const QString& message) {
            QMetaObject::invokeMethod(
                this, [this, path, message] { emit loadFailed(path, message); },
                Qt::QueuedConnection);
        };
        answerEvenIfThrown(
            [&] {
                ps::Result<ps::AudioClip> decoded = ps::decodeAudio(file, cancel);
                if (!decoded) {
                    if (decoded.error().kind != ps::ErrorKind::Cancelled) {
                        fail(QString::fromStdString(decoded.error().message));
                    }
                    return;  // cancelled: only the bridge cancels loads, when it is going away
                }
                AudioClipPtr clip =
                    std::make_shared<const ps::AudioClip>(std::move(decoded).value());
                QMetaObject::invokeMethod(
                    this, [this, clip] { emit audioLoaded(clip); }, Qt::QueuedConnection);
            },
            [&](const QString& what) { fail(path + QStringLiteral(": ") + what); });
    });
}

EngineBridge::ExportId EngineBridge::exportMp4(const ExportRequest& request) {
    const ExportId id = next_export_id_++;
    const FinishFn finish = [this, id](ExportOutcome outcome, const QString& text) {
        QMetaObject::invokeMethod(
            this, [this, id, outcome, text] { finishExport(id, outcome, text); },
            Qt::QueuedConnection);
    };
    if (request.photo == nullptr || request.audio == nullptr) {
        exports_.insert(id, ps::JobTicket());
        finish(ExportOutcome::Failed, tr("Open a photo and a voice before exporting."));
        return id;
    }
    std::shared_ptr<const ps::MotionDocument> motion = request.motion;
    if (motion == nullptr) {
        auto voice_only = std::make_shared<ps::MotionDocument>();
        voice_only->duration_s = request.audio->duration_s();
        motion = std::move(voice_only);
    }
    auto job = [this, id, finish, photo = request.photo, audio = request.audio, motion,
                settings = request.settings,
                file = request.output_path.toStdString()](const ps::CancelToken& cancel) {
        auto last_report = std::chrono::steady_clock::time_point{};
        const ps::ProgressFn progress = [this, id, &last_report](const ps::Progress& p) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last_report < kProgressInterval && p.fraction < 1.0) {
                return;
            }
            last_report = now;
            QMetaObject::invokeMethod(
                this,
                [this, id, p] {
                    if (exports_.contains(id)) {
                        emit exportProgress(id, p.fraction, p.seconds_left);
                    }
                },
                Qt::QueuedConnection);
        };
        answerEvenIfThrown(
            [&] {
                exportTalking(file, settings, *photo, *audio, *motion, progress, cancel, finish);
            },
            [&](const QString& what) { finish(ExportOutcome::Failed, what); });
    };
    exports_.insert(id, export_jobs_->submit(std::move(job)));
    return id;
}

void EngineBridge::cancelExport(ExportId id) {
    const auto it = exports_.constFind(id);
    if (it != exports_.constEnd()) {
        it->cancel();
    }
}

void EngineBridge::finishExport(ExportId id, ExportOutcome outcome, const QString& pathOrMessage) {
    exports_.remove(id);
    emit exportFinished(id, outcome, pathOrMessage);
}

}  // namespace ps::ui
