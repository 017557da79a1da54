// Every edit of the motion document applies completely and returns its inverse, or changes
// nothing: undo (applying the inverse) restores the document exactly, and redo (applying the
// inverse's inverse) brings the edit back exactly.
#include <QtTest>
#include <cmath>
#include <limits>

#include "Keys.h"
#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"
#include "motion/MotionEdit.h"

using namespace ps;

Q_DECLARE_METATYPE(ps::MotionEdit)

namespace {

// A document with something in every list, ids 1..6.
MotionDocument richDocument() {
    MotionDocument document;
    document.duration_s = 8.0;
    for (const char* name : {"smile", "surprise"}) {
        ExpressionClip clip;
        clip.id = document.newId();
        clip.expression.name = name;
        clip.expression.channels.push_back({int(Blendshape::MouthSmileLeft), {key(0.0, 0.7f)}});
        clip.start_s = double(clip.id);
        document.clips.push_back(clip);
    }
    CaptureLayer capture;
    capture.id = document.newId();
    capture.name = "take1.csv";
    capture.track.fps = 60.0;
    capture.track.frames.resize(3);
    document.captures.push_back(capture);
    KeyframeCurve curve;
    curve.id = document.newId();
    curve.channel = kHeadYawChannel;
    curve.keys = {key(0.0, 0.0f), key(1.0, 5.0f, Interpolation::Bezier), key(2.0, 0.0f)};
    document.curves.push_back(curve);
    KeyframeCurve jaw = curve;
    jaw.id = document.newId();
    jaw.channel = int(Blendshape::JawOpen);
    jaw.blend = BlendMode::Override;
    document.curves.push_back(jaw);
    LandmarkSculpt sculpt;
    sculpt.id = document.newId();
    sculpt.center_vertex = 1;
    sculpt.offset_cm = {0.1f, 0.2f, 0.3f};
    document.sculpts.push_back(sculpt);
    return document;
}

// The document as its saved form, without next_id: ids are never reused, so undoing an insertion
// leaves next_id advanced, and that is the one difference undo may leave.
std::string contentOf(const MotionDocument& document) {
    nlohmann::json json = motionDocumentToJson(document);
    json.erase("next_id");
    return json.dump();
}

MotionEdit edit(MotionEdit::Operation operation) {
    return MotionEdit{std::move(operation)};
}

ExpressionClip laughClip() {
    ExpressionClip clip;
    clip.expression.name = "laugh";
    clip.expression.channels.push_back({int(Blendshape::JawOpen), {key(0.0, 0.3f)}});
    clip.start_s = 4.0;
    clip.duration_s = 2.0;
    return clip;
}

}  // namespace

class TestMotionEdit : public QObject {
    Q_OBJECT

private slots:
    void undoAndRedoRestoreExactly_data() {
        QTest::addColumn<MotionEdit>("operation");
        const MotionDocument document = richDocument();

        QTest::newRow("insert clip") << edit(InsertElement<ExpressionClip>{laughClip(), 1});
        QTest::newRow("remove clip") << edit(RemoveElement<ExpressionClip>{1});
        ExpressionClip longer = document.clips[1];
        longer.duration_s = 5.0;
        longer.intensity = 0.4f;
        QTest::newRow("replace clip") << edit(ReplaceElement<ExpressionClip>{longer});

        CaptureLayer capture = document.captures[0];
        capture.id = 0;
        capture.name = "take2.csv";
        QTest::newRow("insert capture") << edit(InsertElement<CaptureLayer>{capture});
        QTest::newRow("remove capture") << edit(RemoveElement<CaptureLayer>{3});
        capture.id = 3;
        capture.blend = BlendMode::Add;
        QTest::newRow("replace capture") << edit(ReplaceElement<CaptureLayer>{capture});

        KeyframeCurve roll;
        roll.channel = kHeadRollChannel;
        roll.keys = {key(0.5, 3.0f, Interpolation::Step)};
        QTest::newRow("insert curve") << edit(InsertElement<KeyframeCurve>{roll, 0});
        QTest::newRow("remove curve") << edit(RemoveElement<KeyframeCurve>{4});
        KeyframeCurve flat = document.curves[1];
        flat.keys = {key(3.0, 0.2f, Interpolation::Ease)};
        QTest::newRow("replace curve") << edit(ReplaceElement<KeyframeCurve>{flat});

        LandmarkSculpt sculpt = document.sculpts[0];
        sculpt.id = 0;
        sculpt.center_vertex = 152;
        QTest::newRow("insert sculpt") << edit(InsertElement<LandmarkSculpt>{sculpt});
        QTest::newRow("remove sculpt") << edit(RemoveElement<LandmarkSculpt>{6});
        sculpt.id = 6;
        sculpt.strength = {key(0.0, 0.0f), key(1.0, 1.0f)};
        QTest::newRow("replace sculpt") << edit(ReplaceElement<LandmarkSculpt>{sculpt});

        QTest::newRow("set new key") << edit(SetKeyframe{4, key(1.5, 2.0f)});
        QTest::newRow("set existing key") << edit(SetKeyframe{4, key(1.0, -4.0f)});
        QTest::newRow("remove key") << edit(RemoveKeyframe{4, 1.0});
        QTest::newRow("move key") << edit(MoveKeyframe{4, 1.0, 1.75});

        MotionStrengths strengths;
        strengths.lips = 0.5f;
        strengths.blink_rate = 1.5f;
        QTest::newRow("strengths") << edit(SetStrengths{strengths});
        VoiceLayerSettings voice;
        voice.nods = 0.0f;
        voice.seed = 9;
        QTest::newRow("voice settings") << edit(SetVoiceSettings{voice});
        IdleLayerSettings idle;
        idle.enabled = false;
        idle.sway = 2.0f;
        QTest::newRow("idle settings") << edit(SetIdleSettings{idle});
        QTest::newRow("duration") << edit(SetDuration{12.5});

        EditGroup group{"Paste", {}};
        group.edits.push_back(edit(InsertElement<ExpressionClip>{laughClip()}));
        group.edits.push_back(edit(RemoveElement<ExpressionClip>{2}));
        group.edits.push_back(edit(MoveKeyframe{4, 2.0, 3.0}));
        QTest::newRow("group") << edit(group);
    }

    void undoAndRedoRestoreExactly() {
        QFETCH(MotionEdit, operation);
        MotionDocument document = richDocument();
        const std::string before = contentOf(document);

        Result<MotionEdit> undo = applyEdit(document, operation);
        QVERIFY2(undo.ok(), undo.ok() ? "" : undo.error().message.c_str());
        const std::string after = contentOf(document);
        QVERIFY(after != before);

        Result<MotionEdit> redo = applyEdit(document, *undo);
        QVERIFY(redo.ok());
        QCOMPARE(contentOf(document), before);

        Result<MotionEdit> undo_again = applyEdit(document, *redo);
        QVERIFY(undo_again.ok());
        QCOMPARE(contentOf(document), after);
        QVERIFY(applyEdit(document, *undo_again).ok());
        QCOMPARE(contentOf(document), before);
    }

    void refusedEditsChangeNothing_data() {
        QTest::addColumn<MotionEdit>("operation");
        QTest::addColumn<QString>("problem");
        ExpressionClip empty = laughClip();
        empty.duration_s = 0.0;
        QTest::newRow("clip without duration")
            << edit(InsertElement<ExpressionClip>{empty}) << "duration";
        ExpressionClip taken = laughClip();
        taken.id = 4;  // a curve's id: ids are unique across kinds
        QTest::newRow("id in use") << edit(InsertElement<ExpressionClip>{taken}) << "in use";
        QTest::newRow("missing clip") << edit(RemoveElement<ExpressionClip>{42}) << "no clip";
        QTest::newRow("missing capture")
            << edit(ReplaceElement<CaptureLayer>{CaptureLayer{}}) << "capture";
        KeyframeCurve unsorted;
        unsorted.channel = kHeadYawChannel;
        unsorted.keys = {key(1.0, 0.0f), key(0.5, 1.0f)};
        QTest::newRow("keys out of order")
            << edit(InsertElement<KeyframeCurve>{unsorted}) << "increasing time";
        KeyframeCurve unknown;
        unknown.channel = kMotionChannelCount;
        QTest::newRow("unknown channel")
            << edit(InsertElement<KeyframeCurve>{unknown}) << "channel";
        LandmarkSculpt outside;
        outside.center_vertex = 468;
        QTest::newRow("vertex outside the mesh")
            << edit(InsertElement<LandmarkSculpt>{outside}) << "468";
        QTest::newRow("NaN key") << edit(SetKeyframe{
                                        4, key(0.5, std::numeric_limits<float>::quiet_NaN())})
                                 << "invalid";
        QTest::newRow("key on missing curve")
            << edit(SetKeyframe{99, key(0.5, 1.0f)}) << "no curve";
        QTest::newRow("remove missing key") << edit(RemoveKeyframe{4, 0.5}) << "no key";
        QTest::newRow("move onto a key") << edit(MoveKeyframe{4, 0.0, 2.0}) << "already";
        MotionStrengths negative;
        negative.head = -1.0f;
        QTest::newRow("negative strength") << edit(SetStrengths{negative}) << "0 or more";
        IdleLayerSettings frantic;
        frantic.blinks_per_min = 500.0;
        QTest::newRow("too many blinks") << edit(SetIdleSettings{frantic}) << "blinks";
        QTest::newRow("negative duration") << edit(SetDuration{-1.0}) << "duration";

        // A group whose last edit fails leaves none of its earlier edits behind.
        EditGroup group{"Paste", {}};
        group.edits.push_back(edit(InsertElement<ExpressionClip>{laughClip()}));
        group.edits.push_back(edit(RemoveElement<ExpressionClip>{1}));
        group.edits.push_back(edit(SetKeyframe{4, key(1.0, 1.0f)}));
        group.edits.push_back(edit(RemoveElement<LandmarkSculpt>{77}));
        QTest::newRow("group failing at the end") << edit(group) << "no sculpt";
    }

    void refusedEditsChangeNothing() {
        QFETCH(MotionEdit, operation);
        QFETCH(QString, problem);
        MotionDocument document = richDocument();
        const std::string before = motionDocumentToJson(document).dump();
        Result<MotionEdit> undo = applyEdit(document, operation);
        QVERIFY(!undo.ok());
        QCOMPARE(undo.error().kind, ErrorKind::BadInput);
        QVERIFY2(QString::fromStdString(undo.error().message).contains(problem),
                 undo.error().message.c_str());
        QCOMPARE(motionDocumentToJson(document).dump(), before);  // next_id included
    }

    void insertedElementsKeepTheirIdThroughUndo() {
        MotionDocument document = richDocument();
        Result<MotionEdit> undo =
            applyEdit(document, edit(InsertElement<ExpressionClip>{laughClip(), 0}));
        QVERIFY(undo.ok());
        QCOMPARE(document.clips.front().id, ElementId(7));
        QCOMPARE(document.next_id, ElementId(8));
        Result<MotionEdit> redo = applyEdit(document, *undo);
        QVERIFY(redo.ok());
        QCOMPARE(int(document.clips.size()), 2);
        QVERIFY(applyEdit(document, *redo).ok());
        QCOMPARE(document.clips.front().id, ElementId(7));
        QCOMPARE(document.next_id, ElementId(8));
        // Elements are found by id, not position: removing the first clip and undoing puts it back
        // first even after another edit changed the list.
        Result<MotionEdit> put_back = applyEdit(document, edit(RemoveElement<ExpressionClip>{7}));
        QVERIFY(put_back.ok());
        QVERIFY(applyEdit(document, edit(ReplaceElement<ExpressionClip>{document.clips[0]})).ok());
        QVERIFY(applyEdit(document, *put_back).ok());
        QCOMPARE(document.clips.front().id, ElementId(7));
    }

    void visemeEditsUndoExactly() {
        MotionDocument document = richDocument();
        // Applies `operation`, checks that undo and redo restore exactly, and leaves it applied.
        const auto undoAndRedo = [&document](const MotionEdit& operation) {
            const std::string before = contentOf(document);
            Result<MotionEdit> undo = applyEdit(document, operation);
            if (!undo.ok()) {
                return undo.error().message;
            }
            const std::string after = contentOf(document);
            Result<MotionEdit> redo = applyEdit(document, *undo);
            if (after == before || !redo.ok() || contentOf(document) != before) {
                return std::string("undo did not restore the document");
            }
            if (!applyEdit(document, *redo).ok() || contentOf(document) != after) {
                return std::string("redo did not bring the edit back");
            }
            return std::string();
        };
        VisemeOverride closed;
        closed.start_s = 1.0;
        closed.end_s = 1.25;
        QCOMPARE(undoAndRedo(edit(InsertElement<VisemeOverride>{closed})), std::string());
        QCOMPARE(document.visemes.size(), size_t(1));
        QCOMPARE(document.visemes[0].id, ElementId(7));
        ExpressionClip clash = laughClip();
        clash.id = 7;  // ids are unique across kinds, visemes included
        QVERIFY(!applyEdit(document, edit(InsertElement<ExpressionClip>{clash})).ok());

        VisemeOverride wide = document.visemes[0];
        wide.shape = MouthShape::Wide;
        wide.end_s = 8.5;  // within a second past the end
        QCOMPARE(undoAndRedo(edit(ReplaceElement<VisemeOverride>{wide})), std::string());
        QCOMPARE(document.visemes[0].shape, MouthShape::Wide);
        QCOMPARE(undoAndRedo(edit(SetTranscript{"Hello, caf\u00e9 world"})), std::string());
        QCOMPARE(document.transcript, std::string("Hello, caf\u00e9 world"));
        wide.shape = MouthShape::TeethOnLip;
        QCOMPARE(undoAndRedo(edit(EditGroup{"Split",
                                            {edit(ReplaceElement<VisemeOverride>{wide}),
                                             edit(InsertElement<VisemeOverride>{closed, 0})}})),
                 std::string());
        QCOMPARE(document.visemes.size(), size_t(2));
        QCOMPARE(document.visemes[1].id, ElementId(7));
        QCOMPARE(undoAndRedo(edit(RemoveElement<VisemeOverride>{7})), std::string());
        QCOMPARE(document.visemes.size(), size_t(1));
    }

    void refusesInvalidVisemes_data() {
        QTest::addColumn<double>("start_s");
        QTest::addColumn<double>("end_s");
        QTest::addColumn<int>("shape");
        QTest::addColumn<QString>("problem");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("not a number") << nan << 1.0 << 1 << "not a number";
        QTest::newRow("end before start") << 2.0 << 1.5 << 1 << "after its start";
        QTest::newRow("empty") << 2.0 << 2.0 << 1 << "after its start";
        QTest::newRow("before 0") << -0.5 << 1.0 << 1 << "within the motion";
        QTest::newRow("past the end") << 7.0 << 9.5 << 1 << "within the motion";
        QTest::newRow("unknown shape") << 1.0 << 2.0 << 6 << "mouth shape";
    }

    void refusesInvalidVisemes() {
        QFETCH(double, start_s);
        QFETCH(double, end_s);
        QFETCH(int, shape);
        QFETCH(QString, problem);
        MotionDocument document = richDocument();  // 8 s long
        const std::string before = motionDocumentToJson(document).dump();
        VisemeOverride viseme;
        viseme.start_s = start_s;
        viseme.end_s = end_s;
        viseme.shape = MouthShape(shape);
        Result<MotionEdit> undo = applyEdit(document, edit(InsertElement<VisemeOverride>{viseme}));
        QVERIFY(!undo.ok());
        QVERIFY2(QString::fromStdString(undo.error().message).contains(problem),
                 undo.error().message.c_str());
        QVERIFY2(QString::fromStdString(undo.error().message).contains("viseme"),
                 undo.error().message.c_str());
        QCOMPARE(motionDocumentToJson(document).dump(), before);
    }

    void keysStayInTimeOrder() {
        MotionDocument document = richDocument();
        QVERIFY(applyEdit(document, edit(SetKeyframe{4, key(0.5, 1.0f)})).ok());
        QVERIFY(applyEdit(document, edit(MoveKeyframe{4, 2.0, 0.25})).ok());
        std::vector<double> times;
        for (const Keyframe& k : document.curves[0].keys) {
            times.push_back(k.t_s);
        }
        QCOMPARE(times, (std::vector<double>{0.0, 0.25, 0.5, 1.0}));
    }

    void editsDescribeThemselves() {
        QCOMPARE(describeEdit(edit(InsertElement<ExpressionClip>{laughClip()})),
                 std::string("Add clip \u201claugh\u201d"));
        KeyframeCurve curve;
        curve.channel = int(Blendshape::JawOpen);
        QCOMPARE(describeEdit(edit(ReplaceElement<KeyframeCurve>{curve})),
                 std::string("Change curve on jawOpen"));
        QCOMPARE(describeEdit(edit(MoveKeyframe{})), std::string("Move key"));
        QCOMPARE(describeEdit(edit(EditGroup{"Nudge keys", {}})), std::string("Nudge keys"));
        VisemeOverride closed;
        QCOMPARE(describeEdit(edit(InsertElement<VisemeOverride>{closed})),
                 std::string("Add viseme \u201cclosed\u201d"));
        QCOMPARE(describeEdit(edit(RemoveElement<VisemeOverride>{1})),
                 std::string("Remove viseme"));
        QCOMPARE(describeEdit(edit(SetTranscript{"hi"})), std::string("Change transcript"));
    }
};

QTEST_GUILESS_MAIN(TestMotionEdit)
#include "TestMotionEdit.moc"
