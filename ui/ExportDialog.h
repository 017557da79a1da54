// Asks where and how to export the MP4, runs the export through the EngineBridge (never on the
// UI thread), shows progress with the time left, and lets the user cancel. The photo and voice
// are a snapshot taken when the dialog opens.
#pragma once

#include <QDialog>

#include "ui/EngineBridge.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ps::ui {

class Settings;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `motion`: a snapshot of the motion document when the dialog opened (null: the voice's own).
    ExportDialog(EngineBridge& bridge, Settings& settings, PhotoPtr photo, AudioClipPtr audio,
                 std::shared_ptr<const ps::MotionDocument> motion, QWidget* parent = nullptr);

    // The motion the export will draw.
    const std::shared_ptr<const ps::MotionDocument>& motion() const { return motion_; }

    bool isExporting() const { return export_id_ != 0; }

public slots:
    // Closing while an export runs cancels it.
    void reject() override;

signals:
    // Once per export, after the dialog has shown the outcome.
    void exportDone(ps::ui::EngineBridge::ExportOutcome outcome, const QString& pathOrMessage);

private:
    QWidget* buildForm();
    void onExportButton();
    void browse();
    void startExport();
    void onProgress(quint64 id, double fraction, double seconds_left);
    void onFinished(quint64 id, EngineBridge::ExportOutcome outcome, const QString& pathOrMessage);
    void setExporting(bool exporting);
    void openContainingFolder();

    EngineBridge& bridge_;
    Settings& settings_;
    PhotoPtr photo_;
    AudioClipPtr audio_;
    std::shared_ptr<const ps::MotionDocument> motion_;
    EngineBridge::ExportId export_id_ = 0;  // 0: none running
    QString exported_path_;

    QWidget* form_ = nullptr;
    QLineEdit* path_edit_ = nullptr;
    QComboBox* fps_combo_ = nullptr;
    QSpinBox* width_spin_ = nullptr;
    QSpinBox* height_spin_ = nullptr;
    QSpinBox* crf_spin_ = nullptr;
    QComboBox* preset_combo_ = nullptr;
    QProgressBar* progress_bar_ = nullptr;
    QLabel* time_left_label_ = nullptr;
    QLabel* result_label_ = nullptr;
    QPushButton* open_folder_button_ = nullptr;
    QPushButton* export_button_ = nullptr;
};

}  // namespace ps::ui
