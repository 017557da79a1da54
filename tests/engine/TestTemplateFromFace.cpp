// A template made from a face keeps exactly the chosen parts of it: one constant key per
// channel of the chosen groups, the speech shapes the face added folded into its weights and
// kept in range, nothing for channels at rest; every channel lies in exactly one group; and the
// template saves and reads back as the expression it was made from.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include "motion/MotionChannel.h"
#include "motion/TemplateFromFace.h"
#include "motion/TemplateLibrary.h"

using namespace ps;

namespace {

float valueOf(const ExpressionTemplate& t, int channel) {
    ChannelValues values{};
    applyTemplate(t, 0.0, 1.0f, values.data());
    return values[size_t(channel)];
}

bool hasChannel(const ExpressionTemplate& t, int channel) {
    return std::any_of(t.channels.begin(), t.channels.end(),
                       [channel](const TemplateChannel& c) { return c.channel == channel; });
}

FaceState lookingFace() {
    FaceState state;
    state.weights[size_t(Blendshape::MouthSmileLeft)] = 0.6f;
    state.weights[size_t(Blendshape::BrowInnerUp)] = 0.4f;
    state.weights[size_t(Blendshape::EyeLookUpLeft)] = 0.5f;
    state.weights[size_t(Blendshape::CheekSquintRight)] = 0.25f;
    state.weights[size_t(Blendshape::JawOpen)] = 0.3f;
    state.added[size_t(Blendshape::JawOpen)] = 0.2f;
    state.weights[size_t(Blendshape::MouthFunnel)] = 0.9f;
    state.added[size_t(Blendshape::MouthFunnel)] = 0.5f;  // over 1 together: kept at 1
    state.weights[size_t(Blendshape::TongueOut)] = 0.123456f;
    state.head_deg = {8.0f, -5.0f, 2.0f};
    state.left_eye_deg = {3.0f, 1.0f};
    state.speech = 1.0f;
    return state;
}

}  // namespace

class TestTemplateFromFace : public QObject {
    Q_OBJECT

private slots:
    void everyChannelIsInOneGroup() {
        for (int c = 0; c < kMotionChannelCount; ++c) {
            QVERIFY2(channelGroupOf(c) != ChannelGroup::None, motionChannelName(c).data());
        }
        QCOMPARE(int(channelGroupOf(-1)), int(ChannelGroup::None));
        QCOMPARE(int(channelGroupOf(kMotionChannelCount)), int(ChannelGroup::None));
        QCOMPARE(int(channelGroupOf(int(Blendshape::MouthClose))), int(ChannelGroup::Mouth));
        QCOMPARE(int(channelGroupOf(int(Blendshape::MouthUpperUpRight))), int(ChannelGroup::Mouth));
        QCOMPARE(int(channelGroupOf(int(Blendshape::EyeLookInRight))), int(ChannelGroup::Gaze));
        QCOMPARE(int(channelGroupOf(kRightEyePitchChannel)), int(ChannelGroup::Gaze));
        QCOMPARE(int(channelGroupOf(int(Blendshape::EyeBlinkRight))), int(ChannelGroup::Eyes));
        QCOMPARE(int(channelGroupOf(int(Blendshape::NoseSneerLeft))),
                 int(ChannelGroup::CheeksNose));
        QCOMPARE(int(channelGroupOf(kHeadRollChannel)), int(ChannelGroup::Head));
        QCOMPARE(allChannelGroups().size(), size_t(8));
        const std::vector<ChannelGroup> defaults = defaultTemplateGroups();
        QCOMPARE(defaults.size(), size_t(6));
        QVERIFY(std::find(defaults.begin(), defaults.end(), ChannelGroup::Head) == defaults.end());
        QVERIFY(std::find(defaults.begin(), defaults.end(), ChannelGroup::Gaze) == defaults.end());
    }

    void keepsTheChosenGroupsAsConstantKeys() {
        const ExpressionTemplate t =
            templateFromFace(lookingFace(), defaultTemplateGroups(), "look", "A look of my own.");
        QCOMPARE(t.name, std::string("look"));
        QCOMPARE(t.description, std::string("A look of my own."));
        QCOMPARE(int(t.kind), int(TemplateKind::Expression));
        QCOMPARE(int(t.blend), int(BlendMode::Add));
        QCOMPARE(t.duration_s, 0.0);
        QVERIFY(!t.repeat);
        for (const TemplateChannel& c : t.channels) {
            QCOMPARE(c.keys.size(), size_t(1));
            QCOMPARE(c.keys[0].t_s, 0.0);
        }
        QCOMPARE(valueOf(t, int(Blendshape::MouthSmileLeft)), 0.6f);
        QCOMPARE(valueOf(t, int(Blendshape::BrowInnerUp)), 0.4f);
        QCOMPARE(valueOf(t, int(Blendshape::CheekSquintRight)), 0.25f);
        QCOMPARE(valueOf(t, int(Blendshape::JawOpen)), 0.5f);      // 0.3 + 0.2 added
        QCOMPARE(valueOf(t, int(Blendshape::MouthFunnel)), 1.0f);  // clamped
        QCOMPARE(valueOf(t, int(Blendshape::TongueOut)), 0.123f);  // rounded
        // Gaze and head were not chosen; channels at rest are left out.
        QVERIFY(!hasChannel(t, int(Blendshape::EyeLookUpLeft)));
        QVERIFY(!hasChannel(t, kHeadPitchChannel));
        QVERIFY(!hasChannel(t, kLeftEyeYawChannel));
        QVERIFY(!hasChannel(t, int(Blendshape::EyeBlinkLeft)));
        QCOMPARE(t.channels.size(), size_t(6));
    }

    void headAndGazeWhenChosen() {
        const ExpressionTemplate t =
            templateFromFace(lookingFace(), {ChannelGroup::Head, ChannelGroup::Gaze}, "turn", "");
        QCOMPARE(valueOf(t, kHeadPitchChannel), 8.0f);
        QCOMPARE(valueOf(t, kHeadYawChannel), -5.0f);
        QCOMPARE(valueOf(t, kHeadRollChannel), 2.0f);
        QCOMPARE(valueOf(t, kLeftEyeYawChannel), 3.0f);
        QCOMPARE(valueOf(t, kLeftEyePitchChannel), 1.0f);
        QCOMPARE(valueOf(t, int(Blendshape::EyeLookUpLeft)), 0.5f);
        QVERIFY(!hasChannel(t, int(Blendshape::MouthSmileLeft)));
        QCOMPARE(t.channels.size(), size_t(6));

        FaceState wild;
        wild.head_deg = {200.0f, -300.0f, 0.0f};
        const ExpressionTemplate kept = templateFromFace(wild, {ChannelGroup::Head}, "wild", "");
        QCOMPARE(valueOf(kept, kHeadPitchChannel), channelMaximum(kHeadPitchChannel));
        QCOMPARE(valueOf(kept, kHeadYawChannel), channelMinimum(kHeadYawChannel));
    }

    void nothingChosenOrARestingFaceIsEmpty() {
        QVERIFY(templateFromFace(lookingFace(), {}, "none", "").channels.empty());
        QVERIFY(templateFromFace(FaceState{}, allChannelGroups(), "rest", "").channels.empty());
    }

    void savesAndReadsBack() {
        QTemporaryDir user;
        TemplateLibrary library = TemplateLibrary::load("", user.path().toStdString());
        const ExpressionTemplate t =
            templateFromFace(lookingFace(), allChannelGroups(), "mine", "My face.");
        QVERIFY(library.saveUserTemplate(t).ok());
        Result<ExpressionTemplate> back =
            readTemplate((user.path() + "/expressions/mine.json").toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(back->channels.size(), t.channels.size());
        for (int c = 0; c < kMotionChannelCount; ++c) {
            QCOMPARE(valueOf(*back, c), valueOf(t, c));
        }
        QVERIFY(library.isUserTemplate(TemplateKind::Expression, "mine"));
    }
};

QTEST_GUILESS_MAIN(TestTemplateFromFace)
#include "TestTemplateFromFace.moc"
