// Turning espeak-ng's raw reports into a phoneme timeline, on hand-made recordings: pairing events
// with generator marks (repeats, look-alike neighbours), giving a stop its closure, pauses as
// gaps, unnamed sounds joined to a neighbour, stress from the clause strings, and a vowel after a
// nasal moved back to the release.
#include <QtTest>

#include <cmath>

#include "train/NasalReleaseFinder.h"
#include "train/PhonemeTimelineBuilder.h"

using namespace ps::train;
using ps::Result;

namespace {

constexpr int kRate = 22050;
constexpr int kVowel = kEspeakPhonemeTypeVowel;
constexpr int kStop = 4;  // espeak-ng's phSTOP
constexpr int kPause = kEspeakPhonemeTypePause;
constexpr int kNasal = kEspeakPhonemeTypeNasal;

// A recording of `length` samples of a steady tone, with the given spans set to silence.
RawSpeech toneWithSilences(int64_t length, std::vector<std::pair<int64_t, int64_t>> silences) {
    RawSpeech speech;
    speech.sample_rate_hz = kRate;
    speech.samples.resize(static_cast<size_t>(length));
    for (int64_t i = 0; i < length; ++i) {
        speech.samples[i] = static_cast<int16_t>(8000 * std::sin(2 * 3.14159265 * 220 * i / kRate));
    }
    for (const auto& [begin, end] : silences) {
        std::fill(speech.samples.begin() + begin, speech.samples.begin() + end, 0);
    }
    speech.positions_exact = true;
    return speech;
}

EspeakGeneratorMark mark(const char* mnemonic, int type, int64_t position, int block,
                         int64_t silence = 0) {
    EspeakGeneratorMark made;
    made.mnemonic = mnemonic;
    made.type = type;
    made.hooked_position = position;
    made.output_block = block;
    made.silence.assign(static_cast<size_t>(silence), 0);
    return made;
}

double at(int64_t sample) {
    return static_cast<double>(sample) / kRate;
}

}  // namespace

class TestPhonemeTimelineBuilder : public QObject {
    Q_OBJECT

private slots:
    void stopGetsItsClosure_data();
    void stopGetsItsClosure();
    void repeatedMarksAreDropped();
    void lookAlikeMarksSplitByBlocks();
    void eventsWithoutMarksAreAnError();
    void pausesAreGapsAndUnnamedSoundsJoinANeighbour();
    void stressComesFromTheClauseStrings();
    void truncatedNamesEndOnWholeCharacters();
    void vowelAfterNasalStartsAtTheRelease();
    void nasalReleaseNeedsAClearRise();
};

void TestPhonemeTimelineBuilder::stopGetsItsClosure_data() {
    QTest::addColumn<bool>("exact");
    QTest::addColumn<int>("location");
    QTest::newRow("exact positions") << true << static_cast<int>(SilenceLocation::Automatic);
    QTest::newRow("Klatt: found in the audio")
        << false << static_cast<int>(SilenceLocation::Automatic);
    QTest::newRow("forced from the audio") << true << static_cast<int>(SilenceLocation::FromAudio);
}

void TestPhonemeTimelineBuilder::stopGetsItsClosure() {
    QFETCH(bool, exact);
    QFETCH(int, location);
    // "a p a": the closure (600..1000) is generated after the stop's mark and before its event.
    RawSpeech speech = toneWithSilences(3000, {{600, 1000}});
    speech.positions_exact = exact;
    speech.events = {{0, "a", 0}, {1000, "p", 0}, {1300, "a", 1}};
    speech.marks = {mark("a", kVowel, 0, 0), mark("p", kStop, exact ? 600 : 123, 0, 400),
                    mark("a", kVowel, 1300, 1)};

    TimelineDiagnostics diagnostics;
    Result<PhonemeTimeline> timeline =
        buildPhonemeTimeline(speech, static_cast<SilenceLocation>(location), &diagnostics);
    QVERIFY2(timeline.ok(), timeline.ok() ? "" : timeline.error().message.c_str());
    QCOMPARE(timeline->size(), size_t(3));
    QCOMPARE((*timeline)[0].end_s, at(600));
    QCOMPARE((*timeline)[1].ipa, std::string("p"));
    QCOMPARE((*timeline)[1].start_s, at(600));
    QCOMPARE((*timeline)[1].end_s, at(1300));
    QCOMPARE((*timeline)[2].end_s, at(3000));
    QCOMPARE(diagnostics.phonemes_with_silence, 1);
}

void TestPhonemeTimelineBuilder::repeatedMarksAreDropped() {
    // espeak-ng queued "a" three times while its queue was full; the last copy is the real one.
    RawSpeech speech = toneWithSilences(2000, {});
    speech.events = {{0, "p", 0}, {700, "a", 1}};
    speech.marks = {mark("p", kStop, 0, 0), mark("", kPause, 500, 1), mark("a", kVowel, 700, 1),
                    mark("a", kVowel, 700, 1), mark("a", kVowel, 700, 1)};
    TimelineDiagnostics diagnostics;
    Result<PhonemeTimeline> timeline =
        buildPhonemeTimeline(speech, SilenceLocation::Automatic, &diagnostics);
    QVERIFY(timeline.ok());
    QCOMPARE(timeline->size(), size_t(2));
    QCOMPARE(diagnostics.repeated_marks, 2);
    QCOMPARE((*timeline)[1].start_s, at(700));
}

void TestPhonemeTimelineBuilder::lookAlikeMarksSplitByBlocks() {
    // Under Klatt ("a a" across a word boundary) three look-alike marks in block 2 hold two real
    // phonemes; the events' blocks say which: the first "a" came in block 2, the second in 3.
    RawSpeech speech = toneWithSilences(4000, {});
    speech.positions_exact = false;
    speech.events = {{0, "t", 0}, {1000, "a", 2}, {2500, "a", 3}, {3500, "m", 4}};
    speech.marks = {mark("t", kStop, 0, 0), mark("a", kVowel, 10, 2), mark("a", kVowel, 10, 2),
                    mark("a", kVowel, 10, 2), mark("m", kNasal, 10, 4)};
    Result<PhonemeTimeline> timeline = buildPhonemeTimeline(speech);
    QVERIFY2(timeline.ok(), timeline.ok() ? "" : timeline.error().message.c_str());
    QCOMPARE(timeline->size(), size_t(4));
    QCOMPARE((*timeline)[2].start_s, at(2500));
}

void TestPhonemeTimelineBuilder::eventsWithoutMarksAreAnError() {
    RawSpeech speech = toneWithSilences(1000, {});
    speech.events = {{0, "p", 0}, {500, "a", 0}};
    speech.marks = {mark("p", kStop, 0, 0)};
    QVERIFY(!buildPhonemeTimeline(speech).ok());
}

void TestPhonemeTimelineBuilder::pausesAreGapsAndUnnamedSoundsJoinANeighbour() {
    // "(en)" and an unnamed linking schwa are sound; "_:" is a pause.
    RawSpeech speech = toneWithSilences(5000, {{2000, 3000}});
    speech.events = {{0, "(en)", 0}, {0, "k", 0},   {1000, "", 0}, {1500, "t", 0},
                     {2000, "", 1},  {3000, "", 1}, {3200, "o", 2}};
    speech.marks = {mark("(en)", 21, 0, 0),
                    mark("k", kStop, 0, 0),
                    mark("@-", kVowel, 1000, 0),
                    mark("t", kStop, 1500, 0),
                    mark("_:", kPause, 2000, 1, 1000),
                    mark("@-", kVowel, 3000, 1),
                    mark("o", kVowel, 3200, 2)};
    TimelineDiagnostics diagnostics;
    Result<PhonemeTimeline> timeline =
        buildPhonemeTimeline(speech, SilenceLocation::Automatic, &diagnostics);
    QVERIFY(timeline.ok());
    QCOMPARE(timeline->size(), size_t(3));
    QCOMPARE((*timeline)[0].ipa, std::string("k"));
    QCOMPARE((*timeline)[0].end_s, at(1500));  // the schwa after k joined it
    QCOMPARE((*timeline)[1].end_s, at(2000));  // the pause is a gap
    QCOMPARE((*timeline)[2].ipa, std::string("o"));
    QCOMPARE((*timeline)[2].start_s, at(3000));  // the schwa after the pause joined "o"
    QCOMPARE(diagnostics.unnamed_sounds, 3);
}

void TestPhonemeTimelineBuilder::stressComesFromTheClauseStrings() {
    RawSpeech speech = toneWithSilences(4000, {});
    speech.events = {{0, "p", 0}, {500, "a", 0}, {1000, "m", 0}, {1500, "i", 0}, {2000, "aː", 0}};
    speech.marks = {mark("p", kStop, 0, 0), mark("a", kVowel, 500, 0), mark("m", kNasal, 1000, 0),
                    mark("i", kVowel, 1500, 0), mark("a:", kVowel, 2000, 0)};
    // The stress mark precedes the stressed vowel; "aː" here was lengthened (a suffix ː).
    speech.clause_phonemes = {"p|ˈa m|ˌi", "ˈaːː"};
    TimelineDiagnostics diagnostics;
    Result<PhonemeTimeline> timeline =
        buildPhonemeTimeline(speech, SilenceLocation::Automatic, &diagnostics);
    QVERIFY(timeline.ok());
    QCOMPARE(timeline->size(), size_t(5));
    const bool expected[] = {false, true, false, true, true};
    for (size_t i = 0; i < 5; ++i) {
        QCOMPARE((*timeline)[i].stressed, expected[i]);
    }
    QCOMPARE(diagnostics.unmatched_for_stress, 0);
}

void TestPhonemeTimelineBuilder::truncatedNamesEndOnWholeCharacters() {
    RawSpeech speech = toneWithSilences(1000, {});
    // "aɐ̃ʊ̃" needs 9 bytes; the event's 8-byte field ends in the first half of the last "̃",
    // which is dropped.
    speech.events = {{0, std::string("a\xC9\x90\xCC\x83\xCA\x8A\xCC", 8), 0}};
    speech.marks = {mark("a~", kVowel, 0, 0)};
    Result<PhonemeTimeline> timeline = buildPhonemeTimeline(speech);
    QVERIFY(timeline.ok());
    QCOMPARE((*timeline)[0].ipa, std::string("a\xC9\x90\xCC\x83\xCA\x8A"));
}

void TestPhonemeTimelineBuilder::vowelAfterNasalStartsAtTheRelease() {
    // A murmur (250 Hz, nothing in 500–2800 Hz) that opens at sample 3000 into a vowel (250 Hz
    // and 1000 Hz); espeak-ng's vowel event comes 30 ms later.
    RawSpeech speech;
    speech.sample_rate_hz = kRate;
    speech.positions_exact = true;
    const int64_t release = 3000;
    const int64_t event = release + kRate * 30 / 1000;
    for (int64_t i = 0; i < 6000; ++i) {
        double value = 6000 * std::sin(2 * 3.14159265 * 250 * i / kRate);
        if (i >= release) {
            value += 6000 * std::sin(2 * 3.14159265 * 1000 * i / kRate);
        }
        speech.samples.push_back(static_cast<int16_t>(value));
    }
    speech.events = {{0, "m", 0}, {event, "a", 0}};
    speech.marks = {mark("m", kNasal, 0, 0), mark("a", kVowel, 500, 0)};
    TimelineDiagnostics diagnostics;
    Result<PhonemeTimeline> timeline =
        buildPhonemeTimeline(speech, SilenceLocation::Automatic, &diagnostics);
    QVERIFY(timeline.ok());
    QCOMPARE(diagnostics.vowels_moved_to_nasal_release, 1);
    QVERIFY2(std::abs((*timeline)[1].start_s - at(release)) < 0.002,
             qPrintable(QString::number((*timeline)[1].start_s)));
    QCOMPARE((*timeline)[0].end_s, (*timeline)[1].start_s);
}

void TestPhonemeTimelineBuilder::nasalReleaseNeedsAClearRise() {
    std::vector<int16_t> steady;
    for (int i = 0; i < 4000; ++i) {
        steady.push_back(static_cast<int16_t>(6000 * std::sin(2 * 3.14159265 * 1000 * i / kRate)));
    }
    const NasalReleaseFinder finder(steady, kRate);
    QVERIFY(!finder.find(1000, 3000).has_value());
}

QTEST_GUILESS_MAIN(TestPhonemeTimelineBuilder)
#include "TestPhonemeTimelineBuilder.moc"
