// The graph editor's drawn, interactive area: the keyframe curves of the shown channels over
// time, with the voice's and the captures' contributions to those channels as faint ghost
// curves behind them, the keys as diamonds and the selected keys' Bézier handles. Its gestures
// become motion edits through the session, each gesture one undo step (a drag applies its new
// values on every move under one session gesture, so the viewer follows live). Where things are
// is GraphEditorGeometry's; this class turns the mouse into edits, GraphEditorPaint.cpp draws.
// It shares the studio's SelectionModel with the timeline and the inspector. UI thread only.
//
// Mouse: click a key to select it (Shift adds or, on a selected key, removes), drag on nothing
// for a rubber band (Shift adds), drag keys to move them in time and value (snapped to frames
// unless Ctrl is held; Shift while dragging locks the dominant axis), drag a handle to shape a
// Bézier segment (as the key's own handle type says: Free alone, Aligned turning the partner,
// Auto becoming Aligned; a key drag recomputes the Auto handles it affects), Ctrl+click to
// insert a key (Auto when it lands in a Bézier segment off the line, Aligned when it splits a
// Bézier on the line, else Free), middle- or Alt-drag to pan, the wheel zooms time
// (Ctrl+wheel value, Shift+wheel pans), click or drag in the ruler to seek, right-click for
// the menu. Keys: Delete removes the selected keys, Home frames everything shown.
#pragma once

#include <QColor>
#include <QPainterPath>
#include <QWidget>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "motion/MotionDocument.h"
#include "motion/MotionEdit.h"
#include "motion/MotionSources.h"
#include "ui/GraphEditorGeometry.h"
#include "ui/SelectionModel.h"

namespace ps::ui {

class ProjectSession;

class GraphEditorView : public QWidget {
    Q_OBJECT
public:
    // The voice's and idle derived motion, for the ghost curves; may return nullptr.
    using SourcesFn = std::function<std::shared_ptr<const ps::MotionSources>()>;

    enum class HitPart {
        None = 0,
        Ruler,
        Handle,  // a selected key's handle end
        Key,
        Curve,  // on a curve's line, between keys
        Empty,  // the plot, on nothing
    };
    struct Hit {
        HitPart part = HitPart::None;
        ps::ElementId curve = 0;
        int channel = -1;
        size_t index = 0;  // the key's index in its curve
        double t_s = 0.0;  // the key's time (Key, Handle) or the pointer's (Curve, Empty)
        HandleSide side = HandleSide::None;
    };

    static const QColor kBackground;
    // A distinct colour per channel: the head's pitch, yaw and roll red, green and blue.
    static QColor channelColor(int channel);

    // All refs must outlive the view. `sources` may be empty (no ghosts).
    GraphEditorView(ProjectSession& session, SelectionModel& selection, SourcesFn sources,
                    QWidget* parent = nullptr);

    const GraphEditorGeometry& graphGeometry() const { return geometry_; }

    // The channels whose curves (and ghosts) are drawn, in drawing order.
    const std::vector<int>& channels() const { return channels_; }
    void setChannels(std::vector<int> channels);
    // The document's curves on the shown channels.
    std::vector<const ps::KeyframeCurve*> shownCurves() const;

    bool isNormalised() const { return geometry_.isNormalised(); }
    void setNormalised(bool on);
    bool isSnapping() const { return snapping_; }
    void setSnapping(bool on) { snapping_ = on; }
    double frame_s() const;

    void setPlayhead(double t_s);
    double playhead() const { return playhead_s_; }
    // Shows every key and handle of the shown curves (or their ghosts, or the document's span).
    void frameAll();
    // The ghost curves' sources changed (PreviewEngine::sourcesChanged).
    void refreshSources();

    // Where things are drawn, in view coordinates (tests aim the mouse with these).
    QPointF keyPoint(ps::ElementId curve, double t_s) const;
    QPointF handlePointOf(ps::ElementId curve, double t_s, HandleSide side) const;
    Hit hitTest(const QPointF& at) const;

    // The selected keys' times by curve (a selected curve counts with all its keys).
    std::map<ps::ElementId, std::vector<double>> selectedKeyTimes() const;
    // The channel the selection's current curve or key is on when it is shown, else the first
    // shown; -1 when none is.
    int currentChannel() const;

    // Edits of the selected keys, each one undo step. False, with statusChanged saying why,
    // when there is nothing to do or the document refuses.
    bool setSelectedInterpolation(ps::Interpolation interpolation);
    // Sets the selected keys' handle type, one undo step. Aligned also turns each key's in
    // handle to continue its out handle; Auto also gives it automatic handles (and a Bézier
    // segment after it); Free changes only the type.
    bool setSelectedHandleType(ps::HandleType type);
    // The handle type the selected keys share; nullopt when none is selected or they differ.
    std::optional<ps::HandleType> selectedHandleType() const;
    bool deleteSelectedKeys();
    // What Ctrl+click does at `at`: a key on the curve under the pointer with the curve's value
    // there (its shape kept), else on the nearest shown channel at the pointer's value (a new
    // curve when that channel has none). The time is snapped to frames when snapping.
    bool insertKeyAt(const QPointF& at);

    QString lastStatus() const { return status_; }

    QSize sizeHint() const override { return {800, 300}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

signals:
    void seekRequested(double t_s);
    // A refusal or a hint for the status line; empty after an accepted edit.
    void statusChanged(const QString& message);
    // What is under the pointer ("jawOpen  1.20 s  0.450"); empty over nothing.
    void hoverChanged(const QString& text);
    void contextMenuRequested(const QPoint& global_pos);
    void viewChanged();

protected:
    // While the view has focus, takes Home, and Delete and Backspace when keys are selected,
    // before the window's shortcuts (Go to Start, the timeline's Delete).
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class DragKind { None = 0, Scrub, Move, Handle, RubberBand, Pan };
    struct Drag {
        DragKind kind = DragKind::None;
        Qt::MouseButton button = Qt::NoButton;
        QPointF press;
        QPointF last;
        int gesture = 0;
        bool started = false;
        bool select_on_release = false;         // a click on a selected key selects just it
        bool toggle_on_release = false;         // a Shift-click on a selected key deselects it
        ElementRef anchor;                      // the key pressed
        std::vector<ps::KeyframeCurve> curves;  // what the drag changes, as at the press
        QList<ElementRef> keys;                 // the moving keys at their press times
        QList<ElementRef> unmoved;              // the rest of the selection
        QList<ElementRef> base;                 // rubber band: the selection it adds to
        size_t handle_index = 0;                // Handle: the key and side in curves.front()
        HandleSide handle_side = HandleSide::None;
    };
    struct CachedCurve {
        ps::ElementId id = 0;
        int channel = -1;
        bool enabled = true;
        QPainterPath path;
    };
    struct CachedGhost {
        int channel = -1;
        bool capture = false;  // else the voice
        QPainterPath path;
    };

    // One channel of a face state, of a track at t (linearly between samples, as sampleTrack
    // reads it), and how the document's strengths scale the voice's value on a channel.
    static float channelOf(const ps::FaceState& state, int channel);
    static float trackChannelAt(const ps::FaceTrack& track, int channel, double t_s);
    static float voiceScale(const ps::MotionDocument& document, int channel);
    // Keys closer than a microsecond are one key (as SetKeyframe finds them).
    static bool sameTime(double a, double b);
    static ElementRef keyRef(ps::ElementId curve, double t_s);
    // How close to a curve a Ctrl+click inserts on it, or a press grabs it.
    static constexpr double kCurveGrab_px = 6.0;

    void onSessionChanged();
    void invalidate();
    void updateRanges();
    void ensureCache() const;
    bool curvesLocked() const;
    void setStatus(const QString& message);
    bool applyEdits(std::vector<ps::MotionEdit> edits, const QString& label, int gesture = 0);
    // The y at which the curve crosses view column x.
    double curveYAt(const ps::KeyframeCurve& curve, double x) const;

    void beginKeyDrag(const Hit& hit, Qt::KeyboardModifiers modifiers);
    void beginHandleDrag(const Hit& hit);
    void updateMove(const QPointF& pos, Qt::KeyboardModifiers modifiers);
    void updateHandle(const QPointF& pos);
    void updateRubberBand(const QPointF& pos);
    void updateScrub(const QPointF& pos);
    void updateHover(const QPointF& pos);
    QString describeKey(const ps::KeyframeCurve& curve, const ps::Keyframe& key) const;
    QString formatValue(int channel, double value) const;

    void paintGrid(QPainter& painter) const;
    void paintGhosts(QPainter& painter) const;
    void paintCurves(QPainter& painter) const;
    void paintHandlesAndKeys(QPainter& painter) const;
    void paintLegend(QPainter& painter) const;
    void paintRulerAndAxis(QPainter& painter) const;
    void paintPlayhead(QPainter& painter) const;

    ProjectSession& session_;
    SelectionModel& selection_;
    SourcesFn sources_;
    GraphEditorGeometry geometry_;
    std::vector<int> channels_;
    bool snapping_ = true;
    bool fitted_ = true;  // re-framed on resize until zoomed or panned
    double playhead_s_ = 0.0;
    Drag drag_;
    QRectF rubber_band_;
    QString status_;

    mutable bool cache_valid_ = false;
    mutable std::vector<CachedCurve> curve_paths_;
    mutable std::vector<CachedGhost> ghost_paths_;
};

}  // namespace ps::ui
