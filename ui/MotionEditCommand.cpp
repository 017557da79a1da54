#include "ui/MotionEditCommand.h"

#include <optional>
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
                                                ps::ReplaceElement<ps::LandmarkSculpt>> ||
                                 std::is_same_v<Operation,
                                                ps::ReplaceElement<ps::VisemeOverride>>) {
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

template <class T>
struct IsInsert : std::false_type {};
template <class Element>
struct IsInsert<ps::InsertElement<Element>> : std::true_type {
    using Type = Element;
};

// A gesture that inserts an element and then changes it (a drag that makes what it drags, as
// the viseme row's boundary drag does): how the two are one step. nullopt when `later` is not a
// change of what `earlier` inserted; `*removed` when it takes it out again.
std::optional<ps::MotionEdit> insertThenChange(const ps::MotionEdit& earlier,
                                               const ps::MotionEdit& later, bool* removed) {
    return std::visit(
        [&](const auto& first) -> std::optional<ps::MotionEdit> {
            using Operation = std::decay_t<decltype(first)>;
            if constexpr (IsInsert<Operation>::value) {
                using Element = typename IsInsert<Operation>::Type;
                if (const auto* replace =
                        std::get_if<ps::ReplaceElement<Element>>(&later.operation);
                    replace != nullptr && replace->element.id == first.element.id) {
                    return ps::MotionEdit{
                        ps::InsertElement<Element>{replace->element, first.index}};
                }
                if (const auto* remove = std::get_if<ps::RemoveElement<Element>>(&later.operation);
                    remove != nullptr && remove->id == first.element.id) {
                    *removed = true;
                    return earlier;
                }
            }
            return std::nullopt;
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
    if (next->gesture_ != gesture_) {
        return false;
    }
    bool removed = false;
    if (std::optional<ps::MotionEdit> merged = insertThenChange(redo_, next->redo_, &removed)) {
        // The inverse (remove the element) stays; redo inserts it as it is now, and an element
        // taken out again within the gesture leaves nothing to undo.
        redo_ = std::move(*merged);
        setObsolete(removed);
        return true;
    }
    if (!sameTarget(redo_, next->redo_)) {
        return false;
    }
    // One step from before the gesture to after it: this command's inverse, the newest edit.
    redo_ = next->redo_;
    return true;
}

}  // namespace ps::ui
