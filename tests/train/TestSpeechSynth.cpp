// Speech for the voice model's training data, through the real espeak-ng: 16 kHz audio whose
// phoneme timeline matches the sound (a stop's closure silence lies in the stop, stress lands on
// vowels), the same for the same spec, for every corpus language and every voice variant.
//
// Set PS_IPA_INVENTORY to a file path to have phonemeInventoryAndSpeed write the IPA names the
// corpus produces, with counts and languages, there.
#include <QtTest>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "media/AudioClip.h"
#include "train/PhonemeTimelineBuilder.h"
#include "train/SpeechSynth.h"
#include "train/TrainingCorpus.h"

using namespace ps::train;
using ps::Result;

namespace {

UtteranceSpec makeSpec(const std::string& text, const std::string& language,
                       const std::string& variant = "", int rate_wpm = 160) {
    UtteranceSpec spec;
    spec.text = text;
    spec.language = language;
    spec.variant = variant;
    spec.rate_wpm = rate_wpm;
    return spec;
}

Utterance speak(const UtteranceSpec& spec) {
    Result<Utterance> utterance = SpeechSynth().synthesize(spec);
    if (!utterance) {
        qFatal("synthesis of '%s' (%s+%s) failed: %s", spec.text.c_str(), spec.language.c_str(),
               spec.variant.c_str(), utterance.error().message.c_str());
    }
    return std::move(*utterance);
}

double rms(const std::vector<float>& samples, size_t begin, size_t end) {
    double sum = 0.0;
    for (size_t i = begin; i < end; ++i) {
        sum += double(samples[i]) * samples[i];
    }
    return end > begin ? std::sqrt(sum / double(end - begin)) : 0.0;
}

struct Span {
    double start_s;
    double end_s;
};

// Stretches of at least `min_length_s` whose 5 ms RMS stays below -50 dBFS: a stop's closure,
// or a pause. Measured on the audio alone, independently of the timeline.
std::vector<Span> silentSpans(const ps::PcmBuffer& audio, double min_length_s) {
    const double threshold = std::pow(10.0, -50.0 / 20.0);
    const size_t window = size_t(audio.sample_rate_hz) / 200;
    const size_t hop = size_t(audio.sample_rate_hz) / 1000;
    std::vector<Span> spans;
    bool inside = false;
    double start = 0.0;
    for (size_t at = 0; at + window <= audio.samples.size(); at += hop) {
        const double centre_s = double(at + window / 2) / audio.sample_rate_hz;
        const bool silent = rms(audio.samples, at, at + window) < threshold;
        if (silent && !inside) {
            start = centre_s;
        }
        if (!silent && inside && centre_s - start >= min_length_s) {
            spans.push_back({start, centre_s});
        }
        inside = silent;
    }
    return spans;
}

bool isVowel(const std::string& ipa) {
    static const std::vector<std::string> vowels = {
        "a", "e", "i", "o", "u", "y", "æ", "ø", "œ", "ɐ", "ɑ", "ɒ", "ɔ", "ə",
        "ɛ", "ɜ", "ɞ", "ɤ", "ɨ", "ɪ", "ɯ", "ɵ", "ʉ", "ʊ", "ʌ", "ʏ", "ɘ", "ä"};
    return std::any_of(vowels.begin(), vowels.end(),
                       [&](const std::string& v) { return ipa.compare(0, v.size(), v) == 0; });
}

void verifyTimeline(const Utterance& utterance) {
    const double duration = utterance.audio.duration_s();
    QVERIFY(!utterance.phonemes.empty());
    double previous_end = 0.0;
    for (const ps::train::PhonemeSegment& segment : utterance.phonemes) {
        QVERIFY2(!segment.ipa.empty(), "a segment without a name");
        QVERIFY2(segment.start_s >= previous_end, qPrintable(QString::fromStdString(segment.ipa)));
        QVERIFY2(segment.end_s > segment.start_s, qPrintable(QString::fromStdString(segment.ipa)));
        QVERIFY(segment.end_s <= duration + 1e-9);
        previous_end = segment.end_s;
    }
}

double processorSeconds() {
    rusage self{};
    rusage children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) * 1e-6; };
    return seconds(self.ru_utime) + seconds(self.ru_stime) + seconds(children.ru_utime) +
           seconds(children.ru_stime);
}

}  // namespace

class TestSpeechSynth : public QObject {
    Q_OBJECT

private slots:
    void speaksSixteenKilohertzAudioWithATimeline();
    void sameSpecGivesTheSameSamples_data();
    void sameSpecGivesTheSameSamples();
    void stopClosuresLieInTheirStop_data();
    void stopClosuresLieInTheirStop();
    void stressLandsOnVowels();
    void audioSearchAgreesWithExactPositions();
    void everyCorpusLanguageSpeaks();
    void everyVariantSpeaks();
    void listsVariantsAndLanguages();
    void refusesBadSpecs_data();
    void refusesBadSpecs();
    void phonemeInventoryAndSpeed();
};

void TestSpeechSynth::speaksSixteenKilohertzAudioWithATimeline() {
    const Utterance utterance = speak(makeSpec("Hello there, this is a test.", "en"));
    QCOMPARE(utterance.audio.sample_rate_hz, ps::kAnalysisSampleRate_hz);
    QCOMPARE(utterance.audio.channels, 1);
    QCOMPARE(utterance.native_sample_rate_hz, 22050);
    QVERIFY(utterance.audio.duration_s() > 1.0);
    QVERIFY(rms(utterance.audio.samples, 0, utterance.audio.samples.size()) > 0.02);
    const auto [low, high] =
        std::minmax_element(utterance.audio.samples.begin(), utterance.audio.samples.end());
    QVERIFY(*low >= -1.0f && *high <= 1.0f);
    verifyTimeline(utterance);
    QVERIFY(utterance.phonemes.size() >= 15);
    // The comma is a pause: a gap of at least 100 ms between two segments.
    bool has_gap = false;
    for (size_t i = 1; i < utterance.phonemes.size(); ++i) {
        has_gap |= utterance.phonemes[i].start_s - utterance.phonemes[i - 1].end_s > 0.1;
    }
    QVERIFY(has_gap);
}

void TestSpeechSynth::sameSpecGivesTheSameSamples_data() {
    QTest::addColumn<QString>("variant");
    QTest::newRow("own voice") << "";
    QTest::newRow("f2: breath noise and echo") << "f2";
    QTest::newRow("klatt: Klatt synthesiser") << "klatt";
}

void TestSpeechSynth::sameSpecGivesTheSameSamples() {
    QFETCH(QString, variant);
    const UtteranceSpec spec =
        makeSpec("The quick brown fox, maybe.", "en", variant.toStdString(), 190);
    const Utterance first = speak(spec);
    speak(makeSpec("Something else entirely in between.", "de", "m3"));
    const Utterance second = speak(spec);
    QVERIFY(first.audio.samples == second.audio.samples);
    QCOMPARE(first.phonemes.size(), second.phonemes.size());
    for (size_t i = 0; i < first.phonemes.size(); ++i) {
        QCOMPARE(first.phonemes[i].ipa, second.phonemes[i].ipa);
        QCOMPARE(first.phonemes[i].start_s, second.phonemes[i].start_s);
        QCOMPARE(first.phonemes[i].end_s, second.phonemes[i].end_s);
        QCOMPARE(first.phonemes[i].stressed, second.phonemes[i].stressed);
    }
}

void TestSpeechSynth::stopClosuresLieInTheirStop_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("text");
    QTest::newRow("English") << "en"
                             << ""
                             << "papa mama, a happy puppy keeps a map.";
    QTest::newRow("Spanish, m3") << "es"
                                 << "m3"
                                 << "papá pide pan y pepino para pepe.";
    QTest::newRow("German, Klatt") << "de"
                                   << "klatt"
                                   << "Papa packt Puppen in die Kappe.";
    QTest::newRow("French, f1") << "fr"
                                << "f1"
                                << "papa part au port, pépé aussi.";
}

void TestSpeechSynth::stopClosuresLieInTheirStop() {
    QFETCH(QString, language);
    QFETCH(QString, variant);
    QFETCH(QString, text);
    const Utterance utterance =
        speak(makeSpec(text.toStdString(), language.toStdString(), variant.toStdString()));
    verifyTimeline(utterance);
    const std::vector<Span> silences = silentSpans(utterance.audio, 0.015);
    // The labels are what the model learns: the closure of /p/ (lips shut) must be labelled /p/,
    // starting with it, within 20 ms — not as the end of the vowel before.
    constexpr double kTolerance_s = 0.020;
    int checked = 0;
    for (size_t i = 0; i < utterance.phonemes.size(); ++i) {
        const auto& stop = utterance.phonemes[i];
        if (stop.ipa != "p") {
            continue;
        }
        // After a pause the closure continues the pause's silence, so it may start earlier.
        const bool after_gap = i == 0 || utterance.phonemes[i - 1].end_s < stop.start_s;
        const auto closure = std::find_if(silences.begin(), silences.end(), [&](const Span& s) {
            return std::abs(s.start_s - stop.start_s) <= kTolerance_s ||
                   (after_gap && s.start_s <= stop.start_s && s.end_s > stop.start_s);
        });
        QVERIFY2(closure != silences.end(),
                 qPrintable(QString("no closure at /p/ %1 s").arg(stop.start_s)));
        QVERIFY2(closure->end_s <= stop.end_s + 0.003,
                 qPrintable(QString("closure of /p/ at %1 s runs past it").arg(stop.start_s)));
        if (i > 0 && utterance.phonemes[i - 1].end_s == stop.start_s) {
            const auto& before = utterance.phonemes[i - 1];
            for (const Span& silence : silences) {
                QVERIFY2(silence.start_s < before.start_s + 0.003 ||
                             silence.end_s > before.end_s + kTolerance_s,
                         qPrintable(QString("silence inside /%1/ before /p/ at %2 s")
                                        .arg(QString::fromStdString(before.ipa))
                                        .arg(stop.start_s)));
            }
        }
        ++checked;
    }
    QVERIFY2(checked >= 3, qPrintable(QString("only %1 /p/ found").arg(checked)));
}

void TestSpeechSynth::stressLandsOnVowels() {
    const Utterance utterance =
        speak(makeSpec("The important problem is remembering the banana.", "en"));
    int stressed = 0;
    int vowels = 0;
    for (const auto& segment : utterance.phonemes) {
        vowels += isVowel(segment.ipa) ? 1 : 0;
        if (segment.stressed) {
            QVERIFY2(isVowel(segment.ipa), segment.ipa.c_str());
            ++stressed;
        }
    }
    // im-POR-tant PROB-lem re-MEM-ber-ing ba-NA-na, and espeak-ng's secondary stresses.
    QVERIFY2(stressed >= 4, qPrintable(QString::number(stressed)));
    QVERIFY(stressed < vowels);
}

void TestSpeechSynth::audioSearchAgreesWithExactPositions() {
    // Klatt voices need the silence before each event found in the audio; on a voice where the
    // hooks give exact positions, that search must find the same starts.
    for (const char* language : {"en", "de", "ru", "ar"}) {
        const CorpusLanguage* corpus = findCorpusLanguage(language);
        QVERIFY(corpus != nullptr);
        Result<RawSpeech> raw =
            SpeechSynth().record(makeSpec(corpusUtteranceText(*corpus, 3), corpus->espeak_voice));
        QVERIFY(raw.ok());
        QVERIFY(raw->positions_exact);
        Result<PhonemeTimeline> exact = buildPhonemeTimeline(*raw, SilenceLocation::Automatic);
        Result<PhonemeTimeline> searched = buildPhonemeTimeline(*raw, SilenceLocation::FromAudio);
        QVERIFY(exact.ok() && searched.ok());
        QCOMPARE(searched->size(), exact->size());
        for (size_t i = 0; i < exact->size(); ++i) {
            QVERIFY2(std::abs((*exact)[i].start_s - (*searched)[i].start_s) < 0.001,
                     qPrintable(QString("%1 /%2/").arg(language).arg(
                         QString::fromStdString((*exact)[i].ipa))));
        }
    }
}

void TestSpeechSynth::everyCorpusLanguageSpeaks() {
    for (const CorpusLanguage& language : corpusLanguages()) {
        const std::string text = corpusUtteranceText(language, 7);
        Result<Utterance> utterance =
            SpeechSynth().synthesize(makeSpec(text, language.espeak_voice));
        QVERIFY2(utterance.ok(),
                 qPrintable(QString::fromStdString(
                     language.code + ": " + (utterance.ok() ? "" : utterance.error().message))));
        verifyTimeline(*utterance);
        QVERIFY2(utterance->phonemes.size() >= 5, language.code.c_str());
        QVERIFY2(rms(utterance->audio.samples, 0, utterance->audio.samples.size()) > 0.01,
                 language.code.c_str());
    }
}

void TestSpeechSynth::everyVariantSpeaks() {
    Result<std::vector<VoiceVariant>> variants = SpeechSynth().listVariants();
    QVERIFY(variants.ok());
    for (const VoiceVariant& variant : *variants) {
        Result<Utterance> utterance =
            SpeechSynth().synthesize(makeSpec("Papa, maybe a big lamp.", "en", variant.id));
        QVERIFY2(utterance.ok(),
                 qPrintable(QString::fromStdString(
                     variant.id + ": " + (utterance.ok() ? "" : utterance.error().message))));
        verifyTimeline(*utterance);
        QVERIFY2(utterance->phonemes.size() >= 12, variant.id.c_str());
    }
}

void TestSpeechSynth::listsVariantsAndLanguages() {
    Result<std::vector<VoiceVariant>> variants = SpeechSynth().listVariants();
    QVERIFY(variants.ok());
    QVERIFY2(variants->size() >= 50, qPrintable(QString::number(variants->size())));
    std::set<std::string> ids;
    for (const VoiceVariant& variant : *variants) {
        QVERIFY(!variant.name.empty());
        ids.insert(variant.id);
    }
    QCOMPARE(ids.size(), variants->size());
    for (const char* id : {"m3", "f2", "klatt", "whisper", "Mr serious"}) {
        QVERIFY2(ids.count(id) == 1, id);
    }

    Result<std::vector<VoiceLanguage>> languages = SpeechSynth().listLanguages();
    QVERIFY(languages.ok());
    QVERIFY(languages->size() >= 100);
    std::set<std::string> codes;
    for (const VoiceLanguage& language : *languages) {
        codes.insert(language.code);
    }
    for (const char* code : {"en-gb", "de", "cmn-latn-pinyin", "sw", "ka"}) {
        QVERIFY2(codes.count(code) == 1, code);
    }
}

void TestSpeechSynth::refusesBadSpecs_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("rate");
    QTest::newRow("empty text") << " \n"
                                << "en"
                                << "" << 160;
    QTest::newRow("rate too low") << "hello"
                                  << "en"
                                  << "" << 40;
    QTest::newRow("unknown language") << "hello"
                                      << "xx"
                                      << "" << 160;
    QTest::newRow("unknown variant") << "hello"
                                     << "en"
                                     << "nobody" << 160;
    QTest::newRow("variant outside !v") << "hello"
                                        << "en"
                                        << "../en" << 160;
    QTest::newRow("two variants") << "hello"
                                  << "en+m3"
                                  << "f2" << 160;
}

void TestSpeechSynth::refusesBadSpecs() {
    QFETCH(QString, text);
    QFETCH(QString, language);
    QFETCH(QString, variant);
    QFETCH(int, rate);
    Result<Utterance> utterance = SpeechSynth().synthesize(
        makeSpec(text.toStdString(), language.toStdString(), variant.toStdString(), rate));
    QVERIFY(!utterance.ok());
    QCOMPARE(utterance.error().kind, ps::ErrorKind::BadInput);
}

void TestSpeechSynth::phonemeInventoryAndSpeed() {
    // Every word of every corpus language, ten to an utterance, in the languages' own voices.
    std::map<std::string, std::pair<int, std::set<std::string>>> inventory;
    double audio_s = 0.0;
    const double processor_start = processorSeconds();
    for (const CorpusLanguage& language : corpusLanguages()) {
        std::set<std::string> distinct;
        for (size_t first = 0; first < language.words.size(); first += 10) {
            std::string text;
            for (size_t i = first; i < std::min(first + 10, language.words.size()); ++i) {
                text += (i > first ? language.word_separator : "") + language.words[i];
            }
            const Utterance utterance =
                speak(makeSpec(text + language.full_stop, language.espeak_voice, "", 175));
            audio_s += utterance.audio.duration_s();
            for (const auto& segment : utterance.phonemes) {
                auto& entry = inventory[segment.ipa];
                ++entry.first;
                entry.second.insert(language.code);
                distinct.insert(segment.ipa);
            }
        }
        QVERIFY2(distinct.size() >= 15, qPrintable(QString::fromStdString(language.code) + ": " +
                                                   QString::number(distinct.size())));
    }
    const double processor_s = processorSeconds() - processor_start;
    const double speed = audio_s / processor_s;
    qInfo(
        "synthesis speed: %.0f s of audio per s of CPU (%.0f s of audio in %.2f s, fork and "
        "resampling included); %zu distinct IPA phonemes",
        speed, audio_s, processor_s, inventory.size());
    // Typically 200–340; the bar only catches a pathology (it is CPU time, but a busy virtual
    // machine makes the forks' page faults several times dearer).
    QVERIFY2(speed > 10.0, qPrintable(QString::number(speed)));

    if (const char* path = std::getenv("PS_IPA_INVENTORY")) {
        std::vector<std::pair<std::string, std::pair<int, std::set<std::string>>>> rows(
            inventory.begin(), inventory.end());
        std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return a.second.first > b.second.first;
        });
        std::ofstream out(path);
        out << "# IPA phoneme names (espeak-ng 1.51 phoneme events, as PhonemeSegment::ipa holds "
               "them) produced\n# by every word of every training-corpus language in its own "
               "voice: "
            << rows.size() << " names.\n# count\tipa\tlanguages\n";
        for (const auto& [ipa, entry] : rows) {
            out << entry.first << '\t' << ipa << '\t';
            bool first = true;
            for (const std::string& code : entry.second) {
                out << (first ? "" : " ") << code;
                first = false;
            }
            out << '\n';
        }
        QVERIFY(out.good());
    }
}

QTEST_GUILESS_MAIN(TestSpeechSynth)
#include "TestSpeechSynth.moc"
