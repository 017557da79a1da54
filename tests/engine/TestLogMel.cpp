// The log-mel spectrogram against a deliberately plain double-precision reference written here
// (a direct DFT per bin, filters from the Slaney formulas), the behaviour of tones and silence,
// the frame-count rule, and chunked computation matching the whole signal bit for bit.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "RandomSignal.h"
#include "voice/LogMel.h"

namespace {

constexpr double kPi = 3.14159265358979323846;

// Slaney's mel scale as the Auditory Toolbox defines it: f / (200/3) below 1 kHz, and above it
// 15 mels plus 27 mels per factor of 6.4 in frequency.
double slaneyMel(double hz) {
    if (hz < 1000.0) {
        return hz * 3.0 / 200.0;
    }
    return 15.0 + 27.0 * std::log(hz / 1000.0) / std::log(6.4);
}
double slaneyHz(double mel) {
    if (mel < 15.0) {
        return mel * 200.0 / 3.0;
    }
    return 1000.0 * std::pow(6.4, (mel - 15.0) / 27.0);
}

// Band centres: 82 points evenly spaced in mels over 0 .. 8 kHz, the inner 80 being centres.
std::vector<double> referenceEdgesHz() {
    std::vector<double> edges;
    for (int e = 0; e < 82; ++e) {
        edges.push_back(slaneyHz(slaneyMel(8000.0) * e / 81.0));
    }
    return edges;
}

// The filter bank as a dense 80 x 257 matrix: a triangle of unit area over each band.
std::vector<std::vector<double>> referenceFilters() {
    const std::vector<double> edges = referenceEdgesHz();
    std::vector<std::vector<double>> filters(80, std::vector<double>(257, 0.0));
    for (int b = 0; b < 80; ++b) {
        const double lo = edges[b], mid = edges[b + 1], hi = edges[b + 2];
        for (int k = 0; k < 257; ++k) {
            const double f = k * 16000.0 / 512.0;
            double triangle = 0.0;
            if (f > lo && f <= mid) {
                triangle = (f - lo) / (mid - lo);
            } else if (f > mid && f < hi) {
                triangle = (hi - f) / (hi - mid);
            }
            filters[b][k] = triangle * 2.0 / (hi - lo);
        }
    }
    return filters;
}

// librosa's recipe literally: pad 256 zeros on each side, cut 512-sample frames every 160
// samples, multiply by the 400-sample periodic Hann centred in 512 (offset 56), sum the DFT
// directly for each bin, apply the filters, take ln(max(., 1e-10)).
std::vector<std::vector<double>> referenceLogMel(const std::vector<float>& x) {
    const int64_t n = static_cast<int64_t>(x.size());
    const int64_t frames = 1 + n / 160;
    const std::vector<std::vector<double>> filters = referenceFilters();
    std::vector<double> cos_table(512), sin_table(512);
    for (int i = 0; i < 512; ++i) {
        cos_table[i] = std::cos(2.0 * kPi * i / 512.0);
        sin_table[i] = std::sin(2.0 * kPi * i / 512.0);
    }
    std::vector<std::vector<double>> result;
    for (int64_t f = 0; f < frames; ++f) {
        std::vector<double> frame(512, 0.0);
        for (int i = 0; i < 512; ++i) {
            const int64_t s = f * 160 - 256 + i;
            const int w = i - 56;
            if (s >= 0 && s < n && w >= 0 && w < 400) {
                frame[i] = x[s] * (0.5 - 0.5 * std::cos(2.0 * kPi * w / 400.0));
            }
        }
        std::vector<double> power(257);
        for (int k = 0; k < 257; ++k) {
            double re = 0.0, im = 0.0;
            for (int i = 0; i < 512; ++i) {
                re += frame[i] * cos_table[(k * i) % 512];
                im -= frame[i] * sin_table[(k * i) % 512];
            }
            power[k] = re * re + im * im;
        }
        std::vector<double> bands(80);
        for (int b = 0; b < 80; ++b) {
            double mel = 0.0;
            for (int k = 0; k < 257; ++k) {
                mel += filters[b][k] * power[k];
            }
            bands[b] = std::log(std::max(mel, 1e-10));
        }
        result.push_back(bands);
    }
    return result;
}

bool sameBits(const float* a, const float* b, size_t count) {
    return std::memcmp(a, b, count * sizeof(float)) == 0;
}

}  // namespace

class TestLogMel : public QObject {
    Q_OBJECT

private slots:
    void frameCount_data();
    void frameCount();
    void bandCentresFollowTheSlaneyScale();
    void matchesNaiveReference_data();
    void matchesNaiveReference();
    void toneOf1kHzPeaksInNearestBand();
    void silenceIsTheFloor();
    void chunksEqualWholeSignal();
    void rejectsWrongInput();
    void benchmarkTenSeconds();
};

void TestLogMel::frameCount_data() {
    QTest::addColumn<qlonglong>("samples");
    QTest::addColumn<qlonglong>("frames");
    QTest::newRow("empty") << 0LL << 1LL;
    QTest::newRow("one sample") << 1LL << 1LL;
    QTest::newRow("just under a hop") << 159LL << 1LL;
    QTest::newRow("one hop") << 160LL << 2LL;
    QTest::newRow("one second") << 16000LL << 101LL;
    QTest::newRow("one second and a bit") << 16159LL << 101LL;
    QTest::newRow("ten minutes") << 9600000LL << 60001LL;
}

void TestLogMel::frameCount() {
    QFETCH(qlonglong, samples);
    QFETCH(qlonglong, frames);
    QCOMPARE(ps::logMelFrameCount(samples), frames);
    if (samples <= 16159) {
        const std::vector<float> x = randomSignal(samples, 3u);
        const ps::LogMelSpectrogram mel = ps::LogMelAnalyzer().compute(x.data(), samples);
        QCOMPARE(mel.frames, frames);
        QCOMPARE(mel.bands, 80);
        QCOMPARE(mel.first_frame, 0LL);
        QCOMPARE(mel.frame_rate_hz, 100.0);
        QCOMPARE(mel.data.size(), size_t(frames * 80));
    }
}

void TestLogMel::bandCentresFollowTheSlaneyScale() {
    const std::vector<double> edges = referenceEdgesHz();
    const ps::LogMelAnalyzer analyzer;
    for (int b = 0; b < 80; ++b) {
        QVERIFY(std::abs(analyzer.bandCentre_hz(b) - edges[b + 1]) < 1e-6);
    }
    // The scale's anchors: linear spacing below 1 kHz, and the top edge at 8 kHz.
    QVERIFY(std::abs(edges[1] - edges[0] - (edges[2] - edges[1])) < 1e-9);
    QVERIFY(std::abs(edges[81] - 8000.0) < 1e-6);
}

void TestLogMel::matchesNaiveReference_data() {
    QTest::addColumn<qlonglong>("samples");
    QTest::addColumn<float>("scale");
    // An odd length, so the last frame's window runs past the end; and a quiet copy, where the
    // mel powers are six orders of magnitude smaller.
    QTest::newRow("0.3 s, loud") << 4801LL << 1.0f;
    QTest::newRow("0.3 s, quiet") << 4801LL << 1e-3f;
    QTest::newRow("shorter than a window") << 250LL << 1.0f;
}

void TestLogMel::matchesNaiveReference() {
    QFETCH(qlonglong, samples);
    QFETCH(float, scale);
    std::vector<float> x = randomSignal(samples, 11u);
    for (float& s : x) {
        s *= scale;
    }
    const std::vector<std::vector<double>> want = referenceLogMel(x);
    const ps::LogMelSpectrogram got = ps::LogMelAnalyzer().compute(x.data(), samples);
    QCOMPARE(got.frames, int64_t(want.size()));
    double worst = 0.0;
    for (int64_t f = 0; f < got.frames; ++f) {
        for (int b = 0; b < 80; ++b) {
            worst = std::max(worst, std::abs(got.frame(f)[b] - want[f][b]));
        }
    }
    qInfo("largest difference from the reference: %.2e (natural log units)", worst);
    QVERIFY2(worst < 1e-4, qPrintable(QString("worst %1").arg(worst)));
}

void TestLogMel::toneOf1kHzPeaksInNearestBand() {
    const ps::LogMelAnalyzer analyzer;
    int nearest = 0;
    for (int b = 1; b < 80; ++b) {
        if (std::abs(analyzer.bandCentre_hz(b) - 1000.0) <
            std::abs(analyzer.bandCentre_hz(nearest) - 1000.0)) {
            nearest = b;
        }
    }
    std::vector<float> tone(16000);
    for (size_t n = 0; n < tone.size(); ++n) {
        tone[n] = 0.5f * static_cast<float>(std::sin(2.0 * kPi * 1000.0 * n / 16000.0));
    }
    const ps::LogMelSpectrogram mel = analyzer.compute(tone.data(), int64_t(tone.size()));
    // Frames whose window lies wholly inside the tone.
    for (int64_t f = 2; f < mel.frames - 2; ++f) {
        const float* row = mel.frame(f);
        const int peak = int(std::max_element(row, row + 80) - row);
        QCOMPARE(peak, nearest);
        // A pure tone is a line: bands far from it are tens of nepers (natural-log units) below.
        QVERIFY(row[peak] - row[0] > 10.0f);
        QVERIFY(row[peak] - row[79] > 10.0f);
    }
}

void TestLogMel::silenceIsTheFloor() {
    QCOMPARE(double(ps::kLogMelFloor), double(std::log(1e-10f)));
    const std::vector<float> silence(8000, 0.0f);
    const ps::LogMelSpectrogram mel =
        ps::LogMelAnalyzer().compute(silence.data(), int64_t(silence.size()));
    QCOMPARE(mel.frames, 51LL);
    for (float v : mel.data) {
        QCOMPARE(v, ps::kLogMelFloor);
    }
}

void TestLogMel::chunksEqualWholeSignal() {
    const ps::LogMelAnalyzer analyzer;
    const int64_t total = 37981;  // 2.37 s, not a whole number of hops
    const std::vector<float> x = randomSignal(total, 5u);
    const ps::LogMelSpectrogram whole = analyzer.compute(x.data(), total);
    QCOMPARE(whole.frames, ps::logMelFrameCount(total));

    // Uneven chunk lengths, including single frames at both ends, each computed from a copy of
    // only the samples it reads: no chunk can borrow from the rest of the signal.
    int64_t first = 0;
    const int lengths[] = {1, 7, 50, 123, 2, 64};
    int next_length = 0;
    while (first < whole.frames) {
        const int64_t end = std::min(whole.frames, first + lengths[next_length++ % 6]);
        const ps::SampleRange range = ps::logMelSampleRange(first, end, total);
        const std::vector<float> held(x.begin() + range.begin, x.begin() + range.end);
        const ps::SignalSpan span{held.data(), int64_t(held.size()), range.begin, total};
        const ps::Result<ps::LogMelSpectrogram> chunk = analyzer.compute(span, first, end);
        QVERIFY2(chunk.ok(), chunk.ok() ? "" : chunk.error().message.c_str());
        QCOMPARE(chunk->first_frame, first);
        QCOMPARE(chunk->frames, end - first);
        QVERIFY(sameBits(chunk->data.data(), whole.frame(first), chunk->data.size()));
        first = end;
    }

    // The whole signal as a span gives the same as the plain call; an empty range is empty.
    const ps::SignalSpan all{x.data(), total, 0, total};
    const ps::Result<ps::LogMelSpectrogram> again = analyzer.compute(all, 0, whole.frames);
    QVERIFY(again.ok());
    QVERIFY(sameBits(again->data.data(), whole.data.data(), whole.data.size()));
    const ps::Result<ps::LogMelSpectrogram> none = analyzer.compute(all, 5, 5);
    QVERIFY(none.ok());
    QCOMPARE(none->frames, 0LL);
}

void TestLogMel::rejectsWrongInput() {
    ps::PcmBuffer pcm;
    pcm.sample_rate_hz = 48000;
    pcm.channels = 1;
    pcm.samples.assign(4800, 0.1f);
    QCOMPARE(ps::computeLogMel(pcm).error().kind, ps::ErrorKind::BadInput);
    pcm.sample_rate_hz = 16000;
    pcm.channels = 2;
    QCOMPARE(ps::computeLogMel(pcm).error().kind, ps::ErrorKind::BadInput);
    pcm.channels = 1;
    const ps::Result<ps::LogMelSpectrogram> mel = ps::computeLogMel(pcm);
    QVERIFY(mel.ok());
    QCOMPARE(mel->frames, 31LL);

    const ps::LogMelAnalyzer analyzer;
    const std::vector<float> x = randomSignal(1600, 9u);  // 11 frames
    const ps::SignalSpan all{x.data(), 1600, 0, 1600};
    QVERIFY(!analyzer.compute(all, 0, 12).ok());
    QVERIFY(!analyzer.compute(all, -1, 3).ok());
    QVERIFY(!analyzer.compute(all, 4, 3).ok());
    // Frames 5 .. 7 read samples 600 .. 1320; a span starting at 700 lacks some of them.
    const ps::SampleRange range = ps::logMelSampleRange(5, 8, 1600);
    QCOMPARE(range.begin, 600LL);
    QCOMPARE(range.end, 1320LL);
    const ps::SignalSpan late{x.data() + 700, 900, 700, 1600};
    const ps::Result<ps::LogMelSpectrogram> missing = analyzer.compute(late, 5, 8);
    QCOMPARE(missing.error().kind, ps::ErrorKind::BadInput);
    QVERIFY(analyzer.compute(late, 6, 8).ok());  // frames 6 .. 7 start at sample 760
    const ps::SignalSpan overrun{x.data(), 1600, 100, 1600};
    QVERIFY(!analyzer.compute(overrun, 0, 1).ok());
}

void TestLogMel::benchmarkTenSeconds() {
    const ps::LogMelAnalyzer analyzer;
    const std::vector<float> x = randomSignal(160000, 13u);
    ps::LogMelSpectrogram mel;
    QBENCHMARK {
        mel = analyzer.compute(x.data(), int64_t(x.size()));
    }
    QCOMPARE(mel.frames, 1001LL);
}

QTEST_GUILESS_MAIN(TestLogMel)
#include "TestLogMel.moc"
