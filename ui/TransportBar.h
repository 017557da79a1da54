// Play/pause, a seekable playhead and the time, for the loaded voice. The AudioPlayer is the
// clock: while it plays, a ~60 Hz timer reads its position; the bar never keeps its own time.
// Shuttling (J/K/L at other speeds than 1×, or backwards) runs silently on a steady clock and
// moves the player's position, as editors do; scrubbing plays a short snippet at each stop.
#pragma once

#include <QWidget>

#include "ui/EngineBridge.h"

class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace ps {
class AudioPlayer;
}

namespace ps::ui {

class TransportBar : public QWidget {
    Q_OBJECT
public:
    // `player` must outlive the bar.
    explicit TransportBar(ps::AudioPlayer& player, QWidget* parent = nullptr);

    // Stops playback, rewinds and enables the controls; nullptr disables them.
    void setAudio(AudioClipPtr clip);
    bool hasAudio() const { return clip_ != nullptr; }

    double position_s() const;
    bool isPlaying() const;

    // "0:01.23": minutes, seconds and hundredths, the precision a lip-sync edit needs.
    static QString formatTime(double seconds);

    // The shuttle's speed: 0 paused, 1 normal playback, others silent (negative: backwards).
    double shuttleSpeed() const;

public slots:
    void togglePlayback();
    void play();
    void pause();
    void seek(double seconds);
    // L: forward, faster each time (1×, 1.5×, 2×, 3×, 5.5×, 10×); J the same backwards; K stops.
    void shuttleForward();
    void shuttleBackward();
    // Moves by whole frames of `frame_s` (Left/Right) or by seconds (Shift+Left/Right), pausing.
    void stepFrames(int frames, double frame_s);
    void stepSeconds(double seconds);
    void goToStart();
    void goToEnd();
    // Seeks and, unless playing, lets a few tens of milliseconds of the voice sound there: what
    // dragging the playhead with scrubbing on does.
    void scrub(double seconds);

signals:
    void playingChanged(bool playing);
    void positionChanged(double seconds);

private:
    void onTick();
    void onSliderValueChanged(int value_ms);
    void refresh();
    void setShuttle(double speed);

    ps::AudioPlayer& player_;
    AudioClipPtr clip_;
    QToolButton* play_button_;
    QSlider* slider_;
    QLabel* time_label_;
    QLabel* device_note_;
    QTimer* timer_;
    QTimer* scrub_timer_;
    bool was_playing_ = false;
    double last_emitted_s_ = -1.0;
    // Silent shuttle: position = shuttle_from_s_ + speed × time since shuttle_clock_ started.
    double shuttle_speed_ = 0.0;
    double shuttle_from_s_ = 0.0;
    qint64 shuttle_started_ms_ = 0;
};

}  // namespace ps::ui
