// Settings ▸ Preferences…: how often the open project is autosaved, and whether dragging the
// playhead lets the voice be heard. Applied when accepted.
#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace ps::ui {

class Settings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `settings` must outlive the dialog.
    SettingsDialog(Settings& settings, QWidget* parent = nullptr);

    QSpinBox* autosaveSpin() const { return autosave_; }

signals:
    // After the settings were written.
    void applied();

private:
    void save();

    Settings& settings_;
    QSpinBox* autosave_;
    QCheckBox* scrub_audio_;
};

}  // namespace ps::ui
