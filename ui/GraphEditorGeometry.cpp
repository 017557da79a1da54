#include "ui/GraphEditorGeometry.h"

#include <algorithm>
#include <cmath>

namespace ps::ui {

namespace {

constexpr double kSameKey_s = 1e-6;
constexpr float kThird = 1.0f / 3.0f;

struct Vec2 {
    double x;
    double y;
};

Vec2 lerp(const Vec2& a, const Vec2& b, double u) {
    return {a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u};
}

// The x of a cubic Bézier with end points 0 and 1 and inner x control points a, b.
double bezierX(double a, double b, double u) {
    const double v = 1.0 - u;
    return 3.0 * v * v * u * a + 3.0 * v * u * u * b + u * u * u;
}

// The parameter at which the segment reaches time fraction x (monotonic for a, b in 0..1).
double parameterAt(double a, double b, double x) {
    double low = 0.0, high = 1.0;
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (low + high);
        if (bezierX(a, b, mid) < x) {
            low = mid;
        } else {
            high = mid;
        }
    }
    return 0.5 * (low + high);
}

float clamp01(double x) {
    return float(std::clamp(x, 0.0, 1.0));
}

// Splits the Bézier segment keys[i] -> keys[i + 1] at time fraction x with a new key whose
// handles and the neighbours' make the two halves trace the original segment.
ps::Keyframe splitBezier(ps::Keyframe& from, ps::Keyframe& to, double x) {
    const double delta = double(to.value) - double(from.value);
    const Vec2 p0{0.0, 0.0};
    const Vec2 p1{from.out_x, from.out_dy};
    const Vec2 p2{1.0 - to.in_x, delta + to.in_dy};
    const Vec2 p3{1.0, delta};
    const double u = parameterAt(p1.x, p2.x, x);
    const Vec2 q01 = lerp(p0, p1, u), q12 = lerp(p1, p2, u), q23 = lerp(p2, p3, u);
    const Vec2 r0 = lerp(q01, q12, u), r1 = lerp(q12, q23, u);
    const Vec2 s = lerp(r0, r1, u);

    ps::Keyframe added;
    added.t_s = from.t_s + x * (to.t_s - from.t_s);
    added.value = float(double(from.value) + s.y);
    added.interpolation = ps::Interpolation::Bezier;
    from.out_x = clamp01(q01.x / x);
    from.out_dy = float(q01.y);
    added.in_x = clamp01((x - r0.x) / x);
    added.in_dy = float(r0.y - s.y);
    added.out_x = clamp01((r1.x - x) / (1.0 - x));
    added.out_dy = float(r1.y - s.y);
    to.in_x = clamp01((1.0 - q23.x) / (1.0 - x));
    to.in_dy = float(q23.y - delta);
    return added;
}

}  // namespace

// --- the view ------------------------------------------------------------------------------

void GraphEditorGeometry::setViewSize(double width_px, double height_px) {
    view_width_ = width_px;
    view_height_ = height_px;
}

QRectF GraphEditorGeometry::plotRect() const {
    return QRectF(kAxisWidth_px, kRulerHeight_px, std::max(1.0, view_width_ - kAxisWidth_px),
                  std::max(1.0, view_height_ - kRulerHeight_px));
}

void GraphEditorGeometry::setPixelsPerSecond(double pixels_per_s) {
    pixels_per_s_ = std::clamp(pixels_per_s, kMinPixelsPerSecond, kMaxPixelsPerSecond);
}

void GraphEditorGeometry::setPixelsPerUnit(double pixels_per_unit) {
    pixels_per_unit_ = std::clamp(pixels_per_unit, kMinPixelsPerUnit, kMaxPixelsPerUnit);
}

double GraphEditorGeometry::yOf(double display) const {
    return plotRect().center().y() - (display - centre_value_) * pixels_per_unit_;
}

double GraphEditorGeometry::displayAt(double y) const {
    return centre_value_ + (plotRect().center().y() - y) / pixels_per_unit_;
}

void GraphEditorGeometry::zoomTimeAround(double x, double factor) {
    const double t = timeAt(x);
    setPixelsPerSecond(pixels_per_s_ * factor);
    scroll_s_ = t - (x - kAxisWidth_px) / pixels_per_s_;
}

void GraphEditorGeometry::zoomValueAround(double y, double factor) {
    const double v = displayAt(y);
    setPixelsPerUnit(pixels_per_unit_ * factor);
    centre_value_ = v - (plotRect().center().y() - y) / pixels_per_unit_;
}

void GraphEditorGeometry::panBy(double dx_px, double dy_px) {
    scroll_s_ -= dx_px / pixels_per_s_;
    centre_value_ += dy_px / pixels_per_unit_;
}

void GraphEditorGeometry::frame(double t0_s, double t1_s, double v0, double v1) {
    if (t1_s < t0_s) {
        std::swap(t0_s, t1_s);
    }
    if (v1 < v0) {
        std::swap(v0, v1);
    }
    if (t1_s - t0_s < 1e-6) {
        t0_s -= 0.5;
        t1_s += 0.5;
    }
    if (v1 - v0 < 1e-6) {
        v0 -= 0.05;
        v1 += 0.05;
    }
    const QRectF plot = plotRect();
    const double inner = 1.0 - 2.0 * kFrameMargin;
    setPixelsPerSecond(plot.width() * inner / (t1_s - t0_s));
    // Centred, so that a zoom clamped at its limit still shows the middle of the content.
    scroll_s_ = 0.5 * (t0_s + t1_s) - 0.5 * plot.width() / pixels_per_s_;
    setPixelsPerUnit(plot.height() * inner / (v1 - v0));
    centre_value_ = 0.5 * (v0 + v1);
}

// --- the normalised view -------------------------------------------------------------------

void GraphEditorGeometry::setChannelRange(int channel, double low, double high) {
    Range range;
    range.middle = 0.5 * (low + high);
    range.half = 0.5 * std::abs(high - low);
    if (!(range.half >= 5e-7)) {
        range.half = 1.0;
    }
    ranges_[channel] = range;
}

double GraphEditorGeometry::displayOf(int channel, double value) const {
    if (!normalised_) {
        return value;
    }
    const auto found = ranges_.find(channel);
    return found == ranges_.end() ? value : (value - found->second.middle) / found->second.half;
}

double GraphEditorGeometry::valueOf(int channel, double display) const {
    if (!normalised_) {
        return display;
    }
    const auto found = ranges_.find(channel);
    return found == ranges_.end() ? display : found->second.middle + display * found->second.half;
}

double GraphEditorGeometry::unitsPerDisplay(int channel) const {
    if (!normalised_) {
        return 1.0;
    }
    const auto found = ranges_.find(channel);
    return found == ranges_.end() ? 1.0 : found->second.half;
}

QPointF GraphEditorGeometry::pointOf(int channel, const GraphPoint& point) const {
    return QPointF(xOf(point.t_s), yOf(displayOf(channel, point.value)));
}

GraphPoint GraphEditorGeometry::graphPointAt(int channel, const QPointF& at) const {
    return GraphPoint{timeAt(at.x()), valueOf(channel, displayAt(at.y()))};
}

double GraphEditorGeometry::niceStep(double minimum) {
    if (!(minimum > 0.0) || !std::isfinite(minimum)) {
        return 1.0;
    }
    const double power = std::pow(10.0, std::floor(std::log10(minimum)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= minimum * (1.0 - 1e-12)) {
            return m * power;
        }
    }
    return 10.0 * power;
}

// --- Bézier handles ------------------------------------------------------------------------

bool hasHandle(const std::vector<ps::Keyframe>& keys, size_t index, HandleSide side) {
    if (index >= keys.size()) {
        return false;
    }
    switch (side) {
        case HandleSide::Out:
            return index + 1 < keys.size() &&
                   keys[index].interpolation == ps::Interpolation::Bezier;
        case HandleSide::In:
            return index > 0 && keys[index - 1].interpolation == ps::Interpolation::Bezier;
        case HandleSide::None:
            break;
    }
    return false;
}

GraphPoint handlePoint(const std::vector<ps::Keyframe>& keys, size_t index, HandleSide side) {
    const ps::Keyframe& key = keys[index];
    if (side == HandleSide::Out && index + 1 < keys.size()) {
        const double span = keys[index + 1].t_s - key.t_s;
        return {key.t_s + key.out_x * span, double(key.value) + key.out_dy};
    }
    if (side == HandleSide::In && index > 0) {
        const double span = key.t_s - keys[index - 1].t_s;
        return {key.t_s - key.in_x * span, double(key.value) + key.in_dy};
    }
    return {key.t_s, key.value};
}

void placeHandle(std::vector<ps::Keyframe>& keys, size_t index, HandleSide side,
                 const GraphPoint& at) {
    ps::Keyframe& key = keys[index];
    if (side == HandleSide::Out && index + 1 < keys.size()) {
        const double span = keys[index + 1].t_s - key.t_s;
        key.out_x = clamp01((at.t_s - key.t_s) / span);
        key.out_dy = float(at.value - double(key.value));
    } else if (side == HandleSide::In && index > 0) {
        const double span = key.t_s - keys[index - 1].t_s;
        key.in_x = clamp01((key.t_s - at.t_s) / span);
        key.in_dy = float(at.value - double(key.value));
    }
}

void alignOppositeHandle(std::vector<ps::Keyframe>& keys, size_t index, HandleSide side) {
    if (index >= keys.size() || index == 0 || index + 1 >= keys.size()) {
        return;  // an end key has only one handle
    }
    ps::Keyframe& key = keys[index];
    const double span_in = key.t_s - keys[index - 1].t_s;
    const double span_out = keys[index + 1].t_s - key.t_s;
    // The dragged handle as a reach in time (away from the key) and a value offset.
    const double reach_s = side == HandleSide::Out ? key.out_x * span_out : key.in_x * span_in;
    const double dy = side == HandleSide::Out ? key.out_dy : key.in_dy;
    float& partner_x = side == HandleSide::Out ? key.in_x : key.out_x;
    float& partner_dy = side == HandleSide::Out ? key.in_dy : key.out_dy;
    const double partner_span = side == HandleSide::Out ? span_in : span_out;
    if (reach_s < 1e-9) {
        // Straight up or down: the partner points the other way.
        const double length = partner_dy != 0.0f ? std::abs(partner_dy) : std::abs(dy);
        partner_x = 0.0f;
        partner_dy = float(dy > 0.0 ? -length : length);
        return;
    }
    if (partner_x <= 0.0f) {
        partner_x = kThird;
    }
    partner_dy = float(-dy / reach_s * partner_x * partner_span);
}

void setAutoHandles(std::vector<ps::Keyframe>& keys, size_t index) {
    if (index >= keys.size()) {
        return;
    }
    ps::Keyframe& key = keys[index];
    const bool has_prev = index > 0;
    const bool has_next = index + 1 < keys.size();
    double slope = 0.0;
    if (has_prev && has_next) {
        const ps::Keyframe& prev = keys[index - 1];
        const ps::Keyframe& next = keys[index + 1];
        const double before = (double(key.value) - prev.value) / (key.t_s - prev.t_s);
        const double after = (double(next.value) - key.value) / (next.t_s - key.t_s);
        if (before * after > 0.0) {
            slope = (double(next.value) - prev.value) / (next.t_s - prev.t_s);
            // A Hermite segment stays between its ends while the slope is at most three times
            // the segment's own (Fritsch–Carlson).
            const double limit = 3.0 * std::min(std::abs(before), std::abs(after));
            slope = std::clamp(slope, -limit, limit);
        }
    }
    key.in_x = kThird;
    key.out_x = kThird;
    key.in_dy = has_prev ? float(-slope * (key.t_s - keys[index - 1].t_s) / 3.0) : 0.0f;
    key.out_dy = has_next ? float(slope * (keys[index + 1].t_s - key.t_s) / 3.0) : 0.0f;
}

bool hasDefaultHandles(const std::vector<ps::Keyframe>& keys, size_t index) {
    if (index + 1 >= keys.size()) {
        return true;
    }
    const ps::Keyframe& key = keys[index];
    const ps::Keyframe& next = keys[index + 1];
    return std::abs(key.out_x - kThird) < 1e-6f && key.out_dy == 0.0f &&
           std::abs(next.in_x - kThird) < 1e-6f && next.in_dy == 0.0f;
}

size_t insertKeyKeepingShape(std::vector<ps::Keyframe>& keys, double t_s) {
    for (size_t i = 0; i < keys.size(); ++i) {
        if (std::abs(keys[i].t_s - t_s) <= kSameKey_s) {
            return i;
        }
    }
    ps::Keyframe added;
    added.t_s = t_s;
    if (keys.empty()) {
        keys.push_back(added);
        return 0;
    }
    if (t_s < keys.front().t_s) {
        // Before the first key the curve holds its value: the new segment is flat.
        added.value = keys.front().value;
        added.interpolation = keys.front().interpolation;
        keys.front().in_x = kThird;
        keys.front().in_dy = 0.0f;
        keys.insert(keys.begin(), added);
        return 0;
    }
    if (t_s > keys.back().t_s) {
        added.value = keys.back().value;
        added.interpolation = keys.back().interpolation;
        keys.back().out_x = kThird;
        keys.back().out_dy = 0.0f;
        keys.push_back(added);
        return keys.size() - 1;
    }
    size_t i = 0;
    while (i + 2 < keys.size() && keys[i + 1].t_s < t_s) {
        ++i;
    }
    ps::Keyframe& from = keys[i];
    ps::Keyframe& to = keys[i + 1];
    const double x = (t_s - from.t_s) / (to.t_s - from.t_s);
    switch (from.interpolation) {
        case ps::Interpolation::Step:
            added.value = from.value;
            added.interpolation = ps::Interpolation::Step;
            break;
        case ps::Interpolation::Ease:
            // Smoothstep is the Bézier with handles at a third and flat: split that.
            from.interpolation = ps::Interpolation::Bezier;
            from.out_x = kThird;
            from.out_dy = 0.0f;
            to.in_x = kThird;
            to.in_dy = 0.0f;
            added = splitBezier(from, to, x);
            break;
        case ps::Interpolation::Bezier:
            added = splitBezier(from, to, x);
            break;
        case ps::Interpolation::Linear:
        default:
            added.value = ps::evaluateKeys(keys, t_s);
            added.interpolation = ps::Interpolation::Linear;
            break;
    }
    added.t_s = t_s;
    keys.insert(keys.begin() + std::ptrdiff_t(i + 1), added);
    return i + 1;
}

}  // namespace ps::ui
