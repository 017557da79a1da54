// Which utterances to synthesise: a seeded list of UtteranceSpecs that covers every language and
// voice variant of its part evenly, with speaking rate, pitch, pitch range and loudness drawn at
// random, and a fixed held-out split for evaluation.
//
// The held-out split. The voice model must be judged on voices and languages it never heard:
//   languages: nl (Dutch), uk (Ukrainian), bn (Bengali), ro (Romanian) — each has relatives in
//              training (de/en/sv, ru/pl/cs, hi, es/it/fr/pt), so the test is of generalisation
//              across languages, not of a sound system it could not know;
//   variants:  m4, f4, klatt3, Andrea, edward2, iven3, steph2, grandpa — male, female, elderly,
//              and the Klatt synthesiser, so that no kind of voice is represented only in
//              training.
// Training uses every other corpus language (26) with every other variant plus the language's
// own voice (no variant). The parts:
//   Training                   — training languages × training variants;
//   Evaluation                 — held-out languages × held-out variants (the headline test);
//   EvaluationHeldOutVariants  — training languages × held-out variants (new voices only);
//   EvaluationHeldOutLanguages — held-out languages × training variants (new languages only).
// No held-out language or variant ever appears in the Training part.
//
// A plan depends only on its part, size, seed and the list of variants it is given (the
// installed espeak-ng's, from SpeechSynth::listVariants), so it can be rebuilt exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/Result.h"
#include "train/FestivalSpeech.h"
#include "train/UtteranceSpec.h"

namespace ps::train {

struct HeldOutSplit {
    std::vector<std::string> languages;  // corpus language codes
    std::vector<std::string> variants;   // variant ids
};

const HeldOutSplit& heldOutSplit();

enum class PlanPart {
    Training,
    Evaluation,
    EvaluationHeldOutVariants,
    EvaluationHeldOutLanguages,
    // festival's and flite's voices (FestivalPlan.h), planned by planFestivalUtterances
    FestivalTraining,
    FestivalHeldOutVoices,
};

// The ranges parameters are drawn from (uniformly, integers, both ends included).
struct PlanRanges {
    int min_rate_wpm = 100, max_rate_wpm = 260;
    int min_pitch = 20, max_pitch = 80;
    int min_pitch_range = 20, max_pitch_range = 90;
    int min_amplitude = 60, max_amplitude = 180;
};

struct PlannedUtterance {
    UtteranceSpec spec;
    std::string corpus_language;  // the corpus code (spec.language is the espeak-ng voice)
    uint64_t text_seed = 0;       // corpusUtteranceText(language, text_seed) gave spec.text
    PlanPart part = PlanPart::Training;
    // Spoken by festival or flite instead of espeak-ng (spec is then unused but for its text).
    std::optional<FestivalSpec> festival;
};

// `count` utterances of `part`. The part's language × variant pairs are taken in a shuffled
// order, all of them before any repeats, so any plan of at least (languages × variants)
// utterances has every pair. BadInput when a held-out variant is not among `variants` (another
// espeak-ng version) or the part would have no languages or variants.
Result<std::vector<PlannedUtterance>> planUtterances(PlanPart part, size_t count, uint64_t seed,
                                                     const std::vector<std::string>& variants,
                                                     const PlanRanges& ranges = PlanRanges());

}  // namespace ps::train
