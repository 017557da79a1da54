// The head-pose editors driven with real mouse and keyboard events on the samples: a drag on the
// viewer gizmo's yaw ring keys yaw (only yaw) at the playhead's frame, turns the head the way
// the cursor went, is one undo step and undoes exactly; the centre trackball keys pitch and yaw
// together; a locked lane refuses; typing an angle in the inspector's fields keys it and the key
// button removes it again; the 3D face view's gizmo keys as the viewer's does; head keys survive
// saving and opening the project again.
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <glm/geometric.hpp>
#include <memory>

#include "media/AudioDecoder.h"
#include "media/AudioPlayer.h"
#include "media/ImageDecoder.h"
#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"
#include "motion/MotionEvaluator.h"
#include "ui/BlendshapeKeying.h"
#include "ui/FaceView3D.h"
#include "ui/HeadPoseController.h"
#include "ui/HeadPoseFields.h"
#include "ui/OpenGLProbe.h"
#include "ui/PaintableImage.h"
#include "ui/PreviewController.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/SliderSpinBox.h"
#include "ui/TransportBar.h"
#include "ui/ViewerPanel.h"

using namespace ps::ui;

namespace {

constexpr int kTimeout_ms = 60000;
constexpr double kPlayhead_s = 1.2;
const QString kPhoto = QStringLiteral(PS_SAMPLES_DIR "/astronaut.png");
const QString kVoice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");

// The document as saved, less next_id (ids are never reused, so an undone insertion keeps it).
std::string withoutNextId(const ps::MotionDocument& document) {
    nlohmann::json json = ps::motionDocumentToJson(document);
    json.erase("next_id");
    return json.dump();
}

// The value of the Override key on `channel` at t, or nullopt when there is none.
std::optional<float> keyedValue(const ps::MotionDocument& document, int channel, double t_s) {
    const ps::KeyframeCurve* curve = panelCurve(document, channel, ps::BlendMode::Override);
    if (curve == nullptr) {
        return std::nullopt;
    }
    const ps::Keyframe* key = keyAt(*curve, t_s);
    return key != nullptr ? std::optional<float>(key->value) : std::nullopt;
}

void saveArtifact(QWidget* widget, const char* name) {
    const QString folder = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (!folder.isEmpty()) {
        QDir().mkpath(folder);
        widget->grab().save(QDir(folder).filePath(QString::fromLatin1(name)));
    }
}

}  // namespace

class TestHeadPoseEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void yawRingDragKeysYawAtThePlayheadAndUndoesExactly();
    void trackballKeysPitchAndYawTogether();
    void lockedLaneRefuses();
    void typedAngleKeysItAndTheKeyButtonRemovesIt();
    void faceViewGizmoKeysAsTheViewerDoes();
    void headKeysSurviveSaveAndReopen();

private:
    // The viewer's gizmo sits on the face of the frame at the playhead, as it is now.
    void waitForGizmo();
    // The head angles (pitch, yaw, roll) the preview draws at `t_s` from the session's motion.
    glm::vec3 evaluatedHead(double t_s) const;
    // A left-button drag in `widget` from `from` by `by`, in a few steps.
    static void drag(QWidget* widget, QPoint from, QPoint by,
                     Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    QPoint grabPoint(GizmoHandle handle) const;

    QTemporaryDir dir_;
    ps::ui::PhotoPtr photo_;
    ps::ui::AudioClipPtr audio_;
    std::unique_ptr<PreviewEngine> engine_;
    std::unique_ptr<ps::AudioPlayer> player_;
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<TransportBar> transport_;
    std::unique_ptr<ViewerPanel> viewer_;
    std::unique_ptr<PreviewController> preview_;
    std::unique_ptr<HeadPoseController> head_pose_;
    std::shared_ptr<const ps::FaceFit> last_fit_;
    double key_t_s_ = 0.0;
};

void TestHeadPoseEditor::initTestCase() {
    QVERIFY(dir_.isValid());
    ps::Result<ps::Photo> photo = ps::decodeImage(kPhoto.toStdString());
    QVERIFY(photo.ok());
    photo_ = std::make_shared<const ps::Photo>(std::move(*photo));
    ps::Result<ps::AudioClip> audio = ps::decodeAudio(kVoice.toStdString(), ps::CancelToken());
    QVERIFY(audio.ok());
    audio_ = std::make_shared<const ps::AudioClip>(std::move(*audio));
    // One engine for every test: the face is fitted and the voice analysed once.
    engine_ = std::make_unique<PreviewEngine>();
    ps::MotionDocument document;
    document.duration_s = audio_->duration_s();
    engine_->setMotion(document);
    engine_->setPhoto(photo_);
    engine_->setAudio(audio_);
    QTRY_VERIFY_WITH_TIMEOUT(engine_->hasScene() && !engine_->isAnalysingVoice() &&
                                 engine_->sources() != nullptr &&
                                 !engine_->sources()->voice.track.frames.empty(),
                             kTimeout_ms);
}

void TestHeadPoseEditor::init() {
    player_ = std::make_unique<ps::AudioPlayer>(ps::AudioOutput::Silent);
    session_ = std::make_unique<ProjectSession>(QString());
    session_->setPhoto(kPhoto);
    session_->setAudio(kVoice, audio_->duration_s());
    transport_ = std::make_unique<TransportBar>(*player_);
    transport_->setAudio(audio_);
    viewer_ = std::make_unique<ViewerPanel>();
    viewer_->resize(800, 600);
    viewer_->setImage(toPaintableImage(photo_->bgr));
    preview_ = std::make_unique<PreviewController>(*engine_, *session_, *transport_, *viewer_);
    head_pose_ = std::make_unique<HeadPoseController>(*session_, *engine_, *preview_, *transport_);
    // As MainWindow wires it (MainWindowHeadPose.cpp).
    connect(head_pose_.get(), &HeadPoseController::frameFitChanged, viewer_.get(),
            [this](const std::shared_ptr<const ps::FaceFit>& fit) {
                last_fit_ = fit;
                viewer_->setFrameFit(fit);
            });
    viewer_->setHeadAnglesProvider([this] { return head_pose_->headAnglesAtPlayhead(); });
    connect(viewer_.get(), &ViewerPanel::headPoseDragStarted, head_pose_.get(),
            [this](GizmoHandle) { head_pose_->beginDrag(); });
    connect(viewer_.get(), &ViewerPanel::headPoseDragged, head_pose_.get(),
            &HeadPoseController::dragTo);
    connect(viewer_.get(), &ViewerPanel::headPoseDragFinished, head_pose_.get(),
            &HeadPoseController::finishDrag);
    viewer_->show();
    QVERIFY(QTest::qWaitForWindowExposed(viewer_.get()));
    viewer_->setHeadPoseGizmoVisible(true);
    transport_->seek(kPlayhead_s);
    key_t_s_ = preview_->frameTimeAt(kPlayhead_s);
    QCOMPARE(head_pose_->keyTime_s(), key_t_s_);
    waitForGizmo();
}

void TestHeadPoseEditor::cleanup() {
    head_pose_.reset();
    preview_.reset();
    viewer_.reset();
    transport_.reset();
    session_.reset();
    player_.reset();
    last_fit_.reset();
}

glm::vec3 TestHeadPoseEditor::evaluatedHead(double t_s) const {
    return ps::evaluateMotion(session_->playbackMotion(), *engine_->sources(), t_s,
                              preview_->frameDuration_s())
        .head_deg;
}

void TestHeadPoseEditor::waitForGizmo() {
    // The gizmo is placed on the frame drawn from the motion as it is now: its frame fit has the
    // head the evaluator gives.
    const auto current = [&] {
        if (last_fit_ == nullptr || !viewer_->headPoseGizmo().hasPlacement()) {
            return false;
        }
        const std::optional<ps::FaceFit> wanted = head_pose_->frameFit(key_t_s_);
        return wanted.has_value() &&
               glm::distance(wanted->pose.translation, last_fit_->pose.translation) < 1e-4f &&
               glm::distance(wanted->pose.rotation_deg, last_fit_->pose.rotation_deg) < 1e-4f;
    };
    QTRY_VERIFY_WITH_TIMEOUT(current(), kTimeout_ms);
}

void TestHeadPoseEditor::drag(QWidget* widget, QPoint from, QPoint by,
                              Qt::KeyboardModifiers modifiers) {
    QTest::mouseMove(widget, from + QPoint(1, 0));
    QTest::mouseMove(widget, from);
    QTest::mousePress(widget, Qt::LeftButton, modifiers, from);
    constexpr int kSteps = 4;
    for (int i = 1; i <= kSteps; ++i) {
        QTest::mouseMove(widget, from + by * i / kSteps);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, from + by);
}

QPoint TestHeadPoseEditor::grabPoint(GizmoHandle handle) const {
    const std::optional<QPointF> at =
        viewer_->headPoseGizmo().grabPoint(handle, viewer_->headPoseProjector());
    return at.has_value() ? at->toPoint() : QPoint(-1, -1);
}

void TestHeadPoseEditor::yawRingDragKeysYawAtThePlayheadAndUndoesExactly() {
    const std::string before = withoutNextId(session_->motion());
    const int steps_before = session_->undoStack()->count();
    const glm::vec3 head_before = evaluatedHead(key_t_s_);
    const QPoint press = grabPoint(GizmoHandle::Yaw);
    QVERIFY(viewer_->rect().contains(press));
    QCOMPARE(viewer_->headPoseGizmo().hitTest(press, viewer_->headPoseProjector()),
             GizmoHandle::Yaw);

    // The yaw ring's front, dragged 40 px to the right: the nose turns to the picture's right.
    drag(viewer_.get(), press, QPoint(40, 0));
    QVERIFY(!viewer_->headPoseGizmo().isDragging());
    QCOMPARE(session_->undoStack()->count(), steps_before + 1);
    const std::optional<float> yaw = keyedValue(session_->motion(), ps::kHeadYawChannel, key_t_s_);
    QVERIFY(yaw.has_value());
    QVERIFY(!keyedValue(session_->motion(), ps::kHeadPitchChannel, key_t_s_).has_value());
    QVERIFY(!keyedValue(session_->motion(), ps::kHeadRollChannel, key_t_s_).has_value());
    const glm::vec3 head = evaluatedHead(key_t_s_);
    qInfo("yaw %.2f° -> %.2f° (pitch %.2f° -> %.2f°, roll %.2f° -> %.2f°)", head_before.y, head.y,
          head_before.x, head.x, head_before.z, head.z);
    QCOMPARE(head.y, *yaw);
    QVERIFY2(head.y > head_before.y + 5.0f, qPrintable(QString::number(head.y - head_before.y)));
    QVERIFY(std::abs(head.x - head_before.x) < 1e-4f);
    QVERIFY(std::abs(head.z - head_before.z) < 1e-4f);
    // The gizmo follows the turned head.
    waitForGizmo();

    // One undo takes it out exactly; redo puts the same key back.
    session_->undoStack()->undo();
    QCOMPARE(withoutNextId(session_->motion()), before);
    QVERIFY(std::abs(evaluatedHead(key_t_s_).y - head_before.y) < 1e-5f);
    session_->undoStack()->redo();
    QCOMPARE(keyedValue(session_->motion(), ps::kHeadYawChannel, key_t_s_), yaw);
}

void TestHeadPoseEditor::trackballKeysPitchAndYawTogether() {
    const glm::vec3 head_before = evaluatedHead(key_t_s_);
    const int steps_before = session_->undoStack()->count();
    const QPoint press = grabPoint(GizmoHandle::Trackball);
    QCOMPARE(viewer_->headPoseGizmo().hitTest(press, viewer_->headPoseProjector()),
             GizmoHandle::Trackball);
    // Up and to the left: the nose follows, turning left (yaw down) and up (pitch down).
    drag(viewer_.get(), press, QPoint(-30, -20));
    QCOMPARE(session_->undoStack()->count(), steps_before + 1);
    QVERIFY(keyedValue(session_->motion(), ps::kHeadPitchChannel, key_t_s_).has_value());
    QVERIFY(keyedValue(session_->motion(), ps::kHeadYawChannel, key_t_s_).has_value());
    QVERIFY(!keyedValue(session_->motion(), ps::kHeadRollChannel, key_t_s_).has_value());
    const glm::vec3 head = evaluatedHead(key_t_s_);
    qInfo("trackball: pitch %.2f° -> %.2f°, yaw %.2f° -> %.2f°", head_before.x, head.x,
          head_before.y, head.y);
    QVERIFY(head.y < head_before.y - 3.0f);
    QVERIFY(head.x < head_before.x - 2.0f);
}

void TestHeadPoseEditor::lockedLaneRefuses() {
    LaneFlags locked;
    locked.locked = true;
    session_->setLaneFlags(Lane::Curves, locked);
    QSignalSpy messages(head_pose_.get(), &HeadPoseController::message);
    const std::string before = withoutNextId(session_->motion());
    drag(viewer_.get(), grabPoint(GizmoHandle::Yaw), QPoint(40, 0));
    QCOMPARE(withoutNextId(session_->motion()), before);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.front().front().toString().contains(QStringLiteral("locked")));
    QVERIFY(!head_pose_->setAngle(ps::kHeadRollChannel, 10.0f));
    QCOMPARE(withoutNextId(session_->motion()), before);
}

void TestHeadPoseEditor::typedAngleKeysItAndTheKeyButtonRemovesIt() {
    HeadPoseFields fields(*head_pose_);
    fields.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fields));
    const glm::vec3 head_before = evaluatedHead(key_t_s_);
    // Shown to a tenth of a degree.
    QVERIFY(std::abs(fields.field(ps::kHeadPitchChannel)->value() - head_before.x) < 0.0501);
    QToolButton* key = fields.keyButton(ps::kHeadPitchChannel);
    QVERIFY(!key->isChecked());
    QCOMPARE(key->text(), QStringLiteral("◇"));

    // Typing 12.5 and Enter in the pitch box: one key, one undo step.
    const int steps_before = session_->undoStack()->count();
    QLineEdit* line = fields.field(ps::kHeadPitchChannel)->spinBox()->findChild<QLineEdit*>();
    QVERIFY(line != nullptr);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("12.5"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(keyedValue(session_->motion(), ps::kHeadPitchChannel, key_t_s_),
             std::optional<float>(12.5f));
    QCOMPARE(session_->undoStack()->count(), steps_before + 1);
    QCOMPARE(evaluatedHead(key_t_s_).x, 12.5f);
    QTRY_VERIFY(key->isChecked());
    QCOMPARE(key->text(), QStringLiteral("◆"));
    QVERIFY(!keyedValue(session_->motion(), ps::kHeadYawChannel, key_t_s_).has_value());

    // The key button takes it out again; the field shows the voice's pitch once more.
    QTest::mouseClick(key, Qt::LeftButton);
    QVERIFY(!keyedValue(session_->motion(), ps::kHeadPitchChannel, key_t_s_).has_value());
    QVERIFY(!key->isChecked());
    QVERIFY(std::abs(fields.field(ps::kHeadPitchChannel)->value() - head_before.x) < 0.0501);
    // And keys the shown angle when clicked on an unkeyed frame.
    QTest::mouseClick(fields.keyButton(ps::kHeadRollChannel), Qt::LeftButton);
    const std::optional<float> roll =
        keyedValue(session_->motion(), ps::kHeadRollChannel, key_t_s_);
    QVERIFY(roll.has_value());
    QVERIFY(std::abs(*roll - head_before.z) < 1e-4f);
}

void TestHeadPoseEditor::faceViewGizmoKeysAsTheViewerDoes() {
    FaceView3D view;
    view.resize(480, 480);
    view.setHeadAnglesProvider([this] { return head_pose_->headAnglesAtPlayhead(); });
    connect(&view, &FaceView3D::headPoseDragStarted, head_pose_.get(),
            [this](GizmoHandle) { head_pose_->beginDrag(); });
    connect(&view, &FaceView3D::headPoseDragged, head_pose_.get(), &HeadPoseController::dragTo);
    connect(&view, &FaceView3D::headPoseDragFinished, head_pose_.get(),
            &HeadPoseController::finishDrag);
    view.setPhoto(toPaintableImage(photo_->bgr), engine_->scene()->fit());
    view.setFrameFit(last_fit_);
    view.setHeadPoseGizmoVisible(true);
    view.setPreset(CameraPreset::Front);
    // Without OpenGL (the offscreen platform) a shown GL widget would take the test down with
    // it (OpenGLProbe.h); the mouse reaches a hidden one all the same.
    const bool with_gl = openGLAvailable();
    if (with_gl) {
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }
    QVERIFY(view.hasFace());
    // The front view centres the head's pivot.
    const std::optional<QPointF> pivot = view.headPoseProjector()(view.headPoseGizmo().pivot_cm());
    QVERIFY(pivot.has_value());
    QVERIFY(std::abs(pivot->x() - 240.0) < 1.0 && std::abs(pivot->y() - 240.0) < 1.0);

    const glm::vec3 head_before = evaluatedHead(key_t_s_);
    const std::optional<QPointF> roll_at =
        view.headPoseGizmo().grabPoint(GizmoHandle::Roll, view.headPoseProjector());
    QVERIFY(roll_at.has_value());
    // The roll ring faces the front camera: dragging its top to the right turns it clockwise on
    // screen, which is a negative turn about +z (towards the viewer).
    const QPoint press = roll_at->toPoint();
    const QPointF centre = *pivot;
    const QPoint by = (press.y() < centre.y()) ? QPoint(30, 0) : QPoint(-30, 0);
    drag(&view, press, by);
    const std::optional<float> roll =
        keyedValue(session_->motion(), ps::kHeadRollChannel, key_t_s_);
    QVERIFY(roll.has_value());
    QVERIFY(!keyedValue(session_->motion(), ps::kHeadYawChannel, key_t_s_).has_value());
    const glm::vec3 head = evaluatedHead(key_t_s_);
    qInfo("3D view roll %.2f° -> %.2f°", head_before.z, head.z);
    QVERIFY(std::abs(head.z - head_before.z) > 5.0f);

    // Orbiting (a drag off the gizmo) moves the camera, not the head.
    const int steps = session_->undoStack()->count();
    drag(&view, QPoint(20, 460), QPoint(60, 0));
    QCOMPARE(session_->undoStack()->count(), steps);
    QVERIFY(!view.camera().preset().has_value());
    QTest::keyClick(&view, Qt::Key_3);
    QCOMPARE(view.camera().preset(), std::optional<CameraPreset>(CameraPreset::Side));
    if (with_gl) {
        QVERIFY(view.hasContext());
        // With GL the shaded, textured head is drawn: the middle is not the background.
        const QImage frame = view.grabFramebuffer();
        const QColor middle = frame.pixelColor(frame.width() / 2, frame.height() / 2);
        const QColor corner = frame.pixelColor(2, 2);
        QVERIFY(middle != corner);
        saveArtifact(&view, "face-view-3d.png");
    } else {
        qInfo("no OpenGL context here: the 3D view's drawing is not checked");
    }
}

void TestHeadPoseEditor::headKeysSurviveSaveAndReopen() {
    drag(viewer_.get(), grabPoint(GizmoHandle::Yaw), QPoint(30, 0));
    QVERIFY(head_pose_->setAngle(ps::kHeadRollChannel, -7.0f));
    const std::optional<float> yaw = keyedValue(session_->motion(), ps::kHeadYawChannel, key_t_s_);
    QVERIFY(yaw.has_value());
    const QString path = dir_.filePath(QStringLiteral("turned.pstudio"));
    QString error;
    QVERIFY2(session_->save(path, &error), qPrintable(error));
    ProjectSession reopened{QString()};
    QVERIFY2(reopened.open(path, &error), qPrintable(error));
    QCOMPARE(withoutNextId(reopened.motion()), withoutNextId(session_->motion()));
    QCOMPARE(keyedValue(reopened.motion(), ps::kHeadYawChannel, key_t_s_), yaw);
    QCOMPARE(keyedValue(reopened.motion(), ps::kHeadRollChannel, key_t_s_),
             std::optional<float>(-7.0f));
    saveArtifact(viewer_.get(), "head-pose-gizmo.png");
}

QTEST_MAIN(TestHeadPoseEditor)
#include "TestHeadPoseEditor.moc"
