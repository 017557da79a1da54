// The studio's window. It only arranges panels (viewer in the centre, transport bar below, status
// bar), owns the menus, and routes files to the EngineBridge and results to the panels.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <memory>

#include "media/AudioPlayer.h"
#include "motion/TemplateLibrary.h"
#include "project/Autosave.h"
#include "ui/EngineBridge.h"

class QAction;
class QActionGroup;
class QMessageBox;

namespace ps::ui {

class ExportDialog;
class ProjectSession;
class Settings;
class TransportBar;
class ViewerPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `settings` must outlive the window. `output` chooses the sound output (tests pass Silent).
    explicit MainWindow(Settings& settings, ps::AudioOutput output = ps::AudioOutput::DefaultDevice,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loading runs on the engine's worker; the answer is photoLoaded/audioLoaded or loadFailed.
    void openPhoto(const QString& path);
    void openAudio(const QString& path);
    // As a drop does: images by extension become the photo, anything else the voice.
    void openFiles(const QStringList& paths);
    static bool looksLikeImage(const QString& path);

    ViewerPanel* viewer() const { return viewer_; }
    TransportBar* transport() const { return transport_; }
    ExportDialog* exportDialog() const;  // the open one, or nullptr
    ProjectSession* session() const { return session_; }
    const ps::TemplateLibrary& templates() const { return templates_; }

    // Replaces the open project with the file's and loads its photo and voice; false with the
    // problem shown when it cannot be read.
    bool openProject(const QString& path);
    bool saveProject(const QString& path);
    // Places a template from the library on the timeline at the playhead, as one undo step.
    bool addTemplateClip(ps::TemplateKind kind, const QString& name);
    // Looks for work left by a studio that did not close cleanly, and offers it back
    // (recoveryBox) when there is some.
    void checkForRecovery();
    QMessageBox* recoveryBox() const;

public slots:
    void showExportDialog();

signals:
    void photoLoaded(const QString& path);
    void audioLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& message);
    void projectOpened(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createProjectMenu(QMenu* file);
    QMenu* createMotionMenu();
    void newProject();
    // Shows the session's project: clears the old photo and voice and loads the project's;
    // returns the media that are missing.
    std::vector<std::string> showProject();
    void browseForProject();
    bool saveProjectInteractively();
    void browseForProjectSaveAs();
    void offerRecovery(const std::vector<ps::Recovery>& recoveries);
    QMenu* createLanguageMenu();
    void browseForPhoto();
    void browseForAudio();
    void onPhotoLoaded(const QImage& image, PhotoPtr photo);
    void onAudioLoaded(AudioClipPtr clip);
    void onLoadFailed(const QString& path, const QString& message);
    void onLanguageChosen(QAction* action);
    void showAbout();
    void showError(const QString& title, const QString& message);
    void updateActions();
    void updateTitle();

    Settings& settings_;
    EngineBridge* bridge_;
    ProjectSession* session_;
    ps::TemplateLibrary templates_;
    std::unique_ptr<ps::AudioPlayer> player_;
    ViewerPanel* viewer_;
    TransportBar* transport_;

    PhotoPtr photo_;
    AudioClipPtr clip_;

    QAction* export_action_ = nullptr;
    QAction* play_action_ = nullptr;
    QPointer<ExportDialog> export_dialog_;
    QPointer<QMessageBox> error_box_;
    QPointer<QMessageBox> recovery_box_;
};

}  // namespace ps::ui
