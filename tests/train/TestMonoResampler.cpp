// Resampling espeak-ng's 22050 Hz speech to the model's 16 kHz: the output keeps time (a click
// stays where it was, so phoneme timings hold), keeps the duration, passes speech frequencies and
// removes those above the new Nyquist frequency instead of folding them back.
#include <QtTest>

#include <cmath>

#include "train/MonoResampler.h"

using namespace ps::train;
using ps::Result;

namespace {

std::vector<float> sine(double frequency_hz, int rate_hz, size_t count, float amplitude) {
    std::vector<float> samples(count);
    for (size_t i = 0; i < count; ++i) {
        samples[i] = amplitude * static_cast<float>(std::sin(2.0 * 3.14159265358979 * frequency_hz *
                                                             double(i) / rate_hz));
    }
    return samples;
}

double rms(const std::vector<float>& samples, size_t begin, size_t end) {
    double sum = 0.0;
    for (size_t i = begin; i < end; ++i) {
        sum += double(samples[i]) * samples[i];
    }
    return std::sqrt(sum / double(end - begin));
}

}  // namespace

class TestMonoResampler : public QObject {
    Q_OBJECT

private slots:
    void clicksStayInPlace();
    void lengthFollowsDuration_data();
    void lengthFollowsDuration();
    void passesSpeechAndRemovesWhatWouldAlias();
    void sameRateIsACopy();
    void refusesZeroRates();
};

void TestMonoResampler::clicksStayInPlace() {
    std::vector<float> clicks(22050, 0.0f);
    clicks[2205] = 1.0f;   // 0.1 s
    clicks[15435] = 1.0f;  // 0.7 s
    Result<ps::PcmBuffer> out = resampleMono(clicks, 22050, 16000);
    QVERIFY(out.ok());
    QCOMPARE(out->sample_rate_hz, 16000);
    QCOMPARE(out->channels, 1);
    for (const size_t expected : {size_t(1600), size_t(11200)}) {
        size_t peak = expected - 50;
        for (size_t i = expected - 50; i < expected + 50; ++i) {
            if (std::abs(out->samples[i]) > std::abs(out->samples[peak])) {
                peak = i;
            }
        }
        QCOMPARE(peak, expected);
    }
}

void TestMonoResampler::lengthFollowsDuration_data() {
    QTest::addColumn<int>("count");
    QTest::newRow("one second") << 22050;
    QTest::newRow("odd length") << 12345;
    QTest::newRow("a few samples") << 7;
}

void TestMonoResampler::lengthFollowsDuration() {
    QFETCH(int, count);
    Result<ps::PcmBuffer> out =
        resampleMono(std::vector<float>(size_t(count), 0.25f), 22050, 16000);
    QVERIFY(out.ok());
    QCOMPARE(out->samples.size(), size_t((int64_t(count) * 16000 + 11025) / 22050));
}

void TestMonoResampler::passesSpeechAndRemovesWhatWouldAlias() {
    // 1 kHz is speech; 9.5 kHz is above 8 kHz and would alias to 6.5 kHz if dropped samples
    // were all the resampler did.
    Result<ps::PcmBuffer> speech = resampleMono(sine(1000, 22050, 22050, 0.5f), 22050, 16000);
    Result<ps::PcmBuffer> hiss = resampleMono(sine(9500, 22050, 22050, 0.5f), 22050, 16000);
    QVERIFY(speech.ok() && hiss.ok());
    const double passed = rms(speech->samples, 1000, 15000);
    QVERIFY2(std::abs(passed - 0.5 / std::sqrt(2.0)) < 0.01, qPrintable(QString::number(passed)));
    const double leaked = rms(hiss->samples, 1000, 15000);
    QVERIFY2(leaked < 0.005, qPrintable(QString::number(leaked)));
}

void TestMonoResampler::sameRateIsACopy() {
    const std::vector<float> samples = sine(440, 16000, 100, 0.3f);
    Result<ps::PcmBuffer> out = resampleMono(samples, 16000, 16000);
    QVERIFY(out.ok());
    QVERIFY(out->samples == samples);
}

void TestMonoResampler::refusesZeroRates() {
    QVERIFY(!resampleMono({0.0f}, 0, 16000).ok());
    QVERIFY(!resampleMono({0.0f}, 22050, 0).ok());
}

QTEST_GUILESS_MAIN(TestMonoResampler)
#include "TestMonoResampler.moc"
