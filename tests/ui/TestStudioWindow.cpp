// The studio as a creator uses it, panels together: playing the samples moves the face in the
// viewer, scrubbing shows that time's frame, an inspector edit shows in the viewer, a template
// dragged from the library lands on the timeline at the drop time, the docks come back where
// they were after a restart, the shortcut list, recent projects and missing files work, and
// the Chinese interface has no string left in English.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

#include "FrameCompare.h"

#include "motion/MotionEvaluator.h"
#include "project/ProjectFile.h"
#include "ui/ExportDialog.h"
#include "ui/GraphEditorPanel.h"
#include "ui/InspectorPanel.h"
#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/MissingMediaDialog.h"
#include "ui/PreviewController.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/Settings.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TemplateDrag.h"
#include "ui/TimelinePanel.h"
#include "ui/TimelineView.h"
#include "ui/Translations.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

using ps::ui::MainWindow;

using ps::test::meanDifference;
using ps::test::mouthBox;

namespace {

const QString kPhoto = QStringLiteral(PS_SAMPLES_DIR "/astronaut.png");
const QString kVoice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");
constexpr int kTimeout_ms = 60000;

void saveArtifact(QWidget* widget, const char* name) {
    const QString folder = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (!folder.isEmpty()) {
        widget->grab().save(QDir(folder).filePath(QString::fromLatin1(name)));
    }
}

}  // namespace

class TestStudioWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void playingMovesTheMouthInTheViewer();
    void scrubbingShowsThatTimesFrame();
    void inspectorEditShowsInTheViewer();
    void templateDraggedFromTheLibraryLandsAtTheDropTime();
    void mutedLanesAreLeftOutOfTheExport();
    void graphEditorBakesTheVoicesJaw();
    void compareShowsTheVoiceBesideTheEdit();
    void headPoseGizmoKeysYawInTheWindow();
    void layoutIsRestoredAfterARestart();
    void resetLayoutBringsClosedDocksBack();
    void shortcutsDialogListsTheShortcuts();
    void recentProjectsAreOffered();
    void missingMediaCanBeLocated();
    void chineseInterfaceHasNoEnglishLeft();

private:
    std::unique_ptr<MainWindow> makeWindow();
    void loadSamplesAndWaitForThePreview(MainWindow& window);
    // The frame the viewer shows once the preview has drawn the frame at `t_s`.
    void waitForFrameAt(MainWindow& window, double t_s);

    QTemporaryDir dir_;
    std::unique_ptr<QSettings> store_;
    std::unique_ptr<ps::ui::Settings> settings_;
    std::unique_ptr<MainWindow> window_;
    double last_frame_t_ = -1.0;
};

void TestStudioWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
}

std::unique_ptr<MainWindow> TestStudioWindow::makeWindow() {
    auto window = std::make_unique<MainWindow>(*settings_, ps::AudioOutput::Silent);
    connect(window->preview(), &ps::ui::PreviewEngine::frameReady, this,
            [this](const QImage&, double t_s, const QVector<QPointF>&) { last_frame_t_ = t_s; });
    return window;
}

void TestStudioWindow::init() {
    QFile::remove(dir_.filePath(QStringLiteral("settings.ini")));
    store_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("settings.ini")),
                                         QSettings::IniFormat);
    settings_ = std::make_unique<ps::ui::Settings>(store_.get());
    settings_->setDataFolder(dir_.filePath(QStringLiteral("data")));
    settings_->setLastExportFolder(dir_.path());
    last_frame_t_ = -1.0;
    window_ = makeWindow();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void TestStudioWindow::cleanup() {
    window_.reset();
    settings_.reset();
    store_.reset();
}

void TestStudioWindow::loadSamplesAndWaitForThePreview(MainWindow& window) {
    QSignalSpy photo(&window, &MainWindow::photoLoaded);
    QSignalSpy audio(&window, &MainWindow::audioLoaded);
    window.openPhoto(kPhoto);
    window.openAudio(kVoice);
    QTRY_VERIFY_WITH_TIMEOUT(photo.count() == 1 && audio.count() == 1, kTimeout_ms);
    ps::ui::PreviewEngine* preview = window.preview();
    QTRY_VERIFY_WITH_TIMEOUT(preview->hasScene() && !preview->isAnalysingVoice() &&
                                 preview->sources() != nullptr &&
                                 !preview->sources()->voice.track.frames.empty(),
                             kTimeout_ms);
    QTRY_VERIFY_WITH_TIMEOUT(window.viewer()->hasFrame(), kTimeout_ms);
}

void TestStudioWindow::waitForFrameAt(MainWindow& window, double t_s) {
    const double frame_t = window.previewController()->frameTimeAt(t_s);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(last_frame_t_ - frame_t) < 1e-9, kTimeout_ms);
}

void TestStudioWindow::playingMovesTheMouthInTheViewer() {
    loadSamplesAndWaitForThePreview(*window_);
    ps::ui::ViewerPanel* viewer = window_->viewer();
    const QImage photo = viewer->photo().convertToFormat(QImage::Format_RGB32);
    double most = 0.0;
    int frames = 0;
    QImage previous;
    int changes = 0;
    connect(window_->preview(), &ps::ui::PreviewEngine::frameReady, this,
            [&](const QImage& frame, double, const QVector<QPointF>& landmarks) {
                ++frames;
                most = std::max(most, meanDifference(frame, photo, mouthBox(landmarks)));
                if (!previous.isNull() && previous != frame) {
                    ++changes;
                }
                previous = frame;
            });
    window_->findChild<QAction*>(QStringLiteral("playAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window_->transport()->position_s() > 2.5, kTimeout_ms);
    const ps::ui::PlaybackStatistics& stats = window_->previewController()->statistics();
    const double frame_s = window_->previewController()->frameDuration_s();
    qInfo(
        "playback: %llu frames shown, %llu dropped, picture at most %.1f ms outside the sound's "
        "frame",
        (unsigned long long)stats.shown(), (unsigned long long)stats.skipped(),
        stats.worstOffset_s() * 1000.0);
    // Audio and picture within one frame of each other.
    QVERIFY(stats.worstOffset_s() < frame_s);
    // Mid-playback, as the screenshot in the note shows it.
    saveArtifact(window_.get(), "window-playing.png");
    window_->transport()->pause();
    qInfo(
        "%d frames during playback, %d changed from the one before; the mouth differs from the "
        "photo's by %.1f levels at most",
        frames, changes, most);
    QVERIFY(frames >= 20);
    QVERIFY(changes >= frames / 2);
    QVERIFY2(most > 6.0, qPrintable(QString::number(most)));
    // What the viewer paints is the animated frame, not the photo.
    QVERIFY(viewer->hasFrame());
    QCOMPARE(viewer->image().size(), photo.size());
}

void TestStudioWindow::scrubbingShowsThatTimesFrame() {
    loadSamplesAndWaitForThePreview(*window_);
    const std::shared_ptr<const ps::PreviewScene> scene = window_->preview()->scene();
    const std::shared_ptr<const ps::MotionSources> sources = window_->preview()->sources();
    const double frame_s = window_->previewController()->frameDuration_s();
    for (const double t : {1.3, 3.07, 0.52}) {
        window_->timeline()->seekRequested(t);  // what a click on the ruler emits
        waitForFrameAt(*window_, t);
        QCOMPARE(window_->transport()->position_s(), t);
        // The very frame an export of that moment draws.
        const double frame_t = window_->previewController()->frameTimeAt(t);
        cv::Mat expected;
        QVERIFY(scene
                    ->render(ps::evaluateMotion(window_->session()->playbackMotion(), *sources,
                                                frame_t, frame_s),
                             expected)
                    .ok());
        const QImage shown = window_->viewer()->image();
        int mismatched = 0;
        for (int y = 0; y < expected.rows; y += 3) {
            for (int x = 0; x < expected.cols; x += 3) {
                const cv::Vec3b e = expected.at<cv::Vec3b>(y, x);
                const QRgb s = shown.pixel(x, y);
                mismatched += (qRed(s) != e[2] || qGreen(s) != e[1] || qBlue(s) != e[0]) ? 1 : 0;
            }
        }
        QCOMPARE(mismatched, 0);
    }
}

void TestStudioWindow::inspectorEditShowsInTheViewer() {
    loadSamplesAndWaitForThePreview(*window_);
    window_->timeline()->seekRequested(1.6);
    waitForFrameAt(*window_, 1.6);
    const QImage before = window_->viewer()->image();
    const QRect mouth = mouthBox(window_->viewer()->landmarks());
    // Nothing selected: the inspector shows the project's strengths.
    window_->selection()->clear();
    auto* lips =
        window_->inspector()->findChild<QDoubleSpinBox*>(QStringLiteral("lipsStrengthSpin"));
    QVERIFY(lips != nullptr);
    const int undo_before = window_->session()->undoStack()->count();
    last_frame_t_ = -1.0;
    lips->setValue(0.0);
    QCOMPARE(window_->session()->motion().strengths.lips, 0.0f);
    QCOMPARE(window_->session()->undoStack()->count(), undo_before + 1);
    waitForFrameAt(*window_, 1.6);
    const double moved = meanDifference(before, window_->viewer()->image(), mouth);
    qInfo("lips strength 0 changes the mouth by %.1f levels", moved);
    QVERIFY2(moved > 3.0, qPrintable(QString::number(moved)));
    window_->session()->undoStack()->undo();
    QCOMPARE(window_->session()->motion().strengths.lips, 1.0f);
}

void TestStudioWindow::templateDraggedFromTheLibraryLandsAtTheDropTime() {
    loadSamplesAndWaitForThePreview(*window_);
    auto* view = window_->library()->findChild<QAbstractItemView*>(QStringLiteral("libraryView"));
    QVERIFY(view != nullptr);
    // The library's own drag data for "surprise", as a drag from it carries.
    QModelIndex surprise;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data(Qt::DisplayRole).toString() == QStringLiteral("surprise")) {
            surprise = index;
        }
    }
    QVERIFY(surprise.isValid());
    std::unique_ptr<QMimeData> data(view->model()->mimeData({surprise}));
    QVERIFY(data != nullptr);
    ps::ui::TimelinePanel* timeline = window_->timeline();
    ps::ui::TimelineView* target = timeline->view();
    const double drop_t = 2.4;
    const QPoint at(int(std::lround(timeline->xOfTime(drop_t))), target->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    const std::vector<ps::ExpressionClip>& clips = window_->session()->motion().clips;
    QCOMPARE(int(clips.size()), 1);
    QCOMPARE(QString::fromStdString(clips[0].expression.name), QStringLiteral("surprise"));
    const double frame_s = window_->previewController()->frameDuration_s();
    QVERIFY2(std::abs(clips[0].start_s - drop_t) <= frame_s,
             qPrintable(QString::number(clips[0].start_s)));
    window_->session()->undoStack()->undo();
    QVERIFY(window_->session()->motion().clips.empty());
}

void TestStudioWindow::mutedLanesAreLeftOutOfTheExport() {
    loadSamplesAndWaitForThePreview(*window_);
    QVERIFY(window_->addTemplateClip(ps::TemplateKind::Expression, QStringLiteral("smile")));
    QVERIFY(window_->addTemplateClip(ps::TemplateKind::Pose, QStringLiteral("nod")));
    auto* mute =
        window_->timeline()->findChild<QAbstractButton*>(QStringLiteral("muteButton_Expressions"));
    QVERIFY(mute != nullptr);
    mute->click();
    window_->showExportDialog();
    QVERIFY(window_->exportDialog() != nullptr);
    const std::shared_ptr<const ps::MotionDocument> motion = window_->exportDialog()->motion();
    QCOMPARE(int(motion->clips.size()), 2);
    for (const ps::ExpressionClip& clip : motion->clips) {
        // The muted expression is off, the pose plays; the project itself keeps both on.
        QCOMPARE(clip.enabled, clip.expression.kind == ps::TemplateKind::Pose);
    }
    for (const ps::ExpressionClip& clip : window_->session()->motion().clips) {
        QVERIFY(clip.enabled);
    }
    window_->exportDialog()->close();
}

void TestStudioWindow::graphEditorBakesTheVoicesJaw() {
    // The graph editor's Bake… reaches the engine through the window: the voice's jawOpen
    // becomes an Override curve of keys, one undo step, and the picture does not change.
    loadSamplesAndWaitForThePreview(*window_);
    window_->timeline()->seekRequested(1.6);
    waitForFrameAt(*window_, 1.6);
    const QImage before = window_->viewer()->image();
    const QRect mouth = mouthBox(window_->viewer()->landmarks());
    ps::ui::GraphEditorPanel* graph = window_->graphEditor();
    QVERIFY(graph != nullptr);
    graph->setShownChannels({int(ps::Blendshape::JawOpen)});
    const int undo_before = window_->session()->undoStack()->count();
    QVERIFY(graph->bakeAction()->isEnabled());
    graph->bakeAction()->trigger();
    const std::vector<ps::KeyframeCurve>& curves = window_->session()->motion().curves;
    QCOMPARE(int(curves.size()), 1);
    QCOMPARE(curves[0].channel, int(ps::Blendshape::JawOpen));
    QCOMPARE(curves[0].blend, ps::BlendMode::Override);
    QVERIFY(curves[0].keys.size() > 10);
    QCOMPARE(window_->session()->undoStack()->count(), undo_before + 1);
    last_frame_t_ = -1.0;
    waitForFrameAt(*window_, 1.6);
    const double changed = meanDifference(before, window_->viewer()->image(), mouth);
    qInfo("baked jawOpen into %d keys; the mouth changed by %.2f levels",
          int(curves[0].keys.size()), changed);
    QVERIFY2(changed < 2.0, qPrintable(QString::number(changed)));
    window_->session()->undoStack()->undo();
    QVERIFY(window_->session()->motion().curves.empty());
}

// View ▸ Compare with Voice Only: the viewer splits, A the voice's motion as it was before the
// edit (the very frame the viewer showed then), B the edit; turning it off leaves one image.
void TestStudioWindow::compareShowsTheVoiceBesideTheEdit() {
    loadSamplesAndWaitForThePreview(*window_);
    window_->timeline()->seekRequested(1.6);
    waitForFrameAt(*window_, 1.6);
    const QImage unedited = window_->viewer()->image();
    const QRect mouth = mouthBox(window_->viewer()->landmarks());
    window_->selection()->clear();
    auto* lips =
        window_->inspector()->findChild<QDoubleSpinBox*>(QStringLiteral("lipsStrengthSpin"));
    QVERIFY(lips != nullptr);
    last_frame_t_ = -1.0;
    lips->setValue(0.0);
    waitForFrameAt(*window_, 1.6);

    auto* compare = window_->findChild<QAction*>(QStringLiteral("compareAction"));
    QVERIFY(compare != nullptr);
    last_frame_t_ = -1.0;
    compare->trigger();
    QVERIFY(window_->viewer()->isCompareMode());
    waitForFrameAt(*window_, 1.6);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->viewer()->compareFrame().isNull(), kTimeout_ms);
    QVERIFY(window_->viewer()->compareFrame() == unedited);
    const double apart =
        meanDifference(window_->viewer()->compareFrame(), window_->viewer()->image(), mouth);
    qInfo("A (voice only) and B (lips at 0) differ by %.1f levels in the mouth", apart);
    QVERIFY2(apart > 3.0, qPrintable(QString::number(apart)));
    // Both halves are drawn: the A pane holds the unedited frame, the B pane the edit.
    QVERIFY(!window_->viewer()->photoRect().isEmpty());
    QVERIFY(window_->viewer()->photoRect().right() < window_->viewer()->imageRect().left());
    saveArtifact(window_.get(), "compare.png");

    compare->trigger();
    QVERIFY(!window_->viewer()->isCompareMode());
    QVERIFY(window_->viewer()->compareFrame().isNull());
    QVERIFY(window_->viewer()->photoRect().isEmpty());
    QVERIFY(!window_->preview()->isCompareEnabled());
}

void TestStudioWindow::headPoseGizmoKeysYawInTheWindow() {
    loadSamplesAndWaitForThePreview(*window_);
    window_->timeline()->seekRequested(1.2);
    waitForFrameAt(*window_, 1.2);
    ps::ui::ViewerPanel* viewer = window_->viewer();
    auto* gizmo = window_->findChild<QAction*>(QStringLiteral("headPoseGizmoAction"));
    QVERIFY(gizmo != nullptr);
    QCOMPARE(gizmo->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    gizmo->trigger();
    QVERIFY(viewer->isHeadPoseGizmoVisible());
    QTRY_VERIFY_WITH_TIMEOUT(viewer->headPoseGizmo().hasPlacement(), kTimeout_ms);
    // The 3D Face dock is there, beside the library; without OpenGL it says why it is empty.
    QVERIFY(window_->findChild<QDockWidget*>(QStringLiteral("faceViewDock")) != nullptr);
    // The inspector shows the head's angles at the playhead whatever is selected.
    auto* yaw_field =
        window_->inspector()->findChild<QDoubleSpinBox*>(QStringLiteral("headYawSpin"));
    QVERIFY(yaw_field != nullptr);
    const double yaw_before = yaw_field->value();

    const std::optional<QPointF> ring =
        viewer->headPoseGizmo().grabPoint(ps::ui::GizmoHandle::Yaw, viewer->headPoseProjector());
    QVERIFY(ring.has_value());
    const QPoint press = ring->toPoint();
    QTest::mouseMove(viewer, press + QPoint(1, 0));
    QTest::mouseMove(viewer, press);
    QTest::mousePress(viewer, Qt::LeftButton, Qt::NoModifier, press);
    QTest::mouseMove(viewer, press + QPoint(15, 0));
    QTest::mouseMove(viewer, press + QPoint(30, 0));
    QTest::mouseRelease(viewer, Qt::LeftButton, Qt::NoModifier, press + QPoint(30, 0));
    QVERIFY(window_->session()->isModified());
    const QString undo_text = window_->findChild<QAction*>(QStringLiteral("undoAction"))->text();
    QVERIFY2(undo_text.contains(QStringLiteral("yaw")), qPrintable(undo_text));
    QTRY_VERIFY(yaw_field->value() > yaw_before + 5.0);
    auto* key = window_->inspector()->findChild<QToolButton*>(QStringLiteral("headYawKeyButton"));
    QVERIFY(key != nullptr && key->isChecked());
    saveArtifact(window_.get(), "head-pose-gizmo-window.png");
    gizmo->trigger();
    QVERIFY(!viewer->isHeadPoseGizmoVisible());
}

void TestStudioWindow::layoutIsRestoredAfterARestart() {
    auto* inspector = window_->findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    auto* library = window_->findChild<QDockWidget*>(QStringLiteral("libraryDock"));
    QVERIFY(inspector != nullptr && library != nullptr);
    QVERIFY(library->isVisible());
    // Move the inspector to the left beside the library, and close the library.
    window_->addDockWidget(Qt::LeftDockWidgetArea, inspector);
    library->close();
    QCOMPARE(window_->dockWidgetArea(inspector), Qt::LeftDockWidgetArea);
    window_->close();
    window_.reset();

    window_ = makeWindow();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    inspector = window_->findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    library = window_->findChild<QDockWidget*>(QStringLiteral("libraryDock"));
    QCOMPARE(window_->dockWidgetArea(inspector), Qt::LeftDockWidgetArea);
    QVERIFY(!library->isVisible());
    QVERIFY(!window_->findChild<QAction*>(QStringLiteral("libraryDockToggle"))->isChecked());
}

void TestStudioWindow::resetLayoutBringsClosedDocksBack() {
    auto* timeline = window_->findChild<QDockWidget*>(QStringLiteral("timelineDock"));
    auto* inspector = window_->findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    timeline->close();
    window_->addDockWidget(Qt::LeftDockWidgetArea, inspector);
    window_->findChild<QAction*>(QStringLiteral("resetLayoutAction"))->trigger();
    QTRY_VERIFY(timeline->isVisible());
    QCOMPARE(window_->dockWidgetArea(timeline), Qt::BottomDockWidgetArea);
    QCOMPARE(window_->dockWidgetArea(inspector), Qt::RightDockWidgetArea);
}

void TestStudioWindow::shortcutsDialogListsTheShortcuts() {
    // Every action with a shortcut in the menus appears; the filter narrows the list.
    int with_shortcut = 0;
    std::function<void(const QMenu*)> count = [&](const QMenu* menu) {
        for (QAction* action : menu->actions()) {
            if (action->menu() != nullptr) {
                count(action->menu());
            } else if (!action->shortcuts().isEmpty()) {
                ++with_shortcut;
            }
        }
    };
    for (QAction* top : window_->menuBar()->actions()) {
        if (top->menu() != nullptr) {
            count(top->menu());
        }
    }
    ps::ui::ShortcutsDialog dialog(*window_->menuBar());
    QCOMPARE(dialog.shortcutCount(), with_shortcut);
    QVERIFY(with_shortcut >= 25);
    dialog.findChild<QLineEdit*>(QStringLiteral("shortcutsFilter"))
        ->setText(QStringLiteral("shuttle"));
    QCOMPARE(dialog.shortcutCount(), 3);  // J, K, L
}

void TestStudioWindow::recentProjectsAreOffered() {
    const QString path = dir_.filePath(QStringLiteral("recent.pstudio"));
    QVERIFY(window_->saveProject(path));
    QCOMPARE(settings_->recentProjects().value(0), QFileInfo(path).absoluteFilePath());
    auto* recent = window_->findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(recent != nullptr);
    emit recent->aboutToShow();
    QAction* entry = recent->actions().value(0);
    QVERIFY(entry != nullptr);
    QCOMPARE(entry->data().toString(), QFileInfo(path).absoluteFilePath());
    QSignalSpy opened(window_.get(), &MainWindow::projectOpened);
    entry->trigger();
    QCOMPARE(opened.count(), 1);
}

void TestStudioWindow::missingMediaCanBeLocated() {
    // A project whose photo was moved away after saving.
    QTemporaryDir media;
    const QString moved_photo = media.filePath(QStringLiteral("portrait.png"));
    QVERIFY(QFile::copy(kPhoto, moved_photo));
    ps::Project project;
    project.photo.path = moved_photo.toStdString();
    const QString path = dir_.filePath(QStringLiteral("moved.pstudio"));
    QVERIFY(ps::writeProject(project, path.toStdString()).ok());
    const QString elsewhere = dir_.filePath(QStringLiteral("found-portrait.png"));
    QFile::remove(elsewhere);
    QVERIFY(QFile::rename(moved_photo, elsewhere));

    QVERIFY(window_->openProject(path));
    ps::ui::MissingMediaDialog* dialog = window_->missingMediaDialog();
    QVERIFY(dialog != nullptr);
    QCOMPARE(dialog->missing(), QStringList{moved_photo});
    QSignalSpy photo(window_.get(), &MainWindow::photoLoaded);
    dialog->relocate(moved_photo, elsewhere);
    QTRY_COMPARE_WITH_TIMEOUT(photo.count(), 1, kTimeout_ms);
    QCOMPARE(QString::fromStdString(window_->session()->project().photo.path),
             QFileInfo(elsewhere).absoluteFilePath());
    QVERIFY(window_->session()->isModified());
}

void TestStudioWindow::chineseInterfaceHasNoEnglishLeft() {
    ps::ui::Translations translations(*QCoreApplication::instance());
    QVERIFY(translations.install(QStringLiteral("zh_CN")));
    window_.reset();
    window_ = makeWindow();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    // Open the samples so that the panels show their fuller states.
    loadSamplesAndWaitForThePreview(*window_);
    // A word of three or more Latin letters in a visible string, other than names that stay as
    // they are in every language.
    const QRegularExpression english(QStringLiteral("[A-Za-z]{3,}"));
    const QStringList kept = {QStringLiteral("Portrait Studio"),
                              QStringLiteral("OpenGL"),
                              QStringLiteral("English"),
                              QStringLiteral("MP4"),
                              QStringLiteral("Ctrl"),
                              QStringLiteral("Shift"),
                              QStringLiteral("Alt"),
                              QStringLiteral("Space"),
                              QStringLiteral("Home"),
                              QStringLiteral("End"),
                              QStringLiteral("Left"),
                              QStringLiteral("Right"),
                              QStringLiteral("Del"),
                              QStringLiteral("Delete"),
                              QStringLiteral("fps"),
                              QStringLiteral("astronaut"),
                              QStringLiteral("voice"),
                              QStringLiteral("wav"),
                              QStringLiteral("png"),
                              QStringLiteral("Bézier"),
                              QStringLiteral("PgUp")};
    QStringList untranslated;
    const auto check = [&](const QString& where, QString text) {
        for (const QString& name : kept) {
            text.remove(name);
        }
        // Template and channel names are data, not interface: ARKit's and the presets' names.
        text.remove(QRegularExpression(QStringLiteral("\\b[a-z]+[A-Z][A-Za-z]*\\b")));
        if (english.match(text).hasMatch()) {
            untranslated << where + QStringLiteral(": ") + text;
        }
    };
    std::function<void(const QMenu*, const QString&)> walk = [&](const QMenu* menu,
                                                                 const QString& path) {
        for (QAction* action : menu->actions()) {
            if (action->isSeparator()) {
                continue;
            }
            check(path + QStringLiteral(" ▸ action"), action->text());
            if (action->menu() != nullptr) {
                walk(action->menu(), path + QStringLiteral(" ▸ ") + action->text());
            }
        }
    };
    for (QAction* top : window_->menuBar()->actions()) {
        check(QStringLiteral("menu"), top->text());
        if (top->menu() != nullptr &&
            top->menu()->objectName() != QStringLiteral("addExpressionMenu")) {
            walk(top->menu(), top->text());
        }
    }
    for (QWidget* widget : window_->findChildren<QWidget*>()) {
        if (!widget->isVisible()) {
            continue;
        }
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            check(QStringLiteral("label ") + label->objectName(), label->text());
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            check(QStringLiteral("button ") + button->objectName(), button->text());
            check(QStringLiteral("tooltip ") + button->objectName(), button->toolTip());
        } else if (auto* dock = qobject_cast<QDockWidget*>(widget)) {
            check(QStringLiteral("dock ") + dock->objectName(), dock->windowTitle());
        } else if (auto* group = qobject_cast<QGroupBox*>(widget)) {
            check(QStringLiteral("group ") + group->objectName(), group->title());
        } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget)) {
            check(QStringLiteral("spin ") + spin->objectName(), spin->toolTip());
        }
    }
    saveArtifact(window_.get(), "window-chinese.png");
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestStudioWindow)
#include "TestStudioWindow.moc"
