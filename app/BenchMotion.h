// `portrait-studio bench motion`: how long evaluating one frame of a motion document takes, the
// cost of scrubbing, on a plain document and on a crowded one.
#pragma once

#include <string>

namespace ps::app {

// Prints one JSON line per document; returns the process exit code.
int benchMotion(const std::string& voice_path, int repetitions);

}  // namespace ps::app
