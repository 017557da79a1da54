// Keyframes as JSON, shared by templates and projects:
//   {"t": 0.5, "value": 1.0, "interp": "bezier", "out": [0.33, 0.0], "in": [0.33, 0.0],
//    "handles": "aligned"}
// "interp" is linear (the default, then omitted), ease, bezier or step; "out" is written for
// Bézier keys, "in" for keys that start or end a Bézier segment. "handles" is free (the
// default, then omitted, so files from before it read unchanged), aligned or auto. It is an
// optional field older readers skip, so the project version stays as it is.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "motion/KeyframeCurve.h"
#include "runtime/Result.h"

namespace ps {

nlohmann::json keysToJson(const std::vector<Keyframe>& keys);

// BadInput "<source>: <where>: <problem>" for a mistyped field, an unknown interpolation or
// handle type, a handle outside 0..1 or keys not in increasing time.
Result<std::vector<Keyframe>> keysFromJson(const nlohmann::json& json, const std::string& source,
                                           const std::string& where);

}  // namespace ps
