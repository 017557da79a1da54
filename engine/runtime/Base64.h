// Base64 (RFC 4648, the standard alphabet with "=" padding): how a project file carries the bytes
// of an embedded photo or voice inside its JSON text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ps {

std::string base64Encode(std::string_view bytes);

// The bytes, or nothing when `text` is not base64: a character outside the alphabet (whitespace
// included), a length that is not a multiple of 4, or padding anywhere but at the end.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace ps
