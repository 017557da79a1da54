#include "motion/KeyframeCurve.h"

#include <algorithm>
#include <cmath>

namespace ps {

namespace {

// One coordinate of a cubic Bézier with end points 0 and 1 and inner control points a, b.
double bezier01(double a, double b, double u) {
    const double v = 1.0 - u;
    return 3.0 * v * v * u * a + 3.0 * v * u * u * b + u * u * u;
}

// The Bézier segment's parameter at time fraction x. With both handles' x in 0..1 the curve's
// time is monotonic in u, so bisection always finds the one answer; Newton's steps first make
// it fast where the slope is healthy.
double bezierParameterAt(double ax, double bx, double x) {
    double u = x;
    for (int i = 0; i < 6; ++i) {
        const double v = 1.0 - u;
        const double slope = 3.0 * v * v * ax + 6.0 * v * u * (bx - ax) + 3.0 * u * u * (1.0 - bx);
        const double error = bezier01(ax, bx, u) - x;
        if (std::abs(error) < 1e-7) {
            return u;
        }
        if (std::abs(slope) < 1e-6) {
            break;
        }
        u = std::clamp(u - error / slope, 0.0, 1.0);
    }
    double low = 0.0, high = 1.0;
    u = x;
    for (int i = 0; i < 40; ++i) {
        if (bezier01(ax, bx, u) < x) {
            low = u;
        } else {
            high = u;
        }
        u = 0.5 * (low + high);
    }
    return u;
}

float segmentValue(const Keyframe& from, const Keyframe& to, double t_s) {
    const double span = to.t_s - from.t_s;
    const double x = span > 0.0 ? std::clamp((t_s - from.t_s) / span, 0.0, 1.0) : 1.0;
    const float delta = to.value - from.value;
    switch (from.interpolation) {
        case Interpolation::Step:
            return from.value;
        case Interpolation::Ease:
            return from.value + delta * easeInOut(float(x));
        case Interpolation::Bezier: {
            const double u = bezierParameterAt(from.out_x, 1.0 - to.in_x, x);
            // The value's control points, relative to `from`.
            const double p1 = from.out_dy;
            const double p2 = double(delta) + to.in_dy;
            const double v = 1.0 - u;
            return from.value +
                   float(3.0 * v * v * u * p1 + 3.0 * v * u * u * p2 + u * u * u * double(delta));
        }
        case Interpolation::Linear:
        default:
            return from.value + delta * float(x);
    }
}

}  // namespace

float easeInOut(float u) {
    u = std::clamp(u, 0.0f, 1.0f);
    return u * u * (3.0f - 2.0f * u);
}

float evaluateKeys(const std::vector<Keyframe>& keys, double t_s) {
    if (keys.empty()) {
        return 0.0f;
    }
    if (t_s <= keys.front().t_s) {
        return keys.front().value;
    }
    if (t_s >= keys.back().t_s) {
        return keys.back().value;
    }
    // The first key after t; the segment starts at the key before it.
    const auto next = std::upper_bound(keys.begin(), keys.end(), t_s,
                                       [](double t, const Keyframe& key) { return t < key.t_s; });
    return segmentValue(*(next - 1), *next, t_s);
}

bool keysAreValid(const std::vector<Keyframe>& keys) {
    for (size_t i = 0; i < keys.size(); ++i) {
        const Keyframe& key = keys[i];
        if (!std::isfinite(key.t_s) || !std::isfinite(key.value) || !std::isfinite(key.out_dy) ||
            !std::isfinite(key.in_dy)) {
            return false;
        }
        if (!(key.out_x >= 0.0f && key.out_x <= 1.0f && key.in_x >= 0.0f && key.in_x <= 1.0f)) {
            return false;
        }
        switch (key.interpolation) {
            case Interpolation::Linear:
            case Interpolation::Ease:
            case Interpolation::Bezier:
            case Interpolation::Step:
                break;
            default:
                return false;
        }
        switch (key.handles) {
            case HandleType::Free:
            case HandleType::Aligned:
            case HandleType::Auto:
                break;
            default:
                return false;
        }
        if (i > 0 && !(keys[i - 1].t_s < key.t_s)) {
            return false;
        }
    }
    return true;
}

}  // namespace ps
