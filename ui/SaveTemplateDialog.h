// "Save Current Face as Template…": names the face the viewer shows and chooses which parts of
// it to keep (motion/TemplateFromFace), then stores it in the user's template folder. A name the
// library would refuse is explained beside the field before anything is written, and replacing
// one of the user's templates (or standing in for a built-in) is asked first.
#pragma once

#include <QDialog>
#include <map>
#include <vector>

#include "motion/FaceTrack.h"
#include "motion/TemplateFromFace.h"
#include "motion/TemplateLibrary.h"

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ps::ui {

class SaveTemplateDialog : public QDialog {
    Q_OBJECT
public:
    // `library` must outlive the dialog.
    SaveTemplateDialog(ps::TemplateLibrary& library, ps::FaceState face, QWidget* parent = nullptr);

    // The parts of the face chosen now.
    std::vector<ps::ChannelGroup> groups() const;
    // The name of the template saved by the last accept; empty before.
    QString savedName() const { return saved_name_; }

    // Saves (after asking, when it would replace something) and closes; stays open with the
    // reason shown when the name or the chosen parts cannot be saved.
    void accept() override;

private:
    void updateProblem();
    QString problem() const;
    bool confirmReplacing(const QString& name);
    void showProblem(const QString& text);

    ps::TemplateLibrary& library_;
    ps::FaceState face_;
    QString saved_name_;
    QLineEdit* name_;
    QLineEdit* description_;
    std::map<ps::ChannelGroup, QCheckBox*> group_checks_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

}  // namespace ps::ui
