#include "ui/TransportBar.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <cmath>

#include "media/AudioPlayer.h"

namespace ps::ui {

namespace {
constexpr int kTickInterval_ms = 33;  // about 30 Hz: smooth to the eye, cheap
}

TransportBar::TransportBar(ps::AudioPlayer& player, QWidget* parent)
    : QWidget(parent),
      player_(player),
      play_button_(new QToolButton(this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      time_label_(new QLabel(this)),
      device_note_(new QLabel(tr("(no audio device — silent playback)"), this)),
      timer_(new QTimer(this)) {
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

bool TransportBar::isPlaying() const {
    return player_.isPlaying();
}

QString TransportBar::formatTime(double seconds) {
    const auto hundredths = static_cast<long long>(std::floor(std::max(seconds, 0.0) * 100.0));
    const long long minutes = hundredths / 6000;
    const long long rest = hundredths % 6000;
    return QStringLiteral("%1:%2.%3")
        .arg(minutes)
        .arg(rest / 100, 2, 10, QLatin1Char('0'))
        .arg(rest % 100, 2, 10, QLatin1Char('0'));
}

void TransportBar::togglePlayback() {
    if (player_.isPlaying()) {
        pause();
    } else {
        play();
    }
}

void TransportBar::play() {
    if (!hasAudio()) {
        return;
    }
    player_.play();
    timer_->start();
    refresh();
}

void TransportBar::pause() {
    player_.pause();
    timer_->stop();
    refresh();
}

void TransportBar::seek(double seconds) {
    player_.seek(seconds);
    refresh();
}

void TransportBar::onTick() {
    if (!player_.isPlaying()) {
        timer_->stop();  // reached the end
    }
    refresh();
}

void TransportBar::onSliderValueChanged(int value_ms) {
    seek(value_ms / 1000.0);
}

void TransportBar::refresh() {
    const double position = player_.position_s();
    const bool playing = player_.isPlaying();
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
    emit positionChanged(position);
}

}  // namespace ps::ui
