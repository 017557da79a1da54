// A one-line progress bar on stderr for long command-line jobs. Drawn only when stderr is a
// terminal, so logs and pipes get no control characters.
#pragma once

#include <chrono>
#include <string>

#include "runtime/Progress.h"

namespace ps::app {

class TerminalProgress {
public:
    explicit TerminalProgress(std::string label);
    ~TerminalProgress();  // ends the line if anything was drawn

    void update(const Progress& progress);

private:
    std::string label_;
    bool enabled_ = false;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_draw_{};
};

// "1:05" / "12 s" style text for a number of seconds left.
std::string formatSecondsLeft(double seconds);

}  // namespace ps::app
