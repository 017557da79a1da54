// The One-Euro filter with the face tracker's tuning (kLandmarkSmoothing, speeds in face sizes
// per second) at 25 fps: a still landmark with 0.004 face sizes of jitter (half a pixel on a
// 120-pixel face) comes out with less than a third of it; a ramp from a quarter of the face's
// size a second up to two sizes a second is followed less than a frame behind, where the same
// low-pass without the speed term trails by more than ten frames; a step is 90 % there after
// two frames; the timing follows timestamps, so an uneven frame rate lags no more in time; and
// the first sample, a reset and a repeated timestamp behave as documented.
#include <QtTest>
#include <cmath>
#include <vector>

#include "face/FaceTracker.h"
#include "face/OneEuroFilter.h"
#include "runtime/SeededRandom.h"

namespace {

constexpr double kFps = 25.0;
constexpr double kDt = 1.0 / kFps;

double standardDeviation(const std::vector<double>& v, size_t from) {
    double mean = 0.0;
    for (size_t i = from; i < v.size(); ++i) {
        mean += v[i];
    }
    mean /= double(v.size() - from);
    double sum = 0.0;
    for (size_t i = from; i < v.size(); ++i) {
        sum += (v[i] - mean) * (v[i] - mean);
    }
    return std::sqrt(sum / double(v.size() - from));
}

// How many frames the output trails a ramp of `speed` per second once it has settled.
double rampLagFrames(const ps::OneEuroSettings& settings, double speed) {
    ps::OneEuroFilter filter(settings);
    double out = 0.0, value = 0.0;
    for (int i = 0; i < 150; ++i) {
        value = i < 20 ? 0.0 : speed * (i - 20) * kDt;
        out = filter.filter(value, i * kDt);
    }
    return (value - out) / (speed * kDt);
}

}  // namespace

class TestOneEuroFilter : public QObject {
    Q_OBJECT

private slots:
    void stillJitterIsCutByMoreThanThree();
    void rampIsFollowedWithinAFrame_data();
    void rampIsFollowedWithinAFrame();
    void withoutTheSpeedTermARampTrails();
    void stepIsNinetyPercentThereAfterTwoFrames();
    void speedScaleMakesTheTuningSizeFree();
    void unevenFrameRateLagsNoMoreInTime();
    void firstSampleResetAndRepeatedTime();
};

void TestOneEuroFilter::stillJitterIsCutByMoreThanThree() {
    ps::SeededRandom random(7);
    ps::OneEuroFilter filter(ps::kLandmarkSmoothing);
    std::vector<double> in, out;
    for (int i = 0; i < 1000; ++i) {
        in.push_back(0.5 + 0.004 * random.gaussian());
        out.push_back(filter.filter(in.back(), i * kDt));
    }
    // The first two seconds let the filter settle from its first sample.
    const double reduction = standardDeviation(in, 50) / standardDeviation(out, 50);
    qInfo("jitter reduced %.2fx", reduction);
    QVERIFY2(reduction > 3.0, qPrintable(QString::number(reduction)));
}

void TestOneEuroFilter::rampIsFollowedWithinAFrame_data() {
    QTest::addColumn<double>("speed");  // face sizes per second
    QTest::newRow("0.25") << 0.25;
    QTest::newRow("0.5") << 0.5;
    QTest::newRow("1") << 1.0;
    QTest::newRow("2") << 2.0;
}

void TestOneEuroFilter::rampIsFollowedWithinAFrame() {
    QFETCH(double, speed);
    const double lag = rampLagFrames(ps::kLandmarkSmoothing, speed);
    qInfo("ramp at %.2f face sizes/s: %.2f frames behind", speed, lag);
    QVERIFY2(lag >= 0.0 && lag < 1.0, qPrintable(QString::number(lag)));
}

void TestOneEuroFilter::withoutTheSpeedTermARampTrails() {
    ps::OneEuroSettings fixed = ps::kLandmarkSmoothing;
    fixed.beta = 0.0;
    const double lag = rampLagFrames(fixed, 1.0);
    QVERIFY2(lag > 10.0, qPrintable(QString::number(lag)));
}

void TestOneEuroFilter::stepIsNinetyPercentThereAfterTwoFrames() {
    ps::OneEuroFilter filter(ps::kLandmarkSmoothing);
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(filter.filter(0.0, i * kDt), 0.0);
    }
    filter.filter(0.2, 25 * kDt);
    const double second = filter.filter(0.2, 26 * kDt);
    QVERIFY2(second > 0.9 * 0.2 && second <= 0.2, qPrintable(QString::number(second)));
}

void TestOneEuroFilter::speedScaleMakesTheTuningSizeFree() {
    // The same movement of a face 150 pixels across, in pixels with the scale, and in face
    // sizes without: the outputs agree.
    constexpr double kFace_px = 150.0;
    ps::OneEuroFilter in_pixels(ps::kLandmarkSmoothing), in_sizes(ps::kLandmarkSmoothing);
    ps::SeededRandom random(3);
    for (int i = 0; i < 200; ++i) {
        const double size_units = 0.3 * std::sin(i * 0.1) + 0.003 * random.gaussian();
        const double a = in_pixels.filter(size_units * kFace_px, i * kDt, 1.0 / kFace_px);
        const double b = in_sizes.filter(size_units, i * kDt);
        QVERIFY(std::abs(a / kFace_px - b) < 1e-9);
    }
}

void TestOneEuroFilter::unevenFrameRateLagsNoMoreInTime() {
    // A phone's variable frame rate: steps of 20 and 60 ms in turn, 25 fps on average.
    ps::OneEuroFilter filter(ps::kLandmarkSmoothing);
    double t = 0.0, out = 0.0, value = 0.0;
    for (int i = 0; i < 150; ++i) {
        value = 0.5 * t;
        out = filter.filter(value, t);
        t += i % 2 == 0 ? 0.02 : 0.06;
    }
    const double lag_s = (value - out) / 0.5;
    QVERIFY2(lag_s >= 0.0 && lag_s < kDt, qPrintable(QString::number(lag_s)));
}

void TestOneEuroFilter::firstSampleResetAndRepeatedTime() {
    ps::OneEuroFilter filter(ps::kLandmarkSmoothing);
    QVERIFY(!filter.primed());
    QCOMPARE(filter.filter(3.0, 0.0), 3.0);
    QVERIFY(filter.primed());
    const double moved = filter.filter(4.0, kDt);
    QVERIFY(moved > 3.0 && moved < 4.0);
    QCOMPARE(filter.filter(100.0, kDt), moved);  // no time passed: nothing to smooth over
    filter.reset();
    QVERIFY(!filter.primed());
    QCOMPARE(filter.filter(-2.0, 5.0), -2.0);
}

QTEST_GUILESS_MAIN(TestOneEuroFilter)
#include "TestOneEuroFilter.moc"
