// Where an MP4 export is written before it is complete: a new file beside the destination, so
// that renaming it into place is atomic and never crosses a file system.
#pragma once

#include <string>

#include "runtime/Result.h"

namespace ps {

// Creates an empty ".<name>.XXXXXX.part" in the destination's folder, exclusively, so that two
// exports to one destination never share it. BadInput when the folder cannot be written to.
Result<std::string> createMp4TemporaryFile(const std::string& output_path);

}  // namespace ps
