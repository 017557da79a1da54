// Blink timing over ten minutes of made-up speech: phrases of 1.5 to 5 s between pauses of 0.3
// to 1.2 s. The rate, durations and spacing must be natural, blinks must gather in the pauses,
// repeat exactly for a seed, and show fully closed in the video's frames.
#include <QtTest>
#include <algorithm>
#include <random>
#include <vector>

#include "voice/BlinkSchedule.h"

namespace {

constexpr double kTenMinutes_s = 600.0;

std::vector<ps::Pause> speechPauses(double duration_s, unsigned seed) {
    std::mt19937 generator(seed);
    std::uniform_real_distribution<double> phrase(1.5, 5.0), gap(0.3, 1.2);
    std::vector<ps::Pause> pauses;
    double t = phrase(generator);
    while (t < duration_s) {
        const double end = std::min(duration_s, t + gap(generator));
        pauses.push_back({t, end});
        t = end + phrase(generator);
    }
    return pauses;
}

double shareOfTime(const std::vector<ps::Pause>& pauses, double duration_s) {
    double total = 0.0;
    for (const ps::Pause& p : pauses) {
        total += p.duration_s();
    }
    return total / duration_s;
}

bool insideAPause(const std::vector<ps::Pause>& pauses, double t) {
    return std::any_of(pauses.begin(), pauses.end(),
                       [t](const ps::Pause& p) { return t >= p.start_s && t < p.end_s; });
}

std::vector<ps::Blink> blinksFor(const std::vector<ps::Pause>& pauses, double duration_s,
                                 const ps::BlinkSettings& settings) {
    const ps::Result<std::vector<ps::Blink>> blinks =
        ps::scheduleBlinks(pauses, duration_s, settings);
    if (!blinks.ok()) {
        qFatal("%s", blinks.error().message.c_str());
    }
    return *blinks;
}

bool sameBlinks(const std::vector<ps::Blink>& a, const std::vector<ps::Blink>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const ps::Blink& x, const ps::Blink& y) {
                          return x.start_s == y.start_s && x.duration_s == y.duration_s;
                      });
}

}  // namespace

class TestBlinkSchedule : public QObject {
    Q_OBJECT

private slots:
    void naturalRateDurationsAndSpacing_data();
    void naturalRateDurationsAndSpacing();
    void rateIsConfigurable();
    void blinksGatherInPauses();
    void sameSeedSameBlinks();
    void closesFastAndOpensSlower();
    void everyBlinkShowsClosed_data();
    void everyBlinkShowsClosed();
    void rejectsWrongInput();
};

void TestBlinkSchedule::naturalRateDurationsAndSpacing_data() {
    QTest::addColumn<bool>("with_pauses");
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 0; seed < 5; ++seed) {
        QTest::newRow(qPrintable(QString("speech, seed %1").arg(seed))) << true << seed;
        QTest::newRow(qPrintable(QString("no pauses, seed %1").arg(seed))) << false << seed;
    }
}

void TestBlinkSchedule::naturalRateDurationsAndSpacing() {
    QFETCH(bool, with_pauses);
    QFETCH(quint64, seed);
    const std::vector<ps::Pause> pauses =
        with_pauses ? speechPauses(kTenMinutes_s, 5u) : std::vector<ps::Pause>();
    ps::BlinkSettings settings;
    settings.seed = seed;
    const std::vector<ps::Blink> blinks = blinksFor(pauses, kTenMinutes_s, settings);
    const double per_minute = blinks.size() / 10.0;
    qInfo("%.1f blinks per minute", per_minute);
    QVERIFY(per_minute >= 15.0 && per_minute <= 20.0);
    for (size_t i = 0; i < blinks.size(); ++i) {
        QVERIFY(blinks[i].duration_s >= 0.1 && blinks[i].duration_s <= 0.3);
        QVERIFY(blinks[i].start_s >= 0.0 && blinks[i].start_s < kTenMinutes_s);
        if (i > 0) {
            QVERIFY2(blinks[i].start_s - blinks[i - 1].start_s >= 0.5,
                     qPrintable(QString("blinks at %1 and %2 s")
                                    .arg(blinks[i - 1].start_s)
                                    .arg(blinks[i].start_s)));
        }
    }
}

void TestBlinkSchedule::rateIsConfigurable() {
    ps::BlinkSettings settings;
    settings.rate_per_min = 30.0;
    const std::vector<ps::Pause> pauses = speechPauses(kTenMinutes_s, 6u);
    const double per_minute = blinksFor(pauses, kTenMinutes_s, settings).size() / 10.0;
    qInfo("%.1f blinks per minute asked 30", per_minute);
    QVERIFY(per_minute >= 27.0 && per_minute <= 33.0);
    settings.rate_per_min = 0.0;
    QVERIFY(blinksFor(pauses, kTenMinutes_s, settings).empty());
}

void TestBlinkSchedule::blinksGatherInPauses() {
    for (unsigned speech_seed : {5u, 6u, 7u}) {
        const std::vector<ps::Pause> pauses = speechPauses(kTenMinutes_s, speech_seed);
        const double pause_share = shareOfTime(pauses, kTenMinutes_s);
        ps::BlinkSettings settings;
        settings.seed = speech_seed;
        const std::vector<ps::Blink> blinks = blinksFor(pauses, kTenMinutes_s, settings);
        const double in_pauses = double(std::count_if(blinks.begin(), blinks.end(),
                                                      [&](const ps::Blink& b) {
                                                          return insideAPause(pauses, b.start_s);
                                                      })) /
                                 blinks.size();
        qInfo("pauses are %.0f%% of the time and hold %.0f%% of blink starts", 100.0 * pause_share,
              100.0 * in_pauses);
        QVERIFY(in_pauses > 1.5 * pause_share);

        // Without the pull into pauses, blinks land in them about as often as chance would.
        settings.pause_reach_s = 0.0;
        const std::vector<ps::Blink> anywhere = blinksFor(pauses, kTenMinutes_s, settings);
        const double by_chance = double(std::count_if(anywhere.begin(), anywhere.end(),
                                                      [&](const ps::Blink& b) {
                                                          return insideAPause(pauses, b.start_s);
                                                      })) /
                                 anywhere.size();
        QVERIFY(by_chance < in_pauses);
    }
}

void TestBlinkSchedule::sameSeedSameBlinks() {
    const std::vector<ps::Pause> pauses = speechPauses(kTenMinutes_s, 5u);
    ps::BlinkSettings settings;
    settings.seed = 42;
    const std::vector<ps::Blink> first = blinksFor(pauses, kTenMinutes_s, settings);
    QVERIFY(sameBlinks(first, blinksFor(pauses, kTenMinutes_s, settings)));
    settings.seed = 43;
    QVERIFY(!sameBlinks(first, blinksFor(pauses, kTenMinutes_s, settings)));

    // The Prosody overload reads the same pauses and duration.
    ps::Prosody prosody;
    prosody.pauses = pauses;
    prosody.duration_s = kTenMinutes_s;
    settings.seed = 42;
    const ps::Result<std::vector<ps::Blink>> from_prosody = ps::scheduleBlinks(prosody, settings);
    QVERIFY(from_prosody.ok());
    QVERIFY(sameBlinks(first, *from_prosody));
}

void TestBlinkSchedule::closesFastAndOpensSlower() {
    const ps::Blink blink{1.0, 0.2};
    QCOMPARE(ps::blinkClosure(blink, 0.99), 0.0f);
    QCOMPARE(ps::blinkClosure(blink, 1.0), 0.0f);
    QCOMPARE(ps::blinkClosure(blink, 1.2), 0.0f);
    // Sampled every 0.1 ms: how long the lid takes from open to shut, and from shut to open.
    double shut_at = -1.0, open_at = -1.0;
    float previous = 0.0f;
    for (int i = 0; i <= 2000; ++i) {
        const double t = 1.0 + i * 1e-4;
        const float closure = ps::blinkClosure(blink, t);
        QVERIFY(closure >= 0.0f && closure <= 1.0f);
        if (closure == 1.0f && shut_at < 0.0) {
            shut_at = t;
        }
        if (previous == 1.0f && closure < 1.0f) {
            open_at = t;
        }
        previous = closure;
    }
    QVERIFY(shut_at > 1.0 && open_at > shut_at);
    const double closing_s = shut_at - 1.0, opening_s = 1.2 - open_at;
    qInfo("closes in %.0f ms, opens in %.0f ms", 1000 * closing_s, 1000 * opening_s);
    QVERIFY(opening_s > 1.5 * closing_s);
}

void TestBlinkSchedule::everyBlinkShowsClosed_data() {
    QTest::addColumn<double>("fps");
    QTest::newRow("24") << 24.0;
    QTest::newRow("25") << 25.0;
    QTest::newRow("30") << 30.0;
    QTest::newRow("60") << 60.0;
}

void TestBlinkSchedule::everyBlinkShowsClosed() {
    QFETCH(double, fps);
    const std::vector<ps::Pause> pauses = speechPauses(kTenMinutes_s, 5u);
    const std::vector<ps::Blink> blinks = blinksFor(pauses, kTenMinutes_s, {});
    const int64_t frames = static_cast<int64_t>(kTenMinutes_s * fps);
    const ps::Result<std::vector<float>> weights = ps::blinkWeights(blinks, fps, frames);
    QVERIFY(weights.ok());
    QCOMPARE(int64_t(weights->size()), frames);

    std::vector<bool> near_a_blink(weights->size(), false);
    for (const ps::Blink& blink : blinks) {
        float peak = 0.0f;
        for (int64_t k = 0; k < frames; ++k) {
            const double t = k / fps;
            if (t > blink.start_s - 1.0 / fps && t < blink.start_s + blink.duration_s + 1.0 / fps) {
                peak = std::max(peak, (*weights)[k]);
                near_a_blink[k] = true;
            }
        }
        QVERIFY2(peak >= 0.95f, qPrintable(QString("blink at %1 s").arg(blink.start_s)));
    }
    // Open everywhere else, and never outside 0 .. 1.
    for (size_t k = 0; k < weights->size(); ++k) {
        QVERIFY((*weights)[k] >= 0.0f && (*weights)[k] <= 1.0f);
        if (!near_a_blink[k]) {
            QCOMPARE((*weights)[k], 0.0f);
        }
    }
}

void TestBlinkSchedule::rejectsWrongInput() {
    ps::BlinkSettings settings;
    settings.rate_per_min = -1.0;
    QCOMPARE(ps::scheduleBlinks({}, 10.0, settings).error().kind, ps::ErrorKind::BadInput);
    settings.rate_per_min = 100.0;  // a blink every 0.6 s cannot keep 0.5 s gaps irregular
    QCOMPARE(ps::scheduleBlinks({}, 10.0, settings).error().kind, ps::ErrorKind::BadInput);
    QCOMPARE(ps::scheduleBlinks({}, -1.0).error().kind, ps::ErrorKind::BadInput);
    QCOMPARE(ps::blinkWeights({}, 0.0, 10).error().kind, ps::ErrorKind::BadInput);
    QCOMPARE(ps::blinkWeights({}, 25.0, -1).error().kind, ps::ErrorKind::BadInput);
    const ps::Result<std::vector<ps::Blink>> none = ps::scheduleBlinks({}, 0.0);
    QVERIFY(none.ok());
    QVERIFY(none->empty());
}

QTEST_GUILESS_MAIN(TestBlinkSchedule)
#include "TestBlinkSchedule.moc"
