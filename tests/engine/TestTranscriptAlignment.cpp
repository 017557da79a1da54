// A typed transcript placed on hand-made voice tracks: a word to each speech run, a word that
// starts with p, b or m starting where the lips close, punctuation and UTF-8 kept in the text,
// words in time order without overlaps, and the empty and silent cases.
#include <QtTest>

#include "voice/LipSeal.h"
#include "voice/MouthChannels.h"
#include "voice/TranscriptAlignment.h"

using namespace ps;

namespace {

using B = Blendshape;

constexpr double kFps = 100.0;

BlendshapeWeights openVowel() {
    BlendshapeWeights w{};
    w[size_t(B::JawOpen)] = 0.5f;
    w[size_t(B::MouthLowerDownLeft)] = 0.2f;
    w[size_t(B::MouthLowerDownRight)] = 0.2f;
    return w;
}

BlendshapeWeights sealedMouth() {
    MouthWeights mouth{};
    mouth[size_t(mouthChannel(B::JawOpen))] = 0.5f;
    mouth = sealedLips(mouth);
    BlendshapeWeights w{};
    for (int c = 0; c < kMouthChannelCount; ++c) {
        w[size_t(kMouthChannels[size_t(c)])] = mouth[size_t(c)];
    }
    return w;
}

// Appends `seconds` of one mouth at one speech activity.
void add(FaceTrack& track, double seconds, const BlendshapeWeights& weights, float speech) {
    const int frames = int(std::lround(seconds * kFps));
    for (int k = 0; k < frames; ++k) {
        FaceState state;
        state.weights = weights;
        state.speech = speech;
        track.frames.push_back(state);
    }
}

FaceTrack emptyTrack() {
    FaceTrack track;
    track.fps = kFps;
    return track;
}

// Silence, a run of speech 0.3-0.8 s, silence, a second run 1.3-1.9 s, silence to 2.2 s.
FaceTrack twoRuns() {
    FaceTrack track = emptyTrack();
    add(track, 0.3, {}, 0.0f);
    add(track, 0.5, openVowel(), 1.0f);
    add(track, 0.5, {}, 0.0f);
    add(track, 0.6, openVowel(), 1.0f);
    add(track, 0.3, {}, 0.0f);
    return track;
}

void verifyOrdered(const std::vector<AlignedWord>& words) {
    for (size_t i = 0; i < words.size(); ++i) {
        QVERIFY2(words[i].end_s > words[i].start_s, words[i].text.c_str());
        if (i > 0) {
            QVERIFY2(words[i].start_s >= words[i - 1].end_s - 1e-9, words[i].text.c_str());
        }
    }
}

}  // namespace

class TestTranscriptAlignment : public QObject {
    Q_OBJECT

private slots:
    void oneWordToEachRun() {
        const std::vector<AlignedWord> words = alignTranscript("hello world", twoRuns());
        QCOMPARE(int(words.size()), 2);
        QCOMPARE(words[0].text, std::string("hello"));
        QCOMPARE(words[1].text, std::string("world"));
        QVERIFY(words[0].start_s >= 0.3 - 1e-9 && words[0].end_s <= 0.8 + 1e-9);
        QVERIFY(words[1].start_s >= 1.3 - 1e-9 && words[1].end_s <= 1.9 + 1e-9);
        verifyOrdered(words);
    }

    void wordsShareARunByLength() {
        // Three words over two runs: the short run (0.5 s) takes one, the long (0.6 s) two.
        const std::vector<AlignedWord> words = alignTranscript("a b c", twoRuns());
        QCOMPARE(int(words.size()), 3);
        verifyOrdered(words);
        for (const AlignedWord& word : words) {
            const bool in_first = word.start_s >= 0.3 - 1e-9 && word.end_s <= 0.8 + 1e-9;
            const bool in_second = word.start_s >= 1.3 - 1e-9 && word.end_s <= 1.9 + 1e-9;
            QVERIFY2(in_first || in_second, word.text.c_str());
        }
        // Fewer words than runs: the one word goes to one run, the other stays empty.
        const std::vector<AlignedWord> one = alignTranscript("hi", twoRuns());
        QCOMPARE(int(one.size()), 1);
        QVERIFY(one[0].end_s - one[0].start_s >= 0.5 - 1e-9);
    }

    void bilabialWordStartsWhereTheLipsClose() {
        // The lips close at 0.40 s and the sound starts at 0.45 s.
        FaceTrack track = emptyTrack();
        add(track, 0.4, {}, 0.0f);
        add(track, 0.05, sealedMouth(), 0.3f);
        add(track, 0.05, sealedMouth(), 1.0f);
        add(track, 0.3, openVowel(), 1.0f);
        add(track, 0.3, {}, 0.0f);
        const std::vector<AlignedWord> words = alignTranscript("map", track);
        QCOMPARE(int(words.size()), 1);
        QVERIFY2(std::abs(words[0].start_s - 0.4) < 1e-6,
                 qPrintable(QString::number(words[0].start_s)));
        QVERIFY(std::abs(words[0].end_s - 0.8) < 1e-6);
        // A word without a closure keeps the speech's own start.
        const std::vector<AlignedWord> other = alignTranscript("tap", track);
        QVERIFY(std::abs(other[0].start_s - 0.45) < 1e-6);
    }

    void innerBoundaryMovesToTheClosure() {
        // One run: an open vowel, a closure at 0.62-0.72, an open vowel; "ah ma": the boundary
        // between the words goes to where the lips close.
        FaceTrack track = emptyTrack();
        add(track, 0.2, {}, 0.0f);
        add(track, 0.42, openVowel(), 1.0f);
        add(track, 0.1, sealedMouth(), 1.0f);
        add(track, 0.3, openVowel(), 1.0f);
        add(track, 0.2, {}, 0.0f);
        const std::vector<AlignedWord> words = alignTranscript("ah ma", track);
        QCOMPARE(int(words.size()), 2);
        QVERIFY2(std::abs(words[1].start_s - 0.62) < 1e-6,
                 qPrintable(QString::number(words[1].start_s)));
        QCOMPARE(words[0].end_s, words[1].start_s);
    }

    void keepsPunctuationAndUtf8() {
        const std::vector<AlignedWord> words = alignTranscript("  café,  naïve… ok!\n", twoRuns());
        QCOMPARE(int(words.size()), 3);
        QCOMPARE(words[0].text, std::string("café,"));
        QCOMPARE(words[1].text, std::string("naïve…"));
        QCOMPARE(words[2].text, std::string("ok!"));
        verifyOrdered(words);
        // Punctuation weighs nothing; an accented vowel is a vowel.
        QCOMPARE(expectedWordLength("café,"), expectedWordLength("cafe"));
        QCOMPARE(expectedWordLength("«ok»"), expectedWordLength("ok"));
        QVERIFY(std::abs(expectedWordLength("map") - (0.18 + 2 * 0.05)) < 1e-12);
    }

    void emptyAndSilent() {
        QVERIFY(alignTranscript("", twoRuns()).empty());
        QVERIFY(alignTranscript(" \t\n", twoRuns()).empty());
        FaceTrack silent = emptyTrack();
        add(silent, 3.0, {}, 0.0f);
        const std::vector<AlignedWord> words = alignTranscript("one two three", silent);
        QCOMPARE(int(words.size()), 3);
        QVERIFY(std::abs(words[0].start_s) < 1e-9);
        QVERIFY(std::abs(words[1].start_s - 1.0) < 1e-9);
        QVERIFY(std::abs(words[2].end_s - 3.0) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptAlignment)
#include "TestTranscriptAlignment.moc"
