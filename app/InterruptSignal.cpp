#include "InterruptSignal.h"

#include <chrono>
#include <csignal>
#include <cstdlib>

namespace ps::app {

namespace {

// A signal handler may only touch lock-free atomics, so a watcher thread carries the request
// over to the job's CancelToken.
std::atomic<int> g_signal_count{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onInterrupt(int signal_number) {
    if (g_signal_count.fetch_add(1) >= 1) {
        std::_Exit(128 + signal_number);  // a second Ctrl+C: the user insists
    }
}

}  // namespace

InterruptSignal::InterruptSignal(CancelToken token) {
    g_signal_count = 0;
    watcher_ = std::thread([this, token] {
        while (!stop_.load()) {
            if (g_signal_count.load() > 0) {
                token.cancel();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptSignal::~InterruptSignal() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    stop_ = true;
    watcher_.join();
}

bool InterruptSignal::interrupted() const {
    return g_signal_count.load() > 0;
}

}  // namespace ps::app
