#include "TerminalProgress.h"

#include <cmath>
#include <cstdio>

#ifdef _WIN32
#include <io.h>
#define PS_ISATTY _isatty
#define PS_FILENO _fileno
#else
#include <unistd.h>
#define PS_ISATTY isatty
#define PS_FILENO fileno
#endif

namespace ps::app {

namespace {
constexpr int kBarWidth = 30;
// Redrawing faster than the eye reads only costs terminal time.
constexpr std::chrono::milliseconds kMinRedrawInterval{100};
}  // namespace

TerminalProgress::TerminalProgress(std::string label)
    : label_(std::move(label)), enabled_(PS_ISATTY(PS_FILENO(stderr)) != 0) {}

TerminalProgress::~TerminalProgress() {
    if (drawn_) {
        std::fputc('\n', stderr);
    }
}

std::string formatSecondsLeft(double seconds) {
    if (seconds < 0) {
        return "";
    }
    const long whole = std::lround(seconds);
    char text[32];
    if (whole < 60) {
        std::snprintf(text, sizeof(text), "%ld s", whole);
    } else {
        std::snprintf(text, sizeof(text), "%ld:%02ld", whole / 60, whole % 60);
    }
    return text;
}

void TerminalProgress::update(const Progress& progress) {
    if (!enabled_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && progress.fraction < 1.0 && now - last_draw_ < kMinRedrawInterval) {
        return;
    }
    last_draw_ = now;
    const int filled = static_cast<int>(std::lround(progress.fraction * kBarWidth));
    std::string bar(filled, '#');
    bar.resize(kBarWidth, ' ');
    const std::string left = formatSecondsLeft(progress.seconds_left);
    std::fprintf(stderr, "\r%s [%s] %3d%%%s%s   ", label_.c_str(), bar.c_str(),
                 static_cast<int>(std::lround(progress.fraction * 100)),
                 left.empty() ? "" : "  about ", left.empty() ? "" : (left + " left").c_str());
    std::fflush(stderr);
    drawn_ = true;
}

}  // namespace ps::app
