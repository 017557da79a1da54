// Smoothing keys: a noisy sine's keys come closer to the clean sine, a step stays where it was
// (zero phase), the cutoff is the half-power point, unselected keys and every key's time keep
// their values, undo is exact, and bad requests change nothing.
#include <QtTest>
#include <cmath>
#include <limits>

#include "Keys.h"
#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"
#include "motion/SmoothKeys.h"
#include "runtime/SeededRandom.h"

using namespace ps;

namespace {

constexpr double kPi = 3.14159265358979323846;

double cleanSine(double t) {
    return 0.5 + 0.3 * std::sin(2.0 * kPi * 1.0 * t);
}

// A document with one curve on the jaw holding `keys`.
MotionDocument documentWith(std::vector<Keyframe> keys) {
    MotionDocument document;
    document.duration_s = 10.0;
    KeyframeCurve curve;
    curve.id = document.newId();
    curve.channel = int(Blendshape::JawOpen);
    curve.blend = BlendMode::Override;
    curve.keys = std::move(keys);
    document.curves.push_back(curve);
    return document;
}

// Keys on a 1 Hz sine with Gaussian noise; `uneven` jitters their times by up to 40 % of a frame.
std::vector<Keyframe> noisySine(double fps, double duration_s, double noise, bool uneven,
                                uint64_t seed) {
    SeededRandom random(seed);
    std::vector<Keyframe> keys;
    for (int k = 0; k <= int(duration_s * fps); ++k) {
        const double t = (double(k) + (uneven && k > 0 ? random.uniform(-0.4, 0.4) : 0.0)) / fps;
        keys.push_back(key(t, float(cleanSine(t) + noise * random.gaussian())));
    }
    return keys;
}

// RMS distance of the keys from the clean sine, over the keys at least `margin_s` from either
// end (where the held ends pull the filter towards the end values).
double rmsFromSine(const std::vector<Keyframe>& keys, double margin_s) {
    double sum = 0.0;
    int count = 0;
    for (const Keyframe& k : keys) {
        if (k.t_s >= keys.front().t_s + margin_s && k.t_s <= keys.back().t_s - margin_s) {
            sum += std::pow(double(k.value) - cleanSine(k.t_s), 2.0);
            ++count;
        }
    }
    return std::sqrt(sum / count);
}

// The curve the smoothed edit leaves, applied to a copy.
std::vector<Keyframe> smoothedKeys(const MotionDocument& document, double cutoff_hz,
                                   const std::vector<double>& times = {}) {
    MotionDocument copy = document;
    Result<SmoothedKeys> smoothed = smoothKeys(copy, copy.curves.front().id, times, cutoff_hz);
    if (!smoothed.ok() || !applyEdit(copy, smoothed->edit).ok()) {
        return {};
    }
    return copy.curves.front().keys;
}

// Where the linear curve through `keys` first rises through `level`.
double crossing(const std::vector<Keyframe>& keys, float level) {
    for (size_t k = 1; k < keys.size(); ++k) {
        if (keys[k - 1].value < level && keys[k].value >= level) {
            const double u =
                double(level - keys[k - 1].value) / double(keys[k].value - keys[k - 1].value);
            return keys[k - 1].t_s + u * (keys[k].t_s - keys[k - 1].t_s);
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::string savedForm(const MotionDocument& document) {
    return motionDocumentToJson(document).dump();
}

}  // namespace

class TestSmoothKeys : public QObject {
    Q_OBJECT

private slots:
    void aNoisySineComesCloser_data() {
        QTest::addColumn<double>("fps");
        QTest::addColumn<bool>("uneven");
        QTest::addColumn<double>("factor");  // at least this much closer
        QTest::newRow("25 fps") << 25.0 << false << 1.8;
        QTest::newRow("60 fps") << 60.0 << false << 2.5;
        QTest::newRow("60 fps, uneven") << 60.0 << true << 2.5;
    }

    void aNoisySineComesCloser() {
        QFETCH(double, fps);
        QFETCH(bool, uneven);
        QFETCH(double, factor);
        const MotionDocument document = documentWith(noisySine(fps, 6.0, 0.05, uneven, 11));
        const std::vector<Keyframe> after = smoothedKeys(document, 3.0);
        QCOMPARE(after.size(), document.curves.front().keys.size());
        const double before_rms = rmsFromSine(document.curves.front().keys, 0.5);
        const double after_rms = rmsFromSine(after, 0.5);
        qInfo("%g fps%s: RMS from the sine %.4f -> %.4f (%.2fx closer)", fps,
              uneven ? ", uneven" : "", before_rms, after_rms, before_rms / after_rms);
        QVERIFY2(before_rms / after_rms >= factor,
                 qPrintable(QString::number(before_rms / after_rms)));
        for (size_t k = 0; k < after.size(); ++k) {
            QCOMPARE(after[k].t_s, document.curves.front().keys[k].t_s);  // times stay
        }
    }

    void aStepStaysInPlace_data() {
        QTest::addColumn<double>("cutoff_hz");
        QTest::newRow("1 Hz") << 1.0;
        QTest::newRow("3 Hz") << 3.0;
        QTest::newRow("8 Hz") << 8.0;
    }

    void aStepStaysInPlace() {
        QFETCH(double, cutoff_hz);
        // 0 until 2 s, 1 from the next frame, keys every frame at 25 fps.
        std::vector<Keyframe> keys;
        for (int k = 0; k <= 100; ++k) {
            keys.push_back(key(k / 25.0, k <= 50 ? 0.0f : 1.0f));
        }
        const MotionDocument document = documentWith(keys);
        const double before = crossing(keys, 0.5f);
        const std::vector<Keyframe> after = smoothedKeys(document, cutoff_hz);
        const double moved = crossing(after, 0.5f) - before;
        qInfo("%g Hz: the step's 50 %% point moved %.2g s", cutoff_hz, moved);
        QVERIFY2(std::abs(moved) < 1.0 / 25.0, qPrintable(QString::number(moved)));
        // It was smoothed, and never overshoots (a weight stays within 0..1).
        QVERIFY(after[49].value > 0.0f && after[52].value < 1.0f);
        for (const Keyframe& k : after) {
            QVERIFY(k.value >= 0.0f && k.value <= 1.0f);
        }
    }

    void theCutoffIsTheHalfPowerPoint() {
        // A 4 Hz sine keyed at 100 fps over 10 s, smoothed at 4 Hz, keeps 1/√2 of its amplitude.
        std::vector<Keyframe> keys;
        for (int k = 0; k <= 1000; ++k) {
            keys.push_back(key(k / 100.0, float(std::sin(2.0 * kPi * 4.0 * k / 100.0))));
        }
        const std::vector<Keyframe> after = smoothedKeys(documentWith(keys), 4.0);
        float peak = 0.0f;
        for (size_t k = 200; k <= 800; ++k) {
            peak = std::max(peak, std::abs(after[k].value));
        }
        QVERIFY2(std::abs(peak - float(std::sqrt(0.5))) < 0.02f, qPrintable(QString::number(peak)));
    }

    void aConstantStaysPut() {
        const std::vector<Keyframe> keys = {key(0.0, 0.4f), key(0.3, 0.4f, Interpolation::Ease),
                                            key(1.7, 0.4f, Interpolation::Step), key(2.0, 0.4f)};
        for (const Keyframe& k : smoothedKeys(documentWith(keys), 2.0)) {
            QVERIFY(std::abs(k.value - 0.4f) < 1e-6f);
        }
    }

    void onlyTheChosenKeysChange() {
        const MotionDocument document = documentWith(noisySine(25.0, 4.0, 0.05, false, 3));
        const std::vector<Keyframe>& before = document.curves.front().keys;
        const std::vector<double> chosen = {before[20].t_s, before[21].t_s + 5e-7, before[40].t_s};
        MotionDocument copy = document;
        Result<SmoothedKeys> smoothed = smoothKeys(copy, copy.curves.front().id, chosen, 3.0);
        QVERIFY(smoothed.ok());
        QCOMPARE(smoothed->smoothed, size_t(3));
        QCOMPARE(smoothed->key_count, before.size());
        QVERIFY(smoothed->largest_change > 0.0f);
        const std::string original = savedForm(copy);
        Result<MotionEdit> undo = applyEdit(copy, smoothed->edit);
        QVERIFY(undo.ok());
        const std::vector<Keyframe>& after = copy.curves.front().keys;
        for (size_t k = 0; k < before.size(); ++k) {
            const bool picked = k == 20 || k == 21 || k == 40;
            QCOMPARE(after[k].t_s, before[k].t_s);
            QCOMPARE(after[k].interpolation, before[k].interpolation);
            if (picked) {
                QVERIFY(after[k].value != before[k].value);
            } else {
                QCOMPARE(after[k].value, before[k].value);
            }
        }
        // Undo restores every byte of the document.
        QVERIFY(applyEdit(copy, *undo).ok());
        QCOMPARE(savedForm(copy), original);
    }

    void badRequestsAreRefused_data() {
        QTest::addColumn<quint64>("curve");
        QTest::addColumn<double>("cutoff_hz");
        QTest::addColumn<double>("key_time");  // NaN: every key
        QTest::addColumn<bool>("empty_curve");
        const double all = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("unknown curve") << quint64(42) << 3.0 << all << false;
        QTest::newRow("no curve id") << quint64(0) << 3.0 << all << false;
        QTest::newRow("cutoff 0") << quint64(1) << 0.0 << all << false;
        QTest::newRow("cutoff negative") << quint64(1) << -2.0 << all << false;
        QTest::newRow("cutoff not a number")
            << quint64(1) << std::numeric_limits<double>::quiet_NaN() << all << false;
        QTest::newRow("cutoff infinite")
            << quint64(1) << std::numeric_limits<double>::infinity() << all << false;
        QTest::newRow("not a key") << quint64(1) << 3.0 << 0.123 << false;
        QTest::newRow("no keys") << quint64(1) << 3.0 << all << true;
    }

    void badRequestsAreRefused() {
        QFETCH(quint64, curve);
        QFETCH(double, cutoff_hz);
        QFETCH(double, key_time);
        QFETCH(bool, empty_curve);
        const MotionDocument document =
            documentWith(empty_curve ? std::vector<Keyframe>{}
                                     : std::vector<Keyframe>{key(0.0, 0.1f), key(1.0, 0.5f)});
        const std::vector<double> times =
            std::isnan(key_time) ? std::vector<double>{} : std::vector<double>{key_time};
        const Result<SmoothedKeys> smoothed = smoothKeys(document, curve, times, cutoff_hz);
        QVERIFY(!smoothed.ok());
        QCOMPARE(smoothed.error().kind, ErrorKind::BadInput);
        QVERIFY(!smoothed.error().message.empty());
    }
};

QTEST_GUILESS_MAIN(TestSmoothKeys)
#include "TestSmoothKeys.moc"
