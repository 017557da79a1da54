// Where things are in the graph editor, without drawing them: time <-> x and value <-> y with
// zoom and pan, the normalised view (each channel's range mapped onto -1..1), framing, and the
// Bézier handle arithmetic the editor's drags need (a handle's end as a time and a value, placing
// it, aligning its partner, automatic handles, splitting a segment without changing its shape).
// Plain values and functions, testable without widgets.
//
// View coordinates: x = 0 is the view's left edge, y = 0 its top. The time ruler is the band
// y < kRulerHeight_px, the value axis the band x < kAxisWidth_px; the plot is the rest. Values
// are "display" values: a channel's own units (blendshape weight, degrees) or, normalised, the
// channel's range scaled to -1..1.
#pragma once

#include <QPointF>
#include <QRectF>
#include <map>
#include <vector>

#include "motion/KeyframeCurve.h"

namespace ps::ui {

// A point of a curve: a time and a value in the channel's own units.
struct GraphPoint {
    double t_s = 0.0;
    double value = 0.0;
};

class GraphEditorGeometry {
public:
    static constexpr double kRulerHeight_px = 22.0;
    static constexpr double kAxisWidth_px = 48.0;
    static constexpr double kKeyRadius_px = 5.0;     // a key's diamond, centre to corner
    static constexpr double kHandleRadius_px = 4.0;  // a handle's round end
    static constexpr double kMinPixelsPerSecond = 2.0;
    static constexpr double kMaxPixelsPerSecond = 20000.0;
    static constexpr double kMinPixelsPerUnit = 1e-2;
    static constexpr double kMaxPixelsPerUnit = 1e7;
    static constexpr double kFrameMargin = 0.08;  // of the plot's size, around framed content

    // --- the view
    void setViewSize(double width_px, double height_px);
    double viewWidth() const { return view_width_; }
    double viewHeight() const { return view_height_; }
    QRectF plotRect() const;

    // --- time <-> x
    double pixelsPerSecond() const { return pixels_per_s_; }
    void setPixelsPerSecond(double pixels_per_s);
    double scroll_s() const { return scroll_s_; }  // the time at the plot's left edge
    void setScroll_s(double t_s) { scroll_s_ = t_s; }
    double xOf(double t_s) const { return kAxisWidth_px + (t_s - scroll_s_) * pixels_per_s_; }
    double timeAt(double x) const { return scroll_s_ + (x - kAxisWidth_px) / pixels_per_s_; }

    // --- display value <-> y
    double pixelsPerUnit() const { return pixels_per_unit_; }
    void setPixelsPerUnit(double pixels_per_unit);
    double centreValue() const { return centre_value_; }  // at the plot's vertical middle
    void setCentreValue(double display) { centre_value_ = display; }
    double yOf(double display) const;
    double displayAt(double y) const;

    // --- zoom, pan and framing
    // Multiplies the zoom by `factor` (within the limits), keeping what is under x (or y) there.
    void zoomTimeAround(double x, double factor);
    void zoomValueAround(double y, double factor);
    // Moves the content with the pointer by (dx, dy) pixels.
    void panBy(double dx_px, double dy_px);
    // Shows t0..t1 and display values v0..v1 inside the plot with kFrameMargin around them.
    // Empty spans are widened (a second of time, a tenth of a unit of value around them).
    void frame(double t0_s, double t1_s, double v0, double v1);

    // --- the normalised view
    bool isNormalised() const { return normalised_; }
    void setNormalised(bool on) { normalised_ = on; }
    // The values of `channel` that map to -1 and 1 when normalised; a range narrower than
    // 1e-6 is centred on its middle with a half-width of 1 (so a flat curve sits at 0).
    void setChannelRange(int channel, double low, double high);
    void clearChannelRanges() { ranges_.clear(); }
    // Display value of a channel's value, and back; the identity unless normalised.
    double displayOf(int channel, double value) const;
    double valueOf(int channel, double display) const;
    // How many of the channel's units one display unit is.
    double unitsPerDisplay(int channel) const;

    QPointF pointOf(int channel, const GraphPoint& point) const;
    QPointF pointOf(int channel, double t_s, double value) const {
        return pointOf(channel, GraphPoint{t_s, value});
    }
    GraphPoint graphPointAt(int channel, const QPointF& at) const;

    // The step of 1, 2 or 5 times a power of ten that is at least `minimum` (> 0).
    static double niceStep(double minimum);

private:
    struct Range {
        double middle = 0.0;
        double half = 1.0;
    };

    double view_width_ = 0.0;
    double view_height_ = 0.0;
    double pixels_per_s_ = 100.0;
    double scroll_s_ = 0.0;
    double pixels_per_unit_ = 200.0;
    double centre_value_ = 0.5;
    bool normalised_ = false;
    std::map<int, Range> ranges_;
};

// --- Bézier handles ------------------------------------------------------------------------
//
// A key's out handle shapes the segment after it and exists when the key is Bézier and has a
// next key; its in handle shapes the segment before it and exists when the previous key is
// Bézier. Indices are into a curve's sorted keys.

enum class HandleSide {
    None = 0,
    In,
    Out,
};

// Each key's handle type (ps::HandleType, stored on the key) says how a handle drag treats its
// partner: Free leaves it, Aligned turns it with alignOppositeHandle, Auto computes both with
// setAutoHandles (and a drag of either makes the key Aligned).

bool hasHandle(const std::vector<ps::Keyframe>& keys, size_t index, HandleSide side);
// Where the handle's end is, as a time and a value.
GraphPoint handlePoint(const std::vector<ps::Keyframe>& keys, size_t index, HandleSide side);
// Puts the handle's end at `at`, its time clamped into the segment (x within 0..1).
void placeHandle(std::vector<ps::Keyframe>& keys, size_t index, HandleSide side,
                 const GraphPoint& at);
// Turns the handle opposite `side` so that it continues the line of `side` through the key,
// keeping its own x (its reach in time). Nothing when the key has no neighbour on that side.
void alignOppositeHandle(std::vector<ps::Keyframe>& keys, size_t index, HandleSide side);
// Automatic handles for the key (both sides, x = 1/3): the slope between its neighbours,
// Catmull–Rom style, clamped so the curve does not overshoot its neighbours, flat at the ends
// and where the key is a peak or a trough.
void setAutoHandles(std::vector<ps::Keyframe>& keys, size_t index);
// Whether the segment after the key has the handles a new Bézier segment has (x = 1/3, flat).
bool hasDefaultHandles(const std::vector<ps::Keyframe>& keys, size_t index);
// Inserts a key at `t_s` with the curve's value there, adjusting its neighbours' handles so
// the curve keeps its shape exactly (an eased segment becomes the Bézier it equals). Returns
// the new key's index; an existing key at t_s (within a microsecond) is left as it is.
size_t insertKeyKeepingShape(std::vector<ps::Keyframe>& keys, double t_s);

}  // namespace ps::ui
