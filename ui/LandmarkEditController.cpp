#include "ui/LandmarkEditController.h"

#include <QUndoCommand>
#include <algorithm>

#include "motion/FindElement.h"
#include "motion/MotionEdit.h"
#include "motion/MotionEvaluator.h"
#include "motion/MotionValidation.h"
#include "motion/SculptFromDrag.h"
#include "ui/PreviewController.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/ShownFace.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

namespace ps::ui {

namespace {

constexpr int kSculptDragCommandId = 0x736370;  // "scp"

// One move of a sculpt drag: its sculpts go from `before` (empty: they did not exist) to
// `after`. Later moves of the same drag merge into the first, which then goes from nothing to
// the last shape: undo removes what the drag inserted, redo inserts it as it was left.
// (MotionEditCommand merges only edits of one kind, and an insertion followed by changes is two.)
class SculptDragCommand : public QUndoCommand {
public:
    SculptDragCommand(ProjectSession& session, int gesture, std::vector<ps::LandmarkSculpt> before,
                      std::vector<ps::LandmarkSculpt> after, const QString& text)
        : session_(session),
          gesture_(gesture),
          before_(std::move(before)),
          after_(std::move(after)) {
        setText(text);
    }

    void redo() override { (void)session_.applyWithoutUndo(towards(before_, after_)); }
    void undo() override { (void)session_.applyWithoutUndo(towards(after_, before_)); }
    int id() const override { return kSculptDragCommandId; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const SculptDragCommand*>(other);
        if (next->gesture_ != gesture_ || idsOf(next->before_) != idsOf(after_)) {
            return false;
        }
        after_ = next->after_;
        return true;
    }

private:
    static std::vector<ps::ElementId> idsOf(const std::vector<ps::LandmarkSculpt>& sculpts) {
        std::vector<ps::ElementId> ids;
        for (const ps::LandmarkSculpt& s : sculpts) {
            ids.push_back(s.id);
        }
        return ids;
    }

    // The edit that takes the sculpts from `from` to `to` (either may be empty: not there).
    static ps::MotionEdit towards(const std::vector<ps::LandmarkSculpt>& from,
                                  const std::vector<ps::LandmarkSculpt>& to) {
        ps::EditGroup group{"Sculpt", {}};
        if (to.empty()) {
            for (auto it = from.rbegin(); it != from.rend(); ++it) {
                group.edits.push_back({ps::RemoveElement<ps::LandmarkSculpt>{it->id}});
            }
        } else {
            for (const ps::LandmarkSculpt& sculpt : to) {
                if (from.empty()) {
                    group.edits.push_back({ps::InsertElement<ps::LandmarkSculpt>{sculpt}});
                } else {
                    group.edits.push_back({ps::ReplaceElement<ps::LandmarkSculpt>{sculpt}});
                }
            }
        }
        return {std::move(group)};
    }

    ProjectSession& session_;
    int gesture_;
    std::vector<ps::LandmarkSculpt> before_;
    std::vector<ps::LandmarkSculpt> after_;
};

}  // namespace

LandmarkEditController::LandmarkEditController(ProjectSession& session, PreviewEngine& engine,
                                               PreviewController& preview, TransportBar& transport,
                                               ViewerPanel& viewer, QObject* parent)
    : QObject(parent),
      session_(session),
      engine_(engine),
      preview_(preview),
      transport_(transport),
      viewer_(viewer) {
    connect(&viewer_, &ViewerPanel::sculptDragStarted, this,
            &LandmarkEditController::onDragStarted);
    connect(&viewer_, &ViewerPanel::sculptDragged, this, &LandmarkEditController::onDragged);
    connect(&viewer_, &ViewerPanel::sculptDragFinished, this,
            &LandmarkEditController::onDragFinished);
    const auto stale = [this] { playback_.reset(); };
    connect(&session_, &ProjectSession::changed, this, stale);
    connect(&session_, &ProjectSession::laneStatesChanged, this, stale);
    connect(&engine_, &PreviewEngine::frameReady, this,
            [this](const QImage&, double t_s, const QVector<QPointF>&) {
                last_frame_t_s_ = t_s;
                onFrame(t_s);
            });
    connect(&viewer_, &ViewerPanel::sculptModeChanged, this, [this](bool on) {
        if (on && last_frame_t_s_ >= 0.0) {
            onFrame(last_frame_t_s_);
        }
    });
    connect(&engine_, &PreviewEngine::sceneChanged, this, [this] { viewer_.setFrameFit(nullptr); });
}

const ps::MotionDocument& LandmarkEditController::playbackMotion() const {
    if (playback_ == nullptr) {
        playback_ = std::make_shared<const ps::MotionDocument>(session_.playbackMotion());
    }
    return *playback_;
}

std::optional<ps::FaceFit> LandmarkEditController::frameFit(double t_s) const {
    return shownFace(engine_, playbackMotion(), t_s, preview_.frameDuration_s());
}

double LandmarkEditController::keyTime_s() const {
    return preview_.frameTimeAt(transport_.position_s());
}

void LandmarkEditController::onFrame(double t_s) {
    if (!viewer_.isSculptMode()) {
        return;  // only the editor draws the falloff circle
    }
    std::optional<ps::FaceFit> fit = frameFit(t_s);
    viewer_.setFrameFit(fit.has_value() ? std::make_shared<const ps::FaceFit>(std::move(*fit))
                                        : nullptr);
}

QString LandmarkEditController::refusal() const {
    const LaneStates& lanes = session_.laneStates();
    if (lanes.isLocked(Lane::Sculpts)) {
        return tr("The sculpts lane is locked: unlock it on the timeline to sculpt.");
    }
    if (!lanes.isAudible(Lane::Sculpts)) {
        return tr("The sculpts lane is muted (or another lane is soloed): sculpts would not show.");
    }
    return {};
}

void LandmarkEditController::onDragStarted(const SculptDrag& drag) {
    drag_.reset();
    if (const QString why = refusal(); !why.isEmpty()) {
        emit message(why);
        return;
    }
    const double t_s = keyTime_s();
    std::optional<ps::FaceFit> start = frameFit(t_s);
    if (!start.has_value()) {
        emit message(tr("The face is still being prepared; sculpt once the preview shows it."));
        return;
    }
    Drag next;
    next.gesture = session_.newGesture();
    next.start = std::move(*start);
    next.base.center_vertex = drag.vertex;
    next.base.radius_cm = drag.radius_cm;
    if (drag.scope == SculptScope::KeyedAtPlayhead) {
        next.base.strength = ps::strengthRampAround(t_s, kRamp_s);
    }
    next.mirror = drag.mirror;
    const QString what = drag.region == SculptRegion::Point
                             ? tr("vertex %1").arg(drag.vertex)
                             : LandmarkEditTool::regionName(drag.region);
    next.label = drag.mirror ? tr("Sculpt %1, mirrored").arg(what) : tr("Sculpt %1").arg(what);
    drag_ = std::move(next);
}

void LandmarkEditController::onDragged(const SculptDrag& drag) {
    if (!drag_.has_value() || drag.vertex != drag_->base.center_vertex) {
        return;
    }
    if (drag_->ids.empty() && drag.delta_px.isNull()) {
        return;  // not moved yet: nothing to make
    }
    std::vector<ps::LandmarkSculpt> after = ps::sculptsForDrag(
        drag_->start, drag_->base, glm::vec2(float(drag.delta_px.x()), float(drag.delta_px.y())),
        drag_->mirror);
    for (ps::LandmarkSculpt& sculpt : after) {
        sculpt.offset_cm =
            glm::clamp(sculpt.offset_cm, glm::vec3(-kMaxOffset_cm), glm::vec3(kMaxOffset_cm));
        if (!ps::problemWith(sculpt).empty()) {
            return;
        }
    }
    const ps::MotionDocument& document = session_.motion();
    std::vector<ps::LandmarkSculpt> before;
    if (drag_->ids.empty()) {
        // Ids chosen here rather than by the insertion, so that every later move names them.
        for (size_t i = 0; i < after.size(); ++i) {
            drag_->ids.push_back(document.next_id + i);
        }
    } else {
        for (const ps::ElementId id : drag_->ids) {
            const ps::LandmarkSculpt* now = ps::findById(document.sculpts, id);
            if (now == nullptr) {
                // Undone in the middle of the drag: the drag ends here.
                drag_.reset();
                return;
            }
            before.push_back(*now);
        }
    }
    if (after.size() != drag_->ids.size()) {
        return;
    }
    for (size_t i = 0; i < after.size(); ++i) {
        after[i].id = drag_->ids[i];
    }
    drag_->last_delta_px = drag.delta_px;
    session_.undoStack()->push(new SculptDragCommand(session_, drag_->gesture, std::move(before),
                                                     std::move(after), drag_->label));
}

void LandmarkEditController::onDragFinished(const SculptDrag& drag) {
    // The release lands where the last move was, unless it came without one.
    if (drag_.has_value() && drag.delta_px != drag_->last_delta_px) {
        onDragged(drag);
    }
    drag_.reset();
}

}  // namespace ps::ui
