// One motion edit on the studio's undo stack. The edit has already been applied (and so
// validated) by ProjectSession when the command is pushed; the command keeps the edit and its
// inverse and swaps them on every undo and redo, each of which applies by construction.
// Successive changes to the same element made as one gesture (a drag) merge into one step.
#pragma once

#include <QUndoCommand>

#include "motion/MotionEdit.h"

namespace ps::ui {

class ProjectSession;

class MotionEditCommand : public QUndoCommand {
public:
    // `gesture`: non-zero for edits that belong to one continuous gesture and merge with the
    // previous command of the same gesture.
    MotionEditCommand(ProjectSession& session, ps::MotionEdit applied, ps::MotionEdit inverse,
                      int gesture = 0);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectSession& session_;
    ps::MotionEdit redo_;
    ps::MotionEdit undo_;
    int gesture_;
    bool applied_ = true;  // QUndoStack::push calls redo() once; the edit is already in
};

}  // namespace ps::ui
