// The constant frame rates the studio exports. An enum rather than a double so that 29.97 is
// exactly 30000/1001 everywhere and nothing else can be asked for.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ps {

enum class FrameRate {
    Invalid = 0,
    Fps23_976,
    Fps24,
    Fps25,
    Fps29_97,
    Fps30,
    Fps50,
    Fps60,
};

struct Rational {
    int num = 0;
    int den = 1;
    double value() const { return den != 0 ? static_cast<double>(num) / den : 0.0; }
};

Rational frameRateRational(FrameRate rate);  // e.g. Fps29_97 -> 30000/1001
std::string frameRateLabel(FrameRate rate);  // e.g. "29.97"
std::vector<FrameRate> allFrameRates();      // in increasing order, Invalid excluded
// Accepts "23.976", "24", "25", "29.97", "30", "50", "60" and the exact fractions
// "24000/1001", "30000/1001"; anything else gives nullopt.
std::optional<FrameRate> parseFrameRate(const std::string& text);

// Number of frames a video of `duration_s` has at `rate`: the nearest whole number, at least 1,
// so that the video's duration is within half a frame of the audio's.
long long frameCountFor(double duration_s, FrameRate rate);

}  // namespace ps
