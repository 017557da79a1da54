// Brings an older project file's JSON up to the newest layout (kProjectVersion) one version at a
// time, so each new version adds one step and every old file takes the same path.
//
// Version 1 (before embedding and frame rates): "photo" and "audio" were plain path strings
// (empty or absent for none), there was no "fps" (25 implied) and the motion had no "strengths".
#pragma once

#include <nlohmann/json.hpp>

namespace ps {

// Applies the steps from `from_version` to the newest and sets "version". A step converts what
// it recognises and leaves anything else as it is, for the reader to report in the newest
// layout's words.
void migrateProject(nlohmann::json& project, int from_version);

}  // namespace ps
