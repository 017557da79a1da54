// One channel's value over time as keyframes. Each key says how the segment from it to the next
// key is drawn: linear, eased (slow out and in), a cubic Bézier through two handles, or held
// until the next key (step). Before the first key the curve holds the first value, after the
// last the last value.
#pragma once

#include <cstdint>
#include <vector>

namespace ps {

enum class Interpolation {
    Linear = 1,
    Ease,    // smoothstep: leaves and arrives with zero slope
    Bezier,  // cubic Bézier through the key's out handle and the next key's in handle
    Step,    // holds this key's value until the next key
};

// How a key's two Bézier handles relate, as in Blender's graph editor. Stored per key; editing
// tools keep to it (the curve's value depends only on the handles themselves).
enum class HandleType {
    Free = 1,  // the in and out handles move independently
    Aligned,   // the two handles stay on one line through the key (their lengths may differ)
    Auto,      // the editor computes both from the neighbouring keys; dragging one makes it Aligned
};

struct Keyframe {
    double t_s = 0.0;
    float value = 0.0f;
    Interpolation interpolation = Interpolation::Linear;  // of the segment after this key
    // Bézier handles, as in CSS's cubic-bezier and After Effects' influence: x is the fraction
    // of the segment's duration (0..1, so time never runs backwards), dy the value offset from
    // the key. The out handle shapes the segment after this key, the in handle the one before.
    float out_x = 1.0f / 3.0f, out_dy = 0.0f;
    float in_x = 1.0f / 3.0f, in_dy = 0.0f;
    HandleType handles = HandleType::Free;  // Free: what keys were before the type was stored
};

// How a curve or a clip combines with the layers beneath it.
enum class BlendMode {
    Add = 1,   // adds its value (times its weight) to what is beneath
    Override,  // replaces what is beneath (blended by its weight)
};

// The value of `keys` (sorted by time, distinct times) at t; 0 when there are none.
float evaluateKeys(const std::vector<Keyframe>& keys, double t_s);

// True when the keys are sorted by strictly increasing time, every value and time is finite,
// every interpolation is one of the four, every handle type one of the three, and every handle's
// x lies in 0..1.
bool keysAreValid(const std::vector<Keyframe>& keys);

// A value on the eased segment (smoothstep) between 0 and 1 at u in 0..1.
float easeInOut(float u);

}  // namespace ps
