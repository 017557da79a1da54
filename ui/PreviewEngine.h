// The live preview's engine side: keeps the open photo's face fitted (PreviewScene) and the
// voice's derived motion (MotionSources) ready, and renders the frame at any time from a
// snapshot of the motion document on a worker thread of its own. The UI thread only posts
// requests and receives finished images.
//
// Back-pressure: at most one frame is rendered at a time and at most one waits; a newer request
// replaces the waiting one (it is counted as dropped), so the viewer always shows the newest
// moment it asked for and never falls behind. Each answer is a QImage of the photo's size in
// Format_RGB32, ready to paint.
#pragma once

#include <QImage>
#include <QObject>
#include <QPointF>
#include <QVector>
#include <memory>
#include <optional>

#include "motion/MotionDocument.h"
#include "motion/MotionSources.h"
#include "render/PreviewScene.h"
#include "runtime/JobQueue.h"
#include "ui/EngineBridge.h"

namespace ps::ui {

class PreviewEngine : public QObject {
    Q_OBJECT
public:
    struct Stats {
        quint64 requested = 0;  // requestFrame calls
        quint64 rendered = 0;   // frames delivered
        quint64 dropped = 0;    // requests replaced by a newer one before their turn
        double last_ms = 0.0;   // the last frame's evaluation, render and conversion
        double mean_ms = 0.0;
    };

    explicit PreviewEngine(QObject* parent = nullptr);
    // Cancels the workers' current jobs and joins them; unfinished answers are not delivered.
    ~PreviewEngine() override;

    // Fits the face in the photo on a worker; answered by sceneChanged (or fitFailed). nullptr
    // clears the scene.
    void setPhoto(PhotoPtr photo);
    // Runs the voice model over the clip on a worker; answered by sourcesChanged. nullptr: no
    // voice (the document then moves only by its other layers).
    void setAudio(AudioClipPtr clip);
    // The document every later frame is drawn from (a snapshot). When its voice settings differ
    // from those the voice's motion was made with, that is remade in the background; its idle
    // motion is remade on the spot. Re-renders the last requested time.
    void setMotion(const ps::MotionDocument& document);
    // How long a frame lasts (1 / the project's frame rate): blinks shorter than that still show.
    void setFrameDuration(double frame_s);

    // A/B compare: while on, every frame is also drawn from the document's unedited voice motion
    // (voiceOnlyMotion) and answered by compareFrameReady just before its frameReady. Off by
    // default: comparing costs a second render per frame.
    void setCompareEnabled(bool on);
    bool isCompareEnabled() const { return compare_; }

    // Asks for the frame at `t_s`; answered by frameReady, unless a newer request replaces it.
    // Without a scene there is nothing to draw and nothing is answered.
    void requestFrame(double t_s);

    bool hasScene() const { return scene_ != nullptr; }
    // Whether a frame was ever asked for (every change of photo, voice or motion redraws it).
    bool hasRequest() const { return has_request_; }
    std::shared_ptr<const ps::PreviewScene> scene() const { return scene_; }
    std::shared_ptr<const ps::MotionSources> sources() const { return sources_; }
    // Whether the voice's motion is being made (the preview meanwhile uses the last one).
    bool isAnalysingVoice() const { return voice_jobs_in_flight_ > 0; }

    Stats stats() const;
    void resetStats();

signals:
    // `landmarks`: the frame's 468 face landmarks in the image's pixels (the mesh overlay).
    void frameReady(const QImage& frame, double t_s, const QVector<QPointF>& landmarks);
    // The same moment as the next frameReady, drawn from the unedited voice motion (compare on).
    void compareFrameReady(const QImage& frame, double t_s, const QVector<QPointF>& landmarks);
    void sceneChanged();
    void sourcesChanged();
    // One sentence naming the file and the problem (no face found, say).
    void fitFailed(const QString& message);
    void voiceAnalysisChanged(bool running);

private:
    struct Request {
        double t_s = 0.0;
        std::shared_ptr<const ps::MotionDocument> document;
        std::shared_ptr<const ps::MotionDocument> compare;  // null unless comparing
        std::shared_ptr<const ps::MotionSources> sources;
        std::shared_ptr<const ps::PreviewScene> scene;
        double frame_s = 0.04;
    };
    void submitPending();
    // Puts the frame at t_s in the render slot (rendering now, or waiting, replacing a waiter).
    void schedule(double t_s);
    void startRender(Request request);
    void remakeVoice();
    void updateIdle();
    void rerender();

    std::shared_ptr<const ps::PreviewScene> scene_;
    std::shared_ptr<const ps::MotionSources> sources_;
    std::shared_ptr<const ps::MotionDocument> document_;
    std::shared_ptr<const ps::MotionDocument> unedited_;  // voiceOnlyMotion(*document_)
    bool compare_ = false;
    AudioClipPtr audio_;
    quint64 photo_serial_ = 0;
    quint64 voice_serial_ = 0;
    int voice_jobs_in_flight_ = 0;
    double frame_s_ = 0.04;
    double last_t_s_ = 0.0;
    bool has_request_ = false;

    // The render slot: one frame in flight and at most one waiting, both UI thread only.
    bool rendering_ = false;
    std::optional<Request> waiting_;

    Stats stats_;
    double total_ms_ = 0.0;

    // Last: destroyed (joined) first.
    ps::JobTicket voice_ticket_;
    std::unique_ptr<ps::JobQueue> fit_jobs_;
    std::unique_ptr<ps::JobQueue> voice_jobs_;
    std::unique_ptr<ps::JobQueue> render_jobs_;
};

}  // namespace ps::ui
