#include "ui/TranscriptDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace ps::ui {

TranscriptDialog::TranscriptDialog(const QString& transcript, QWidget* parent)
    : QDialog(parent), edit_(new QPlainTextEdit(this)), problem_(new QLabel(this)) {
    setObjectName(QStringLiteral("transcriptDialog"));
    setWindowTitle(tr("Transcript"));
    auto* intro = new QLabel(
        tr("What the voice says. The timeline's viseme row shows each word where it is spoken."),
        this);
    intro->setWordWrap(true);
    edit_->setObjectName(QStringLiteral("transcriptEdit"));
    edit_->setPlainText(transcript);
    edit_->setPlaceholderText(tr("Type or paste the words, or load a text file"));
    problem_->setObjectName(QStringLiteral("transcriptProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #e57373;"));
    problem_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* load = buttons->addButton(tr("Load Text File…"), QDialogButtonBox::ActionRole);
    load->setObjectName(QStringLiteral("transcriptLoadButton"));
    connect(load, &QPushButton::clicked, this, &TranscriptDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(edit_, 1);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    resize(520, 320);
}

QString TranscriptDialog::transcript() const {
    return edit_->toPlainText().trimmed();
}

bool TranscriptDialog::loadFile(const QString& path) {
    QString text;
    QString error;
    if (!readTextFile(path, &text, &error)) {
        problem_->setText(error);
        problem_->show();
        return false;
    }
    problem_->hide();
    edit_->setPlainText(text);
    return true;
}

bool TranscriptDialog::readTextFile(const QString& path, QString* text, QString* error) {
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read (%2)").arg(name, file.errorString());
        return false;
    }
    if (file.size() > kMaxFileBytes) {
        *error = tr("%1: too large for a transcript (over 1 MB)").arg(name);
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0')) {
        *error = tr("%1: not a text file").arg(name);
        return false;
    }
    QStringDecoder decode(QStringDecoder::Utf8);
    const QString decoded = decode(bytes);
    if (decode.hasError()) {
        *error = tr("%1: not UTF-8 text").arg(name);
        return false;
    }
    *text = decoded.trimmed();
    return true;
}

void TranscriptDialog::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Transcript"), QString(),
                                                      tr("Text files (*.txt);;All files (*)"));
    if (!path.isEmpty()) {
        loadFile(path);
    }
}

}  // namespace ps::ui
