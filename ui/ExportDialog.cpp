#include "ui/ExportDialog.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>

#include "media/FrameRate.h"
#include "render/FrameFit.h"
#include "ui/Settings.h"

namespace ps::ui {

namespace {

constexpr int kMinSide_px = 16;
constexpr int kMaxSide_px = 7680;
constexpr int kProgressSteps = 1000;

int evenAtLeastMin(int value) {
    return std::max(kMinSide_px, value - value % 2);
}

QSpinBox* makeSideSpin(int value, QWidget* parent) {
    auto* spin = new QSpinBox(parent);
    spin->setRange(kMinSide_px, kMaxSide_px);
    spin->setSingleStep(2);  // yuv420p needs even sides
    spin->setSuffix(QStringLiteral(" px"));
    spin->setValue(evenAtLeastMin(value));
    // Typing may pass through odd numbers ("13" on the way to "130"); snap once the user is done.
    QObject::connect(spin, &QSpinBox::editingFinished, spin,
                     [spin] { spin->setValue(evenAtLeastMin(spin->value())); });
    return spin;
}

}  // namespace

ExportDialog::ExportDialog(EngineBridge& bridge, Settings& settings, PhotoPtr photo,
                           AudioClipPtr audio, std::shared_ptr<const ps::MotionDocument> motion,
                           QWidget* parent)
    : QDialog(parent),
      bridge_(bridge),
      settings_(settings),
      photo_(std::move(photo)),
      audio_(std::move(audio)),
      motion_(std::move(motion)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export MP4"));

    progress_bar_ = new QProgressBar(this);
    progress_bar_->setObjectName(QStringLiteral("progressBar"));
    progress_bar_->setRange(0, kProgressSteps);
    progress_bar_->setValue(0);
    progress_bar_->setEnabled(false);
    time_left_label_ = new QLabel(this);
    time_left_label_->setObjectName(QStringLiteral("timeLeftLabel"));
    time_left_label_->setVisible(false);
    result_label_ = new QLabel(this);
    result_label_->setObjectName(QStringLiteral("resultLabel"));
    result_label_->setWordWrap(true);
    result_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    open_folder_button_ = new QPushButton(tr("Open Containing Folder"), this);
    open_folder_button_->setObjectName(QStringLiteral("openFolderButton"));
    open_folder_button_->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    export_button_ = buttons->addButton(tr("Export"), QDialogButtonBox::ActionRole);
    export_button_->setObjectName(QStringLiteral("exportButton"));
    export_button_->setDefault(true);

    // One line for whatever the export has to say, so the dialog does not jump in size.
    auto* status_row = new QHBoxLayout;
    status_row->addWidget(time_left_label_);
    status_row->addWidget(result_label_, 1);
    status_row->addWidget(open_folder_button_);

    auto* layout = new QVBoxLayout(this);
    form_ = buildForm();
    layout->addWidget(form_);
    layout->addWidget(progress_bar_);
    layout->addLayout(status_row);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(export_button_, &QPushButton::clicked, this, &ExportDialog::onExportButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(open_folder_button_, &QPushButton::clicked, this, &ExportDialog::openContainingFolder);
    connect(&bridge_, &EngineBridge::exportProgress, this, &ExportDialog::onProgress);
    connect(&bridge_, &EngineBridge::exportFinished, this, &ExportDialog::onFinished);
    setMinimumWidth(520);
}

QWidget* ExportDialog::buildForm() {
    auto* form = new QWidget(this);

    const QString photo_name =
        QFileInfo(QString::fromStdString(photo_ ? photo_->path : std::string())).completeBaseName();
    path_edit_ = new QLineEdit(
        QDir(settings_.lastExportFolder())
            .filePath((photo_name.isEmpty() ? QStringLiteral("portrait") : photo_name) +
                      QStringLiteral(".mp4")),
        form);
    path_edit_->setObjectName(QStringLiteral("outputPathEdit"));
    auto* browse_button = new QPushButton(tr("Browse…"), form);
    browse_button->setObjectName(QStringLiteral("browseButton"));
    connect(browse_button, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* path_row = new QHBoxLayout;
    path_row->addWidget(path_edit_, 1);
    path_row->addWidget(browse_button);

    fps_combo_ = new QComboBox(form);
    fps_combo_->setObjectName(QStringLiteral("fpsCombo"));
    for (const ps::FrameRate rate : ps::allFrameRates()) {
        fps_combo_->addItem(tr("%1 fps").arg(QString::fromStdString(ps::frameRateLabel(rate))),
                            static_cast<int>(rate));
    }
    fps_combo_->setCurrentIndex(
        std::max(0, fps_combo_->findData(static_cast<int>(settings_.exportFrameRate()))));

    const cv::Size frame = photo_ ? ps::defaultFrameSize(photo_->bgr.size()) : cv::Size(512, 512);
    width_spin_ = makeSideSpin(frame.width, form);
    width_spin_->setObjectName(QStringLiteral("widthSpin"));
    height_spin_ = makeSideSpin(frame.height, form);
    height_spin_->setObjectName(QStringLiteral("heightSpin"));
    auto* size_row = new QHBoxLayout;
    size_row->addWidget(width_spin_);
    size_row->addWidget(new QLabel(QStringLiteral("×"), form));
    size_row->addWidget(height_spin_);
    size_row->addStretch(1);

    crf_spin_ = new QSpinBox(form);
    crf_spin_->setObjectName(QStringLiteral("crfSpin"));
    crf_spin_->setRange(0, 51);
    crf_spin_->setValue(settings_.exportCrf());
    crf_spin_->setToolTip(
        tr("Lower is better and makes a larger file. 18 looks lossless to most people."));
    auto* crf_row = new QHBoxLayout;
    crf_row->addWidget(crf_spin_);
    crf_row->addWidget(new QLabel(tr("lower is better"), form));
    crf_row->addStretch(1);

    preset_combo_ = new QComboBox(form);
    preset_combo_->setObjectName(QStringLiteral("presetCombo"));
    preset_combo_->addItems(Settings::x264Presets());
    preset_combo_->setCurrentText(settings_.exportPreset());
    preset_combo_->setToolTip(
        tr("Slower presets make a smaller file at the same quality, and take longer."));

    auto* layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Save as:"), path_row);
    layout->addRow(tr("Frame rate:"), fps_combo_);
    layout->addRow(tr("Size:"), size_row);
    layout->addRow(tr("Quality (CRF):"), crf_row);
    layout->addRow(tr("Encoder preset:"), preset_combo_);
    return form;
}

void ExportDialog::onExportButton() {
    if (isExporting()) {
        bridge_.cancelExport(export_id_);
        export_button_->setEnabled(false);  // until the worker confirms
        time_left_label_->setText(tr("Cancelling…"));
        return;
    }
    const QString path = path_edit_->text().trimmed();
    if (path.isEmpty() || QFileInfo(path).fileName().isEmpty()) {
        result_label_->setText(tr("Choose where to save the video."));
        return;
    }
    if (!QFileInfo::exists(path)) {
        startExport();
        return;
    }
    auto* confirm = new QMessageBox(
        QMessageBox::Question, tr("Replace File?"),
        tr("%1 already exists. Do you want to replace it?").arg(QFileInfo(path).fileName()),
        QMessageBox::Yes | QMessageBox::No, this);
    confirm->setObjectName(QStringLiteral("confirmOverwriteBox"));
    confirm->setDefaultButton(QMessageBox::No);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes) {
            startExport();
        }
    });
    confirm->open();
}

void ExportDialog::browse() {
    auto* dialog =
        new QFileDialog(this, tr("Export MP4"), path_edit_->text(), tr("MP4 video (*.mp4)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("mp4"));
    // Export asks before replacing, whichever way the path was entered; asking here too would
    // ask twice.
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, path_edit_, &QLineEdit::setText);
    dialog->open();
}

void ExportDialog::startExport() {
    width_spin_->setValue(evenAtLeastMin(width_spin_->value()));
    height_spin_->setValue(evenAtLeastMin(height_spin_->value()));

    ExportRequest request;
    request.output_path =
        QDir::cleanPath(QFileInfo(path_edit_->text().trimmed()).absoluteFilePath());
    request.settings.width = width_spin_->value();
    request.settings.height = height_spin_->value();
    request.settings.fps = static_cast<ps::FrameRate>(fps_combo_->currentData().toInt());
    request.settings.crf = crf_spin_->value();
    request.settings.preset = preset_combo_->currentText().toStdString();
    request.photo = photo_;
    request.audio = audio_;
    request.motion = motion_;

    settings_.setLastExportFolder(QFileInfo(request.output_path).absolutePath());
    settings_.setExportFrameRate(request.settings.fps);
    settings_.setExportCrf(request.settings.crf);
    settings_.setExportPreset(preset_combo_->currentText());

    exported_path_.clear();
    result_label_->clear();
    open_folder_button_->setVisible(false);
    progress_bar_->setValue(0);
    time_left_label_->setText(tr("Estimating time left…"));
    export_id_ = bridge_.exportMp4(request);
    setExporting(true);
}

void ExportDialog::onProgress(quint64 id, double fraction, double seconds_left) {
    if (id != export_id_ || !export_button_->isEnabled()) {
        return;  // another dialog's export, or we are cancelling
    }
    progress_bar_->setValue(static_cast<int>(std::lround(fraction * kProgressSteps)));
    if (seconds_left < 0.0) {
        time_left_label_->setText(tr("Estimating time left…"));
    } else if (seconds_left < 90.0) {
        time_left_label_->setText(
            tr("About %1 s left").arg(std::max(1L, std::lround(seconds_left))));
    } else {
        time_left_label_->setText(tr("About %1 min left").arg(std::lround(seconds_left / 60.0)));
    }
}

void ExportDialog::onFinished(quint64 id, EngineBridge::ExportOutcome outcome,
                              const QString& pathOrMessage) {
    if (id != export_id_) {
        return;
    }
    export_id_ = 0;
    setExporting(false);
    time_left_label_->clear();
    switch (outcome) {
        case EngineBridge::ExportOutcome::Succeeded:
            exported_path_ = pathOrMessage;
            progress_bar_->setValue(kProgressSteps);
            progress_bar_->setEnabled(true);
            result_label_->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(pathOrMessage)));
            open_folder_button_->setVisible(true);
            break;
        case EngineBridge::ExportOutcome::Cancelled:
            result_label_->setText(tr("Export cancelled"));
            break;
        case EngineBridge::ExportOutcome::Failed:
        case EngineBridge::ExportOutcome::None:
            result_label_->setText(tr("Export failed: %1").arg(pathOrMessage));
            break;
    }
    if (outcome != EngineBridge::ExportOutcome::Succeeded) {
        progress_bar_->setValue(0);
    }
    emit exportDone(outcome, pathOrMessage);
}

void ExportDialog::setExporting(bool exporting) {
    form_->setEnabled(!exporting);
    export_button_->setEnabled(true);
    export_button_->setText(exporting ? tr("Cancel") : tr("Export"));
    progress_bar_->setEnabled(exporting);
    time_left_label_->setVisible(exporting);
}

void ExportDialog::reject() {
    if (isExporting()) {
        bridge_.cancelExport(export_id_);
    }
    QDialog::reject();
}

void ExportDialog::openContainingFolder() {
    if (!exported_path_.isEmpty()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(exported_path_).absolutePath()));
    }
}

}  // namespace ps::ui
