// JSON text a person can read and diff: indented by two spaces like nlohmann's dump(2), except
// that a list of numbers (a key's handle, an offset, a captured frame's channels) stays on one
// line, so a minute of captured frames is a few thousand lines rather than a few hundred thousand.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ps {

// Throws nlohmann::json::type_error, as dump() does, for text that is not UTF-8.
std::string readableJson(const nlohmann::json& value);

}  // namespace ps
