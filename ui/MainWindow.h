// The studio's window. It only arranges panels — the viewer with the transport bar in the
// centre, the timeline, inspector and template library as docks the user can move, float and
// close — owns the menus, and routes files to the EngineBridge and results to the panels. The
// docks' arrangement is saved on close and restored on the next start.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <vector>

#include "media/AudioPlayer.h"
#include "motion/MotionDocument.h"
#include "motion/TemplateLibrary.h"
#include "project/Autosave.h"
#include "ui/EngineBridge.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QMessageBox;

namespace ps::ui {

class ExportDialog;
class BlendshapePanel;
class FaceViewPanel;
class GraphEditorPanel;
class HeadPoseController;
class InspectorPanel;
class LandmarkEditController;
class LibraryPanel;
class MissingMediaDialog;
class PreviewController;
class PreviewEngine;
class ProjectSession;
class SelectionModel;
class Settings;
class TimelinePanel;
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
    PreviewEngine* preview() const { return preview_; }
    PreviewController* previewController() const { return preview_controller_; }
    TimelinePanel* timeline() const { return timeline_; }
    InspectorPanel* inspector() const { return inspector_; }
    LibraryPanel* library() const { return library_; }
    GraphEditorPanel* graphEditor() const { return graph_; }
    BlendshapePanel* blendshapes() const { return blendshapes_; }
    FaceViewPanel* faceView() const { return face_view_; }
    HeadPoseController* headPose() const { return head_pose_; }
    SelectionModel* selection() const { return selection_; }
    // The docks' arrangement as the user left it; bumped when a dock is added or removed, so
    // an old saved arrangement is not applied to a different set of docks.
    static constexpr int kLayoutVersion = 3;  // 2: graph editor, blendshapes; 3: the 3D face
    void resetLayout();
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
    // The dialog offering to locate an opened project's missing files; nullptr when none.
    MissingMediaDialog* missingMediaDialog() const;

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
    QMenu* createViewMenu();
    QMenu* createPlaybackMenu();
    QMenu* createHelpMenu();
    QDockWidget* addPanelDock(QWidget* panel, const QString& title, const char* name,
                              Qt::DockWidgetArea area);
    // A dock in the same place as `beside`, a tab behind it.
    QDockWidget* addTabbedPanelDock(QWidget* panel, const QString& title, const char* name,
                                    QDockWidget* beside);
    void createDocks();
    void connectPanels();
    void restoreLayout();
    void saveLayout();
    void fillRecentMenu();
    void rememberProject(const QString& path);
    void showMissingMedia(const std::vector<std::string>& missing);
    void relocateMedia(const QString& missing_path, const QString& found);
    void showPreferences();
    void showShortcuts();
    void updateVoiceActivity();
    // The timeline's check lane (lips apart over a closure, jitter) and the viewer's onion skin,
    // kept current as the motion, the voice and the playhead change.
    void connectChecks();
    void updateOnionSkin(double t_s);
    // The graph editor's Bake and Smooth, one undo step each.
    void bakeChannel(int channel, double from_s, double to_s);
    void smoothKeys(ps::ElementId curve, const std::vector<double>& key_times);
    void fillMotionMenu();
    void newProject();
    // Shows the session's project: clears the old photo and voice and loads the project's;
    // returns the media that are missing.
    std::vector<std::string> showProject();
    void browseForProject();
    bool saveProjectInteractively();
    void browseForProjectSaveAs();
    void offerRecovery(const std::vector<ps::Recovery>& recoveries);
    QMenu* createLanguageMenu();
    // The landmark editor's switches: sculpt mode, mirror, the scope and the region.
    QMenu* createSculptMenu();
    // The head-pose gizmo in the viewer and the 3D face view, the inspector's angles, and the
    // View menu's switch (MainWindowHeadPose.cpp).
    void connectHeadPose();
    QAction* createHeadPoseGizmoAction(QMenu* view);
    // The timeline's viseme row (the voice's mouth shapes, the transcript's words) and
    // Motion ▸ Transcript… (MainWindowVisemes.cpp).
    void connectVisemes();
    void updateVisemeLane(bool voice_changed);
    void editTranscript();
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

    static constexpr int kStatusMessage_ms = 8000;  // how long a passing message stays

    Settings& settings_;
    EngineBridge* bridge_;
    ProjectSession* session_;
    ps::TemplateLibrary templates_;
    std::unique_ptr<ps::AudioPlayer> player_;
    ViewerPanel* viewer_;
    TransportBar* transport_;
    PreviewEngine* preview_;
    PreviewController* preview_controller_;
    SelectionModel* selection_;
    TimelinePanel* timeline_ = nullptr;
    InspectorPanel* inspector_ = nullptr;
    LibraryPanel* library_ = nullptr;
    GraphEditorPanel* graph_ = nullptr;
    BlendshapePanel* blendshapes_ = nullptr;
    LandmarkEditController* landmark_editor_ = nullptr;
    HeadPoseController* head_pose_ = nullptr;
    FaceViewPanel* face_view_ = nullptr;
    QDockWidget* face_view_dock_ = nullptr;
    std::string aligned_transcript_;  // the transcript the viseme row's words were placed for
    QMenu* sculpt_menu_ = nullptr;    // kept across fillMotionMenu's refills
    QList<QDockWidget*> docks_;
    QByteArray default_layout_;
    QMenu* recent_menu_ = nullptr;
    QMenu* view_menu_ = nullptr;
    QMenu* motion_menu_ = nullptr;

    PhotoPtr photo_;
    AudioClipPtr clip_;

    QAction* export_action_ = nullptr;
    QAction* play_action_ = nullptr;
    QPointer<ExportDialog> export_dialog_;
    QPointer<QMessageBox> error_box_;
    QPointer<QMessageBox> recovery_box_;
    QPointer<MissingMediaDialog> missing_dialog_;
    bool scrubbing_ = false;
};

}  // namespace ps::ui
