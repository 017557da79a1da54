// Which layers make a channel's value: the voice, idle blinks, clips inside their span (not
// outside, not at zero), captures adding or overriding, curves adding or overriding between their
// keys; a full override hiding what is beneath and a partial one not; and, against the evaluator,
// a channel nothing contributes to evaluates to zero while removing the driving layer changes it.
#include <QtTest>
#include <cmath>

#include "motion/ChannelContributions.h"
#include "motion/MotionEvaluator.h"

using namespace ps;

namespace {

constexpr int kJaw = int(Blendshape::JawOpen);
constexpr int kBlinkLeft = int(Blendshape::EyeBlinkLeft);
constexpr int kSmileLeft = int(Blendshape::MouthSmileLeft);

// A voice opening the jaw (0.3) and pitching the head, at 10 fps for 2 s.
MotionSources voiceSources() {
    MotionSources sources;
    sources.voice.track.fps = 10.0;
    sources.voice.track.frames.resize(20);
    for (FaceState& state : sources.voice.track.frames) {
        state.weights[size_t(kJaw)] = 0.3f;
        state.speech = 1.0f;
        state.head_deg = {2.0f, 0.0f, 0.0f};
    }
    return sources;
}

ExpressionClip smileClip(double start_s, float value, BlendMode blend = BlendMode::Add) {
    ExpressionClip clip;
    clip.id = 7;
    clip.expression.name = "smile";
    clip.expression.blend = blend;
    Keyframe key;
    key.value = value;
    clip.expression.channels.push_back({kSmileLeft, {key}});
    clip.expression.channels.push_back({kJaw, {key}});
    clip.start_s = start_s;
    clip.duration_s = 1.0;
    clip.fade_in_s = clip.fade_out_s = 0.0;
    return clip;
}

KeyframeCurve curveOn(int channel, BlendMode blend, std::vector<std::pair<double, float>> keys,
                      ElementId id = 20) {
    KeyframeCurve curve;
    curve.id = id;
    curve.channel = channel;
    curve.blend = blend;
    for (const auto& [t, v] : keys) {
        Keyframe key;
        key.t_s = t;
        key.value = v;
        curve.keys.push_back(key);
    }
    return curve;
}

std::vector<MotionLayer> layersOf(const std::vector<ChannelContribution>& contributions) {
    std::vector<MotionLayer> layers;
    for (const ChannelContribution& c : contributions) {
        layers.push_back(c.layer);
    }
    return layers;
}

float absoluteWeight(const MotionDocument& document, const MotionSources& sources, int channel,
                     double t_s) {
    const FaceState state = evaluateMotion(document, sources, t_s);
    return std::clamp(state.weights[size_t(channel)] + state.added[size_t(channel)], 0.0f, 1.0f);
}

}  // namespace

class TestChannelContributions : public QObject {
    Q_OBJECT

private slots:
    void nothingMovesAnEmptyDocument() {
        const ChannelContributions all =
            channelContributions(MotionDocument{}, MotionSources{}, 1.0);
        for (const auto& channel : all) {
            QVERIFY(channel.empty());
        }
        QCOMPARE(drivingLayer(all[size_t(kJaw)]).layer, MotionLayer::None);
    }

    void theVoiceDrivesWhatItMoves() {
        MotionDocument document;
        const MotionSources sources = voiceSources();
        ChannelContributions all = channelContributions(document, sources, 0.5);
        QCOMPARE(drivingLayer(all[size_t(kJaw)]).layer, MotionLayer::Voice);
        QCOMPARE(drivingLayer(all[size_t(kHeadPitchChannel)]).layer, MotionLayer::Voice);
        QVERIFY(all[size_t(kSmileLeft)].empty());  // the voice leaves it at 0
        QVERIFY(all[size_t(kHeadYawChannel)].empty());

        document.strengths.lips = 0.0f;  // scaled away: no longer a contribution
        all = channelContributions(document, sources, 0.5);
        QVERIFY(all[size_t(kJaw)].empty());
        QCOMPARE(drivingLayer(all[size_t(kHeadPitchChannel)]).layer, MotionLayer::Voice);

        document = {};
        document.voice.enabled = false;
        QVERIFY(channelContributions(document, sources, 0.5)[size_t(kJaw)].empty());
    }

    void idleBlinksAddOverTheVoice() {
        MotionSources sources = voiceSources();
        sources.idle.track.fps = 10.0;
        sources.idle.track.frames.resize(20);
        sources.idle.track.frames[5].weights[size_t(kBlinkLeft)] = 1.0f;
        sources.idle.track.frames[5].weights[size_t(kJaw)] = 0.1f;
        const ChannelContributions all = channelContributions(MotionDocument{}, sources, 0.5);
        QCOMPARE(layersOf(all[size_t(kBlinkLeft)]), std::vector<MotionLayer>{MotionLayer::Idle});
        QCOMPARE(layersOf(all[size_t(kJaw)]),
                 (std::vector<MotionLayer>{MotionLayer::Voice, MotionLayer::Idle}));
        // Between blinks the eye is open: nothing drives it.
        QVERIFY(channelContributions(MotionDocument{}, sources, 1.5)[size_t(kBlinkLeft)].empty());
    }

    void clipsActInsideTheirSpanOnTheirChannels() {
        MotionDocument document;
        document.clips.push_back(smileClip(1.0, 0.6f));
        const MotionSources sources = voiceSources();
        ChannelContributions all = channelContributions(document, sources, 1.5);
        const ChannelContribution top = drivingLayer(all[size_t(kSmileLeft)]);
        QCOMPARE(top.layer, MotionLayer::Clip);
        QCOMPARE(top.id, ElementId(7));
        QCOMPARE(layersOf(all[size_t(kJaw)]),
                 (std::vector<MotionLayer>{MotionLayer::Voice, MotionLayer::Clip}));
        QVERIFY(all[size_t(kBlinkLeft)].empty());

        all = channelContributions(document, sources, 0.5);  // before the clip
        QVERIFY(all[size_t(kSmileLeft)].empty());
        document.clips[0].enabled = false;
        QVERIFY(channelContributions(document, sources, 1.5)[size_t(kSmileLeft)].empty());
        document.clips[0] = smileClip(1.0, 0.0f);  // a channel at 0 adds nothing
        QVERIFY(channelContributions(document, sources, 1.5)[size_t(kSmileLeft)].empty());
        document.strengths.expressions = 0.0f;
        document.clips[0] = smileClip(1.0, 0.6f);
        QVERIFY(channelContributions(document, sources, 1.5)[size_t(kSmileLeft)].empty());
    }

    void aFullOverrideHidesTheLayersBeneath() {
        MotionDocument document;
        document.clips.push_back(smileClip(0.0, 0.2f, BlendMode::Override));
        const MotionSources sources = voiceSources();
        QCOMPARE(layersOf(channelContributions(document, sources, 0.5)[size_t(kJaw)]),
                 std::vector<MotionLayer>{MotionLayer::Clip});
        // At half intensity the voice still shows through.
        document.clips[0].intensity = 0.5f;
        QCOMPARE(layersOf(channelContributions(document, sources, 0.5)[size_t(kJaw)]),
                 (std::vector<MotionLayer>{MotionLayer::Voice, MotionLayer::Clip}));
    }

    void capturesAddOrOverride() {
        MotionDocument document;
        CaptureLayer capture;
        capture.id = 9;
        capture.track.fps = 10.0;
        capture.track.frames.resize(10);  // 1 s
        for (FaceState& state : capture.track.frames) {
            state.weights[size_t(kSmileLeft)] = 0.4f;
        }
        capture.start_s = 1.0;
        document.captures.push_back(capture);
        const MotionSources sources = voiceSources();
        ChannelContributions all = channelContributions(document, sources, 1.5);
        // A recording overrides every channel, the ones it holds at 0 included.
        QCOMPARE(layersOf(all[size_t(kJaw)]), std::vector<MotionLayer>{MotionLayer::Capture});
        QCOMPARE(drivingLayer(all[size_t(kBlinkLeft)]).id, ElementId(9));
        QVERIFY(channelContributions(document, sources, 0.5)[size_t(kSmileLeft)].empty());

        document.captures[0].blend = BlendMode::Add;
        all = channelContributions(document, sources, 1.5);
        QCOMPARE(layersOf(all[size_t(kJaw)]), std::vector<MotionLayer>{MotionLayer::Voice});
        QCOMPARE(layersOf(all[size_t(kSmileLeft)]), std::vector<MotionLayer>{MotionLayer::Capture});
        QCOMPARE(drivingLayer(all[size_t(kSmileLeft)]).blend, BlendMode::Add);
    }

    void curvesOverrideBetweenTheirKeysAndAddEverywhere() {
        MotionDocument document;
        document.curves.push_back(curveOn(kJaw, BlendMode::Override, {{1.0, 0.8f}, {2.0, 0.5f}}));
        const MotionSources sources = voiceSources();
        ChannelContributions all = channelContributions(document, sources, 1.5);
        QCOMPARE(layersOf(all[size_t(kJaw)]), std::vector<MotionLayer>{MotionLayer::Curve});
        QCOMPARE(drivingLayer(all[size_t(kJaw)]).blend, BlendMode::Override);
        QCOMPARE(drivingLayer(all[size_t(kJaw)]).id, ElementId(20));
        // Outside its keys the voice shows again.
        QCOMPARE(drivingLayer(channelContributions(document, sources, 0.5)[size_t(kJaw)]).layer,
                 MotionLayer::Voice);

        document.curves.push_back(curveOn(kJaw, BlendMode::Add, {{0.0, 0.1f}}, 21));
        all = channelContributions(document, sources, 1.5);
        QCOMPARE(layersOf(all[size_t(kJaw)]),
                 (std::vector<MotionLayer>{MotionLayer::Curve, MotionLayer::Curve}));
        QCOMPARE(drivingLayer(all[size_t(kJaw)]).id, ElementId(21));
        // An additive curve holds its value beyond its keys, and adds nothing at 0.
        QCOMPARE(layersOf(channelContributions(document, sources, 0.5)[size_t(kJaw)]),
                 (std::vector<MotionLayer>{MotionLayer::Voice, MotionLayer::Curve}));
        document.curves[1].keys[0].value = 0.0f;
        QCOMPARE(layersOf(channelContributions(document, sources, 0.5)[size_t(kJaw)]),
                 std::vector<MotionLayer>{MotionLayer::Voice});
        document.curves[0].enabled = false;
        QCOMPARE(layersOf(channelContributions(document, sources, 1.5)[size_t(kJaw)]),
                 std::vector<MotionLayer>{MotionLayer::Voice});
    }

    // Against the evaluator on a document with every kind of layer, over time: where nothing
    // contributes the value is 0, and switching the driving layer off changes the value.
    void agreesWithTheEvaluator() {
        MotionDocument document;
        document.clips.push_back(smileClip(0.5, 0.6f));
        document.curves.push_back(curveOn(kJaw, BlendMode::Override, {{1.0, 0.9f}, {1.4, 0.7f}}));
        document.curves.push_back(
            curveOn(kSmileLeft, BlendMode::Add, {{1.2, 0.0f}, {1.8, 0.3f}}, 21));
        const MotionSources sources = voiceSources();
        int checked_drivers = 0;
        for (double t = 0.05; t < 2.0; t += 0.1) {
            const ChannelContributions all = channelContributions(document, sources, t);
            for (int c = 0; c < kBlendshapeCount; ++c) {
                const float value = absoluteWeight(document, sources, c, t);
                const ChannelContribution top = drivingLayer(all[size_t(c)]);
                if (top.layer == MotionLayer::None) {
                    QCOMPARE(value, 0.0f);
                    continue;
                }
                MotionDocument without = document;
                if (top.layer == MotionLayer::Voice) {
                    without.voice.enabled = false;
                } else if (top.layer == MotionLayer::Clip) {
                    without.clips[0].enabled = false;
                } else if (top.layer == MotionLayer::Curve) {
                    for (KeyframeCurve& curve : without.curves) {
                        curve.enabled = curve.enabled && curve.id != top.id;
                    }
                }
                QVERIFY2(std::fabs(absoluteWeight(without, sources, c, t) - value) > 1e-4f,
                         qPrintable(QStringLiteral("channel %1 at %2 s").arg(c).arg(t)));
                ++checked_drivers;
            }
        }
        QVERIFY(checked_drivers > 20);
    }
};

QTEST_GUILESS_MAIN(TestChannelContributions)
#include "TestChannelContributions.moc"
