// Every file the studio writes (exports, fits, pictures, projects) appears at its final path only
// when complete: it is written to a new temporary file in the same folder, so the final rename is
// atomic and never crosses a file system, and a failure leaves what was there before untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/Result.h"

namespace ps {

// Creates an empty ".<name>.XXXXXX.part" in the destination's folder, exclusively, so that two
// writers to one destination never share it. BadInput when the folder cannot be written to.
Result<std::string> createTemporaryFileBeside(const std::string& output_path);

// Renames a finished temporary file onto `output_path`, replacing any file there; on failure
// removes the temporary file.
Status moveIntoPlace(const std::string& temporary_path, const std::string& output_path);

// Writes `bytes` to `output_path` through a temporary file and moveIntoPlace.
Status writeFileAtomically(const std::string& output_path, std::string_view bytes);
// The same for encoded bytes as OpenCV's imencode produces them.
Status writeFileAtomically(const std::string& output_path, const std::vector<unsigned char>& bytes);

}  // namespace ps
