#include "ui/TransportBar.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <algorithm>
#include <chrono>
#include <cmath>

#include "media/AudioPlayer.h"

namespace ps::ui {

namespace {
// About 60 Hz: each tick asks the preview for the frame at the clock, so a 60 fps project's
// every frame is drawn; the preview drops what it cannot keep up with.
constexpr int kTickInterval_ms = 16;
// Long enough to hear which sound is under the playhead, short enough to follow a fast drag.
constexpr int kScrubSnippet_ms = 70;
constexpr double kShuttleSpeeds[] = {1.0, 1.5, 2.0, 3.0, 5.5, 10.0};

qint64 nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
}  // namespace

TransportBar::TransportBar(ps::AudioPlayer& player, QWidget* parent)
    : QWidget(parent),
      player_(player),
      play_button_(new QToolButton(this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      time_label_(new QLabel(this)),
      device_note_(new QLabel(tr("(no audio device — silent playback)"), this)),
      timer_(new QTimer(this)),
      scrub_timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("transportBar"));
    play_button_->setObjectName(QStringLiteral("playButton"));
    slider_->setObjectName(QStringLiteral("playheadSlider"));
    time_label_->setObjectName(QStringLiteral("timeLabel"));
    device_note_->setObjectName(QStringLiteral("deviceNote"));

    // Space belongs to the window's Play/Pause action, not to whichever control has focus.
    play_button_->setFocusPolicy(Qt::NoFocus);
    play_button_->setAutoRaise(true);
    slider_->setFocusPolicy(Qt::NoFocus);
    time_label_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    device_note_->setEnabled(false);  // drawn greyed: a remark, not a warning
    device_note_->setVisible(!player_.hasAudioDevice());

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(play_button_);
    layout->addWidget(slider_, 1);
    layout->addWidget(time_label_);
    layout->addWidget(device_note_);

    timer_->setInterval(kTickInterval_ms);
    timer_->setTimerType(Qt::PreciseTimer);
    scrub_timer_->setSingleShot(true);
    scrub_timer_->setInterval(kScrubSnippet_ms);
    connect(scrub_timer_, &QTimer::timeout, this, [this] {
        if (shuttle_speed_ == 0.0) {
            player_.pause();
        }
    });
    connect(timer_, &QTimer::timeout, this, &TransportBar::onTick);
    connect(play_button_, &QToolButton::clicked, this, &TransportBar::togglePlayback);
    // Every user gesture on the slider (drag, click, wheel) arrives here; the timer's own
    // updates are blocked, so this only ever sees the user.
    connect(slider_, &QSlider::valueChanged, this, &TransportBar::onSliderValueChanged);

    setAudio(nullptr);
}

void TransportBar::setAudio(AudioClipPtr clip) {
    pause();
    clip_ = std::move(clip);
    // Aliasing shared_ptr: the player keeps the whole clip alive through its playback buffer.
    const std::shared_ptr<const ps::PcmBuffer> pcm =
        clip_ ? std::shared_ptr<const ps::PcmBuffer>(clip_, &clip_->playback) : nullptr;
    if (!player_.setBuffer(pcm).ok()) {
        clip_ = nullptr;
        (void)player_.setBuffer(nullptr);
    }
    {
        const QSignalBlocker blocker(slider_);
        slider_->setRange(0, static_cast<int>(std::lround(player_.duration_s() * 1000.0)));
        slider_->setPageStep(1000);
        slider_->setSingleStep(100);
    }
    play_button_->setEnabled(hasAudio());
    slider_->setEnabled(hasAudio());
    refresh();
}

double TransportBar::position_s() const {
    return player_.position_s();
}

QString TransportBar::formatTime(double seconds) {
    // The bias keeps 4.6 s, which is 4.59999… as a double, reading 0:04.60.
    const auto hundredths =
        static_cast<long long>(std::floor(std::max(seconds, 0.0) * 100.0 + 1e-6));
    const long long minutes = hundredths / 6000;
    const long long rest = hundredths % 6000;
    return QStringLiteral("%1:%2.%3")
        .arg(minutes)
        .arg(rest / 100, 2, 10, QLatin1Char('0'))
        .arg(rest % 100, 2, 10, QLatin1Char('0'));
}

void TransportBar::togglePlayback() {
    if (isPlaying()) {
        pause();
    } else {
        play();
    }
}

bool TransportBar::isPlaying() const {
    return shuttle_speed_ != 0.0 || player_.isPlaying();
}

double TransportBar::shuttleSpeed() const {
    return shuttle_speed_;
}

void TransportBar::play() {
    setShuttle(1.0);
}

void TransportBar::pause() {
    setShuttle(0.0);
}

void TransportBar::setShuttle(double speed) {
    if (!hasAudio()) {
        speed = 0.0;
    }
    scrub_timer_->stop();
    shuttle_speed_ = speed;
    shuttle_from_s_ = player_.position_s();
    shuttle_started_ms_ = nowMs();
    if (speed == 1.0) {
        player_.play();
    } else {
        player_.pause();
    }
    if (speed != 0.0) {
        timer_->start();
    } else {
        timer_->stop();
    }
    refresh();
}

void TransportBar::shuttleForward() {
    double next = kShuttleSpeeds[0];
    for (const double speed : kShuttleSpeeds) {
        if (speed > shuttle_speed_) {
            next = speed;
            break;
        }
        next = speed;  // already at the fastest: stay there
    }
    setShuttle(shuttle_speed_ < 0.0 ? kShuttleSpeeds[0] : next);
}

void TransportBar::shuttleBackward() {
    double next = -kShuttleSpeeds[0];
    for (const double speed : kShuttleSpeeds) {
        next = -speed;
        if (-speed < shuttle_speed_) {
            break;
        }
    }
    setShuttle(shuttle_speed_ > 0.0 ? -kShuttleSpeeds[0] : next);
}

void TransportBar::stepFrames(int frames, double frame_s) {
    if (!hasAudio() || frame_s <= 0.0) {
        return;
    }
    pause();
    // From the frame the playhead is in, so repeated steps land exactly on frame starts.
    const double frame = std::floor(player_.position_s() / frame_s + 1e-6);
    seek(std::max(0.0, (frame + frames) * frame_s));
}

void TransportBar::stepSeconds(double seconds) {
    if (!hasAudio()) {
        return;
    }
    pause();
    seek(std::max(0.0, player_.position_s() + seconds));
}

void TransportBar::goToStart() {
    pause();
    seek(0.0);
}

void TransportBar::goToEnd() {
    pause();
    seek(player_.duration_s());
}

void TransportBar::scrub(double seconds) {
    seek(seconds);
    if (hasAudio() && !isPlaying()) {
        player_.play();
        scrub_timer_->start();
    }
}

void TransportBar::seek(double seconds) {
    player_.seek(seconds);
    // A shuttle goes on from where the playhead was put.
    shuttle_from_s_ = player_.position_s();
    shuttle_started_ms_ = nowMs();
    refresh();
}

void TransportBar::onTick() {
    if (shuttle_speed_ != 1.0 && shuttle_speed_ != 0.0) {
        const double t =
            shuttle_from_s_ + shuttle_speed_ * double(nowMs() - shuttle_started_ms_) / 1000.0;
        player_.seek(std::clamp(t, 0.0, player_.duration_s()));
        if (t <= 0.0 || t >= player_.duration_s()) {
            shuttle_speed_ = 0.0;  // ran into an end
        }
    } else if (shuttle_speed_ == 1.0 && !player_.isPlaying()) {
        shuttle_speed_ = 0.0;  // reached the end
    }
    if (shuttle_speed_ == 0.0) {
        timer_->stop();
    }
    refresh();
}

void TransportBar::onSliderValueChanged(int value_ms) {
    seek(value_ms / 1000.0);
}

void TransportBar::refresh() {
    const double position = player_.position_s();
    const bool playing = isPlaying();
    if (!slider_->isSliderDown()) {
        const QSignalBlocker blocker(slider_);
        slider_->setValue(static_cast<int>(std::lround(position * 1000.0)));
    }
    time_label_->setText(
        QStringLiteral("%1 / %2").arg(formatTime(position), formatTime(player_.duration_s())));
    play_button_->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_button_->setText(playing ? tr("Pause") : tr("Play"));
    play_button_->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    if (playing != was_playing_) {
        was_playing_ = playing;
        emit playingChanged(playing);
    }
    if (position != last_emitted_s_) {
        last_emitted_s_ = position;
        emit positionChanged(position);
    }
}

}  // namespace ps::ui
