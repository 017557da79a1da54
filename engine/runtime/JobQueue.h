// Runs submitted jobs one after another on a worker thread of its own, so that whoever submits
// (the UI thread, a command) never waits for the work. Each submission returns a JobTicket: a
// shared handle with the job's cancel flag and state (STYLE.md #7). Results travel back however
// the job itself chooses (the UI's bridge posts them as queued Qt signals).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "runtime/CancelToken.h"

namespace ps {

enum class JobState {
    None = 0,
    Queued,
    Running,
    Finished,  // the job returned (it may have stopped early because it saw its token cancelled)
    Failed,    // the job threw; the queue caught it so that the worker keeps serving
    Skipped,   // never called: the queue was destroyed before the job's turn
};

// A shared handle on one submitted job. Copies share the same job; every member is thread-safe.
class JobTicket {
public:
    JobTicket();

    void cancel() const;
    bool cancelled() const;
    const CancelToken& token() const;
    JobState state() const;
    bool done() const;  // Finished, Failed or Skipped

    // Blocks until done(). For command-line tools and tests only: the UI thread must never wait
    // for engine work and should hear about completion through its bridge instead.
    void wait() const;

private:
    friend class JobQueue;
    struct Shared;
    void setState(JobState state) const;
    std::shared_ptr<Shared> shared_;
};

class JobQueue {
public:
    using Job = std::function<void(const CancelToken&)>;

    JobQueue();
    // Cancels the running job, skips the queued ones and joins the worker: the running job is
    // expected to poll its token and return soon.
    ~JobQueue();

    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    // Jobs run in submission order. A job cancelled before its turn is still called, with its
    // token already cancelled, so that it can report "cancelled" to whoever waits for it: every
    // job submitted to a live queue is called exactly once.
    JobTicket submit(Job job);

    // Jobs submitted but not yet finished (queued plus the one running).
    std::size_t pendingCount() const;

private:
    struct Entry {
        Job job;
        JobTicket ticket;
    };

    void workerLoop();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Entry> queue_;
    JobTicket running_;
    bool has_running_ = false;
    bool stopping_ = false;
    std::thread worker_;  // last: started once everything above exists
};

}  // namespace ps
