// The lip-sync evaluation: that it rewards targets made from the true timeline, and that it fails
// tracks that never close, never rest, or are out of time.
#include <QtTest>
#include <cmath>

#include "train/LipSyncScore.h"
#include "train/VisemeTargets.h"
#include "voice/MouthChannels.h"

using ps::MouthWeights;
using ps::train::LipSyncScore;
using ps::train::LipSyncTally;
using ps::train::PhonemeSegment;
using ps::train::PhonemeTimeline;

namespace {

// A frame whose aperture is exactly `aperture`: the jaw alone.
MouthWeights openBy(float aperture) {
    MouthWeights weights{};
    weights[static_cast<size_t>(ps::mouthChannel(ps::Blendshape::JawOpen))] = aperture;
    return weights;
}

std::vector<MouthWeights> track(const std::vector<float>& apertures) {
    std::vector<MouthWeights> frames;
    for (const float aperture : apertures) {
        frames.push_back(openBy(aperture));
    }
    return frames;
}

// Two phrases with a pause, vowels from close to open, and p, b, m in different places.
PhonemeTimeline twoPhrases() {
    PhonemeTimeline timeline;
    double t = 0.25;
    const auto say = [&](const char* ipa, double duration_s, bool stressed = false) {
        timeline.push_back({ipa, t, t + duration_s, stressed});
        t += duration_s;
    };
    say("p", 0.08);
    say("a", 0.16, true);
    say("t", 0.07);
    say("i", 0.12);
    say("m", 0.08);
    say("ɛ", 0.14, true);
    say("k", 0.07);
    say("u", 0.12);
    say("b", 0.07);
    say("ɑː", 0.20, true);
    say("s", 0.10);
    t += 0.6;  // a pause
    say("m", 0.09);
    say("o", 0.14, true);
    say("n", 0.07);
    say("ɪ", 0.10);
    say("p", 0.08);
    say("æ", 0.17, true);
    say("l", 0.07);
    say("e", 0.13);
    say("b", 0.07);
    say("aɪ", 0.22, true);
    return timeline;
}
constexpr double kTwoPhrasesDuration_s = 3.6;

std::vector<MouthWeights> targetsFor(const PhonemeTimeline& timeline, double fps) {
    auto targets = ps::train::buildMouthTargets(timeline, kTwoPhrasesDuration_s, fps);
    if (!targets.ok()) {
        qFatal("buildMouthTargets failed: %s", targets.error().message.c_str());
    }
    std::vector<MouthWeights> frames;
    for (const ps::train::MouthFrame& frame : targets->frames) {
        frames.push_back(frame.weights);
    }
    return frames;
}

PhonemeTimeline shifted(PhonemeTimeline timeline, double by_s) {
    for (PhonemeSegment& segment : timeline) {
        segment.start_s += by_s;
        segment.end_s += by_s;
    }
    return timeline;
}

void report(const char* what, const LipSyncScore& score) {
    qInfo(
        "%s: closure %.2f of %d stops, r %.3f over %d vowels, open vowels %.3f, rest %.2f of "
        "%d pauses (mean %.3f)",
        what, score.closure_rate.value_or(-1), score.bilabial_stops,
        score.openness_correlation.value_or(-9), score.vowels,
        score.open_vowel_aperture.value_or(-1), score.pauses_at_rest_rate.value_or(-1),
        score.long_pauses, score.pause_aperture.value_or(-1));
}

}  // namespace

class TestLipSyncScore : public QObject {
    Q_OBJECT

private slots:
    void perfectTargetsScoreWell_data();
    void perfectTargetsScoreWell();
    void constantlyOpenTrackFails();
    void shiftedTimingScoresWorse();
    void closureLooksOneFrameEitherSide();
    void stopBeyondTheTrackIsNotClosed();
    void correlationFollowsOpenness();
    void pausesAreMeasuredInside();
    void tallySumsRatherThanAveraging();
    void nothingToMeasureIsEmpty();
    void bilabialsAreCountedApartWithTheirPress();
    void labiodentalIsTuckedByTheLowerLip();
    void jitterIsTheChangeInSteadyVowels();
};

void TestLipSyncScore::perfectTargetsScoreWell_data() {
    QTest::addColumn<double>("fps");
    QTest::newRow("25") << 25.0;
    QTest::newRow("30") << 30.0;
    QTest::newRow("60") << 60.0;
}

void TestLipSyncScore::perfectTargetsScoreWell() {
    QFETCH(double, fps);
    const PhonemeTimeline truth = twoPhrases();
    const LipSyncScore score = ps::train::scoreLipSync(targetsFor(truth, fps), fps, truth);
    report("targets", score);
    QCOMPARE(score.bilabial_stops, 6);
    QCOMPARE(*score.closure_rate, 1.0);
    QCOMPARE(score.p.stops, 2);
    QCOMPARE(score.b.stops, 2);
    QCOMPARE(score.m.stops, 2);
    QCOMPARE(*score.p.closure_rate, 1.0);
    QCOMPARE(*score.m.closure_rate, 1.0);
    // The targets press p and b and leave m relaxed.
    qInfo("press: p %.3f, b %.3f, m %.3f", *score.p.press, *score.b.press, *score.m.press);
    QVERIFY(*score.p.press >= 0.35 && *score.b.press >= 0.35);
    QVERIFY(*score.m.press <= 0.25);
    QVERIFY(std::min(*score.p.press, *score.b.press) >= *score.m.press + 0.15);
    // Steady targets barely move inside a vowel.
    QVERIFY(score.steady_vowels >= 8);
    QVERIFY(*score.jitter < 0.02);
    QCOMPARE(score.vowels, 10);
    QVERIFY(*score.openness_correlation >= 0.9);
    QCOMPARE(score.open_vowels, 3);  // a ɑː æ; aɪ (mean openness 0.58) is not one
    QVERIFY(*score.open_vowel_aperture >= 0.5);
    QCOMPARE(score.long_pauses, 2);  // the 0.6 s pause and the trailing 0.4 s; the leading 0.25 s
                                     // is too short
    QCOMPARE(*score.pauses_at_rest_rate, 1.0);
    QVERIFY(*score.pause_aperture <= 0.05);
}

void TestLipSyncScore::constantlyOpenTrackFails() {
    const PhonemeTimeline truth = twoPhrases();
    const std::vector<MouthWeights> open(90, openBy(0.5f));
    const LipSyncScore score = ps::train::scoreLipSync(open, 25.0, truth);
    QCOMPARE(*score.closure_rate, 0.0);
    // Every vowel gets the same aperture: no correlation can be claimed.
    QVERIFY(!score.openness_correlation.has_value());
    QCOMPARE(*score.pauses_at_rest_rate, 0.0);
    QCOMPARE(*score.pause_aperture, 0.5);
}

void TestLipSyncScore::shiftedTimingScoresWorse() {
    const PhonemeTimeline truth = twoPhrases();
    const double fps = 30.0;
    const LipSyncScore in_time = ps::train::scoreLipSync(targetsFor(truth, fps), fps, truth);
    for (const double shift_s : {-0.15, 0.15}) {
        const LipSyncScore late =
            ps::train::scoreLipSync(targetsFor(shifted(truth, shift_s), fps), fps, truth);
        report(shift_s > 0 ? "150 ms late" : "150 ms early", late);
        QVERIFY(*late.closure_rate <= 0.5);
        QVERIFY(*late.openness_correlation < *in_time.openness_correlation - 0.3);
    }
}

void TestLipSyncScore::closureLooksOneFrameEitherSide() {
    // At 10 fps a p over [0.50, 0.60] is judged on frames 4 … 7 (0.4 s … 0.7 s).
    const PhonemeTimeline truth = {{"p", 0.50, 0.60, false}};
    std::vector<float> apertures(12, 0.5f);
    apertures[3] = 0.0f;  // two frames before: too early
    apertures[8] = 0.0f;  // two frames after: too late
    QCOMPARE(*ps::train::scoreLipSync(track(apertures), 10.0, truth).closure_rate, 0.0);
    apertures[4] = 0.1f;  // one frame before, closed just enough
    QCOMPARE(*ps::train::scoreLipSync(track(apertures), 10.0, truth).closure_rate, 1.0);
    apertures[4] = 0.11f;
    QCOMPARE(*ps::train::scoreLipSync(track(apertures), 10.0, truth).closure_rate, 0.0);
    apertures[7] = 0.05f;  // one frame after
    QCOMPARE(*ps::train::scoreLipSync(track(apertures), 10.0, truth).closure_rate, 1.0);
}

void TestLipSyncScore::stopBeyondTheTrackIsNotClosed() {
    const PhonemeTimeline truth = {{"m", 0.2, 0.3, false}, {"b", 5.0, 5.1, false}};
    const LipSyncScore score =
        ps::train::scoreLipSync(track(std::vector<float>(10, 0.0f)), 10.0, truth);
    QCOMPARE(score.bilabial_stops, 2);
    QCOMPARE(*score.closure_rate, 0.5);
}

void TestLipSyncScore::correlationFollowsOpenness() {
    // i, ə, a at 10 fps, each over 0.4 s so that its middle half holds two frames.
    const PhonemeTimeline truth = {
        {"i", 0.0, 0.4, false}, {"ə", 0.4, 0.8, false}, {"a", 0.8, 1.2, false}};
    std::vector<float> rising(12, 0.0f);
    std::vector<float> falling(12, 0.0f);
    for (size_t k = 0; k < 12; ++k) {
        rising[k] = 0.1f + 0.2f * static_cast<float>(k / 4);
        falling[k] = 0.5f - 0.2f * static_cast<float>(k / 4);
    }
    const LipSyncScore up = ps::train::scoreLipSync(track(rising), 10.0, truth);
    QCOMPARE(up.vowels, 3);
    QVERIFY(std::abs(*up.openness_correlation - 1.0) < 1e-9);
    QCOMPARE(up.open_vowels, 1);
    QVERIFY(std::abs(*up.open_vowel_aperture - 0.5) < 1e-6);
    const LipSyncScore down = ps::train::scoreLipSync(track(falling), 10.0, truth);
    QVERIFY(std::abs(*down.openness_correlation + 1.0) < 1e-9);
    // Only the middle half counts: frames at the vowels' edges (0, 4, 8) do not.
    std::vector<float> noisy_edges = rising;
    for (const size_t k : {0, 4, 8}) {
        noisy_edges[k] = 0.9f;
    }
    QVERIFY(
        std::abs(*ps::train::scoreLipSync(track(noisy_edges), 10.0, truth).openness_correlation -
                 1.0) < 1e-9);
}

void TestLipSyncScore::pausesAreMeasuredInside() {
    // A 0.5 s pause between two vowels at 10 fps: frames 3 … 7 lie strictly inside it.
    const PhonemeTimeline truth = {{"a", 0.0, 0.25, false}, {"a", 0.75, 1.0, false}};
    std::vector<float> apertures(10, 0.6f);
    for (size_t k = 3; k <= 7; ++k) {
        apertures[k] = k == 5 ? 0.25f : 0.05f;  // mean 0.09: at rest
    }
    LipSyncScore score = ps::train::scoreLipSync(track(apertures), 10.0, truth);
    QCOMPARE(score.long_pauses, 1);
    QCOMPARE(*score.pauses_at_rest_rate, 1.0);
    QVERIFY(std::abs(*score.pause_aperture - 0.09) < 1e-6);
    apertures[6] = 0.15f;  // mean 0.11: not at rest
    score = ps::train::scoreLipSync(track(apertures), 10.0, truth);
    QCOMPARE(*score.pauses_at_rest_rate, 0.0);
    // A gap of 0.3 s exactly is not a long pause.
    const PhonemeTimeline short_gap = {{"a", 0.0, 0.3, false}, {"a", 0.6, 1.0, false}};
    QCOMPARE(ps::train::scoreLipSync(track(apertures), 10.0, short_gap).long_pauses, 0);
}

void TestLipSyncScore::tallySumsRatherThanAveraging() {
    // One utterance with one stop, closed; another with three, one closed: 2 of 4, not the
    // mean of 1 and 1/3.
    const PhonemeTimeline one = {{"p", 0.2, 0.3, false}};
    const PhonemeTimeline three = {
        {"p", 0.2, 0.3, false}, {"b", 0.6, 0.7, false}, {"m", 1.0, 1.1, false}};
    std::vector<float> closed_once(12, 0.5f);
    closed_once[2] = 0.0f;
    LipSyncTally tally;
    tally.add(track(closed_once), 10.0, one);
    tally.add(track(closed_once), 10.0, three);
    QCOMPARE(tally.score().bilabial_stops, 4);
    QCOMPARE(*tally.score().closure_rate, 0.5);

    // Merging tallies equals adding everything to one; r pools the vowels of both.
    const PhonemeTimeline truth = twoPhrases();
    const std::vector<MouthWeights> first = targetsFor(truth, 25.0);
    const std::vector<MouthWeights> second = targetsFor(shifted(truth, 0.1), 25.0);
    LipSyncTally a;
    LipSyncTally b;
    LipSyncTally both;
    a.add(first, 25.0, truth);
    b.add(second, 25.0, truth);
    both.add(first, 25.0, truth);
    both.add(second, 25.0, truth);
    a.merge(b);
    const LipSyncScore merged = a.score();
    const LipSyncScore pooled = both.score();
    QCOMPARE(merged.vowels, 20);
    QCOMPARE(*merged.openness_correlation, *pooled.openness_correlation);
    QCOMPARE(*merged.closure_rate, *pooled.closure_rate);
    QCOMPARE(*merged.pause_aperture, *pooled.pause_aperture);
    QCOMPARE(*merged.open_vowel_aperture, *pooled.open_vowel_aperture);
}

void TestLipSyncScore::nothingToMeasureIsEmpty() {
    const LipSyncScore empty = LipSyncTally().score();
    QCOMPARE(empty.bilabial_stops, 0);
    QVERIFY(!empty.closure_rate && !empty.openness_correlation && !empty.open_vowel_aperture &&
            !empty.pauses_at_rest_rate && !empty.pause_aperture);
    // Consonants only, without a pause: no vowel, stop or pause to measure.
    const PhonemeTimeline consonants = {{"s", 0.0, 0.1, false}, {"t", 0.1, 0.2, false}};
    const LipSyncScore score = ps::train::scoreLipSync(track({0.1f, 0.1f}), 10.0, consonants);
    QCOMPARE(score.vowels, 0);
    QVERIFY(!score.openness_correlation && !score.closure_rate && !score.pause_aperture);
}

void TestLipSyncScore::bilabialsAreCountedApartWithTheirPress() {
    // At 10 fps: a p closed and pressed, a b never closed, an m closed and relaxed, a kp
    // (counted as p) closed, and a ɓ closed (only in the total).
    const PhonemeTimeline truth = {{"pʰ", 0.5, 0.6, false},
                                   {"b", 1.5, 1.6, false},
                                   {"mː", 2.5, 2.6, false},
                                   {"kp", 3.5, 3.6, false},
                                   {"ɓ", 4.5, 4.6, false}};
    std::vector<float> apertures(52, 0.5f);
    apertures[5] = apertures[25] = apertures[35] = apertures[45] = 0.0f;
    std::vector<MouthWeights> frames = track(apertures);
    const auto press = [&](size_t k, float weight) {
        frames[k][size_t(ps::mouthChannel(ps::Blendshape::MouthPressLeft))] = weight;
        frames[k][size_t(ps::mouthChannel(ps::Blendshape::MouthPressRight))] = weight;
    };
    press(5, 0.6f);
    press(25, 0.2f);
    press(35, 0.4f);
    const LipSyncScore score = ps::train::scoreLipSync(frames, 10.0, truth);
    QCOMPARE(score.bilabial_stops, 5);
    QVERIFY(std::abs(*score.closure_rate - 0.8) < 1e-9);
    QCOMPARE(score.p.stops, 2);
    QCOMPARE(*score.p.closure_rate, 1.0);
    QVERIFY(std::abs(*score.p.press - 0.5) < 1e-6);
    QCOMPARE(score.b.stops, 1);
    QCOMPARE(*score.b.closure_rate, 0.0);
    QVERIFY(!score.b.press.has_value());  // measured only on closed ones
    QCOMPARE(score.m.stops, 1);
    QVERIFY(std::abs(*score.m.press - 0.2) < 1e-6);
}

void TestLipSyncScore::labiodentalIsTuckedByTheLowerLip() {
    // An f at 10 fps over [0.5, 0.6]: judged on frames 4 … 7.
    const PhonemeTimeline truth = {{"f", 0.5, 0.6, false}, {"v", 1.5, 1.6, false}};
    std::vector<MouthWeights> frames = track(std::vector<float>(20, 0.2f));
    const auto roll = [&](size_t k, float weight) {
        frames[k][size_t(ps::mouthChannel(ps::Blendshape::MouthRollLower))] = weight;
    };
    roll(3, 0.6f);   // too early
    roll(7, 0.29f);  // not far enough
    roll(17, 0.3f);  // the v, one frame after: just enough
    LipSyncScore score = ps::train::scoreLipSync(frames, 10.0, truth);
    QCOMPARE(score.labiodentals, 2);
    QVERIFY(std::abs(*score.tuck_rate - 0.5) < 1e-9);
    roll(4, 0.5f);
    score = ps::train::scoreLipSync(frames, 10.0, truth);
    QCOMPARE(*score.tuck_rate, 1.0);
}

void TestLipSyncScore::jitterIsTheChangeInSteadyVowels() {
    // An a over [0, 0.8] at 10 fps: its middle half holds frames 2 … 6. A short i after it is not
    // steady and its frames do not count.
    const PhonemeTimeline truth = {{"a", 0.0, 0.8, false}, {"i", 0.8, 0.88, false}};
    std::vector<float> apertures(10, 0.4f);
    LipSyncScore score = ps::train::scoreLipSync(track(apertures), 10.0, truth);
    QCOMPARE(score.steady_vowels, 1);
    QCOMPARE(*score.jitter, 0.0);
    // The jaw alternating by 0.19 from frame to frame: 0.19 / 19 channels per step.
    for (size_t k = 2; k <= 6; ++k) {
        apertures[k] = k % 2 == 0 ? 0.4f : 0.59f;
    }
    apertures[8] = 0.0f;  // inside the i: ignored
    score = ps::train::scoreLipSync(track(apertures), 10.0, truth);
    QVERIFY2(std::abs(*score.jitter - 0.19 / 19.0) < 1e-6,
             qPrintable(QString::number(*score.jitter)));
    // Nothing steady: no jitter to claim.
    QVERIFY(!ps::train::scoreLipSync(track(apertures), 10.0, {{"i", 0.8, 0.88, false}})
                 .jitter.has_value());
}

QTEST_GUILESS_MAIN(TestLipSyncScore)
#include "TestLipSyncScore.moc"
