// Runs a piece of work in a forked child process and brings back the bytes it produced, or its
// error. For libraries whose global state must start fresh for every call (espeak-ng, see
// EspeakCapture.h): the child starts as a copy of this process and is discarded afterwards, so
// nothing the work changes survives it, and calls on several threads do not share any state.
//
// POSIX only. The child runs just `work` and then _exit()s, without static destructors, atexit
// handlers or stdio flushing; it keeps only the descriptors 0–2 and its pipe. As after any fork
// in a threaded program, `work` must not need a lock another thread of the parent might hold
// (glibc's malloc and stdio are safe: fork takes their locks first).
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "runtime/Result.h"

namespace ps::train {

// Runs `work` in a child and returns its result. Internal error when the child cannot be
// started, dies before it has answered (the signal or exit status is named), or has not answered
// within `timeout` (it is then killed).
Result<std::string> runInChildProcess(const std::function<Result<std::string>()>& work,
                                      std::chrono::milliseconds timeout);

}  // namespace ps::train
