// The timeline's drawn, interactive area: the ruler with the playhead and markers, and the rows
// of the motion document's layers (voice waveform, idle, clips, captures, curves with their keys,
// sculpts). Its gestures become motion edits, each gesture one undo step (a drag applies its new
// values on every move under one session gesture, so the viewer follows live). Where things are
// is TimelineGeometry's; this class draws them and turns the mouse into edits. UI thread only.
#pragma once

#include <QColor>
#include <QVector>
#include <QWidget>
#include <vector>

#include "motion/MotionCheck.h"
#include "motion/MotionEdit.h"
#include "motion/TemplateLibrary.h"
#include "ui/EngineBridge.h"
#include "ui/TimelineGeometry.h"
#include "ui/VisemeLaneEditor.h"

class QMenu;

namespace ps::ui {

class ProjectSession;
class SelectionModel;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    static const QColor kBackground;
    // The rows' background, alternating from lane to lane.
    static QColor laneBackground(Lane lane);
    // The colour of a lane's blocks.
    static QColor laneColor(Lane lane);

    // All refs must outlive the view.
    TimelineView(ProjectSession& session, SelectionModel& selection,
                 const ps::TemplateLibrary& templates, QWidget* parent = nullptr);

    const TimelineGeometry& timelineGeometry() const { return geometry_; }

    void setAudio(AudioClipPtr clip);
    void setVoiceActivity(QVector<float> mouth_open, double rate_hz);
    // The viseme row under the waveform: the voice's mouth shapes and the transcript's words.
    void setVisemes(std::vector<ps::VisemeSegment> segments);
    void setTranscriptWords(std::vector<ps::AlignedWord> words);
    const VisemeLaneEditor& visemeLane() const { return visemes_; }
    // The viseme row's context menu at `pos` (shapes, remove), or nullptr off the row or when
    // the voice lane is locked; the caller owns it. contextMenuEvent shows it.
    QMenu* visemeMenu(const QPointF& pos);
    // The motion checks' findings, drawn as a thin strip along the ruler's foot: red where the
    // lips stay apart over a closure, amber where the motion jitters; hover names them.
    void setMotionChecks(std::vector<ps::MotionIssue> issues);
    const std::vector<ps::MotionIssue>& motionChecks() const { return motion_checks_; }
    // The strip's band in view coordinates, and the text its tooltip shows at `pos` (empty off
    // any issue).
    static QRectF motionCheckBand(double width);
    QString motionCheckTextAt(const QPointF& pos) const;

    void setPlayhead(double t_s);
    double playhead() const { return playhead_s_; }
    bool isSnapping() const { return snapping_; }
    void setSnapping(bool on) { snapping_ = on; }
    const QList<double>& markers() const { return markers_; }
    void addMarker(double t_s);

    // Zoom by `factor` keeping the time at view x `x` in place.
    void zoomAround(double x, double factor);
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void setScroll_s(double t_s);
    void setScrollY(double y);
    // The end of what there is to scroll to (the content and some room after it).
    double scrollEnd_s() const;
    // One video frame of the project's frame rate.
    double frame_s() const;

    // Where a drop or a double-click at view x puts its time: snapped when snapping is on.
    double snappedTimeAt(double x, bool invert_snapping = false) const;

    QSize sizeHint() const override { return {800, 260}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

signals:
    void seekRequested(double t_s);
    void scrubbingChanged(bool active);
    // Zoom, scroll or the rows changed: the lane header and the scroll bars follow.
    void viewChanged();

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    static constexpr int kPeakFrames = 256;  // voice frames per precomputed min/max (peaks_)

    enum class DragKind {
        None = 0,
        Scrub,
        Move,
        TrimStart,
        TrimEnd,
        FadeIn,
        FadeOut,
        RubberBand,
        VisemeEdge,  // VisemeLaneEditor's drag
    };
    struct Drag {
        DragKind kind = DragKind::None;
        QPointF press;
        double press_t_s = 0.0;
        int gesture = 0;
        bool started = false;            // moved past the threshold
        bool select_on_release = false;  // a click on a selected element selects just it
        ElementRef anchor;               // the element pressed
        // What the gesture changes, as it was at the press.
        std::vector<ps::ExpressionClip> clips;
        std::vector<ps::CaptureLayer> captures;
        std::vector<ps::KeyframeCurve> curves;
        QList<ElementRef> keys;     // the moving keys at their press times
        QList<ElementRef> unmoved;  // the rest of the selection (keys' refs change as they move)
        QList<ElementRef> base;     // rubber band: the selection it adds to
    };

    void onSessionChanged();
    void relayOut();
    void emitViewChanged();
    bool isLocked(Lane lane) const;
    bool snapFor(Qt::KeyboardModifiers modifiers) const;
    // Every time an edge, key, marker or the playhead sits at, except the drag's own.
    std::vector<double> snapCandidates(const Drag* excluding) const;

    void beginElementDrag(const TimelineHit& hit, Qt::KeyboardModifiers modifiers);
    void collectMoving();
    void updateScrub(const QPointF& pos, Qt::KeyboardModifiers modifiers);
    void updateMove(double delta_s, bool snap);
    void updateTrim(double delta_s, bool snap);
    void updateFade(double delta_s);
    void updateRubberBand(const QPointF& pos);
    void applyGestureEdits(std::vector<ps::MotionEdit> edits, const QString& label);
    void updateHoverCursor(const QPointF& pos);

    void paintRuler(QPainter& painter) const;
    void paintRowBackgrounds(QPainter& painter) const;
    void paintVoice(QPainter& painter, const QRectF& row) const;
    void paintIdle(QPainter& painter, const QRectF& row) const;
    bool isVisemeRow(const QPointF& pos) const;
    void paintBlocks(QPainter& painter) const;
    void paintBlock(QPainter& painter, const TimelineBlock& block) const;
    void paintCurves(QPainter& painter) const;
    void paintLaneShades(QPainter& painter) const;
    void paintMarkersAndPlayhead(QPainter& painter) const;
    void paintMotionChecks(QPainter& painter) const;
    QString blockLabel(const TimelineBlock& block, bool* enabled) const;

    ProjectSession& session_;
    SelectionModel& selection_;
    const ps::TemplateLibrary& templates_;
    TimelineGeometry geometry_;
    VisemeLaneEditor visemes_;
    AudioClipPtr audio_;
    std::vector<std::pair<float, float>> peaks_;  // min/max of each kPeakFrames of the voice
    QVector<float> mouth_open_;
    double mouth_rate_hz_ = 0.0;
    std::vector<ps::MotionIssue> motion_checks_;
    double playhead_s_ = 0.0;
    bool snapping_ = true;
    bool fitted_ = true;  // follows the view's width and the document's duration until zoomed
    double fitted_duration_s_ = -1.0;
    QList<double> markers_;
    Drag drag_;
    QRectF rubber_band_;
    ElementRef hovered_;      // the block under the pointer: its fade handles show
    double drop_t_s_ = -1.0;  // where a template being dragged in would land; < 0 for none
};

}  // namespace ps::ui
