#include "ui/MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "motion/ApplyFaceState.h"
#include "motion/BakeChannel.h"
#include "motion/MotionChannel.h"
#include "motion/MotionCheck.h"
#include "motion/MotionEdit.h"
#include "motion/MotionEvaluator.h"
#include "motion/SmoothKeys.h"
#include "project/ProjectFile.h"
#include "render/PreviewScene.h"
#include "ui/BlendshapePanel.h"
#include "ui/ExportDialog.h"
#include "ui/FaceViewPanel.h"
#include "ui/GraphEditorPanel.h"
#include "ui/HeadPoseController.h"
#include "ui/InspectorPanel.h"
#include "ui/LandmarkEditController.h"
#include "ui/LibraryPanel.h"
#include "ui/MissingMediaDialog.h"
#include "ui/PreviewController.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/Settings.h"
#include "ui/TemplateDrag.h"
#include "ui/TemplateNames.h"
#include "ui/TimelinePanel.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

namespace ps::ui {

namespace {

const QString kProductName = QStringLiteral("Portrait Studio");

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
      selection_(new SelectionModel(this)),
      landmark_editor_(new LandmarkEditController(*session_, *preview_, *preview_controller_,
                                                  *transport_, *viewer_, this)) {
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

QDockWidget* MainWindow::addTabbedPanelDock(QWidget* panel, const QString& title, const char* name,
                                            QDockWidget* beside) {
    QDockWidget* dock = addPanelDock(panel, title, name, dockWidgetArea(beside));
    tabifyDockWidget(beside, dock);
    beside->raise();  // the place's first panel stays in front
    return dock;
}

void MainWindow::createDocks() {
    library_ = new LibraryPanel(templates_, this);
    timeline_ = new TimelinePanel(*session_, *selection_, templates_, this);
    inspector_ = new InspectorPanel(*session_, *selection_, templates_, this);
    QDockWidget* library_dock =
        addPanelDock(library_, tr("Library"), "libraryDock", Qt::LeftDockWidgetArea);
    QDockWidget* inspector_dock =
        addPanelDock(inspector_, tr("Inspector"), "inspectorDock", Qt::RightDockWidgetArea);
    blendshapes_ = new BlendshapePanel(
        *session_, [this] { return preview_->sources(); }, this);
    // The 52 shapes' sliders beside the inspector, a tab away, as Audio2Face's face panel.
    addTabbedPanelDock(blendshapes_, tr("Blendshapes"), "blendshapesDock", inspector_dock);
    QDockWidget* timeline_dock =
        addPanelDock(timeline_, tr("Timeline"), "timelineDock", Qt::BottomDockWidgetArea);
    graph_ = new GraphEditorPanel(
        *session_, *selection_, [this] { return preview_->sources(); }, this);
    // The graph editor shares the timeline's place, a tab away, as in Blender and Kdenlive.
    addTabbedPanelDock(graph_, tr("Graph Editor"), "graphEditorDock", timeline_dock);
    head_pose_ =
        new HeadPoseController(*session_, *preview_, *preview_controller_, *transport_, this);
    face_view_ = new FaceViewPanel(this);
    // The head in 3D shares the library's place, a tab away; float it out to work beside it.
    face_view_dock_ = addTabbedPanelDock(face_view_, tr("3D Face"), "faceViewDock", library_dock);
    // The timeline spans the window's width, under the side docks' ends, as in video editors.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    resizeDocks({library_dock, inspector_dock}, {280, 400}, Qt::Horizontal);
    resizeDocks({timeline_dock}, {300}, Qt::Vertical);
}

void MainWindow::connectPanels() {
    connect(transport_, &TransportBar::positionChanged, timeline_, &TimelinePanel::setPlayhead);
    connect(transport_, &TransportBar::positionChanged, graph_, &GraphEditorPanel::setPlayhead);
    connect(transport_, &TransportBar::positionChanged, blendshapes_, &BlendshapePanel::setTime);
    connect(preview_, &PreviewEngine::sourcesChanged, blendshapes_, &BlendshapePanel::refresh);
    connect(graph_, &GraphEditorPanel::seekRequested, transport_, &TransportBar::seek);
    connect(preview_, &PreviewEngine::sourcesChanged, graph_, &GraphEditorPanel::refreshSources);
    connect(landmark_editor_, &LandmarkEditController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kStatusMessage_ms); });
    connectChecks();
    connectHeadPose();
    connectVisemes();
    connect(graph_, &GraphEditorPanel::bakeRequested, this, &MainWindow::bakeChannel);
    connect(graph_, &GraphEditorPanel::smoothRequested, this, &MainWindow::smoothKeys);
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

void MainWindow::bakeChannel(int channel, double from_s, double to_s) {
    const std::shared_ptr<const ps::MotionSources> sources = preview_->sources();
    if (sources == nullptr) {
        statusBar()->showMessage(tr("Bake needs the voice listened to first."), kStatusMessage_ms);
        return;
    }
    // The export's frames; a bake over the whole take stops at its last frame.
    to_s = std::min(to_s, session_->motion().duration_s);
    const ps::Result<ps::ChannelBake> baked =
        ps::bakeChannel(session_->motion(), *sources, channel, from_s, to_s,
                        session_->project().fps, ps::defaultBakeTolerance(channel));
    QString problem;
    if (!baked || !session_->apply(baked->edit, &problem)) {
        showError(
            tr("Could not bake %1").arg(QString::fromUtf8(ps::motionChannelName(channel).data())),
            baked ? problem : QString::fromStdString(baked.error().message));
        return;
    }
    statusBar()->showMessage(tr("Baked %1: %2 frames into %3 keys")
                                 .arg(QString::fromUtf8(ps::motionChannelName(channel).data()))
                                 .arg(baked->frame_count)
                                 .arg(baked->key_count),
                             kStatusMessage_ms);
}

void MainWindow::smoothKeys(ps::ElementId curve, const std::vector<double>& key_times) {
    const ps::Result<ps::SmoothedKeys> smoothed =
        ps::smoothKeys(session_->motion(), curve, key_times, ps::kDefaultSmoothCutoff_hz);
    QString problem;
    if (!smoothed || !session_->apply(smoothed->edit, &problem)) {
        showError(tr("Could not smooth the keys"),
                  smoothed ? problem : QString::fromStdString(smoothed.error().message));
        return;
    }
    statusBar()->showMessage(tr("Smoothed %1 keys").arg(smoothed->smoothed), kStatusMessage_ms);
}

void MainWindow::connectChecks() {
    // The check lane: cheap (under half a millisecond for the sample's 7 s), so on the UI thread,
    // but once per event-loop turn however many changes a drag makes.
    auto* recheck = new QTimer(this);
    recheck->setSingleShot(true);
    recheck->setInterval(0);
    connect(recheck, &QTimer::timeout, this, [this] {
        const std::shared_ptr<const ps::PreviewScene> scene = preview_->scene();
        const std::shared_ptr<const ps::MotionSources> sources = preview_->sources();
        if (scene == nullptr || sources == nullptr) {
            timeline_->setMotionChecks({});
            return;
        }
        timeline_->setMotionChecks(ps::checkMotion(session_->playbackMotion(), *sources,
                                                   session_->project().fps, scene->fit()));
    });
    const auto start = [recheck] { recheck->start(); };
    connect(session_, &ProjectSession::changed, this, start);
    connect(session_, &ProjectSession::frameRateChanged, this, start);
    connect(session_, &ProjectSession::laneStatesChanged, this, start);
    connect(preview_, &PreviewEngine::sourcesChanged, this, start);
    connect(preview_, &PreviewEngine::sceneChanged, this, start);
    connect(transport_, &TransportBar::positionChanged, this, &MainWindow::updateOnionSkin);
    connect(session_, &ProjectSession::changed, this,
            [this] { updateOnionSkin(transport_->position_s()); });
}

void MainWindow::updateOnionSkin(double t_s) {
    if (!viewer_->isOnionSkinVisible()) {
        return;
    }
    const std::shared_ptr<const ps::PreviewScene> scene = preview_->scene();
    const std::shared_ptr<const ps::MotionSources> sources = preview_->sources();
    if (scene == nullptr || sources == nullptr) {
        viewer_->setOnionSkin({}, {});
        return;
    }
    // The meshes of the frames either side of the one shown, as the export would draw them.
    const double frame_s = preview_controller_->frameDuration_s();
    const double shown_s = preview_controller_->frameTimeAt(t_s);
    const ps::MotionDocument motion = session_->playbackMotion();
    const auto landmarksAt = [&](double t) {
        const ps::FaceFit fit =
            ps::applyFaceState(scene->fit(), ps::evaluateMotion(motion, *sources, t, frame_s));
        QVector<QPointF> points;
        points.reserve(qsizetype(fit.landmarks2d.size()));
        for (const glm::vec2& p : fit.landmarks2d) {
            points.append(QPointF(p.x, p.y));
        }
        return points;
    };
    constexpr int kOnionFrames = 3;
    QVector<QVector<QPointF>> previous, next;
    for (int i = 1; i <= kOnionFrames; ++i) {
        if (shown_s - i * frame_s >= 0.0) {
            previous.append(landmarksAt(shown_s - i * frame_s));
        }
        if (shown_s + i * frame_s < motion.duration_s) {
            next.append(landmarksAt(shown_s + i * frame_s));
        }
    }
    viewer_->setOnionSkin(previous, next);
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
    // The session is destroyed with the window's children, after this body; its undo stack says
    // "changed" as it clears, and nothing of this window may answer then.
    disconnect(session_, nullptr, this, nullptr);
    // The head-pose controller answers the session too, and reads the transport as it does.
    delete head_pose_;
    // The transport bar holds a reference to the player, which members outlive only until here.
    delete transport_;
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
    // What the viewer shows: lanes muted on the timeline are left out of the video too.
    export_dialog_ = new ExportDialog(
        *bridge_, settings_, photo_, clip_,
        std::make_shared<const ps::MotionDocument>(session_->playbackMotion()), this);
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
