// The face a template shows at its most telling moment, alone: what the library's thumbnail of
// it draws. An expression is shown fully in; a movement (a nod, a shake) at the moment of its
// pass where the head is turned furthest, since its start is the face at rest.
#pragma once

#include "motion/ExpressionTemplate.h"
#include "motion/FaceTrack.h"

namespace ps {

// The template's local time with the most to show (0 for a constant expression).
double templatePeakTime(const ExpressionTemplate& expression);

// The face state of the template alone at its peak, at full intensity, over a still face
// (no voice, no idle motion): what the motion evaluator gives for that template as a clip.
FaceState templatePreviewState(const ExpressionTemplate& expression);

}  // namespace ps
