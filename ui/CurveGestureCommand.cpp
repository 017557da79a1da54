#include "ui/CurveGestureCommand.h"

#include <algorithm>

#include "motion/FindElement.h"
#include "motion/MotionValidation.h"
#include "ui/ProjectSession.h"

namespace ps::ui {

namespace {

constexpr int kCurveGestureCommandId = 0x637276;  // "crv"

// Why `edit` cannot apply to `document`, or empty; the ids of the curves it touches go to `ids`.
QString problemWith(const ps::MotionDocument& document, const ps::EditGroup& edit,
                    std::vector<ps::ElementId>& ids) {
    if (edit.edits.empty()) {
        return CurveGestureCommand::tr("Nothing to change.");
    }
    for (const ps::MotionEdit& part : edit.edits) {
        const ps::KeyframeCurve* curve = nullptr;
        if (const auto* insert =
                std::get_if<ps::InsertElement<ps::KeyframeCurve>>(&part.operation)) {
            // Ids below next_id may have been handed out before; a fresh one is never in use.
            if (insert->element.id < document.next_id) {
                return CurveGestureCommand::tr("A new curve needs an id of its own.");
            }
            curve = &insert->element;
        } else if (const auto* replace =
                       std::get_if<ps::ReplaceElement<ps::KeyframeCurve>>(&part.operation)) {
            if (ps::findById(document.curves, replace->element.id) == nullptr) {
                return CurveGestureCommand::tr("The curve is no longer in the document.");
            }
            curve = &replace->element;
        } else {
            return CurveGestureCommand::tr("Only keyframe curves can be changed this way.");
        }
        if (std::find(ids.begin(), ids.end(), curve->id) != ids.end()) {
            return CurveGestureCommand::tr("A curve is changed twice in one edit.");
        }
        if (const std::string problem = ps::problemWith(*curve); !problem.empty()) {
            return CurveGestureCommand::tr("The curve is invalid: %1")
                .arg(QString::fromStdString(problem));
        }
        ids.push_back(curve->id);
    }
    return {};
}

}  // namespace

bool CurveGestureCommand::apply(ProjectSession& session, const ps::EditGroup& edit, int gesture,
                                QString* error) {
    std::vector<ps::ElementId> ids;
    if (const QString problem = problemWith(session.motion(), edit, ids); !problem.isEmpty()) {
        if (error != nullptr) {
            *error = problem;
        }
        return false;
    }
    const ps::MotionEdit applied{edit};
    ps::MotionEdit inverse = session.applyWithoutUndo(applied);
    session.undoStack()->push(
        new CurveGestureCommand(session, applied, std::move(inverse), gesture, std::move(ids)));
    return true;
}

CurveGestureCommand::CurveGestureCommand(ProjectSession& session, ps::MotionEdit applied,
                                         ps::MotionEdit inverse, int gesture,
                                         std::vector<ps::ElementId> curves)
    : session_(session),
      redo_(std::move(applied)),
      undo_(std::move(inverse)),
      gesture_(gesture),
      curves_(std::move(curves)) {
    setText(QString::fromStdString(ps::describeEdit(redo_)));
}

void CurveGestureCommand::undo() {
    // The inverse's inverse is the edit again, from the state before the whole gesture.
    redo_ = session_.applyWithoutUndo(undo_);
    applied_ = false;
}

void CurveGestureCommand::redo() {
    if (applied_) {
        return;
    }
    undo_ = session_.applyWithoutUndo(redo_);
    applied_ = true;
}

int CurveGestureCommand::id() const {
    return gesture_ != 0 ? kCurveGestureCommandId : -1;
}

bool CurveGestureCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const CurveGestureCommand*>(other);
    if (next->gesture_ != gesture_) {
        return false;
    }
    const bool covered =
        std::all_of(next->curves_.begin(), next->curves_.end(), [this](ps::ElementId id) {
            return std::find(curves_.begin(), curves_.end(), id) != curves_.end();
        });
    if (!covered) {
        return false;
    }
    // undo_ stays: it takes the document back to before the gesture. redo_ is remade by undo().
    redo_ = next->redo_;
    setText(next->text());
    return true;
}

}  // namespace ps::ui
