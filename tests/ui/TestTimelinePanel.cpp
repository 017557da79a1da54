// The timeline panel driven as a creator drives it: real widgets, real mouse events aimed with
// the panel's own geometry. Each gesture must be one undo step that puts the document back
// exactly; snapping, locks, mutes, the clipboard and template drops do what the lanes show.
#include <QDropEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest>
#include <cmath>
#include <memory>

#include "motion/MotionDocumentJson.h"
#include "motion/MotionEdit.h"
#include "motion/TemplateLibrary.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TemplateDrag.h"
#include "ui/TimelineGeometry.h"
#include "ui/TimelineLaneHeader.h"
#include "ui/TimelinePanel.h"
#include "ui/TimelineView.h"

using ps::ui::ElementKind;
using ps::ui::ElementRef;
using ps::ui::Lane;
using ps::ui::ProjectSession;
using ps::ui::SelectionModel;
using ps::ui::TimelineGeometry;
using ps::ui::TimelinePanel;

namespace {

constexpr double kExact = 1e-9;

// A session with a ten-second voice, the built-in templates and a shown panel.
struct Studio {
    QTemporaryDir user_folder;
    ProjectSession session{QString{}};
    SelectionModel selection;
    ps::TemplateLibrary templates;
    std::unique_ptr<TimelinePanel> panel;

    Studio()
        : templates(ps::TemplateLibrary::load(PS_SOURCE_DIR "/presets",
                                              user_folder.path().toStdString())) {
        session.setAudio(QStringLiteral("voice.wav"), 10.0);
        panel = std::make_unique<TimelinePanel>(session, selection, templates);
        panel->resize(1000, 400);
        panel->show();
    }
    QWidget* view() const { return panel->view(); }
    const TimelineGeometry& geometry() const { return panel->view()->timelineGeometry(); }

    ps::ElementId addClip(ps::TemplateKind kind, const char* name, double start_s,
                          double duration_s) {
        const std::optional<ps::ExpressionTemplate> found = templates.find(kind, name);
        if (!found) {
            qFatal("no template %s", name);
        }
        ps::ExpressionClip clip = ps::ui::templateClip(*found, start_s);
        clip.duration_s = duration_s;
        const ps::ElementId id = session.motion().next_id;
        if (!session.apply({ps::InsertElement<ps::ExpressionClip>{clip}})) {
            qFatal("clip refused");
        }
        return id;
    }
    ps::ElementId addExpression(double start_s, double duration_s) {
        return addClip(ps::TemplateKind::Expression, "smile", start_s, duration_s);
    }
    ps::ElementId addCurve(std::vector<std::pair<double, float>> keys) {
        ps::KeyframeCurve curve;
        curve.channel = int(ps::Blendshape::JawOpen);
        for (auto [t, v] : keys) {
            ps::Keyframe key;
            key.t_s = t;
            key.value = v;
            curve.keys.push_back(key);
        }
        const ps::ElementId id = session.motion().next_id;
        if (!session.apply({ps::InsertElement<ps::KeyframeCurve>{curve}})) {
            qFatal("curve refused");
        }
        return id;
    }
    const ps::ExpressionClip& clip(ps::ElementId id) const {
        for (const ps::ExpressionClip& c : session.motion().clips) {
            if (c.id == id) {
                return c;
            }
        }
        qFatal("no clip %llu", static_cast<unsigned long long>(id));
    }
    QRectF rectOf(ps::ElementId clip_id) const {
        const ps::ui::TimelineBlock* block =
            geometry().findBlock(ElementRef{ElementKind::Clip, clip_id, 0.0});
        return block != nullptr ? geometry().blockRect(*block) : QRectF();
    }
    QPoint centreOf(ps::ElementId clip_id) const { return rectOf(clip_id).center().toPoint(); }
    QPoint keyAt(ps::ElementId curve, double t_s) const {
        return geometry()
            .keyPoint(ps::ui::TimelineKey{curve, t_s, geometry().rowOfCurve(curve)})
            .toPoint();
    }
    // The document as saved, less next_id (an undone insertion leaves its id used up).
    std::string json() const {
        nlohmann::json document = ps::motionDocumentToJson(session.motion());
        document.erase("next_id");
        return document.dump();
    }
    int undoCount() { return session.undoStack()->count(); }
};

// Press, several moves (carrying `modifiers`), release: a drag as a hand makes it.
void drag(QWidget* widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {},
          int steps = 8) {
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = from + (to - from) * i / steps;
        QTest::mouseEvent(QTest::MouseMove, widget, Qt::NoButton, modifiers, at);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, to);
}

void sendWheel(QWidget* widget, QPoint at, QPoint angle, Qt::KeyboardModifiers modifiers) {
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), angle, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &event);
}

QList<ElementRef> only(const ElementRef& ref) {
    return {ref};
}

bool sameClip(const ps::ExpressionClip& a, const ps::ExpressionClip& b) {
    return a.id == b.id && a.expression.name == b.expression.name && a.start_s == b.start_s &&
           a.duration_s == b.duration_s && a.fade_in_s == b.fade_in_s &&
           a.fade_out_s == b.fade_out_s && a.intensity == b.intensity && a.enabled == b.enabled;
}

}  // namespace

class TestTimelinePanel : public QObject {
    Q_OBJECT

private slots:
    void geometryRoundTrips_data() {
        QTest::addColumn<double>("pixels_per_s");
        QTest::addColumn<double>("scroll_s");
        QTest::newRow("far out") << 2.0 << 0.0;
        QTest::newRow("fit") << 78.7 << 0.0;
        QTest::newRow("scrolled") << 100.0 << 3.25;
        QTest::newRow("frames") << 880.0 << 7.5;
        QTest::newRow("closest") << 5000.0 << 9.99;
    }
    void geometryRoundTrips() {
        QFETCH(double, pixels_per_s);
        QFETCH(double, scroll_s);
        TimelineGeometry g;
        g.setViewSize(800, 300);
        g.setPixelsPerSecond(pixels_per_s);
        g.setScroll_s(scroll_s);
        for (double t : {0.0, 0.04, 1.5, 3.3333, 9.96}) {
            QVERIFY(std::abs(g.timeAt(g.xOf(t)) - t) < kExact);
        }
        for (double x : {0.0, 10.0, 333.0, 799.0}) {
            QVERIFY(std::abs(g.xOf(g.timeAt(x)) - x) < 1e-6);
        }
        QCOMPARE(g.xOf(scroll_s), TimelineGeometry::kLeftMargin_px);
        // Zooming around a point keeps that point's time there.
        for (double factor : {2.5, 0.4, 1.2}) {
            const double x = 333.0;
            const double t = g.timeAt(x);
            g.zoomAround(x, factor);
            QVERIFY(std::abs(g.timeAt(x) - t) < 1e-9);
        }
    }

    void geometryStacksAndHits() {
        ps::MotionDocument document;
        document.duration_s = 10.0;
        ps::ExpressionClip a;
        a.id = 1;
        a.expression.name = "a";
        a.start_s = 1.0;
        a.duration_s = 2.0;
        ps::ExpressionClip b = a;
        b.id = 2;
        b.start_s = 2.0;  // overlaps a
        ps::ExpressionClip c = a;
        c.id = 3;
        c.start_s = 3.0;  // touches a's end: same row as a
        ps::ExpressionClip pose = a;
        pose.id = 4;
        pose.expression.kind = ps::TemplateKind::Pose;
        document.clips = {a, b, c, pose};
        ps::KeyframeCurve curve;
        curve.id = 5;
        curve.keys = {ps::Keyframe{1.0}, ps::Keyframe{2.0}};
        document.curves = {curve};
        document.next_id = 6;

        TimelineGeometry g;
        g.setViewSize(1000, 400);
        g.fit(10.0);
        g.layOut(document);
        const auto row = [&g](ps::ElementId id) {
            return g.findBlock(ElementRef{ElementKind::Clip, id, 0.0})->row;
        };
        QCOMPARE(row(1), row(3));
        QCOMPARE(row(2), row(1) + 1);
        QCOMPARE(g.rows()[size_t(row(4))].lane, Lane::Poses);
        QVERIFY(g.rowOfCurve(5) > row(4));

        const QRectF r = g.blockRect(*g.findBlock(ElementRef{ElementKind::Clip, 1, 0.0}));
        const double mid_y = r.center().y();
        QCOMPARE(g.hitTest({r.center().x(), mid_y}).part, ps::ui::TimelineHitPart::Body);
        QCOMPARE(g.hitTest({r.left() + 2, mid_y}).part, ps::ui::TimelineHitPart::LeftEdge);
        QCOMPARE(g.hitTest({r.right() - 2, mid_y}).part, ps::ui::TimelineHitPart::RightEdge);
        QCOMPARE(g.hitTest({g.xOf(1.25), r.top() + 2}).part, ps::ui::TimelineHitPart::FadeIn);
        QCOMPARE(g.hitTest({g.xOf(2.75), r.top() + 2}).part, ps::ui::TimelineHitPart::FadeOut);
        QCOMPARE(g.hitTest({g.xOf(1.0), g.rowRect(g.rowOfCurve(5)).center().y()}).part,
                 ps::ui::TimelineHitPart::Key);
        QCOMPARE(g.hitTest({100, 5}).part, ps::ui::TimelineHitPart::Ruler);

        // Snapping: the nearest candidate within reach wins over frames; else the frame.
        const double px = 1.0 / g.pixelsPerSecond();
        QCOMPARE(g.snapTime(5.0 + 5 * px, {5.0, 7.0}, 0.04), 5.0);
        QVERIFY(std::abs(g.snapTime(5.0 + 12 * px, {5.0}, 0.0) - (5.0 + 12 * px)) < kExact);
        QVERIFY(std::abs(g.snapTime(3.013, {}, 0.04) - 3.0) < kExact);
        QVERIFY(std::abs(g.snapOffset({1.0, 2.0 - 3 * px}, {2.0}, 0.04) - 3 * px) < kExact);
    }

    void draggingAClipMovesItAsOneUndoStep() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId id = studio.addExpression(2.0, 2.0);
        studio.panel->setSnapping(false);
        const ps::ExpressionClip before = studio.clip(id);
        const std::string json_before = studio.json();
        const int steps_before = studio.undoCount();

        const QPoint from = studio.centreOf(id);
        drag(studio.view(), from, from + QPoint(100, 0), {}, 12);
        const double pps = studio.panel->pixelsPerSecond();
        QVERIFY(std::abs(studio.clip(id).start_s - (2.0 + 100.0 / pps)) < kExact);
        QCOMPARE(studio.clip(id).duration_s, 2.0);
        QCOMPARE(studio.undoCount(), steps_before + 1);
        QVERIFY(studio.selection.contains(ElementRef{ElementKind::Clip, id, 0.0}));

        studio.session.undoStack()->undo();
        QVERIFY(sameClip(studio.clip(id), before));
        QCOMPARE(studio.json(), json_before);
        studio.session.undoStack()->redo();
        QVERIFY(std::abs(studio.clip(id).start_s - (2.0 + 100.0 / pps)) < kExact);

        // Dragged far left, it stops at 0.
        drag(studio.view(), studio.centreOf(id), studio.centreOf(id) - QPoint(900, 0));
        QCOMPARE(studio.clip(id).start_s, 0.0);
    }

    void trimmingEitherEdgeKeepsTheOtherEnd() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId id = studio.addExpression(2.0, 2.0);
        studio.panel->setSnapping(false);
        const double pps = studio.panel->pixelsPerSecond();
        const int steps_before = studio.undoCount();

        QRectF r = studio.rectOf(id);
        const QPoint left(int(r.left()) + 2, int(r.center().y()));
        drag(studio.view(), left, left + QPoint(50, 0));
        QVERIFY(std::abs(studio.clip(id).start_s - (2.0 + 50.0 / pps)) < kExact);
        QVERIFY(std::abs(studio.clip(id).start_s + studio.clip(id).duration_s - 4.0) < kExact);
        QCOMPARE(studio.undoCount(), steps_before + 1);

        r = studio.rectOf(id);
        const QPoint right(int(std::ceil(r.right())) - 2, int(r.center().y()));
        const double start = studio.clip(id).start_s;
        drag(studio.view(), right, right - QPoint(30, 0));
        QCOMPARE(studio.clip(id).start_s, start);
        QVERIFY(std::abs(studio.clip(id).start_s + studio.clip(id).duration_s -
                         (4.0 - 30.0 / pps)) < kExact);
        QCOMPARE(studio.undoCount(), steps_before + 2);

        // Never shorter than a tenth of a second; the start stays put.
        r = studio.rectOf(id);
        drag(studio.view(), QPoint(int(std::ceil(r.right())) - 2, int(r.center().y())),
             QPoint(int(r.left()) - 200, int(r.center().y())));
        QCOMPARE(studio.clip(id).start_s, start);
        QVERIFY(std::abs(studio.clip(id).duration_s - 0.1) < kExact);
        QVERIFY(studio.clip(id).fade_in_s + studio.clip(id).fade_out_s <=
                studio.clip(id).duration_s + kExact);

        studio.session.undoStack()->undo();
        studio.session.undoStack()->undo();
        studio.session.undoStack()->undo();
        QCOMPARE(studio.clip(id).start_s, 2.0);
        QCOMPARE(studio.clip(id).duration_s, 2.0);
    }

    void fadeHandlesChangeTheFades() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId id = studio.addExpression(2.0, 4.0);
        const double pps = studio.panel->pixelsPerSecond();
        const int steps_before = studio.undoCount();
        const double top = studio.rectOf(id).top();

        const QPoint fade_in(int(std::lround(studio.panel->xOfTime(2.25))), int(top) + 2);
        drag(studio.view(), fade_in, fade_in + QPoint(40, 0));
        const double expected_in = 0.25 + 40.0 / pps;
        QVERIFY(std::abs(studio.clip(id).fade_in_s - expected_in) < 1e-6);
        QCOMPARE(studio.clip(id).start_s, 2.0);
        QCOMPARE(studio.clip(id).duration_s, 4.0);

        const QPoint fade_out(int(std::lround(studio.panel->xOfTime(5.75))), int(top) + 2);
        drag(studio.view(), fade_out, fade_out - QPoint(40, 0));
        const double expected_out = 0.25 + 40.0 / pps;
        QVERIFY(std::abs(studio.clip(id).fade_out_s - expected_out) < 1e-6);
        QCOMPARE(studio.undoCount(), steps_before + 2);

        // The fades never add up to more than the clip.
        const double in_x = studio.panel->xOfTime(2.0 + studio.clip(id).fade_in_s);
        drag(studio.view(), QPoint(int(std::lround(in_x)), int(top) + 2),
             QPoint(int(in_x) + 600, int(top) + 2));
        QVERIFY(std::abs(studio.clip(id).fade_in_s + studio.clip(id).fade_out_s - 4.0) < 1e-9);

        studio.session.undoStack()->undo();
        studio.session.undoStack()->undo();
        studio.session.undoStack()->undo();
        QCOMPARE(studio.clip(id).fade_in_s, 0.25);
        QCOMPARE(studio.clip(id).fade_out_s, 0.25);
    }

    void shiftClickThenDragMovesBoth() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId a = studio.addExpression(1.0, 1.0);
        const ps::ElementId b = studio.addClip(ps::TemplateKind::Pose, "nod", 5.0, 1.0);
        studio.panel->setSnapping(false);
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.centreOf(a));
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ShiftModifier, studio.centreOf(b));
        QCOMPARE(studio.selection.selected().size(), 2);
        const std::string json_before = studio.json();
        const int steps_before = studio.undoCount();

        drag(studio.view(), studio.centreOf(a), studio.centreOf(a) + QPoint(60, 0));
        const double moved = 60.0 / studio.panel->pixelsPerSecond();
        QVERIFY(std::abs(studio.clip(a).start_s - (1.0 + moved)) < kExact);
        QVERIFY(std::abs(studio.clip(b).start_s - (5.0 + moved)) < kExact);
        QCOMPARE(studio.undoCount(), steps_before + 1);
        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), json_before);

        // A plain click on one of a selection selects just it; Ctrl-click toggles.
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.centreOf(a));
        QCOMPARE(studio.selection.selected(), only({ElementKind::Clip, a, 0.0}));
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier, studio.centreOf(b));
        QCOMPARE(studio.selection.selected().size(), 2);
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier, studio.centreOf(a));
        QCOMPARE(studio.selection.selected(), only({ElementKind::Clip, b, 0.0}));
    }

    void rubberBandSelectsWhatItTouches() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId a = studio.addExpression(1.0, 1.0);
        const ps::ElementId b = studio.addExpression(3.0, 1.0);
        const ps::ElementId pose = studio.addClip(ps::TemplateKind::Pose, "nod", 1.0, 1.0);
        const ps::ElementId curve = studio.addCurve({{1.5, 0.2f}, {6.0, 0.8f}});
        studio.selection.select({ElementKind::Clip, pose, 0.0});

        const int y = int(studio.rectOf(a).center().y());
        const QPoint from(int(studio.panel->xOfTime(0.3)), y);
        drag(studio.view(), from, QPoint(int(studio.panel->xOfTime(3.5)), y + 2));
        QCOMPARE(studio.selection.selected().size(), 2);
        QVERIFY(studio.selection.contains({ElementKind::Clip, a, 0.0}));
        QVERIFY(studio.selection.contains({ElementKind::Clip, b, 0.0}));

        // A band across the curve's row takes the keys it touches; a click on nothing clears.
        const QPoint key = studio.keyAt(curve, 1.5);
        drag(studio.view(), key - QPoint(20, 8), key + QPoint(20, 8));
        QCOMPARE(studio.selection.selected(), only({ElementKind::Key, curve, 1.5}));
        QTest::mouseClick(studio.view(), Qt::LeftButton, {},
                          QPoint(int(studio.panel->xOfTime(8.0)), y));
        QVERIFY(studio.selection.isEmpty());
    }

    void copyPasteDuplicateAndDeleteUndoExactly() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId a = studio.addExpression(1.0, 1.0);
        const ps::ElementId b = studio.addClip(ps::TemplateKind::Pose, "nod", 3.0, 0.5);
        const ps::ElementId curve = studio.addCurve({{1.5, 0.2f}, {2.0, 0.9f}});
        studio.selection.setSelection({{ElementKind::Clip, a, 0.0},
                                       {ElementKind::Clip, b, 0.0},
                                       {ElementKind::Key, curve, 2.0}});
        studio.panel->copySelection();
        studio.panel->setPlayhead(6.0);
        const std::string json_before = studio.json();
        const int steps_before = studio.undoCount();

        studio.panel->pasteAtPlayhead();
        const std::string json_pasted = studio.json();
        QCOMPARE(studio.undoCount(), steps_before + 1);
        const auto& clips = studio.session.motion().clips;
        QCOMPARE(int(clips.size()), 4);
        QCOMPARE(clips[2].start_s, 6.0);
        QCOMPARE(clips[2].expression.name, std::string("smile"));
        QCOMPARE(clips[3].start_s, 8.0);
        QVERIFY(clips[2].id != a && clips[3].id != b);
        const auto& keys = studio.session.motion().curves[0].keys;
        QCOMPARE(int(keys.size()), 3);
        QVERIFY(std::abs(keys[2].t_s - 7.0) < kExact);
        QCOMPARE(keys[2].value, 0.9f);
        QCOMPARE(studio.selection.selected().size(), 3);  // the copies

        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), json_before);
        studio.session.undoStack()->redo();
        QCOMPARE(studio.json(), json_pasted);

        // Delete takes the selected clips and keys in one step.
        studio.selection.setSelection(
            {{ElementKind::Clip, a, 0.0}, {ElementKind::Key, curve, 1.5}});
        studio.panel->deleteSelection();
        const std::string json_deleted = studio.json();
        QCOMPARE(studio.undoCount(), steps_before + 2);
        QCOMPARE(int(studio.session.motion().clips.size()), 3);
        QCOMPARE(int(studio.session.motion().curves[0].keys.size()), 2);
        QVERIFY(studio.selection.isEmpty());
        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), json_pasted);
        studio.session.undoStack()->redo();
        QCOMPARE(studio.json(), json_deleted);

        // Duplicate puts the copies right after the selection's end.
        studio.selection.setSelection({{ElementKind::Clip, b, 0.0}});
        studio.panel->duplicateSelection();
        QCOMPARE(studio.undoCount(), steps_before + 3);
        QCOMPARE(studio.session.motion().clips.back().start_s, 3.5);
        QCOMPARE(studio.session.motion().clips.back().expression.name, std::string("nod"));

        // The actions exist with their shortcuts for MainWindow's Edit menu.
        const QList<QAction*> actions = studio.panel->editActions();
        QCOMPARE(actions.size(), 4);
        QCOMPARE(actions[0]->objectName(), QStringLiteral("timelineCopyAction"));
        QCOMPARE(actions[0]->shortcut(), QKeySequence(QKeySequence::Copy));
        QCOMPARE(actions[0]->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QVERIFY(
            studio.panel->findChild<QAction*>(QStringLiteral("timelineSnapAction"))->isCheckable());
    }

    void snappingPullsToAnotherClipsEdgeAndCtrlInverts() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId a = studio.addExpression(1.0, 1.0);
        studio.addExpression(5.0, 1.0);
        QVERIFY(studio.panel->isSnapping());
        const double pps = studio.panel->pixelsPerSecond();
        // Far enough to bring a's end 5 px short of b's start.
        const int dx = int(std::lround(3.0 * pps - 5.0));
        const QPoint from = studio.centreOf(a);

        drag(studio.view(), from, from + QPoint(dx, 0));
        QCOMPARE(studio.clip(a).start_s, 4.0);
        studio.session.undoStack()->undo();

        drag(studio.view(), from, from + QPoint(dx, 0), Qt::ControlModifier);
        QVERIFY(std::abs(studio.clip(a).start_s - (1.0 + dx / pps)) < kExact);
        studio.session.undoStack()->undo();

        // With snapping off, Ctrl turns it on for the drag.
        studio.panel->setSnapping(false);
        drag(studio.view(), from, from + QPoint(dx, 0), Qt::ControlModifier);
        QCOMPARE(studio.clip(a).start_s, 4.0);
        studio.session.undoStack()->undo();
        drag(studio.view(), from, from + QPoint(dx, 0));
        QVERIFY(std::abs(studio.clip(a).start_s - (1.0 + dx / pps)) < kExact);
        studio.session.undoStack()->undo();

        // Snapping on, away from edges: starts land on frame boundaries.
        studio.panel->setSnapping(true);
        drag(studio.view(), from, from + QPoint(int(0.53 * pps), 0));
        const double frames = studio.clip(a).start_s * 25.0;
        QVERIFY(std::abs(frames - std::round(frames)) < 1e-6);
    }

    void lockedLaneIgnoresClicksAndMuteSetsTheFlag() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId a = studio.addExpression(1.0, 1.0);
        const ps::ElementId pose = studio.addClip(ps::TemplateKind::Pose, "nod", 1.0, 1.0);
        auto* lock =
            studio.panel->findChild<QToolButton*>(QStringLiteral("lockButton_Expressions"));
        auto* mute = studio.panel->findChild<QToolButton*>(QStringLiteral("muteButton_Poses"));
        QVERIFY(lock != nullptr && mute != nullptr);
        QVERIFY(studio.panel->findChild<QToolButton*>(QStringLiteral("soloButton_Curves")));

        QTest::mouseClick(lock, Qt::LeftButton);
        QVERIFY(studio.session.laneStates().isLocked(Lane::Expressions));
        const int steps_before = studio.undoCount();
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.centreOf(a));
        QVERIFY(studio.selection.isEmpty());
        drag(studio.view(), studio.centreOf(a), studio.centreOf(a) + QPoint(80, 0));
        QCOMPARE(studio.clip(a).start_s, 1.0);
        QCOMPARE(studio.undoCount(), steps_before);
        // A rubber band passes over it too; the unlocked pose is still there for the mouse.
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.centreOf(pose));
        QCOMPARE(studio.selection.selected(), only({ElementKind::Clip, pose, 0.0}));

        QTest::mouseClick(mute, Qt::LeftButton);
        QVERIFY(studio.session.laneStates().flags(Lane::Poses).muted);
        QVERIFY(!studio.session.laneStates().isAudible(Lane::Poses));
        QVERIFY(!studio.session.playbackMotion().clips[1].enabled);
        QTest::mouseClick(mute, Qt::LeftButton);
        QVERIFY(!studio.session.laneStates().flags(Lane::Poses).muted);
        // The switches follow flags set elsewhere.
        studio.session.setLaneFlags(Lane::Expressions, {});
        QVERIFY(!lock->isChecked());
    }

    void templateDropLandsUnderThePointer() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const int steps_before = studio.undoCount();
        const QPointF at(studio.panel->xOfTime(3.3),
                         studio.geometry().laneRect(Lane::Expressions).center().y());
        std::unique_ptr<QMimeData> mime(
            ps::ui::templateMimeData({ps::TemplateKind::Expression, QStringLiteral("surprise")}));
        // As a drag from the library arrives: it enters (and is accepted), moves, drops.
        QDragEnterEvent enter(at.toPoint() - QPoint(30, 0), Qt::CopyAction, mime.get(),
                              Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(studio.view(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at.toPoint(), Qt::CopyAction, mime.get(), Qt::LeftButton,
                            Qt::NoModifier);
        QCoreApplication::sendEvent(studio.view(), &move);
        QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(studio.view(), &drop);

        QCOMPARE(int(studio.session.motion().clips.size()), 1);
        const ps::ExpressionClip& clip = studio.session.motion().clips[0];
        QCOMPARE(clip.expression.name, std::string("surprise"));
        QVERIFY(std::abs(clip.start_s - 3.3) <= 0.04 + 1e-9);
        QCOMPARE(studio.undoCount(), steps_before + 1);
        QCOMPARE(studio.selection.current(), (ElementRef{ElementKind::Clip, clip.id, 0.0}));

        // Something that is not a template is refused.
        QMimeData other;
        other.setText(QStringLiteral("hello"));
        QDragEnterEvent refused(at.toPoint(), Qt::CopyAction, &other, Qt::LeftButton,
                                Qt::NoModifier);
        QCoreApplication::sendEvent(studio.view(), &refused);
        QVERIFY(!refused.isAccepted());
        QCOMPARE(int(studio.session.motion().clips.size()), 1);
    }

    void wheelZoomsAroundTheCursorAndScrolls() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const double pps = studio.panel->pixelsPerSecond();
        const QPoint at(400, 100);
        const double t = studio.panel->timeAtX(at.x());
        sendWheel(studio.view(), at, QPoint(0, 120), Qt::ControlModifier);
        QVERIFY(std::abs(studio.panel->pixelsPerSecond() - pps * 1.2) < 1e-9);
        QVERIFY(std::abs(studio.panel->timeAtX(at.x()) - t) < 1e-9);
        sendWheel(studio.view(), at, QPoint(0, 360), Qt::ControlModifier);
        QVERIFY(std::abs(studio.panel->timeAtX(at.x()) - t) < 1e-9);

        // Shift+wheel scrolls in time.
        const double left = studio.panel->timeAtX(TimelineGeometry::kLeftMargin_px);
        sendWheel(studio.view(), at, QPoint(0, -120), Qt::ShiftModifier);
        QVERIFY(studio.panel->timeAtX(TimelineGeometry::kLeftMargin_px) > left);

        studio.panel->zoomIn();
        QVERIFY(studio.panel->pixelsPerSecond() > pps * 1.2 * 1.728);
        studio.panel->zoomToFit();
        QVERIFY(std::abs(studio.panel->pixelsPerSecond() - pps) < 1e-9);
        QCOMPARE(studio.panel->timeAtX(TimelineGeometry::kLeftMargin_px), 0.0);
    }

    void rulerSeeksAndDragsThePlayhead() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        QSignalSpy seeks(studio.panel.get(), &TimelinePanel::seekRequested);
        QSignalSpy scrubbing(studio.panel.get(), &TimelinePanel::scrubbingChanged);
        const QPoint from(int(studio.panel->xOfTime(2.0)), 10);
        drag(studio.view(), from, QPoint(int(studio.panel->xOfTime(4.0)), 12));
        QCOMPARE(scrubbing.count(), 2);
        QCOMPARE(scrubbing.at(0).at(0).toBool(), true);
        QCOMPARE(scrubbing.at(1).at(0).toBool(), false);
        QVERIFY(seeks.count() >= 2);
        QVERIFY(std::abs(seeks.first().at(0).toDouble() - 2.0) <= 0.04);
        const double last = seeks.last().at(0).toDouble();
        QVERIFY(std::abs(last - 4.0) <= 0.04);
        QCOMPARE(studio.panel->playhead(), last);

        // setPlayhead only draws; a marker goes where the playhead is.
        seeks.clear();
        studio.panel->setPlayhead(7.5);
        QCOMPARE(seeks.count(), 0);
        studio.panel->addMarkerAtPlayhead();
        QCOMPARE(studio.panel->markers(), QList<double>{7.5});
    }

    void keyDragIsOneStepAndDoubleClickAddsAKey() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId curve = studio.addCurve({{1.0, 0.1f}, {2.0, 0.5f}, {3.0, 0.3f}});
        studio.panel->setSnapping(false);
        const std::string json_before = studio.json();
        const int steps_before = studio.undoCount();

        const QPoint key = studio.keyAt(curve, 2.0);
        drag(studio.view(), key, key + QPoint(30, 0), {}, 10);
        const double moved = 2.0 + 30.0 / studio.panel->pixelsPerSecond();
        const auto& keys = studio.session.motion().curves[0].keys;
        QVERIFY(std::abs(keys[1].t_s - moved) < kExact);
        QCOMPARE(keys[1].value, 0.5f);
        QCOMPARE(studio.undoCount(), steps_before + 1);
        QVERIFY(studio.selection.contains({ElementKind::Key, curve, keys[1].t_s}));
        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), json_before);

        const QPoint at(int(studio.panel->xOfTime(4.5)), key.y());
        QTest::mouseDClick(studio.view(), Qt::LeftButton, {}, at);
        QCOMPARE(int(studio.session.motion().curves[0].keys.size()), 4);
        const ps::Keyframe& added = studio.session.motion().curves[0].keys[3];
        QVERIFY(std::abs(added.t_s - studio.panel->timeAtX(at.x())) < kExact);
        QCOMPARE(added.value, 0.3f);
        QCOMPARE(studio.undoCount(), steps_before + 1);  // the undone drag was replaced
    }

    void shortcutsActWithFocusInThePanel() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        studio.panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(studio.panel.get()));
        const ps::ElementId a = studio.addExpression(1.0, 1.0);
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.centreOf(a));
        QVERIFY(studio.view()->hasFocus());
        QTest::keyClick(studio.view(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(int(studio.session.motion().clips.size()), 2);
        QCOMPARE(studio.session.motion().clips[1].start_s, 2.0);
        QTest::keyClick(studio.view(), Qt::Key_Delete);
        QCOMPARE(int(studio.session.motion().clips.size()), 1);
        studio.panel->setPlayhead(4.0);
        QTest::keyClick(studio.view(), Qt::Key_M);
        QCOMPARE(studio.panel->markers(), QList<double>{4.0});
        const double pps = studio.panel->pixelsPerSecond();
        QTest::keyClick(studio.view(), Qt::Key_Equal);
        QVERIFY(studio.panel->pixelsPerSecond() > pps);
        QTest::keyClick(studio.view(), Qt::Key_0);
        QCOMPARE(studio.panel->pixelsPerSecond(), pps);
        QTest::keyClick(studio.view(), Qt::Key_N);
        QVERIFY(!studio.panel->isSnapping());
    }

    void screenshot() {
        const QByteArray folder = qgetenv("PS_TEST_ARTIFACTS");
        if (folder.isEmpty()) {
            QSKIP("PS_TEST_ARTIFACTS is not set");
        }
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId smile = studio.addExpression(0.8, 2.4);
        studio.addClip(ps::TemplateKind::Expression, "surprise", 2.6, 1.5);
        studio.addClip(ps::TemplateKind::Pose, "nod", 4.0, 3.0);
        ps::CaptureLayer capture;
        capture.name = "take-03.csv";
        capture.track.fps = 25.0;
        capture.track.frames.resize(50);
        capture.start_s = 6.0;
        QVERIFY(studio.session.apply({ps::InsertElement<ps::CaptureLayer>{capture}}));
        const ps::ElementId curve = studio.addCurve({{1.0, 0.1f}, {3.5, 0.8f}, {7.0, 0.3f}});
        ps::LandmarkSculpt sculpt;
        sculpt.center_vertex = 61;
        sculpt.strength = {ps::Keyframe{2.0, 0.0f}, ps::Keyframe{5.0, 1.0f}};
        QVERIFY(studio.session.apply({ps::InsertElement<ps::LandmarkSculpt>{sculpt}}));

        auto audio = std::make_shared<ps::AudioClip>();
        audio->playback.sample_rate_hz = 48000;
        audio->playback.channels = 1;
        audio->playback.samples.resize(48000 * 10);
        QVector<float> mouth(250);
        for (size_t i = 0; i < audio->playback.samples.size(); ++i) {
            const double t = double(i) / 48000.0;
            const double envelope =
                std::max(0.0, std::sin(t * 2.1)) * (0.4 + 0.5 * std::sin(t * 7));
            audio->playback.samples[i] =
                float(envelope * std::sin(t * 2.0 * 3.14159265358979 * 180.0));
        }
        for (int i = 0; i < mouth.size(); ++i) {
            const double t = i / 25.0;
            mouth[i] = float(std::max(0.0, std::sin(t * 2.1)) * (0.5 + 0.5 * std::sin(t * 11)));
        }
        studio.panel->setAudio(audio);
        studio.panel->setVoiceActivity(mouth, 25.0);
        studio.panel->setPlayhead(3.2);
        studio.panel->addMarkerAtPlayhead();
        studio.panel->setPlayhead(4.6);
        studio.selection.setSelection(
            {{ElementKind::Clip, smile, 0.0}, {ElementKind::Key, curve, 3.5}});
        studio.session.setLaneFlags(Lane::Captures, {true, false, false});
        QVERIFY(studio.panel->grab().save(QString::fromLocal8Bit(folder) +
                                          QStringLiteral("/timeline.png")));
        // Close up, where frames show on the ruler.
        for (int i = 0; i < 6; ++i) {
            studio.panel->zoomIn();
        }
        QVERIFY(studio.panel->grab().save(QString::fromLocal8Bit(folder) +
                                          QStringLiteral("/timeline-zoomed.png")));
    }

    void motionChecksDrawAtTheirTimes() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        // The strip's red, not the playhead's lighter one (0xff5c5c).
        const auto is_red = [](QRgb c) { return qRed(c) > 200 && qGreen(c) < 80 && qBlue(c) < 80; };
        const auto is_amber = [](QRgb c) {
            return qRed(c) > 200 && qGreen(c) > 140 && qGreen(c) < 200 && qBlue(c) < 90;
        };
        const auto count = [](const QImage& image, auto test) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    n += test(image.pixel(x, y));
                }
            }
            return n;
        };
        const QImage before = studio.view()->grab().toImage();
        QCOMPARE(count(before, is_red), 0);

        ps::MotionIssue lips;
        lips.kind = ps::MotionIssueKind::LipsApart;
        lips.fps = 25.0;
        lips.first_frame = 50;  // 2.0 s
        lips.end_frame = 75;    // 3.0 s
        lips.peak = 4.2f;
        lips.severity = 2.8f;
        ps::MotionIssue jitter;
        jitter.kind = ps::MotionIssueKind::Jitter;
        jitter.fps = 25.0;
        jitter.first_frame = 150;  // 6.0 s
        jitter.end_frame = 153;
        jitter.severity = 1.9f;
        studio.panel->setMotionChecks({lips, jitter});
        const QImage image = studio.view()->grab().toImage();
        QCOMPARE(image.size(), studio.view()->size());

        const QRectF band = ps::ui::TimelineView::motionCheckBand(image.width());
        const double x0 = studio.panel->xOfTime(2.0);
        const double x1 = studio.panel->xOfTime(3.0);
        const int mid_y = int(band.center().y());
        for (int x = int(x0) + 1; x < int(x1) - 1; ++x) {
            QVERIFY2(is_red(image.pixel(x, mid_y)), qPrintable(QString::number(x)));
        }
        // Red nowhere else: not outside the issue's range, not outside the strip.
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (is_red(image.pixel(x, y))) {
                    QVERIFY2(
                        x >= x0 - 1 && x <= x1 + 1 && band.adjusted(0, -1, 0, 1).contains(x, y),
                        qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
                }
            }
        }
        const int jitter_x = int(studio.panel->xOfTime(6.04));
        QVERIFY(is_amber(image.pixel(jitter_x, mid_y)));
        QVERIFY(!is_amber(image.pixel(int(studio.panel->xOfTime(5.5)), mid_y)));

        // The tooltip names the problem and its frames, and nothing off the strip.
        const QString text = studio.panel->view()->motionCheckTextAt(QPointF((x0 + x1) / 2, mid_y));
        QVERIFY2(text.contains(QStringLiteral("Lips apart")) &&
                     text.contains(QStringLiteral("50")) && text.contains(QStringLiteral("74")),
                 qPrintable(text));
        QVERIFY(studio.panel->view()
                    ->motionCheckTextAt(QPointF(jitter_x, mid_y))
                    .contains(QStringLiteral("Jitter")));
        QVERIFY(studio.panel->view()->motionCheckTextAt(QPointF((x0 + x1) / 2, 150)).isEmpty());
        QVERIFY(studio.panel->view()->motionCheckTextAt(QPointF(x1 + 40, mid_y)).isEmpty());

        studio.panel->setMotionChecks({});
        QCOMPARE(count(studio.view()->grab().toImage(), is_red), 0);
    }
};

QTEST_MAIN(TestTimelinePanel)
#include "TestTimelinePanel.moc"
