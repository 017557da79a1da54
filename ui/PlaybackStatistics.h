// What View ▸ Show Playback Statistics shows: how fast the preview draws, how many of the
// video's frames playback skipped, and how far the picture lags the sound. Fed by the preview
// controller as frames are shown; UI thread only.
#pragma once

#include <QElapsedTimer>
#include <QString>

namespace ps::ui {

class PlaybackStatistics {
public:
    // A frame for `frame_t_s` was shown while the audio clock read `clock_s`; `playing` tells a
    // playback frame from a scrub or a paused redraw (only playback can skip frames).
    void frameShown(double frame_t_s, double clock_s, bool playing, double frame_s);
    void reset();

    quint64 shown() const { return shown_; }
    // Frames of the video (at the project's rate) that playback went past without showing.
    quint64 skipped() const { return skipped_; }
    // Frames shown per second over the last second.
    double displayFps() const { return display_fps_; }
    // How far, at most, the sound's clock was outside the shown frame's own interval (from its
    // time to the next frame's) when it was shown during playback, in seconds: 0 means the
    // picture always showed the frame the sound was in.
    double worstOffset_s() const { return worst_offset_s_; }

    // Several lines for the viewer's corner; `render_ms` is the preview's last frame time and
    // `replaced` its count of requests replaced by newer ones.
    QString text(double render_ms, quint64 replaced) const;

private:
    quint64 shown_ = 0;
    quint64 skipped_ = 0;
    long long last_frame_ = -1;
    double worst_offset_s_ = 0.0;
    double display_fps_ = 0.0;
    int frames_this_second_ = 0;
    QElapsedTimer second_;
};

}  // namespace ps::ui
