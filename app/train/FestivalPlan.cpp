#include "train/FestivalPlan.h"

#include <algorithm>

#include "runtime/SeededRandom.h"
#include "train/TrainingCorpus.h"

namespace ps::train {

const std::vector<std::string>& festivalHeldOutVoices() {
    static const std::vector<std::string> voices = {"czech_machac", "hy_fi_mv_diphone",
                                                    "pc_diphone", "rms"};
    return voices;
}

std::vector<std::string> festivalPartVoices(PlanPart part) {
    const bool held_out = part == PlanPart::FestivalHeldOutVoices;
    std::vector<std::string> voices;
    for (const FestivalVoice& v : festivalVoices()) {
        const bool is_held_out =
            std::find(festivalHeldOutVoices().begin(), festivalHeldOutVoices().end(), v.name) !=
            festivalHeldOutVoices().end();
        if (is_held_out == held_out) {
            voices.push_back(v.name);
        }
    }
    return voices;
}

Result<std::vector<PlannedUtterance>> planFestivalUtterances(PlanPart part, size_t count,
                                                             uint64_t seed) {
    if (part != PlanPart::FestivalTraining && part != PlanPart::FestivalHeldOutVoices) {
        return badInput("festival plan", "only festival's parts are planned here");
    }
    const std::vector<std::string> voices = festivalPartVoices(part);
    for (const std::string& name : voices) {
        const FestivalVoice& voice = *findFestivalVoice(name);
        if (!isInstalled(voice)) {
            return badInput(name, "not installed (Debian package " + voice.package +
                                      "; scripts/setup.sh installs it)");
        }
    }
    const uint64_t part_seed = SeededRandom::derive(seed, 0x464553540000ull + uint64_t(part));
    std::vector<PlannedUtterance> plan;
    plan.reserve(count);
    std::vector<std::string> order;
    for (size_t index = 0; index < count; ++index) {
        const size_t in_pass = index % voices.size();
        if (in_pass == 0) {
            order = voices;
            SeededRandom(SeededRandom::derive(part_seed, index / voices.size())).shuffle(order);
        }
        const FestivalVoice& voice = *findFestivalVoice(order[in_pass]);
        const CorpusLanguage& language = *findCorpusLanguage(voice.language);
        SeededRandom rng(SeededRandom::derive(part_seed ^ 0x9E3779B97F4A7C15ull, index));
        PlannedUtterance planned;
        planned.part = part;
        planned.corpus_language = voice.language;
        planned.text_seed = rng.next();
        planned.spec.text = corpusUtteranceText(language, planned.text_seed);
        planned.festival = FestivalSpec{planned.spec.text, voice.name,
                                        rng.uniform(kMinFestivalStretch, kMaxFestivalStretch)};
        plan.push_back(std::move(planned));
    }
    return plan;
}

}  // namespace ps::train
