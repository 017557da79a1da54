// The graph editor driven as a creator drives it: real widgets, real mouse and keyboard events
// aimed with the view's own geometry. Key moves, handle edits, inserts and deletes must change
// exactly what the gesture says, be one undo step that puts the document back, and survive a
// save and reopen. The handle arithmetic and the view's mapping are checked on their own first.
#include <QFile>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest>
#include <cmath>
#include <memory>

#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"
#include "motion/MotionEdit.h"
#include "ui/DarkTheme.h"
#include "ui/GraphEditorGeometry.h"
#include "ui/GraphEditorPanel.h"
#include "ui/GraphEditorView.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"

using ps::HandleType;
using ps::ui::ElementKind;
using ps::ui::ElementRef;
using ps::ui::GraphEditorGeometry;
using ps::ui::GraphEditorPanel;
using ps::ui::GraphEditorView;
using ps::ui::HandleSide;
using ps::ui::ProjectSession;
using ps::ui::SelectionModel;

namespace {

constexpr int kJaw = int(ps::Blendshape::JawOpen);
constexpr int kSmile = int(ps::Blendshape::MouthSmileLeft);
constexpr double kFrame_s = 0.04;  // the project's default 25 fps

ps::Keyframe key(double t_s, float value,
                 ps::Interpolation interpolation = ps::Interpolation::Linear) {
    ps::Keyframe k;
    k.t_s = t_s;
    k.value = value;
    k.interpolation = interpolation;
    return k;
}

// The voice's derived motion: a jaw that opens and closes, a head that turns a little.
std::shared_ptr<ps::MotionSources> voiceSources(double duration_s) {
    auto sources = std::make_shared<ps::MotionSources>();
    ps::FaceTrack& track = sources->voice.track;
    track.fps = 60.0;
    track.frames.resize(size_t(duration_s * track.fps));
    for (size_t i = 0; i < track.frames.size(); ++i) {
        const double t = double(i) / track.fps;
        const double speaking = std::max(0.0, std::sin(t * 1.3));
        track.frames[i].weights[size_t(kJaw)] = float(speaking * (0.25 + 0.2 * std::sin(t * 17.0)));
        track.frames[i].head_deg.y = float(4.0 * std::sin(t * 0.9));
    }
    return sources;
}

// A session with a ten-second voice, its derived motion and a shown panel.
struct Studio {
    ProjectSession session{QString{}};
    SelectionModel selection;
    std::shared_ptr<ps::MotionSources> sources = voiceSources(10.0);
    std::unique_ptr<GraphEditorPanel> panel;

    Studio() {
        session.setAudio(QStringLiteral("voice.wav"), 10.0);
        panel = std::make_unique<GraphEditorPanel>(session, selection, [this] {
            return std::shared_ptr<const ps::MotionSources>(sources);
        });
        panel->resize(1100, 460);
        panel->show();
    }
    GraphEditorView* view() const { return panel->view(); }
    const GraphEditorGeometry& geometry() const { return panel->view()->graphGeometry(); }

    ps::ElementId addCurve(int channel, std::vector<ps::Keyframe> keys) {
        ps::KeyframeCurve curve;
        curve.channel = channel;
        curve.keys = std::move(keys);
        const ps::ElementId id = session.motion().next_id;
        if (!session.apply({ps::InsertElement<ps::KeyframeCurve>{curve}})) {
            qFatal("curve refused");
        }
        return id;
    }
    const ps::KeyframeCurve& curve(ps::ElementId id) const {
        for (const ps::KeyframeCurve& c : session.motion().curves) {
            if (c.id == id) {
                return c;
            }
        }
        qFatal("no curve %llu", static_cast<unsigned long long>(id));
    }
    QPoint keyAt(ps::ElementId curve_id, double t_s) const {
        return view()->keyPoint(curve_id, t_s).toPoint();
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
          int steps = 8, Qt::MouseButton button = Qt::LeftButton) {
    QTest::mousePress(widget, button, modifiers, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = from + (to - from) * i / steps;
        QTest::mouseEvent(QTest::MouseMove, widget, Qt::NoButton, modifiers, at);
    }
    QTest::mouseRelease(widget, button, modifiers, to);
}

void sendWheel(QWidget* widget, QPoint at, QPoint angle, Qt::KeyboardModifiers modifiers = {}) {
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), angle, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &event);
}

QToolButton* button(const GraphEditorPanel& panel, const char* action_name) {
    return panel.findChild<QToolButton*>(QString::fromLatin1(action_name) +
                                         QStringLiteral("Button"));
}

ElementRef keyRef(ps::ElementId curve, double t_s) {
    return {ElementKind::Key, curve, t_s};
}

// The largest difference between two key lists' curves over their span.
double shapeDifference(const std::vector<ps::Keyframe>& a, const std::vector<ps::Keyframe>& b) {
    double worst = 0.0;
    const double from = a.front().t_s - 0.5, to = a.back().t_s + 0.5;
    for (int i = 0; i <= 400; ++i) {
        const double t = from + (to - from) * i / 400.0;
        worst = std::max(worst, double(std::abs(ps::evaluateKeys(a, t) - ps::evaluateKeys(b, t))));
    }
    return worst;
}

}  // namespace

class TestGraphEditor : public QObject {
    Q_OBJECT

private slots:
    // --- the pure parts ----------------------------------------------------------------------

    void geometryMapsAndFrames() {
        GraphEditorGeometry g;
        g.setViewSize(800, 300);
        g.frame(1.0, 3.0, 0.1, 0.7);
        const QRectF plot = g.plotRect();
        for (double t : {1.0, 2.0, 3.0}) {
            QVERIFY(std::abs(g.timeAt(g.xOf(t)) - t) < 1e-12);
            QVERIFY(g.xOf(t) > plot.left() && g.xOf(t) < plot.right());
        }
        for (double v : {0.1, 0.4, 0.7}) {
            QVERIFY(std::abs(g.displayAt(g.yOf(v)) - v) < 1e-12);
            QVERIFY(g.yOf(v) > plot.top() && g.yOf(v) < plot.bottom());
        }
        QVERIFY(g.yOf(0.7) < g.yOf(0.1));  // up is more
        // Zooming and panning keep what is under the pointer under it.
        const double t = g.timeAt(333.0), v = g.displayAt(120.0);
        g.zoomTimeAround(333.0, 2.5);
        g.zoomValueAround(120.0, 0.4);
        QVERIFY(std::abs(g.timeAt(333.0) - t) < 1e-9);
        QVERIFY(std::abs(g.displayAt(120.0) - v) < 1e-9);
        g.panBy(40.0, -25.0);
        QVERIFY(std::abs(g.timeAt(373.0) - t) < 1e-9);
        QVERIFY(std::abs(g.displayAt(95.0) - v) < 1e-9);

        // Normalised: the channel's range lands on -1..1, and back.
        g.setChannelRange(kJaw, 0.2, 0.6);
        QCOMPARE(g.displayOf(kJaw, 0.3), 0.3);  // not normalised yet
        g.setNormalised(true);
        QVERIFY(std::abs(g.displayOf(kJaw, 0.2) + 1.0) < 1e-12);
        QVERIFY(std::abs(g.displayOf(kJaw, 0.6) - 1.0) < 1e-12);
        QVERIFY(std::abs(g.valueOf(kJaw, g.displayOf(kJaw, 0.47)) - 0.47) < 1e-12);
        QCOMPARE(g.unitsPerDisplay(kJaw), 0.2);
        g.setChannelRange(kSmile, 0.5, 0.5);  // flat: centred, not divided by zero
        QCOMPARE(g.displayOf(kSmile, 0.5), 0.0);

        QCOMPARE(GraphEditorGeometry::niceStep(0.03), 0.05);
        QCOMPARE(GraphEditorGeometry::niceStep(0.1), 0.1);
        QCOMPARE(GraphEditorGeometry::niceStep(13.0), 20.0);
    }

    void handlesPlaceAlignAndAuto() {
        std::vector<ps::Keyframe> keys = {key(1.0, 0.1f, ps::Interpolation::Bezier),
                                          key(2.0, 0.6f, ps::Interpolation::Bezier),
                                          key(4.0, 0.2f, ps::Interpolation::Linear)};
        QVERIFY(!ps::ui::hasHandle(keys, 0, HandleSide::In));
        QVERIFY(ps::ui::hasHandle(keys, 0, HandleSide::Out));
        QVERIFY(ps::ui::hasHandle(keys, 1, HandleSide::In));
        QVERIFY(ps::ui::hasHandle(keys, 1, HandleSide::Out));
        QVERIFY(ps::ui::hasHandle(keys, 2, HandleSide::In));
        QVERIFY(!ps::ui::hasHandle(keys, 2, HandleSide::Out));

        // Placing the out handle of key 1 at (2.5 s, 0.9): x is half of its 2 s segment.
        ps::ui::placeHandle(keys, 1, HandleSide::Out, {2.5, 0.9});
        QVERIFY(std::abs(keys[1].out_x - 0.25f) < 1e-6f);
        QVERIFY(std::abs(keys[1].out_dy - 0.3f) < 1e-6f);
        const ps::ui::GraphPoint out = ps::ui::handlePoint(keys, 1, HandleSide::Out);
        QVERIFY(std::abs(out.t_s - 2.5) < 1e-6 && std::abs(out.value - 0.9) < 1e-6);
        // Past the next key: clamped to the segment.
        std::vector<ps::Keyframe> clamped = keys;
        ps::ui::placeHandle(clamped, 1, HandleSide::Out, {9.0, 0.9});
        QCOMPARE(clamped[1].out_x, 1.0f);
        QVERIFY(ps::keysAreValid(clamped));

        // Aligned: the in handle turns onto the out handle's line, keeping its reach in time.
        keys[1].in_x = 0.5f;
        keys[1].in_dy = 0.2f;
        ps::ui::alignOppositeHandle(keys, 1, HandleSide::Out);
        QCOMPARE(keys[1].in_x, 0.5f);
        const ps::ui::GraphPoint in = ps::ui::handlePoint(keys, 1, HandleSide::In);
        const double slope_out = (out.value - 0.6) / (out.t_s - 2.0);
        const double slope_in = (0.6 - in.value) / (2.0 - in.t_s);
        QVERIFY(std::abs(slope_out - slope_in) < 1e-5);
        QVERIFY(in.t_s < 2.0);

        // Auto: a peak is flat; a key on a slope takes its neighbours' slope, without overshoot.
        ps::ui::setAutoHandles(keys, 1);
        QCOMPARE(keys[1].out_dy, 0.0f);
        QCOMPARE(keys[1].in_dy, 0.0f);
        std::vector<ps::Keyframe> rising = {key(0.0, 0.0f, ps::Interpolation::Bezier),
                                            key(1.0, 0.5f, ps::Interpolation::Bezier),
                                            key(2.0, 0.6f, ps::Interpolation::Bezier)};
        for (size_t i = 0; i < rising.size(); ++i) {
            ps::ui::setAutoHandles(rising, i);
        }
        QVERIFY(rising[1].out_dy > 0.0f && rising[1].in_dy < 0.0f);
        QCOMPARE(rising[0].out_dy, 0.0f);  // ends are flat
        for (int i = 0; i <= 200; ++i) {
            const float v = ps::evaluateKeys(rising, i / 100.0);
            QVERIFY2(v >= -1e-6f && v <= 0.6f + 1e-6f, "an auto curve overshoots");
        }
        QVERIFY(ps::keysAreValid(rising));
    }

    void insertKeepsTheShape_data() {
        QTest::addColumn<int>("interpolation");
        QTest::newRow("linear") << int(ps::Interpolation::Linear);
        QTest::newRow("ease") << int(ps::Interpolation::Ease);
        QTest::newRow("bezier") << int(ps::Interpolation::Bezier);
        QTest::newRow("step") << int(ps::Interpolation::Step);
    }
    void insertKeepsTheShape() {
        QFETCH(int, interpolation);
        const auto kind = ps::Interpolation(interpolation);
        std::vector<ps::Keyframe> keys = {key(1.0, 0.1f, kind), key(3.0, 0.9f, kind),
                                          key(4.0, 0.3f, kind)};
        keys[0].out_x = 0.6f;
        keys[0].out_dy = 0.5f;
        keys[1].in_x = 0.1f;
        keys[1].in_dy = -0.3f;
        const std::vector<ps::Keyframe> before = keys;
        for (double t : {1.7, 0.4, 4.6, 3.5}) {
            const float expected = ps::evaluateKeys(keys, t);
            const size_t index = ps::ui::insertKeyKeepingShape(keys, t);
            QCOMPARE(keys[index].t_s, t);
            QVERIFY(std::abs(keys[index].value - expected) < 1e-5f);
            QVERIFY(ps::keysAreValid(keys));
            QVERIFY2(shapeDifference(before, keys) < 1e-4, qPrintable(QString::number(t)));
        }
        QCOMPARE(int(keys.size()), 7);
        const size_t again = ps::ui::insertKeyKeepingShape(keys, 1.7);  // already there
        QCOMPARE(keys[again].t_s, 1.7);
        QCOMPARE(int(keys.size()), 7);
    }

    // --- the view with real events -----------------------------------------------------------

    void clickShiftClickAndRubberBandSelect() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f), key(3.0, 0.3f)});
        QCOMPARE(studio.panel->shownChannels(), std::vector<int>{kJaw});
        QWidget* view = studio.view();

        QTest::mouseClick(view, Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
        QCOMPARE(studio.selection.selected(), QList<ElementRef>{keyRef(jaw, 2.0)});
        QTest::mouseClick(view, Qt::LeftButton, Qt::ShiftModifier, studio.keyAt(jaw, 3.0));
        QCOMPARE(studio.selection.selected(),
                 (QList<ElementRef>{keyRef(jaw, 2.0), keyRef(jaw, 3.0)}));
        // Shift-click on a selected key takes it out.
        QTest::mouseClick(view, Qt::LeftButton, Qt::ShiftModifier, studio.keyAt(jaw, 2.0));
        QCOMPARE(studio.selection.selected(), QList<ElementRef>{keyRef(jaw, 3.0)});
        // A click on a selected key (no drag) selects just it.
        QTest::mouseClick(view, Qt::LeftButton, Qt::ShiftModifier, studio.keyAt(jaw, 1.0));
        QTest::mouseClick(view, Qt::LeftButton, {}, studio.keyAt(jaw, 1.0));
        QCOMPARE(studio.selection.selected(), QList<ElementRef>{keyRef(jaw, 1.0)});

        // A band around the first two keys, from empty space.
        const QPoint a = studio.keyAt(jaw, 1.0), b = studio.keyAt(jaw, 2.0);
        const QPoint top_left(std::min(a.x(), b.x()) - 15, std::min(a.y(), b.y()) - 15);
        const QPoint bottom_right(std::max(a.x(), b.x()) + 15, std::max(a.y(), b.y()) + 15);
        QCOMPARE(studio.view()->hitTest(top_left).part, GraphEditorView::HitPart::Empty);
        drag(view, top_left, bottom_right);
        QCOMPARE(studio.selection.selected(),
                 (QList<ElementRef>{keyRef(jaw, 1.0), keyRef(jaw, 2.0)}));
        // Shift adds a band's keys; a click on nothing clears.
        const QPoint c = studio.keyAt(jaw, 3.0);
        drag(view, c - QPoint(12, 12), c + QPoint(12, 12), Qt::ShiftModifier);
        QCOMPARE(studio.selection.selected().size(), 3);
        const QPoint nothing(c.x() + 60, studio.geometry().plotRect().top() + 8);
        QCOMPARE(studio.view()->hitTest(nothing).part, GraphEditorView::HitPart::Empty);
        QTest::mouseClick(view, Qt::LeftButton, {}, nothing);
        QVERIFY(studio.selection.isEmpty());
    }

    void dragMovesAKeyAsOneUndoStep() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f), key(3.0, 0.3f)});
        studio.panel->setSnapping(false);
        const std::string before = studio.json();
        const int steps = studio.undoCount();
        const double pps = studio.geometry().pixelsPerSecond();
        const double ppu = studio.geometry().pixelsPerUnit();

        const QPoint from = studio.keyAt(jaw, 2.0);
        drag(studio.view(), from, from + QPoint(40, -30), {}, 10);
        const ps::Keyframe& moved = studio.curve(jaw).keys[1];
        QVERIFY(std::abs(moved.t_s - (2.0 + 40.0 / pps)) < 1e-9);
        QVERIFY(std::abs(moved.value - (0.5 + 30.0 / ppu)) < 1e-5);
        // On screen: where the pointer let go, within a pixel.
        QVERIFY(QLineF(studio.view()->keyPoint(jaw, moved.t_s), from + QPoint(40, -30)).length() <
                1.0);
        QCOMPARE(studio.undoCount(), steps + 1);
        QCOMPARE(studio.selection.selected(), QList<ElementRef>{keyRef(jaw, moved.t_s)});
        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), before);

        // Snapping: the key lands on the frame nearest the pointer's time.
        studio.panel->setSnapping(true);
        drag(studio.view(), studio.keyAt(jaw, 2.0), studio.keyAt(jaw, 2.0) + QPoint(37, 0));
        const double t = studio.curve(jaw).keys[1].t_s;
        const double frames = t / kFrame_s;
        QVERIFY(std::abs(frames - std::round(frames)) < 1e-6);
        QVERIFY(std::abs(t - (2.0 + 37.0 / pps)) <= kFrame_s / 2 + 1e-9);
        QCOMPARE(studio.undoCount(), steps + 1);  // the undone drag was replaced
    }

    void shiftLocksTheDominantAxis() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.02, 0.5f), key(3.0, 0.3f)});
        const double ppu = studio.geometry().pixelsPerUnit();
        // Mostly down with a sideways wobble: time stays exactly (even off the frame grid).
        QPoint from = studio.keyAt(jaw, 2.02);
        drag(studio.view(), from, from + QPoint(9, 50), Qt::ShiftModifier, 10);
        const ps::Keyframe& k = studio.curve(jaw).keys[1];
        QCOMPARE(k.t_s, 2.02);
        QVERIFY(std::abs(k.value - (0.5 - 50.0 / ppu)) < 1e-5);
        // Mostly sideways: the value stays.
        const float value = k.value;
        from = studio.keyAt(jaw, 2.02);
        drag(studio.view(), from, from + QPoint(60, -8), Qt::ShiftModifier, 10);
        QCOMPARE(studio.curve(jaw).keys[1].value, value);
        QVERIFY(std::abs(studio.curve(jaw).keys[1].t_s -
                         (2.02 + 60.0 / studio.geometry().pixelsPerSecond())) <= kFrame_s / 2);
        QCOMPARE(studio.undoCount(), 3);  // the curve, then one step per drag
    }

    void handleDragShapesTheSegmentAndItsPartner() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        ps::Keyframe middle = key(2.0, 0.6f, ps::Interpolation::Bezier);
        middle.out_x = 0.3f;
        middle.out_dy = 0.05f;
        middle.in_x = 0.25f;
        middle.in_dy = 0.1f;
        middle.handles = HandleType::Aligned;  // the key's own type decides the drag
        const ps::ElementId jaw = studio.addCurve(
            kJaw, {key(1.0, 0.1f, ps::Interpolation::Bezier), middle, key(3.0, 0.2f)});
        QCOMPARE(studio.panel->handleType(), std::nullopt);  // nothing selected
        const std::string before = studio.json();
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
        QCOMPARE(studio.panel->handleType(), std::optional(HandleType::Aligned));
        QVERIFY(studio.panel->handleAction(HandleType::Aligned)->isChecked());
        const int steps = studio.undoCount();
        const double ppu = studio.geometry().pixelsPerUnit();

        const QPoint grab = studio.view()->handlePointOf(jaw, 2.0, HandleSide::Out).toPoint();
        QCOMPARE(studio.view()->hitTest(grab).part, GraphEditorView::HitPart::Handle);
        QCOMPARE(studio.view()->hitTest(grab).side, HandleSide::Out);
        drag(studio.view(), grab, grab + QPoint(0, -40), {}, 8);
        const ps::Keyframe& k = studio.curve(jaw).keys[1];
        QVERIFY(std::abs(k.out_x - 0.3f) < 2e-3f);  // straight up: its reach stays
        QVERIFY(std::abs(k.out_dy - (0.05 + 40.0 / ppu)) < 2e-3);
        // The partner now continues the out handle's line through the key.
        QCOMPARE(k.in_x, 0.25f);
        const double slope_out = k.out_dy / (k.out_x * 1.0);
        const double slope_in = -k.in_dy / (k.in_x * 1.0);
        QVERIFY(std::abs(slope_out - slope_in) < 1e-4);
        QCOMPARE(studio.undoCount(), steps + 1);
        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), before);

        // Free (set on the selected key, one step): the in handle moves alone.
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
        QTest::mouseClick(button(*studio.panel, "graphHandleFreeAction"), Qt::LeftButton);
        QCOMPARE(studio.panel->handleType(), std::optional(HandleType::Free));
        QCOMPARE(studio.curve(jaw).keys[1].handles, HandleType::Free);
        QCOMPARE(studio.undoCount(), steps + 1);
        const QPoint in_grab = studio.view()->handlePointOf(jaw, 2.0, HandleSide::In).toPoint();
        QCOMPARE(studio.view()->hitTest(in_grab).side, HandleSide::In);
        drag(studio.view(), in_grab, in_grab + QPoint(-10, 30), {}, 6);
        const ps::Keyframe& free = studio.curve(jaw).keys[1];
        QCOMPARE(free.out_x, 0.3f);
        QCOMPARE(free.out_dy, 0.05f);
        QVERIFY(std::abs(free.in_dy - (0.1 - 30.0 / ppu)) < 2e-3);
        QVERIFY(free.in_x > 0.25f);
        QVERIFY(ps::keysAreValid(studio.curve(jaw).keys));
    }

    void ctrlClickInsertsAKeyOnTheCurve() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        ps::Keyframe first = key(1.0, 0.1f, ps::Interpolation::Bezier);
        first.out_x = 0.5f;
        first.out_dy = 0.3f;
        const ps::ElementId jaw = studio.addCurve(kJaw, {first, key(3.0, 0.7f)});
        const std::vector<ps::Keyframe> before = studio.curve(jaw).keys;
        const int steps = studio.undoCount();
        const GraphEditorGeometry& g = studio.geometry();

        const int x = int(g.xOf(1.9));
        const double t = std::round(g.timeAt(x) / kFrame_s) * kFrame_s;
        const int y = int(std::lround(g.yOf(ps::evaluateKeys(before, g.timeAt(x)))));
        QCOMPARE(studio.view()->hitTest(QPoint(x, y)).part, GraphEditorView::HitPart::Curve);
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier, QPoint(x, y));
        const std::vector<ps::Keyframe>& keys = studio.curve(jaw).keys;
        QCOMPARE(int(keys.size()), 3);
        QVERIFY(std::abs(keys[1].t_s - t) < 1e-9);
        QVERIFY(std::abs(keys[1].value - ps::evaluateKeys(before, t)) < 1e-5f);
        QVERIFY(shapeDifference(before, keys) < 1e-4);  // the Bézier was split, not bent
        QCOMPARE(studio.undoCount(), steps + 1);
        QCOMPARE(studio.selection.selected(), QList<ElementRef>{keyRef(jaw, keys[1].t_s)});

        // Away from the line: a key at the pointer's time and value.
        const int off_x = int(g.xOf(2.6));
        const QPoint off(off_x, int(g.yOf(ps::evaluateKeys(keys, g.timeAt(off_x)))) - 40);
        QVERIFY(g.plotRect().contains(off));
        QCOMPARE(studio.view()->hitTest(off).part, GraphEditorView::HitPart::Empty);
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier, off);
        QCOMPARE(int(studio.curve(jaw).keys.size()), 4);
        const ps::Keyframe& added = studio.curve(jaw).keys[2];
        QVERIFY(std::abs(added.t_s - std::round(g.timeAt(off.x()) / kFrame_s) * kFrame_s) < 1e-9);
        QVERIFY(std::abs(added.value - g.displayAt(off.y())) < 1e-5);
        // On an existing key: refused with a reason, nothing changes.
        const int count = studio.undoCount();
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier,
                          studio.keyAt(jaw, 3.0));
        QCOMPARE(studio.undoCount(), count);
        QVERIFY(studio.panel->statusText().contains(QStringLiteral("already")));

        // A ticked channel without a curve gets one.
        studio.panel->setShownChannels({kSmile});
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier,
                          QPoint(int(g.xOf(4.0)), int(g.yOf(0.4))));
        QCOMPARE(int(studio.session.motion().curves.size()), 2);
        const ps::KeyframeCurve& smile = studio.session.motion().curves[1];
        QCOMPARE(smile.channel, kSmile);
        QCOMPARE(int(smile.keys.size()), 1);
        QVERIFY(std::abs(smile.keys[0].value - 0.4f) < 0.01f);
    }

    void deleteAndHomeFromTheKeyboard() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        studio.panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f), key(3.0, 0.3f)});
        const std::string before = studio.json();

        // The studio's window-wide Delete (the timeline's) and Home (Go to Start) do not take
        // the keys from the focused graph.
        QAction window_delete(QStringLiteral("Timeline Delete"), studio.panel.get());
        window_delete.setShortcut(QKeySequence(Qt::Key_Delete));
        window_delete.setShortcutContext(Qt::WindowShortcut);
        QAction go_to_start(QStringLiteral("Go to Start"), studio.panel.get());
        go_to_start.setShortcut(QKeySequence(Qt::Key_Home));
        go_to_start.setShortcutContext(Qt::WindowShortcut);
        studio.panel->addAction(&window_delete);
        studio.panel->addAction(&go_to_start);
        QSignalSpy window_deletes(&window_delete, &QAction::triggered);
        QSignalSpy starts(&go_to_start, &QAction::triggered);

        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
        QVERIFY(studio.view()->hasFocus());
        QTest::keyClick(studio.view(), Qt::Key_Delete);
        QCOMPARE(window_deletes.count(), 0);
        QCOMPARE(int(studio.curve(jaw).keys.size()), 2);
        // With no key selected, Delete is the window's (a clip on the timeline, say).
        QVERIFY(studio.selection.isEmpty());
        QTest::keyClick(studio.view(), Qt::Key_Delete);
        QCOMPARE(window_deletes.count(), 1);
        QCOMPARE(studio.curve(jaw).keys[1].t_s, 3.0);
        studio.session.undoStack()->undo();
        QCOMPARE(studio.json(), before);

        // Zoom in far and pan away, then Home brings every key back into the plot.
        for (int i = 0; i < 8; ++i) {
            sendWheel(studio.view(), studio.keyAt(jaw, 1.0), QPoint(0, 120));
        }
        sendWheel(studio.view(), QPoint(300, 150), QPoint(0, 120), Qt::ControlModifier);
        const QPoint mid = studio.geometry().plotRect().center().toPoint();
        drag(studio.view(), mid, mid + QPoint(-200, 80), {}, 6, Qt::MiddleButton);
        const QRectF plot = studio.geometry().plotRect();
        QVERIFY(!plot.contains(studio.view()->keyPoint(jaw, 3.0)));
        QTest::keyClick(studio.view(), Qt::Key_Home);
        QCOMPARE(starts.count(), 0);
        for (double t : {1.0, 2.0, 3.0}) {
            QVERIFY(plot.contains(studio.view()->keyPoint(jaw, t)));
        }
        // Framed with room: no key is on the plot's edge.
        QVERIFY(studio.view()->keyPoint(jaw, 1.0).x() > plot.left() + 0.05 * plot.width());
        QVERIFY(studio.view()->keyPoint(jaw, 3.0).x() < plot.right() - 0.05 * plot.width());
    }

    void interpolationButtonsChangeTheSelectedKeys() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f), key(3.0, 0.8f), key(4.0, 0.2f)});
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 1.0));
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ShiftModifier, studio.keyAt(jaw, 2.0));
        QVERIFY(studio.panel->interpolationAction(ps::Interpolation::Linear)->isChecked());
        const int steps = studio.undoCount();
        QTest::mouseClick(button(*studio.panel, "graphBezierAction"), Qt::LeftButton);
        const std::vector<ps::Keyframe>& keys = studio.curve(jaw).keys;
        QCOMPARE(keys[0].interpolation, ps::Interpolation::Bezier);
        QCOMPARE(keys[1].interpolation, ps::Interpolation::Bezier);
        QCOMPARE(keys[2].interpolation, ps::Interpolation::Linear);
        // A new Bézier segment is smooth through its neighbours: key 2 sits on a rising slope.
        QVERIFY(keys[1].out_dy > 0.0f);
        QCOMPARE(studio.undoCount(), steps + 1);
        QVERIFY(studio.panel->interpolationAction(ps::Interpolation::Bezier)->isChecked());
        QVERIFY(!studio.panel->interpolationAction(ps::Interpolation::Linear)->isChecked());

        QTest::mouseClick(button(*studio.panel, "graphStepAction"), Qt::LeftButton);
        QCOMPARE(studio.curve(jaw).keys[0].interpolation, ps::Interpolation::Step);
        QCOMPARE(ps::evaluateKeys(studio.curve(jaw).keys, 1.5), 0.1f);  // held
        QCOMPARE(studio.undoCount(), steps + 2);
        studio.session.undoStack()->undo();
        QCOMPARE(studio.curve(jaw).keys[0].interpolation, ps::Interpolation::Bezier);
    }

    void refusesAMoveOntoAnotherKey() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw = studio.addCurve(kJaw, {key(1.0, 0.1f), key(1.4, 0.5f)});
        const QPoint from = studio.keyAt(jaw, 1.0);
        const QPoint onto(int(std::lround(studio.geometry().xOf(1.4))), from.y());
        drag(studio.view(), from, onto, {}, 12);
        const std::vector<ps::Keyframe>& keys = studio.curve(jaw).keys;
        QCOMPARE(int(keys.size()), 2);
        QVERIFY(keys[0].t_s < 1.4 - 1e-3);  // the last accepted place
        QCOMPARE(keys[1].t_s, 1.4);
        QVERIFY2(studio.panel->statusText().contains(QStringLiteral("already")),
                 qPrintable(studio.panel->statusText()));
        QVERIFY(ps::keysAreValid(keys));
        QCOMPARE(studio.undoCount(), 2);
        // An accepted edit clears the message.
        drag(studio.view(), studio.keyAt(jaw, 1.4), studio.keyAt(jaw, 1.4) + QPoint(0, -20));
        QVERIFY(studio.panel->statusText().isEmpty());
    }

    void lockedCurvesLaneRefusesEdits() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw = studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f)});
        studio.session.setLaneFlags(ps::ui::Lane::Curves, {false, false, true});
        const std::string before = studio.json();
        drag(studio.view(), studio.keyAt(jaw, 2.0), studio.keyAt(jaw, 2.0) + QPoint(30, -30));
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier,
                          QPoint(int(studio.geometry().xOf(1.5)), 100));
        QCOMPARE(studio.json(), before);
        QVERIFY(studio.panel->statusText().contains(QStringLiteral("locked")));
    }

    void editsSurviveSaveAndReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("graph.pstudio"));
        std::string saved;
        {
            Studio studio;
            QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
            ps::Keyframe first = key(1.0, 0.1f, ps::Interpolation::Bezier);
            const ps::ElementId jaw = studio.addCurve(
                kJaw, {first, key(2.0, 0.5f, ps::Interpolation::Bezier), key(3.0, 0.3f)});
            // A move, a handle drag, an insert and a delete, each through the mouse or keys.
            drag(studio.view(), studio.keyAt(jaw, 2.0), studio.keyAt(jaw, 2.0) + QPoint(20, -25));
            const double moved_t = studio.curve(jaw).keys[1].t_s;
            const QPoint grab =
                studio.view()->handlePointOf(jaw, moved_t, HandleSide::Out).toPoint();
            drag(studio.view(), grab, grab + QPoint(8, -30));
            const int x = int(studio.geometry().xOf(2.6));
            const double y = studio.geometry().yOf(
                ps::evaluateKeys(studio.curve(jaw).keys, studio.geometry().timeAt(x)));
            QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ControlModifier,
                              QPoint(x, int(y) - 30));
            QCOMPARE(int(studio.curve(jaw).keys.size()), 4);
            QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 1.0));
            QTest::keyClick(studio.view(), Qt::Key_Delete);
            QCOMPARE(int(studio.curve(jaw).keys.size()), 3);
            QVERIFY(studio.curve(jaw).keys[0].out_dy != 0.0f);
            QString problem;
            QVERIFY2(studio.session.save(path, &problem), qPrintable(problem));
            saved = ps::motionDocumentToJson(studio.session.motion()).dump();
        }
        ProjectSession reopened{QString{}};
        QString problem;
        QVERIFY2(reopened.open(path, &problem), qPrintable(problem));
        QCOMPARE(ps::motionDocumentToJson(reopened.motion()).dump(), saved);
        QCOMPARE(int(reopened.motion().curves[0].keys.size()), 3);
    }

    void handleTypeIsTheKeysAndSurvivesSaveAndReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("handles.pstudio"));
        {
            Studio studio;
            QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
            const ps::ElementId jaw =
                studio.addCurve(kJaw, {key(1.0, 0.1f, ps::Interpolation::Bezier),
                                       key(2.0, 0.5f, ps::Interpolation::Bezier), key(3.0, 0.3f)});
            QVERIFY(studio.json().find("\"handles\"") == std::string::npos);  // all Free
            QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
            QCOMPARE(studio.panel->handleType(), std::optional(HandleType::Free));
            QVERIFY(studio.panel->handleAction(HandleType::Free)->isChecked());
            const int steps = studio.undoCount();
            QTest::mouseClick(button(*studio.panel, "graphHandleAlignedAction"), Qt::LeftButton);
            QCOMPARE(studio.undoCount(), steps + 1);
            QCOMPARE(studio.curve(jaw).keys[1].handles, HandleType::Aligned);
            QCOMPARE(studio.curve(jaw).keys[0].handles, HandleType::Free);  // not selected
            QVERIFY(studio.panel->handleAction(HandleType::Aligned)->isChecked());
            QVERIFY(!studio.panel->handleAction(HandleType::Free)->isChecked());
            // A mixed selection shows no type.
            QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ShiftModifier,
                              studio.keyAt(jaw, 1.0));
            QCOMPARE(studio.panel->handleType(), std::nullopt);
            QVERIFY(!studio.panel->handleAction(HandleType::Aligned)->isChecked());
            QString problem;
            QVERIFY2(studio.session.save(path, &problem), qPrintable(problem));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("\"aligned\""), text.constData());
        QCOMPARE(text.count("\"handles\""), 1);  // Free keys write nothing
        ProjectSession reopened{QString{}};
        QString problem;
        QVERIFY2(reopened.open(path, &problem), qPrintable(problem));
        const std::vector<ps::Keyframe>& keys = reopened.motion().curves[0].keys;
        QCOMPARE(keys[0].handles, HandleType::Free);
        QCOMPARE(keys[1].handles, HandleType::Aligned);
        QCOMPARE(keys[2].handles, HandleType::Free);
    }

    void draggingAnAutoKeysHandleMakesItAligned() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f, ps::Interpolation::Bezier),
                                   key(2.0, 0.3f, ps::Interpolation::Bezier), key(3.0, 0.6f)});
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
        QTest::mouseClick(button(*studio.panel, "graphHandleAutoAction"), Qt::LeftButton);
        QCOMPARE(studio.curve(jaw).keys[1].handles, HandleType::Auto);
        QVERIFY(studio.curve(jaw).keys[1].out_dy > 0.0f);  // rising: the neighbours' slope
        const int steps = studio.undoCount();

        const QPoint grab = studio.view()->handlePointOf(jaw, 2.0, HandleSide::Out).toPoint();
        QCOMPARE(studio.view()->hitTest(grab).side, HandleSide::Out);
        drag(studio.view(), grab, grab + QPoint(-6, -35), {}, 7);
        const ps::Keyframe& k = studio.curve(jaw).keys[1];
        QCOMPARE(k.handles, HandleType::Aligned);
        QCOMPARE(studio.panel->handleType(), std::optional(HandleType::Aligned));
        QCOMPARE(studio.undoCount(), steps + 1);  // the drag and the type change, one step
        // The partner stays on the dragged handle's line through the key.
        const double slope_out = k.out_dy / (k.out_x * 1.0);
        const double slope_in = -k.in_dy / (k.in_x * 1.0);
        QVERIFY(std::abs(slope_out - slope_in) < 1e-4);
        studio.session.undoStack()->undo();
        QCOMPARE(studio.curve(jaw).keys[1].handles, HandleType::Auto);
    }

    void movingAKeyRecomputesTheAutoHandlesItAffects() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        ps::Keyframe free = key(1.0, 0.1f, ps::Interpolation::Bezier);
        free.out_x = 0.4f;
        free.out_dy = 0.07f;
        ps::Keyframe automatic = key(2.0, 0.3f, ps::Interpolation::Bezier);
        automatic.handles = HandleType::Auto;
        std::vector<ps::Keyframe> keys = {
            free, automatic, key(3.0, 0.5f, ps::Interpolation::Bezier), key(4.0, 0.2f)};
        ps::ui::setAutoHandles(keys, 1);
        const ps::ElementId jaw = studio.addCurve(kJaw, keys);
        const float auto_out_dy = studio.curve(jaw).keys[1].out_dy;

        // Drag the Free key after the Auto one up: the Auto key's slope follows.
        drag(studio.view(), studio.keyAt(jaw, 3.0), studio.keyAt(jaw, 3.0) + QPoint(0, -60));
        std::vector<ps::Keyframe> expected = studio.curve(jaw).keys;
        QVERIFY(expected[2].value > 0.5f);
        ps::ui::setAutoHandles(expected, 1);
        const ps::Keyframe& now = studio.curve(jaw).keys[1];
        QCOMPARE(now.handles, HandleType::Auto);
        QVERIFY(now.out_dy != auto_out_dy);
        QCOMPARE(now.out_dy, expected[1].out_dy);
        QCOMPARE(now.in_dy, expected[1].in_dy);
        // A Free neighbour keeps its handles.
        QCOMPARE(studio.curve(jaw).keys[0].out_x, 0.4f);
        QCOMPARE(studio.curve(jaw).keys[0].out_dy, 0.07f);
    }

    void showsTheSelectedChannelsAndTheTickedOnes() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw = studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f)});
        const ps::ElementId yaw = studio.addCurve(
            ps::kHeadYawChannel, {key(0.5, -8.0f), key(2.5, 12.0f, ps::Interpolation::Ease)});
        QCOMPARE(studio.panel->shownChannels(), std::vector<int>{kJaw});  // the first curve's
        // The list holds every channel, the ones with curves first.
        QListWidget* list = studio.panel->channelList();
        QCOMPARE(list->count(), int(ps::kMotionChannelCount));
        QCOMPARE(list->item(0)->text(), QStringLiteral("jawOpen"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("headYaw (°)"));
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);

        // Selecting the yaw curve elsewhere (the timeline) shows it.
        studio.selection.select({ElementKind::Curve, yaw, 0.0});
        QCOMPARE(studio.panel->shownChannels(), std::vector<int>{ps::kHeadYawChannel});
        QCOMPARE(list->item(1)->checkState(), Qt::Checked);
        QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
        // Ticking jawOpen adds it; a click on its key here keeps both shown.
        list->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(studio.panel->shownChannels(), (std::vector<int>{ps::kHeadYawChannel, kJaw}));
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 2.0));
        QCOMPARE(studio.panel->shownChannels().size(), size_t(2));

        // Normalised: each curve spans -1..1 whatever its units.
        studio.panel->setNormalised(true);
        const GraphEditorGeometry& g = studio.geometry();
        QVERIFY(std::abs(g.displayAt(studio.view()->keyPoint(yaw, 0.5).y()) + 1.0) < 0.01);
        QVERIFY(std::abs(g.displayAt(studio.view()->keyPoint(yaw, 2.5).y()) - 1.0) < 0.01);
        QVERIFY(std::abs(g.displayAt(studio.view()->keyPoint(jaw, 1.0).y()) + 1.0) < 0.01);
        QVERIFY(std::abs(g.displayAt(studio.view()->keyPoint(jaw, 2.0).y()) - 1.0) < 0.01);
        // A vertical drag there moves each channel by its own scale: 0.2 of a unit of display
        // is 2 degrees on yaw (its half-range 10°), 0.04 on the jaw (half-range 0.2).
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ShiftModifier, studio.keyAt(yaw, 0.5));
        const double d_px = 0.2 * g.pixelsPerUnit();
        const QPoint from = studio.keyAt(jaw, 2.0);
        drag(studio.view(), from, from - QPoint(0, int(std::lround(d_px))), Qt::ShiftModifier);
        const double moved_display = std::lround(d_px) / g.pixelsPerUnit();
        QVERIFY(std::abs(studio.curve(jaw).keys[1].value - (0.5 + 0.2 * moved_display)) < 1e-4);
        QVERIFY(std::abs(studio.curve(yaw).keys[0].value - (-8.0 + 10.0 * moved_display)) < 1e-3);
    }

    void bakeAndSmoothAreRequested() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        const ps::ElementId jaw =
            studio.addCurve(kJaw, {key(1.0, 0.1f), key(2.0, 0.5f), key(3.0, 0.3f)});
        QSignalSpy bakes(studio.panel.get(), &GraphEditorPanel::bakeRequested);
        QSignalSpy smooths(studio.panel.get(), &GraphEditorPanel::smoothRequested);
        QVERIFY(!studio.panel->smoothAction()->isEnabled());

        // Nothing selected: the shown channel over the whole document.
        QTest::mouseClick(button(*studio.panel, "graphBakeAction"), Qt::LeftButton);
        QCOMPARE(bakes.count(), 1);
        QCOMPARE(bakes[0][0].toInt(), kJaw);
        QCOMPARE(bakes[0][1].toDouble(), 0.0);
        QCOMPARE(bakes[0][2].toDouble(), 10.0);

        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, studio.keyAt(jaw, 1.0));
        QTest::mouseClick(studio.view(), Qt::LeftButton, Qt::ShiftModifier, studio.keyAt(jaw, 2.0));
        QVERIFY(studio.panel->smoothAction()->isEnabled());
        QTest::mouseClick(button(*studio.panel, "graphBakeAction"), Qt::LeftButton);
        QCOMPARE(bakes[1][1].toDouble(), 1.0);
        QCOMPARE(bakes[1][2].toDouble(), 2.0);
        QTest::mouseClick(button(*studio.panel, "graphSmoothAction"), Qt::LeftButton);
        QCOMPARE(smooths.count(), 1);
        QCOMPARE(smooths[0][0].value<ps::ElementId>(), jaw);
        QCOMPARE(smooths[0][1].value<std::vector<double>>(), (std::vector<double>{1.0, 2.0}));

        // The right-click menu holds the same actions.
        QMenu* menu = studio.panel->contextMenu();
        QList<QAction*> all;
        for (QAction* action : menu->actions()) {
            all << action;
            if (action->menu() != nullptr) {
                all << action->menu()->actions();
            }
        }
        for (QAction* wanted : {studio.panel->bakeAction(), studio.panel->smoothAction(),
                                studio.panel->deleteAction(), studio.panel->frameAllAction(),
                                studio.panel->normaliseAction(),
                                studio.panel->interpolationAction(ps::Interpolation::Step),
                                studio.panel->handleAction(HandleType::Auto)}) {
            QVERIFY(all.contains(wanted));
        }
        // Auto from the menu: Bézier keys with handles from their neighbours, one step.
        const int steps = studio.undoCount();
        studio.panel->handleAction(HandleType::Auto)->trigger();
        QCOMPARE(studio.curve(jaw).keys[1].interpolation, ps::Interpolation::Bezier);
        QCOMPARE(studio.curve(jaw).keys[1].out_dy, 0.0f);  // a peak is flat
        QCOMPARE(studio.undoCount(), steps + 1);
    }

    void wheelZoomsAndDragsPan() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        studio.addCurve(kJaw, {key(1.0, 0.1f), key(3.0, 0.5f)});
        const GraphEditorGeometry& g = studio.geometry();
        const std::string before = studio.json();
        const int steps = studio.undoCount();
        const QPoint at(420, 150);

        // The wheel zooms time around the pointer, Ctrl+wheel the value.
        double t = g.timeAt(at.x()), v = g.displayAt(at.y());
        double pps = g.pixelsPerSecond(), ppu = g.pixelsPerUnit();
        sendWheel(studio.view(), at, QPoint(0, 240));
        QVERIFY(std::abs(g.pixelsPerSecond() - pps * 1.44) < 1e-6 * pps);
        QVERIFY(std::abs(g.timeAt(at.x()) - t) < 1e-9);
        QCOMPARE(g.pixelsPerUnit(), ppu);
        sendWheel(studio.view(), at, QPoint(0, -120), Qt::ControlModifier);
        QVERIFY(std::abs(g.pixelsPerUnit() - ppu / 1.2) < 1e-6 * ppu);
        QVERIFY(std::abs(g.displayAt(at.y()) - v) < 1e-9);

        // Alt+drag and middle-drag carry the content with the pointer.
        t = g.timeAt(at.x());
        v = g.displayAt(at.y());
        drag(studio.view(), at, at + QPoint(-50, 30), Qt::AltModifier);
        QVERIFY(std::abs(g.timeAt(at.x() - 50) - t) < 1e-9);
        QVERIFY(std::abs(g.displayAt(at.y() + 30) - v) < 1e-9);
        drag(studio.view(), at, at + QPoint(25, 0), {}, 5, Qt::MiddleButton);
        QVERIFY(std::abs(g.timeAt(at.x() - 25) - t) < 1e-9);
        QCOMPARE(studio.json(), before);  // looking is not editing
        QCOMPARE(studio.undoCount(), steps);
    }

    void rulerSeeksAndPlayheadFollows() {
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        studio.addCurve(kJaw, {key(1.0, 0.1f), key(3.0, 0.5f)});
        QSignalSpy seeks(studio.panel.get(), &GraphEditorPanel::seekRequested);
        const QPoint at(int(studio.geometry().xOf(2.0)), 10);
        QTest::mouseClick(studio.view(), Qt::LeftButton, {}, at);
        QCOMPARE(seeks.count(), 1);
        const double t = seeks[0][0].toDouble();
        QVERIFY(std::abs(t - 2.0) <= kFrame_s);
        QCOMPARE(studio.view()->playhead(), t);
        studio.panel->setPlayhead(4.2);
        QCOMPARE(studio.view()->playhead(), 4.2);
        QCOMPARE(seeks.count(), 1);
    }

    void screenshot() {
        const QByteArray folder = qgetenv("PS_TEST_ARTIFACTS");
        if (folder.isEmpty()) {
            QSKIP("PS_TEST_ARTIFACTS is not set");
        }
        // The studio's look (last of the tests, so the others keep the default one).
        ps::ui::applyDarkTheme(*qobject_cast<QApplication*>(QCoreApplication::instance()));
        Studio studio;
        QVERIFY(QTest::qWaitForWindowExposed(studio.panel.get()));
        ps::Keyframe open = key(0.8, 0.05f, ps::Interpolation::Bezier);
        ps::Keyframe peak = key(2.1, 0.62f, ps::Interpolation::Bezier);
        ps::Keyframe close = key(3.6, 0.18f, ps::Interpolation::Ease);
        ps::Keyframe rest = key(5.2, 0.4f, ps::Interpolation::Step);
        ps::Keyframe end = key(6.4, 0.1f);
        const ps::ElementId jaw = studio.addCurve(kJaw, {open, peak, close, rest, end});
        studio.panel->view()->setChannels({kJaw});
        studio.selection.setSelection({keyRef(jaw, 0.8), keyRef(jaw, 2.1)});
        studio.panel->handleAction(HandleType::Auto)->trigger();
        ps::KeyframeCurve shaped = studio.curve(jaw);
        shaped.keys[1].out_x = 0.45f;
        shaped.keys[1].out_dy = 0.12f;
        ps::ui::alignOppositeHandle(shaped.keys, 1, HandleSide::Out);
        QVERIFY(studio.session.apply({ps::ReplaceElement<ps::KeyframeCurve>{shaped}}));
        const ps::ElementId yaw = studio.addCurve(
            ps::kHeadYawChannel, {key(0.5, -6.0f, ps::Interpolation::Bezier),
                                  key(3.0, 9.0f, ps::Interpolation::Bezier), key(6.0, -2.0f)});
        ps::CaptureLayer capture;
        capture.name = "take-03.csv";
        capture.track.fps = 30.0;
        capture.track.frames.resize(90);
        for (size_t i = 0; i < capture.track.frames.size(); ++i) {
            capture.track.frames[i].weights[size_t(kJaw)] = float(0.3 + 0.2 * std::sin(i * 0.4));
            capture.track.frames[i].head_deg.y = float(5.0 * std::sin(i * 0.1));
        }
        capture.start_s = 6.5;
        QVERIFY(studio.session.apply({ps::InsertElement<ps::CaptureLayer>{capture}}));
        studio.panel->setShownChannels({kJaw, ps::kHeadYawChannel});
        studio.selection.setSelection({keyRef(jaw, 2.1), keyRef(yaw, 3.0)});
        studio.panel->setPlayhead(2.6);
        studio.panel->refreshSources();
        const QString out = QString::fromLocal8Bit(folder);
        QVERIFY(studio.panel->grab().save(out + QStringLiteral("/graph-units.png")));
        studio.panel->setNormalised(true);
        QVERIFY(studio.panel->grab().save(out + QStringLiteral("/graph-normalised.png")));
        studio.panel->setNormalised(false);
        studio.panel->setShownChannels({kJaw});
        studio.selection.setSelection({keyRef(jaw, 2.1)});
        QVERIFY(studio.panel->grab().save(out + QStringLiteral("/graph-jaw.png")));
    }
};

QTEST_MAIN(TestGraphEditor)
#include "TestGraphEditor.moc"
