#include "ui/FrameRateCommand.h"

#include <QCoreApplication>

#include "ui/ProjectSession.h"

namespace ps::ui {

FrameRateCommand::FrameRateCommand(ProjectSession& session, ps::FrameRate from, ps::FrameRate to)
    : session_(session), from_(from), to_(to) {
    setText(QCoreApplication::translate("FrameRateCommand", "Set frame rate to %1 fps")
                .arg(QString::fromStdString(ps::frameRateLabel(to))));
}

void FrameRateCommand::undo() {
    session_.setFrameRateWithoutUndo(from_);
}

void FrameRateCommand::redo() {
    session_.setFrameRateWithoutUndo(to_);
}

}  // namespace ps::ui
