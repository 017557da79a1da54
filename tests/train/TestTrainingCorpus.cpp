// The training corpus: enough languages from enough families, word lists with the sounds the
// mouth model needs, and sentences that are the same for the same seed, with the lengths and
// punctuation (pauses) the generator promises.
#include <QtTest>

#include <set>

#include "train/TrainingCorpus.h"

using namespace ps::train;

namespace {

// How often `part` occurs in `text` (0 for an empty part).
int countOccurrences(const std::string& text, const std::string& part) {
    if (part.empty()) {
        return 0;
    }
    int count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace

class TestTrainingCorpus : public QObject {
    Q_OBJECT

private slots:
    void coversManyLanguagesAndFamilies();
    void wordListsAreLargeAndDistinct();
    void wordListsHaveBilabialsAndOpenAndCloseVowels();
    void sameSeedGivesTheSameText();
    void sentencesHaveThePromisedShape();
    void findsLanguagesByCode();
};

void TestTrainingCorpus::coversManyLanguagesAndFamilies() {
    const auto& languages = corpusLanguages();
    QVERIFY(languages.size() >= 24);
    std::set<std::string> codes;
    std::set<std::string> families;
    for (const CorpusLanguage& language : languages) {
        codes.insert(language.code);
        families.insert(language.family.substr(0, language.family.find(':')));
        QVERIFY(!language.espeak_voice.empty());
        QVERIFY(!language.comma.empty() && !language.full_stop.empty());
    }
    QCOMPARE(codes.size(), languages.size());
    QVERIFY2(families.size() >= 12, qPrintable(QString::number(families.size())));
}

void TestTrainingCorpus::wordListsAreLargeAndDistinct() {
    for (const CorpusLanguage& language : corpusLanguages()) {
        const std::set<std::string> distinct(language.words.begin(), language.words.end());
        QVERIFY2(distinct.size() >= 75, qPrintable(QString("%1: %2 distinct words")
                                                       .arg(QString::fromStdString(language.code))
                                                       .arg(distinct.size())));
        for (const std::string& word : language.words) {
            QVERIFY2(word.find_first_of(" ,.") == std::string::npos, word.c_str());
        }
    }
}

void TestTrainingCorpus::wordListsHaveBilabialsAndOpenAndCloseVowels() {
    // Checked in the Latin-script lists, where letters say it directly (the others were checked
    // through espeak-ng's phonemes; see TestSpeechSynth::phonemeInventoryAndSpeed).
    for (const char* code : {"en", "de", "fr", "es", "it", "pt", "pl", "cs", "tr", "fi", "hu", "id",
                             "vi", "sw", "eu"}) {
        const CorpusLanguage* language = findCorpusLanguage(code);
        QVERIFY(language != nullptr);
        std::string all;
        for (const std::string& word : language->words) {
            all += word + " ";
        }
        for (const char* letter : {"p", "b", "m", "a", "i", "u"}) {
            QVERIFY2(countOccurrences(all, letter) >= 3,
                     qPrintable(QString("%1 lacks %2").arg(code).arg(letter)));
        }
    }
}

void TestTrainingCorpus::sameSeedGivesTheSameText() {
    for (const CorpusLanguage& language : corpusLanguages()) {
        QCOMPARE(corpusUtteranceText(language, 42), corpusUtteranceText(language, 42));
    }
    const CorpusLanguage& english = *findCorpusLanguage("en");
    std::set<std::string> texts;
    for (uint64_t seed = 0; seed < 50; ++seed) {
        texts.insert(corpusUtteranceText(english, seed));
    }
    QVERIFY(texts.size() >= 49);
}

void TestTrainingCorpus::sentencesHaveThePromisedShape() {
    int two_sentences = 0;
    int with_comma = 0;
    int shortest = 1000;
    int longest = 0;
    for (const CorpusLanguage& language : corpusLanguages()) {
        for (uint64_t seed = 0; seed < 60; ++seed) {
            const std::string text = corpusUtteranceText(language, seed);
            const int sentences = countOccurrences(text, language.full_stop);
            QVERIFY(sentences == 1 || sentences == 2);
            QVERIFY(text.size() >= language.full_stop.size() &&
                    text.compare(text.size() - language.full_stop.size(), language.full_stop.size(),
                                 language.full_stop) == 0);
            two_sentences += sentences == 2 ? 1 : 0;
            with_comma += countOccurrences(text, language.comma) > 0 ? 1 : 0;
            if (sentences == 1 && !language.word_separator.empty()) {
                const int words = countOccurrences(text, language.word_separator) + 1;
                shortest = std::min(shortest, words);
                longest = std::max(longest, words);
            }
        }
    }
    QCOMPARE(shortest, 3);
    QCOMPARE(longest, 14);
    const int total = int(corpusLanguages().size()) * 60;
    QVERIFY(two_sentences > total / 5 && two_sentences < total / 2);
    QVERIFY(with_comma > total / 4);
}

void TestTrainingCorpus::findsLanguagesByCode() {
    QVERIFY(findCorpusLanguage("cmn") != nullptr);
    QCOMPARE(findCorpusLanguage("cmn")->espeak_voice, std::string("cmn-latn-pinyin"));
    QVERIFY(findCorpusLanguage("xx") == nullptr);
    CorpusLanguage empty;
    QVERIFY(corpusUtteranceText(empty, 1).empty());
}

QTEST_GUILESS_MAIN(TestTrainingCorpus)
#include "TestTrainingCorpus.moc"
