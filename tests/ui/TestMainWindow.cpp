// The studio's window driven as a user would: open the samples, play and pause, export through
// the Export dialog's own widgets, cancel an export, fail on a bad file, and switch language.
// Every wait is on a signal or a condition with a timeout; nothing spins the event loop blindly.
#include <sys/wait.h>
#include <unistd.h>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "ui/EngineBridge.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"
#include "ui/ProjectSession.h"
#include "ui/Settings.h"
#include "ui/Translations.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

using ps::ui::EngineBridge;
using ps::ui::ExportDialog;
using ps::ui::MainWindow;

namespace {

const QString kPhoto = QStringLiteral(PS_SAMPLES_DIR "/astronaut.png");
const QString kVoice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");
constexpr int kLoadTimeout_ms = 30000;
constexpr int kExportTimeout_ms = 180000;

template <class T>
T* child(QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (found == nullptr) {
        qWarning("no child named %s", name);
    }
    return found;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsEmptyWithExportDisabled();
    void opensBothSamplesAndShowsThePhoto();
    void dropRoutesImagesToPhotoAndTheRestToVoice();
    void playAdvancesAndPauseFreezes();
    void draggingThePlayheadSeeks();
    void exportsAnMp4ThroughTheDialog();
    void cancelledExportLeavesNoFile();
    void existingFileNeedsConfirmation();
    void unwritableFolderReportsFailure();
    void badPhotoReportsTheFileWithoutCrashing();
    void motionMenuAddsAnUndoableClip();
    void savesAndReopensAProject();
    void offersRecoveryAfterACrash();
    void languageChoiceIsSaved();
    void chineseTranslationIsUsed();

private:
    void loadSamples(MainWindow& window);
    ExportDialog* openExportDialog(MainWindow& window);

    QTemporaryDir dir_;
    std::unique_ptr<QSettings> store_;
    std::unique_ptr<ps::ui::Settings> settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    QVERIFY(QFileInfo::exists(kPhoto));
    QVERIFY(QFileInfo::exists(kVoice));
}

void TestMainWindow::init() {
    QFile::remove(dir_.filePath(QStringLiteral("settings.ini")));
    store_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("settings.ini")),
                                         QSettings::IniFormat);
    settings_ = std::make_unique<ps::ui::Settings>(store_.get());
    settings_->setLastExportFolder(dir_.path());
    // Recovery autosaves go here, never into the user's own data folder.
    settings_->setDataFolder(dir_.filePath(QStringLiteral("data")));
    window_ = std::make_unique<MainWindow>(*settings_, ps::AudioOutput::Silent);
    window_->show();
}

void TestMainWindow::cleanup() {
    window_.reset();
    settings_.reset();
    store_.reset();
}

void TestMainWindow::loadSamples(MainWindow& window) {
    QSignalSpy photo_spy(&window, &MainWindow::photoLoaded);
    QSignalSpy audio_spy(&window, &MainWindow::audioLoaded);
    QSignalSpy failed_spy(&window, &MainWindow::loadFailed);
    window.openPhoto(kPhoto);
    window.openAudio(kVoice);
    QTRY_VERIFY_WITH_TIMEOUT(photo_spy.count() == 1 && audio_spy.count() == 1, kLoadTimeout_ms);
    QCOMPARE(failed_spy.count(), 0);
}

ExportDialog* TestMainWindow::openExportDialog(MainWindow& window) {
    QAction* export_action = child<QAction>(&window, "exportAction");
    if (export_action == nullptr || !export_action->isEnabled()) {
        return nullptr;
    }
    export_action->trigger();
    return window.exportDialog();
}

void TestMainWindow::startsEmptyWithExportDisabled() {
    QVERIFY(!child<QAction>(window_.get(), "exportAction")->isEnabled());
    QVERIFY(!child<QAction>(window_.get(), "playAction")->isEnabled());
    QVERIFY(!child<QSlider>(window_.get(), "playheadSlider")->isEnabled());
    QVERIFY(!window_->viewer()->hasImage());
    QCOMPARE(window_->windowTitle(), QStringLiteral("Portrait Studio"));
    // Forced silent output: the bar says so.
    QVERIFY(child<QLabel>(window_.get(), "deviceNote")->isVisible());
}

void TestMainWindow::opensBothSamplesAndShowsThePhoto() {
    loadSamples(*window_);
    ps::ui::ViewerPanel* viewer = window_->viewer();
    QVERIFY(viewer->hasImage());
    QCOMPARE(viewer->image().size(), QSize(512, 512));
    const QRect shown = viewer->imageRect();
    QVERIFY(!shown.isEmpty());
    QCOMPARE(shown.width(), shown.height());  // aspect kept
    QVERIFY(viewer->rect().contains(shown));

    // The photo, not the background, is painted where imageRect() says.
    const QImage painted = viewer->grab().toImage();
    const QColor background = painted.pixelColor(1, 1);
    const QColor centre = painted.pixelColor(shown.center());
    const QColor source = viewer->image().pixelColor(256, 256);
    QVERIFY(centre != background);
    QVERIFY2(qAbs(centre.red() - source.red()) < 40 && qAbs(centre.green() - source.green()) < 40,
             qPrintable(centre.name() + QStringLiteral(" vs ") + source.name()));

    QVERIFY(child<QAction>(window_.get(), "exportAction")->isEnabled());
    QVERIFY(child<QAction>(window_.get(), "playAction")->isEnabled());
    QVERIFY(window_->windowTitle().contains(QStringLiteral("astronaut.png")));
    QVERIFY(window_->windowTitle().contains(QStringLiteral("voice.wav")));
    QVERIFY(child<QLabel>(window_.get(), "timeLabel")
                ->text()
                .startsWith(QStringLiteral("0:00.00 / 0:07.3")));
    // The folder of the last file opened is remembered for the next Open dialog.
    QCOMPARE(settings_->lastOpenFolder(), QFileInfo(kVoice).absolutePath());
}

void TestMainWindow::dropRoutesImagesToPhotoAndTheRestToVoice() {
    QVERIFY(MainWindow::looksLikeImage(QStringLiteral("/a/b.JPG")));
    QVERIFY(MainWindow::looksLikeImage(QStringLiteral("x.tiff")));
    QVERIFY(MainWindow::looksLikeImage(QStringLiteral("x.webp")));
    QVERIFY(!MainWindow::looksLikeImage(QStringLiteral("x.wav")));
    QVERIFY(!MainWindow::looksLikeImage(QStringLiteral("x.mp4")));
    QVERIFY(!MainWindow::looksLikeImage(QStringLiteral("png")));

    QSignalSpy photo_spy(window_.get(), &MainWindow::photoLoaded);
    QSignalSpy audio_spy(window_.get(), &MainWindow::audioLoaded);
    window_->openFiles({kVoice, kPhoto});
    QTRY_VERIFY_WITH_TIMEOUT(photo_spy.count() == 1 && audio_spy.count() == 1, kLoadTimeout_ms);
    QCOMPARE(photo_spy.at(0).at(0).toString(), kPhoto);
    QCOMPARE(audio_spy.at(0).at(0).toString(), kVoice);
}

void TestMainWindow::playAdvancesAndPauseFreezes() {
    loadSamples(*window_);
    ps::ui::TransportBar* transport = window_->transport();
    QAction* play = child<QAction>(window_.get(), "playAction");
    QLabel* time = child<QLabel>(window_.get(), "timeLabel");
    QCOMPARE(transport->position_s(), 0.0);

    play->trigger();
    QVERIFY(transport->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(transport->position_s() > 0.2, 5000);
    // The display follows the clock on its own timer.
    QTRY_VERIFY_WITH_TIMEOUT(!time->text().startsWith(QStringLiteral("0:00.00")), 2000);

    play->trigger();
    QVERIFY(!transport->isPlaying());
    const double frozen = transport->position_s();
    const QString frozen_text = time->text();
    QTest::qWait(250);
    QCOMPARE(transport->position_s(), frozen);
    QCOMPARE(time->text(), frozen_text);
    QVERIFY(frozen < 7.0);
}

void TestMainWindow::draggingThePlayheadSeeks() {
    loadSamples(*window_);
    QSlider* slider = child<QSlider>(window_.get(), "playheadSlider");
    QVERIFY(slider->isEnabled());
    QVERIFY(slider->maximum() > 7000 && slider->maximum() < 7500);
    slider->setSliderDown(true);
    slider->setValue(3000);  // what a drag does, step by step
    slider->setValue(4000);
    slider->setSliderDown(false);
    QVERIFY(qAbs(window_->transport()->position_s() - 4.0) < 0.01);
    QVERIFY(
        child<QLabel>(window_.get(), "timeLabel")->text().startsWith(QStringLiteral("0:04.00")));
}

void TestMainWindow::exportsAnMp4ThroughTheDialog() {
    loadSamples(*window_);
    ExportDialog* dialog = openExportDialog(*window_);
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->isVisible());

    auto* path_edit = child<QLineEdit>(dialog, "outputPathEdit");
    auto* width = child<QSpinBox>(dialog, "widthSpin");
    auto* height = child<QSpinBox>(dialog, "heightSpin");
    auto* fps = child<QComboBox>(dialog, "fpsCombo");
    auto* preset = child<QComboBox>(dialog, "presetCombo");
    auto* crf = child<QSpinBox>(dialog, "crfSpin");
    auto* export_button = child<QPushButton>(dialog, "exportButton");
    // Defaults: the export folder, the photo's name, its own (even) size, 25 fps, CRF 18, medium.
    QCOMPARE(path_edit->text(), QDir(dir_.path()).filePath(QStringLiteral("astronaut.mp4")));
    QCOMPARE(width->value(), 512);
    QCOMPARE(height->value(), 512);
    QCOMPARE(width->singleStep(), 2);
    QCOMPARE(fps->currentData().toInt(), static_cast<int>(ps::FrameRate::Fps25));
    QCOMPARE(crf->value(), 18);
    QCOMPARE(preset->currentText(), QStringLiteral("medium"));

    const QString out = dir_.filePath(QStringLiteral("exported.mp4"));
    path_edit->setText(out);
    width->setValue(128);
    height->setValue(128);
    preset->setCurrentText(QStringLiteral("ultrafast"));
    crf->setValue(30);

    QSignalSpy done(dialog, &ExportDialog::exportDone);
    QTest::mouseClick(export_button, Qt::LeftButton);
    QVERIFY(dialog->isExporting());
    QVERIFY(!path_edit->isEnabled());  // the form is locked while exporting
    QCOMPARE(export_button->text(), QStringLiteral("Cancel"));
    QVERIFY(child<QProgressBar>(dialog, "progressBar")->isEnabled());

    QVERIFY(done.wait(kExportTimeout_ms));
    QCOMPARE(done.at(0).at(0).value<EngineBridge::ExportOutcome>(),
             EngineBridge::ExportOutcome::Succeeded);
    QVERIFY(QFileInfo(out).size() > 0);
    QCOMPARE(child<QProgressBar>(dialog, "progressBar")->value(),
             child<QProgressBar>(dialog, "progressBar")->maximum());
    QVERIFY(child<QLabel>(dialog, "resultLabel")->text().contains(QStringLiteral("exported.mp4")));
    QVERIFY(child<QPushButton>(dialog, "openFolderButton")->isVisible());
    QVERIFY(path_edit->isEnabled());
    QCOMPARE(export_button->text(), QStringLiteral("Export"));
    // The choices are remembered for next time.
    QCOMPARE(settings_->exportPreset(), QStringLiteral("ultrafast"));
    QCOMPARE(settings_->exportCrf(), 30);
}

void TestMainWindow::cancelledExportLeavesNoFile() {
    loadSamples(*window_);
    ExportDialog* dialog = openExportDialog(*window_);
    QVERIFY(dialog != nullptr);
    const QString out = dir_.filePath(QStringLiteral("cancelled.mp4"));
    child<QLineEdit>(dialog, "outputPathEdit")->setText(out);
    // Large and slow, so that the export is still running when Cancel is clicked.
    child<QSpinBox>(dialog, "widthSpin")->setValue(1920);
    child<QSpinBox>(dialog, "heightSpin")->setValue(1920);
    child<QComboBox>(dialog, "presetCombo")->setCurrentText(QStringLiteral("veryslow"));
    auto* export_button = child<QPushButton>(dialog, "exportButton");

    const QStringList before = QDir(dir_.path()).entryList(QDir::Files);
    QSignalSpy done(dialog, &ExportDialog::exportDone);
    QTest::mouseClick(export_button, Qt::LeftButton);
    QVERIFY(dialog->isExporting());
    // Cancel once progress has reached the dialog, so that cancelling interrupts real work.
    auto* progress = child<QProgressBar>(dialog, "progressBar");
    auto* time_left = child<QLabel>(dialog, "timeLeftLabel");
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 60000);
    QVERIFY(dialog->isExporting());
    QVERIFY(!time_left->text().isEmpty());
    QTest::mouseClick(export_button, Qt::LeftButton);
    QVERIFY(!export_button->isEnabled());  // until the worker confirms
    QVERIFY(done.wait(60000));
    QCOMPARE(done.at(0).at(0).value<EngineBridge::ExportOutcome>(),
             EngineBridge::ExportOutcome::Cancelled);
    QCOMPARE(child<QLabel>(dialog, "resultLabel")->text(), QStringLiteral("Export cancelled"));
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(QDir(dir_.path()).entryList(QDir::Files), before);  // no temporary left either
    QVERIFY(!dialog->isExporting());
    QVERIFY(export_button->isEnabled());
}

void TestMainWindow::existingFileNeedsConfirmation() {
    loadSamples(*window_);
    ExportDialog* dialog = openExportDialog(*window_);
    QVERIFY(dialog != nullptr);
    const QString out = dir_.filePath(QStringLiteral("existing.mp4"));
    {
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    child<QLineEdit>(dialog, "outputPathEdit")->setText(out);
    child<QSpinBox>(dialog, "widthSpin")->setValue(64);
    child<QSpinBox>(dialog, "heightSpin")->setValue(64);
    child<QComboBox>(dialog, "presetCombo")->setCurrentText(QStringLiteral("ultrafast"));
    auto* export_button = child<QPushButton>(dialog, "exportButton");

    QTest::mouseClick(export_button, Qt::LeftButton);
    QVERIFY(!dialog->isExporting());  // nothing starts before the user agrees
    auto* confirm = child<QMessageBox>(dialog, "confirmOverwriteBox");
    QVERIFY(confirm != nullptr);
    QVERIFY(confirm->isVisible());
    confirm->button(QMessageBox::No)->click();
    QVERIFY(!dialog->isExporting());
    QCOMPARE(QFileInfo(out).size(), qint64(7));

    QSignalSpy done(dialog, &ExportDialog::exportDone);
    QTest::mouseClick(export_button, Qt::LeftButton);
    QTRY_VERIFY(dialog->findChild<QMessageBox*>(QStringLiteral("confirmOverwriteBox")) != nullptr);
    confirm = dialog->findChild<QMessageBox*>(QStringLiteral("confirmOverwriteBox"));
    QVERIFY(confirm != nullptr);
    confirm->button(QMessageBox::Yes)->click();
    QVERIFY(dialog->isExporting());
    QVERIFY(done.wait(kExportTimeout_ms));
    QCOMPARE(done.at(0).at(0).value<EngineBridge::ExportOutcome>(),
             EngineBridge::ExportOutcome::Succeeded);
    QVERIFY(QFileInfo(out).size() > 7);
}

void TestMainWindow::unwritableFolderReportsFailure() {
    loadSamples(*window_);
    ExportDialog* dialog = openExportDialog(*window_);
    QVERIFY(dialog != nullptr);
    const QString out = dir_.filePath(QStringLiteral("no-such-folder/out.mp4"));
    child<QLineEdit>(dialog, "outputPathEdit")->setText(out);
    child<QSpinBox>(dialog, "widthSpin")->setValue(64);
    child<QSpinBox>(dialog, "heightSpin")->setValue(64);
    QSignalSpy done(dialog, &ExportDialog::exportDone);
    QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    QVERIFY(done.wait(kExportTimeout_ms));
    QCOMPARE(done.at(0).at(0).value<EngineBridge::ExportOutcome>(),
             EngineBridge::ExportOutcome::Failed);
    const QString shown = child<QLabel>(dialog, "resultLabel")->text();
    QVERIFY2(shown.startsWith(QStringLiteral("Export failed: ")), qPrintable(shown));
    QVERIFY(shown.size() > QStringLiteral("Export failed: ").size());
    QVERIFY(!child<QPushButton>(dialog, "openFolderButton")->isVisible());
    QVERIFY(!QFileInfo::exists(out));
}

void TestMainWindow::badPhotoReportsTheFileWithoutCrashing() {
    const QString bad = dir_.filePath(QStringLiteral("not-a-photo.png"));
    {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is text, not an image\n");
    }
    QSignalSpy failed(window_.get(), &MainWindow::loadFailed);
    QSignalSpy loaded(window_.get(), &MainWindow::photoLoaded);
    window_->openPhoto(bad);
    QVERIFY(failed.wait(kLoadTimeout_ms));
    QCOMPARE(failed.at(0).at(0).toString(), bad);
    const QString message = failed.at(0).at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("not-a-photo.png")), qPrintable(message));
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!window_->viewer()->hasImage());
    QVERIFY(!child<QAction>(window_.get(), "exportAction")->isEnabled());
    auto* box = child<QMessageBox>(window_.get(), "errorBox");
    QVERIFY(box != nullptr);
    QVERIFY(box->isVisible());
    QVERIFY(box->informativeText().contains(QStringLiteral("not-a-photo.png")));

    // The same for a voice that is not audio, and the window still works afterwards.
    window_->openAudio(bad);
    QVERIFY(failed.wait(kLoadTimeout_ms));
    QCOMPARE(failed.count(), 2);
    loadSamples(*window_);
}

void TestMainWindow::motionMenuAddsAnUndoableClip() {
    auto* menu = child<QMenu>(window_.get(), "addExpressionMenu");
    QVERIFY(menu != nullptr);
    QAction* smile = nullptr;
    QStringList names;
    for (QAction* action : menu->actions()) {
        names << action->text();
        if (action->text() == QStringLiteral("smile")) {
            smile = action;
        }
    }
    QVERIFY2(smile != nullptr, qPrintable(names.join(QStringLiteral(", "))));
    QVERIFY(names.size() >= 11);
    smile->trigger();
    ps::ui::ProjectSession* session = window_->session();
    QCOMPARE(int(session->motion().clips.size()), 1);
    QCOMPARE(session->motion().clips[0].expression.name, std::string("smile"));
    QVERIFY(window_->isWindowModified());

    QAction* undo = child<QAction>(window_.get(), "undoAction");
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QStringLiteral("smile")));
    undo->trigger();
    QCOMPARE(int(session->motion().clips.size()), 0);
    QVERIFY(!window_->isWindowModified());
    child<QAction>(window_.get(), "redoAction")->trigger();
    QCOMPARE(int(session->motion().clips.size()), 1);
}

void TestMainWindow::savesAndReopensAProject() {
    loadSamples(*window_);
    QVERIFY(window_->addTemplateClip(ps::TemplateKind::Pose, QStringLiteral("nod")));
    const QString path = dir_.filePath(QStringLiteral("take.pstudio"));
    QVERIFY(window_->saveProject(path));
    QVERIFY(window_->windowTitle().startsWith(QStringLiteral("take.pstudio")));
    QVERIFY(!window_->isWindowModified());

    child<QAction>(window_.get(), "newProjectAction")->trigger();
    QCOMPARE(int(window_->session()->motion().clips.size()), 0);
    QVERIFY(!window_->viewer()->hasImage());

    QSignalSpy photo_spy(window_.get(), &MainWindow::photoLoaded);
    QSignalSpy audio_spy(window_.get(), &MainWindow::audioLoaded);
    QVERIFY(window_->openProject(path));
    QCOMPARE(int(window_->session()->motion().clips.size()), 1);
    QTRY_VERIFY_WITH_TIMEOUT(photo_spy.count() == 1 && audio_spy.count() == 1, kLoadTimeout_ms);
    // Loading the project's own photo and voice is not a change to it.
    QVERIFY(!window_->isWindowModified());
    QVERIFY(child<QAction>(window_.get(), "exportAction")->isEnabled());
}

void TestMainWindow::offersRecoveryAfterACrash() {
    // Another studio autosaves a project with a smile and dies without closing.
    const QString folder = settings_->recoveryFolder();
    const std::string original = dir_.filePath(QStringLiteral("lost.pstudio")).toStdString();
    const pid_t pid = fork();
    if (pid == 0) {
        ps::Project project;
        ps::ExpressionClip clip;
        clip.id = project.motion.newId();
        clip.expression.name = "smile";
        project.motion.clips.push_back(clip);
        ps::RecoveryStore store(folder.toStdString());
        const bool saved = store.beginSession().ok() && store.autosave(project, original).ok();
        _exit(saved ? 0 : 1);  // no clean end of session: its recovery stays
    }
    int status = 0;
    QCOMPARE(waitpid(pid, &status, 0), pid);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    window_->checkForRecovery();
    QTRY_VERIFY_WITH_TIMEOUT(window_->recoveryBox() != nullptr, kLoadTimeout_ms);
    QVERIFY(window_->recoveryBox()->informativeText().contains(QStringLiteral("lost.pstudio")));
    child<QPushButton>(window_->recoveryBox(), "recoverButton")->click();
    ps::ui::ProjectSession* session = window_->session();
    QCOMPARE(int(session->motion().clips.size()), 1);
    QCOMPARE(session->path().toStdString(), original);
    QVERIFY(session->isModified());  // recovered work is unsaved until the user saves it
    // The crashed session's files are gone; only this window's own lock remains.
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(folder).entryList({QStringLiteral("*.pstudio")}, QDir::Files).isEmpty(), 5000);
}

void TestMainWindow::languageChoiceIsSaved() {
    auto* menu = child<QMenu>(window_.get(), "languageMenu");
    QVERIFY(menu != nullptr);
    QAction* chinese = nullptr;
    for (QAction* action : menu->actions()) {
        if (action->data().toString() == QStringLiteral("zh_CN")) {
            chinese = action;
        }
    }
    QVERIFY(chinese != nullptr);
    QVERIFY(!chinese->isChecked());
    chinese->trigger();
    QVERIFY(chinese->isChecked());
    QCOMPARE(settings_->language(), QStringLiteral("zh_CN"));
}

void TestMainWindow::chineseTranslationIsUsed() {
    QCOMPARE(child<QMenu>(window_.get(), "fileMenu")->title(), QStringLiteral("&File"));
    ps::ui::Translations translations(*QCoreApplication::instance());
    QVERIFY(translations.install(QStringLiteral("zh_CN")));
    MainWindow chinese(*settings_, ps::AudioOutput::Silent);
    const QString title = child<QMenu>(&chinese, "fileMenu")->title();
    QVERIFY2(title != QStringLiteral("&File"), qPrintable(title));
    QVERIFY2(title.contains(QStringLiteral("文件")), qPrintable(title));
    QVERIFY(child<QAction>(&chinese, "exportAction")->text().contains(QStringLiteral("导出")));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
