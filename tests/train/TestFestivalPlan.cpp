// festival's and flite's voices in the voice model's training (FestivalPlan.h, and VoiceDataset
// speaking their plans): the held-out voices never train, the reserved ones are in neither part,
// every voice comes before any repeats, plans are reproducible from their seed, and an example
// made from a festival utterance has the targets its segments give.
#include <QtTest>

#include <algorithm>
#include <set>

#include "train/FestivalPlan.h"
#include "train/VisemeClass.h"
#include "train/VoiceDataset.h"
#include "voice/MouthChannels.h"

using namespace ps::train;
using ps::Result;

class TestFestivalPlan : public QObject {
    Q_OBJECT

private slots:
    void heldOutVoicesNeverTrain() {
        const std::vector<std::string> training = festivalPartVoices(PlanPart::FestivalTraining);
        const std::vector<std::string> held_out =
            festivalPartVoices(PlanPart::FestivalHeldOutVoices);
        QCOMPARE(held_out.size(), festivalHeldOutVoices().size());
        QCOMPARE(training.size() + held_out.size(), festivalVoices().size());
        for (const std::string& v : training) {
            QVERIFY(std::find(held_out.begin(), held_out.end(), v) == held_out.end());
            QVERIFY(!isReservedVoice(v));
        }
        for (const std::string& v : held_out) {
            QVERIFY(!isReservedVoice(v));
        }
        // Every language the held-out voices speak is also spoken in training by someone else.
        std::set<std::string> trained_languages;
        for (const std::string& v : training) {
            trained_languages.insert(findFestivalVoice(v)->language);
        }
        for (const std::string& v : held_out) {
            QVERIFY(trained_languages.count(findFestivalVoice(v)->language) == 1);
        }
    }

    void plansCoverTheVoicesAndRepeatExactly() {
        Result<std::vector<PlannedUtterance>> plan =
            planFestivalUtterances(PlanPart::FestivalTraining, 23, 5);
        QVERIFY(plan);
        QCOMPARE(plan->size(), size_t(23));
        const std::vector<std::string> voices = festivalPartVoices(PlanPart::FestivalTraining);
        std::set<std::string> first_pass;
        for (size_t i = 0; i < voices.size(); ++i) {
            first_pass.insert((*plan)[i].festival->voice);
        }
        QCOMPARE(first_pass.size(), voices.size());
        for (const PlannedUtterance& p : *plan) {
            QVERIFY(p.festival.has_value());
            QCOMPARE(p.part, PlanPart::FestivalTraining);
            QVERIFY(!p.festival->text.empty());
            QCOMPARE(p.festival->text, p.spec.text);
            QCOMPARE(p.corpus_language, findFestivalVoice(p.festival->voice)->language);
            QVERIFY(p.festival->duration_stretch >= kMinFestivalStretch &&
                    p.festival->duration_stretch <= kMaxFestivalStretch);
        }
        Result<std::vector<PlannedUtterance>> again =
            planFestivalUtterances(PlanPart::FestivalTraining, 23, 5);
        Result<std::vector<PlannedUtterance>> other =
            planFestivalUtterances(PlanPart::FestivalTraining, 23, 6);
        bool differs = false;
        for (size_t i = 0; i < plan->size(); ++i) {
            QCOMPARE((*again)[i].festival->text, (*plan)[i].festival->text);
            QCOMPARE((*again)[i].festival->duration_stretch, (*plan)[i].festival->duration_stretch);
            differs = differs || (*other)[i].festival->text != (*plan)[i].festival->text;
        }
        QVERIFY(differs);
    }

    void thePartsAreKeptApart() {
        QVERIFY(!planFestivalUtterances(PlanPart::Training, 5, 1));
        QVERIFY(!planUtterances(PlanPart::FestivalTraining, 5, 1, {"m4"}));
        Result<std::vector<PlannedUtterance>> held =
            planFestivalUtterances(PlanPart::FestivalHeldOutVoices, 8, 1);
        QVERIFY(held);
        for (const PlannedUtterance& p : *held) {
            const auto& h = festivalHeldOutVoices();
            QVERIFY(std::find(h.begin(), h.end(), p.festival->voice) != h.end());
        }
    }

    void examplesFollowTheSegments() {
        // "Bob made a map." in a training voice: the lip-closure target is up in the middle of
        // every bilabial the segments give, and down in the middle of every vowel.
        PlannedUtterance planned;
        planned.part = PlanPart::FestivalTraining;
        planned.corpus_language = "en";
        planned.spec.text = "Bob made a map.";
        planned.festival = FestivalSpec{planned.spec.text, "awb", 1.0};
        DatasetOptions options;
        options.augment = false;
        Result<VoiceExamples> made = makeVoiceExamples({planned, planned}, options, {});
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        QCOMPARE(made->examples.size(), size_t(2));
        const VoiceExample& e = made->examples[0];
        QCOMPARE(e.variant, std::string("awb"));
        QCOMPARE(e.language, std::string("en"));
        const int frames = e.frames.frames;
        QCOMPARE(e.frames.targets.size(), size_t(frames) * ps::kVoiceModelOutputCount);
        QCOMPARE(e.frames.targets, made->examples[1].frames.targets);
        int bilabials = 0, vowels = 0;
        for (const PhonemeSegment& s : e.phonemes) {
            const int f = int(0.5 * (s.start_s + s.end_s) * 100.0);
            QVERIFY(f < frames);
            const float closed =
                e.frames.targets[size_t(f) * ps::kVoiceModelOutputCount + ps::kLipClosureChannel];
            if (isBilabialStop(s.ipa)) {
                ++bilabials;
                QVERIFY2(
                    closed > 0.5f,
                    qPrintable(
                        QString("%1 at %2 s: %3").arg(s.ipa.c_str()).arg(s.start_s).arg(closed)));
            } else if (vowelOpenness(s.ipa)) {
                ++vowels;
                QVERIFY(closed < 0.5f);
            }
        }
        QCOMPARE(bilabials, 5);  // b, b, m, m, p
        QVERIFY(vowels >= 4);
    }
};

QTEST_APPLESS_MAIN(TestFestivalPlan)
#include "TestFestivalPlan.moc"
