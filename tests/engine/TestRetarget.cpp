// Retargeting a tracked performance onto a portrait, on tracks made here: the rest frame found
// is the one with the lips together, the eyes open and the head facing the camera, never a frame
// without the face; at rest the portrait keeps its own expression (its own jaw and lips where a
// capture replaces them, nothing added to its smile where the renderer adds); away from rest the
// portrait moves by the performer's deltas from rest, scaled; the head turns by the performer's
// rotation from their mean pose, times the head factor; a rest frame chosen by the user is used.
#include <QtTest>
#include <cmath>
#include <glm/gtc/quaternion.hpp>

#include "face/HeadPose.h"
#include "motion/ApplyFaceState.h"
#include "motion/Retarget.h"

using namespace ps;

namespace {

constexpr float kTolerance = 1e-5f;

float& w(FaceState& state, Blendshape shape) {
    return state.weights[size_t(shape)];
}
float w(const FaceState& state, Blendshape shape) {
    return state.weights[size_t(shape)];
}

// A performer who squints a little and holds the lips slightly apart even at rest, sitting 8°
// turned to the left and 4° nodded down; frame 3 is their rest.
Performance performance() {
    Performance p;
    p.track.fps = 25.0;
    p.track.frames.resize(8);
    for (FaceState& state : p.track.frames) {
        w(state, Blendshape::EyeSquintLeft) = 0.2f;
        w(state, Blendshape::JawOpen) = 0.05f;
        state.head_deg = {4.0f, 8.0f, 0.0f};
    }
    w(p.track.frames[0], Blendshape::JawOpen) = 0.6f;       // speaking
    w(p.track.frames[1], Blendshape::EyeBlinkLeft) = 0.9f;  // blinking
    w(p.track.frames[1], Blendshape::EyeBlinkRight) = 0.9f;
    p.track.frames[2].head_deg = {4.0f, 38.0f, 0.0f};         // turned away
    w(p.track.frames[4], Blendshape::MouthSmileLeft) = 0.7f;  // smiling, mouth closed
    w(p.track.frames[4], Blendshape::MouthSmileRight) = 0.7f;
    w(p.track.frames[4], Blendshape::CheekSquintLeft) = 0.3f;
    w(p.track.frames[5], Blendshape::JawOpen) = 0.3f;
    w(p.track.frames[5], Blendshape::BrowInnerUp) = 0.5f;
    p.track.frames[6].head_deg = {-6.0f, -12.0f, 5.0f};
    w(p.track.frames[7], Blendshape::JawOpen) = 0.0f;        // the lips shut: looks most at rest,
    w(p.track.frames[7], Blendshape::EyeSquintLeft) = 0.0f;  // but the face is not seen
    p.track.frames[7].head_deg = {0.0f, 0.0f, 0.0f};
    p.found.assign(8, true);
    p.found[7] = false;
    return p;
}

// A portrait that smiles with its lips a little apart.
BlendshapeWeights smilingPortrait() {
    BlendshapeWeights own{};
    own[size_t(Blendshape::MouthSmileLeft)] = 0.5f;
    own[size_t(Blendshape::MouthSmileRight)] = 0.5f;
    own[size_t(Blendshape::JawOpen)] = 0.1f;
    own[size_t(Blendshape::MouthLowerDownLeft)] = 0.2f;
    return own;
}

}  // namespace

class TestRetarget : public QObject {
    Q_OBJECT

private slots:
    void theRestFrameHasLipsTogetherEyesOpenAndFacesTheCamera() {
        Performance p = performance();
        QCOMPARE(findRestFrame(p), std::optional<size_t>(3));
        // Without the flags, frame 7 is the most at rest; with no face anywhere, none is.
        p.found.clear();
        QCOMPARE(findRestFrame(p), std::optional<size_t>(7));
        p.found.assign(8, false);
        QVERIFY(!findRestFrame(p));
        QVERIFY(retargetPerformance(p, {}).frames.empty());
        // A smile with the lips shut and no squint is not rest either, though its mouth is
        // nearer closed than the rest frame's: taken as the neutral, it would be taken off every
        // other frame as a frown.
        p = performance();
        w(p.track.frames[4], Blendshape::JawOpen) = 0.0f;
        w(p.track.frames[4], Blendshape::EyeSquintLeft) = 0.0f;
        w(p.track.frames[4], Blendshape::CheekSquintLeft) = 0.0f;
        QCOMPARE(findRestFrame(p), std::optional<size_t>(3));
    }

    void atRestThePortraitKeepsItsOwnExpression() {
        const Performance p = performance();
        const BlendshapeWeights own = smilingPortrait();
        const FaceTrack track = retargetPerformance(p, own);
        QCOMPARE(track.frames.size(), p.track.frames.size());
        QCOMPARE(track.fps, p.track.fps);
        const FaceState& rest = track.frames[3];
        for (int i = 0; i < kBlendshapeCount; ++i) {
            // The shapes a capture replaces carry the portrait's own value; the others add to it
            // in applyFaceState, so nothing is added at rest.
            const float expected =
                isSpeechShape(static_cast<Blendshape>(i)) ? own[size_t(i)] : 0.0f;
            QVERIFY2(std::abs(rest.weights[size_t(i)] - expected) < kTolerance,
                     qPrintable(QString("shape %1: %2").arg(i).arg(rest.weights[size_t(i)])));
        }
        QCOMPARE(rest.speech, 1.0f);
    }

    void awayFromRestThePortraitMovesByTheDeltas() {
        const Performance p = performance();
        const BlendshapeWeights own = smilingPortrait();
        const FaceTrack track = retargetPerformance(p, own);
        // Frame 5: the jaw 0.25 further open than at rest, on the portrait's own 0.1; the brows
        // raised 0.5 from nothing.
        QVERIFY(std::abs(w(track.frames[5], Blendshape::JawOpen) - 0.35f) < kTolerance);
        QVERIFY(std::abs(w(track.frames[5], Blendshape::BrowInnerUp) - 0.5f) < kTolerance);
        // The squint the performer always has drives nothing.
        QVERIFY(std::abs(w(track.frames[5], Blendshape::EyeSquintLeft)) < kTolerance);
        // Frame 4's smile adds to the portrait's (the renderer adds it to its 0.5).
        QVERIFY(std::abs(w(track.frames[4], Blendshape::MouthSmileLeft) - 0.7f) < kTolerance);
        // Frame 0: speaking, jaw 0.55 above rest.
        QVERIFY(std::abs(w(track.frames[0], Blendshape::JawOpen) - 0.65f) < kTolerance);
        // Half the expression: half the delta.
        RetargetSettings half;
        half.expression_scale = 0.5f;
        const FaceTrack halved = retargetPerformance(p, own, half);
        QVERIFY(std::abs(w(halved.frames[5], Blendshape::JawOpen) - 0.225f) < kTolerance);
        // Weights stay in 0..1: the shut lips of frame 7 (below rest) do not go negative.
        QVERIFY(w(track.frames[7], Blendshape::EyeSquintLeft) >= 0.0f);
    }

    void theHeadTurnsFromThePerformersMeanPose() {
        // An actor filmed from below (their mean pose nodded 25° down and turned 10° in the
        // camera's frame) who turns and nods in pairs of opposite turns about that pose, so that
        // the mean pose is exactly it.
        const glm::quat mean = rotationFromEulerDeg({25.0f, 10.0f, 0.0f});
        const std::vector<glm::vec3> turns_deg = {{0.0f, 20.0f, 0.0f}, {0.0f, -20.0f, 0.0f},
                                                  {10.0f, 0.0f, 0.0f}, {-10.0f, 0.0f, 0.0f},
                                                  {8.0f, 15.0f, 4.0f}, {-8.0f, -15.0f, -4.0f}};
        Performance p;
        p.track.fps = 25.0;
        for (const glm::vec3& t : turns_deg) {
            FaceState state;
            const glm::quat turn = glm::quat(glm::radians(t));
            state.head_deg = eulerDegFromRotation(mean * turn);
            p.track.frames.push_back(state);
        }
        // Opposite turns: pairs (0, 1) and (2, 3) are exact inverses; so is (4, 5) as rotations.
        p.track.frames[5].head_deg =
            eulerDegFromRotation(mean * glm::inverse(glm::quat(glm::radians(turns_deg[4]))));
        const FaceTrack track = retargetPerformance(p, {});
        QCOMPARE(track.frames.size(), p.track.frames.size());
        for (size_t k = 0; k < 5; ++k) {
            // The portrait's head (its photo's pose times the turn, as applyFaceState composes
            // them) turns as the actor's head turned from their mean pose.
            const glm::quat got = glm::quat(glm::radians(track.frames[k].head_deg));
            const glm::quat want = glm::quat(glm::radians(turns_deg[k]));
            QVERIFY2(std::abs(glm::dot(got, want)) > std::cos(glm::radians(0.05f)),
                     qPrintable(QString("frame %1: %2 %3 %4")
                                    .arg(k)
                                    .arg(track.frames[k].head_deg.x)
                                    .arg(track.frames[k].head_deg.y)
                                    .arg(track.frames[k].head_deg.z)));
        }
        // A plain turn of the neck stays a turn: no roll, though the camera saw it from below
        // (subtracting the camera-frame angles would have read 20° of yaw as yaw and roll).
        QVERIFY(std::abs(track.frames[0].head_deg.y - 20.0f) < 0.05f);
        QVERIFY(std::abs(track.frames[0].head_deg.z) < 0.05f);
        QVERIFY(std::abs(track.frames[0].head_deg.x) < 0.05f);
        RetargetSettings settings;
        settings.head_scale = 0.5f;
        const FaceTrack half = retargetPerformance(p, {}, settings);
        QVERIFY(glm::length(half.frames[4].head_deg - 0.5f * track.frames[4].head_deg) < 1e-4f);
        settings.head_scale = 0.0f;
        QCOMPARE(retargetPerformance(p, {}, settings).frames[4].head_deg, glm::vec3(0.0f));
    }

    void aChosenRestFrameIsUsed() {
        const Performance p = performance();
        RetargetSettings settings;
        settings.rest_frame = 5;  // the raised brows and open jaw become neutral
        const FaceTrack track = retargetPerformance(p, {}, settings);
        QVERIFY(std::abs(w(track.frames[5], Blendshape::BrowInnerUp)) < kTolerance);
        QVERIFY(std::abs(w(track.frames[0], Blendshape::JawOpen) - 0.3f) < kTolerance);
        settings.rest_frame = 7;  // no face there
        QVERIFY(retargetPerformance(p, {}, settings).frames.empty());
        settings.rest_frame = 99;
        QVERIFY(retargetPerformance(p, {}, settings).frames.empty());
    }
};

QTEST_APPLESS_MAIN(TestRetarget)
#include "TestRetarget.moc"
