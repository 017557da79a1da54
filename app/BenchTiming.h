// Timing for the bench command's cases.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace ps::app {

// The median of `repetitions` timed calls, in milliseconds; the first, cold call is not counted.
inline double medianMs(const std::function<void()>& work, int repetitions) {
    work();
    std::vector<double> times;
    for (int i = 0; i < repetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace ps::app
