// The headless side of portrait-studio: --version, --help and the subcommands.
#pragma once

#include <string>
#include <vector>

#include "runtime/Result.h"

namespace ps::app {

// Runs the subcommand named by args[0] (args exclude the program name). Prints results to
// stdout, one-line errors to stderr, and returns the process exit code (DESIGN.md: 0 success,
// 2 bad input, 3 no face, 1 anything else, 130 interrupted).
int runCommandLine(const std::vector<std::string>& args);

// True when the arguments ask for the studio window rather than a subcommand: none at all, or
// only names of existing files (a file manager's "Open with"), which the studio then opens.
bool wantsStudio(const std::vector<std::string>& args);

// Prints "error: <message>" as one line on stderr (line breaks in `message` are folded).
void printError(const std::string& message);

// printError(error.message), then the exit code for its kind.
int failWith(const Error& error);

// A path's extension in lower case with its dot (".json"), or "" when it has none.
std::string lowerExtension(const std::string& path);

}  // namespace ps::app
