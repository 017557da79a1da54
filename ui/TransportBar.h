// Play/pause, a seekable playhead and the time, for the loaded voice. The AudioPlayer is the
// clock: while it plays, a ~30 Hz timer reads its position; the bar never keeps its own time.
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

public slots:
    void togglePlayback();
    void play();
    void pause();
    void seek(double seconds);

signals:
    void playingChanged(bool playing);
    void positionChanged(double seconds);

private:
    void onTick();
    void onSliderValueChanged(int value_ms);
    void refresh();

    ps::AudioPlayer& player_;
    AudioClipPtr clip_;
    QToolButton* play_button_;
    QSlider* slider_;
    QLabel* time_label_;
    QLabel* device_note_;
    QTimer* timer_;
    bool was_playing_ = false;
};

}  // namespace ps::ui
