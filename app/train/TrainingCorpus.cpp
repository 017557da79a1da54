#include "train/TrainingCorpus.h"

#include "runtime/SeededRandom.h"

namespace ps::train {
namespace {

constexpr int kMinSentenceWords = 3;
constexpr int kMaxSentenceWords = 14;
// Two sentences in one utterance give a pause in the middle of it, which a single sentence
// (pauses only at commas) and the silence around every utterance do not.
constexpr double kTwoSentenceChance = 0.3;
// After any word but the first and last; about one comma in every second long sentence.
constexpr double kCommaChance = 0.12;

void appendSentence(const CorpusLanguage& language, SeededRandom& rng, std::string& text) {
    const int count = rng.between(kMinSentenceWords, kMaxSentenceWords);
    for (int i = 0; i < count; ++i) {
        if (i > 0) {
            text += language.word_separator;
        }
        text += language.words[rng.below(language.words.size())];
        if (i > 0 && i + 1 < count && rng.chance(kCommaChance)) {
            text += language.comma;
        }
    }
    text += language.full_stop;
}

// Mixes the language into the seed, so that one seed does not give every language sentences of
// the same lengths with commas in the same places.
uint64_t languageSeed(const CorpusLanguage& language, uint64_t seed) {
    uint64_t hash = 0xCBF29CE484222325ull;  // FNV-1a
    for (const char c : language.code) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    }
    return SeededRandom::derive(seed, hash);
}

}  // namespace

const CorpusLanguage* findCorpusLanguage(const std::string& code) {
    for (const CorpusLanguage& language : corpusLanguages()) {
        if (language.code == code) {
            return &language;
        }
    }
    return nullptr;
}

std::string corpusUtteranceText(const CorpusLanguage& language, uint64_t seed) {
    if (language.words.empty()) {
        return {};
    }
    SeededRandom rng(languageSeed(language, seed));
    const int sentences = rng.chance(kTwoSentenceChance) ? 2 : 1;
    std::string text;
    for (int i = 0; i < sentences; ++i) {
        if (i > 0) {
            text += language.word_separator;
        }
        appendSentence(language, rng, text);
    }
    return text;
}

}  // namespace ps::train
