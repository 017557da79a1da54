// A change of the project's frame rate on the studio's undo stack: undo puts the old rate back.
#pragma once

#include <QUndoCommand>

#include "media/FrameRate.h"

namespace ps::ui {

class ProjectSession;

class FrameRateCommand : public QUndoCommand {
public:
    FrameRateCommand(ProjectSession& session, ps::FrameRate from, ps::FrameRate to);

    void undo() override;
    void redo() override;

private:
    ProjectSession& session_;
    ps::FrameRate from_;
    ps::FrameRate to_;
};

}  // namespace ps::ui
