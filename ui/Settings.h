// The studio's preferences, typed, over QSettings. Defaults live in the getters, so an empty or
// damaged settings file always reads as a usable configuration. Not thread-safe: UI thread only.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

#include "media/FrameRate.h"

class QSettings;

namespace ps::ui {

class Settings {
public:
    // Reads and writes `store` when given (tests pass a temporary INI file; the caller keeps it
    // alive), otherwise the user's own settings under the application's organisation and name.
    explicit Settings(QSettings* store = nullptr);
    ~Settings();

    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // "" follows the system's language; otherwise one of supportedLanguages().
    QString language() const;
    void setLanguage(const QString& code);
    static QStringList supportedLanguages();  // "en", "zh_CN"

    // Where the Open dialogs start: the folder of the last file opened.
    QString lastOpenFolder() const;
    void setLastOpenFolder(const QString& folder);

    QString lastExportFolder() const;
    void setLastExportFolder(const QString& folder);

    FrameRate exportFrameRate() const;
    void setExportFrameRate(FrameRate rate);
    int exportCrf() const;  // 0..51
    void setExportCrf(int crf);
    QString exportPreset() const;  // one of x264Presets()
    void setExportPreset(const QString& preset);
    static QStringList x264Presets();  // fastest first

    // Where the studio keeps its own files: recovery autosaves, the user's templates.
    QString dataFolder() const;
    void setDataFolder(const QString& folder);
    QString recoveryFolder() const;     // <data>/recovery
    QString userPresetsFolder() const;  // <data>/presets (expressions/, poses/)

    // Seconds between autosaves of the open project; 0 turns autosave off. Default 60.
    int autosaveInterval_s() const;
    void setAutosaveInterval_s(int seconds);

    // Whether dragging the playhead plays short snippets of the voice. Default on.
    bool scrubAudio() const;
    void setScrubAudio(bool on);

    // The window's size and place, and its docks' arrangement. A saved arrangement is only
    // given back for the same layout version: when the studio gains or loses a dock, an old
    // arrangement would hide the new one, so it is dropped for the default (Shotcut does this).
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState(int layout_version) const;
    void setWindowState(const QByteArray& state, int layout_version);
    void clearWindowLayout();

    // Projects opened or saved, newest first, at most kMaxRecentProjects, each once.
    static constexpr int kMaxRecentProjects = 10;
    QStringList recentProjects() const;
    void addRecentProject(const QString& path);
    void removeRecentProject(const QString& path);
    void clearRecentProjects();

    void sync();

private:
    std::unique_ptr<QSettings> owned_;
    QSettings* store_;
};

}  // namespace ps::ui
