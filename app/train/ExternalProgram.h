// Runs another program (festival, flite) and brings back what it printed. The speech synthesisers
// beside espeak-ng are separate programs with no library to link, so the training data runs them
// as a user would, one process per utterance, which also keeps calls on several threads apart.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "runtime/Result.h"

namespace ps::train {

struct ProgramOutput {
    int exit_status = 0;  // the program's exit status (0 = success)
    std::string out;      // what it wrote to standard output
    std::string err;      // and to standard error
};

// Runs `argv` (argv[0] looked up on PATH) with standard input empty. Internal error when it
// cannot be started, is killed by a signal, or has not finished within `timeout` (it is then
// killed); a non-zero exit status is returned, not an error, so the caller can name the problem.
Result<ProgramOutput> runProgram(const std::vector<std::string>& argv,
                                 std::chrono::milliseconds timeout);

// Whether `program` is on PATH.
bool programExists(const std::string& program);

}  // namespace ps::train
