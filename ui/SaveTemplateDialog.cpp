#include "ui/SaveTemplateDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ps::ui {

namespace {

struct GroupLabel {
    ps::ChannelGroup group;
    const char* object_name;
    const char* label;
};

// In the order allChannelGroups lists them.
const GroupLabel kGroups[] = {
    {ps::ChannelGroup::Brows, "groupBrowsCheck", QT_TRANSLATE_NOOP("SaveTemplateDialog", "Brows")},
    {ps::ChannelGroup::Eyes, "groupEyesCheck", QT_TRANSLATE_NOOP("SaveTemplateDialog", "Eyes")},
    {ps::ChannelGroup::Gaze, "groupGazeCheck", QT_TRANSLATE_NOOP("SaveTemplateDialog", "Gaze")},
    {ps::ChannelGroup::CheeksNose, "groupCheeksNoseCheck",
     QT_TRANSLATE_NOOP("SaveTemplateDialog", "Cheeks && Nose")},
    {ps::ChannelGroup::Mouth, "groupMouthCheck", QT_TRANSLATE_NOOP("SaveTemplateDialog", "Mouth")},
    {ps::ChannelGroup::Jaw, "groupJawCheck", QT_TRANSLATE_NOOP("SaveTemplateDialog", "Jaw")},
    {ps::ChannelGroup::Tongue, "groupTongueCheck",
     QT_TRANSLATE_NOOP("SaveTemplateDialog", "Tongue")},
    {ps::ChannelGroup::Head, "groupHeadCheck", QT_TRANSLATE_NOOP("SaveTemplateDialog", "Head")},
};

}  // namespace

SaveTemplateDialog::SaveTemplateDialog(ps::TemplateLibrary& library, ps::FaceState face,
                                       QWidget* parent)
    : QDialog(parent),
      library_(library),
      face_(std::move(face)),
      name_(new QLineEdit(this)),
      description_(new QLineEdit(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("saveTemplateDialog"));
    setWindowTitle(tr("Save Face as Template"));
    name_->setObjectName(QStringLiteral("templateNameEdit"));
    name_->setPlaceholderText(tr("e.g. my smile"));
    description_->setObjectName(QStringLiteral("templateDescriptionEdit"));
    description_->setPlaceholderText(tr("One sentence: what the face shows."));
    problem_->setObjectName(QStringLiteral("templateNameProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d04040;"));

    auto* parts = new QGroupBox(tr("Keep these parts of the face"), this);
    auto* grid = new QGridLayout(parts);
    const std::vector<ps::ChannelGroup> defaults = ps::defaultTemplateGroups();
    int i = 0;
    for (const GroupLabel& g : kGroups) {
        auto* check = new QCheckBox(tr(g.label), parts);
        check->setObjectName(QString::fromLatin1(g.object_name));
        check->setChecked(std::find(defaults.begin(), defaults.end(), g.group) != defaults.end());
        grid->addWidget(check, i / 2, i % 2);
        group_checks_[g.group] = check;
        connect(check, &QCheckBox::toggled, this, &SaveTemplateDialog::updateProblem);
        ++i;
    }

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Description"), description_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(parts);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SaveTemplateDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SaveTemplateDialog::reject);
    connect(name_, &QLineEdit::textChanged, this, &SaveTemplateDialog::updateProblem);
    updateProblem();
}

std::vector<ps::ChannelGroup> SaveTemplateDialog::groups() const {
    std::vector<ps::ChannelGroup> chosen;
    for (const auto& [group, check] : group_checks_) {
        if (check->isChecked()) {
            chosen.push_back(group);
        }
    }
    return chosen;
}

QString SaveTemplateDialog::problem() const {
    const std::string name = name_->text().trimmed().toStdString();
    if (name.empty()) {
        return tr("Give the template a name.");
    }
    if (const std::string why = ps::TemplateLibrary::problemWithName(name); !why.empty()) {
        return QString::fromStdString(why);
    }
    if (ps::templateFromFace(face_, groups(), name, {}).channels.empty()) {
        return tr("The chosen parts of the face are at rest: there is nothing to save.");
    }
    return {};
}

void SaveTemplateDialog::updateProblem() {
    const QString text = problem();
    // An empty name is not an error worth red text while the person has not typed yet.
    showProblem(name_->text().isEmpty() ? QString() : text);
    buttons_->button(QDialogButtonBox::Save)->setEnabled(text.isEmpty());
}

void SaveTemplateDialog::showProblem(const QString& text) {
    problem_->setText(text);
    problem_->setVisible(!text.isEmpty());
}

bool SaveTemplateDialog::confirmReplacing(const QString& name) {
    const std::string stem = name.toStdString();
    QString question;
    if (library_.isUserTemplate(ps::TemplateKind::Expression, stem)) {
        question = tr("You already have a template named “%1”. Replace it?").arg(name);
    } else if (library_.find(ps::TemplateKind::Expression, stem)) {
        question = tr("“%1” is a built-in template. Save yours in its place? The built-in one "
                      "comes back if you delete yours.")
                       .arg(name);
    } else {
        return true;
    }
    return QMessageBox::question(this, tr("Replace Template"), question,
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void SaveTemplateDialog::accept() {
    if (const QString why = problem(); !why.isEmpty()) {
        showProblem(why);
        return;
    }
    const QString name = name_->text().trimmed();
    if (!confirmReplacing(name)) {
        return;
    }
    const ps::ExpressionTemplate expression = ps::templateFromFace(
        face_, groups(), name.toStdString(), description_->text().trimmed().toStdString());
    const ps::Status saved = library_.saveUserTemplate(expression);
    if (!saved.ok()) {
        showProblem(QString::fromStdString(saved.error().message));
        return;
    }
    saved_name_ = name;
    QDialog::accept();
}

}  // namespace ps::ui
