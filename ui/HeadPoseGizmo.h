// The head-pose gizmo: three rotation rings (pitch red about the head's x, yaw green about y,
// roll blue about z) and a central trackball handle around the head's pivot, drawn through any
// projector, so the main viewer (image pixels) and the 3D face view (its own orbit camera) share
// one class. Pure geometry and painting; it knows no document: a view reports the angles a drag
// asks for and HeadPoseController keys them. UI thread only (it paints); plain value otherwise.
//
// Decisions:
// - The motion document has no head translation channels (FaceState has only head_deg), so the
//   centre handle is a trackball, not a translation handle: dragging it turns yaw (x) and pitch
//   (y) together, the nose following the cursor (positive yaw turns the nose to the image's
//   right, positive pitch turns it down, as ApplyFaceState and HeadPose have them).
// - A ring drag measures the angle swept about the ring's axis (right-handed, so dragging the
//   front of the yaw ring to the viewer's right turns the head that way) by intersecting the
//   mouse ray with the ring's plane (solved through the projector, which may be any projection);
//   when the plane is nearly edge-on it follows the cursor's motion along the ring's projected
//   tangent instead. A ring changes only its own angle; the result stays within ±kMaxAngle_deg.
// - The drag keeps the placement it started with: the view re-places the gizmo as the keyed head
//   turns, and measuring against a moving ring would feed the drag back into itself.
// - "Facing away" (the dimmer half of a ring) is judged from the viewer's eye, the MediaPipe
//   camera (the origin) unless setViewerPosition says otherwise (an orbiting 3D view).
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <functional>
#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>
#include <optional>

class QPainter;

namespace ps {
struct FaceFit;
}

namespace ps::ui {

// A camera-space point (cm, MediaPipe camera: looking down -z, y up) to widget coordinates;
// nullopt when it has no image (behind the camera).
using GizmoProjector = std::function<std::optional<QPointF>(const glm::vec3&)>;

enum class GizmoHandle { None = 0, Pitch, Yaw, Roll, Trackball };

// Three rotation rings (pitch red about the head's x, yaw green about y, roll blue about z) and a
// central trackball handle, around the head's pivot. Pure geometry and painting; no document.
class HeadPoseGizmo {
    Q_DECLARE_TR_FUNCTIONS(HeadPoseGizmo)
public:
    static constexpr int kRingSegments = 96;
    static constexpr float kMaxAngle_deg = 90.0f;  // the inspector's range, too
    static constexpr float kSnap_deg = 5.0f;
    static constexpr double kPickTolerance_px = 7.0;
    static constexpr double kTrackballRadius_px = 11.0;

    // pivot in camera space (cm); axes: the rotation taking the gizmo's x/y/z into camera space
    // (the head's own orientation, so the rings turn the head about its own axes; placeOnFace
    // takes the head as the frame shows it); radius: the rings' radius in cm.
    void setPlacement(const glm::vec3& pivot_cm, const glm::quat& axes, float radius_cm);
    bool hasPlacement() const;
    void clearPlacement();
    glm::vec3 pivot_cm() const { return pivot_cm_; }
    glm::quat axes() const { return axes_; }
    float radius_cm() const { return radius_cm_; }
    // Where the viewer's eye is in camera space (cm); the origin by default.
    void setViewerPosition(const glm::vec3& eye_cm);

    GizmoHandle hitTest(QPointF widget_pos, const GizmoProjector& project) const;
    void setHovered(GizmoHandle handle);
    GizmoHandle hovered() const { return hovered_; }
    // A widget point where `handle` is drawn and hitTest picks it (for a ring, the one nearest
    // the viewer among such points, on a whole pixel whose neighbours pick it too where there is
    // one, as a mouse presses whole pixels); nullopt when none is. For tests and tool tips.
    std::optional<QPointF> grabPoint(GizmoHandle handle, const GizmoProjector& project) const;
    void paint(QPainter& painter, const GizmoProjector& project) const;

    // start_head_deg: FaceState::head_deg (pitch, yaw, roll) at the playhead when the drag starts.
    void beginDrag(GizmoHandle handle, QPointF widget_pos, const GizmoProjector& project,
                   const glm::vec3& start_head_deg);
    // The head angles the drag asks for now; a ring changes only its own angle; snap: 5° steps.
    // Remembers the answer and the cursor for paint's readout (and follows a ring past ±180°).
    glm::vec3 dragTo(QPointF widget_pos, const GizmoProjector& project, bool snap) const;
    void endDrag();
    bool isDragging() const;
    GizmoHandle activeHandle() const;

    // "Pitch", "Yaw", "Roll", "Trackball" (translated).
    static QString handleName(GizmoHandle handle);
    // A ring's axis in the gizmo's own frame (x, y or z); zero for the others.
    static glm::vec3 ringAxis(GizmoHandle handle);

private:
    struct Drag {
        GizmoHandle handle = GizmoHandle::None;
        glm::vec3 start_head_deg{0.0f};
        QPointF start_pos;
        // The placement at the start (see the header comment).
        glm::vec3 pivot_cm{0.0f};
        float radius_cm = 1.0f;
        glm::vec3 axis{0.0f};  // camera space
        glm::vec3 u{0.0f};     // in-plane basis, u × v = axis
        glm::vec3 v{0.0f};
        bool use_plane = false;
        double start_angle_rad = 0.0;
        // Tangential fallback: the screen direction of a positive turn of the ring's front and
        // the pixels one radian moves it.
        QPointF tangent_dir;
        double px_per_rad = 1.0;
        // Trackball: from the cursor's motion (px) to (yaw, pitch) in radians, the inverse of
        // how the face's front moves on screen for each.
        double to_yaw[2] = {0.0, 0.0};
        double to_pitch[2] = {0.0, 0.0};
        // mutable: dragTo unwraps the plane angle across ±180° from one call to the next
        double last_angle_rad = 0.0;
        double unwrapped_rad = 0.0;
    };

    std::optional<double> planeAngle(const Drag& drag, QPointF widget_pos,
                                     const GizmoProjector& project) const;

    glm::vec3 pivot_cm_{0.0f};
    glm::quat axes_{1.0f, 0.0f, 0.0f, 0.0f};
    float radius_cm_ = 0.0f;
    glm::vec3 eye_cm_{0.0f};
    GizmoHandle hovered_ = GizmoHandle::None;
    mutable std::optional<Drag> drag_;
    mutable std::optional<QPointF> readout_pos_;
    mutable glm::vec3 readout_head_deg_{0.0f};
};

// The placement for the face a frame shows (ps::FaceFit of that frame: pose, vertices): the
// pivot is the head's own origin (what ApplyFaceState turns it about), the axes the head as that
// frame shows it, and the radius encloses the face's mesh.
void placeOnFace(HeadPoseGizmo& gizmo, const ps::FaceFit& frame_fit);

}  // namespace ps::ui
