// AudioPlayer as the studio's clock, through both the forced silent clock and the default output
// (which on a machine without a sound card falls back to the silent clock by itself). Timing is
// asserted loosely: position must move forward while playing and never run ahead of real time
// by more than a margin; a loaded CI machine may be slow, never early.
#include <QElapsedTimer>
#include <QtTest>
#include <cmath>
#include <memory>

#include "media/AudioClip.h"
#include "media/AudioPlayer.h"

Q_DECLARE_METATYPE(ps::AudioOutput)

namespace {

constexpr double kDuration_s = 1.0;
constexpr double kAheadMargin_s = 0.25;  // device buffering may run ahead of the wall clock

std::shared_ptr<const ps::PcmBuffer> makeTone(double duration_s, int channels) {
    auto pcm = std::make_shared<ps::PcmBuffer>();
    pcm->sample_rate_hz = ps::kPlaybackSampleRate_hz;
    pcm->channels = channels;
    const auto frames = static_cast<std::size_t>(duration_s * pcm->sample_rate_hz);
    pcm->samples.resize(frames * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < frames; ++i) {
        const float v = 0.05f * static_cast<float>(std::sin(2.0 * M_PI * 440.0 * i / 48000.0));
        for (int c = 0; c < channels; ++c) {
            pcm->samples[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] = v;
        }
    }
    return pcm;
}

}  // namespace

class TestAudioPlayer : public QObject {
    Q_OBJECT
private slots:
    void outputs_data();
    void silentOutputHasNoDevice();
    void defaultOutputFallsBackOrUsesDevice();
    void withoutBufferNothingPlays_data() { outputs_data(); }
    void withoutBufferNothingPlays();
    void refusesBufferAtWrongRate();
    void positionAdvancesWhilePlaying_data() { outputs_data(); }
    void positionAdvancesWhilePlaying();
    void pauseFreezesPosition_data() { outputs_data(); }
    void pauseFreezesPosition();
    void seekMovesPositionAndClamps_data() { outputs_data(); }
    void seekMovesPositionAndClamps();
    void seekWhilePlayingContinuesFromThere_data() { outputs_data(); }
    void seekWhilePlayingContinuesFromThere();
    void stopsAtEnd_data() { outputs_data(); }
    void stopsAtEnd();
    void playAtEndRestartsFromStart_data() { outputs_data(); }
    void playAtEndRestartsFromStart();
    void newBufferRewinds_data() { outputs_data(); }
    void newBufferRewinds();
    void manyPlayersInARow();
};

void TestAudioPlayer::outputs_data() {
    QTest::addColumn<ps::AudioOutput>("output");
    QTest::addColumn<int>("channels");
    QTest::newRow("silent mono") << ps::AudioOutput::Silent << 1;
    QTest::newRow("silent stereo") << ps::AudioOutput::Silent << 2;
    QTest::newRow("default mono") << ps::AudioOutput::DefaultDevice << 1;
    QTest::newRow("default stereo") << ps::AudioOutput::DefaultDevice << 2;
}

void TestAudioPlayer::silentOutputHasNoDevice() {
    ps::AudioPlayer player(ps::AudioOutput::Silent);
    QVERIFY(!player.hasAudioDevice());
}

void TestAudioPlayer::defaultOutputFallsBackOrUsesDevice() {
    // No assumption about this machine's sound card: whichever way it goes, it must not throw
    // and must report which clock it uses.
    ps::AudioPlayer player;
    qInfo() << "default output has a device:" << player.hasAudioDevice();
    QVERIFY(player.setBuffer(makeTone(kDuration_s, 2)).ok());
    QCOMPARE(player.duration_s(), kDuration_s);
}

void TestAudioPlayer::withoutBufferNothingPlays() {
    QFETCH(ps::AudioOutput, output);
    ps::AudioPlayer player(output);
    player.play();
    QVERIFY(!player.isPlaying());
    QCOMPARE(player.position_s(), 0.0);
    QCOMPARE(player.duration_s(), 0.0);
    player.seek(3.0);
    QCOMPARE(player.position_s(), 0.0);
}

void TestAudioPlayer::refusesBufferAtWrongRate() {
    ps::AudioPlayer player(ps::AudioOutput::Silent);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, 1)).ok());
    auto wrong = std::make_shared<ps::PcmBuffer>(*makeTone(0.5, 1));
    wrong->sample_rate_hz = ps::kAnalysisSampleRate_hz;
    const ps::Status status = player.setBuffer(wrong);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, ps::ErrorKind::BadInput);
    QCOMPARE(player.duration_s(), kDuration_s);  // the previous buffer stays
}

void TestAudioPlayer::positionAdvancesWhilePlaying() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    QElapsedTimer elapsed;
    elapsed.start();
    player.play();
    QVERIFY(player.isPlaying());
    QTest::qWait(300);
    const double position = player.position_s();
    const double wall_s = elapsed.nsecsElapsed() / 1e9;
    QVERIFY2(position > 0.05, qPrintable(QString::number(position)));
    QVERIFY2(position <= wall_s + kAheadMargin_s,
             qPrintable(QStringLiteral("%1 > %2").arg(position).arg(wall_s)));
    QTest::qWait(100);
    QVERIFY(player.position_s() > position);
}

void TestAudioPlayer::pauseFreezesPosition() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    player.play();
    QTest::qWait(150);
    player.pause();
    QVERIFY(!player.isPlaying());
    const double frozen = player.position_s();
    QVERIFY(frozen > 0.0);
    QTest::qWait(200);
    QCOMPARE(player.position_s(), frozen);
    player.play();  // resumes from where it paused
    QVERIFY(player.position_s() >= frozen);
    QTest::qWait(100);
    QVERIFY(player.position_s() > frozen);
}

void TestAudioPlayer::seekMovesPositionAndClamps() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    player.seek(0.5);
    QVERIFY(qAbs(player.position_s() - 0.5) < 1e-3);
    QVERIFY(!player.isPlaying());  // seeking does not start playback
    player.seek(-4.0);
    QCOMPARE(player.position_s(), 0.0);
    player.seek(99.0);
    QCOMPARE(player.position_s(), kDuration_s);
    player.seek(std::nan(""));
    QCOMPARE(player.position_s(), 0.0);
}

void TestAudioPlayer::seekWhilePlayingContinuesFromThere() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    player.play();
    QTest::qWait(50);
    QElapsedTimer since_seek;
    since_seek.start();
    player.seek(0.6);
    QVERIFY(player.isPlaying());
    QTest::qWait(100);
    const double position = player.position_s();
    const double bound = 0.6 + since_seek.nsecsElapsed() / 1e9 + kAheadMargin_s;
    QVERIFY2(position > 0.6 && position <= bound,
             qPrintable(QStringLiteral("%1 not in (0.6, %2]").arg(position).arg(bound)));
}

void TestAudioPlayer::stopsAtEnd() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    player.seek(kDuration_s - 0.15);
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 3000);
    QCOMPARE(player.position_s(), kDuration_s);
    QTest::qWait(100);
    QCOMPARE(player.position_s(), kDuration_s);  // and stays there
}

void TestAudioPlayer::playAtEndRestartsFromStart() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    player.seek(kDuration_s);
    player.play();
    QVERIFY(player.isPlaying());
    QVERIFY2(player.position_s() < 0.2, qPrintable(QString::number(player.position_s())));
}

void TestAudioPlayer::newBufferRewinds() {
    QFETCH(ps::AudioOutput, output);
    QFETCH(int, channels);
    ps::AudioPlayer player(output);
    QVERIFY(player.setBuffer(makeTone(kDuration_s, channels)).ok());
    player.play();
    QTest::qWait(100);
    QVERIFY(player.setBuffer(makeTone(2.0, channels)).ok());
    QVERIFY(!player.isPlaying());
    QCOMPARE(player.position_s(), 0.0);
    QCOMPARE(player.duration_s(), 2.0);
    QVERIFY(player.setBuffer(nullptr).ok());
    QCOMPARE(player.duration_s(), 0.0);
}

void TestAudioPlayer::manyPlayersInARow() {
    // PortAudio's initialise/terminate must pair up, or the later players would find it broken.
    bool first_had_device = false;
    for (int i = 0; i < 4; ++i) {
        ps::AudioPlayer player;
        if (i == 0) {
            first_had_device = player.hasAudioDevice();
        }
        QCOMPARE(player.hasAudioDevice(), first_had_device);
        QVERIFY(player.setBuffer(makeTone(0.2, 1)).ok());
        player.play();
    }
}

QTEST_GUILESS_MAIN(TestAudioPlayer)
#include "TestAudioPlayer.moc"
