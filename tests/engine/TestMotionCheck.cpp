// The motion checks: lips left apart where the voice seals them, and head or jaw pops, on
// synthetic tracks that must be flagged and ones that must not; and the cost on the sample voice.
#include <QElapsedTimer>
#include <QtTest>
#include <cmath>

#include "media/AudioDecoder.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionCheck.h"
#include "motion/MotionEvaluator.h"
#include "voice/MouthChannels.h"

using namespace ps;

namespace {

constexpr double kFps = 25.0;

FaceFit photoFit() {
    FaceFit fit;
    fit.image_size = cv::Size(640, 480);
    fit.pose.translation = glm::vec3(0.0f, 0.0f, -60.0f);
    updateFaceFit(fit);
    return fit;
}

float& w(FaceState& state, Blendshape shape) {
    return state.weights[size_t(shape)];
}

FaceState openVowel() {
    FaceState s;
    s.speech = 1.0f;
    w(s, Blendshape::JawOpen) = 0.4f;
    w(s, Blendshape::MouthLowerDownLeft) = 0.2f;
    w(s, Blendshape::MouthLowerDownRight) = 0.2f;
    return s;
}

// What the voice gives for a sure bilabial (LipSeal): jaw nearly shut, mouthClose beyond it,
// lips pressed.
FaceState sealed() {
    FaceState s;
    s.speech = 1.0f;
    w(s, Blendshape::JawOpen) = 0.06f;
    w(s, Blendshape::MouthClose) = 0.18f;
    w(s, Blendshape::MouthPressLeft) = 0.3f;
    w(s, Blendshape::MouthPressRight) = 0.3f;
    return s;
}

// 40 frames of speech: open vowels with an "m" sealed over frames 10..14.
FaceTrack voiceTrack() {
    FaceTrack track;
    track.fps = kFps;
    for (int k = 0; k < 40; ++k) {
        track.frames.push_back(k >= 10 && k < 15 ? sealed() : openVowel());
    }
    return track;
}

FaceTrack swayingHead(int frames) {
    FaceTrack track;
    track.fps = kFps;
    for (int k = 0; k < frames; ++k) {
        FaceState s;
        const double t = k / kFps;
        // A lively nod: 5° at 2 Hz, and the jaw opening by 0.3 for syllables at 5 Hz.
        s.head_deg.x = float(5.0 * std::sin(2.0 * M_PI * 2.0 * t));
        s.weights[size_t(Blendshape::JawOpen)] =
            float(0.15 - 0.15 * std::cos(2.0 * M_PI * 5.0 * t));
        track.frames.push_back(s);
    }
    return track;
}

std::vector<MotionIssue> ofKind(const std::vector<MotionIssue>& issues, MotionIssueKind kind) {
    std::vector<MotionIssue> out;
    for (const MotionIssue& issue : issues) {
        if (issue.kind == kind) {
            out.push_back(issue);
        }
    }
    return out;
}

}  // namespace

class TestMotionCheck : public QObject {
    Q_OBJECT

private slots:
    void sealedLipsAreNotFlagged();
    void lipsLeftOpenOverAClosureAreFlagged();
    void openLipsWhereTheVoiceIsOpenAreNotFlagged();
    void smoothMotionHasNoJitter();
    void aHeadPopIsFlagged();
    void aJawPopIsFlagged();
    void costOnTheSample();
};

void TestMotionCheck::sealedLipsAreNotFlagged() {
    const FaceFit photo = photoFit();
    QVERIFY(std::abs(innerLipGapMm(photo, sealed())) < 1.0f);
    QVERIFY(innerLipGapMm(photo, openVowel()) > 5.0f);
    const FaceTrack voice = voiceTrack();
    QVERIFY(ofKind(checkMotion(voice, voice, photo), MotionIssueKind::LipsApart).empty());
}

void TestMotionCheck::lipsLeftOpenOverAClosureAreFlagged() {
    const FaceTrack voice = voiceTrack();
    // A layer that overrides the mouth keeps it open over frames 11..13 of the "m".
    FaceTrack motion = voice;
    for (int k = 11; k < 14; ++k) {
        motion.frames[size_t(k)] = openVowel();
    }
    const std::vector<MotionIssue> lips =
        ofKind(checkMotion(motion, voice, photoFit()), MotionIssueKind::LipsApart);
    QCOMPARE(lips.size(), size_t(1));
    QCOMPARE(lips[0].first_frame, 11);
    QCOMPARE(lips[0].end_frame, 14);
    QVERIFY(lips[0].peak > 5.0f);
    QVERIFY(lips[0].severity > 3.0f);
    QCOMPARE(lips[0].start_s(), 11.0 / kFps);
    QCOMPARE(lips[0].end_s(), 14.0 / kFps);
}

void TestMotionCheck::openLipsWhereTheVoiceIsOpenAreNotFlagged() {
    FaceTrack voice;
    voice.fps = kFps;
    voice.frames.assign(20, openVowel());
    FaceTrack silent = voice;
    for (FaceState& s : silent.frames) {
        s = sealed();
        s.speech = 0.0f;  // a sealed mouth in a pause is the photo's own mouth, not a bilabial
    }
    const FaceTrack motion = voice;
    QVERIFY(ofKind(checkMotion(motion, voice, photoFit()), MotionIssueKind::LipsApart).empty());
    QVERIFY(ofKind(checkMotion(motion, silent, photoFit()), MotionIssueKind::LipsApart).empty());
    QVERIFY(checkMotion(motion, FaceTrack{}, photoFit()).empty());
}

void TestMotionCheck::smoothMotionHasNoJitter() {
    const FaceTrack motion = swayingHead(100);
    QVERIFY(checkMotion(motion, FaceTrack{}, photoFit()).empty());
}

void TestMotionCheck::aHeadPopIsFlagged() {
    FaceTrack motion = swayingHead(100);
    motion.frames[50].head_deg.y += 3.0f;  // one frame turned 3° away: 2·3·25² = 3750 °/s²
    const std::vector<MotionIssue> issues = checkMotion(motion, FaceTrack{}, photoFit());
    QCOMPARE(issues.size(), size_t(1));
    QCOMPARE(issues[0].kind, MotionIssueKind::Jitter);
    QVERIFY(issues[0].first_frame >= 49 && issues[0].first_frame <= 50);
    QVERIFY(issues[0].end_frame >= 51 && issues[0].end_frame <= 52);
    QVERIFY(issues[0].peak > 3000.0f && issues[0].peak < 4500.0f);
    QVERIFY(issues[0].severity > 1.5f);
}

void TestMotionCheck::aJawPopIsFlagged() {
    FaceTrack motion = swayingHead(100);
    motion.frames[70].added[size_t(Blendshape::JawOpen)] = 0.8f;  // 2·0.8·625 = 1000 /s²
    const std::vector<MotionIssue> issues = checkMotion(motion, FaceTrack{}, photoFit());
    QCOMPARE(issues.size(), size_t(1));
    QCOMPARE(issues[0].kind, MotionIssueKind::Jitter);
    QVERIFY(issues[0].first_frame <= 70 && issues[0].end_frame > 70);
    QVERIFY(issues[0].peak > 800.0f && issues[0].peak < 1500.0f);  // in the jaw's unit
}

void TestMotionCheck::costOnTheSample() {
    Result<AudioClip> audio = decodeAudio(PS_SAMPLES_DIR "/voice.wav");
    if (!audio.ok()) {
        QSKIP("the sample voice cannot be decoded here");
    }
    MotionDocument document;
    document.duration_s = audio->duration_s();
    Result<MotionSources> sources = makeMotionSources(document, &*audio, CancelToken());
    if (!sources.ok()) {
        QSKIP("no voice model here");
    }
    QVERIFY(!sources->voice.track.frames.empty());
    const FaceFit photo = photoFit();
    QElapsedTimer timer;
    timer.start();
    const FaceTrack motion = motionTrack(document, *sources, FrameRate::Fps25);
    const qint64 track_us = timer.nsecsElapsed() / 1000;
    timer.restart();
    const std::vector<MotionIssue> issues = checkMotion(motion, sources->voice.track, photo);
    const qint64 check_us = timer.nsecsElapsed() / 1000;
    int closed = 0;
    for (size_t k = 0; k < motion.frames.size(); ++k) {
        const FaceState v = sampleTrack(sources->voice.track, k / 25.0);
        closed += (v.weights[size_t(Blendshape::MouthPressLeft)] >= 0.2f && v.speech >= 0.5f &&
                   lipAperture(v.weights) <= 0.05f);
    }
    qInfo(
        "sample %.1f s: %zu frames, %d sealed by the voice, motionTrack %lld us, checkMotion %lld "
        "us, "
        "%zu issues",
        motion.duration_s(), motion.frames.size(), closed, track_us, check_us, issues.size());
    for (const MotionIssue& issue : issues) {
        qInfo("  kind %d frames %d..%d peak %.2f severity %.2f", int(issue.kind), issue.first_frame,
              issue.end_frame, issue.peak, issue.severity);
    }
    // What the viewer's onion skin costs per playhead move: three frames either side put onto
    // the face.
    timer.restart();
    float sink = 0.0f;
    for (int k = 90; k < 96; ++k) {
        sink += applyFaceState(photo, motion.frames[size_t(k)]).landmarks2d[13].y;
    }
    qInfo("onion skin, 6 frames: %lld us (%.0f)", timer.nsecsElapsed() / 1000, double(sink));
    // Default document over the sample: the voice's own mouth, which its seal closes.
    QVERIFY(ofKind(issues, MotionIssueKind::LipsApart).empty());
}

QTEST_GUILESS_MAIN(TestMotionCheck)
#include "TestMotionCheck.moc"
