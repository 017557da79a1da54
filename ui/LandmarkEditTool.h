// The viewer's landmark editor apart from the widget: what a press would drag (the landmark
// nearest the cursor, or a named region's handle), the falloff radius, mirror and scope, and the
// drag in progress, all in the shown image's pixels. ViewerPanel feeds it the frame's landmarks
// and the mouse and draws what it says; LandmarkEditController turns its drags into sculpts.
// A plain value; UI thread.
//
// A region is dragged as one sculpt (one per vertex would flood the timeline's sculpt lane and
// the inspector): centred on the region's vertex whose farthest region vertex is nearest (the
// lid's middle, the chin for the jaw line, a lip's middle for the lips), with a radius of
// kRegionReach times that distance, so every vertex of the region moves with it, the far ends
// least (the jaw line, between the jaw's angles, reaches just to them: they are its hinges). The
// wheel scales a region's radius as it does a point's.
#pragma once

#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QVector>
#include <vector>

namespace ps::ui {

// What a sculpt drag makes: a sculpt acting around the frame at the playhead (strength keys
// 0 → 1 → 0, LandmarkEditController::kRamp_s either side), or one acting on the whole take
// (no keys: always 1).
enum class SculptScope { Invalid = 0, KeyedAtPlayhead, WholeTake };

// What a press picks: the landmark nearest the cursor (Point), or a named region (keys 1..6).
// Lids and brows are on the side nearer the cursor.
enum class SculptRegion { Point = 0, Lips, UpperLid, LowerLid, Brows, JawLine, Nose };
constexpr int kSculptRegionCount = 7;

// A region's handle: the sculpt's centre and the radius that covers the region's vertices.
struct RegionHandle {
    int centre = -1;
    float radius_cm = 0.0f;
    std::vector<int> vertices;  // ascending
};

// The handle of `region` on the subject's right (`left_side` false) or left side; the lips, the
// jaw line and the nose are one handle on the midplane whichever side is asked for. Point and
// out-of-range values give an empty handle. From the canonical neutral mesh, made once.
const RegionHandle& regionHandle(SculptRegion region, bool left_side);

// One drag as the viewer reports it, from the press to now.
struct SculptDrag {
    int vertex = -1;  // the sculpt's centre: the dragged landmark, or the region's centre
    float radius_cm = 0.0f;
    QPointF delta_px;  // image pixels from the press
    bool mirror = false;
    SculptScope scope = SculptScope::KeyedAtPlayhead;
    SculptRegion region = SculptRegion::Point;
};

class LandmarkEditTool {
public:
    static constexpr float kDefaultRadius_cm = 1.0f;
    static constexpr float kMinRadius_cm = 0.2f;
    static constexpr float kMaxRadius_cm = 20.0f;  // the inspector's limit too
    // A region handle's radius is this many times its centre's distance to its farthest vertex.
    static constexpr float kRegionReach = 1.25f;
    // One wheel notch grows (or shrinks) the radius by this factor.
    static constexpr double kWheelStep = 1.1;

    // "Lips", "Upper lid", …, translated; Point is "Point".
    static QString regionName(SculptRegion region);

    // The shown frame's 468 landmarks (image pixels); fewer: nothing can be picked.
    void setLandmarks(const QVector<QPointF>& landmarks);
    const QVector<QPointF>& landmarks() const { return landmarks_; }

    void setRegion(SculptRegion region);
    SculptRegion region() const { return region_; }
    void setMirror(bool mirror) { mirror_ = mirror; }
    bool mirror() const { return mirror_; }
    void setScope(SculptScope scope);
    SculptScope scope() const { return scope_; }

    // The radius a press makes: the point radius, or the region's handle radius scaled by the
    // wheel. Setting it sets whichever is in use, within kMin..kMaxRadius_cm.
    float radius_cm() const;
    void setRadius_cm(float radius_cm);
    // Grows (positive notches) or shrinks the radius by kWheelStep a notch.
    void changeRadius(double notches);

    // The cursor at `image_px`: the landmark within `pick_px` (image pixels) of it, or the
    // region with a vertex within twice that, becomes the target. Returns whether the target
    // changed. Ignored while dragging.
    bool hover(QPointF image_px, double pick_px);
    void leave();
    // The vertex a press would drag, or is dragging (-1: none), and the vertices to highlight
    // (it, or its region's).
    int targetVertex() const { return target_; }
    const std::vector<int>& targetVertices() const { return target_vertices_; }
    // The target's mirror image when mirror is on and it is not on the midplane; -1 otherwise.
    int mirroredTargetVertex() const;

    // Starts a drag at `image_px` on what is under it; false (nothing started) when nothing is.
    bool press(QPointF image_px, double pick_px);
    // The drag with the cursor at `image_px`.
    SculptDrag move(QPointF image_px);
    // Ends the drag; returns it as it was last moved.
    SculptDrag release();
    bool isDragging() const { return dragging_; }
    // The drag so far (valid while dragging).
    const SculptDrag& drag() const { return drag_; }
    // Where the drag started the dragged landmark, and where it is taking it (image pixels;
    // valid while dragging): the preview's landmark arrives there once the frame is redrawn.
    QPointF dragOrigin_px() const { return origin_px_; }
    QPointF dragGoal_px() const { return origin_px_ + drag_.delta_px; }

private:
    struct Pick {
        int vertex = -1;
        std::vector<int> vertices;
    };
    Pick pickAt(QPointF image_px, double pick_px) const;
    int nearestLandmark(QPointF image_px, const std::vector<int>& among, double* distance) const;

    QVector<QPointF> landmarks_;
    SculptRegion region_ = SculptRegion::Point;
    SculptScope scope_ = SculptScope::KeyedAtPlayhead;
    bool mirror_ = false;
    float point_radius_cm_ = kDefaultRadius_cm;
    float region_scale_ = 1.0f;
    int target_ = -1;
    std::vector<int> target_vertices_;
    bool dragging_ = false;
    QPointF press_px_;
    QPointF origin_px_;
    SculptDrag drag_;
};

}  // namespace ps::ui

Q_DECLARE_METATYPE(ps::ui::SculptDrag)
