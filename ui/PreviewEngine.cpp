#include "ui/PreviewEngine.h"

#include <QMetaObject>
#include <chrono>

#include "face/PhotoFit.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionEvaluator.h"
#include "motion/UneditedMotion.h"
#include "ui/PaintableImage.h"

namespace ps::ui {

namespace {

using Clock = std::chrono::steady_clock;

QVector<QPointF> toPoints(const std::vector<glm::vec2>& landmarks) {
    QVector<QPointF> points;
    points.reserve(qsizetype(landmarks.size()));
    for (const glm::vec2& p : landmarks) {
        points.append(QPointF(p.x, p.y));
    }
    return points;
}

struct Rendered {
    QImage image;
    QVector<QPointF> landmarks;
};

// One frame of `document` at t, on the calling worker; a null image when the renderer refuses.
Rendered renderAt(const ps::PreviewScene& scene, const ps::MotionDocument& document,
                  const ps::MotionSources& sources, double t_s, double frame_s) {
    const ps::FaceState state = ps::evaluateMotion(document, sources, t_s, frame_s);
    // The buffer lives on this worker: the renderer reuses it frame after frame.
    thread_local cv::Mat frame;
    Rendered rendered;
    if (scene.render(state, frame).ok()) {
        rendered.image = toPaintableImage(frame);
        rendered.landmarks = toPoints(ps::applyFaceState(scene.fit(), state).landmarks2d);
    }
    return rendered;
}

}  // namespace

PreviewEngine::PreviewEngine(QObject* parent)
    : QObject(parent),
      fit_jobs_(std::make_unique<ps::JobQueue>()),
      voice_jobs_(std::make_unique<ps::JobQueue>()),
      render_jobs_(std::make_unique<ps::JobQueue>()) {
    document_ = std::make_shared<const ps::MotionDocument>();
    unedited_ = document_;
}

PreviewEngine::~PreviewEngine() {
    render_jobs_.reset();
    voice_jobs_.reset();
    fit_jobs_.reset();
}

void PreviewEngine::setPhoto(PhotoPtr photo) {
    const quint64 serial = ++photo_serial_;
    scene_.reset();
    emit sceneChanged();
    if (photo == nullptr) {
        return;
    }
    fit_jobs_->submit([this, serial, photo](const ps::CancelToken& cancel) {
        QString problem;
        std::shared_ptr<const ps::PreviewScene> scene;
        try {
            ps::Result<ps::LargestFaceFit> fitted = ps::fitLargestFace(photo->bgr, photo->path);
            if (!fitted.ok()) {
                problem = QString::fromStdString(fitted.error().message);
            } else {
                ps::Result<ps::PreviewScene> made =
                    ps::PreviewScene::create(photo->bgr, fitted->report.fit);
                if (made.ok()) {
                    scene = std::make_shared<const ps::PreviewScene>(std::move(*made));
                } else {
                    problem = QString::fromStdString(made.error().message);
                }
            }
        } catch (const std::exception& e) {
            problem = QString::fromStdString(photo->path) + QStringLiteral(": ") +
                      QString::fromUtf8(e.what());
        }
        if (cancel.cancelled()) {
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, serial, scene, problem] {
                if (serial != photo_serial_) {
                    return;  // another photo was opened meanwhile
                }
                if (scene == nullptr) {
                    emit fitFailed(problem);
                    return;
                }
                scene_ = scene;
                emit sceneChanged();
                rerender();
            },
            Qt::QueuedConnection);
    });
}

void PreviewEngine::setAudio(AudioClipPtr clip) {
    audio_ = std::move(clip);
    remakeVoice();
}

void PreviewEngine::setFrameDuration(double frame_s) {
    frame_s_ = frame_s > 0.0 ? frame_s : frame_s_;
}

void PreviewEngine::setMotion(const ps::MotionDocument& document) {
    document_ = std::make_shared<const ps::MotionDocument>(document);
    unedited_ = std::make_shared<const ps::MotionDocument>(ps::voiceOnlyMotion(document));
    const bool voice_stale =
        sources_ == nullptr ||
        (audio_ != nullptr && !ps::voiceSourceIsCurrent(sources_->voice, document)) ||
        (audio_ == nullptr && sources_->voice.track.frames.size() > 0);
    if (voice_stale) {
        remakeVoice();
    }
    updateIdle();
    rerender();
}

void PreviewEngine::remakeVoice() {
    const quint64 serial = ++voice_serial_;
    voice_ticket_.cancel();  // an older analysis is of no use now
    const ps::MotionDocument document = *document_;
    if (audio_ == nullptr) {
        // Nothing to listen to: the face moves only by the document's other layers.
        auto sources = std::make_shared<ps::MotionSources>();
        sources->voice = ps::silentVoiceSource(document.duration_s);
        sources_ = std::move(sources);
        updateIdle();
        emit sourcesChanged();
        rerender();
        return;
    }
    if (voice_jobs_in_flight_++ == 0) {
        emit voiceAnalysisChanged(true);
    }
    voice_ticket_ = voice_jobs_->submit(
        [this, serial, document, audio = audio_](const ps::CancelToken& cancel) {
            std::shared_ptr<ps::MotionSources> sources;
            QString problem;
            try {
                ps::Result<ps::MotionSources> made =
                    ps::makeMotionSources(document, audio.get(), cancel);
                if (made.ok()) {
                    sources = std::make_shared<ps::MotionSources>(std::move(*made));
                } else {
                    problem = QString::fromStdString(made.error().message);
                }
            } catch (const std::exception& e) {
                problem = QString::fromUtf8(e.what());
            }
            QMetaObject::invokeMethod(
                this,
                [this, serial, sources] {
                    if (--voice_jobs_in_flight_ == 0) {
                        emit voiceAnalysisChanged(false);
                    }
                    if (serial != voice_serial_ || sources == nullptr) {
                        return;
                    }
                    sources_ = sources;
                    updateIdle();
                    emit sourcesChanged();
                    rerender();
                },
                Qt::QueuedConnection);
        });
}

void PreviewEngine::updateIdle() {
    if (sources_ == nullptr || ps::idleSourceIsCurrent(sources_->idle, *document_)) {
        return;
    }
    // Well under a millisecond a minute of motion (MotionSources.h): made here, on the spot, so
    // that a blink-rate edit shows in the very next frame.
    ps::Result<ps::IdleSource> idle =
        ps::makeIdleSource(sources_->voice.prosody, document_->duration_s, document_->idle,
                           document_->strengths.blink_rate);
    if (!idle.ok()) {
        return;
    }
    auto sources = std::make_shared<ps::MotionSources>(*sources_);
    sources->idle = std::move(*idle);
    sources_ = std::move(sources);
}

void PreviewEngine::setCompareEnabled(bool on) {
    if (compare_ != on) {
        compare_ = on;
        rerender();
    }
}

void PreviewEngine::rerender() {
    if (has_request_) {
        schedule(last_t_s_);  // a redraw, not one of the viewer's requests
    }
}

void PreviewEngine::requestFrame(double t_s) {
    ++stats_.requested;
    schedule(t_s);
}

void PreviewEngine::schedule(double t_s) {
    last_t_s_ = t_s;
    has_request_ = true;
    if (scene_ == nullptr || sources_ == nullptr) {
        return;
    }
    Request request{t_s, document_, compare_ ? unedited_ : nullptr, sources_, scene_, frame_s_};
    if (rendering_) {
        if (waiting_.has_value()) {
            ++stats_.dropped;
        }
        waiting_ = std::move(request);
        return;
    }
    startRender(std::move(request));
}

void PreviewEngine::startRender(Request request) {
    rendering_ = true;
    render_jobs_->submit([this, request](const ps::CancelToken& cancel) {
        if (cancel.cancelled()) {
            return;
        }
        const auto start = Clock::now();
        Rendered edited;
        Rendered unedited;
        try {
            edited = renderAt(*request.scene, *request.document, *request.sources, request.t_s,
                              request.frame_s);
            if (request.compare != nullptr) {
                unedited = renderAt(*request.scene, *request.compare, *request.sources, request.t_s,
                                    request.frame_s);
            }
        } catch (const std::exception&) {
            edited = Rendered{};  // answered below as no frame; the next request tries again
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        QMetaObject::invokeMethod(
            this,
            [this, edited, unedited, ms, t_s = request.t_s] {
                rendering_ = false;
                if (!edited.image.isNull()) {
                    ++stats_.rendered;
                    stats_.last_ms = ms;
                    total_ms_ += ms;
                    stats_.mean_ms = total_ms_ / double(stats_.rendered);
                    if (!unedited.image.isNull()) {
                        emit compareFrameReady(unedited.image, t_s, unedited.landmarks);
                    }
                    emit frameReady(edited.image, t_s, edited.landmarks);
                }
                if (waiting_.has_value()) {
                    Request next = std::move(*waiting_);
                    waiting_.reset();
                    startRender(std::move(next));
                }
            },
            Qt::QueuedConnection);
    });
}

PreviewEngine::Stats PreviewEngine::stats() const {
    return stats_;
}

void PreviewEngine::resetStats() {
    stats_ = Stats{};
    total_ms_ = 0.0;
}

}  // namespace ps::ui
