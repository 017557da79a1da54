// The "A" of the studio's A/B compare: what the voice alone makes of the face, before anyone
// edited it. It keeps what the voice's and idle motion are generated from (their settings and
// the blink rate, so the derived tracks already made serve it unchanged) and drops every hand
// edit: expression clips, captures, keyframe curves, landmark sculpts, viseme overrides and the
// lips, expression and head strengths. Elements added to the document later are dropped too,
// because the result starts from an empty document and copies only what it keeps.
#pragma once

#include "motion/MotionDocument.h"

namespace ps {

MotionDocument voiceOnlyMotion(const MotionDocument& document);

}  // namespace ps
