// Shown when an opened project's photo or voice is not where the project says: each missing
// file with a Locate… button. A located file replaces the project's reference (a change to the
// project, saved with it) and is opened at once.
#pragma once

#include <QDialog>
#include <QStringList>

class QVBoxLayout;

namespace ps::ui {

class MissingMediaDialog : public QDialog {
    Q_OBJECT
public:
    MissingMediaDialog(const QStringList& missing_paths, const QString& start_folder,
                       QWidget* parent = nullptr);

    QStringList missing() const { return missing_; }
    // What choosing `found` for `missing_path` in the file dialog does (tests call it directly).
    void relocate(const QString& missing_path, const QString& found);

signals:
    void relocated(const QString& missing_path, const QString& found);

private:
    void browse(const QString& missing_path);
    void rebuild();

    QStringList missing_;
    QString start_folder_;
    QVBoxLayout* rows_;
};

}  // namespace ps::ui
