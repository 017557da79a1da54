// One undo step for a continuous edit of keyframe curves (a slider's drag in the Blendshape
// panel) that may create its curves on the first change and then keeps replacing them. The
// session's MotionEditCommand merges only edits of the same shape; this one merges any later
// change of the same gesture that touches no curve but those the first change touched, because
// the first change's inverse (remove the curves it inserted, put back the ones it replaced)
// undoes all of them. UI thread only, like the session.
#pragma once

#include <QCoreApplication>
#include <QUndoCommand>
#include <vector>

#include "motion/MotionEdit.h"

namespace ps::ui {

class ProjectSession;

class CurveGestureCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(CurveGestureCommand)

public:
    // Applies `edit` (inserted and replaced keyframe curves only) to the session's document and
    // pushes it on the session's undo stack, merged with the previous step of the same non-zero
    // `gesture`. Returns false with the reason, changing nothing, when the edit is refused.
    static bool apply(ProjectSession& session, const ps::EditGroup& edit, int gesture,
                      QString* error = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    CurveGestureCommand(ProjectSession& session, ps::MotionEdit applied, ps::MotionEdit inverse,
                        int gesture, std::vector<ps::ElementId> curves);

    ProjectSession& session_;
    ps::MotionEdit redo_;
    ps::MotionEdit undo_;
    int gesture_;
    std::vector<ps::ElementId> curves_;  // the curves the first change inserted or replaced
    bool applied_ = true;                // the edit is in when push() calls redo() the first time
};

}  // namespace ps::ui
