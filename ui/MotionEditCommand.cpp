#include "ui/MotionEditCommand.h"

#include <type_traits>
#include <variant>

#include "ui/ProjectSession.h"

namespace ps::ui {

namespace {

// All gestures share one QUndoCommand id; mergeWith compares the gesture itself.
constexpr int kGestureCommandId = 0x6d6f74;  // "mot"

// Whether `later` changes exactly what `earlier` changed, so that undoing `earlier` (which puts
// back the whole element or setting) also undoes `later`.
bool sameTarget(const ps::MotionEdit& earlier, const ps::MotionEdit& later) {
    if (earlier.operation.index() != later.operation.index()) {
        return false;
    }
    return std::visit(
        [&later](const auto& first) {
            using Operation = std::decay_t<decltype(first)>;
            const Operation& second = std::get<Operation>(later.operation);
            if constexpr (std::is_same_v<Operation, ps::EditGroup>) {
                // A drag of several clips: the same elements, in the same order.
                if (first.edits.size() != second.edits.size()) {
                    return false;
                }
                for (size_t i = 0; i < first.edits.size(); ++i) {
                    if (!sameTarget(first.edits[i], second.edits[i])) {
                        return false;
                    }
                }
                return !first.edits.empty();
            } else if constexpr (std::is_same_v<Operation,
                                                ps::ReplaceElement<ps::ExpressionClip>> ||
                                 std::is_same_v<Operation, ps::ReplaceElement<ps::CaptureLayer>> ||
                                 std::is_same_v<Operation, ps::ReplaceElement<ps::KeyframeCurve>> ||
                                 std::is_same_v<Operation,
                                                ps::ReplaceElement<ps::LandmarkSculpt>>) {
                return first.element.id == second.element.id;
            } else {
                return std::is_same_v<Operation, ps::SetStrengths> ||
                       std::is_same_v<Operation, ps::SetVoiceSettings> ||
                       std::is_same_v<Operation, ps::SetIdleSettings> ||
                       std::is_same_v<Operation, ps::SetDuration>;
            }
        },
        earlier.operation);
}

}  // namespace

MotionEditCommand::MotionEditCommand(ProjectSession& session, ps::MotionEdit applied,
                                     ps::MotionEdit inverse, int gesture)
    : session_(session), redo_(std::move(applied)), undo_(std::move(inverse)), gesture_(gesture) {
    setText(QString::fromStdString(ps::describeEdit(redo_)));
}

void MotionEditCommand::undo() {
    // Its inverse's inverse is the edit again, in the form that applies to the restored document.
    redo_ = session_.applyWithoutUndo(undo_);
    applied_ = false;
}

void MotionEditCommand::redo() {
    if (applied_) {
        return;
    }
    undo_ = session_.applyWithoutUndo(redo_);
    applied_ = true;
}

int MotionEditCommand::id() const {
    return gesture_ != 0 ? kGestureCommandId : -1;
}

bool MotionEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const MotionEditCommand*>(other);
    if (next->gesture_ != gesture_ || !sameTarget(redo_, next->redo_)) {
        return false;
    }
    // One step from before the gesture to after it: this command's inverse, the newest edit.
    redo_ = next->redo_;
    return true;
}

}  // namespace ps::ui
