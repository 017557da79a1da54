#include "runtime/JobQueue.h"

#include <utility>

namespace ps {

struct JobTicket::Shared {
    CancelToken token;
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    JobState state = JobState::Queued;
};

JobTicket::JobTicket() : shared_(std::make_shared<Shared>()) {}

void JobTicket::cancel() const {
    shared_->token.cancel();
}
bool JobTicket::cancelled() const {
    return shared_->token.cancelled();
}
const CancelToken& JobTicket::token() const {
    return shared_->token;
}

JobState JobTicket::state() const {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    return shared_->state;
}

bool JobTicket::done() const {
    const JobState s = state();
    return s == JobState::Finished || s == JobState::Failed || s == JobState::Skipped;
}

void JobTicket::wait() const {
    std::unique_lock<std::mutex> lock(shared_->mutex);
    shared_->changed.wait(lock, [this] {
        const JobState s = shared_->state;
        return s == JobState::Finished || s == JobState::Failed || s == JobState::Skipped;
    });
}

void JobTicket::setState(JobState state) const {
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        shared_->state = state;
    }
    shared_->changed.notify_all();
}

JobQueue::JobQueue() : worker_([this] { workerLoop(); }) {}

JobQueue::~JobQueue() {
    std::deque<Entry> skipped;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        skipped.swap(queue_);
        if (has_running_) {
            running_.cancel();
        }
    }
    wake_.notify_all();
    for (const Entry& entry : skipped) {
        entry.ticket.cancel();
        entry.ticket.setState(JobState::Skipped);
    }
    worker_.join();
}

JobTicket JobQueue::submit(Job job) {
    JobTicket ticket;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back({std::move(job), ticket});
    }
    wake_.notify_one();
    return ticket;
}

std::size_t JobQueue::pendingCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.size() + (has_running_ ? 1 : 0);
}

void JobQueue::workerLoop() {
    for (;;) {
        Entry entry;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) {
                return;
            }
            entry = std::move(queue_.front());
            queue_.pop_front();
            running_ = entry.ticket;
            has_running_ = true;
        }
        entry.ticket.setState(JobState::Running);
        JobState outcome = JobState::Finished;
        try {
            entry.job(entry.ticket.token());
        } catch (...) {
            // An exception must not end the worker (std::terminate); the job owns its reporting.
            outcome = JobState::Failed;
        }
        // Release whatever the job captured before announcing it done, so that a waiter may
        // assume the job's resources are gone.
        entry.job = nullptr;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            has_running_ = false;
        }
        entry.ticket.setState(outcome);
    }
}

}  // namespace ps
