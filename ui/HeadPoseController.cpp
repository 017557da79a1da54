#include "ui/HeadPoseController.h"

#include <QMetaMethod>
#include <algorithm>
#include <cmath>

#include "motion/MotionChannel.h"
#include "motion/MotionEvaluator.h"
#include "ui/BlendshapeKeying.h"
#include "ui/CurveGestureCommand.h"
#include "ui/PreviewController.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/ShownFace.h"
#include "ui/TransportBar.h"

namespace ps::ui {

namespace {

bool isHeadAngle(int channel) {
    return channel == ps::kHeadPitchChannel || channel == ps::kHeadYawChannel ||
           channel == ps::kHeadRollChannel;
}

float angleOf(const glm::vec3& head_deg, int channel) {
    return head_deg[channel - ps::kHeadPitchChannel];
}

QString keyLabel(int channel) {
    switch (channel) {
        case ps::kHeadPitchChannel:
            return HeadPoseController::tr("Key head pitch");
        case ps::kHeadYawChannel:
            return HeadPoseController::tr("Key head yaw");
        default:
            return HeadPoseController::tr("Key head roll");
    }
}

}  // namespace

HeadPoseController::HeadPoseController(ProjectSession& session, PreviewEngine& engine,
                                       PreviewController& preview, TransportBar& transport,
                                       QObject* parent)
    : QObject(parent),
      session_(session),
      engine_(engine),
      preview_(preview),
      transport_(transport) {
    const auto stale = [this] {
        playback_.reset();
        emit anglesChanged();
    };
    connect(&session_, &ProjectSession::changed, this, stale);
    connect(&session_, &ProjectSession::laneStatesChanged, this, stale);
    connect(&session_, &ProjectSession::frameRateChanged, this, &HeadPoseController::anglesChanged);
    connect(&transport_, &TransportBar::positionChanged, this, &HeadPoseController::anglesChanged);
    connect(&engine_, &PreviewEngine::sourcesChanged, this, &HeadPoseController::anglesChanged);
    connect(&engine_, &PreviewEngine::frameReady, this,
            [this](const QImage&, double t_s, const QVector<QPointF>&) {
                last_frame_t_s_ = t_s;
                emitFrameFit(t_s);
            });
    connect(&engine_, &PreviewEngine::sceneChanged, this, [this] {
        emit frameFitChanged(nullptr);
        emit anglesChanged();
    });
}

const ps::MotionDocument& HeadPoseController::playbackMotion() const {
    if (playback_ == nullptr) {
        playback_ = std::make_shared<const ps::MotionDocument>(session_.playbackMotion());
    }
    return *playback_;
}

std::optional<ps::FaceFit> HeadPoseController::frameFit(double t_s) const {
    return shownFace(engine_, playbackMotion(), t_s, preview_.frameDuration_s());
}

std::optional<glm::vec3> HeadPoseController::headAngles(double t_s) const {
    const std::shared_ptr<const ps::MotionSources> sources = engine_.sources();
    if (engine_.scene() == nullptr || sources == nullptr) {
        return std::nullopt;
    }
    return ps::evaluateMotion(playbackMotion(), *sources, t_s, preview_.frameDuration_s()).head_deg;
}

double HeadPoseController::keyTime_s() const {
    return preview_.frameTimeAt(transport_.position_s());
}

bool HeadPoseController::isKeyed(int channel) const {
    const ps::KeyframeCurve* curve =
        panelCurve(session_.motion(), channel, ps::BlendMode::Override);
    return curve != nullptr && ps::ui::keyAt(*curve, keyTime_s()) != nullptr;
}

QString HeadPoseController::refusal() const {
    const LaneStates& lanes = session_.laneStates();
    if (lanes.isLocked(Lane::Curves)) {
        return tr("The keyframe lane is locked: unlock it on the timeline to turn the head.");
    }
    if (!lanes.isAudible(Lane::Curves)) {
        return tr(
            "The keyframe lane is muted (or another lane is soloed): head keys would not show.");
    }
    if (!headAngles(keyTime_s()).has_value()) {
        return tr("The face is still being prepared; turn the head once the preview shows it.");
    }
    return {};
}

int HeadPoseController::newGesture() {
    return session_.newGesture();
}

void HeadPoseController::emitFrameFit(double t_s) {
    // Only views that place a gizmo want it; playback should not pay for it otherwise.
    static const QMetaMethod signal = QMetaMethod::fromSignal(&HeadPoseController::frameFitChanged);
    if (!isSignalConnected(signal)) {
        return;
    }
    std::optional<ps::FaceFit> fit = frameFit(t_s);
    emit frameFitChanged(fit.has_value() ? std::make_shared<const ps::FaceFit>(std::move(*fit))
                                         : nullptr);
}

void HeadPoseController::refreshFrameFit() {
    if (last_frame_t_s_ >= 0.0) {
        emitFrameFit(last_frame_t_s_);
    }
}

bool HeadPoseController::beginDrag() {
    drag_.reset();
    if (const QString why = refusal(); !why.isEmpty()) {
        emit message(why);
        return false;
    }
    drag_ = Drag{session_.newGesture(), keyTime_s()};
    return true;
}

bool HeadPoseController::dragTo(const glm::vec3& head_deg, GizmoHandle handle) {
    if (!drag_.has_value()) {
        return false;
    }
    std::vector<std::pair<int, float>> values;
    QString label;
    switch (handle) {
        case GizmoHandle::Pitch:
            values = {{ps::kHeadPitchChannel, head_deg.x}};
            label = keyLabel(ps::kHeadPitchChannel);
            break;
        case GizmoHandle::Yaw:
            values = {{ps::kHeadYawChannel, head_deg.y}};
            label = keyLabel(ps::kHeadYawChannel);
            break;
        case GizmoHandle::Roll:
            values = {{ps::kHeadRollChannel, head_deg.z}};
            label = keyLabel(ps::kHeadRollChannel);
            break;
        case GizmoHandle::Trackball:
            values = {{ps::kHeadPitchChannel, head_deg.x}, {ps::kHeadYawChannel, head_deg.y}};
            label = tr("Turn head");
            break;
        case GizmoHandle::None:
            return false;
    }
    return keyAt(values, drag_->t_s, drag_->gesture, label);
}

void HeadPoseController::finishDrag() {
    drag_.reset();
}

bool HeadPoseController::setAngle(int channel, float degrees, int gesture) {
    if (!isHeadAngle(channel) || !std::isfinite(degrees)) {
        emit message(tr("Only the head's pitch, yaw and roll can be set here."));
        return false;
    }
    if (const QString why = refusal(); !why.isEmpty()) {
        emit message(why);
        return false;
    }
    return keyAt({{channel, degrees}}, keyTime_s(), gesture, keyLabel(channel));
}

bool HeadPoseController::toggleKey(int channel) {
    if (!isHeadAngle(channel)) {
        emit message(tr("Only the head's pitch, yaw and roll can be keyed here."));
        return false;
    }
    if (const QString why = refusal(); !why.isEmpty()) {
        emit message(why);
        return false;
    }
    const double t_s = keyTime_s();
    if (!isKeyed(channel)) {
        const std::optional<glm::vec3> shown = headAngles(t_s);
        if (!shown.has_value()) {
            emit message(tr("The face is not fitted yet: there is no head to key."));
            return false;
        }
        return keyAt({{channel, angleOf(*shown, channel)}}, t_s, 0, keyLabel(channel));
    }
    const ps::EditGroup edit =
        removeKeysAt(session_.motion(), {channel}, t_s, ps::BlendMode::Override,
                     tr("Remove head key").toStdString());
    QString problem;
    if (edit.edits.empty() || !session_.apply(ps::MotionEdit{edit}, &problem)) {
        emit message(problem.isEmpty() ? tr("There is no key to remove here.") : problem);
        return false;
    }
    return true;
}

bool HeadPoseController::keyAt(const std::vector<std::pair<int, float>>& values, double t_s,
                               int gesture, const QString& label) {
    std::vector<ChannelValue> keyed;
    for (const auto& [channel, value] : values) {
        keyed.push_back(
            {channel, std::clamp(value, ps::channelMinimum(channel), ps::channelMaximum(channel))});
    }
    const ps::EditGroup edit =
        keyChannels(session_.motion(), keyed, t_s, ps::BlendMode::Override, label.toStdString());
    QString problem;
    if (!CurveGestureCommand::apply(session_, edit, gesture, &problem)) {
        emit message(problem);
        return false;
    }
    return true;
}

}  // namespace ps::ui
