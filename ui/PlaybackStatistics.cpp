#include "ui/PlaybackStatistics.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace ps::ui {

void PlaybackStatistics::frameShown(double frame_t_s, double clock_s, bool playing,
                                    double frame_s) {
    ++shown_;
    const long long frame = frame_s > 0.0 ? (long long)std::floor(frame_t_s / frame_s + 1e-6) : 0;
    if (playing) {
        if (last_frame_ >= 0 && frame > last_frame_ + 1) {
            skipped_ += quint64(frame - last_frame_ - 1);
        }
        // The frame is right while the clock is inside its own interval; outside, by how far.
        const double early = frame_t_s - clock_s;
        const double late = clock_s - (frame_t_s + frame_s);
        worst_offset_s_ = std::max({worst_offset_s_, early, late, 0.0});
    }
    last_frame_ = frame;
    if (!second_.isValid()) {
        second_.start();
    }
    ++frames_this_second_;
    if (second_.elapsed() >= 1000) {
        display_fps_ = frames_this_second_ * 1000.0 / double(second_.elapsed());
        frames_this_second_ = 0;
        second_.restart();
    }
}

void PlaybackStatistics::reset() {
    *this = PlaybackStatistics{};
}

QString PlaybackStatistics::text(double render_ms, quint64 replaced) const {
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("ps::ui::PlaybackStatistics", text);
    };
    return tr("Display: %1 fps").arg(display_fps_, 0, 'f', 1) + QLatin1Char('\n') +
           tr("Render: %1 ms a frame").arg(render_ms, 0, 'f', 1) + QLatin1Char('\n') +
           tr("Dropped frames: %1 (requests replaced: %2)").arg(skipped_).arg(replaced) +
           QLatin1Char('\n') +
           tr("Picture vs sound: %1 ms at most").arg(worst_offset_s_ * 1000.0, 0, 'f', 0);
}

}  // namespace ps::ui
