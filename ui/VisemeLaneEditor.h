// The timeline's viseme row, under the voice's waveform: the mouth shapes the voice model
// predicts (motion/Viseme: closed for p/b/m, open, wide, rounded, teeth on lip for f/v, rest) as
// labelled segments, the viseme overrides of the document laid over them, and the words of the
// transcript where alignTranscript puts them. Turns the mouse into override edits; TimelineView
// hands it the presses in its row and draws it there. No widget of its own. UI thread only.
//
// Decisions:
// - Dragging the edge of an override moves that edge. Dragging a boundary between two of the
//   voice's own segments makes an override: the segment the boundary moves into takes the shape
//   of the one that grows, so "drag the edge" works on what the voice predicted as on overrides.
//   Either is one undo step; a drag never makes a segment shorter than one frame.
// - A double-click inserts a closed mouth three frames long, centred on the frame clicked (the
//   usual fix: lips that should meet for p, b or m); its edges then drag as any override's.
// - The context menu (TimelineView) sets the shape of what is under the cursor (an override, or
//   a new override over the voice's segment) and removes an override.
// - The Voice lane's lock holds the row too; its mute mutes the overrides (LaneStates).
#pragma once

#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

#include "motion/MotionDocument.h"
#include "motion/MotionEdit.h"
#include "motion/Viseme.h"
#include "voice/TranscriptAlignment.h"

class QPainter;

namespace ps::ui {

class ProjectSession;
class TimelineGeometry;

class VisemeLaneEditor {
    Q_DECLARE_TR_FUNCTIONS(VisemeLaneEditor)
public:
    static constexpr double kEdgeGrab_px = 5.0;

    // A stretch of the row in one shape: the voice's own (override 0) or an override's.
    struct Segment {
        double start_s = 0.0;
        double end_s = 0.0;
        ps::MouthShape shape = ps::MouthShape::Rest;
        ps::ElementId override_id = 0;
        bool enabled = true;
    };

    explicit VisemeLaneEditor(ProjectSession& session);

    void setVoiceSegments(std::vector<ps::VisemeSegment> segments);
    const std::vector<ps::VisemeSegment>& voiceSegments() const { return voice_; }
    void setWords(std::vector<ps::AlignedWord> words);
    const std::vector<ps::AlignedWord>& words() const { return words_; }

    // What the row shows: the voice's segments with each override laid over them (later over
    // earlier), in time order, covering [0, the document's duration].
    std::vector<Segment> shownSegments() const;
    std::optional<Segment> segmentAt(double t_s) const;

    // ---- edits (each its own undo step; false when refused or nothing changed) ----
    bool insertClosedAt(double t_s, double frame_s);
    // The override under t takes `shape`; over the voice's own segment, a new override does.
    bool setShapeAt(double t_s, ps::MouthShape shape);
    bool removeOverride(ps::ElementId id);

    // ---- edge drags; `tolerance_s`: how near an edge counts as on it ----
    bool isOnEdge(double t_s, double tolerance_s) const;
    // Starts a drag of the edge at t (an override's, else a boundary of the voice's); false
    // when t is on no edge.
    bool beginDrag(double t_s, double tolerance_s, double frame_s);
    void dragTo(double t_s);
    void endDrag();
    bool isDragging() const { return drag_.has_value(); }

    // Draws the row in `row` (view coordinates) with `geometry`'s time axis; `locked` greys it.
    void paint(QPainter& painter, const QRectF& row, const TimelineGeometry& geometry,
               bool locked) const;

    // "rest", "M B P", "open", "wide", "round", "F V" (translated), for labels and menus.
    static QString shapeLabel(ps::MouthShape shape);
    // The full name for menus: "Closed (p, b, m)" …
    static QString shapeMenuName(ps::MouthShape shape);

private:
    struct Drag {
        int gesture = 0;
        double frame_s = 0.04;
        // An override's edge…
        ps::ElementId id = 0;
        bool start_edge = false;
        ps::VisemeOverride original;
        // …or a boundary between two voice segments (id 0 until the first move makes one).
        bool boundary = false;
        double boundary_s = 0.0;
        ps::MouthShape left = ps::MouthShape::Rest;
        ps::MouthShape right = ps::MouthShape::Rest;
        double left_start_s = 0.0;
        double right_end_s = 0.0;
    };

    double duration_s() const;
    bool apply(const ps::MotionEdit& edit, int gesture = 0);

    ProjectSession& session_;
    std::vector<ps::VisemeSegment> voice_;
    std::vector<ps::AlignedWord> words_;
    std::optional<Drag> drag_;
};

}  // namespace ps::ui
