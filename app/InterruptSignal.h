// Ctrl+C on the command line cancels the running job instead of killing the process, so the
// job can remove its temporary files and leave nothing half-written behind.
#pragma once

#include <atomic>
#include <thread>

#include "runtime/CancelToken.h"

namespace ps::app {

// While an instance lives, SIGINT and SIGTERM cancel `token`; a second signal ends the process.
// One instance at a time (signal dispositions are process-wide).
class InterruptSignal {
public:
    explicit InterruptSignal(CancelToken token);
    ~InterruptSignal();

    InterruptSignal(const InterruptSignal&) = delete;
    InterruptSignal& operator=(const InterruptSignal&) = delete;

    bool interrupted() const;

private:
    std::atomic<bool> stop_{false};
    std::thread watcher_;
};

}  // namespace ps::app
