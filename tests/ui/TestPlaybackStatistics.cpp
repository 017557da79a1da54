// Playback statistics: frames the playback went past are counted as dropped (a scrub's jump is
// not), and the picture's offset from the sound is measured against the frame's own interval.
#include <QtTest>

#include "ui/PlaybackStatistics.h"

using ps::ui::PlaybackStatistics;

class TestPlaybackStatistics : public QObject {
    Q_OBJECT
private slots:
    void countsFramesPlaybackWentPast() {
        PlaybackStatistics stats;
        const double frame = 0.04;
        for (const int k : {0, 1, 2, 5, 6, 9}) {
            stats.frameShown(k * frame, k * frame + 0.01, true, frame);
        }
        QCOMPARE(stats.shown(), quint64(6));
        QCOMPARE(stats.skipped(), quint64(2 + 2));
        QCOMPARE(stats.worstOffset_s(), 0.0);
    }

    void aScrubIsNoDrop() {
        PlaybackStatistics stats;
        stats.frameShown(0.0, 0.0, false, 0.04);
        stats.frameShown(4.0, 4.0, false, 0.04);
        QCOMPARE(stats.skipped(), quint64(0));
    }

    void offsetOutsideTheFramesInterval() {
        PlaybackStatistics stats;
        stats.frameShown(1.0, 1.03, true, 0.04);  // inside [1.00, 1.04)
        QCOMPARE(stats.worstOffset_s(), 0.0);
        stats.frameShown(1.04, 1.10, true, 0.04);  // the sound is 20 ms into the next frame
        QVERIFY(std::abs(stats.worstOffset_s() - 0.02) < 1e-9);
        stats.frameShown(1.2, 1.19, true, 0.04);  // shown 10 ms early
        QVERIFY(std::abs(stats.worstOffset_s() - 0.02) < 1e-9);
        stats.reset();
        QCOMPARE(stats.worstOffset_s(), 0.0);
        QCOMPARE(stats.shown(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestPlaybackStatistics)
#include "TestPlaybackStatistics.moc"
