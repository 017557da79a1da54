// Audio augmentation: lengths and alignment kept exactly (the labels are aligned to the sample),
// determinism per seed, the requested noise level, the codecs' delay compensated, the range kept.
#include <QElapsedTimer>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "train/AddedNoise.h"
#include "train/AudioAugment.h"
#include "train/BackgroundMusic.h"
#include "train/CodecRoundTrip.h"
#include "train/Equaliser.h"
#include "train/RoomReverb.h"

Q_DECLARE_METATYPE(ps::train::LossyCodec)
Q_DECLARE_METATYPE(ps::train::NoiseKind)

using ps::PcmBuffer;
using ps::train::AugmentRecord;
using ps::train::AugmentSettings;
using ps::train::LossyCodec;
using ps::train::NoiseKind;

namespace {

constexpr int kRate = 16000;
constexpr double kPi = 3.14159265358979323846;

PcmBuffer mono(std::vector<float> samples) {
    PcmBuffer pcm;
    pcm.sample_rate_hz = kRate;
    pcm.channels = 1;
    pcm.samples = std::move(samples);
    return pcm;
}

// A vowel-like sound: harmonics of 140 Hz with two formant bumps, its loudness swaying at a
// syllable rate but never falling silent (so every 20 ms block is "active" speech).
PcmBuffer voiced(double seconds, float peak = 0.3f) {
    std::vector<float> samples(static_cast<size_t>(seconds * kRate));
    for (size_t i = 0; i < samples.size(); ++i) {
        const double t = static_cast<double>(i) / kRate;
        double x = 0.0;
        for (int h = 1; h * 140 < 7000; ++h) {
            const double f = 140.0 * h;
            const double formants = std::exp(-std::pow((f - 700) / 300, 2)) +
                                    0.6 * std::exp(-std::pow((f - 1800) / 400, 2)) + 0.05;
            x += formants * std::sin(2 * kPi * f * t + h);
        }
        const double sway = 0.65 + 0.35 * std::sin(2 * kPi * 4.0 * t);
        samples[i] = static_cast<float>(x * sway);
    }
    const float largest =
        std::abs(*std::max_element(samples.begin(), samples.end(),
                                   [](float a, float b) { return std::abs(a) < std::abs(b); }));
    for (float& x : samples) {
        x *= peak / largest;
    }
    return mono(std::move(samples));
}

// Clicks (2 ms Gaussian bumps) at irregular spacing, so that no lag but the true one lines up.
PcmBuffer clickTrain(double seconds) {
    std::vector<float> samples(static_cast<size_t>(seconds * kRate), 0.0f);
    size_t at = 400;
    int n = 0;
    while (at + 40 < samples.size()) {
        for (int k = -16; k <= 16; ++k) {
            samples[static_cast<size_t>(static_cast<long>(at) + k)] +=
                0.7f * std::exp(static_cast<float>(-k * k) / 6.0f);
        }
        at += 1200 + static_cast<size_t>((n * 337) % 900);
        ++n;
    }
    return mono(std::move(samples));
}

double meanSquare(const std::vector<float>& x) {
    double sum = 0.0;
    for (const float v : x) {
        sum += static_cast<double>(v) * v;
    }
    return sum / static_cast<double>(std::max<size_t>(x.size(), 1));
}

// The lag (of `b` behind `a`) with the largest cross-correlation, searched over ±max_lag.
int peakLag(const std::vector<float>& a, const std::vector<float>& b, int max_lag = 400) {
    int best = 0;
    double best_value = -1e300;
    for (int lag = -max_lag; lag <= max_lag; ++lag) {
        double sum = 0.0;
        for (size_t i = static_cast<size_t>(max_lag); i + static_cast<size_t>(max_lag) < a.size();
             ++i) {
            sum += static_cast<double>(a[i]) * b[static_cast<size_t>(static_cast<long>(i) + lag)];
        }
        if (sum > best_value) {
            best_value = sum;
            best = lag;
        }
    }
    return best;
}

// Pearson correlation of two equally long signals at lag 0.
double correlation(const std::vector<float>& a, const std::vector<float>& b) {
    double ab = 0, aa = 0, bb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        ab += static_cast<double>(a[i]) * b[i];
        aa += static_cast<double>(a[i]) * a[i];
        bb += static_cast<double>(b[i]) * b[i];
    }
    return ab / std::sqrt(aa * bb);
}

AugmentSettings nothingEnabled() {
    AugmentSettings settings;
    settings.reverb_probability = 0.0;
    settings.noise_probability = 0.0;
    settings.music_probability = 0.0;
    settings.equaliser_probability = 0.0;
    settings.gain_probability = 0.0;
    settings.codec_probability = 0.0;
    return settings;
}

AugmentSettings everythingEnabled() {
    AugmentSettings settings;
    settings.reverb_probability = 1.0;
    settings.noise_probability = 1.0;
    settings.music_probability = 1.0;
    settings.equaliser_probability = 1.0;
    settings.gain_probability = 1.0;
    settings.codec_probability = 1.0;
    return settings;
}

PcmBuffer augmented(const PcmBuffer& pcm, uint64_t seed, const AugmentSettings& settings,
                    AugmentRecord* record = nullptr) {
    auto result = ps::train::augment(pcm, seed, settings, record);
    if (!result.ok()) {
        qFatal("augment failed: %s", result.error().message.c_str());
    }
    return std::move(result).value();
}

}  // namespace

class TestAudioAugment : public QObject {
    Q_OBJECT

private slots:
    void lengthAndRangeAreKept_data();
    void lengthAndRangeAreKept();
    void sameSeedSameOutput();
    void differentSeedsDiffer();
    void stagesDrawIndependently();
    void codecKeepsAlignment_data();
    void codecKeepsAlignment();
    void lagMeasureFindsAShift();
    void noiseHasTheRequestedSnr_data();
    void noiseHasTheRequestedSnr();
    void snrIsRelativeToActiveSpeech();
    void augmentedNoiseMatchesItsRecord();
    void musicSitsAtItsLevelBelowTheVoice();
    void soundsWithoutSpeechAreQuietToLoud();
    void noiseKindsHaveTheirCharacter();
    void reverbKeepsTheDirectSoundInPlace();
    void equaliserShapesWithoutDelay();
    void loudInputStaysInRange();
    void rejectsBadInput();
    void speed();
};

void TestAudioAugment::lengthAndRangeAreKept_data() {
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("codec");  // -1: the settings' own choice
    for (const int samples : {0, 1, 321, 16000 * 2 + 7}) {
        for (const int codec : {-1, 0, 1, 2}) {
            QTest::addRow("%d samples, codec %d", samples, codec) << samples << codec;
        }
    }
}

void TestAudioAugment::lengthAndRangeAreKept() {
    QFETCH(int, samples);
    QFETCH(int, codec);
    PcmBuffer input = voiced(2.1, 0.9f);
    input.samples.resize(static_cast<size_t>(samples));
    AugmentSettings settings = everythingEnabled();
    settings.min_gain_db = settings.max_gain_db = 6.0;  // pushes peaks well past full scale
    if (codec >= 0) {
        settings.codecs = {static_cast<LossyCodec>(codec)};
    }
    for (uint64_t seed = 0; seed < 3; ++seed) {
        AugmentRecord record;
        const PcmBuffer output = augmented(input, seed, settings, &record);
        QCOMPARE(output.samples.size(), input.samples.size());
        QCOMPARE(output.sample_rate_hz, kRate);
        QCOMPARE(output.channels, 1);
        for (const float x : output.samples) {
            QVERIFY(std::isfinite(x) && x >= -1.0f && x <= 1.0f);
        }
        QVERIFY(record.codec.has_value());
    }
}

void TestAudioAugment::sameSeedSameOutput() {
    const PcmBuffer input = voiced(1.5);
    for (uint64_t seed : {0ull, 7ull, 123456789ull}) {
        AugmentRecord first_record;
        AugmentRecord second_record;
        const PcmBuffer first = augmented(input, seed, everythingEnabled(), &first_record);
        const PcmBuffer second = augmented(input, seed, everythingEnabled(), &second_record);
        QVERIFY(first.samples == second.samples);
        QCOMPARE(first_record.describe(), second_record.describe());
    }
    // The default settings too (some stages on, some off, by chance).
    QVERIFY(augmented(input, 42, AugmentSettings()).samples ==
            augmented(input, 42, AugmentSettings()).samples);
}

void TestAudioAugment::differentSeedsDiffer() {
    const PcmBuffer input = voiced(1.0);
    std::vector<std::vector<float>> outputs;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
        AugmentRecord record;
        outputs.push_back(augmented(input, seed, AugmentSettings(), &record).samples);
        qInfo("seed %d: %s", int(seed), record.describe().c_str());
    }
    for (size_t i = 0; i < outputs.size(); ++i) {
        for (size_t j = i + 1; j < outputs.size(); ++j) {
            QVERIFY(outputs[i] != outputs[j]);
        }
    }
}

void TestAudioAugment::stagesDrawIndependently() {
    // Turning the noise off leaves the room, the equaliser, the gain and the codec as they were.
    const PcmBuffer input = voiced(0.5);
    AugmentSettings with_noise = everythingEnabled();
    AugmentSettings without_noise = with_noise;
    without_noise.noise_probability = 0.0;
    for (uint64_t seed = 0; seed < 5; ++seed) {
        AugmentRecord a;
        AugmentRecord b;
        augmented(input, seed, with_noise, &a);
        augmented(input, seed, without_noise, &b);
        QVERIFY(a.noise.has_value() && !b.noise.has_value());
        QCOMPARE(a.rt60_s, b.rt60_s);
        QCOMPARE(a.gain_db, b.gain_db);
        QCOMPARE(a.codec, b.codec);
        QCOMPARE(a.bitrate_bps, b.bitrate_bps);
    }
}

void TestAudioAugment::codecKeepsAlignment_data() {
    QTest::addColumn<LossyCodec>("codec");
    QTest::addColumn<int>("bitrate_bps");
    QTest::newRow("Opus 12k") << LossyCodec::Opus << 12000;
    QTest::newRow("Opus 32k") << LossyCodec::Opus << 32000;
    QTest::newRow("MP3 32k") << LossyCodec::Mp3 << 32000;
    QTest::newRow("MP3 64k") << LossyCodec::Mp3 << 64000;
    QTest::newRow("AAC 24k") << LossyCodec::Aac << 24000;
    QTest::newRow("AAC 48k") << LossyCodec::Aac << 48000;
}

void TestAudioAugment::codecKeepsAlignment() {
    QFETCH(LossyCodec, codec);
    QFETCH(int, bitrate_bps);
    // Clicks at irregular spacing have one clear correlation peak: it must stay at lag 0.
    const PcmBuffer clicks = clickTrain(2.0);
    auto coded = ps::train::codecRoundTrip(clicks, codec, bitrate_bps);
    QVERIFY2(coded.ok(), coded.ok() ? "" : coded.error().message.c_str());
    QCOMPARE(coded->samples.size(), clicks.samples.size());
    const int lag = peakLag(clicks.samples, coded->samples);
    qInfo("clicks: lag %d samples, correlation %.3f", lag,
          correlation(clicks.samples, coded->samples));
    QVERIFY(std::abs(lag) <= 1);
    // A voice (periodic, so its correlation peaks every pitch period and the lag alone says
    // little) must still match the input closely at lag 0: the audio is there and in place.
    const PcmBuffer voice = voiced(2.0);
    auto coded_voice = ps::train::codecRoundTrip(voice, codec, bitrate_bps);
    QVERIFY(coded_voice.ok());
    const double r = correlation(voice.samples, coded_voice->samples);
    qInfo("voice: correlation %.3f at lag 0", r);
    QVERIFY(r > 0.8);
    // An odd length and a short clip come back at their length too.
    for (const size_t length : {size_t(1), size_t(999)}) {
        PcmBuffer input = voiced(0.1);
        input.samples.resize(length);
        auto coded = ps::train::codecRoundTrip(input, codec, bitrate_bps);
        QVERIFY(coded.ok());
        QCOMPARE(coded->samples.size(), length);
    }
}

void TestAudioAugment::lagMeasureFindsAShift() {
    // The alignment check above can fail: a copy delayed by 5 samples (or advanced by 3) is
    // found there.
    const PcmBuffer clicks = clickTrain(1.0);
    std::vector<float> late(clicks.samples.size(), 0.0f);
    std::copy(clicks.samples.begin(), clicks.samples.end() - 5, late.begin() + 5);
    QCOMPARE(peakLag(clicks.samples, late), 5);
    std::vector<float> early(clicks.samples.begin() + 3, clicks.samples.end());
    early.resize(clicks.samples.size(), 0.0f);
    QCOMPARE(peakLag(clicks.samples, early), -3);
}

void TestAudioAugment::noiseHasTheRequestedSnr_data() {
    QTest::addColumn<NoiseKind>("kind");
    QTest::addColumn<double>("snr_db");
    for (const NoiseKind kind : {NoiseKind::White, NoiseKind::Pink, NoiseKind::Babble}) {
        for (const double snr_db : {10.0, 25.0, 40.0}) {
            QTest::addRow("%s %g dB", ps::train::noiseKindName(kind).data(), snr_db)
                << kind << snr_db;
        }
    }
}

void TestAudioAugment::noiseHasTheRequestedSnr() {
    QFETCH(NoiseKind, kind);
    QFETCH(double, snr_db);
    const PcmBuffer clean = voiced(3.0);
    PcmBuffer noisy = clean;
    ps::SeededRandom random(5);
    ps::train::addNoise(noisy, kind, snr_db, random);
    std::vector<float> noise(clean.samples.size());
    for (size_t i = 0; i < noise.size(); ++i) {
        noise[i] = noisy.samples[i] - clean.samples[i];
    }
    const double measured = 10.0 * std::log10(meanSquare(clean.samples) / meanSquare(noise));
    QVERIFY2(std::abs(measured - snr_db) <= 1.0, qPrintable(QString::number(measured)));
}

void TestAudioAugment::snrIsRelativeToActiveSpeech() {
    // Speech for the first second, silence for the next: the noise is set against the speech's
    // level while it speaks, not against a level halved by the silence.
    PcmBuffer clean = voiced(1.0);
    const double speech_power = meanSquare(clean.samples);
    clean.samples.resize(2 * clean.samples.size(), 0.0f);
    PcmBuffer noisy = clean;
    ps::SeededRandom random(9);
    ps::train::addNoise(noisy, NoiseKind::White, 20.0, random);
    std::vector<float> noise(clean.samples.size());
    for (size_t i = 0; i < noise.size(); ++i) {
        noise[i] = noisy.samples[i] - clean.samples[i];
    }
    QVERIFY(std::abs(10.0 * std::log10(speech_power / meanSquare(noise)) - 20.0) <= 1.0);
    // Silence gets no noise: there is no level to be relative to.
    PcmBuffer silence = mono(std::vector<float>(1000, 0.0f));
    ps::train::addNoise(silence, NoiseKind::Pink, 10.0, random);
    QCOMPARE(meanSquare(silence.samples), 0.0);
}

void TestAudioAugment::musicSitsAtItsLevelBelowTheVoice() {
    const PcmBuffer clean = voiced(3.0, 0.2f);
    AugmentSettings settings = nothingEnabled();
    settings.music_probability = 1.0;
    for (uint64_t seed = 0; seed < 6; ++seed) {
        AugmentRecord record;
        const PcmBuffer mixed = augmented(clean, seed, settings, &record);
        QVERIFY(record.music_db.has_value());
        QVERIFY(*record.music_db >= 10.0 && *record.music_db <= 20.0);
        QVERIFY(record.describe().find("music") != std::string::npos);
        std::vector<float> music(clean.samples.size());
        for (size_t i = 0; i < music.size(); ++i) {
            music[i] = mixed.samples[i] - clean.samples[i];
        }
        const double below = 10.0 * std::log10(meanSquare(clean.samples) / meanSquare(music));
        QVERIFY2(std::abs(below - *record.music_db) <= 0.5,
                 qPrintable(QString("%1 against %2").arg(below).arg(*record.music_db)));
    }
    // The same seed gives the same music; another seed other music.
    ps::SeededRandom a(3), b(3), c(4);
    const std::vector<float> first = ps::train::makeMusic(16000, kRate, a);
    QVERIFY(first == ps::train::makeMusic(16000, kRate, b));
    QVERIFY(first != ps::train::makeMusic(16000, kRate, c));
    // Silence stays silent: there is no voice to sit below.
    PcmBuffer silence = mono(std::vector<float>(1000, 0.0f));
    ps::SeededRandom random(5);
    ps::train::addMusic(silence, 10.0, random);
    QCOMPARE(meanSquare(silence.samples), 0.0);
}

void TestAudioAugment::soundsWithoutSpeechAreQuietToLoud() {
    double quietest = 0.0, loudest = -100.0;
    for (uint64_t seed = 0; seed < 12; ++seed) {
        ps::SeededRandom random(seed);
        const PcmBuffer clip = ps::train::soundsWithoutSpeech(2.5, kRate, random);
        QCOMPARE(clip.sample_rate_hz, kRate);
        QCOMPARE(clip.channels, 1);
        QCOMPARE(clip.samples.size(), size_t(2.5 * kRate));
        const double rms_db = 10.0 * std::log10(meanSquare(clip.samples));
        QVERIFY2(rms_db >= -40.5 && rms_db <= -13.5, qPrintable(QString::number(rms_db)));
        quietest = std::min(quietest, rms_db);
        loudest = std::max(loudest, rms_db);
    }
    QVERIFY(loudest - quietest > 10.0);
}

void TestAudioAugment::augmentedNoiseMatchesItsRecord() {
    const PcmBuffer clean = voiced(2.0, 0.2f);
    AugmentSettings settings = nothingEnabled();
    settings.noise_probability = 1.0;
    for (uint64_t seed = 0; seed < 6; ++seed) {
        AugmentRecord record;
        const PcmBuffer noisy = augmented(clean, seed, settings, &record);
        QVERIFY(record.noise.has_value());
        QVERIFY(record.snr_db >= 10.0 && record.snr_db <= 40.0);
        std::vector<float> noise(clean.samples.size());
        for (size_t i = 0; i < noise.size(); ++i) {
            noise[i] = noisy.samples[i] - clean.samples[i];
        }
        const double measured = 10.0 * std::log10(meanSquare(clean.samples) / meanSquare(noise));
        QVERIFY2(std::abs(measured - record.snr_db) <= 1.0,
                 qPrintable(QString("%1: measured %2 dB")
                                .arg(QString::fromStdString(record.describe()))
                                .arg(measured)));
    }
}

void TestAudioAugment::noiseKindsHaveTheirCharacter() {
    // How much of a signal's power is in its sample-to-sample changes, relative to itself: 2 for
    // white noise, far less for noise whose power sits in the low frequencies.
    const auto roughness = [](const std::vector<float>& x) {
        std::vector<float> change(x.size() - 1);
        for (size_t i = 0; i + 1 < x.size(); ++i) {
            change[i] = x[i + 1] - x[i];
        }
        return meanSquare(change) / meanSquare(x);
    };
    // How much the power swings between 50 ms blocks: babble comes and goes, hiss does not.
    const auto swing = [](const std::vector<float>& x) {
        std::vector<double> powers;
        for (size_t start = 0; start + 800 <= x.size(); start += 800) {
            powers.push_back(meanSquare(std::vector<float>(
                x.begin() + static_cast<long>(start), x.begin() + static_cast<long>(start) + 800)));
        }
        double mean = 0.0;
        for (const double p : powers) {
            mean += p / static_cast<double>(powers.size());
        }
        double variance = 0.0;
        for (const double p : powers) {
            variance += (p - mean) * (p - mean) / static_cast<double>(powers.size());
        }
        return std::sqrt(variance) / mean;
    };
    ps::SeededRandom random(3);
    const auto white = ps::train::makeNoise(NoiseKind::White, 5 * kRate, kRate, random);
    const auto pink = ps::train::makeNoise(NoiseKind::Pink, 5 * kRate, kRate, random);
    const auto babble = ps::train::makeNoise(NoiseKind::Babble, 5 * kRate, kRate, random);
    qInfo("roughness: white %.2f, pink %.2f, babble %.2f; swing: white %.2f, babble %.2f",
          roughness(white), roughness(pink), roughness(babble), swing(white), swing(babble));
    QVERIFY(std::abs(roughness(white) - 2.0) < 0.1);
    QVERIFY(roughness(pink) < 0.5);
    QVERIFY(roughness(babble) < 1.0);
    QVERIFY(swing(white) < 0.1);
    QVERIFY(swing(babble) > 0.3);
}

void TestAudioAugment::reverbKeepsTheDirectSoundInPlace() {
    const PcmBuffer clicks = clickTrain(2.0);
    for (const double rt60 : {0.1, 0.8}) {
        PcmBuffer room = clicks;
        ps::SeededRandom random(11);
        ps::train::addReverb(room, rt60, 0.7, random);
        QCOMPARE(room.samples.size(), clicks.samples.size());
        QCOMPARE(peakLag(clicks.samples, room.samples), 0);
        QVERIFY(std::abs(meanSquare(room.samples) / meanSquare(clicks.samples) - 1.0) < 0.01);
        // The echo is there: between clicks, where the dry signal is silent, it is not.
        QCOMPARE(clicks.samples[1000], 0.0f);
        double between = 0.0;
        for (size_t i = 500; i < 1500; ++i) {
            between += std::abs(room.samples[i]);
        }
        QVERIFY(between > 0.5);
    }
    // A longer RT60 leaves more energy late: compare 200 … 400 ms after a lone click.
    PcmBuffer lone = mono(std::vector<float>(kRate, 0.0f));
    lone.samples[100] = 1.0f;
    const auto lateEnergy = [&](double rt60) {
        PcmBuffer room = lone;
        ps::SeededRandom random(4);
        ps::train::addReverb(room, rt60, 0.7, random);
        return meanSquare(
            std::vector<float>(room.samples.begin() + 3300, room.samples.begin() + 6500));
    };
    QVERIFY(lateEnergy(0.8) > 100.0 * lateEnergy(0.2));
}

void TestAudioAugment::equaliserShapesWithoutDelay() {
    const auto sine = [](double hz) {
        std::vector<float> x(kRate);
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] =
                0.3f * static_cast<float>(std::sin(2 * kPi * hz * static_cast<double>(i) / kRate));
        }
        return mono(std::move(x));
    };
    ps::train::EqualiserBands bands;
    bands.low_shelf_hz = 200.0;
    bands.low_shelf_db = -9.0;
    bands.high_shelf_hz = 5000.0;
    bands.high_shelf_db = 0.0;
    bands.peak_hz = 1000.0;
    bands.peak_q = 1.0;
    bands.peak_db = 6.0;
    const auto gainAt = [&](double hz) {
        const PcmBuffer dry = sine(hz);
        PcmBuffer wet = dry;
        ps::train::equalise(wet, bands);
        // Away from the edges, where the filters start and stop.
        const std::vector<float> a(dry.samples.begin() + 2000, dry.samples.end() - 2000);
        const std::vector<float> b(wet.samples.begin() + 2000, wet.samples.end() - 2000);
        return 10.0 * std::log10(meanSquare(b) / meanSquare(a));
    };
    qInfo("gain at 40 Hz %.1f dB, 1 kHz %.1f dB, 7 kHz %.1f dB", gainAt(40), gainAt(1000),
          gainAt(7000));
    QVERIFY(std::abs(gainAt(40) + 9.0) < 1.0);
    QVERIFY(std::abs(gainAt(1000) - 6.0) < 1.0);
    QVERIFY(std::abs(gainAt(7000)) < 1.0);
    // Zero phase: clicks come out where they went in.
    PcmBuffer clicks = clickTrain(1.0);
    const std::vector<float> dry = clicks.samples;
    ps::train::equalise(clicks, bands);
    QCOMPARE(peakLag(dry, clicks.samples), 0);
}

void TestAudioAugment::loudInputStaysInRange() {
    // A full-scale square wave, boosted by 6 dB, through every codec.
    std::vector<float> square(kRate);
    for (size_t i = 0; i < square.size(); ++i) {
        square[i] = (i / 40) % 2 == 0 ? 1.0f : -1.0f;
    }
    AugmentSettings settings = everythingEnabled();
    settings.min_gain_db = settings.max_gain_db = 6.0;
    settings.min_snr_db = settings.max_snr_db = 10.0;
    for (const LossyCodec codec : {LossyCodec::Opus, LossyCodec::Mp3, LossyCodec::Aac}) {
        settings.codecs = {codec};
        const PcmBuffer output = augmented(mono(square), 1, settings);
        float largest = 0.0f;
        for (const float x : output.samples) {
            largest = std::max(largest, std::abs(x));
        }
        QVERIFY(largest < 1.0f);
        QVERIFY(largest > 0.7f);  // limited, not attenuated away
    }
}

void TestAudioAugment::rejectsBadInput() {
    PcmBuffer stereo = voiced(0.2);
    stereo.channels = 2;
    QVERIFY(!ps::train::augment(stereo, 1).ok());
    QVERIFY(!ps::train::codecRoundTrip(stereo, LossyCodec::Opus, 16000).ok());
    PcmBuffer odd_rate = voiced(0.2);
    odd_rate.sample_rate_hz = 11111;
    const auto opus = ps::train::codecRoundTrip(odd_rate, LossyCodec::Opus, 16000);
    QVERIFY(!opus.ok());
    QVERIFY(QString::fromStdString(opus.error().message).contains("11111"));

    const auto rejected = [](const AugmentSettings& settings) {
        const std::string problem = ps::train::validateAugmentSettings(settings);
        return !problem.empty() && !ps::train::augment(voiced(0.1), 1, settings).ok();
    };
    QVERIFY(ps::train::validateAugmentSettings(AugmentSettings()).empty());
    AugmentSettings settings;
    settings.noise_probability = 1.5;
    QVERIFY(rejected(settings));
    settings = AugmentSettings();
    settings.min_rt60_s = 0.9;  // above the maximum
    QVERIFY(rejected(settings));
    settings = AugmentSettings();
    settings.codecs.clear();
    QVERIFY(rejected(settings));
    settings.codec_probability = 0.0;  // no codec wanted: no codec needed
    QVERIFY(!rejected(settings));
    settings = AugmentSettings();
    settings.min_snr_db = std::nan("");
    QVERIFY(rejected(settings));
}

void TestAudioAugment::speed() {
    const PcmBuffer input = voiced(10.0);
    for (const LossyCodec codec : {LossyCodec::Opus, LossyCodec::Mp3, LossyCodec::Aac}) {
        AugmentSettings settings = everythingEnabled();
        settings.codecs = {codec};
        settings.noise_kinds = {NoiseKind::Babble};       // the costliest noise
        settings.min_rt60_s = settings.max_rt60_s = 0.8;  // the longest room response
        QElapsedTimer timer;
        timer.start();
        constexpr int kRuns = 3;
        for (int run = 0; run < kRuns; ++run) {
            QVERIFY(ps::train::augment(input, static_cast<uint64_t>(run), settings).ok());
        }
        const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9 / kRuns;
        qInfo("%s, all stages: %.0f seconds of audio per second",
              ps::train::lossyCodecName(codec).data(), 10.0 / seconds);
        // Far faster than synthesis: augmentation must never be what a corpus waits for.
        QVERIFY(10.0 / seconds > 5.0);
    }
}

QTEST_GUILESS_MAIN(TestAudioAugment)
#include "TestAudioAugment.moc"
