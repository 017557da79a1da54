// What makes each part of a motion document valid, in one place: edits refuse what fails here
// and project files report it. Each function returns the problem as a phrase ("its radius must be
// more than 0 cm"), or an empty string when the value is fine.
#pragma once

#include <string>

#include "motion/MotionDocument.h"

namespace ps {

std::string problemWith(const ExpressionTemplate& expression);
std::string problemWith(const ExpressionClip& clip);
std::string problemWith(const CaptureLayer& capture);
std::string problemWith(const KeyframeCurve& curve);
std::string problemWith(const LandmarkSculpt& sculpt);
// Against the document's duration too: an override must end within a second past it.
std::string problemWith(const VisemeOverride& viseme, double duration_s);
std::string problemWith(const MotionStrengths& strengths);
std::string problemWith(const VoiceLayerSettings& voice);
std::string problemWith(const IdleLayerSettings& idle);

}  // namespace ps
