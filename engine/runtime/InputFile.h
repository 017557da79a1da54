// The checks every reader of a user's file makes first, so that a missing, empty or misnamed
// file gets the same plain message whichever decoder is asked.
#pragma once

#include <optional>
#include <string>

namespace ps {

// "file does not exist", "is a folder, not <what>" or "file is empty"; nothing when the file
// can be read. `what` names the expected kind with its article: "an audio file", "a photo".
std::optional<std::string> inputFileProblem(const std::string& path, const std::string& what);

}  // namespace ps
