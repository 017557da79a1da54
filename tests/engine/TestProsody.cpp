// Prosody of a voice made up here: harmonic tones at known fundamentals and levels in bursts,
// a burst of white noise, silences with a faint noise floor between them. The pitch, voicing,
// loudness, speech activity and pauses must come out as they were made, on a loud and a quiet
// copy of the same recording alike.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "voice/Prosody.h"

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kRate = 16000;

struct Burst {
    double start_s;
    double end_s;
    double f0_hz;     // 0: white noise
    double level_db;  // RMS, dB relative to full scale
};

// Two voices of one speaker and a breathy noise, with pauses of 0.4 to 0.6 s.
const std::vector<Burst> kBursts = {
    {0.5, 1.5, 120.0, -12.0}, {2.1, 2.9, 220.0, -22.0}, {3.3, 4.3, 310.0, -30.0},
    {4.8, 5.6, 0.0, -15.0},   {6.2, 7.0, 85.0, -17.0},
};
constexpr double kDuration_s = 7.5;
constexpr double kNoiseFloor_db = -70.0;

double amplitudeOf(double db) {
    return std::pow(10.0, db / 20.0);
}

// Harmonics 1..5 at amplitudes 1/k (a buzzy, voice-like spectrum), scaled to an RMS; the
// bursts fade in and out over 5 ms so their edges are not clicks.
std::vector<float> makeVoice() {
    const size_t count = static_cast<size_t>(kDuration_s * kRate);
    std::vector<float> x(count);
    std::mt19937 generator(1234u);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    const double uniform_rms = 1.0 / std::sqrt(3.0);
    for (float& s : x) {
        s = static_cast<float>(uniform(generator) / uniform_rms * amplitudeOf(kNoiseFloor_db));
    }
    double harmonic_power = 0.0;
    for (int k = 1; k <= 5; ++k) {
        harmonic_power += 0.5 / (k * k);
    }
    const double fade_s = 0.005;
    for (const Burst& burst : kBursts) {
        const double gain = amplitudeOf(burst.level_db);
        for (size_t i = size_t(burst.start_s * kRate); i < size_t(burst.end_s * kRate); ++i) {
            const double t = double(i) / kRate;
            const double edge = std::min(t - burst.start_s, burst.end_s - t);
            const double fade =
                edge < fade_s ? 0.5 - 0.5 * std::cos(kPi * std::max(edge, 0.0) / fade_s) : 1.0;
            double value = 0.0;
            if (burst.f0_hz > 0.0) {
                for (int k = 1; k <= 5; ++k) {
                    value += std::sin(2.0 * kPi * k * burst.f0_hz * t + 0.7 * k) / k;
                }
                value /= std::sqrt(harmonic_power);
            } else {
                value = uniform(generator) / uniform_rms;
            }
            x[i] += static_cast<float>(fade * gain * value);
        }
    }
    return x;
}

ps::PcmBuffer pcmOf(std::vector<float> samples) {
    ps::PcmBuffer pcm;
    pcm.sample_rate_hz = kRate;
    pcm.channels = 1;
    pcm.samples = std::move(samples);
    return pcm;
}

// Frames whose whole analysis (window and pitch lags, under 25 ms either side) lies in [a, b).
std::vector<size_t> framesWithin(const ps::Prosody& prosody, double a, double b) {
    std::vector<size_t> frames;
    for (size_t i = 0; i < prosody.frames.size(); ++i) {
        const double t = i / prosody.frame_rate_hz;
        if (t >= a + 0.04 && t <= b - 0.04) {
            frames.push_back(i);
        }
    }
    return frames;
}

float medianLoudness(const ps::Prosody& prosody, const std::vector<size_t>& frames) {
    std::vector<float> values;
    for (size_t i : frames) {
        values.push_back(prosody.frames[i].loudness_db);
    }
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

}  // namespace

class TestProsody : public QObject {
    Q_OBJECT

private slots:
    void voiceIsAnalysedAsMade_data();
    void voiceIsAnalysedAsMade();
    void whiteNoiseIsNeverVoiced();
    void silenceIsOnePause();
    void rejectsWrongInput();
    void benchmarkTenSeconds();
};

void TestProsody::voiceIsAnalysedAsMade_data() {
    QTest::addColumn<double>("gain_db");
    QTest::newRow("as recorded") << 0.0;
    // 34 dB down: the loudest burst at -46 dBFS, the noise floor clamped at the silence floor.
    QTest::newRow("a quiet recording") << -34.0;
}

void TestProsody::voiceIsAnalysedAsMade() {
    QFETCH(double, gain_db);
    std::vector<float> samples = makeVoice();
    for (float& s : samples) {
        s *= static_cast<float>(amplitudeOf(gain_db));
    }
    const ps::Result<ps::Prosody> result = ps::analyzeProsody(pcmOf(samples));
    QVERIFY(result.ok());
    const ps::Prosody& prosody = *result;
    QCOMPARE(prosody.frame_rate_hz, 100.0);
    QCOMPARE(prosody.frames.size(), size_t(samples.size() / 160 + 1));
    QCOMPARE(prosody.duration_s, kDuration_s);

    const float reference_db = medianLoudness(prosody, framesWithin(prosody, 0.5, 1.5));
    for (const Burst& burst : kBursts) {
        const std::vector<size_t> frames = framesWithin(prosody, burst.start_s, burst.end_s);
        const QString name = QString("burst at %1 s").arg(burst.start_s);
        double worst_pitch_error = 0.0;
        for (size_t i : frames) {
            const ps::ProsodyFrame& frame = prosody.frames[i];
            QVERIFY2(frame.speech, qPrintable(name));
            QCOMPARE(frame.voiced, burst.f0_hz > 0.0);
            if (burst.f0_hz > 0.0) {
                const double error = std::abs(frame.pitch_hz - burst.f0_hz) / burst.f0_hz;
                worst_pitch_error = std::max(worst_pitch_error, error);
            } else {
                QCOMPARE(frame.pitch_hz, 0.0f);
            }
        }
        QVERIFY2(worst_pitch_error < 0.03, qPrintable(name));
        // Levels relative to the first burst, and absolute where the gain is known.
        const float level_db = medianLoudness(prosody, frames);
        const double want_db = burst.level_db - kBursts[0].level_db;
        QVERIFY2(std::abs((level_db - reference_db) - want_db) < 1.0,
                 qPrintable(name + QString(": %1 dB").arg(level_db - reference_db)));
        QVERIFY2(std::abs(level_db - (burst.level_db + gain_db)) < 1.0, qPrintable(name));
        qInfo("%s: loudness %.2f dB (made %.2f), largest pitch error %.3f%%", qPrintable(name),
              level_db, burst.level_db + gain_db, 100.0 * worst_pitch_error);
    }

    // The silences: not speech, not voiced, and each one a pause ending where the sound starts.
    std::vector<ps::Pause> want = {{0.0, kBursts[0].start_s}};
    for (size_t b = 0; b + 1 < kBursts.size(); ++b) {
        want.push_back({kBursts[b].end_s, kBursts[b + 1].start_s});
    }
    want.push_back({kBursts.back().end_s, kDuration_s});
    for (const ps::Pause& pause : want) {
        for (size_t i : framesWithin(prosody, pause.start_s, pause.end_s)) {
            QVERIFY(!prosody.frames[i].speech);
            QVERIFY(!prosody.frames[i].voiced);
        }
    }
    // Edges within 12 ms: half a 10 ms frame, plus the quiet start of the 5 ms fades.
    QCOMPARE(prosody.pauses.size(), want.size());
    for (size_t p = 0; p < want.size(); ++p) {
        qInfo("pause %.3f .. %.3f s, made %.3f .. %.3f s", prosody.pauses[p].start_s,
              prosody.pauses[p].end_s, want[p].start_s, want[p].end_s);
        QVERIFY(std::abs(prosody.pauses[p].start_s - want[p].start_s) <= 0.012);
        QVERIFY(std::abs(prosody.pauses[p].end_s - want[p].end_s) <= 0.012);
    }

    // A longer minimum keeps only the pauses at least that long (0.6 s, less a frame's slack).
    ps::ProsodySettings settings;
    settings.min_pause_s = 0.55;
    const ps::Result<ps::Prosody> long_pauses = ps::analyzeProsody(pcmOf(samples), settings);
    QVERIFY(long_pauses.ok());
    QCOMPARE(long_pauses->pauses.size(), size_t(2));
    QVERIFY(std::abs(long_pauses->pauses[0].start_s - 1.5) <= 0.012);
    QVERIFY(std::abs(long_pauses->pauses[1].start_s - 5.6) <= 0.012);
}

void TestProsody::whiteNoiseIsNeverVoiced() {
    std::mt19937 generator(99u);
    std::uniform_real_distribution<float> uniform(-0.3f, 0.3f);
    std::vector<float> noise(3 * kRate);
    for (float& s : noise) {
        s = uniform(generator);
    }
    const ps::Result<ps::Prosody> prosody = ps::analyzeProsody(pcmOf(noise));
    QVERIFY(prosody.ok());
    for (const ps::ProsodyFrame& frame : prosody->frames) {
        QVERIFY(!frame.voiced);
        QCOMPARE(frame.pitch_hz, 0.0f);
    }
    // Steady sound with no quieter stretch is all speech (nothing to call a pause).
    for (size_t i : framesWithin(*prosody, 0.0, 3.0)) {
        QVERIFY(prosody->frames[i].speech);
    }
    QVERIFY(prosody->pauses.empty());
}

void TestProsody::silenceIsOnePause() {
    const ps::Result<ps::Prosody> prosody = ps::analyzeProsody(pcmOf(std::vector<float>(16000)));
    QVERIFY(prosody.ok());
    QCOMPARE(prosody->frames.size(), size_t(101));
    for (const ps::ProsodyFrame& frame : prosody->frames) {
        QCOMPARE(frame.loudness_db, ps::kSilenceLoudness_db);
        QVERIFY(!frame.voiced && !frame.speech);
    }
    QCOMPARE(prosody->pauses.size(), size_t(1));
    QCOMPARE(prosody->pauses[0].start_s, 0.0);
    QCOMPARE(prosody->pauses[0].end_s, 1.0);
}

void TestProsody::rejectsWrongInput() {
    ps::PcmBuffer pcm = pcmOf(std::vector<float>(4410));
    pcm.sample_rate_hz = 44100;
    QCOMPARE(ps::analyzeProsody(pcm).error().kind, ps::ErrorKind::BadInput);
    pcm = pcmOf(std::vector<float>(3200));
    pcm.channels = 2;
    QCOMPARE(ps::analyzeProsody(pcm).error().kind, ps::ErrorKind::BadInput);
    pcm.channels = 1;
    ps::ProsodySettings settings;
    settings.min_pitch_hz = 500.0;  // above the maximum
    QCOMPARE(ps::analyzeProsody(pcm, settings).error().kind, ps::ErrorKind::BadInput);
    settings = {};
    settings.speech_on = 0.1;  // below speech_off
    QCOMPARE(ps::analyzeProsody(pcm, settings).error().kind, ps::ErrorKind::BadInput);
    QVERIFY(ps::analyzeProsody(pcm).ok());
}

void TestProsody::benchmarkTenSeconds() {
    std::vector<float> samples = makeVoice();
    samples.resize(10 * kRate, 0.0f);
    const ps::PcmBuffer pcm = pcmOf(samples);
    ps::Result<ps::Prosody> prosody = ps::Prosody{};
    QBENCHMARK {
        prosody = ps::analyzeProsody(pcm);
    }
    QVERIFY(prosody.ok());
    QCOMPARE(prosody->frames.size(), size_t(1001));
}

QTEST_GUILESS_MAIN(TestProsody)
#include "TestProsody.moc"
