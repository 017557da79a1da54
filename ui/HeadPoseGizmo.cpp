#include "ui/HeadPoseGizmo.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <vector>

#include "face/FaceFit.h"
#include "face/HeadPose.h"

namespace ps::ui {

namespace {

constexpr double kPi = 3.14159265358979323846;
// A ring whose projected ellipse is thinner than this (minor over major axis) is edge-on: the
// mouse ray meets its plane too obliquely for the angle to be measured there.
constexpr double kEdgeOnRatio = 0.2;
// How far a back-half hit must be nearer than a front-half one to win the pick (px).
constexpr double kBackPenalty_px = 3.0;
const QColor kPitchColour(232, 72, 72);
const QColor kYawColour(86, 204, 96);
const QColor kRollColour(72, 136, 240);
const QColor kTrackballColour(235, 235, 235);
const QColor kShadowColour(0, 0, 0, 140);
const QColor kReadoutText(0xe8, 0xea, 0xed);

constexpr std::array<GizmoHandle, 3> kRings = {GizmoHandle::Pitch, GizmoHandle::Yaw,
                                               GizmoHandle::Roll};

int angleIndex(GizmoHandle handle) {
    switch (handle) {
        case GizmoHandle::Pitch:
            return 0;
        case GizmoHandle::Yaw:
            return 1;
        case GizmoHandle::Roll:
            return 2;
        default:
            return -1;
    }
}

QColor ringColour(GizmoHandle handle) {
    switch (handle) {
        case GizmoHandle::Pitch:
            return kPitchColour;
        case GizmoHandle::Yaw:
            return kYawColour;
        case GizmoHandle::Roll:
            return kRollColour;
        default:
            return kTrackballColour;
    }
}

// The ring's in-plane basis in the gizmo's frame, with u × v = the axis, so that the angle
// about the axis grows from u towards v (right-handed).
std::pair<glm::vec3, glm::vec3> ringBasis(GizmoHandle handle) {
    switch (handle) {
        case GizmoHandle::Pitch:
            return {{0, 1, 0}, {0, 0, 1}};
        case GizmoHandle::Yaw:
            return {{0, 0, 1}, {1, 0, 0}};
        default:
            return {{1, 0, 0}, {0, 1, 0}};
    }
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

double length(QPointF p) {
    return std::hypot(p.x(), p.y());
}

double cross(QPointF a, QPointF b) {
    return a.x() * b.y() - a.y() * b.x();
}

// An angle in degrees as the readout shows it: one decimal and a real minus sign.
QString degrees(float value_deg) {
    QString text = QString::number(double(value_deg), 'f', 1);
    if (text.startsWith(QLatin1Char('-'))) {
        text.replace(0, 1, QChar(0x2212));
    }
    return text;
}

}  // namespace

void HeadPoseGizmo::setPlacement(const glm::vec3& pivot_cm, const glm::quat& axes,
                                 float radius_cm) {
    const bool finite = std::isfinite(pivot_cm.x) && std::isfinite(pivot_cm.y) &&
                        std::isfinite(pivot_cm.z) && std::isfinite(axes.w) &&
                        std::isfinite(axes.x) && std::isfinite(axes.y) && std::isfinite(axes.z) &&
                        std::isfinite(radius_cm);
    const float norm = glm::length(axes);
    if (!finite || !(radius_cm > 0.0f) || !(norm > 1e-6f)) {
        clearPlacement();  // nothing sensible to draw: no gizmo rather than a wild one
        return;
    }
    pivot_cm_ = pivot_cm;
    axes_ = axes / norm;
    radius_cm_ = radius_cm;
}

bool HeadPoseGizmo::hasPlacement() const {
    return radius_cm_ > 0.0f;
}

void HeadPoseGizmo::clearPlacement() {
    radius_cm_ = 0.0f;
}

void HeadPoseGizmo::setViewerPosition(const glm::vec3& eye_cm) {
    eye_cm_ = eye_cm;
}

glm::vec3 HeadPoseGizmo::ringAxis(GizmoHandle handle) {
    switch (handle) {
        case GizmoHandle::Pitch:
            return {1, 0, 0};
        case GizmoHandle::Yaw:
            return {0, 1, 0};
        case GizmoHandle::Roll:
            return {0, 0, 1};
        default:
            return glm::vec3(0.0f);
    }
}

QString HeadPoseGizmo::handleName(GizmoHandle handle) {
    switch (handle) {
        case GizmoHandle::Pitch:
            return tr("Pitch");
        case GizmoHandle::Yaw:
            return tr("Yaw");
        case GizmoHandle::Roll:
            return tr("Roll");
        case GizmoHandle::Trackball:
            return tr("Trackball");
        case GizmoHandle::None:
            break;
    }
    return {};
}

void HeadPoseGizmo::setHovered(GizmoHandle handle) {
    hovered_ = handle;
}

namespace {

// One ring's samples in camera space, kRingSegments + 1 of them (the last closes it), and
// whether each faces the viewer.
struct RingSamples {
    std::vector<glm::vec3> points;
    std::vector<bool> front;
};

RingSamples sampleRing(GizmoHandle handle, const glm::vec3& pivot, const glm::quat& axes,
                       float radius, const glm::vec3& eye, int segments) {
    const auto [u_local, v_local] = ringBasis(handle);
    const glm::vec3 u = axes * u_local, v = axes * v_local;
    const glm::vec3 towards_eye = eye - pivot;
    RingSamples ring;
    ring.points.reserve(size_t(segments + 1));
    for (int i = 0; i <= segments; ++i) {
        const double a = 2.0 * kPi * i / segments;
        const glm::vec3 offset = radius * (float(std::cos(a)) * u + float(std::sin(a)) * v);
        ring.points.push_back(pivot + offset);
        ring.front.push_back(glm::dot(offset, towards_eye) >= 0.0f);
    }
    return ring;
}

}  // namespace

GizmoHandle HeadPoseGizmo::hitTest(QPointF widget_pos, const GizmoProjector& project) const {
    if (!hasPlacement() || !project) {
        return GizmoHandle::None;
    }
    if (const std::optional<QPointF> centre = project(pivot_cm_);
        centre.has_value() && length(widget_pos - *centre) <= kTrackballRadius_px) {
        return GizmoHandle::Trackball;
    }
    GizmoHandle best = GizmoHandle::None;
    double best_score = kPickTolerance_px + kBackPenalty_px;
    for (const GizmoHandle handle : kRings) {
        const RingSamples ring =
            sampleRing(handle, pivot_cm_, axes_, radius_cm_, eye_cm_, kRingSegments);
        std::optional<QPointF> previous;
        for (size_t i = 0; i < ring.points.size(); ++i) {
            const std::optional<QPointF> at = project(ring.points[i]);
            if (at.has_value() && previous.has_value()) {
                const double d = distanceToSegment(widget_pos, *previous, *at);
                const double score = d + (ring.front[i] ? 0.0 : kBackPenalty_px);
                if (d <= kPickTolerance_px && score < best_score) {
                    best_score = score;
                    best = handle;
                }
            }
            previous = at;
        }
    }
    return best;
}

std::optional<QPointF> HeadPoseGizmo::grabPoint(GizmoHandle handle,
                                                const GizmoProjector& project) const {
    if (!hasPlacement() || !project || handle == GizmoHandle::None) {
        return std::nullopt;
    }
    if (handle == GizmoHandle::Trackball) {
        return project(pivot_cm_);
    }
    // The ring's samples nearest the viewer first; the first that picks this ring wins.
    const int samples = 4 * kRingSegments;
    const RingSamples ring = sampleRing(handle, pivot_cm_, axes_, radius_cm_, eye_cm_, samples);
    std::vector<int> order(static_cast<size_t>(samples));
    for (int i = 0; i < samples; ++i) {
        order[size_t(i)] = i;
    }
    const glm::vec3 towards_eye = eye_cm_ - pivot_cm_;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return glm::dot(ring.points[size_t(a)] - pivot_cm_, towards_eye) >
               glm::dot(ring.points[size_t(b)] - pivot_cm_, towards_eye);
    });
    // Prefer a point whose whole pixel neighbourhood picks the ring, so that a mouse (which
    // lands on whole pixels) pressing there surely gets it; else any point that picks it.
    const auto picks = [&](QPointF at) { return hitTest(at, project) == handle; };
    const auto firmly = [&](QPointF at) {
        const QPointF pixel = at.toPoint();
        for (const QPointF step :
             {QPointF(0, 0), QPointF(1, 0), QPointF(-1, 0), QPointF(0, 1), QPointF(0, -1)}) {
            if (!picks(pixel + step)) {
                return false;
            }
        }
        return true;
    };
    std::optional<QPointF> loose;
    for (const int i : order) {
        const std::optional<QPointF> at = project(ring.points[size_t(i)]);
        if (!at.has_value() || !picks(*at)) {
            continue;
        }
        if (firmly(*at)) {
            return QPointF(at->toPoint());
        }
        if (!loose.has_value()) {
            loose = at;
        }
    }
    return loose;
}

void HeadPoseGizmo::paint(QPainter& painter, const GizmoProjector& project) const {
    if (!hasPlacement() || !project) {
        return;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const GizmoHandle lit = isDragging() ? activeHandle() : hovered_;
    // Back halves first, so that the front of every ring is drawn over the back of the others.
    for (const bool front_pass : {false, true}) {
        for (const GizmoHandle handle : kRings) {
            const RingSamples ring =
                sampleRing(handle, pivot_cm_, axes_, radius_cm_, eye_cm_, kRingSegments);
            QPainterPath path;
            std::optional<QPointF> previous;
            for (size_t i = 0; i < ring.points.size(); ++i) {
                const std::optional<QPointF> at = project(ring.points[i]);
                if (at.has_value() && previous.has_value() && ring.front[i] == front_pass) {
                    if (path.isEmpty() || path.currentPosition() != *previous) {
                        path.moveTo(*previous);
                    }
                    path.lineTo(*at);
                }
                previous = at;
            }
            const bool highlighted = handle == lit;
            QColor colour = ringColour(handle);
            if (highlighted) {
                colour = colour.lighter(135);
            }
            colour.setAlpha(front_pass ? 235 : (highlighted ? 150 : 90));
            const double width = (front_pass ? 2.0 : 1.4) * (highlighted ? 1.8 : 1.0);
            if (front_pass) {
                painter.setPen(QPen(kShadowColour, width + 2.0, Qt::SolidLine, Qt::RoundCap));
                painter.drawPath(path);
            }
            painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
            painter.drawPath(path);
        }
    }
    if (const std::optional<QPointF> centre = project(pivot_cm_); centre.has_value()) {
        const bool highlighted = lit == GizmoHandle::Trackball;
        QColor fill = kTrackballColour;
        fill.setAlpha(highlighted ? 150 : 60);
        painter.setPen(QPen(highlighted ? kTrackballColour : kTrackballColour.darker(130),
                            highlighted ? 2.0 : 1.2));
        painter.setBrush(fill);
        painter.drawEllipse(*centre, kTrackballRadius_px, kTrackballRadius_px);
    }
    if (isDragging() && readout_pos_.has_value()) {
        const glm::vec3& a = readout_head_deg_;
        const QString text = activeHandle() == GizmoHandle::Trackball
                                 ? tr("Yaw %1° · Pitch %2°").arg(degrees(a.y), degrees(a.x))
                                 : tr("%1 %2°").arg(handleName(activeHandle()),
                                                    degrees(a[angleIndex(activeHandle())]));
        const QFontMetrics metrics = painter.fontMetrics();
        QRectF box = QRectF(metrics.boundingRect(text)).adjusted(-6, -3, 6, 3);
        box.moveTopLeft(*readout_pos_ + QPointF(16, 14));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 175));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(kReadoutText);
        painter.drawText(box, Qt::AlignCenter, text);
    }
    painter.restore();
}

std::optional<double> HeadPoseGizmo::planeAngle(const Drag& drag, QPointF widget_pos,
                                                const GizmoProjector& project) const {
    // The point of the ring's plane under the cursor, by Newton's method through the projector
    // (for a pinhole camera the plane-to-screen map is a homography: it converges in a few
    // steps). Coordinates along u and v, in cm.
    const auto screen = [&](double x, double y) {
        return project(drag.pivot_cm + float(x) * drag.u + float(y) * drag.v);
    };
    const double h = std::max(1e-3, 1e-3 * double(drag.radius_cm));
    double x = 0.0, y = 0.0;
    for (int iteration = 0; iteration < 30; ++iteration) {
        const std::optional<QPointF> at = screen(x, y);
        const std::optional<QPointF> dx = screen(x + h, y);
        const std::optional<QPointF> dy = screen(x, y + h);
        if (!at || !dx || !dy) {
            return std::nullopt;
        }
        const QPointF r = widget_pos - *at;
        if (length(r) < 1e-4) {
            break;
        }
        const QPointF jx = (*dx - *at) / h, jy = (*dy - *at) / h;
        const double det = cross(jx, jy);
        if (std::abs(det) < 1e-9) {
            return std::nullopt;
        }
        // Solve [jx jy] (sx, sy) = r, keeping each step within the ring's scale.
        double sx = cross(r, jy) / det, sy = cross(jx, r) / det;
        const double step = std::hypot(sx, sy), limit = 4.0 * double(drag.radius_cm);
        if (step > limit) {
            sx *= limit / step;
            sy *= limit / step;
        }
        x += sx;
        y += sy;
        if (iteration == 29) {
            return std::nullopt;  // the ray misses the plane (beyond its horizon)
        }
    }
    if (std::hypot(x, y) < 1e-6) {
        return std::nullopt;  // at the pivot itself the angle means nothing
    }
    return std::atan2(y, x);
}

void HeadPoseGizmo::beginDrag(GizmoHandle handle, QPointF widget_pos, const GizmoProjector& project,
                              const glm::vec3& start_head_deg) {
    drag_.reset();
    readout_pos_.reset();
    if (handle == GizmoHandle::None || !hasPlacement() || !project) {
        return;
    }
    Drag drag;
    drag.handle = handle;
    drag.start_head_deg = start_head_deg;
    drag.start_pos = widget_pos;
    drag.pivot_cm = pivot_cm_;
    drag.radius_cm = radius_cm_;
    const glm::vec3 towards_eye = eye_cm_ - pivot_cm_;
    // How a point at `from` moving along `direction` (unit, cm) by one radian's worth of the
    // ring's radius moves on screen.
    const auto screenRate = [&](const glm::vec3& from,
                                const glm::vec3& direction) -> std::optional<QPointF> {
        const float eps = 0.01f * radius_cm_;
        const std::optional<QPointF> a = project(from), b = project(from + eps * direction);
        if (!a || !b) {
            return std::nullopt;
        }
        return (*b - *a) * (double(radius_cm_) / double(eps));
    };
    if (handle == GizmoHandle::Trackball) {
        // The face's front (the gizmo's +z at the ring's radius) under a turn of yaw and pitch.
        const glm::vec3 front = axes_ * glm::vec3(0, 0, 1);
        const glm::vec3 yaw_axis = axes_ * glm::vec3(0, 1, 0);
        const glm::vec3 pitch_axis = axes_ * glm::vec3(1, 0, 0);
        const glm::vec3 nose = pivot_cm_ + radius_cm_ * front;
        const std::optional<QPointF> sy = screenRate(nose, glm::cross(yaw_axis, front));
        const std::optional<QPointF> sp = screenRate(nose, glm::cross(pitch_axis, front));
        const double det = sy && sp ? cross(*sy, *sp) : 0.0;
        const std::optional<QPointF> centre = project(pivot_cm_);
        // Well conditioned when both move the front visibly and not along one line (> ~3°).
        const bool usable = sy && sp && length(*sy) > 1.0 && length(*sp) > 1.0 &&
                            std::abs(det) > 0.05 * length(*sy) * length(*sp);
        if (!usable) {
            // Seen edge-on from the side or behind: the screen's own axes, the ring's size.
            double r_px = 0.0;
            if (centre.has_value()) {
                for (const glm::vec3& axis : {pitch_axis, yaw_axis}) {
                    if (const auto edge = project(pivot_cm_ + radius_cm_ * axis)) {
                        r_px = std::max(r_px, length(*edge - *centre));
                    }
                }
            }
            r_px = std::max(r_px, 1.0);
            drag.to_yaw[0] = 1.0 / r_px;
            drag.to_pitch[1] = 1.0 / r_px;
        } else {
            // Invert [sy sp]: the cursor's motion split into the yaw and the pitch that make it.
            drag.to_yaw[0] = sp->y() / det;
            drag.to_yaw[1] = -sp->x() / det;
            drag.to_pitch[0] = -sy->y() / det;
            drag.to_pitch[1] = sy->x() / det;
        }
        drag_ = drag;
        return;
    }
    const auto [u_local, v_local] = ringBasis(handle);
    drag.axis = axes_ * ringAxis(handle);
    drag.u = axes_ * u_local;
    drag.v = axes_ * v_local;
    // Edge-on or not, from how round the ring looks on screen: conjugate half-diameters.
    const std::optional<QPointF> c = project(pivot_cm_);
    const std::optional<QPointF> pu = project(pivot_cm_ + radius_cm_ * drag.u);
    const std::optional<QPointF> pv = project(pivot_cm_ + radius_cm_ * drag.v);
    if (c && pu && pv) {
        const QPointF a = *pu - *c, b = *pv - *c;
        const double major2 = std::max(QPointF::dotProduct(a, a), QPointF::dotProduct(b, b));
        drag.use_plane = major2 > 0.0 && std::abs(cross(a, b)) / major2 > kEdgeOnRatio;
    }
    if (drag.use_plane) {
        const std::optional<double> start = planeAngle(drag, widget_pos, project);
        drag.use_plane = start.has_value();
        drag.start_angle_rad = drag.last_angle_rad = start.value_or(0.0);
    }
    // The ring's front: the point nearest the viewer, whose tangent lies across the view.
    glm::vec3 in_plane = towards_eye - glm::dot(towards_eye, drag.axis) * drag.axis;
    if (glm::length(in_plane) < 1e-6f) {
        in_plane = drag.u;
    }
    const glm::vec3 front = pivot_cm_ + radius_cm_ * glm::normalize(in_plane);
    const std::optional<QPointF> rate =
        screenRate(front, glm::normalize(glm::cross(drag.axis, front - pivot_cm_)));
    if (rate.has_value() && length(*rate) > 1e-6) {
        drag.px_per_rad = length(*rate);
        drag.tangent_dir = *rate / drag.px_per_rad;
    } else {
        drag.px_per_rad = 1e9;  // no screen motion turns it: the ring stays where it is
    }
    drag_ = drag;
}

glm::vec3 HeadPoseGizmo::dragTo(QPointF widget_pos, const GizmoProjector& project,
                                bool snap) const {
    if (!drag_.has_value()) {
        return readout_head_deg_;
    }
    Drag& drag = *drag_;
    glm::vec3 angles = drag.start_head_deg;
    const QPointF moved = widget_pos - drag.start_pos;
    const auto finish = [](float value_deg, bool snapped) {
        if (snapped) {
            value_deg = kSnap_deg * std::round(value_deg / kSnap_deg);
        }
        return std::clamp(value_deg, -kMaxAngle_deg, kMaxAngle_deg);
    };
    if (drag.handle == GizmoHandle::Trackball) {
        const double yaw = drag.to_yaw[0] * moved.x() + drag.to_yaw[1] * moved.y();
        const double pitch = drag.to_pitch[0] * moved.x() + drag.to_pitch[1] * moved.y();
        angles.y = finish(angles.y + float(yaw * 180.0 / kPi), snap);
        angles.x = finish(angles.x + float(pitch * 180.0 / kPi), snap);
    } else {
        double turn_rad = 0.0;
        if (drag.use_plane) {
            if (const std::optional<double> a =
                    project ? planeAngle(drag, widget_pos, project) : std::nullopt) {
                double step = *a - drag.last_angle_rad;
                step -= 2.0 * kPi * std::round(step / (2.0 * kPi));  // the short way round
                drag.unwrapped_rad += step;
                drag.last_angle_rad = *a;
            }
            turn_rad = drag.unwrapped_rad;
        } else {
            turn_rad = QPointF::dotProduct(moved, drag.tangent_dir) / drag.px_per_rad;
        }
        const int i = angleIndex(drag.handle);
        angles[i] = finish(angles[i] + float(turn_rad * 180.0 / kPi), snap);
    }
    readout_pos_ = widget_pos;
    readout_head_deg_ = angles;
    return angles;
}

void HeadPoseGizmo::endDrag() {
    drag_.reset();
    readout_pos_.reset();
}

bool HeadPoseGizmo::isDragging() const {
    return drag_.has_value();
}

GizmoHandle HeadPoseGizmo::activeHandle() const {
    return drag_.has_value() ? drag_->handle : GizmoHandle::None;
}

void placeOnFace(HeadPoseGizmo& gizmo, const ps::FaceFit& frame_fit) {
    const glm::vec3 pivot = frame_fit.pose.translation;
    float reach = 0.0f;
    for (const glm::vec3& v : frame_fit.vertices) {
        reach = std::max(reach, glm::distance(v, pivot));
    }
    if (frame_fit.vertices.empty()) {
        gizmo.clearPlacement();
        return;
    }
    // Just outside the face, so that the rings frame it rather than cover it.
    gizmo.setPlacement(pivot, ps::toQuat(frame_fit.pose), 1.05f * reach);
}

}  // namespace ps::ui
