#include "ui/MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

#include "motion/MotionEdit.h"
#include "motion/MotionEvaluator.h"
#include "project/ProjectFile.h"
#include "ui/ExportDialog.h"
#include "ui/InspectorPanel.h"
#include "ui/LibraryPanel.h"
#include "ui/MissingMediaDialog.h"
#include "ui/PreviewController.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/Settings.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TemplateDrag.h"
#include "ui/TemplateNames.h"
#include "ui/TimelinePanel.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

namespace ps::ui {

namespace {

const QString kProductName = QStringLiteral("Portrait Studio");
constexpr int kStatusMessage_ms = 8000;

QString fileNameOf(const std::string& path) {
    return QFileInfo(QString::fromStdString(path)).fileName();
}

}  // namespace

MainWindow::MainWindow(Settings& settings, ps::AudioOutput output, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      bridge_(new EngineBridge(this)),
      session_(new ProjectSession(settings.recoveryFolder(), this)),
      templates_(ps::TemplateLibrary::load(ps::defaultPresetsFolder(),
                                           settings.userPresetsFolder().toStdString())),
      player_(std::make_unique<ps::AudioPlayer>(output)),
      viewer_(new ViewerPanel(this)),
      transport_(new TransportBar(*player_, this)),
      preview_(new PreviewEngine(this)),
      preview_controller_(new PreviewController(*preview_, *session_, *transport_, *viewer_, this)),
      selection_(new SelectionModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);

    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(viewer_, 1);
    layout->addWidget(transport_);
    setCentralWidget(centre);
    statusBar()->showMessage(tr("Ready"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks | QMainWindow::GroupedDragging);

    createDocks();
    createMenus();
    connectPanels();

    connect(bridge_, &EngineBridge::photoLoaded, this, &MainWindow::onPhotoLoaded);
    connect(bridge_, &EngineBridge::audioLoaded, this, &MainWindow::onAudioLoaded);
    connect(bridge_, &EngineBridge::loadFailed, this, &MainWindow::onLoadFailed);
    connect(session_, &ProjectSession::modifiedChanged, this, &MainWindow::updateTitle);
    connect(session_, &ProjectSession::pathChanged, this, &MainWindow::updateTitle);
    connect(session_, &ProjectSession::recoveriesFound, this, &MainWindow::offerRecovery);
    connect(preview_, &PreviewEngine::fitFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("The photo plays still: %1").arg(message));
    });
    connect(preview_, &PreviewEngine::voiceAnalysisChanged, this, [this](bool running) {
        if (running) {
            statusBar()->showMessage(tr("Listening to the voice…"));
        } else {
            statusBar()->showMessage(tr("The face follows the voice"), kStatusMessage_ms);
        }
    });
    connect(session_, &ProjectSession::autosaveFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(message));
    });
    session_->setAutosaveInterval(settings_.autosaveInterval_s());

    updateActions();
    updateTitle();
    resize(1440, 900);
    default_layout_ = saveState(kLayoutVersion);
    restoreLayout();
}

QDockWidget* MainWindow::addPanelDock(QWidget* panel, const QString& title, const char* name,
                                      Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(QString::fromLatin1(name));  // saveState() keys docks by name
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    docks_.append(dock);
    return dock;
}

void MainWindow::createDocks() {
    library_ = new LibraryPanel(templates_, this);
    timeline_ = new TimelinePanel(*session_, *selection_, templates_, this);
    inspector_ = new InspectorPanel(*session_, *selection_, templates_, this);
    addPanelDock(library_, tr("Library"), "libraryDock", Qt::LeftDockWidgetArea);
    addPanelDock(inspector_, tr("Inspector"), "inspectorDock", Qt::RightDockWidgetArea);
    addPanelDock(timeline_, tr("Timeline"), "timelineDock", Qt::BottomDockWidgetArea);
    // The timeline spans the window's width, under the side docks' ends, as in video editors.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    resizeDocks({docks_[0], docks_[1]}, {300, 310}, Qt::Horizontal);
    resizeDocks({docks_[2]}, {300}, Qt::Vertical);
}

void MainWindow::connectPanels() {
    connect(transport_, &TransportBar::positionChanged, timeline_, &TimelinePanel::setPlayhead);
    connect(timeline_, &TimelinePanel::seekRequested, this, [this](double t_s) {
        if (scrubbing_ && settings_.scrubAudio()) {
            transport_->scrub(t_s);
        } else {
            transport_->seek(t_s);
        }
    });
    connect(timeline_, &TimelinePanel::scrubbingChanged, this,
            [this](bool active) { scrubbing_ = active; });
    connect(preview_, &PreviewEngine::sourcesChanged, this, &MainWindow::updateVoiceActivity);
    connect(preview_, &PreviewEngine::sceneChanged, this,
            [this] { library_->setScene(preview_->scene()); });
    connect(library_, &LibraryPanel::templateActivated, this,
            [this](const TemplateName& name) { addTemplateClip(name.kind, name.name); });
    connect(library_, &LibraryPanel::libraryChanged, this, &MainWindow::fillMotionMenu);
    connect(library_, &LibraryPanel::libraryChanged, inspector_, &InspectorPanel::refresh);
    library_->setFaceProvider([this] {
        const std::shared_ptr<const ps::MotionSources> sources = preview_->sources();
        return sources != nullptr
                   ? ps::evaluateMotion(session_->motion(), *sources, transport_->position_s())
                   : ps::FaceState{};
    });
    connect(session_, &ProjectSession::changed, this,
            [this] { selection_->prune(session_->motion()); });
}

void MainWindow::updateVoiceActivity() {
    const std::shared_ptr<const ps::MotionSources> sources = preview_->sources();
    QVector<float> open;
    double rate = 0.0;
    if (sources != nullptr) {
        const ps::FaceTrack& track = sources->voice.track;
        rate = track.fps;
        open.reserve(qsizetype(track.frames.size()));
        for (const ps::FaceState& state : track.frames) {
            open.append(state.weights[size_t(ps::Blendshape::JawOpen)]);
        }
    }
    timeline_->setVoiceActivity(open, rate);
}

void MainWindow::restoreLayout() {
    const QByteArray geometry = settings_.windowGeometry();
    if (!geometry.isEmpty()) {
        restoreGeometry(geometry);
    }
    const QByteArray state = settings_.windowState(kLayoutVersion);
    if (!state.isEmpty()) {
        restoreState(state, kLayoutVersion);
    }
}

void MainWindow::saveLayout() {
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState(kLayoutVersion), kLayoutVersion);
}

void MainWindow::resetLayout() {
    for (QDockWidget* dock : docks_) {
        dock->setFloating(false);
        dock->show();
    }
    restoreState(default_layout_, kLayoutVersion);
    settings_.clearWindowLayout();
    statusBar()->showMessage(tr("The panels are back where they started."), kStatusMessage_ms);
}

MainWindow::~MainWindow() {
    // The transport bar holds a reference to the player, which members outlive only until here.
    delete transport_;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* open_photo = file->addAction(tr("Open &Photo…"), this, &MainWindow::browseForPhoto);
    open_photo->setObjectName(QStringLiteral("openPhotoAction"));
    open_photo->setShortcut(QKeySequence::Open);
    QAction* open_voice = file->addAction(tr("Open &Voice…"), this, &MainWindow::browseForAudio);
    open_voice->setObjectName(QStringLiteral("openVoiceAction"));
    open_voice->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addSeparator();
    createProjectMenu(file);
    file->addSeparator();
    export_action_ = file->addAction(tr("&Export MP4…"), this, &MainWindow::showExportDialog);
    export_action_->setObjectName(QStringLiteral("exportAction"));
    export_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction* undo = session_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = session_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(redo);
    edit->addSeparator();
    for (QAction* action : timeline_->editActions()) {
        // Window-wide, so they work wherever the focus is (text fields still take their keys).
        action->setShortcutContext(Qt::WindowShortcut);
        edit->addAction(action);
    }

    menuBar()->addMenu(createMotionMenu());
    menuBar()->addMenu(createViewMenu());
    menuBar()->addMenu(createPlaybackMenu());

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("settingsMenu"));
    QAction* preferences =
        settings->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    settings->addMenu(createLanguageMenu());

    menuBar()->addMenu(createHelpMenu());
}

QMenu* MainWindow::createHelpMenu() {
    auto* help = new QMenu(tr("&Help"), this);
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Portrait Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    return help;
}

void MainWindow::showShortcuts() {
    auto* dialog = new ShortcutsDialog(*menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showPreferences() {
    auto* dialog = new SettingsDialog(settings_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this,
            [this] { session_->setAutosaveInterval(settings_.autosaveInterval_s()); });
    dialog->open();
}

void MainWindow::fillRecentMenu() {
    recent_menu_->clear();
    const QStringList recent = settings_.recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        // &1 … &9 as accelerators, then the name, and the folder to tell same-named ones apart.
        const QString label = QStringLiteral("&%1 %2  (%3)")
                                  .arg(i + 1 < 10 ? QString::number(i + 1) : QString())
                                  .arg(QFileInfo(path).fileName(),
                                       QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        QAction* action = recent_menu_->addAction(label, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                settings_.removeRecentProject(path);
                showError(tr("Could not open %1").arg(QFileInfo(path).fileName()),
                          tr("%1 is no longer there.").arg(path));
                return;
            }
            openProject(path);
        });
        action->setData(path);
    }
    if (recent.isEmpty()) {
        recent_menu_->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    recent_menu_->addSeparator();
    recent_menu_->addAction(tr("&Clear Menu"), this, [this] { settings_.clearRecentProjects(); });
}

void MainWindow::rememberProject(const QString& path) {
    settings_.addRecentProject(path);
    fillRecentMenu();
}

QMenu* MainWindow::createViewMenu() {
    auto* view = new QMenu(tr("&View"), this);
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* fit = view->addAction(tr("Zoom to &Fit"), viewer_, &ViewerPanel::zoomToFit);
    fit->setObjectName(QStringLiteral("viewerFitAction"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* actual =
        view->addAction(tr("Zoom to &100 %"), viewer_, &ViewerPanel::zoomToActualSize);
    actual->setObjectName(QStringLiteral("viewerActualSizeAction"));
    actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addSeparator();
    QAction* mesh = view->addAction(tr("Show Face &Mesh"));
    mesh->setObjectName(QStringLiteral("showMeshAction"));
    mesh->setCheckable(true);
    mesh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(mesh, &QAction::toggled, viewer_, &ViewerPanel::setMeshVisible);
    QAction* split = view->addAction(tr("&Split View (Photo | Animated)"));
    split->setObjectName(QStringLiteral("splitViewAction"));
    split->setCheckable(true);
    split->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Backslash));
    connect(split, &QAction::toggled, viewer_, &ViewerPanel::setSplitView);
    QAction* stats = view->addAction(tr("Show Playback &Statistics"));
    stats->setObjectName(QStringLiteral("showStatisticsAction"));
    stats->setCheckable(true);
    connect(stats, &QAction::toggled, preview_controller_,
            &PreviewController::setStatisticsVisible);
    view->addSeparator();
    for (QAction* action : timeline_->viewActions()) {
        action->setShortcutContext(Qt::WindowShortcut);
        view->addAction(action);
    }
    view->addSeparator();
    for (QDockWidget* dock : docks_) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        view->addAction(toggle);
    }
    QAction* reset = view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    return view;
}

QMenu* MainWindow::createPlaybackMenu() {
    auto* playback = new QMenu(tr("&Playback"), this);
    playback->setObjectName(QStringLiteral("playbackMenu"));
    play_action_ =
        playback->addAction(tr("&Play/Pause"), transport_, &TransportBar::togglePlayback);
    play_action_->setObjectName(QStringLiteral("playAction"));
    play_action_->setShortcut(QKeySequence(Qt::Key_Space));
    const auto add = [this, playback](const QString& text, const char* name, QKeySequence key,
                                      auto slot) {
        QAction* action = playback->addAction(text, transport_, slot);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(key);
        return action;
    };
    playback->addSeparator();
    add(tr("Shuttle &Backward"), "shuttleBackwardAction", QKeySequence(Qt::Key_J),
        &TransportBar::shuttleBackward);
    add(tr("&Stop Shuttle"), "shuttleStopAction", QKeySequence(Qt::Key_K), &TransportBar::pause);
    add(tr("Shuttle &Forward"), "shuttleForwardAction", QKeySequence(Qt::Key_L),
        &TransportBar::shuttleForward);
    playback->addSeparator();
    add(tr("Previous Frame"), "previousFrameAction", QKeySequence(Qt::Key_Left),
        [this] { transport_->stepFrames(-1, preview_controller_->frameDuration_s()); });
    add(tr("Next Frame"), "nextFrameAction", QKeySequence(Qt::Key_Right),
        [this] { transport_->stepFrames(1, preview_controller_->frameDuration_s()); });
    add(tr("Back One Second"), "backSecondAction", QKeySequence(Qt::SHIFT | Qt::Key_Left),
        [this] { transport_->stepSeconds(-1.0); });
    add(tr("Forward One Second"), "forwardSecondAction", QKeySequence(Qt::SHIFT | Qt::Key_Right),
        [this] { transport_->stepSeconds(1.0); });
    add(tr("Go to &Start"), "goToStartAction", QKeySequence(Qt::Key_Home),
        &TransportBar::goToStart);
    add(tr("Go to &End"), "goToEndAction", QKeySequence(Qt::Key_End), &TransportBar::goToEnd);
    return playback;
}

QMenu* MainWindow::createLanguageMenu() {
    auto* menu = new QMenu(tr("&Language"), this);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    // Each language is named in itself, so that someone who cannot read the current one can
    // still find their own.
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("System Default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
    for (const auto& [code, label] : choices) {
        QAction* action = menu->addAction(label);
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == settings_.language());
        group->addAction(action);
    }
    menu->addSeparator();
    QAction* note = menu->addAction(tr("Applies after restarting Portrait Studio"));
    note->setEnabled(false);
    connect(group, &QActionGroup::triggered, this, &MainWindow::onLanguageChosen);
    return menu;
}

void MainWindow::createProjectMenu(QMenu* file) {
    QAction* new_project = file->addAction(tr("&New Project"), this, &MainWindow::newProject);
    new_project->setObjectName(QStringLiteral("newProjectAction"));
    new_project->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("Open P&roject…"), this, &MainWindow::browseForProject);
    open->setObjectName(QStringLiteral("openProjectAction"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    recent_menu_ = file->addMenu(tr("Open &Recent"));
    recent_menu_->setObjectName(QStringLiteral("recentMenu"));
    connect(recent_menu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction* save =
        file->addAction(tr("&Save Project"), this, &MainWindow::saveProjectInteractively);
    save->setObjectName(QStringLiteral("saveProjectAction"));
    save->setShortcut(QKeySequence::Save);
    QAction* save_as =
        file->addAction(tr("Save Project &As…"), this, &MainWindow::browseForProjectSaveAs);
    save_as->setObjectName(QStringLiteral("saveProjectAsAction"));
    save_as->setShortcut(QKeySequence::SaveAs);
}

QMenu* MainWindow::createMotionMenu() {
    motion_menu_ = new QMenu(tr("&Motion"), this);
    motion_menu_->setObjectName(QStringLiteral("motionMenu"));
    fillMotionMenu();
    return motion_menu_;
}

void MainWindow::fillMotionMenu() {
    motion_menu_->clear();
    const std::pair<ps::TemplateKind, QString> kinds[] = {
        {ps::TemplateKind::Expression, tr("Add &Expression")},
        {ps::TemplateKind::Pose, tr("Add &Pose")},
    };
    for (const auto& [kind, title] : kinds) {
        QMenu* menu = motion_menu_->addMenu(title);
        menu->setObjectName(kind == ps::TemplateKind::Pose ? QStringLiteral("addPoseMenu")
                                                           : QStringLiteral("addExpressionMenu"));
        for (const std::string& name : templates_.names(kind)) {
            const QString file_name = QString::fromStdString(name);
            QAction* action = menu->addAction(
                templateDisplayName(name), this,
                [this, kind = kind, file_name] { addTemplateClip(kind, file_name); });
            action->setData(file_name);
        }
    }
    motion_menu_->addSeparator();
    motion_menu_->addAction(library_->saveFaceAction());
}

bool MainWindow::addTemplateClip(ps::TemplateKind kind, const QString& name) {
    const std::optional<ps::ExpressionTemplate> found = templates_.find(kind, name.toStdString());
    if (!found) {
        return false;
    }
    const ps::ExpressionClip clip = templateClip(*found, transport_->position_s());
    QString problem;
    if (!session_->apply(ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{clip}}, &problem)) {
        showError(tr("Could not add %1").arg(name), problem);
        return false;
    }
    statusBar()->showMessage(
        tr("Added %1 at %2")
            .arg(templateDisplayName(name.toStdString()), TransportBar::formatTime(clip.start_s)),
        kStatusMessage_ms);
    return true;
}

void MainWindow::newProject() {
    session_->reset();
    showProject();
}

std::vector<std::string> MainWindow::showProject() {
    photo_.reset();
    clip_.reset();
    viewer_->setImage(QImage());
    transport_->setAudio(nullptr);
    preview_->setPhoto(nullptr);
    preview_->setAudio(nullptr);
    timeline_->setAudio(nullptr);
    selection_->clear();
    const ps::Project& project = session_->project();
    const std::vector<std::string> missing = ps::missingMedia(project);
    const auto present = [&missing](const std::string& path) {
        return !path.empty() && std::find(missing.begin(), missing.end(), path) == missing.end();
    };
    if (present(project.photo.path)) {
        bridge_->loadPhoto(QString::fromStdString(project.photo.path));
    }
    if (present(project.audio.path)) {
        bridge_->loadAudio(QString::fromStdString(project.audio.path));
    }
    updateActions();
    updateTitle();
    return missing;
}

void MainWindow::browseForProject() {
    auto* dialog = new QFileDialog(this, tr("Open Project"), settings_.lastOpenFolder(),
                                   tr("Portrait Studio projects (*.pstudio);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openProject);
    dialog->open();
}

bool MainWindow::openProject(const QString& path) {
    QString problem;
    if (!session_->open(path, &problem)) {
        showError(tr("Could not open %1").arg(QFileInfo(path).fileName()), problem);
        return false;
    }
    settings_.setLastOpenFolder(QFileInfo(path).absolutePath());
    const std::vector<std::string> missing = showProject();
    rememberProject(session_->path());
    if (!missing.empty()) {
        showMissingMedia(missing);
    }
    updateTitle();
    emit projectOpened(session_->path());
    return true;
}

bool MainWindow::saveProject(const QString& path) {
    QString problem;
    if (!session_->save(path, &problem)) {
        showError(tr("Could not save %1").arg(QFileInfo(path).fileName()), problem);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), kStatusMessage_ms);
    rememberProject(session_->path());
    return true;
}

bool MainWindow::saveProjectInteractively() {
    if (session_->path().isEmpty()) {
        browseForProjectSaveAs();
        return false;  // saved later, when the dialog answers
    }
    return saveProject(session_->path());
}

void MainWindow::browseForProjectSaveAs() {
    auto* dialog = new QFileDialog(this, tr("Save Project"), settings_.lastOpenFolder(),
                                   tr("Portrait Studio projects (*.pstudio)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pstudio"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& path) { saveProject(path); });
    dialog->open();
}

void MainWindow::showMissingMedia(const std::vector<std::string>& missing) {
    QStringList paths;
    for (const std::string& path : missing) {
        paths << QString::fromStdString(path);
    }
    if (missing_dialog_ != nullptr) {
        missing_dialog_->close();
    }
    missing_dialog_ = new MissingMediaDialog(paths, settings_.lastOpenFolder(), this);
    missing_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(missing_dialog_, &MissingMediaDialog::relocated, this, &MainWindow::relocateMedia);
    missing_dialog_->open();
}

MissingMediaDialog* MainWindow::missingMediaDialog() const {
    return missing_dialog_.data();
}

void MainWindow::relocateMedia(const QString& missing_path, const QString& found) {
    const ps::Project& project = session_->project();
    if (missing_path.toStdString() == project.photo.path) {
        session_->setPhoto(found);
        bridge_->loadPhoto(found);
    } else if (missing_path.toStdString() == project.audio.path) {
        // The duration is set again from the file once it is decoded.
        session_->setAudio(found, project.motion.duration_s);
        bridge_->loadAudio(found);
    }
    statusBar()->showMessage(tr("Found %1").arg(QFileInfo(found).fileName()), kStatusMessage_ms);
}

QMessageBox* MainWindow::recoveryBox() const {
    return recovery_box_.data();
}

void MainWindow::checkForRecovery() {
    session_->findRecoveries();
}

void MainWindow::offerRecovery(const std::vector<ps::Recovery>& recoveries) {
    if (recoveries.empty() || recovery_box_ != nullptr) {
        return;
    }
    const ps::Recovery newest = recoveries.front();
    const QString name = newest.original_path.empty()
                             ? tr("an unsaved project")
                             : QFileInfo(QString::fromStdString(newest.original_path)).fileName();
    const QDateTime saved =
        QDateTime::fromString(QString::fromStdString(newest.saved_at), Qt::ISODate);
    recovery_box_ = new QMessageBox(QMessageBox::Question, kProductName,
                                    tr("Portrait Studio did not close properly last time."),
                                    QMessageBox::NoButton, this);
    recovery_box_->setObjectName(QStringLiteral("recoveryBox"));
    recovery_box_->setInformativeText(
        tr("Work on %1 was autosaved at %2. Recover it?")
            .arg(name, QLocale().toString(saved.toLocalTime(), QLocale::ShortFormat)));
    QPushButton* recover = recovery_box_->addButton(tr("&Recover"), QMessageBox::AcceptRole);
    recover->setObjectName(QStringLiteral("recoverButton"));
    QPushButton* discard = recovery_box_->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    recovery_box_->addButton(tr("Decide &Later"), QMessageBox::RejectRole);
    recovery_box_->setAttribute(Qt::WA_DeleteOnClose);
    connect(recover, &QPushButton::clicked, this, [this, newest] {
        QString problem;
        if (!session_->restore(newest, &problem)) {
            showError(tr("Could not recover the project"), problem);
            return;
        }
        showProject();
        statusBar()->showMessage(tr("Recovered; save the project to keep it."));
    });
    connect(discard, &QPushButton::clicked, this, [this, newest] { session_->discard(newest); });
    recovery_box_->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!session_->isModified()) {
        saveLayout();
        event->accept();
        return;
    }
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, kProductName, tr("Save the changes to this project before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel ||
        (answer == QMessageBox::Save && !saveProjectInteractively())) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::openPhoto(const QString& path) {
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    bridge_->loadPhoto(path);
}

void MainWindow::openAudio(const QString& path) {
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    bridge_->loadAudio(path);
}

bool MainWindow::looksLikeImage(const QString& path) {
    static const QStringList kImageSuffixes = {QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                               QStringLiteral("png"), QStringLiteral("webp"),
                                               QStringLiteral("bmp"), QStringLiteral("tif"),
                                               QStringLiteral("tiff")};
    return kImageSuffixes.contains(QFileInfo(path).suffix().toLower());
}

void MainWindow::openFiles(const QStringList& paths) {
    // Only one photo and one voice can be open: of several dropped, the last of each wins, and
    // loading the others would only be thrown away.
    QString photo;
    QString voice;
    for (const QString& path : paths) {
        if (QFileInfo(path).suffix().toLower() == QStringLiteral("pstudio")) {
            openProject(path);
            return;  // a project brings its own photo and voice
        }
        (looksLikeImage(path) ? photo : voice) = path;
    }
    if (!photo.isEmpty()) {
        openPhoto(photo);
    }
    if (!voice.isEmpty()) {
        openAudio(voice);
    }
}

void MainWindow::browseForPhoto() {
    auto* dialog =
        new QFileDialog(this, tr("Open Photo"), settings_.lastOpenFolder(),
                        tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openPhoto);
    dialog->open();
}

void MainWindow::browseForAudio() {
    auto* dialog = new QFileDialog(this, tr("Open Voice"), settings_.lastOpenFolder(),
                                   tr("Audio and video (*.wav *.mp3 *.flac *.ogg *.opus *.m4a "
                                      "*.aac *.mp4 *.mov *.mkv *.webm);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openAudio);
    dialog->open();
}

void MainWindow::onPhotoLoaded(const QImage& image, PhotoPtr photo) {
    photo_ = std::move(photo);
    // A project's own photo loading is not a change to the project.
    if (QFileInfo(QString::fromStdString(photo_->path)).absoluteFilePath().toStdString() !=
        session_->project().photo.path) {
        session_->setPhoto(QString::fromStdString(photo_->path));
    }
    viewer_->setImage(image);
    preview_->setPhoto(photo_);
    const QString path = QString::fromStdString(photo_->path);
    settings_.setLastOpenFolder(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Opened %1 (%2 × %3)")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(image.width())
                                 .arg(image.height()),
                             kStatusMessage_ms);
    updateActions();
    updateTitle();
    emit photoLoaded(path);
}

void MainWindow::onAudioLoaded(AudioClipPtr clip) {
    clip_ = std::move(clip);
    if (QFileInfo(QString::fromStdString(clip_->source.path)).absoluteFilePath().toStdString() !=
        session_->project().audio.path) {
        session_->setAudio(QString::fromStdString(clip_->source.path), clip_->duration_s());
    }
    transport_->setAudio(clip_);
    preview_->setAudio(clip_);
    timeline_->setAudio(clip_);
    const QString path = QString::fromStdString(clip_->source.path);
    settings_.setLastOpenFolder(QFileInfo(path).absolutePath());
    statusBar()->showMessage(
        tr("Opened %1 (%2)")
            .arg(QFileInfo(path).fileName(), TransportBar::formatTime(clip_->duration_s())),
        kStatusMessage_ms);
    updateActions();
    updateTitle();
    emit audioLoaded(path);
}

void MainWindow::onLoadFailed(const QString& path, const QString& message) {
    showError(tr("Could not open %1").arg(QFileInfo(path).fileName()), message);
    emit loadFailed(path, message);
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(message);
    // Non-modal and reused: a drop of several bad files shows the latest problem in one box
    // rather than a stack of them, and nothing waits for the user to dismiss it.
    if (error_box_ == nullptr) {
        error_box_ =
            new QMessageBox(QMessageBox::Warning, kProductName, QString(), QMessageBox::Ok, this);
        error_box_->setObjectName(QStringLiteral("errorBox"));
        error_box_->setAttribute(Qt::WA_DeleteOnClose);
        error_box_->setWindowModality(Qt::NonModal);
    }
    error_box_->setText(title);
    error_box_->setInformativeText(message);
    error_box_->show();
    error_box_->raise();
}

void MainWindow::onLanguageChosen(QAction* action) {
    const QString code = action->data().toString();
    if (code == settings_.language()) {
        return;
    }
    settings_.setLanguage(code);
    statusBar()->showMessage(
        tr("The new language applies the next time you start Portrait Studio."));
}

void MainWindow::showExportDialog() {
    if (photo_ == nullptr || clip_ == nullptr) {
        return;
    }
    if (export_dialog_ != nullptr) {
        if (export_dialog_->isExporting()) {
            export_dialog_->raise();
            export_dialog_->activateWindow();
            return;
        }
        // Its snapshot may be of an older photo or voice.
        export_dialog_->close();
    }
    export_dialog_ =
        new ExportDialog(*bridge_, settings_, photo_, clip_,
                         std::make_shared<const ps::MotionDocument>(session_->motion()), this);
    export_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    // Not modal: the studio stays usable (playback, opening files) while an export runs.
    export_dialog_->show();
}

ExportDialog* MainWindow::exportDialog() const {
    return export_dialog_.data();
}

void MainWindow::showAbout() {
    auto* box = new QMessageBox(
        QMessageBox::Information, tr("About Portrait Studio"),
        QStringLiteral("<b>%1</b> %2").arg(kProductName, QStringLiteral(PS_VERSION)),
        QMessageBox::Ok, this);
    box->setInformativeText(
        tr("Audio-driven portrait animation: give it a photo and a voice, and it brings the "
           "portrait to life."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateActions() {
    export_action_->setEnabled(photo_ != nullptr && clip_ != nullptr);
    play_action_->setEnabled(clip_ != nullptr);
}

void MainWindow::updateTitle() {
    QStringList names;
    if (!session_->path().isEmpty()) {
        names << QFileInfo(session_->path()).fileName();
    } else {
        if (photo_ != nullptr) {
            names << fileNameOf(photo_->path);
        }
        if (clip_ != nullptr) {
            names << fileNameOf(clip_->source.path);
        }
    }
    // "[*]" is where Qt shows the modified marker.
    setWindowTitle(
        names.isEmpty()
            ? kProductName
            : QStringLiteral("%1[*] — %2").arg(names.join(QStringLiteral(" + ")), kProductName));
    setWindowModified(session_->isModified());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool any_local =
        std::any_of(urls.cbegin(), urls.cend(), [](const QUrl& url) { return url.isLocalFile(); });
    if (any_local) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    openFiles(paths);
    event->acceptProposedAction();
}

}  // namespace ps::ui
