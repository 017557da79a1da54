// Baking a channel into keys: the keys are the fewest on frames that stay within the tolerance
// of every frame (checked against a brute-force search), the baked document shows the channel
// as it was on every frame of the range and exactly as it was outside it, and undo restores the
// document exactly.
#include <QtTest>
#include <chrono>
#include <cmath>
#include <limits>

#include "Keys.h"
#include "motion/BakeChannel.h"
#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"
#include "motion/MotionEvaluator.h"
#include "runtime/SeededRandom.h"

using namespace ps;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kJaw = int(Blendshape::JawOpen);

// A signal of n samples at `fps`: smooth movement, a step, a flat stretch and noise, so the
// reduction meets curves, corners and plateaus.
void signal(uint64_t seed, size_t n, double fps, double noise, std::vector<double>& t,
            std::vector<float>& y) {
    SeededRandom random(seed);
    t.clear();
    y.clear();
    for (size_t k = 0; k < n; ++k) {
        const double time = double(k) / fps;
        double value = 0.4 + 0.3 * std::sin(2.0 * kPi * 1.3 * time) * std::sin(0.7 * time);
        if (k > n / 2 && k < 2 * n / 3) {
            value = 0.8;
        }
        value += noise * random.gaussian();
        t.push_back(time);
        y.push_back(float(value));
    }
}

// The largest |keys − sample| over the samples, read as the evaluator reads them.
float largestError(const std::vector<Keyframe>& keys, const std::vector<double>& t,
                   const std::vector<float>& y) {
    float worst = 0.0f;
    for (size_t k = 0; k < t.size(); ++k) {
        worst = std::max(worst, std::abs(evaluateKeys(keys, t[k]) - y[k]));
    }
    return worst;
}

// The fewest keys on samples, by trying every subset that keeps both ends (small n only).
size_t bruteForceFewest(const std::vector<double>& t, const std::vector<float>& y,
                        float tolerance) {
    const size_t n = t.size();
    size_t best = n;
    const uint32_t inner = n > 2 ? uint32_t(n - 2) : 0;
    for (uint32_t mask = 0; mask < (1u << inner); ++mask) {
        std::vector<Keyframe> keys{key(t[0], y[0])};
        for (uint32_t b = 0; b < inner; ++b) {
            if (mask & (1u << b)) {
                keys.push_back(key(t[b + 1], y[b + 1]));
            }
        }
        keys.push_back(key(t[n - 1], y[n - 1]));
        // The same test in exact arithmetic the search uses (within a rounding's width).
        bool fits = true;
        for (size_t s = 0, k = 0; s < n && fits; ++s) {
            while (k + 1 < keys.size() && keys[k + 1].t_s <= t[s]) {
                ++k;
            }
            if (k + 1 >= keys.size()) {
                break;
            }
            const Keyframe& a = keys[k];
            const Keyframe& b = keys[k + 1];
            const double line = double(a.value) + (double(b.value) - double(a.value)) *
                                                      (t[s] - a.t_s) / (b.t_s - a.t_s);
            fits = std::abs(line - double(y[s])) <= double(tolerance) + 1e-12;
        }
        best = fits ? std::min(best, keys.size()) : best;
    }
    return best;
}

// Voice-like sources at 60 fps for `duration_s`: a jaw that opens and closes at syllable rate
// with pauses, speech following it, the head turning slowly; idle blinks every 2 s.
MotionSources speakingSources(double duration_s) {
    MotionSources sources;
    sources.voice.track.fps = 60.0;
    sources.idle.track.fps = 60.0;
    const size_t n = size_t(duration_s * 60.0) + 1;
    for (size_t k = 0; k < n; ++k) {
        const double t = double(k) / 60.0;
        FaceState voice;
        const double syllables = std::max(0.0, std::sin(2.0 * kPi * 4.3 * t));
        const double phrase = std::fmod(t, 3.0) < 2.2 ? 1.0 : 0.0;
        voice.weights[size_t(Blendshape::JawOpen)] = float(0.5 * syllables * phrase);
        voice.weights[size_t(Blendshape::MouthFunnel)] = float(0.2 * phrase);
        voice.speech = float(phrase);
        voice.head_deg = {float(2.0 * std::sin(t)), float(5.0 * std::sin(0.4 * t)), 0.0f};
        sources.voice.track.frames.push_back(voice);
        FaceState idle;
        const float blink = std::fmod(t, 2.0) < 0.1 ? 1.0f : 0.0f;
        idle.weights[size_t(Blendshape::EyeBlinkLeft)] = blink;
        idle.weights[size_t(Blendshape::EyeBlinkRight)] = blink;
        sources.idle.track.frames.push_back(idle);
    }
    return sources;
}

// A document with a layer of every kind acting on the jaw: a clip adding to it, an additive
// curve after which the bake must still come last, and a strength on the lips.
MotionDocument layeredDocument() {
    MotionDocument document;
    document.duration_s = 6.0;
    document.strengths.lips = 0.9f;
    ExpressionClip clip;
    clip.id = document.newId();
    clip.expression.name = "surprise";
    clip.expression.channels.push_back({kJaw, {key(0.0, 0.3f)}});
    clip.start_s = 1.5;
    clip.duration_s = 1.5;
    document.clips.push_back(clip);
    KeyframeCurve add;
    add.id = document.newId();
    add.channel = kJaw;
    add.keys = {key(0.0, 0.0f), key(2.0, 0.1f, Interpolation::Ease), key(4.0, -0.05f)};
    document.curves.push_back(add);
    return document;
}

double frameTime(long long k, FrameRate fps) {
    return double(k) / frameRateRational(fps).value();
}

// Every frame of the document's duration, as the export evaluates it.
std::vector<FaceState> frames(const MotionDocument& document, const MotionSources& sources,
                              FrameRate fps) {
    return motionTrack(document, sources, fps).frames;
}

// A channel as the export writes it (absolute weights; MotionEvaluator), independent of the
// baker's own reading.
float exported(const FaceState& state, int channel) {
    FaceTrack one;
    one.frames = {state};
    return channelsOf(absoluteWeightsTrack(one).frames.front())[size_t(channel)];
}

bool sameState(const FaceState& a, const FaceState& b) {
    return a.weights == b.weights && a.added == b.added && a.head_deg == b.head_deg &&
           a.left_eye_deg == b.left_eye_deg && a.right_eye_deg == b.right_eye_deg &&
           a.speech == b.speech;
}

std::string savedForm(const MotionDocument& document) {
    return motionDocumentToJson(document).dump();
}

// The saved form without next_id: undoing an insertion leaves the id used up (MotionEdit.h),
// and that is the one difference undo may leave.
std::string contentOf(const MotionDocument& document) {
    nlohmann::json json = motionDocumentToJson(document);
    json.erase("next_id");
    return json.dump();
}

size_t curvesOn(const MotionDocument& document, int channel, BlendMode blend) {
    return size_t(std::count_if(
        document.curves.begin(), document.curves.end(),
        [&](const KeyframeCurve& c) { return c.channel == channel && c.blend == blend; }));
}

}  // namespace

class TestBakeChannel : public QObject {
    Q_OBJECT

private slots:
    void keysStayWithinTheTolerance_data() {
        QTest::addColumn<double>("noise");
        QTest::addColumn<float>("tolerance");
        QTest::addColumn<double>("most");  // the largest share of the samples kept
        QTest::newRow("clean, 0.02") << 0.0 << 0.02f << 0.3;
        QTest::newRow("clean, 0.001") << 0.0 << 0.001f << 0.9;
        QTest::newRow("noisy, 0.02") << 0.01 << 0.02f << 0.5;
        QTest::newRow("noisy, 0.005") << 0.01 << 0.005f << 0.9;
        QTest::newRow("tolerance 0") << 0.01 << 0.0f << 1.0;
    }

    void keysStayWithinTheTolerance() {
        QFETCH(double, noise);
        QFETCH(float, tolerance);
        QFETCH(double, most);
        std::vector<double> t;
        std::vector<float> y;
        signal(7, 500, 25.0, noise, t, y);
        const std::vector<Keyframe> keys = fewestLinearKeys(t, y, tolerance);
        QVERIFY(keysAreValid(keys));
        QVERIFY(largestError(keys, t, y) <= tolerance);
        QCOMPARE(keys.front().t_s, t.front());
        QCOMPARE(keys.back().t_s, t.back());
        // Every key is on a sample, with its value.
        for (const Keyframe& k : keys) {
            const size_t at = size_t(std::lround(k.t_s * 25.0));
            QCOMPARE(k.t_s, t[at]);
            QCOMPARE(k.value, y[at]);
            QCOMPARE(k.interpolation, Interpolation::Linear);
        }
        qInfo("%zu samples to %zu keys", t.size(), keys.size());
        if (tolerance == 0.0f) {
            QCOMPARE(keys.size(), t.size());  // noise leaves no three samples on a line
        } else {
            QVERIFY2(double(keys.size()) <= most * double(t.size()),
                     qPrintable(QString::number(keys.size())));
        }
    }

    void keysAreTheFewest() {
        // Against every subset of the inner samples, on short random walks and tolerances; every
        // other walk holds its value now and then, so runs of equal values (which the search
        // jumps over) are among them.
        for (uint64_t seed = 1; seed <= 120; ++seed) {
            SeededRandom random(seed);
            const size_t n = 3 + size_t(random.below(10));
            std::vector<double> t;
            std::vector<float> y;
            double value = 0.5;
            for (size_t k = 0; k < n; ++k) {
                t.push_back(double(k) / 25.0 + (seed % 3 == 0 ? 0.01 * random.uniform() : 0.0));
                const bool hold = seed % 2 == 0 && random.chance(0.6);
                value += hold ? 0.0 : 0.05 * random.gaussian();
                y.push_back(float(value));
            }
            const float tolerance = float(random.uniform(0.005, 0.06));
            const std::vector<Keyframe> keys = fewestLinearKeys(t, y, tolerance);
            QVERIFY(largestError(keys, t, y) <= tolerance);
            QCOMPARE(keys.size(), bruteForceFewest(t, y, tolerance));
        }
    }

    void plainShapesNeedFewKeys() {
        std::vector<double> t;
        std::vector<float> flat, line, corner;
        for (int k = 0; k < 100; ++k) {
            t.push_back(k / 25.0);
            flat.push_back(0.25f);
            line.push_back(0.01f * float(k));
            corner.push_back(k < 40 ? 0.0f : 0.01f * float(k - 40));
        }
        QCOMPARE(fewestLinearKeys(t, flat, 0.001f).size(), size_t(2));
        QCOMPARE(fewestLinearKeys(t, line, 0.001f).size(), size_t(2));
        QCOMPARE(fewestLinearKeys(t, corner, 0.001f).size(), size_t(3));
        QCOMPARE(fewestLinearKeys({1.0}, {0.5f}, 0.01f).size(), size_t(1));
        QVERIFY(fewestLinearKeys({}, {}, 0.01f).empty());
    }

    void aToleranceFinerThanFloatsStillHolds() {
        // Values exactly on a line, but at times a float's fraction cannot place exactly: in
        // exact arithmetic two keys fit within 1e-9, read back in float they stray ~1e-8, so
        // the keys read as the evaluator reads them must be more.
        std::vector<double> t;
        std::vector<float> y;
        for (int k = 0; k < 60; ++k) {
            t.push_back(k / 3.0);
            y.push_back(float(k) / 1024.0f);
        }
        const std::vector<Keyframe> keys = fewestLinearKeys(t, y, 1e-9f);
        QVERIFY2(largestError(keys, t, y) <= 1e-9f,
                 qPrintable(QString::number(largestError(keys, t, y))));
    }

    void aLongBakeIsQuick() {
        // Ten minutes at 60 fps with long pauses (where a line covers the most samples).
        std::vector<double> t;
        std::vector<float> y;
        for (size_t k = 0; k < 36000; ++k) {
            const double time = double(k) / 60.0;
            const bool pause = std::fmod(time, 40.0) > 20.0;
            t.push_back(time);
            y.push_back(pause ? 0.0f : float(0.4 * std::abs(std::sin(2.0 * kPi * 4.3 * time))));
        }
        // The costliest case for the search: a long pause before speech, where every frame of
        // the pause can reach every later one.
        for (size_t k = 0; k < 30000; ++k) {
            y[k] = 0.0f;
        }
        const auto start = std::chrono::steady_clock::now();
        const std::vector<Keyframe> keys = fewestLinearKeys(t, y, 0.01f);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY(largestError(keys, t, y) <= 0.01f);
        qInfo("36000 frames to %zu keys in %.3f s", keys.size(), seconds);
        // Without the jump over the pause this takes seconds (its square: 4.5e8 steps).
        QVERIFY2(seconds < 0.5, qPrintable(QString::number(seconds)));
    }

    void theBakedDocumentShowsWhatItShowed_data() {
        QTest::addColumn<int>("channel");
        QTest::addColumn<double>("from_s");
        QTest::addColumn<double>("to_s");
        QTest::addColumn<float>("tolerance");
        QTest::addColumn<int>("fps");
        QTest::newRow("jaw, all") << kJaw << 0.0 << 6.0 << 0.02f << int(FrameRate::Fps25);
        QTest::newRow("jaw, 1-4 s") << kJaw << 1.0 << 4.0 << 0.02f << int(FrameRate::Fps25);
        QTest::newRow("jaw, fine, 29.97")
            << kJaw << 0.5 << 3.3 << 0.002f << int(FrameRate::Fps29_97);
        QTest::newRow("blink, 60")
            << int(Blendshape::EyeBlinkLeft) << 0.0 << 5.0 << 0.01f << int(FrameRate::Fps60);
        QTest::newRow("funnel (a speech shape)")
            << int(Blendshape::MouthFunnel) << 0.7 << 5.1 << 0.01f << int(FrameRate::Fps24);
        QTest::newRow("head yaw, degrees")
            << int(kHeadYawChannel) << 2.0 << 6.0 << 0.1f << int(FrameRate::Fps25);
    }

    void theBakedDocumentShowsWhatItShowed() {
        QFETCH(int, channel);
        QFETCH(double, from_s);
        QFETCH(double, to_s);
        QFETCH(float, tolerance);
        QFETCH(int, fps);
        const FrameRate rate = static_cast<FrameRate>(fps);
        const MotionSources sources = speakingSources(6.0);
        MotionDocument document = layeredDocument();
        const std::vector<FaceState> before = frames(document, sources, rate);

        Result<ChannelBake> bake =
            bakeChannel(document, sources, channel, from_s, to_s, rate, tolerance);
        QVERIFY2(bake.ok(), bake.ok() ? "" : bake.error().message.c_str());
        QVERIFY(bake->key_count >= 2 && bake->key_count < bake->frame_count);
        QVERIFY(bake->largest_error <= tolerance);
        Result<MotionEdit> undo = applyEdit(document, bake->edit);
        QVERIFY(undo.ok());
        QCOMPARE(curvesOn(document, channel, BlendMode::Override), size_t(1));
        QCOMPARE(document.curves.back().id, bake->curve);  // after the additive curve
        QCOMPARE(document.curves.back().keys.size(), bake->key_count);

        const std::vector<FaceState> after = frames(document, sources, rate);
        QCOMPARE(after.size(), before.size());
        size_t inside = 0;
        float worst = 0.0f;
        for (size_t k = 0; k < before.size(); ++k) {
            const double t = frameTime(static_cast<long long>(k), rate);
            if (t >= bake->first_frame_s && t <= bake->last_frame_s) {
                ++inside;
                worst = std::max(
                    worst, std::abs(exported(after[k], channel) - exported(before[k], channel)));
                // Every other channel keeps its value.
                for (int c = 0; c < kMotionChannelCount; ++c) {
                    if (c != channel) {
                        QCOMPARE(exported(after[k], c), exported(before[k], c));
                    }
                }
            } else {
                QVERIFY2(sameState(after[k], before[k]), qPrintable(QString::number(t)));
            }
        }
        QCOMPARE(inside, bake->frame_count);
        QVERIFY2(worst <= tolerance + 1e-6f, qPrintable(QString::number(worst)));
        QVERIFY(bake->first_frame_s >= from_s - 1e-9 && bake->first_frame_s < from_s + 0.05);
        QVERIFY(bake->last_frame_s <= to_s + 1e-9 && bake->last_frame_s > to_s - 0.05);

        // Undo restores the document exactly (but for the id used up).
        const std::string baked = savedForm(document);
        Result<MotionEdit> redo = applyEdit(document, *undo);
        QVERIFY(redo.ok());
        QCOMPARE(contentOf(document), contentOf(layeredDocument()));
        QVERIFY(applyEdit(document, *redo).ok());
        QCOMPARE(savedForm(document), baked);
    }

    void bakingAgainReplacesTheBake() {
        const MotionSources sources = speakingSources(6.0);
        MotionDocument document = layeredDocument();
        Result<ChannelBake> first =
            bakeChannel(document, sources, kJaw, 1.0, 4.0, FrameRate::Fps25, 0.02f);
        QVERIFY(first.ok());
        QVERIFY(applyEdit(document, first->edit).ok());
        const std::string once = savedForm(document);
        const std::vector<FaceState> shown = frames(document, sources, FrameRate::Fps25);

        // Over a wider range the first bake is hidden entirely, so its curve is reused.
        Result<ChannelBake> again =
            bakeChannel(document, sources, kJaw, 0.5, 4.5, FrameRate::Fps25, 0.005f);
        QVERIFY(again.ok());
        QCOMPARE(again->replaced, std::vector<ElementId>{first->curve});
        QCOMPARE(again->curve, first->curve);
        Result<MotionEdit> undo = applyEdit(document, again->edit);
        QVERIFY(undo.ok());
        QCOMPARE(curvesOn(document, kJaw, BlendMode::Override), size_t(1));
        QCOMPARE(curvesOn(document, kJaw, BlendMode::Add), size_t(1));
        const std::vector<FaceState> twice = frames(document, sources, FrameRate::Fps25);
        for (size_t k = 0; k < shown.size(); ++k) {
            QVERIFY(std::abs(exported(twice[k], kJaw) - exported(shown[k], kJaw)) <=
                    0.005f + 1e-6f);
        }
        // No id was used up, so undo restores every byte, next_id included.
        QVERIFY(applyEdit(document, *undo).ok());
        QCOMPARE(savedForm(document), once);
    }

    void anOverrideReachingOutsideStays() {
        const MotionSources sources = speakingSources(6.0);
        MotionDocument document = layeredDocument();
        KeyframeCurve hand;
        hand.id = document.newId();
        hand.channel = kJaw;
        hand.blend = BlendMode::Override;
        hand.keys = {key(0.5, 0.2f), key(2.5, 0.6f, Interpolation::Bezier), key(5.0, 0.1f)};
        document.curves.push_back(hand);
        const std::vector<FaceState> before = frames(document, sources, FrameRate::Fps25);
        Result<ChannelBake> bake =
            bakeChannel(document, sources, kJaw, 1.0, 3.0, FrameRate::Fps25, 0.01f);
        QVERIFY(bake.ok());
        QVERIFY(bake->replaced.empty());
        QVERIFY(applyEdit(document, bake->edit).ok());
        QCOMPARE(curvesOn(document, kJaw, BlendMode::Override), size_t(2));
        QCOMPARE(document.curves.back().id, bake->curve);
        const std::vector<FaceState> after = frames(document, sources, FrameRate::Fps25);
        for (size_t k = 0; k < before.size(); ++k) {
            const double t = frameTime(static_cast<long long>(k), FrameRate::Fps25);
            if (t < 1.0 || t > 3.0) {
                QVERIFY(sameState(after[k], before[k]));
            } else {
                QVERIFY(std::abs(exported(after[k], kJaw) - exported(before[k], kJaw)) <=
                        0.01f + 1e-6f);
            }
        }
    }

    void badRequestsAreRefused_data() {
        QTest::addColumn<int>("channel");
        QTest::addColumn<double>("from_s");
        QTest::addColumn<double>("to_s");
        QTest::addColumn<float>("tolerance");
        QTest::addColumn<int>("fps");
        const int rate = int(FrameRate::Fps25);
        QTest::newRow("unknown channel") << int(kMotionChannelCount) << 0.0 << 1.0 << 0.01f << rate;
        QTest::newRow("negative channel") << -1 << 0.0 << 1.0 << 0.01f << rate;
        QTest::newRow("reversed") << kJaw << 3.0 << 1.0 << 0.01f << rate;
        QTest::newRow("before 0") << kJaw << -1.0 << 1.0 << 0.01f << rate;
        QTest::newRow("past the end") << kJaw << 1.0 << 7.0 << 0.01f << rate;
        QTest::newRow("not a number")
            << kJaw << std::numeric_limits<double>::quiet_NaN() << 1.0 << 0.01f << rate;
        QTest::newRow("between frames") << kJaw << 1.01 << 1.02 << 0.01f << rate;
        QTest::newRow("negative tolerance") << kJaw << 0.0 << 1.0 << -0.01f << rate;
        QTest::newRow("no rate") << kJaw << 0.0 << 1.0 << 0.01f << int(FrameRate::Invalid);
    }

    void badRequestsAreRefused() {
        QFETCH(int, channel);
        QFETCH(double, from_s);
        QFETCH(double, to_s);
        QFETCH(float, tolerance);
        QFETCH(int, fps);
        const Result<ChannelBake> bake =
            bakeChannel(layeredDocument(), speakingSources(6.0), channel, from_s, to_s,
                        static_cast<FrameRate>(fps), tolerance);
        QVERIFY(!bake.ok());
        QCOMPARE(bake.error().kind, ErrorKind::BadInput);
        QVERIFY(!bake.error().message.empty());
    }
};

QTEST_GUILESS_MAIN(TestBakeChannel)
#include "TestBakeChannel.moc"
