// The motion document's layers, each on its own and in order: the voice and idle tracks,
// expression and pose clips with their fades, captures, keyframe curves adding and overriding,
// landmark sculpts, and the global strengths; and how the result meets the photo.
#include <QtTest>
#include <cmath>

#include "Keys.h"
#include "face/FaceFit.h"
#include "face/FaceMesh.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionChannel.h"
#include "motion/MotionEvaluator.h"

using namespace ps;

namespace {

constexpr float kTolerance = 1e-5f;

float weight(const FaceState& state, Blendshape shape) {
    return state.weights[size_t(shape)];
}

float added(const FaceState& state, Blendshape shape) {
    return state.added[size_t(shape)];
}

// A voice track at 10 fps: the jaw opening from 0.2 to 0.4 over its two frames while speaking,
// the head pitched 2 degrees.
MotionSources voiceSources() {
    MotionSources sources;
    sources.voice.track.fps = 10.0;
    sources.voice.track.frames.resize(2);
    for (size_t k = 0; k < 2; ++k) {
        FaceState& state = sources.voice.track.frames[k];
        state.weights[size_t(Blendshape::JawOpen)] = 0.2f + 0.2f * float(k);
        state.speech = 1.0f;
        state.head_deg = {2.0f, 0.0f, 0.0f};
    }
    return sources;
}

ExpressionTemplate constantTemplate(const std::string& name, Blendshape shape, float value,
                                    BlendMode blend = BlendMode::Add) {
    ExpressionTemplate expression;
    expression.name = name;
    expression.blend = blend;
    Keyframe key;
    key.value = value;
    expression.channels.push_back({int(shape), {key}});
    return expression;
}

// A pitch movement 0 -> 8 -> 0 over one second.
ExpressionTemplate nodTemplate(bool repeat) {
    ExpressionTemplate nod;
    nod.name = "nod";
    nod.kind = TemplateKind::Pose;
    nod.duration_s = 1.0;
    nod.repeat = repeat;
    nod.channels.push_back({kHeadPitchChannel, {key(0.0, 0.0f), key(0.5, 8.0f), key(1.0, 0.0f)}});
    return nod;
}

ExpressionClip clipOf(ExpressionTemplate expression, double start_s, double duration_s,
                      double fade_s = 0.0) {
    ExpressionClip clip;
    clip.id = 1;
    clip.expression = std::move(expression);
    clip.start_s = start_s;
    clip.duration_s = duration_s;
    clip.fade_in_s = fade_s;
    clip.fade_out_s = fade_s;
    return clip;
}

}  // namespace

class TestMotionEvaluator : public QObject {
    Q_OBJECT

private slots:
    void anEmptyDocumentIsTheFaceAtRest() {
        const FaceState state = evaluateMotion(MotionDocument{}, MotionSources{}, 1.0);
        for (float w : state.weights) {
            QCOMPARE(w, 0.0f);
        }
        QCOMPARE(state.head_deg, glm::vec3(0.0f));
        QCOMPARE(state.speech, 0.0f);
        QVERIFY(state.vertex_offsets_cm.empty());
    }

    void theVoiceLayerIsReadBetweenItsSamples() {
        MotionDocument document;
        const MotionSources sources = voiceSources();
        const FaceState middle = evaluateMotion(document, sources, 0.05);
        QVERIFY(std::abs(weight(middle, Blendshape::JawOpen) - 0.3f) < kTolerance);
        QCOMPARE(middle.speech, 1.0f);
        QCOMPARE(middle.head_deg.x, 2.0f);
        // Held past its end.
        QVERIFY(std::abs(weight(evaluateMotion(document, sources, 9.0), Blendshape::JawOpen) -
                         0.4f) < kTolerance);
    }

    void strengthsScaleTheVoiceAndTheHead() {
        MotionDocument document;
        document.strengths.lips = 0.5f;
        document.strengths.head = 0.25f;
        const FaceState state = evaluateMotion(document, voiceSources(), 0.0);
        QVERIFY(std::abs(weight(state, Blendshape::JawOpen) - 0.1f) < kTolerance);
        QVERIFY(std::abs(state.head_deg.x - 0.5f) < kTolerance);
        document.voice.enabled = false;
        const FaceState off = evaluateMotion(document, voiceSources(), 0.0);
        QCOMPARE(weight(off, Blendshape::JawOpen), 0.0f);
        QCOMPARE(off.speech, 0.0f);
    }

    void theIdleLayerAddsBlinksAndSway() {
        MotionDocument document;
        MotionSources sources = voiceSources();
        sources.idle.track.fps = 10.0;
        sources.idle.track.frames.resize(1);
        sources.idle.track.frames[0].weights[size_t(Blendshape::EyeBlinkLeft)] = 0.9f;
        sources.idle.track.frames[0].head_deg = {1.0f, -3.0f, 0.5f};
        const FaceState state = evaluateMotion(document, sources, 0.0);
        QCOMPARE(weight(state, Blendshape::EyeBlinkLeft), 0.9f);
        QVERIFY(std::abs(state.head_deg.x - 3.0f) < kTolerance);  // the voice's 2 + sway's 1
        QVERIFY(std::abs(state.head_deg.y + 3.0f) < kTolerance);
        document.idle.enabled = false;
        QCOMPARE(weight(evaluateMotion(document, sources, 0.0), Blendshape::EyeBlinkLeft), 0.0f);
    }

    void aClipFadesInAndOut() {
        MotionDocument document;
        document.clips.push_back(
            clipOf(constantTemplate("smile", Blendshape::MouthSmileLeft, 0.6f), 1.0, 2.0, 0.5));
        const auto smileAt = [&](double t) {
            return weight(evaluateMotion(document, MotionSources{}, t), Blendshape::MouthSmileLeft);
        };
        QCOMPARE(smileAt(0.9), 0.0f);
        QVERIFY(std::abs(smileAt(1.25) - 0.3f) < kTolerance);  // halfway up an eased fade
        QVERIFY(std::abs(smileAt(2.0) - 0.6f) < kTolerance);
        QVERIFY(std::abs(smileAt(2.75) - 0.3f) < kTolerance);
        QCOMPARE(smileAt(3.1), 0.0f);
        // The fade eases: a tenth of the way in is much less than a tenth of the value.
        QVERIFY(smileAt(1.05) < 0.6f * 0.05f);

        document.clips[0].intensity = 0.5f;
        QVERIFY(std::abs(smileAt(2.0) - 0.3f) < kTolerance);
        document.strengths.expressions = 2.0f;
        QVERIFY(std::abs(smileAt(2.0) - 0.6f) < kTolerance);
        document.clips[0].enabled = false;
        QCOMPARE(smileAt(2.0), 0.0f);
    }

    void aClipOnTheMouthAddsAfterTheVoice() {
        MotionDocument document;
        document.clips.push_back(
            clipOf(constantTemplate("surprise", Blendshape::JawOpen, 0.25f), 0.0, 2.0));
        // In silence the clip's jaw is an addition to whatever the photo's mouth does...
        const FaceState silent = evaluateMotion(document, MotionSources{}, 1.0);
        QCOMPARE(weight(silent, Blendshape::JawOpen), 0.0f);
        QCOMPARE(added(silent, Blendshape::JawOpen), 0.25f);
        QCOMPARE(silent.speech, 0.0f);
        // ... and while speaking, to the voice's.
        const FaceState speaking = evaluateMotion(document, voiceSources(), 0.0);
        QVERIFY(std::abs(weight(speaking, Blendshape::JawOpen) - 0.2f) < kTolerance);
        QCOMPARE(added(speaking, Blendshape::JawOpen), 0.25f);
    }

    void laterClipsOverrideEarlierOnes() {
        MotionDocument document;
        document.clips.push_back(
            clipOf(constantTemplate("smile", Blendshape::MouthSmileLeft, 0.8f), 0.0, 4.0));
        ExpressionClip neutral = clipOf(
            constantTemplate("neutral", Blendshape::MouthSmileLeft, 0.0f, BlendMode::Override), 1.0,
            2.0);
        neutral.id = 2;
        neutral.intensity = 0.75f;
        document.clips.push_back(neutral);
        const auto smileAt = [&](double t) {
            return weight(evaluateMotion(document, MotionSources{}, t), Blendshape::MouthSmileLeft);
        };
        QVERIFY(std::abs(smileAt(0.5) - 0.8f) < kTolerance);
        QVERIFY(std::abs(smileAt(2.0) - 0.2f) < kTolerance);  // 75% of the way to 0
        QVERIFY(std::abs(smileAt(3.5) - 0.8f) < kTolerance);
    }

    void aPoseClipRepeatsOrHolds() {
        MotionDocument document;
        document.clips.push_back(clipOf(nodTemplate(true), 2.0, 3.0));
        const auto pitchAt = [&](double t) {
            return evaluateMotion(document, MotionSources{}, t).head_deg.x;
        };
        QVERIFY(std::abs(pitchAt(2.5) - 8.0f) < kTolerance);
        QVERIFY(std::abs(pitchAt(3.5) - 8.0f) < kTolerance);  // the second nod
        QVERIFY(std::abs(pitchAt(3.25) - 4.0f) < kTolerance);
        document.clips[0].expression.repeat = false;
        QVERIFY(std::abs(pitchAt(3.5)) < kTolerance);  // one nod, then its end held
        // Pose clips follow the head's strength, not the expressions'.
        document.clips[0].expression.repeat = true;
        document.strengths.expressions = 0.0f;
        document.strengths.head = 0.5f;
        QVERIFY(std::abs(pitchAt(2.5) - 4.0f) < kTolerance);
    }

    void aCaptureOverridesOrAdds() {
        MotionDocument document;
        CaptureLayer capture;
        capture.id = 3;
        capture.start_s = 1.0;
        capture.track.fps = 10.0;
        capture.track.frames.resize(10);
        for (FaceState& state : capture.track.frames) {
            state.weights[size_t(Blendshape::JawOpen)] = 0.5f;
            state.head_deg.y = 10.0f;
        }
        document.captures.push_back(capture);
        const MotionSources sources = voiceSources();
        const FaceState before = evaluateMotion(document, sources, 0.5);
        QVERIFY(std::abs(weight(before, Blendshape::JawOpen) - 0.4f) < kTolerance);  // voice
        const FaceState during = evaluateMotion(document, sources, 1.5);
        QCOMPARE(weight(during, Blendshape::JawOpen), 0.5f);
        QCOMPARE(during.head_deg.y, 10.0f);
        QCOMPARE(during.head_deg.x, 0.0f);  // overridden: the voice's pitch is gone
        QCOMPARE(during.speech, 1.0f);
        document.captures[0].blend = BlendMode::Add;
        const FaceState adding = evaluateMotion(document, sources, 1.5);
        QCOMPARE(adding.head_deg.x, 2.0f);
        QCOMPARE(adding.head_deg.y, 10.0f);
        QCOMPARE(added(adding, Blendshape::JawOpen), 0.5f);
    }

    // A capture limited to a region drives only that region's channels; the voice keeps the
    // rest, its mouth included unless the capture has the mouth.
    void aCaptureDrivesOnlyItsRegions() {
        MotionDocument document;
        CaptureLayer capture;
        capture.id = 3;
        capture.track.fps = 10.0;
        capture.track.frames.resize(30);
        for (FaceState& state : capture.track.frames) {
            state.weights[size_t(Blendshape::JawOpen)] = 0.5f;
            state.weights[size_t(Blendshape::EyeBlinkLeft)] = 0.8f;
            state.weights[size_t(Blendshape::BrowInnerUp)] = 0.6f;
            state.head_deg.y = 10.0f;
            state.speech = 1.0f;
        }
        document.captures.push_back(capture);
        const MotionSources sources = voiceSources();
        const auto at = [&](CaptureRegion regions) {
            document.captures[0].regions = regions;
            return evaluateMotion(document, sources, 1.5);
        };
        const FaceState upper = at(CaptureRegion::Upper);
        QVERIFY(std::abs(weight(upper, Blendshape::JawOpen) - 0.4f) < kTolerance);  // the voice's
        QCOMPARE(weight(upper, Blendshape::EyeBlinkLeft), 0.8f);
        QCOMPARE(weight(upper, Blendshape::BrowInnerUp), 0.6f);
        QCOMPARE(upper.head_deg.y, 10.0f);
        QCOMPARE(upper.head_deg.x, 0.0f);  // the head is the upper face's

        const FaceState lower = at(CaptureRegion::Lower);
        QCOMPARE(weight(lower, Blendshape::JawOpen), 0.5f);
        QCOMPARE(weight(lower, Blendshape::EyeBlinkLeft), 0.0f);
        QCOMPARE(weight(lower, Blendshape::BrowInnerUp), 0.0f);
        QCOMPARE(lower.head_deg.x, 2.0f);  // the voice's nod stays
        QCOMPARE(lower.head_deg.y, 0.0f);
        QCOMPARE(lower.speech, 1.0f);

        const FaceState head = at(CaptureRegion::Head);
        QVERIFY(std::abs(weight(head, Blendshape::JawOpen) - 0.4f) < kTolerance);
        QCOMPARE(weight(head, Blendshape::EyeBlinkLeft), 0.0f);
        QCOMPARE(head.head_deg.y, 10.0f);
        QCOMPARE(head.head_deg.x, 0.0f);

        const FaceState all = at(CaptureRegion::All);
        QCOMPARE(weight(all, Blendshape::JawOpen), 0.5f);
        QCOMPARE(weight(all, Blendshape::EyeBlinkLeft), 0.8f);
    }

    void curvesAddEverywhereAndOverrideBetweenTheirKeys() {
        MotionDocument document;
        KeyframeCurve add;
        add.id = 4;
        add.channel = kHeadYawChannel;
        add.keys = {key(1.0, 0.0f, Interpolation::Ease), key(2.0, 6.0f)};
        document.curves.push_back(add);
        const auto yawAt = [&](double t) {
            return evaluateMotion(document, MotionSources{}, t).head_deg.y;
        };
        QCOMPARE(yawAt(0.0), 0.0f);
        QVERIFY(std::abs(yawAt(1.5) - 3.0f) < kTolerance);
        QCOMPARE(yawAt(5.0), 6.0f);  // an additive curve holds its last value

        KeyframeCurve over;
        over.id = 5;
        over.channel = int(Blendshape::JawOpen);
        over.blend = BlendMode::Override;
        over.keys = {key(0.0, 0.7f, Interpolation::Step), key(0.05, 0.1f)};
        document.curves.push_back(over);
        const MotionSources sources = voiceSources();
        const FaceState inside = evaluateMotion(document, sources, 0.02);
        QCOMPARE(weight(inside, Blendshape::JawOpen), 0.7f);  // step holds the first key
        QCOMPARE(inside.speech, 1.0f);
        const FaceState after = evaluateMotion(document, sources, 0.08);
        QVERIFY(std::abs(weight(after, Blendshape::JawOpen) - 0.36f) < kTolerance);  // voice
    }

    void anOverrideTakesTheMouthInSilence() {
        MotionDocument document;
        KeyframeCurve over;
        over.id = 6;
        over.channel = int(Blendshape::MouthFunnel);
        over.blend = BlendMode::Override;
        over.keys = {key(0.0, 0.4f), key(1.0, 0.4f)};
        document.curves.push_back(over);
        const FaceState state = evaluateMotion(document, MotionSources{}, 0.5);
        QCOMPARE(weight(state, Blendshape::MouthFunnel), 0.4f);
        QCOMPARE(state.speech, 1.0f);
        QCOMPARE(evaluateMotion(document, MotionSources{}, 1.5).speech, 0.0f);
    }

    void valuesStayInTheirRanges() {
        MotionDocument document;
        document.clips.push_back(
            clipOf(constantTemplate("big", Blendshape::BrowInnerUp, 3.0f), 0.0, 1.0));
        KeyframeCurve roll;
        roll.id = 7;
        roll.channel = kHeadRollChannel;
        roll.keys = {key(0.0, -500.0f)};
        document.curves.push_back(roll);
        const FaceState state = evaluateMotion(document, MotionSources{}, 0.5);
        QCOMPARE(weight(state, Blendshape::BrowInnerUp), 1.0f);
        QCOMPARE(state.head_deg.z, -90.0f);
    }

    void aSculptFallsOffSmoothly() {
        const std::vector<float> share = sculptFalloff(landmark::kNoseTip, 2.0f);
        QCOMPARE(int(share.size()), kFaceVertexCount);
        QCOMPARE(share[size_t(landmark::kNoseTip)], 1.0f);
        int touched = 0;
        for (float s : share) {
            QVERIFY(s >= 0.0f && s <= 1.0f);
            touched += s > 0.0f;
        }
        QVERIFY(touched > 5);
        QVERIFY(touched < kFaceVertexCount / 2);
        QCOMPARE(share[size_t(landmark::kChin)], 0.0f);  // far from the nose

        MotionDocument document;
        LandmarkSculpt sculpt;
        sculpt.id = 8;
        sculpt.center_vertex = landmark::kNoseTip;
        sculpt.radius_cm = 2.0f;
        sculpt.offset_cm = {0.0f, 0.0f, 0.5f};
        sculpt.strength = {key(0.0, 0.0f), key(1.0, 1.0f)};
        document.sculpts.push_back(sculpt);
        const FaceState half = evaluateMotion(document, MotionSources{}, 0.5);
        QCOMPARE(int(half.vertex_offsets_cm.size()), kFaceVertexCount);
        QVERIFY(std::abs(half.vertex_offsets_cm[size_t(landmark::kNoseTip)].z - 0.25f) <
                kTolerance);
        QCOMPARE(half.vertex_offsets_cm[size_t(landmark::kChin)], glm::vec3(0.0f));
        QVERIFY(evaluateMotion(document, MotionSources{}, 0.0).vertex_offsets_cm.empty());
    }

    void theStateMovesThePhotosFace() {
        FaceFit photo;
        photo.image_size = {512, 512};
        photo.pose.translation = {0.0f, 0.0f, -50.0f};
        updateFaceFit(photo);

        // A sculpt moves its vertex in the image.
        FaceState sculpted;
        sculpted.vertex_offsets_cm.assign(size_t(kFaceVertexCount), glm::vec3(0.0f));
        sculpted.vertex_offsets_cm[size_t(landmark::kNoseTip)] = {1.0f, 0.0f, 0.0f};
        const FaceFit moved = applyFaceState(photo, sculpted);
        QVERIFY(glm::length(moved.landmarks2d[size_t(landmark::kNoseTip)] -
                            photo.landmarks2d[size_t(landmark::kNoseTip)]) > 3.0f);
        QCOMPARE(moved.landmarks2d[size_t(landmark::kChin)],
                 photo.landmarks2d[size_t(landmark::kChin)]);

        // An added jaw opens the mouth in silence, where the voice's own jaw would not show.
        const auto lipGap = [](const FaceFit& fit) {
            return fit.landmarks2d[size_t(landmark::kLowerInnerLip)].y -
                   fit.landmarks2d[size_t(landmark::kUpperInnerLip)].y;
        };
        FaceState voice_only;
        voice_only.weights[size_t(Blendshape::JawOpen)] = 0.4f;
        FaceState clip;
        clip.added[size_t(Blendshape::JawOpen)] = 0.4f;
        QVERIFY(std::abs(lipGap(applyFaceState(photo, voice_only)) - lipGap(photo)) < 1e-3f);
        QVERIFY(lipGap(applyFaceState(photo, clip)) > lipGap(photo) + 5.0f);
    }

    void aTrackHasOneStatePerFrame() {
        MotionDocument document;
        document.duration_s = 2.0;
        document.clips.push_back(
            clipOf(constantTemplate("surprise", Blendshape::JawOpen, 0.25f), 0.0, 2.0));
        const FaceTrack track = motionTrack(document, MotionSources{}, FrameRate::Fps25);
        QCOMPARE(track.fps, 25.0);
        QCOMPARE(int(track.frames.size()), 50);
        QCOMPARE(added(track.frames[10], Blendshape::JawOpen), 0.25f);
        const FaceTrack absolute = absoluteWeightsTrack(track);
        QCOMPARE(weight(absolute.frames[10], Blendshape::JawOpen), 0.25f);
        QCOMPARE(added(absolute.frames[10], Blendshape::JawOpen), 0.0f);
    }

    void aBlinkShorterThanAFrameStillShows() {
        MotionDocument document;
        document.duration_s = 0.5;
        MotionSources sources;
        sources.idle.track.fps = 60.0;
        sources.idle.track.frames.resize(30);
        // Shut for one 60 fps sample only, between two 24 fps frames' instants.
        sources.idle.track.frames[4].weights[size_t(Blendshape::EyeBlinkLeft)] = 1.0f;
        sources.idle.track.frames[4].weights[size_t(Blendshape::EyeBlinkRight)] = 1.0f;
        float instant = 0.0f;
        for (int k = 0; k < 12; ++k) {
            instant = std::max(instant, weight(evaluateMotion(document, sources, k / 24.0),
                                               Blendshape::EyeBlinkLeft));
        }
        QVERIFY(instant < 0.5f);  // every frame's own instant misses it
        const FaceTrack track = motionTrack(document, sources, FrameRate::Fps24);
        QCOMPARE(weight(track.frames[1], Blendshape::EyeBlinkLeft), 1.0f);
        QCOMPARE(weight(track.frames[1], Blendshape::EyeBlinkRight), 1.0f);
        QCOMPARE(weight(track.frames[3], Blendshape::EyeBlinkLeft), 0.0f);
    }

    void idleMotionFollowsItsSettings() {
        const VoiceSource silent = silentVoiceSource(60.0);
        MotionDocument document;
        document.duration_s = 60.0;
        Result<IdleSource> idle = makeIdleSource(silent.prosody, 60.0, document.idle, 1.0f);
        QVERIFY(idle.ok());
        QVERIFY(idleSourceIsCurrent(*idle, document));
        const auto countBlinks = [](const FaceTrack& track) {
            int blinks = 0;
            bool closed = false;
            for (const FaceState& state : track.frames) {
                const bool now = state.weights[size_t(Blendshape::EyeBlinkLeft)] > 0.5f;
                blinks += now && !closed;
                closed = now;
            }
            return blinks;
        };
        const int normal = countBlinks(idle->track);
        QVERIFY2(normal >= 10 && normal <= 24, qPrintable(QString::number(normal)));
        float most_sway = 0.0f;
        for (const FaceState& state : idle->track.frames) {
            most_sway = std::max(most_sway, std::abs(state.head_deg.y));
        }
        QVERIFY(most_sway > 0.2f);

        document.strengths.blink_rate = 2.0f;
        QVERIFY(!idleSourceIsCurrent(*idle, document));
        Result<IdleSource> faster = makeIdleSource(silent.prosody, 60.0, document.idle, 2.0f);
        QVERIFY(faster.ok());
        QVERIFY(countBlinks(faster->track) > normal * 3 / 2);
        // Far beyond what blinking can be: capped, not refused.
        QVERIFY(makeIdleSource(silent.prosody, 60.0, document.idle, 50.0f).ok());
        QVERIFY(!makeIdleSource(silent.prosody, 60.0, document.idle, -1.0f).ok());
    }

    void aMissingVoiceModelIsNamed() {
        AudioClip audio;
        VoiceLayerSettings settings;
        settings.model_path = "/nonexistent/model.safetensors";
        Result<VoiceSource> source = makeVoiceSource(audio, settings, CancelToken());
        QVERIFY(!source.ok());
        QVERIFY(QString::fromStdString(source.error().message).contains("model.safetensors"));
    }
};

QTEST_GUILESS_MAIN(TestMotionEvaluator)
#include "TestMotionEvaluator.moc"
