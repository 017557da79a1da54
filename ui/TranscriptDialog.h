// Motion ▸ Transcript…: what the voice says, typed or loaded from a text file, so that the
// timeline's viseme row labels the mouth shapes with words (alignTranscript places them). The
// dialog only edits text; MainWindow applies it to the document as one undo step.
#pragma once

#include <QDialog>
#include <QString>

class QLabel;
class QPlainTextEdit;

namespace ps::ui {

class TranscriptDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr qint64 kMaxFileBytes = 1 << 20;  // a transcript, not a book

    explicit TranscriptDialog(const QString& transcript, QWidget* parent = nullptr);

    QString transcript() const;
    // Replaces the text with the file's; on failure keeps the text and shows the reason.
    bool loadFile(const QString& path);

    // The text of a UTF-8 plain-text file; false with a one-line reason naming the file when it
    // cannot be read, is too large, or is not text.
    static bool readTextFile(const QString& path, QString* text, QString* error);

private:
    void chooseFile();

    QPlainTextEdit* edit_;
    QLabel* problem_;
};

}  // namespace ps::ui
