// Closures that complete (LipClosures.h): each rise of the voice model's lip-closure output is a
// closure shown with the lips together on at least one frame at 24, 25, 30 and 60 fps, however
// short it is and however low it rose above the threshold; the frames away from it, and rises
// below the threshold, keep the model's own mouth.
#include <QtTest>
#include <cmath>

#include "voice/LipClosures.h"
#include "voice/LipSeal.h"
#include "voice/VoiceModel.h"

using namespace ps;

namespace {

float weight(const MouthWeights& m, Blendshape b) {
    return m[size_t(*mouthChannelOf(b))];
}

// How far apart the lips are: the jaw's opening less mouthClose, plus the lips' own raise and
// drop (the measure the lip-sync score uses), at least 0.
float aperture(const MouthWeights& m) {
    const float lips =
        0.25f *
        (weight(m, Blendshape::MouthUpperUpLeft) + weight(m, Blendshape::MouthUpperUpRight) +
         weight(m, Blendshape::MouthLowerDownLeft) + weight(m, Blendshape::MouthLowerDownRight));
    return std::max(0.0f,
                    weight(m, Blendshape::JawOpen) - weight(m, Blendshape::MouthClose) + lips);
}

struct Bump {
    double at_s;
    float peak;
    double width_s;  // the standard deviation
};

// Two seconds at 100 fps of an open vowel, with the lip-closure output rising in `bumps`, and
// the mouth sealed by it as the model seals its own output (partly, for a low rise).
MouthTrack trackWith(const std::vector<Bump>& bumps) {
    MouthTrack track;
    track.frame_rate_hz = 100.0;
    for (int f = 0; f < 200; ++f) {
        const double t = f / 100.0;
        float closure = 0.0f;
        for (const Bump& b : bumps) {
            const double z = (t - b.at_s) / b.width_s;
            closure = std::max(closure, float(b.peak * std::exp(-0.5 * z * z)));
        }
        MouthWeights m{};
        m[size_t(*mouthChannelOf(Blendshape::JawOpen))] = 0.45f;
        m[size_t(*mouthChannelOf(Blendshape::MouthLowerDownLeft))] = 0.2f;
        m[size_t(*mouthChannelOf(Blendshape::MouthLowerDownRight))] = 0.2f;
        sealLips(m, sealAmountForClosure(closure));
        track.mouth.push_back(m);
        track.speech.push_back(1.0f);
        track.closure.push_back(closure);
    }
    return track;
}

}  // namespace

class TestLipClosures : public QObject {
    Q_OBJECT

private slots:
    void eachRiseIsOneClosure() {
        const MouthTrack track =
            trackWith({{0.5, 0.45f, 0.012}, {1.0, 0.9f, 0.03}, {1.5, 0.2f, 0.02}});
        const std::vector<LipClosure> found = findLipClosures(track.closure, 100.0);
        QCOMPARE(found.size(), size_t(2));  // the rise to 0.2 is below the threshold
        QCOMPARE(found[0].peak_s, 0.5);
        QCOMPARE(found[1].peak_s, 1.0);
        QVERIFY(found[0].start_s < 0.5 && found[0].end_s > 0.5 && found[0].end_s < 0.53);
        QVERIFY(std::abs(found[1].peak - 0.9f) < 1e-6f);
        // "mom": two closures 80 ms apart with the mouth opening between them stay two.
        const MouthTrack mom = trackWith({{0.5, 0.8f, 0.015}, {0.58, 0.8f, 0.015}});
        QCOMPARE(findLipClosures(mom.closure, 100.0).size(), size_t(2));
        // A closure whose output wobbles on its way up is still one.
        MouthTrack wobble = trackWith({{0.5, 0.8f, 0.03}});
        wobble.closure[48] = 0.6f;
        QCOMPARE(findLipClosures(wobble.closure, 100.0).size(), size_t(1));
    }

    void everyClosureShowsAtEveryFrameRate() {
        // A low, short closure (30 ms above half its peak) at various phases against the frames.
        for (double fps : {24.0, 25.0, 30.0, 60.0, 24000.0 / 1001.0, 30000.0 / 1001.0}) {
            for (double at : {0.500, 0.507, 0.513, 0.521}) {
                const MouthTrack track = trackWith({{at, 0.36f, 0.012}});
                const long long count = std::llround(2.0 * fps);
                const std::vector<MouthWeights> frames = mouthFrames(track, fps, count);
                QCOMPARE(qsizetype(frames.size()), qsizetype(count));
                int sealed = 0;
                for (long long k = 0; k < count; ++k) {
                    const double t = double(k) / fps;
                    if (aperture(frames[size_t(k)]) == 0.0f) {
                        ++sealed;
                        QVERIFY2(std::abs(t - at) <= 0.5 / fps + 0.02,
                                 qPrintable(QString("%1 fps: sealed at %2 s").arg(fps).arg(t)));
                        QVERIFY(weight(frames[size_t(k)], Blendshape::MouthPressLeft) >= 0.2f);
                    } else if (std::abs(t - at) > 0.06) {
                        // Away from the closure: the model's mouth exactly.
                        QCOMPARE(frames[size_t(k)], track.mouthAt(t));
                    }
                }
                QVERIFY2(sealed >= 1,
                         qPrintable(QString("%1 fps, closure at %2 s").arg(fps).arg(at)));
                // Without completion, this closure would leave the lips apart on every frame.
                float least = 1.0f;
                for (long long k = 0; k < count; ++k) {
                    least = std::min(least, aperture(track.mouthAt(double(k) / fps)));
                }
                QVERIFY(least > 0.05f);
            }
        }
    }

    void vowelsBetweenClosuresKeepTheirOpening() {
        // "mom" at 60 fps: the frames at the vowel between the two m keep most of its opening.
        const MouthTrack mom = trackWith({{0.5, 0.8f, 0.015}, {0.6, 0.8f, 0.015}});
        const std::vector<MouthWeights> frames = mouthFrames(mom, 60.0, 120);
        QCOMPARE(aperture(frames[30]), 0.0f);  // t = 0.5
        QCOMPARE(aperture(frames[36]), 0.0f);  // t = 0.6
        QVERIFY(aperture(frames[33]) > 0.3f);  // t = 0.55, the vowel
    }

    void riseBelowTheThresholdChangesNothing() {
        const MouthTrack track = trackWith({{0.5, 0.25f, 0.02}});
        const std::vector<MouthWeights> frames = mouthFrames(track, 30.0, 60);
        for (long long k = 0; k < 60; ++k) {
            QCOMPARE(frames[size_t(k)], track.mouthAt(double(k) / 30.0));
        }
        // A track without a closure output (an older analysis) is the plain mouth.
        MouthTrack plain = trackWith({{0.5, 0.9f, 0.02}});
        plain.closure.clear();
        QCOMPARE(mouthFrames(plain, 25.0, 50)[12], plain.mouthAt(12 / 25.0));
    }
};

QTEST_APPLESS_MAIN(TestLipClosures)
#include "TestLipClosures.moc"
