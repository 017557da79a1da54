// JobQueue: jobs run in order, off the caller's thread; a job cancelled before its turn sees its
// token cancelled; destroying a queue with work left neither hangs nor runs the leftovers.
#include <QElapsedTimer>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/JobQueue.h"

using namespace std::chrono_literals;

class TestJobQueue : public QObject {
    Q_OBJECT
private slots:
    void runsJobsInSubmissionOrder();
    void runsJobsOffTheCallersThread();
    void jobCancelledWhileQueuedSeesCancelledToken();
    void cancellingRunningJobIsSeenByIt();
    void throwingJobDoesNotStopTheWorker();
    void destructorWithPendingJobsReturnsPromptly();
};

void TestJobQueue::runsJobsInSubmissionOrder() {
    ps::JobQueue queue;
    std::mutex mutex;
    std::vector<int> order;
    ps::JobTicket last;
    for (int i = 0; i < 50; ++i) {
        last = queue.submit([&, i](const ps::CancelToken&) {
            if (i % 7 == 0) {
                std::this_thread::sleep_for(1ms);  // a slow job must not let later ones pass it
            }
            std::lock_guard<std::mutex> lock(mutex);
            order.push_back(i);
        });
    }
    last.wait();
    QCOMPARE(last.state(), ps::JobState::Finished);
    std::lock_guard<std::mutex> lock(mutex);
    QCOMPARE(order.size(), std::size_t(50));
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(order[static_cast<std::size_t>(i)], i);
    }
}

void TestJobQueue::runsJobsOffTheCallersThread() {
    ps::JobQueue queue;
    std::thread::id ran_on;
    queue.submit([&](const ps::CancelToken&) { ran_on = std::this_thread::get_id(); }).wait();
    QVERIFY(ran_on != std::thread::id());
    QVERIFY(ran_on != std::this_thread::get_id());
}

void TestJobQueue::jobCancelledWhileQueuedSeesCancelledToken() {
    ps::JobQueue queue;
    std::promise<void> gate;
    std::shared_future<void> opened = gate.get_future().share();
    const ps::JobTicket blocker = queue.submit([opened](const ps::CancelToken&) { opened.wait(); });

    std::atomic<int> calls{0};
    std::atomic<bool> saw_cancelled{false};
    const ps::JobTicket victim = queue.submit([&](const ps::CancelToken& token) {
        ++calls;
        saw_cancelled = token.cancelled();
    });
    QCOMPARE(victim.state(), ps::JobState::Queued);
    QCOMPARE(queue.pendingCount(), std::size_t(2));
    victim.cancel();
    QVERIFY(victim.cancelled());
    QVERIFY(!blocker.cancelled());  // tickets do not share flags

    gate.set_value();
    victim.wait();
    QCOMPARE(calls.load(), 1);
    QVERIFY(saw_cancelled.load());
    QCOMPARE(blocker.state(), ps::JobState::Finished);
    QCOMPARE(queue.pendingCount(), std::size_t(0));
}

void TestJobQueue::cancellingRunningJobIsSeenByIt() {
    ps::JobQueue queue;
    std::promise<void> started;
    std::atomic<long> iterations{0};
    const ps::JobTicket ticket = queue.submit([&](const ps::CancelToken& token) {
        started.set_value();
        while (!token.cancelled()) {
            ++iterations;
            std::this_thread::sleep_for(1ms);
        }
    });
    started.get_future().wait();
    QCOMPARE(ticket.state(), ps::JobState::Running);
    ticket.cancel();
    ticket.wait();
    QCOMPARE(ticket.state(), ps::JobState::Finished);
}

void TestJobQueue::throwingJobDoesNotStopTheWorker() {
    ps::JobQueue queue;
    const ps::JobTicket thrower =
        queue.submit([](const ps::CancelToken&) { throw std::runtime_error("boom"); });
    std::atomic<bool> ran{false};
    const ps::JobTicket next = queue.submit([&](const ps::CancelToken&) { ran = true; });
    next.wait();
    QCOMPARE(thrower.state(), ps::JobState::Failed);
    QVERIFY(ran.load());
}

void TestJobQueue::destructorWithPendingJobsReturnsPromptly() {
    std::atomic<int> slow_jobs_run{0};
    std::promise<void> started;
    ps::JobTicket running;
    std::vector<ps::JobTicket> queued;
    QElapsedTimer timer;
    {
        ps::JobQueue queue;
        running = queue.submit([&](const ps::CancelToken& token) {
            started.set_value();
            while (!token.cancelled()) {
                std::this_thread::sleep_for(1ms);
            }
        });
        for (int i = 0; i < 100; ++i) {
            queued.push_back(queue.submit([&](const ps::CancelToken&) {
                ++slow_jobs_run;
                std::this_thread::sleep_for(50ms);
            }));
        }
        started.get_future().wait();
        timer.start();
    }
    // 100 jobs of 50 ms would take 5 s if the destructor ran them; it must skip them instead.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(slow_jobs_run.load(), 0);
    QVERIFY(running.cancelled());
    QCOMPARE(running.state(), ps::JobState::Finished);
    for (const ps::JobTicket& ticket : queued) {
        QCOMPARE(ticket.state(), ps::JobState::Skipped);
        QVERIFY(ticket.done());
        ticket.wait();  // a waiter on a skipped job must not hang either
    }
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "TestJobQueue.moc"
