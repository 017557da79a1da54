// Mouth shapes: their keys, how the voice's weights classify into them, the segments of a voice
// track, the mouth each override imposes (which classifies as itself on any voice), and viseme
// overrides in the evaluator: a Closed override seals an open voice where it covers, eases in
// and out, does nothing when disabled, and undoing its insertion restores the evaluation.
#include <QtTest>
#include <cmath>
#include <random>

#include "Keys.h"

#include "motion/ApplyFaceState.h"
#include "motion/MotionEdit.h"
#include "motion/MotionEvaluator.h"
#include "motion/Viseme.h"
#include "voice/LipSeal.h"
#include "voice/MouthChannels.h"

using namespace ps;

Q_DECLARE_METATYPE(ps::MouthShape)

namespace {

using B = Blendshape;

void set(BlendshapeWeights& weights, B shape, float value) {
    weights[size_t(shape)] = value;
}

void setPair(BlendshapeWeights& weights, B left, float value) {
    set(weights, left, value);
    set(weights, mirroredBlendshape(left), value);
}

BlendshapeWeights openVowel() {
    BlendshapeWeights w{};
    set(w, B::JawOpen, 0.5f);
    setPair(w, B::MouthLowerDownLeft, 0.2f);
    return w;
}

BlendshapeWeights roundedVowel() {
    BlendshapeWeights w{};
    set(w, B::JawOpen, 0.2f);
    set(w, B::MouthFunnel, 0.4f);
    set(w, B::MouthPucker, 0.5f);
    return w;
}

BlendshapeWeights spreadVowel() {
    BlendshapeWeights w{};
    set(w, B::JawOpen, 0.12f);
    setPair(w, B::MouthStretchLeft, 0.3f);
    setPair(w, B::MouthSmileLeft, 0.25f);
    setPair(w, B::MouthUpperUpLeft, 0.06f);
    return w;
}

// The voice model's sealed bilabial on an open vowel (LipSeal).
BlendshapeWeights sealed(const BlendshapeWeights& voice) {
    MouthWeights mouth{};
    for (int c = 0; c < kMouthChannelCount; ++c) {
        mouth[size_t(c)] = voice[size_t(kMouthChannels[size_t(c)])];
    }
    mouth = sealedLips(mouth);
    BlendshapeWeights out = voice;
    for (int c = 0; c < kMouthChannelCount; ++c) {
        out[size_t(kMouthChannels[size_t(c)])] = mouth[size_t(c)];
    }
    return out;
}

// The training targets' f/v tuck (labiodental pose).
BlendshapeWeights tuck() {
    BlendshapeWeights w{};
    set(w, B::JawOpen, 0.07f);
    set(w, B::MouthRollLower, 0.55f);
    setPair(w, B::MouthUpperUpLeft, 0.12f);
    setPair(w, B::MouthStretchLeft, 0.05f);
    return w;
}

BlendshapeWeights randomMouth(std::mt19937& random) {
    BlendshapeWeights w{};
    for (float& value : w) {
        value = std::uniform_real_distribution<float>(0.0f, 1.0f)(random);
    }
    return w;
}

FaceState frame(const BlendshapeWeights& weights, float speech) {
    FaceState state;
    state.weights = weights;
    state.speech = speech;
    return state;
}

// A voice speaking an open vowel throughout, at 60 fps for 2 s.
MotionSources openVoice(float speech = 1.0f) {
    MotionSources sources;
    sources.voice.track.fps = 60.0;
    sources.voice.track.frames.assign(120, frame(openVowel(), speech));
    return sources;
}

MotionDocument documentOf(double duration_s) {
    MotionDocument document;
    document.duration_s = duration_s;
    document.idle.enabled = false;
    return document;
}

VisemeOverride closedOver(double start_s, double end_s) {
    VisemeOverride viseme;
    viseme.start_s = start_s;
    viseme.end_s = end_s;
    viseme.shape = MouthShape::Closed;
    return viseme;
}

bool sameState(const FaceState& a, const FaceState& b) {
    return a.weights == b.weights && a.added == b.added && a.speech == b.speech &&
           a.head_deg == b.head_deg;
}

}  // namespace

class TestViseme : public QObject {
    Q_OBJECT

private slots:
    void keysRoundTrip() {
        const char* expected[] = {"rest", "closed", "open", "wide", "rounded", "teethOnLip"};
        for (int i = 0; i < kMouthShapeCount; ++i) {
            QCOMPARE(QString(mouthShapeKey(MouthShape(i))), QString(expected[i]));
            QCOMPARE(mouthShapeFromKey(expected[i]), std::optional<MouthShape>(MouthShape(i)));
        }
        QVERIFY(!mouthShapeFromKey("Closed"));
        QVERIFY(!mouthShapeFromKey(""));
        QVERIFY(!isValidMouthShape(MouthShape(kMouthShapeCount)));
    }

    void classifiesTheVoicesMouths_data() {
        QTest::addColumn<int>("example");
        QTest::addColumn<float>("speech");
        QTest::addColumn<MouthShape>("shape");
        QTest::newRow("silent, relaxed") << 0 << 0.0f << MouthShape::Rest;
        QTest::newRow("speaking, relaxed") << 0 << 1.0f << MouthShape::Rest;
        QTest::newRow("open vowel") << 1 << 1.0f << MouthShape::Open;
        QTest::newRow("rounded vowel") << 2 << 1.0f << MouthShape::Rounded;
        QTest::newRow("spread vowel") << 3 << 1.0f << MouthShape::Wide;
        QTest::newRow("sealed bilabial") << 4 << 1.0f << MouthShape::Closed;
        QTest::newRow("sealed in silence") << 4 << 0.0f << MouthShape::Closed;
        QTest::newRow("f/v tuck") << 5 << 1.0f << MouthShape::TeethOnLip;
        QTest::newRow("lips meeting unpressed") << 6 << 1.0f << MouthShape::Closed;
        QTest::newRow("nearly shut in silence") << 6 << 0.0f << MouthShape::Rest;
    }

    void classifiesTheVoicesMouths() {
        QFETCH(int, example);
        QFETCH(float, speech);
        QFETCH(MouthShape, shape);
        BlendshapeWeights unpressed{};
        set(unpressed, B::JawOpen, 0.06f);
        set(unpressed, B::MouthClose, 0.06f);
        const BlendshapeWeights examples[] = {
            BlendshapeWeights{}, openVowel(), roundedVowel(), spreadVowel(),
            sealed(openVowel()), tuck(),      unpressed};
        QCOMPARE(mouthShapeKey(classifyMouth(examples[example], speech)), mouthShapeKey(shape));
    }

    void overrideMouthsClassifyAsThemselves() {
        std::mt19937 random(5);
        std::vector<BlendshapeWeights> voices = {BlendshapeWeights{}, openVowel(), roundedVowel(),
                                                 spreadVowel(), tuck()};
        for (int i = 0; i < 20; ++i) {
            voices.push_back(randomMouth(random));
        }
        BlendshapeWeights full;
        full.fill(1.0f);
        voices.push_back(full);
        for (int s = 0; s < kMouthShapeCount; ++s) {
            for (size_t v = 0; v < voices.size(); ++v) {
                const BlendshapeWeights mouth = mouthForShape(MouthShape(s), voices[v]);
                QVERIFY2(classifyMouth(mouth, 1.0f) == MouthShape(s),
                         qPrintable(QString("%1 on voice %2 reads as %3")
                                        .arg(mouthShapeKey(MouthShape(s)))
                                        .arg(v)
                                        .arg(mouthShapeKey(classifyMouth(mouth, 1.0f)))));
                // What is not the mouth stays the voice's.
                for (int b = 0; b < kBlendshapeCount; ++b) {
                    if (!isOverriddenMouthShape(B(b))) {
                        QCOMPARE(mouth[size_t(b)], voices[v][size_t(b)]);
                    }
                }
            }
        }
        // Closed keeps the voice's rounding (an m before u), Rest is every mouth shape at 0.
        const BlendshapeWeights closed = mouthForShape(MouthShape::Closed, roundedVowel());
        QCOMPARE(closed[size_t(B::MouthPucker)], 0.5f);
        QVERIFY(lipAperture(closed) == 0.0f);
        const BlendshapeWeights rest = mouthForShape(MouthShape::Rest, full);
        for (int b = 0; b < kBlendshapeCount; ++b) {
            QCOMPARE(rest[size_t(b)], isOverriddenMouthShape(B(b)) ? 0.0f : 1.0f);
        }
    }

    void segmentsCoverTheTrack() {
        FaceTrack track;
        track.fps = 100.0;
        // 0.00-0.20 rest, 0.20-0.30 closed, 0.30-0.33 a flicker of wide, 0.33-0.60 open,
        // 0.60-0.64 rest, 0.64-0.70 open.
        const auto add = [&](const BlendshapeWeights& w, float speech, int frames) {
            for (int k = 0; k < frames; ++k) {
                track.frames.push_back(frame(w, speech));
            }
        };
        add(BlendshapeWeights{}, 0.0f, 20);
        add(sealed(openVowel()), 1.0f, 10);
        add(spreadVowel(), 1.0f, 3);
        add(openVowel(), 1.0f, 27);
        add(BlendshapeWeights{}, 1.0f, 4);
        add(openVowel(), 1.0f, 6);
        const std::vector<VisemeSegment> segments = visemeSegments(track);
        QCOMPARE(int(segments.size()), 3);
        QCOMPARE(segments[0].shape, MouthShape::Rest);
        QCOMPARE(segments[1].shape, MouthShape::Closed);
        QCOMPARE(segments[2].shape, MouthShape::Open);
        QCOMPARE(segments.front().start_s, 0.0);
        QCOMPARE(segments.back().end_s, track.duration_s());
        for (size_t i = 1; i < segments.size(); ++i) {
            QCOMPARE(segments[i].start_s, segments[i - 1].end_s);
        }
        QVERIFY(std::abs(segments[1].start_s - 0.2) < 1e-9);
        // The flicker went to the longer neighbour (open), the closed run kept its length.
        QVERIFY(std::abs(segments[1].end_s - 0.3) < 1e-9);
        QVERIFY(visemeSegments(FaceTrack{}).empty());
    }

    void closedOverrideSealsAnOpenVoice() {
        const MotionSources sources = openVoice(0.0f);  // silent: the photo's mouth, normally
        MotionDocument document = documentOf(2.0);
        const FaceState before_early = evaluateMotion(document, sources, 0.3);
        const FaceState before = evaluateMotion(document, sources, 0.75);
        QVERIFY(lipAperture(before.weights) > 0.3f);
        QCOMPARE(before.speech, 0.0f);

        const Result<MotionEdit> undo =
            applyEdit(document, MotionEdit{InsertElement<VisemeOverride>{closedOver(0.5, 1.0)}});
        QVERIFY(undo.ok());
        const FaceState during = evaluateMotion(document, sources, 0.75);
        QVERIFY(lipAperture(during.weights) < 0.05f);
        QCOMPARE(during.speech, 1.0f);  // the override takes the mouth
        QCOMPARE(classifyMouth(during.weights, 1.0f), MouthShape::Closed);
        QVERIFY(sameState(evaluateMotion(document, sources, 0.3), before_early));

        // Eased in over 40 ms: halfway at 20 ms, fully at 40 ms.
        const FaceState easing = evaluateMotion(document, sources, 0.52);
        QVERIFY(easing.speech > 0.3f && easing.speech < 0.7f);
        const float jaw_before = before.weights[size_t(B::JawOpen)];
        const float jaw_easing = easing.weights[size_t(B::JawOpen)];
        QVERIFY(jaw_easing < jaw_before && jaw_easing > during.weights[size_t(B::JawOpen)]);
        QVERIFY(lipAperture(evaluateMotion(document, sources, 0.54).weights) < 0.05f);
        QVERIFY(lipAperture(evaluateMotion(document, sources, 0.96).weights) < 0.05f);

        // Undo restores the exact evaluation.
        QVERIFY(applyEdit(document, *undo).ok());
        QVERIFY(sameState(evaluateMotion(document, sources, 0.75), before));
        QVERIFY(sameState(evaluateMotion(document, sources, 0.52),
                          evaluateMotion(documentOf(2.0), sources, 0.52)));
    }

    void disabledOverrideDoesNothing() {
        const MotionSources sources = openVoice();
        MotionDocument document = documentOf(2.0);
        const FaceState before = evaluateMotion(document, sources, 0.75);
        VisemeOverride off = closedOver(0.5, 1.0);
        off.enabled = false;
        QVERIFY(applyEdit(document, MotionEdit{InsertElement<VisemeOverride>{off}}).ok());
        QVERIFY(sameState(evaluateMotion(document, sources, 0.75), before));
    }

    void laterOverrideWinsAndLayersApplyOver() {
        const MotionSources sources = openVoice();
        MotionDocument document = documentOf(2.0);
        document.visemes.push_back(closedOver(0.0, 2.0));
        VisemeOverride rounded = closedOver(0.5, 1.0);
        rounded.shape = MouthShape::Rounded;
        document.visemes.push_back(rounded);
        QCOMPARE(classifyMouth(evaluateMotion(document, sources, 0.75).weights, 1.0f),
                 MouthShape::Rounded);
        QCOMPARE(classifyMouth(evaluateMotion(document, sources, 1.5).weights, 1.0f),
                 MouthShape::Closed);
        // A curve overriding the jaw still applies over the override.
        KeyframeCurve jaw;
        jaw.channel = int(B::JawOpen);
        jaw.blend = BlendMode::Override;
        jaw.keys = {key(1.2, 0.6f), key(1.8, 0.6f)};
        document.curves.push_back(jaw);
        QVERIFY(std::abs(evaluateMotion(document, sources, 1.5).weights[size_t(B::JawOpen)] -
                         0.6f) < 1e-6f);
        // Scaled by the lips' strength like the voice.
        document.strengths.lips = 0.5f;
        const float pucker =
            0.5f * mouthForShape(MouthShape::Rounded, openVowel())[size_t(B::MouthPucker)];
        QVERIFY(std::abs(evaluateMotion(document, sources, 0.75).weights[size_t(B::MouthPucker)] -
                         pucker) < 1e-6f);
    }

    void overridesShowWithoutAVoice() {
        MotionSources sources;  // no audio
        MotionDocument document = documentOf(2.0);
        VisemeOverride open = closedOver(0.5, 1.0);
        open.shape = MouthShape::Open;
        document.visemes.push_back(open);
        const FaceState state = evaluateMotion(document, sources, 0.75);
        QCOMPARE(classifyMouth(state.weights, 1.0f), MouthShape::Open);
        QCOMPARE(state.speech, 1.0f);
    }
};

QTEST_GUILESS_MAIN(TestViseme)
#include "TestViseme.moc"
