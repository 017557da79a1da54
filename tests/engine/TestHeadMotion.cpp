// Head motion from prosody made up here: phrases of syllables, loud and quiet, between
// silences. Motion must follow the voice (more while speaking, more when loud, nods on stressed
// syllables), settle in silence, stay smooth and in range, and repeat exactly for a seed.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <vector>

#include "voice/HeadMotion.h"

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Phrase {
    double start_s;
    double end_s;
    float peak_db;  // loudness of an unstressed syllable's peak
};

// Speech at ~4.5 syllables per second: each syllable's loudness a sin^2 bump from 25 dB below
// its peak, every third syllable stressed (4 dB louder, pitch 3 semitones up), voiced through
// its middle. Outside the phrases, a silent room at -70 dB.
ps::Prosody makeProsody(const std::vector<Phrase>& phrases, double duration_s) {
    const double syllable_s[] = {0.22, 0.18, 0.27, 0.20, 0.25};
    ps::Prosody prosody;
    prosody.duration_s = duration_s;
    const size_t count = static_cast<size_t>(duration_s * 100.0) + 1;
    prosody.frames.resize(count);
    for (ps::ProsodyFrame& frame : prosody.frames) {
        frame.loudness_db = -70.0f;
    }
    for (const Phrase& phrase : phrases) {
        double start = phrase.start_s;
        for (int syllable = 0; start < phrase.end_s; ++syllable) {
            const double length = std::min(syllable_s[syllable % 5], phrase.end_s - start);
            const bool stressed = syllable % 3 == 0;
            for (size_t i = size_t(std::ceil(start * 100.0));
                 i < count && i / 100.0 < start + length; ++i) {
                const double phase = (i / 100.0 - start) / length;
                const double bump = std::pow(std::sin(kPi * phase), 2.0);
                ps::ProsodyFrame& frame = prosody.frames[i];
                frame.speech = true;
                frame.loudness_db = static_cast<float>(phrase.peak_db - 25.0 +
                                                       (25.0 + (stressed ? 4.0 : 0.0)) * bump);
                frame.voiced = phase > 0.15 && phase < 0.85;
                frame.pitch_hz = frame.voiced ? (stressed ? 166.0f : 140.0f) : 0.0f;
            }
            start += length;
        }
    }
    return prosody;
}

// 3 s silence, 8 s loud speech, 6 s silence, 8 s quiet speech, 5 s silence.
const std::vector<Phrase> kPhrases = {{3.0, 11.0, -15.0f}, {17.0, 25.0, -35.0f}};
constexpr double kDuration_s = 30.0;

ps::HeadMotion motionOf(const ps::HeadMotionSettings& settings, double fps = 25.0) {
    const ps::Prosody prosody = makeProsody(kPhrases, kDuration_s);
    const int64_t frames = static_cast<int64_t>(std::round(kDuration_s * fps));
    ps::Result<ps::HeadMotion> motion = ps::headMotionFromProsody(prosody, fps, frames, settings);
    if (!motion.ok()) {
        qFatal("%s", motion.error().message.c_str());
    }
    return std::move(motion).value();
}

// RMS of the angular speed (degrees per second, all three axes together) over [a, b).
double rmsSpeed(const ps::HeadMotion& motion, double a, double b) {
    double sum = 0.0;
    int n = 0;
    for (size_t k = 1; k < motion.rotation_deg.size(); ++k) {
        const double t = k / motion.fps;
        if (t >= a && t < b) {
            const glm::vec3 step = motion.rotation_deg[k] - motion.rotation_deg[k - 1];
            sum += glm::dot(step, step) * motion.fps * motion.fps;
            ++n;
        }
    }
    return std::sqrt(sum / n);
}

float largestOn(const ps::HeadMotion& motion, int axis, double a, double b) {
    float largest = 0.0f;
    for (size_t k = 0; k < motion.rotation_deg.size(); ++k) {
        const double t = k / motion.fps;
        if (t >= a && t < b) {
            largest = std::max(largest, std::abs(motion.rotation_deg[k][axis]));
        }
    }
    return largest;
}

bool identical(const ps::HeadMotion& a, const ps::HeadMotion& b) {
    if (a.rotation_deg.size() != b.rotation_deg.size()) {
        return false;
    }
    for (size_t k = 0; k < a.rotation_deg.size(); ++k) {
        if (a.rotation_deg[k] != b.rotation_deg[k]) {
            return false;
        }
    }
    return true;
}

}  // namespace

class TestHeadMotion : public QObject {
    Q_OBJECT

private slots:
    void oneFramePerVideoFrame();
    void sameSeedSameMotion();
    void differentSeedsDiffer();
    void speechMovesMoreThanSilence();
    void loudMovesMoreThanQuiet();
    void nodsLandOnStressedSyllables();
    void settlesSlowlyWhenTheVoiceStops();
    void swayAloneIsSlowAndSmall();
    void intensityZeroIsRest();
    void smoothAndInRange_data();
    void smoothAndInRange();
    void rejectsWrongInput();
};

void TestHeadMotion::oneFramePerVideoFrame() {
    const ps::HeadMotion motion = motionOf({}, 29.97);
    QCOMPARE(motion.fps, 29.97);
    QCOMPARE(motion.rotation_deg.size(), size_t(std::round(kDuration_s * 29.97)));
    // Frames past the end of the voice are allowed, and are silence.
    const ps::Prosody prosody = makeProsody(kPhrases, kDuration_s);
    const ps::Result<ps::HeadMotion> longer = ps::headMotionFromProsody(prosody, 25.0, 1000);
    QVERIFY(longer.ok());
    QCOMPARE(longer->rotation_deg.size(), size_t(1000));
    const ps::Result<ps::HeadMotion> none = ps::headMotionFromProsody(prosody, 25.0, 0);
    QVERIFY(none.ok());
    QVERIFY(none->rotation_deg.empty());
}

void TestHeadMotion::sameSeedSameMotion() {
    ps::HeadMotionSettings settings;
    settings.seed = 7;
    QVERIFY(identical(motionOf(settings), motionOf(settings)));
}

void TestHeadMotion::differentSeedsDiffer() {
    ps::HeadMotionSettings a, b;
    a.seed = 7;
    b.seed = 8;
    const ps::HeadMotion first = motionOf(a), second = motionOf(b);
    float largest = 0.0f;
    for (size_t k = 0; k < first.rotation_deg.size(); ++k) {
        const glm::vec3 d = first.rotation_deg[k] - second.rotation_deg[k];
        largest = std::max({largest, std::abs(d.x), std::abs(d.y), std::abs(d.z)});
    }
    QVERIFY2(largest > 0.3f, qPrintable(QString("largest difference %1").arg(largest)));
}

void TestHeadMotion::speechMovesMoreThanSilence() {
    for (uint64_t seed : {1u, 2u, 3u}) {
        ps::HeadMotionSettings settings;
        settings.seed = seed;
        const ps::HeadMotion motion = motionOf(settings);
        const double speaking = rmsSpeed(motion, 3.0, 11.0);
        // The silence after the loud phrase, once it has had 1.5 s to settle.
        const double settled = rmsSpeed(motion, 12.5, 17.0);
        const double before = rmsSpeed(motion, 0.0, 3.0);
        qInfo("seed %d: %.2f deg/s speaking, %.2f and %.2f in silence", int(seed), speaking,
              settled, before);
        QVERIFY(speaking > 3.0 * settled);
        QVERIFY(speaking > 3.0 * before);
    }
}

void TestHeadMotion::loudMovesMoreThanQuiet() {
    for (uint64_t seed : {1u, 2u, 3u}) {
        ps::HeadMotionSettings settings;
        settings.seed = seed;
        const ps::HeadMotion motion = motionOf(settings);
        const double loud = rmsSpeed(motion, 3.0, 11.0);
        const double quiet = rmsSpeed(motion, 17.0, 25.0);
        qInfo("seed %d: %.2f deg/s loud, %.2f quiet", int(seed), loud, quiet);
        QVERIFY(loud > 1.4 * quiet);
    }
}

void TestHeadMotion::nodsLandOnStressedSyllables() {
    // Nods alone: the head dips (positive pitch) during speech and is still between phrases.
    ps::HeadMotionSettings settings;
    settings.speech = 0.0f;
    settings.sway = 0.0f;
    const ps::HeadMotion motion = motionOf(settings);
    float deepest = 0.0f;
    for (const glm::vec3& r : motion.rotation_deg) {
        deepest = std::max(deepest, r.x);
        QVERIFY(r.x >= 0.0f);  // a nod goes down and comes back; it never lifts the head
    }
    QVERIFY2(deepest > 1.0f && deepest < 4.0f, qPrintable(QString("deepest nod %1").arg(deepest)));
    // Before the voice, nothing; a nod may start up to its rise (~0.2 s) ahead of its syllable.
    QCOMPARE(largestOn(motion, 0, 0.0, 2.7), 0.0f);
    QVERIFY(largestOn(motion, 0, 13.0, 16.7) < 0.05f);

    // Each dip's lowest point is near a stressed syllable's peak: the first syllable of a
    // three (0.22 + 0.18 + 0.27 s, then 0.20 + 0.25 + 0.22, ...) peaks mid-way through it.
    std::vector<double> stressed_peaks;
    for (const Phrase& phrase : kPhrases) {
        const double syllable_s[] = {0.22, 0.18, 0.27, 0.20, 0.25};
        double start = phrase.start_s;
        for (int s = 0; start < phrase.end_s; ++s) {
            if (s % 3 == 0) {
                stressed_peaks.push_back(start + syllable_s[s % 5] / 2.0);
            }
            start += syllable_s[s % 5];
        }
    }
    int dips = 0;
    for (size_t k = 1; k + 1 < motion.rotation_deg.size(); ++k) {
        const float x = motion.rotation_deg[k].x;
        if (x > 0.3f && x >= motion.rotation_deg[k - 1].x && x > motion.rotation_deg[k + 1].x) {
            const double t = k / motion.fps;
            double nearest = 1e9;
            for (double peak : stressed_peaks) {
                nearest = std::min(nearest, std::abs(peak - t));
            }
            QVERIFY2(nearest <= 0.1, qPrintable(QString("dip at %1 s").arg(t)));
            ++dips;
        }
    }
    qInfo("%d nods", dips);
    QVERIFY(dips >= 10);
}

void TestHeadMotion::settlesSlowlyWhenTheVoiceStops() {
    // The movement that follows the voice, alone: still moving just after the loud phrase ends
    // at 11 s, at rest a few seconds later.
    for (uint64_t seed : {1u, 2u, 3u}) {
        ps::HeadMotionSettings settings;
        settings.nods = 0.0f;
        settings.sway = 0.0f;
        settings.seed = seed;
        const ps::HeadMotion motion = motionOf(settings);
        float just_after = 0.0f, later = 0.0f;
        for (int axis = 0; axis < 3; ++axis) {
            just_after = std::max(just_after, largestOn(motion, axis, 11.0, 11.5));
            later = std::max(later, largestOn(motion, axis, 14.0, 16.5));
        }
        qInfo("seed %d: %.3f deg just after the voice, %.4f deg 3 s later", int(seed), just_after,
              later);
        QVERIFY(just_after > 0.2f);
        QVERIFY(later < 0.05f);
    }
}

void TestHeadMotion::swayAloneIsSlowAndSmall() {
    for (uint64_t seed : {1u, 2u, 3u, 4u}) {
        ps::HeadMotionSettings settings;
        settings.nods = 0.0f;
        settings.speech = 0.0f;
        settings.seed = seed;
        const ps::Prosody silence = makeProsody({}, 120.0);
        const ps::Result<ps::HeadMotion> motion =
            ps::headMotionFromProsody(silence, 25.0, 3000, settings);
        QVERIFY(motion.ok());
        for (int axis = 0; axis < 3; ++axis) {
            const float largest = largestOn(*motion, axis, 0.0, 120.0);
            QVERIFY2(largest > 0.1f && largest <= 2.0f,
                     qPrintable(QString("axis %1: %2").arg(axis).arg(largest)));
        }
        // Periods of several seconds: a couple of degrees per second at most.
        QVERIFY(rmsSpeed(*motion, 0.0, 120.0) < 2.0);
    }
}

void TestHeadMotion::intensityZeroIsRest() {
    ps::HeadMotionSettings off;
    off.overall = 0.0f;
    for (const glm::vec3& r : motionOf(off).rotation_deg) {
        QVERIFY(r == glm::vec3(0.0f));
    }
    ps::HeadMotionSettings parts_off;
    parts_off.nods = parts_off.speech = parts_off.sway = 0.0f;
    for (const glm::vec3& r : motionOf(parts_off).rotation_deg) {
        QVERIFY(r == glm::vec3(0.0f));
    }
}

void TestHeadMotion::smoothAndInRange_data() {
    QTest::addColumn<double>("fps");
    QTest::newRow("24") << 24.0;
    QTest::newRow("25") << 25.0;
    QTest::newRow("29.97") << 30000.0 / 1001.0;
    QTest::newRow("60") << 60.0;
}

void TestHeadMotion::smoothAndInRange() {
    QFETCH(double, fps);
    double largest_step = 0.0, largest_angle = 0.0;
    for (uint64_t seed = 0; seed < 8; ++seed) {
        ps::HeadMotionSettings settings;
        settings.seed = seed;
        const ps::HeadMotion motion = motionOf(settings, fps);
        for (size_t k = 0; k < motion.rotation_deg.size(); ++k) {
            for (int axis = 0; axis < 3; ++axis) {
                largest_angle =
                    std::max(largest_angle, double(std::abs(motion.rotation_deg[k][axis])));
                if (k > 0) {
                    const double step =
                        std::abs(motion.rotation_deg[k][axis] - motion.rotation_deg[k - 1][axis]);
                    largest_step = std::max(largest_step, step);
                }
            }
        }
    }
    qInfo("largest step %.3f deg per frame (%.1f deg/s), largest angle %.2f deg", largest_step,
          largest_step * fps, largest_angle);
    QVERIFY(largest_step * fps <= ps::kMaxHeadSpeed_deg_per_s * 1.0001);
    // The speed bound is a safety net: the motion itself stays well inside it.
    QVERIFY(largest_step * fps < 0.75 * ps::kMaxHeadSpeed_deg_per_s);
    QVERIFY(largest_angle < 15.0);
}

void TestHeadMotion::rejectsWrongInput() {
    const ps::Prosody prosody = makeProsody(kPhrases, 5.0);
    QCOMPARE(ps::headMotionFromProsody(prosody, 0.0, 10).error().kind, ps::ErrorKind::BadInput);
    QCOMPARE(ps::headMotionFromProsody(prosody, 25.0, -1).error().kind, ps::ErrorKind::BadInput);
    ps::HeadMotionSettings negative;
    negative.nods = -1.0f;
    QCOMPARE(ps::headMotionFromProsody(prosody, 25.0, 10, negative).error().kind,
             ps::ErrorKind::BadInput);
    ps::Prosody no_rate = prosody;
    no_rate.frame_rate_hz = 0.0;
    QCOMPARE(ps::headMotionFromProsody(no_rate, 25.0, 10).error().kind, ps::ErrorKind::BadInput);
}

QTEST_GUILESS_MAIN(TestHeadMotion)
#include "TestHeadMotion.moc"
