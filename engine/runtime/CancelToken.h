// A shared cancel flag handed to a job: the UI (or a signal handler) sets it, the job polls it
// between units of work and stops with ErrorKind::Cancelled. Copies share one flag.
#pragma once

#include <atomic>
#include <memory>

namespace ps {

class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const { flag_->store(true, std::memory_order_relaxed); }
    bool cancelled() const { return flag_->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace ps
