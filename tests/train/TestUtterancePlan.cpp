// Utterance plans: the held-out languages and variants never reach training and are all that
// evaluation uses; every language × variant pair comes up; parameters stay in their ranges; the
// same seed gives the same plan.
#include <QtTest>

#include <set>

#include "train/TrainingCorpus.h"
#include "train/UtterancePlan.h"

using namespace ps::train;
using ps::Result;

namespace {

bool isHeldOutLanguage(const std::string& code) {
    const auto& held = heldOutSplit().languages;
    return std::find(held.begin(), held.end(), code) != held.end();
}
bool isHeldOutVariant(const std::string& id) {
    const auto& held = heldOutSplit().variants;
    return std::find(held.begin(), held.end(), id) != held.end();
}

// A stand-in for espeak-ng's list: the held-out variants and 20 others.
std::vector<std::string> installedVariants() {
    std::vector<std::string> variants = heldOutSplit().variants;
    for (int i = 0; i < 20; ++i) {
        variants.push_back("v" + std::to_string(i));
    }
    return variants;
}

std::vector<PlannedUtterance> plan(PlanPart part, size_t count, uint64_t seed = 1) {
    Result<std::vector<PlannedUtterance>> planned =
        planUtterances(part, count, seed, installedVariants());
    if (!planned) {
        qFatal("%s", planned.error().message.c_str());
    }
    return std::move(*planned);
}

}  // namespace

class TestUtterancePlan : public QObject {
    Q_OBJECT

private slots:
    void splitIsLargeEnough();
    void trainingNeverUsesHeldOutLanguagesOrVariants();
    void evaluationPartsUseExactlyTheirHeldOutSide();
    void everyPairComesUpBeforeAnyRepeats();
    void parametersStayInRange();
    void sameSeedGivesTheSamePlan();
    void refusesAMissingHeldOutVariantAndBadRanges();
};

void TestUtterancePlan::splitIsLargeEnough() {
    QVERIFY(heldOutSplit().languages.size() >= 3);
    QVERIFY(heldOutSplit().variants.size() >= 6);
    for (const std::string& code : heldOutSplit().languages) {
        QVERIFY2(findCorpusLanguage(code) != nullptr, code.c_str());
    }
}

void TestUtterancePlan::trainingNeverUsesHeldOutLanguagesOrVariants() {
    std::set<std::string> languages;
    std::set<std::string> variants;
    for (const PlannedUtterance& planned : plan(PlanPart::Training, 5000)) {
        QVERIFY2(!isHeldOutLanguage(planned.corpus_language), planned.corpus_language.c_str());
        QVERIFY2(!isHeldOutVariant(planned.spec.variant), planned.spec.variant.c_str());
        QVERIFY(planned.part == PlanPart::Training);
        languages.insert(planned.corpus_language);
        variants.insert(planned.spec.variant);
    }
    QCOMPARE(languages.size(), corpusLanguages().size() - heldOutSplit().languages.size());
    QCOMPARE(variants.size(), size_t(21));  // 20 others and the language's own voice
}

void TestUtterancePlan::evaluationPartsUseExactlyTheirHeldOutSide() {
    struct Expectation {
        PlanPart part;
        bool held_out_language;
        bool held_out_variant;
    };
    for (const Expectation& expected :
         {Expectation{PlanPart::Evaluation, true, true},
          Expectation{PlanPart::EvaluationHeldOutVariants, false, true},
          Expectation{PlanPart::EvaluationHeldOutLanguages, true, false}}) {
        for (const PlannedUtterance& planned : plan(expected.part, 500)) {
            QCOMPARE(isHeldOutLanguage(planned.corpus_language), expected.held_out_language);
            QCOMPARE(isHeldOutVariant(planned.spec.variant), expected.held_out_variant);
            QVERIFY(planned.part == expected.part);
        }
    }
}

void TestUtterancePlan::everyPairComesUpBeforeAnyRepeats() {
    const size_t languages = corpusLanguages().size() - heldOutSplit().languages.size();
    const size_t pairs = languages * 21;
    const std::vector<PlannedUtterance> planned = plan(PlanPart::Training, pairs);
    std::set<std::pair<std::string, std::string>> seen;
    for (const PlannedUtterance& utterance : planned) {
        seen.insert({utterance.corpus_language, utterance.spec.variant});
    }
    QCOMPARE(seen.size(), pairs);
}

void TestUtterancePlan::parametersStayInRange() {
    const PlanRanges ranges;
    std::set<int> rates;
    for (const PlannedUtterance& planned : plan(PlanPart::Training, 2000)) {
        const UtteranceSpec& spec = planned.spec;
        QVERIFY(spec.rate_wpm >= ranges.min_rate_wpm && spec.rate_wpm <= ranges.max_rate_wpm);
        QVERIFY(spec.pitch >= ranges.min_pitch && spec.pitch <= ranges.max_pitch);
        QVERIFY(spec.pitch_range >= ranges.min_pitch_range &&
                spec.pitch_range <= ranges.max_pitch_range);
        QVERIFY(spec.amplitude >= ranges.min_amplitude && spec.amplitude <= ranges.max_amplitude);
        const CorpusLanguage& language = *findCorpusLanguage(planned.corpus_language);
        QCOMPARE(spec.language, language.espeak_voice);
        QCOMPARE(spec.text, corpusUtteranceText(language, planned.text_seed));
        rates.insert(spec.rate_wpm);
    }
    QVERIFY(rates.count(ranges.min_rate_wpm) == 1 && rates.count(ranges.max_rate_wpm) == 1);
}

void TestUtterancePlan::sameSeedGivesTheSamePlan() {
    const auto first = plan(PlanPart::Training, 300, 99);
    const auto again = plan(PlanPart::Training, 300, 99);
    const auto other = plan(PlanPart::Training, 300, 100);
    QCOMPARE(first.size(), again.size());
    int differing = 0;
    for (size_t i = 0; i < first.size(); ++i) {
        QCOMPARE(first[i].spec.text, again[i].spec.text);
        QCOMPARE(first[i].spec.variant, again[i].spec.variant);
        QCOMPARE(first[i].spec.rate_wpm, again[i].spec.rate_wpm);
        QCOMPARE(first[i].spec.pitch, again[i].spec.pitch);
        differing += first[i].spec.text != other[i].spec.text ? 1 : 0;
    }
    QVERIFY(differing > 290);
    // A longer plan with the same seed starts with the shorter one.
    const auto longer = plan(PlanPart::Training, 600, 99);
    for (size_t i = 0; i < first.size(); ++i) {
        QCOMPARE(longer[i].spec.text, first[i].spec.text);
    }
}

void TestUtterancePlan::refusesAMissingHeldOutVariantAndBadRanges() {
    QVERIFY(!planUtterances(PlanPart::Training, 10, 1, {"m1", "m2"}).ok());
    PlanRanges empty;
    empty.min_pitch = 90;
    empty.max_pitch = 10;
    QVERIFY(!planUtterances(PlanPart::Training, 10, 1, installedVariants(), empty).ok());
    PlanRanges too_fast;
    too_fast.max_rate_wpm = 900;
    QVERIFY(!planUtterances(PlanPart::Training, 10, 1, installedVariants(), too_fast).ok());
}

QTEST_GUILESS_MAIN(TestUtterancePlan)
#include "TestUtterancePlan.moc"
