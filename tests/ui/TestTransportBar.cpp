// The transport as the keyboard drives it: L and J shuttle faster each press (J backwards, on
// a silent clock), K stops, Left/Right step whole frames from the frame the playhead is in,
// Shift steps seconds, Home/End jump, and a scrub seeks.
#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "media/AudioPlayer.h"
#include "ui/TransportBar.h"

using ps::ui::TransportBar;

namespace {

// Ten seconds of silence at the playback rate.
ps::ui::AudioClipPtr silence() {
    auto clip = std::make_shared<ps::AudioClip>();
    clip->playback.sample_rate_hz = ps::kPlaybackSampleRate_hz;
    clip->playback.channels = 1;
    clip->playback.samples.assign(size_t(10 * ps::kPlaybackSampleRate_hz), 0.0f);
    clip->analysis.sample_rate_hz = ps::kAnalysisSampleRate_hz;
    clip->analysis.channels = 1;
    clip->analysis.samples.assign(size_t(10 * ps::kAnalysisSampleRate_hz), 0.0f);
    return clip;
}

}  // namespace

class TestTransportBar : public QObject {
    Q_OBJECT
private slots:
    void init() {
        player_ = std::make_unique<ps::AudioPlayer>(ps::AudioOutput::Silent);
        bar_ = std::make_unique<TransportBar>(*player_);
        bar_->setAudio(silence());
    }
    void cleanup() {
        bar_.reset();
        player_.reset();
    }

    void shuttleSpeedsUpEachPress() {
        bar_->shuttleForward();
        QCOMPARE(bar_->shuttleSpeed(), 1.0);
        QVERIFY(bar_->isPlaying());
        bar_->shuttleForward();
        QCOMPARE(bar_->shuttleSpeed(), 1.5);
        bar_->shuttleForward();
        QCOMPARE(bar_->shuttleSpeed(), 2.0);
        for (int i = 0; i < 10; ++i) {
            bar_->shuttleForward();
        }
        QCOMPARE(bar_->shuttleSpeed(), 10.0);  // the fastest stays
        bar_->pause();                         // K
        QCOMPARE(bar_->shuttleSpeed(), 0.0);
        QVERIFY(!bar_->isPlaying());
    }

    void fastShuttleMovesFasterThanTheClock() {
        bar_->seek(1.0);
        bar_->shuttleForward();
        bar_->shuttleForward();
        bar_->shuttleForward();  // 2×
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(bar_->position_s() > 1.6, 3000);
        const double elapsed_s = clock.elapsed() / 1000.0;
        // 0.6 s of playhead in well under 0.6 s of wall time.
        QVERIFY2(elapsed_s < 0.5, qPrintable(QString::number(elapsed_s)));
        bar_->pause();
    }

    void backwardShuttleRunsBackToTheStart() {
        bar_->seek(0.5);
        bar_->shuttleBackward();
        QCOMPARE(bar_->shuttleSpeed(), -1.0);
        bar_->shuttleBackward();
        QCOMPARE(bar_->shuttleSpeed(), -1.5);
        QTRY_VERIFY_WITH_TIMEOUT(bar_->position_s() == 0.0 && !bar_->isPlaying(), 3000);
        // L after J turns round at normal speed.
        bar_->seek(2.0);
        bar_->shuttleBackward();
        bar_->shuttleForward();
        QCOMPARE(bar_->shuttleSpeed(), 1.0);
        bar_->pause();
    }

    void framesAndSecondsStep() {
        const double frame = 1.0 / 25.0;
        bar_->seek(1.013);  // inside frame 25
        bar_->stepFrames(1, frame);
        QVERIFY(std::abs(bar_->position_s() - 26 * frame) < 1e-6);
        bar_->stepFrames(1, frame);
        QVERIFY(std::abs(bar_->position_s() - 27 * frame) < 1e-6);
        bar_->stepFrames(-3, frame);
        QVERIFY(std::abs(bar_->position_s() - 24 * frame) < 1e-6);
        bar_->stepSeconds(1.0);
        QVERIFY(std::abs(bar_->position_s() - (24 * frame + 1.0)) < 1e-6);
        bar_->stepSeconds(-5.0);
        QCOMPARE(bar_->position_s(), 0.0);
        bar_->goToEnd();
        QVERIFY(std::abs(bar_->position_s() - 10.0) < 1e-3);
        bar_->goToStart();
        QCOMPARE(bar_->position_s(), 0.0);
        // Steps pause a playing transport.
        bar_->play();
        bar_->stepFrames(1, frame);
        QVERIFY(!bar_->isPlaying());
    }

    void scrubSeeksAndStopsAgain() {
        QSignalSpy moved(bar_.get(), &TransportBar::positionChanged);
        bar_->scrub(3.2);
        QVERIFY(std::abs(bar_->position_s() - 3.2) < 0.01);
        QVERIFY(moved.count() >= 1);
        // The snippet ends by itself: the transport is not left playing.
        QTRY_VERIFY_WITH_TIMEOUT(!player_->isPlaying(), 2000);
        QVERIFY(!bar_->isPlaying());
    }

    void timeReadsAsWritten() {
        QCOMPARE(TransportBar::formatTime(4.6), QStringLiteral("0:04.60"));
        QCOMPARE(TransportBar::formatTime(61.25), QStringLiteral("1:01.25"));
        QCOMPARE(TransportBar::formatTime(-1.0), QStringLiteral("0:00.00"));
    }

private:
    std::unique_ptr<ps::AudioPlayer> player_;
    std::unique_ptr<TransportBar> bar_;
};

QTEST_MAIN(TestTransportBar)
#include "TestTransportBar.moc"
