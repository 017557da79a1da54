// MainWindow's menus: what each contains and which panel or dialog each entry reaches. Kept apart
// from MainWindow.cpp, which arranges the panels and follows the project.
#include <QActionGroup>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QUndoStack>

#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/PreviewController.h"
#include "ui/ProjectSession.h"
#include "ui/Settings.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TemplateNames.h"
#include "ui/TimelinePanel.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

namespace ps::ui {

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
    QAction* compare = view->addAction(tr("&Compare with Voice Only (A | B)"));
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setCheckable(true);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backslash));
    compare->setToolTip(tr("Shows the voice's own motion, before any edit, beside the edit"));
    connect(compare, &QAction::toggled, preview_controller_, &PreviewController::setCompareEnabled);
    QAction* onion = view->addAction(tr("&Onion Skin"));
    onion->setObjectName(QStringLiteral("onionSkinAction"));
    onion->setCheckable(true);
    onion->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O | Qt::ALT));
    onion->setToolTip(tr("The face's outlines three frames back (blue) and ahead (orange)"));
    connect(onion, &QAction::toggled, this, [this](bool on) {
        viewer_->setOnionSkinVisible(on);
        updateOnionSkin(transport_->position_s());
    });
    createHeadPoseGizmoAction(view);
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
    if (sculpt_menu_ == nullptr) {
        sculpt_menu_ = createSculptMenu();
    }
    motion_menu_->addMenu(sculpt_menu_);
    QAction* transcript =
        motion_menu_->addAction(tr("&Transcript…"), this, &MainWindow::editTranscript);
    transcript->setObjectName(QStringLiteral("transcriptAction"));
    transcript->setToolTip(
        tr("What the voice says: labels the timeline's mouth shapes with words"));
    motion_menu_->addSeparator();
    motion_menu_->addAction(library_->saveFaceAction());
}

QMenu* MainWindow::createSculptMenu() {
    auto* menu = new QMenu(tr("&Sculpt Landmarks"), this);
    menu->setObjectName(QStringLiteral("sculptMenu"));
    QAction* sculpt = menu->addAction(tr("&Sculpt Mode"));
    sculpt->setObjectName(QStringLiteral("sculptModeAction"));
    sculpt->setCheckable(true);
    sculpt->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    sculpt->setToolTip(tr("Drag the face's landmarks in the viewer; the wheel sets the radius"));
    connect(sculpt, &QAction::toggled, viewer_, &ViewerPanel::setSculptMode);
    connect(viewer_, &ViewerPanel::sculptModeChanged, sculpt, &QAction::setChecked);
    QAction* mirror = menu->addAction(tr("&Mirror Both Sides"));
    mirror->setObjectName(QStringLiteral("sculptMirrorAction"));
    mirror->setCheckable(true);
    connect(mirror, &QAction::toggled, viewer_, &ViewerPanel::setSculptMirror);
    menu->addSeparator();
    auto* scope = new QActionGroup(menu);
    QAction* keyed = menu->addAction(tr("&Key at the Playhead"));
    keyed->setObjectName(QStringLiteral("sculptKeyedAction"));
    QAction* whole = menu->addAction(tr("Whole &Take"));
    whole->setObjectName(QStringLiteral("sculptWholeTakeAction"));
    for (QAction* action : {keyed, whole}) {
        action->setCheckable(true);
        scope->addAction(action);
    }
    (viewer_->sculptScope() == SculptScope::WholeTake ? whole : keyed)->setChecked(true);
    connect(keyed, &QAction::triggered, viewer_,
            [this] { viewer_->setSculptScope(SculptScope::KeyedAtPlayhead); });
    connect(whole, &QAction::triggered, viewer_,
            [this] { viewer_->setSculptScope(SculptScope::WholeTake); });
    menu->addSeparator();
    // What a drag takes hold of; the viewer's keys 0..6 pick them too.
    auto* regions = new QActionGroup(menu);
    std::vector<QAction*> region_actions;
    for (int i = 0; i < kSculptRegionCount; ++i) {
        QAction* action = menu->addAction(LandmarkEditTool::regionName(SculptRegion(i)));
        action->setCheckable(true);
        action->setData(i);
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + i)));
        regions->addAction(action);
        region_actions.push_back(action);
        connect(action, &QAction::triggered, viewer_,
                [this, i] { viewer_->setSculptRegion(SculptRegion(i)); });
    }
    const auto show_settings = [this, region_actions, mirror, keyed, whole] {
        region_actions[size_t(viewer_->sculptRegion())]->setChecked(true);
        mirror->setChecked(viewer_->isSculptMirror());
        (viewer_->sculptScope() == SculptScope::WholeTake ? whole : keyed)->setChecked(true);
    };
    show_settings();
    connect(viewer_, &ViewerPanel::sculptSettingsChanged, menu, show_settings);
    return menu;
}

}  // namespace ps::ui
