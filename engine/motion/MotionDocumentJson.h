// The motion document as JSON: the body of a project file (project/ProjectFile). Everything a
// person made is written (clips with their template copies, captures with their frames, curves,
// sculpts, settings, strengths, the next id); nothing derived (the voice and idle tracks are
// regenerated from the settings).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "motion/MotionDocument.h"
#include "runtime/Result.h"

namespace ps {

nlohmann::json motionDocumentToJson(const MotionDocument& document);

// BadInput "<source>: <where>: <problem>" for a missing or mistyped field, an unknown channel,
// keys out of order, a vertex outside the mesh, two elements sharing an id or an id at or past
// next_id.
Result<MotionDocument> motionDocumentFromJson(const nlohmann::json& json,
                                              const std::string& source);

}  // namespace ps
