#include "media/FrameRate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace ps {

namespace {

// How far a decimal may be from a supported rate and still name it: "29.97" and "23.976" are
// rounded forms of 30000/1001 and 24000/1001, while the nearest two rates are 0.024 apart.
constexpr double kDecimalTolerance = 0.001;

std::string trimmed(const std::string& text) {
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) {
        ++begin;
    }
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) {
        --end;
    }
    return text.substr(begin, end - begin);
}

bool allDigits(const std::string& text) {
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

// Plain unsigned decimals only ("30", "29.97", "30.0"): no sign, exponent, hex, "inf" or "nan",
// which strtod would otherwise accept.
std::optional<double> parseDecimal(const std::string& text) {
    const size_t dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    if (!allDigits(whole)) {
        return std::nullopt;
    }
    if (dot != std::string::npos && !allDigits(text.substr(dot + 1))) {
        return std::nullopt;
    }
    if (text.size() > 32) {
        return std::nullopt;
    }
    return std::strtod(text.c_str(), nullptr);
}

// "num/den" with both parts plain digits, naming a supported rate exactly (e.g. "25/1").
std::optional<FrameRate> parseFraction(const std::string& text) {
    const size_t slash = text.find('/');
    const std::string num_text = text.substr(0, slash);
    const std::string den_text = text.substr(slash + 1);
    if (!allDigits(num_text) || !allDigits(den_text) || num_text.size() > 9 ||
        den_text.size() > 9) {
        return std::nullopt;
    }
    const long long num = std::atoll(num_text.c_str());
    const long long den = std::atoll(den_text.c_str());
    if (num <= 0 || den <= 0) {
        return std::nullopt;
    }
    for (FrameRate rate : allFrameRates()) {
        const Rational r = frameRateRational(rate);
        if (num * r.den == den * r.num) {
            return rate;
        }
    }
    return std::nullopt;
}

}  // namespace

Rational frameRateRational(FrameRate rate) {
    switch (rate) {
        case FrameRate::Fps23_976:
            return {24000, 1001};
        case FrameRate::Fps24:
            return {24, 1};
        case FrameRate::Fps25:
            return {25, 1};
        case FrameRate::Fps29_97:
            return {30000, 1001};
        case FrameRate::Fps30:
            return {30, 1};
        case FrameRate::Fps50:
            return {50, 1};
        case FrameRate::Fps60:
            return {60, 1};
        case FrameRate::Invalid:
            break;
    }
    return {0, 1};
}

std::string frameRateLabel(FrameRate rate) {
    switch (rate) {
        case FrameRate::Fps23_976:
            return "23.976";
        case FrameRate::Fps24:
            return "24";
        case FrameRate::Fps25:
            return "25";
        case FrameRate::Fps29_97:
            return "29.97";
        case FrameRate::Fps30:
            return "30";
        case FrameRate::Fps50:
            return "50";
        case FrameRate::Fps60:
            return "60";
        case FrameRate::Invalid:
            break;
    }
    return "invalid";
}

std::vector<FrameRate> allFrameRates() {
    return {FrameRate::Fps23_976, FrameRate::Fps24, FrameRate::Fps25, FrameRate::Fps29_97,
            FrameRate::Fps30,     FrameRate::Fps50, FrameRate::Fps60};
}

std::optional<FrameRate> parseFrameRate(const std::string& text) {
    const std::string t = trimmed(text);
    if (t.find('/') != std::string::npos) {
        return parseFraction(t);
    }
    const std::optional<double> value = parseDecimal(t);
    if (!value) {
        return std::nullopt;
    }
    for (FrameRate rate : allFrameRates()) {
        if (std::abs(*value - frameRateRational(rate).value()) <= kDecimalTolerance) {
            return rate;
        }
    }
    return std::nullopt;
}

long long frameCountFor(double duration_s, FrameRate rate) {
    const Rational r = frameRateRational(rate);
    if (!std::isfinite(duration_s) || duration_s <= 0.0 || r.num <= 0) {
        return 1;
    }
    const double frames = duration_s * r.num / r.den;
    // Far beyond any real export; keeps llround defined.
    constexpr double kMaxFrames = static_cast<double>(std::numeric_limits<int>::max());
    if (frames >= kMaxFrames) {
        return static_cast<long long>(kMaxFrames);
    }
    return std::max(1LL, std::llround(frames));
}

}  // namespace ps
