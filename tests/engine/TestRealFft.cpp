// The real FFT against the defining sums, computed directly in double: the forward transform of
// random signals, the inverse of random half-spectra, and the round trip.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "RandomSignal.h"
#include "voice/RealFft.h"

namespace {

constexpr double kPi = 3.14159265358979323846;

// exp(-2 pi i k n / size), with the product reduced first so large k n lose nothing.
double angleOf(int k, int n, int size) {
    return 2.0 * kPi * double((int64_t(k) * n) % size) / size;
}

}  // namespace

class TestRealFft : public QObject {
    Q_OBJECT

private slots:
    void forwardMatchesDirectSum_data();
    void forwardMatchesDirectSum();
    void inverseMatchesDirectSum_data();
    void inverseMatchesDirectSum();
    void roundTripReturnsTheSignal();
};

void TestRealFft::forwardMatchesDirectSum_data() {
    QTest::addColumn<int>("size");
    for (int size : {4, 8, 16, 32, 64, 512, 1024}) {
        QTest::newRow(qPrintable(QString::number(size))) << size;
    }
}

void TestRealFft::forwardMatchesDirectSum() {
    QFETCH(int, size);
    const std::vector<float> x = randomSignal(size, 7u + size);
    const ps::RealFft fft(size);
    QCOMPARE(fft.size(), size);
    QCOMPARE(fft.binCount(), size / 2 + 1);
    std::vector<float> re(fft.binCount()), im(fft.binCount());
    fft.forward(x.data(), re.data(), im.data());
    double worst = 0.0;
    for (int k = 0; k <= size / 2; ++k) {
        double want_re = 0.0, want_im = 0.0;
        for (int n = 0; n < size; ++n) {
            want_re += x[n] * std::cos(angleOf(k, n, size));
            want_im -= x[n] * std::sin(angleOf(k, n, size));
        }
        worst = std::max({worst, std::abs(re[k] - want_re), std::abs(im[k] - want_im)});
    }
    // Bins of uniform noise of amplitude 0.5 have magnitudes near 0.3 sqrt(size); float
    // rounding through log2(size) stages stays orders of magnitude below that.
    QVERIFY2(worst < 1e-6 * size, qPrintable(QString("worst error %1").arg(worst)));
    // A real signal's DC and Nyquist bins are real.
    QCOMPARE(im[0], 0.0f);
    QCOMPARE(im[size / 2], 0.0f);
}

void TestRealFft::inverseMatchesDirectSum_data() {
    forwardMatchesDirectSum_data();
}

void TestRealFft::inverseMatchesDirectSum() {
    QFETCH(int, size);
    const ps::RealFft fft(size);
    const int bins = fft.binCount();
    std::vector<float> re = randomSignal(bins, 17u + size);
    std::vector<float> im = randomSignal(bins, 23u + size);
    // x[n] = (1/size) sum over the full Hermitian spectrum, i.e. DC and Nyquist once and every
    // other bin twice through its conjugate; the imaginary parts of DC and Nyquist drop out.
    std::vector<double> want(size);
    for (int n = 0; n < size; ++n) {
        double sum = re[0] + re[bins - 1] * ((n % 2) ? -1.0 : 1.0);
        for (int k = 1; k < bins - 1; ++k) {
            sum += 2.0 *
                   (re[k] * std::cos(angleOf(k, n, size)) - im[k] * std::sin(angleOf(k, n, size)));
        }
        want[n] = sum / size;
    }
    std::vector<float> x(size);
    fft.inverse(re.data(), im.data(), x.data());
    double worst = 0.0;
    for (int n = 0; n < size; ++n) {
        worst = std::max(worst, std::abs(x[n] - want[n]));
    }
    QVERIFY2(worst < 1e-6, qPrintable(QString("worst error %1").arg(worst)));
}

void TestRealFft::roundTripReturnsTheSignal() {
    for (int size : {4, 16, 512, 2048}) {
        const std::vector<float> x = randomSignal(size, 31u + size);
        const ps::RealFft fft(size);
        std::vector<float> re(fft.binCount()), im(fft.binCount()), back(size);
        fft.forward(x.data(), re.data(), im.data());
        fft.inverse(re.data(), im.data(), back.data());
        for (int n = 0; n < size; ++n) {
            QVERIFY2(std::abs(back[n] - x[n]) < 1e-6f, qPrintable(QString("size %1").arg(size)));
        }
    }
}

QTEST_GUILESS_MAIN(TestRealFft)
#include "TestRealFft.moc"
