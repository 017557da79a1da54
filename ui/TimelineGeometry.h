// Where everything on the timeline is, without drawing it: time <-> x with zoom and scroll, the
// rows (lanes, their stacked sub-rows, one row per keyframe curve) with their heights, the blocks
// and keys a document puts into them, hit-testing, and snapping a time to nearby candidates.
// A plain value the view keeps and the lane header reads; testable without widgets.
//
// View coordinates: x = 0 is the view's left edge; the ruler is y in [0, kRulerHeight_px) and
// does not scroll vertically; the rows start below it, scrolled by scrollY().
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <vector>

#include "motion/MotionDocument.h"
#include "ui/LaneStates.h"
#include "ui/SelectionModel.h"

namespace ps::ui {

enum class TimelineRowKind {
    None = 0,
    Voice,         // waveform and mouth activity
    Visemes,       // the voice's mouth shapes, their overrides, the transcript's words
    Idle,          // blinks and sway
    Clips,         // one sub-row of expression or pose clips
    Captures,      // one sub-row of captures
    CurvesHeader,  // the Curves lane's own row
    Curve,         // one keyframe curve
    Sculpts,       // one sub-row of sculpts
};

struct TimelineRow {
    TimelineRowKind kind = TimelineRowKind::None;
    Lane lane = Lane::None;
    int sub_row = 0;  // the stacked sub-row within the lane
    bool first_of_lane = false;
    ps::ElementId curve = 0;  // Curve rows
    int channel = -1;         // Curve rows: the curve's MotionChannel
    double top_px = 0.0;      // content coordinates: 0 is the first row's top
    double height_px = 0.0;
};

// A clip, capture or sculpt as it sits in its row.
struct TimelineBlock {
    ElementRef ref;
    Lane lane = Lane::None;
    int row = -1;
    double start_s = 0.0;
    double end_s = 0.0;
    double fade_in_s = 0.0;  // clips only
    double fade_out_s = 0.0;
};

struct TimelineKey {
    ps::ElementId curve = 0;
    double t_s = 0.0;
    int row = -1;
};

enum class TimelineHitPart {
    None = 0,
    Ruler,
    Empty,      // a row, on nothing
    Body,       // a block's middle
    LeftEdge,   // within kEdgeGrab_px of a block's start
    RightEdge,  // within kEdgeGrab_px of a block's end
    FadeIn,     // a clip's fade-in handle (top left)
    FadeOut,    // a clip's fade-out handle (top right)
    Key,        // a key diamond
};

struct TimelineHit {
    TimelineHitPart part = TimelineHitPart::None;
    ElementRef ref;  // the block's element, or the key
    Lane lane = Lane::None;
    int row = -1;
};

// Where the timeline's content ends: the document's duration, or its last element when that is
// later (at least 1 s).
double timelineContentEnd_s(const ps::MotionDocument& document);

class TimelineGeometry {
public:
    static constexpr double kRulerHeight_px = 26.0;
    static constexpr double kLeftMargin_px = 10.0;  // t = 0 sits this far from the left edge
    static constexpr double kEdgeGrab_px = 6.0;
    static constexpr double kFadeHandle_px = 6.0;
    static constexpr double kKeyRadius_px = 6.0;
    static constexpr double kSnap_px = 8.0;
    static constexpr double kMinPixelsPerSecond = 2.0;
    static constexpr double kMaxPixelsPerSecond = 5000.0;

    // --- time <-> x
    double pixelsPerSecond() const { return pixels_per_s_; }
    void setPixelsPerSecond(double pixels_per_s);
    double scroll_s() const { return scroll_s_; }  // the time at the left margin
    void setScroll_s(double t_s) { scroll_s_ = t_s; }
    double xOf(double t_s) const { return kLeftMargin_px + (t_s - scroll_s_) * pixels_per_s_; }
    double timeAt(double x) const { return scroll_s_ + (x - kLeftMargin_px) / pixels_per_s_; }
    // Multiplies the zoom by `factor` (within the limits) keeping the time at `x` where it is.
    void zoomAround(double x, double factor);
    // Keeps the scroll within 0 .. the content's end less a view width.
    void clampScroll(double content_end_s);
    // Shows 0 .. content_end_s across the view's width.
    void fit(double content_end_s);

    // --- the view's size and vertical scroll
    void setViewSize(double width_px, double height_px);
    double viewWidth() const { return view_width_; }
    double viewHeight() const { return view_height_; }
    double scrollY() const { return scroll_y_; }
    void setScrollY(double y) { scroll_y_ = y; }
    double contentHeight() const { return content_height_; }
    double maxScrollY() const;
    void clampScrollY();

    // --- rows and what is in them
    // Lays out the rows and blocks of `document`; overlapping elements of a lane stack.
    void layOut(const ps::MotionDocument& document);
    const std::vector<TimelineRow>& rows() const { return rows_; }
    const std::vector<TimelineBlock>& blocks() const { return blocks_; }
    const std::vector<TimelineKey>& keys() const { return keys_; }
    // A row's extent in view coordinates.
    double rowTop(int row) const;
    QRectF rowRect(int row) const;
    // The rows of a lane, first to last (top and height in view coordinates).
    QRectF laneRect(Lane lane) const;
    int firstRowOf(Lane lane) const;
    int rowOfCurve(ps::ElementId curve) const;
    int rowAt(double y) const;  // -1 above, below or in the ruler

    QRectF blockRect(const TimelineBlock& block) const;
    const TimelineBlock* findBlock(const ElementRef& ref) const;
    QPointF fadeInHandle(const TimelineBlock& block) const;
    QPointF fadeOutHandle(const TimelineBlock& block) const;
    QPointF keyPoint(const TimelineKey& key) const;

    TimelineHit hitTest(const QPointF& point) const;
    // The blocks and keys the rectangle (view coordinates) touches.
    QList<ElementRef> elementsIn(const QRectF& rect) const;

    // --- snapping
    // The offset that brings the nearest of `times` onto a candidate within `max_px`; when none
    // is that near, the offset that puts times.front() on a frame boundary (frame_s > 0) if
    // that is within `max_px`; else 0.
    double snapOffset(const std::vector<double>& times, const std::vector<double>& candidates,
                      double frame_s, double max_px = kSnap_px) const;
    double snapTime(double t_s, const std::vector<double>& candidates, double frame_s,
                    double max_px = kSnap_px) const {
        return t_s + snapOffset({t_s}, candidates, frame_s, max_px);
    }

private:
    void addLaneRows(TimelineRowKind kind, Lane lane, int sub_rows, double height_px);

    double pixels_per_s_ = 100.0;
    double scroll_s_ = 0.0;
    double scroll_y_ = 0.0;
    double view_width_ = 0.0;
    double view_height_ = 0.0;
    double content_height_ = 0.0;
    std::vector<TimelineRow> rows_;
    std::vector<TimelineBlock> blocks_;
    std::vector<TimelineKey> keys_;
};

}  // namespace ps::ui
