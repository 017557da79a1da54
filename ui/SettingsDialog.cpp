#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

#include "ui/Settings.h"

namespace ps::ui {

SettingsDialog::SettingsDialog(Settings& settings, QWidget* parent)
    : QDialog(parent),
      settings_(settings),
      autosave_(new QSpinBox(this)),
      scrub_audio_(new QCheckBox(tr("Play the voice while dragging the playhead"), this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));
    autosave_->setObjectName(QStringLiteral("autosaveIntervalSpin"));
    autosave_->setRange(0, 60);
    autosave_->setSuffix(tr(" min"));
    autosave_->setSpecialValueText(tr("Off"));
    // Minutes are what a person thinks in; the setting keeps seconds.
    autosave_->setValue((settings_.autosaveInterval_s() + 30) / 60);
    autosave_->setToolTip(
        tr("How often the open project is saved to a recovery file (never over your own file)."));
    scrub_audio_->setObjectName(QStringLiteral("scrubAudioCheck"));
    scrub_audio_->setChecked(settings_.scrubAudio());

    auto* form = new QFormLayout;
    form->addRow(tr("Autosave every:"), autosave_);
    form->addRow(QString(), scrub_audio_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::save() {
    settings_.setAutosaveInterval_s(autosave_->value() * 60);
    settings_.setScrubAudio(scrub_audio_->isChecked());
    emit applied();
}

}  // namespace ps::ui
