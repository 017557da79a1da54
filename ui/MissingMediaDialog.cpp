#include "ui/MissingMediaDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ps::ui {

MissingMediaDialog::MissingMediaDialog(const QStringList& missing_paths,
                                       const QString& start_folder, QWidget* parent)
    : QDialog(parent), missing_(missing_paths), start_folder_(start_folder) {
    setObjectName(QStringLiteral("missingMediaDialog"));
    setWindowTitle(tr("Missing Files"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("These files of the project are not where it expects them. Locate each one, or "
           "go on without it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    rows_ = new QVBoxLayout;
    layout->addLayout(rows_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    rebuild();
}

void MissingMediaDialog::rebuild() {
    while (QLayoutItem* item = rows_->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* inner = row->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item;
    }
    for (const QString& path : missing_) {
        auto* row = new QHBoxLayout;
        auto* label = new QLabel(QStringLiteral("<b>%1</b><br><small>%2</small>")
                                     .arg(QFileInfo(path).fileName().toHtmlEscaped(),
                                          QFileInfo(path).absolutePath().toHtmlEscaped()),
                                 this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* locate = new QPushButton(tr("&Locate…"), this);
        locate->setObjectName(QStringLiteral("locateButton"));
        connect(locate, &QPushButton::clicked, this, [this, path] { browse(path); });
        row->addWidget(label, 1);
        row->addWidget(locate);
        rows_->addLayout(row);
    }
    if (missing_.isEmpty()) {
        accept();
    }
}

void MissingMediaDialog::browse(const QString& missing_path) {
    auto* dialog = new QFileDialog(this, tr("Locate %1").arg(QFileInfo(missing_path).fileName()),
                                   start_folder_);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->selectFile(QFileInfo(missing_path).fileName());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, missing_path](const QString& found) { relocate(missing_path, found); });
    dialog->open();
}

void MissingMediaDialog::relocate(const QString& missing_path, const QString& found) {
    if (!missing_.contains(missing_path) || !QFileInfo::exists(found)) {
        return;
    }
    missing_.removeAll(missing_path);
    start_folder_ = QFileInfo(found).absolutePath();
    emit relocated(missing_path, found);
    rebuild();
}

}  // namespace ps::ui
