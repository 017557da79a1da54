// Keyframes for the motion tests, written the way a person reads them: key(1.0, 0.5f, Ease).
#pragma once

#include "motion/KeyframeCurve.h"

inline ps::Keyframe key(double t_s, float value,
                        ps::Interpolation interpolation = ps::Interpolation::Linear) {
    ps::Keyframe k;
    k.t_s = t_s;
    k.value = value;
    k.interpolation = interpolation;
    return k;
}
