#include "train/UtterancePlan.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "runtime/SeededRandom.h"
#include "train/TrainingCorpus.h"

namespace ps::train {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

std::vector<std::string> partLanguages(PlanPart part) {
    const bool held_out =
        part == PlanPart::Evaluation || part == PlanPart::EvaluationHeldOutLanguages;
    std::vector<std::string> codes;
    for (const CorpusLanguage& language : corpusLanguages()) {
        if (contains(heldOutSplit().languages, language.code) == held_out) {
            codes.push_back(language.code);
        }
    }
    return codes;
}

std::vector<std::string> partVariants(PlanPart part, const std::vector<std::string>& installed) {
    const bool held_out =
        part == PlanPart::Evaluation || part == PlanPart::EvaluationHeldOutVariants;
    if (held_out) {
        return heldOutSplit().variants;
    }
    std::vector<std::string> variants = {""};  // the language's own voice
    for (const std::string& variant : installed) {
        if (!variant.empty() && !contains(heldOutSplit().variants, variant)) {
            variants.push_back(variant);
        }
    }
    return variants;
}

// Different parts draw from different streams, so that the same seed does not give the held-out
// voices the training texts.
uint64_t partSeed(uint64_t seed, PlanPart part) {
    return SeededRandom::derive(seed, 0x5041525400ull + static_cast<uint64_t>(part));
}

}  // namespace

const HeldOutSplit& heldOutSplit() {
    static const HeldOutSplit split{
        {"nl", "uk", "bn", "ro"},
        {"m4", "f4", "klatt3", "Andrea", "edward2", "iven3", "steph2", "grandpa"},
    };
    return split;
}

Result<std::vector<PlannedUtterance>> planUtterances(PlanPart part, size_t count, uint64_t seed,
                                                     const std::vector<std::string>& variants,
                                                     const PlanRanges& ranges) {
    if (part == PlanPart::FestivalTraining || part == PlanPart::FestivalHeldOutVoices) {
        return badInput("utterance plan", "festival's parts are planned by planFestivalUtterances");
    }
    for (const std::string& held_out : heldOutSplit().variants) {
        if (!contains(variants, held_out)) {
            return badInput("variant '" + held_out + "'",
                            "held out for evaluation but not installed with this espeak-ng");
        }
    }
    const std::pair<int, int> limits[] = {{ranges.min_rate_wpm, ranges.max_rate_wpm},
                                          {ranges.min_pitch, ranges.max_pitch},
                                          {ranges.min_pitch_range, ranges.max_pitch_range},
                                          {ranges.min_amplitude, ranges.max_amplitude}};
    const std::pair<int, int> allowed[] = {
        {kMinRate_wpm, kMaxRate_wpm}, {0, kMaxPitch}, {0, kMaxPitchRange}, {0, kMaxAmplitude}};
    for (size_t i = 0; i < std::size(limits); ++i) {
        if (limits[i].first > limits[i].second || limits[i].first < allowed[i].first ||
            limits[i].second > allowed[i].second) {
            return badInput("utterance plan", "a parameter range is empty or outside espeak-ng's");
        }
    }
    const std::vector<std::string> languages = partLanguages(part);
    const std::vector<std::string> voices = partVariants(part, variants);
    if (languages.empty() || voices.empty()) {
        return badInput("utterance plan", "the part has no languages or no voice variants");
    }

    std::vector<std::pair<std::string, std::string>> pairs;
    for (const std::string& language : languages) {
        for (const std::string& variant : voices) {
            pairs.emplace_back(language, variant);
        }
    }
    const uint64_t part_seed = partSeed(seed, part);
    std::vector<PlannedUtterance> plan;
    plan.reserve(count);
    std::vector<std::pair<std::string, std::string>> order;
    for (size_t index = 0; index < count; ++index) {
        const size_t in_pass = index % pairs.size();
        if (in_pass == 0) {
            // A fresh order each pass over the grid: no pair repeats before all have come.
            order = pairs;
            SeededRandom(SeededRandom::derive(part_seed, index / pairs.size())).shuffle(order);
        }
        const auto& [code, variant] = order[in_pass];
        const CorpusLanguage& language = *findCorpusLanguage(code);
        SeededRandom rng(SeededRandom::derive(part_seed ^ 0x9E3779B97F4A7C15ull, index));

        PlannedUtterance planned;
        planned.part = part;
        planned.corpus_language = code;
        planned.text_seed = rng.next();
        planned.spec.text = corpusUtteranceText(language, planned.text_seed);
        planned.spec.language = language.espeak_voice;
        planned.spec.variant = variant;
        planned.spec.rate_wpm = rng.between(ranges.min_rate_wpm, ranges.max_rate_wpm);
        planned.spec.pitch = rng.between(ranges.min_pitch, ranges.max_pitch);
        planned.spec.pitch_range = rng.between(ranges.min_pitch_range, ranges.max_pitch_range);
        planned.spec.amplitude = rng.between(ranges.min_amplitude, ranges.max_amplitude);
        plan.push_back(std::move(planned));
    }
    return plan;
}

}  // namespace ps::train
