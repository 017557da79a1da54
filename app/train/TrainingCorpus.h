// The text the training speech is made from: for each of 30 languages espeak-ng speaks, a
// hand-written list of common words in the language's own script (numbers, family, home, food,
// nature, everyday verbs and adjectives, function words), and a seeded generator that strings
// them into sentences.
//
// The sentences are not grammatical; they do not need to be. What the voice model needs is the
// language's sounds in natural proportions — every list has bilabials (p b m) and open and close
// vowels — with the rhythm of phrases: 3 to 14 words, commas that make short pauses, full stops
// that make longer ones (over 0.3 s at moderate rates), and sometimes two sentences in one
// utterance. No sentence is capitalised: espeak-ng's speech does not depend on case.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ps::train {

struct CorpusLanguage {
    std::string code;            // the corpus's name for the language, e.g. "en", "cmn"
    std::string espeak_voice;    // the espeak-ng voice that reads it, e.g. "en", "cmn-latn-pinyin"
    std::string name;            // in English, e.g. "Mandarin Chinese"
    std::string family;          // e.g. "Indo-European: Germanic", "Sino-Tibetan"
    std::string word_separator;  // " ", or "" for scripts written without spaces
    std::string comma;           // the language's own comma, e.g. "," "،" "，"
    std::string full_stop;       // the language's own full stop, e.g. "." "।" "。"
    std::vector<std::string> words;
};

// All corpus languages, in a fixed order.
const std::vector<CorpusLanguage>& corpusLanguages();

// The language with this code, or nullptr.
const CorpusLanguage* findCorpusLanguage(const std::string& code);

// One to two sentences from `language`'s words, the same for the same seed: each 3–14 words,
// with a comma after a word now and then and a full stop at the end. Empty for a language
// without words.
std::string corpusUtteranceText(const CorpusLanguage& language, uint64_t seed);

}  // namespace ps::train
