// The timeline's viseme row driven with real mouse events on the sample voice: it shows the
// voice model's mouth shapes; a double-click where the voice leaves the lips apart inserts a
// closed override that closes them in that frame, one undo step that undoes exactly; an
// override's edge drags, and so does a boundary of the voice's own shapes (making an override);
// the context menu changes a shape and removes an override; the voice lane's lock holds the row
// and its mute mutes the overrides; a transcript's words show in the row; overrides and the
// transcript survive saving and opening the project again; a transcript file that is not text
// is refused with its name.
#include <QAction>
#include <QFile>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QtTest>
#include <glm/geometric.hpp>
#include <memory>

#include "face/FaceMesh.h"
#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionDocumentJson.h"
#include "motion/MotionEvaluator.h"
#include "motion/TemplateLibrary.h"
#include "motion/Viseme.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TimelineView.h"
#include "ui/TranscriptDialog.h"
#include "voice/TranscriptAlignment.h"

using namespace ps::ui;

namespace {

constexpr int kTimeout_ms = 60000;
constexpr double kFrame_s = 1.0 / 25.0;
const QString kPhoto = QStringLiteral(PS_SAMPLES_DIR "/astronaut.png");
const QString kVoice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");

std::string withoutNextId(const ps::MotionDocument& document) {
    nlohmann::json json = ps::motionDocumentToJson(document);
    json.erase("next_id");
    return json.dump();
}

}  // namespace

class TestVisemeLane : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rowShowsTheVoicesShapes();
    void doubleClickClosesTheMouthWhereTheVoiceLeftItOpen();
    void overrideEdgeDragsAndUndoesExactly();
    void voiceBoundaryDragMakesAnOverride();
    void contextMenuSetsTheShapeAndRemoves();
    void lockAndMuteOfTheVoiceLaneHoldTheRow();
    void transcriptWordsShowInTheRow();
    void overridesAndTranscriptSurviveSaveAndReopen();
    void transcriptFileThatIsNotTextIsRefused();

private:
    // The inner lips' gap (image pixels) the frame at t shows from the session's motion.
    double lipGapAt(double t_s) const;
    double lipGapOf(const ps::MotionDocument& motion, double t_s) const;
    // The viseme row's middle (y) and a time's x in the view.
    double visemeRowY() const;
    QPoint pointAt(double t_s) const;
    void drag(QPoint from, QPoint to);

    QTemporaryDir dir_;
    std::unique_ptr<PreviewEngine> engine_;
    ps::ui::AudioClipPtr audio_;
    std::unique_ptr<ps::TemplateLibrary> templates_;
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<SelectionModel> selection_;
    std::unique_ptr<TimelineView> view_;
    std::vector<ps::VisemeSegment> voice_segments_;
    double open_s_ = 0.0;  // a frame where the voice has the lips widest apart
};

void TestVisemeLane::initTestCase() {
    QVERIFY(dir_.isValid());
    ps::Result<ps::Photo> photo = ps::decodeImage(kPhoto.toStdString());
    QVERIFY(photo.ok());
    ps::Result<ps::AudioClip> audio = ps::decodeAudio(kVoice.toStdString(), ps::CancelToken());
    QVERIFY(audio.ok());
    audio_ = std::make_shared<const ps::AudioClip>(std::move(*audio));
    engine_ = std::make_unique<PreviewEngine>();
    ps::MotionDocument document;
    document.duration_s = audio_->duration_s();
    engine_->setMotion(document);
    engine_->setPhoto(std::make_shared<const ps::Photo>(std::move(*photo)));
    engine_->setAudio(audio_);
    QTRY_VERIFY_WITH_TIMEOUT(engine_->hasScene() && !engine_->isAnalysingVoice() &&
                                 engine_->sources() != nullptr &&
                                 !engine_->sources()->voice.track.frames.empty(),
                             kTimeout_ms);
    voice_segments_ = ps::visemeSegments(engine_->sources()->voice.track);
    QVERIFY(voice_segments_.size() > 10);
    double widest = 0.0;
    for (int frame = 25; frame <= 150; ++frame) {
        const double gap = lipGapOf(document, frame * kFrame_s);
        if (gap > widest) {
            widest = gap;
            open_s_ = frame * kFrame_s;
        }
    }
    qInfo("the voice opens the lips %.1f px at %.2f s", widest, open_s_);
    QVERIFY(widest > 4.0);
    templates_ = std::make_unique<ps::TemplateLibrary>(ps::TemplateLibrary::load(
        PS_SOURCE_DIR "/presets", dir_.filePath(QStringLiteral("user")).toStdString()));
}

void TestVisemeLane::init() {
    session_ = std::make_unique<ProjectSession>(QString());
    session_->setPhoto(kPhoto);
    session_->setAudio(kVoice, audio_->duration_s());
    selection_ = std::make_unique<SelectionModel>();
    view_ = std::make_unique<TimelineView>(*session_, *selection_, *templates_);
    view_->resize(1400, 300);
    view_->setVisemes(voice_segments_);
    view_->show();
    QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    // Zoomed in so that frames are wide enough to hit: 4 s across the view.
    view_->zoomAround(0.0, 1400.0 / 4.0 / view_->timelineGeometry().pixelsPerSecond());
    view_->setScroll_s(std::max(0.0, open_s_ - 2.0));
}

void TestVisemeLane::cleanup() {
    view_.reset();
    selection_.reset();
    session_.reset();
}

double TestVisemeLane::lipGapOf(const ps::MotionDocument& motion, double t_s) const {
    const ps::FaceState state = ps::evaluateMotion(motion, *engine_->sources(), t_s, kFrame_s);
    const ps::FaceFit fit = ps::applyFaceState(engine_->scene()->fit(), state);
    return glm::distance(fit.landmarks2d[ps::landmark::kUpperInnerLip],
                         fit.landmarks2d[ps::landmark::kLowerInnerLip]);
}

double TestVisemeLane::lipGapAt(double t_s) const {
    return lipGapOf(session_->playbackMotion(), t_s);
}

double TestVisemeLane::visemeRowY() const {
    const TimelineGeometry& g = view_->timelineGeometry();
    for (int i = 0; i < int(g.rows().size()); ++i) {
        if (g.rows()[size_t(i)].kind == TimelineRowKind::Visemes) {
            // The shapes' band, below the words' line.
            return g.rowRect(i).bottom() - 8.0;
        }
    }
    return -1.0;
}

QPoint TestVisemeLane::pointAt(double t_s) const {
    return QPointF(view_->timelineGeometry().xOf(t_s), visemeRowY()).toPoint();
}

void TestVisemeLane::drag(QPoint from, QPoint to) {
    QTest::mouseMove(view_.get(), from);
    QTest::mousePress(view_.get(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(view_.get(), (from + to) / 2);
    QTest::mouseMove(view_.get(), to);
    QTest::mouseRelease(view_.get(), Qt::LeftButton, Qt::NoModifier, to);
}

void TestVisemeLane::rowShowsTheVoicesShapes() {
    QVERIFY(visemeRowY() > 0.0);
    const std::vector<VisemeLaneEditor::Segment> shown = view_->visemeLane().shownSegments();
    QCOMPARE(shown.size(), voice_segments_.size());
    // The widest-open frame is one of the open shapes, and p/b/m closures are among the shapes.
    const std::optional<VisemeLaneEditor::Segment> at = view_->visemeLane().segmentAt(open_s_);
    QVERIFY(at.has_value());
    QVERIFY(at->shape != ps::MouthShape::Closed && at->shape != ps::MouthShape::Rest);
    QVERIFY(std::any_of(shown.begin(), shown.end(),
                        [](const auto& s) { return s.shape == ps::MouthShape::Closed; }));
}

void TestVisemeLane::doubleClickClosesTheMouthWhereTheVoiceLeftItOpen() {
    const std::string before = withoutNextId(session_->motion());
    const int steps = session_->undoStack()->count();
    const double gap_before = lipGapAt(open_s_);
    // In the middle of the frame at open_s_.
    const QPoint at = pointAt(open_s_ + 0.5 * kFrame_s);
    QTest::mouseDClick(view_.get(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(session_->undoStack()->count(), steps + 1);
    const std::vector<ps::VisemeOverride>& visemes = session_->motion().visemes;
    QCOMPARE(visemes.size(), size_t(1));
    QCOMPARE(visemes[0].shape, ps::MouthShape::Closed);
    QVERIFY(std::abs(visemes[0].start_s - (open_s_ - kFrame_s)) < 1e-9);
    QVERIFY(std::abs(visemes[0].end_s - (open_s_ + 2 * kFrame_s)) < 1e-9);
    const double gap = lipGapAt(open_s_);
    qInfo("inner lips %.2f px apart before, %.2f px with the override", gap_before, gap);
    QVERIFY2(gap < 0.5, qPrintable(QString::number(gap)));
    // The row shows it over the voice's shape.
    QCOMPARE(view_->visemeLane().segmentAt(open_s_)->override_id, visemes[0].id);
    // Outside the override the voice's mouth is as it was.
    ps::MotionDocument voice_only;
    voice_only.duration_s = session_->motion().duration_s;
    const double later_s = open_s_ + 5 * kFrame_s;
    QVERIFY(std::abs(lipGapAt(later_s) - lipGapOf(voice_only, later_s)) < 1e-6);
    session_->undoStack()->undo();
    QCOMPARE(withoutNextId(session_->motion()), before);
    QVERIFY(std::abs(lipGapAt(open_s_) - gap_before) < 1e-9);
}

void TestVisemeLane::overrideEdgeDragsAndUndoesExactly() {
    QTest::mouseDClick(view_.get(), Qt::LeftButton, Qt::NoModifier,
                       pointAt(open_s_ + 0.5 * kFrame_s));
    QCOMPARE(session_->motion().visemes.size(), size_t(1));
    const ps::VisemeOverride inserted = session_->motion().visemes[0];
    const std::string before = withoutNextId(session_->motion());
    const int steps = session_->undoStack()->count();
    // The right edge three frames later (snapping to frames).
    const double pps = view_->timelineGeometry().pixelsPerSecond();
    const QPoint edge = pointAt(inserted.end_s);
    drag(edge, edge + QPoint(int(std::lround(3 * kFrame_s * pps)), 0));
    QCOMPARE(session_->undoStack()->count(), steps + 1);
    const ps::VisemeOverride moved = session_->motion().visemes[0];
    QCOMPARE(moved.id, inserted.id);
    QCOMPARE(moved.start_s, inserted.start_s);
    QVERIFY2(std::abs(moved.end_s - (inserted.end_s + 3 * kFrame_s)) < 1e-6,
             qPrintable(QString::number(moved.end_s - inserted.end_s)));
    // The left edge cannot pass the right one: at least a frame stays.
    const QPoint left = pointAt(moved.start_s);
    drag(left, left + QPoint(int(std::lround(20 * kFrame_s * pps)), 0));
    const ps::VisemeOverride squeezed = session_->motion().visemes[0];
    QVERIFY(squeezed.end_s - squeezed.start_s >= kFrame_s - 1e-9);
    session_->undoStack()->undo();
    session_->undoStack()->undo();
    QCOMPARE(withoutNextId(session_->motion()), before);
}

void TestVisemeLane::voiceBoundaryDragMakesAnOverride() {
    // A boundary between two of the voice's segments inside the view.
    const ps::VisemeSegment* left = nullptr;
    const ps::VisemeSegment* right = nullptr;
    for (size_t i = 1; i < voice_segments_.size(); ++i) {
        const double b = voice_segments_[i].start_s;
        if (b > open_s_ - 1.5 && b < open_s_ + 1.5 && voice_segments_[i].end_s - b > 4 * kFrame_s) {
            left = &voice_segments_[i - 1];
            right = &voice_segments_[i];
            break;
        }
    }
    QVERIFY(left != nullptr);
    const int steps = session_->undoStack()->count();
    const double pps = view_->timelineGeometry().pixelsPerSecond();
    const QPoint boundary = pointAt(right->start_s);
    // Two frames to the right: the left segment grows into the right one.
    drag(boundary, boundary + QPoint(int(std::lround(2 * kFrame_s * pps)), 0));
    QCOMPARE(session_->undoStack()->count(), steps + 1);
    QCOMPARE(session_->motion().visemes.size(), size_t(1));
    const ps::VisemeOverride made = session_->motion().visemes[0];
    QCOMPARE(made.shape, left->shape);
    QVERIFY(std::abs(made.start_s - right->start_s) < 1e-9);
    // Where the cursor went, to the nearest frame (moves snap).
    QVERIFY2(std::abs(made.end_s - (right->start_s + 2 * kFrame_s)) <= 0.5 * kFrame_s + 1e-6,
             qPrintable(QString::number(made.end_s - right->start_s)));
    const std::optional<VisemeLaneEditor::Segment> shown =
        view_->visemeLane().segmentAt(right->start_s + kFrame_s);
    QCOMPARE(shown->shape, left->shape);
    session_->undoStack()->undo();
    QVERIFY(session_->motion().visemes.empty());

    // Out and back to where it started: nothing made, nothing to undo.
    const QPoint out = boundary + QPoint(int(std::lround(2 * kFrame_s * pps)), 0);
    QTest::mouseMove(view_.get(), boundary);
    QTest::mousePress(view_.get(), Qt::LeftButton, Qt::NoModifier, boundary);
    QTest::mouseMove(view_.get(), out);
    QCOMPARE(session_->motion().visemes.size(), size_t(1));
    QTest::mouseMove(view_.get(), boundary);
    QTest::mouseRelease(view_.get(), Qt::LeftButton, Qt::NoModifier, boundary);
    QVERIFY(session_->motion().visemes.empty());
    QCOMPARE(session_->undoStack()->index(), steps);
    QVERIFY(!session_->undoStack()->canRedo());
}

void TestVisemeLane::contextMenuSetsTheShapeAndRemoves() {
    const double t = open_s_ + 0.5 * kFrame_s;
    const std::optional<VisemeLaneEditor::Segment> voice_there = [&] {
        for (const ps::VisemeSegment& s : voice_segments_) {
            if (t >= s.start_s && t < s.end_s) {
                return std::optional<VisemeLaneEditor::Segment>(
                    VisemeLaneEditor::Segment{s.start_s, s.end_s, s.shape, 0, true});
            }
        }
        return std::optional<VisemeLaneEditor::Segment>();
    }();
    QVERIFY(voice_there.has_value());
    // A shape other than the voice's own there (which depends on the shipped voice model).
    const bool voice_rounded = voice_there->shape == ps::MouthShape::Rounded;
    const QString chosen = voice_rounded ? QStringLiteral("wide") : QStringLiteral("rounded");
    const ps::MouthShape chosen_shape =
        voice_rounded ? ps::MouthShape::Wide : ps::MouthShape::Rounded;
    // Over the voice's own segment: choosing a shape makes an override of that segment.
    std::unique_ptr<QMenu> menu(view_->visemeMenu(pointAt(t)));
    QVERIFY(menu != nullptr);
    QVERIFY(menu->findChild<QAction*>(QStringLiteral("visemeRemoveOverride")) == nullptr);
    auto* first = menu->findChild<QAction*>(QStringLiteral("visemeShape_") + chosen);
    QVERIFY(first != nullptr && !first->isChecked());
    first->trigger();
    QCOMPARE(session_->motion().visemes.size(), size_t(1));
    QCOMPARE(session_->motion().visemes[0].shape, chosen_shape);
    QCOMPARE(session_->motion().visemes[0].start_s, voice_there->start_s);
    QCOMPARE(session_->motion().visemes[0].end_s, voice_there->end_s);
    // Over the override: its shape changes in place, and it can be removed.
    menu.reset(view_->visemeMenu(pointAt(t)));
    QVERIFY(menu->findChild<QAction*>(QStringLiteral("visemeShape_") + chosen)->isChecked());
    menu->findChild<QAction*>(QStringLiteral("visemeShape_teethOnLip"))->trigger();
    QCOMPARE(session_->motion().visemes.size(), size_t(1));
    QCOMPARE(session_->motion().visemes[0].shape, ps::MouthShape::TeethOnLip);
    menu.reset(view_->visemeMenu(pointAt(t)));
    QAction* remove = menu->findChild<QAction*>(QStringLiteral("visemeRemoveOverride"));
    QVERIFY(remove != nullptr);
    remove->trigger();
    QVERIFY(session_->motion().visemes.empty());
    // Off the row there is no viseme menu.
    QVERIFY(view_->visemeMenu(QPointF(pointAt(t).x(), 2.0)) == nullptr);
}

void TestVisemeLane::lockAndMuteOfTheVoiceLaneHoldTheRow() {
    LaneFlags locked;
    locked.locked = true;
    session_->setLaneFlags(Lane::Voice, locked);
    QTest::mouseDClick(view_.get(), Qt::LeftButton, Qt::NoModifier,
                       pointAt(open_s_ + 0.5 * kFrame_s));
    QVERIFY(session_->motion().visemes.empty());
    QVERIFY(view_->visemeMenu(pointAt(open_s_)) == nullptr);
    session_->setLaneFlags(Lane::Voice, LaneFlags{});
    QTest::mouseDClick(view_.get(), Qt::LeftButton, Qt::NoModifier,
                       pointAt(open_s_ + 0.5 * kFrame_s));
    QCOMPARE(session_->motion().visemes.size(), size_t(1));
    LaneFlags muted;
    muted.muted = true;
    session_->setLaneFlags(Lane::Voice, muted);
    const ps::MotionDocument playback = session_->playbackMotion();
    QCOMPARE(playback.visemes.size(), size_t(1));
    QVERIFY(!playback.visemes[0].enabled);
    QVERIFY(!playback.voice.enabled);
}

void TestVisemeLane::transcriptWordsShowInTheRow() {
    const std::string transcript = "the quick brown fox jumps over the lazy dog";
    QVERIFY(session_->apply(ps::MotionEdit{ps::SetTranscript{transcript}}));
    view_->setTranscriptWords(ps::alignTranscript(transcript, engine_->sources()->voice.track));
    const std::vector<ps::AlignedWord>& words = view_->visemeLane().words();
    QCOMPARE(words.size(), size_t(9));
    QCOMPARE(words.front().text, std::string("the"));
    for (size_t i = 1; i < words.size(); ++i) {
        QVERIFY(words[i].start_s >= words[i - 1].end_s - 1e-9);
    }
    const QString folder = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (!folder.isEmpty()) {
        QTest::mouseDClick(view_.get(), Qt::LeftButton, Qt::NoModifier,
                           pointAt(open_s_ + 0.5 * kFrame_s));
        QDir().mkpath(folder);
        view_->grab().save(QDir(folder).filePath(QStringLiteral("viseme-lane.png")));
    }
}

void TestVisemeLane::overridesAndTranscriptSurviveSaveAndReopen() {
    QTest::mouseDClick(view_.get(), Qt::LeftButton, Qt::NoModifier,
                       pointAt(open_s_ + 0.5 * kFrame_s));
    QVERIFY(session_->apply(ps::MotionEdit{ps::SetTranscript{"hello there"}}));
    const QString path = dir_.filePath(QStringLiteral("visemes.pstudio"));
    QString error;
    QVERIFY2(session_->save(path, &error), qPrintable(error));
    ProjectSession reopened{QString()};
    QVERIFY2(reopened.open(path, &error), qPrintable(error));
    QCOMPARE(withoutNextId(reopened.motion()), withoutNextId(session_->motion()));
    QCOMPARE(reopened.motion().visemes.size(), size_t(1));
    QCOMPARE(reopened.motion().visemes[0].shape, ps::MouthShape::Closed);
    QCOMPARE(reopened.motion().transcript, std::string("hello there"));
    QVERIFY(lipGapOf(reopened.motion(), open_s_) < 0.5);
}

void TestVisemeLane::transcriptFileThatIsNotTextIsRefused() {
    const QString text_path = dir_.filePath(QStringLiteral("words.txt"));
    {
        QFile file(text_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("  Übung macht den Meister\n");
    }
    const QString binary_path = dir_.filePath(QStringLiteral("noise.txt"));
    {
        QFile file(binary_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11));
    }
    QString text;
    QString error;
    QVERIFY(TranscriptDialog::readTextFile(text_path, &text, &error));
    QCOMPARE(text, QStringLiteral("Übung macht den Meister"));
    QVERIFY(!TranscriptDialog::readTextFile(binary_path, &text, &error));
    QVERIFY2(error.startsWith(QStringLiteral("noise.txt:")), qPrintable(error));
    QVERIFY(
        !TranscriptDialog::readTextFile(dir_.filePath(QStringLiteral("gone.txt")), &text, &error));
    QVERIFY2(error.startsWith(QStringLiteral("gone.txt:")), qPrintable(error));

    // The dialog keeps what was typed when a load fails, and takes a good file's words.
    TranscriptDialog dialog(QStringLiteral("typed words"));
    QVERIFY(!dialog.loadFile(binary_path));
    QCOMPARE(dialog.transcript(), QStringLiteral("typed words"));
    QVERIFY(dialog.loadFile(text_path));
    QCOMPARE(dialog.transcript(), QStringLiteral("Übung macht den Meister"));
}

QTEST_MAIN(TestVisemeLane)
#include "TestVisemeLane.moc"
