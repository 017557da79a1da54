#include "ui/PreviewController.h"

#include <cmath>

#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

namespace ps::ui {

PreviewController::PreviewController(PreviewEngine& engine, ProjectSession& session,
                                     TransportBar& transport, ViewerPanel& viewer, QObject* parent)
    : QObject(parent), engine_(engine), session_(session), transport_(transport), viewer_(viewer) {
    connect(&session_, &ProjectSession::changed, this, &PreviewController::onMotionChanged);
    connect(&session_, &ProjectSession::laneStatesChanged, this,
            &PreviewController::onMotionChanged);
    connect(&transport_, &TransportBar::positionChanged, this, &PreviewController::onPosition);
    connect(&transport_, &TransportBar::playingChanged, this, [this](bool playing) {
        if (playing) {
            statistics_.reset();
            engine_.resetStats();
        }
    });
    connect(&engine_, &PreviewEngine::sceneChanged, this, &PreviewController::refresh);
    connect(&engine_, &PreviewEngine::frameReady, this,
            [this](const QImage& frame, double t_s, const QVector<QPointF>& landmarks) {
                viewer_.setFrame(frame, landmarks);
                statistics_.frameShown(t_s, transport_.position_s(), transport_.isPlaying(),
                                       frameDuration_s());
                if (statistics_visible_) {
                    showStatistics();
                }
            });
    connect(&engine_, &PreviewEngine::compareFrameReady, this,
            [this](const QImage& frame, double, const QVector<QPointF>&) {
                viewer_.setCompareFrame(frame);
            });
    onMotionChanged();
}

void PreviewController::setCompareEnabled(bool on) {
    viewer_.setCompareMode(on);
    engine_.setCompareEnabled(on);  // redraws the shown moment with its A
}

bool PreviewController::isCompareEnabled() const {
    return engine_.isCompareEnabled();
}

double PreviewController::frameDuration_s() const {
    const double fps = ps::frameRateRational(session_.project().fps).value();
    return fps > 0.0 ? 1.0 / fps : 0.04;
}

double PreviewController::frameTimeAt(double t_s) const {
    const double frame_s = frameDuration_s();
    // The small bias keeps a time computed as k × frame_s in frame k despite rounding.
    return std::floor(std::max(0.0, t_s) / frame_s + 1e-6) * frame_s;
}

void PreviewController::setStatisticsVisible(bool visible) {
    statistics_visible_ = visible;
    if (visible) {
        showStatistics();
    } else {
        viewer_.setStatisticsText(QString());
    }
}

void PreviewController::showStatistics() {
    const PreviewEngine::Stats stats = engine_.stats();
    viewer_.setStatisticsText(statistics_.text(stats.last_ms, stats.dropped));
}

void PreviewController::refresh() {
    last_requested_s_ = -1.0;
    onPosition(transport_.position_s());
}

void PreviewController::onMotionChanged() {
    engine_.setFrameDuration(frameDuration_s());
    engine_.setMotion(session_.playbackMotion());
    last_requested_s_ = -1.0;
    // setMotion redraws the last requested time; a first request starts the preview.
    if (!engine_.hasRequest()) {
        refresh();
    }
}

void PreviewController::onPosition(double t_s) {
    const double frame_t = frameTimeAt(t_s);
    // The clock ticks faster than most projects' frame rate: each frame is asked for once.
    if (frame_t == last_requested_s_) {
        return;
    }
    last_requested_s_ = frame_t;
    engine_.requestFrame(frame_t);
}

}  // namespace ps::ui
