// "Smooth": a zero-phase low-pass over a keyframe curve, for jittery keys (a bake of a noisy
// capture, keys set by hand frame by frame). Only the chosen keys' values change; their times,
// interpolations and handles stay, so the curve keeps its shape and its timing.
//
// The filter is a Gaussian kernel, symmetric in time, so nothing moves earlier or later (a
// Butterworth run forwards and backwards is zero-phase too, but rings on a step; a Gaussian never
// overshoots, so a weight stays within 0..1). Its cutoff is the half-power point: a sine at
// cutoff_hz keeps 1/√2 of its amplitude, one at half of it 92 %, one at twice it 25 %.
//
// It filters the curve as drawn, not the bare key values: the curve (evaluateKeys, held beyond
// its ends as it is evaluated) is read on a uniform grid centred on each key, so uneven keys are
// weighed by the time they cover. For keys on a uniform grid (a bake's frames, keys set every
// frame) the grid's step divides the keys' spacing, so the kernel reads the keys themselves
// (unless they are closer than σ/256, where the step stops shrinking to bound the cost).
#pragma once

#include <vector>

#include "motion/MotionDocument.h"
#include "motion/MotionEdit.h"
#include "runtime/Result.h"

namespace ps {

// Smoothing's default cutoff: keeps syllables (about 4 to 5 a second) and takes out
// frame-to-frame jitter. The command line's and the studio's.
constexpr double kDefaultSmoothCutoff_hz = 6.0;

// The kernel's standard deviation for a half-power cutoff: exp(-2π²σ²f²) = 1/√2 at f = cutoff.
double gaussianSigmaForCutoff(double cutoff_hz);

struct SmoothedKeys {
    MotionEdit edit;              // one EditGroup replacing the curve; its inverse restores it
    size_t smoothed = 0;          // keys whose value the edit sets
    size_t key_count = 0;         // keys of the curve
    float largest_change = 0.0f;  // the largest |new − old| value of a key
};

// Smooths the keys of curve `curve` at `key_times` (each within 1 µs of a key, as MotionEdit
// finds keys; empty: every key). The filter reads the whole curve, so a key at the selection's
// edge is smoothed with its unselected neighbours, which stay as they are. BadInput for an
// unknown curve, one without keys, a time that is not a key, or a cutoff that is not above 0.
Result<SmoothedKeys> smoothKeys(const MotionDocument& document, ElementId curve,
                                const std::vector<double>& key_times, double cutoff_hz);

}  // namespace ps
