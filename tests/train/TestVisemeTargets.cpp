// Phonemes to mouth targets: the IPA classifier, the poses' apertures, and the per-frame track's
// coarticulation and hard constraints (closures, rest in pauses).
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "train/VisemeClass.h"
#include "train/VisemePose.h"
#include "train/VisemeTargets.h"
#include "voice/MouthChannels.h"

Q_DECLARE_METATYPE(ps::train::Viseme)

using ps::Blendshape;
using ps::MouthWeights;
using ps::train::MouthTargets;
using ps::train::PhonemeSegment;
using ps::train::PhonemeTimeline;
using ps::train::Viseme;

namespace {

float channel(const MouthWeights& weights, Blendshape shape) {
    return weights[static_cast<size_t>(ps::mouthChannel(shape))];
}

// "p a m i t u", a long pause, "b a": closures at the start, middle and after the pause, an open
// vowel, a close front vowel, a rounded vowel behind a consonant.
PhonemeTimeline pamituBa() {
    return {
        {"p", 0.20, 0.28, false},
        {"a", 0.28, 0.45, true},
        {"m", 0.45, 0.53, false},
        {"i", 0.53, 0.68, false},
        {"t", 0.68, 0.75, false},
        {"u", 0.75, 0.92, true},
        // 0.92 … 1.50: a long pause
        {"b", 1.50, 1.56, false},
        {"a", 1.56, 1.75, true},
    };
}
constexpr double kPamituBaDuration_s = 2.0;

MouthTargets build(const PhonemeTimeline& timeline, double duration_s, double fps) {
    auto targets = ps::train::buildMouthTargets(timeline, duration_s, fps);
    if (!targets.ok()) {
        qFatal("buildMouthTargets failed: %s", targets.error().message.c_str());
    }
    return std::move(targets).value();
}

// Frames whose time lies in [from_s, to_s].
std::vector<size_t> framesIn(const MouthTargets& targets, double from_s, double to_s) {
    std::vector<size_t> frames;
    for (size_t k = 0; k < targets.frames.size(); ++k) {
        const double t = static_cast<double>(k) / targets.fps;
        if (t >= from_s && t <= to_s) {
            frames.push_back(k);
        }
    }
    return frames;
}

// The middle half of a segment.
std::vector<size_t> middleHalf(const MouthTargets& targets, const PhonemeSegment& segment) {
    const double quarter = 0.25 * (segment.end_s - segment.start_s);
    return framesIn(targets, segment.start_s + quarter, segment.end_s - quarter);
}

float apertureAt(const MouthTargets& targets, size_t frame) {
    return ps::lipAperture(targets.frames[frame].weights);
}

float meanAperture(const MouthTargets& targets, const std::vector<size_t>& frames) {
    float sum = 0.0f;
    for (const size_t k : frames) {
        sum += apertureAt(targets, k);
    }
    return sum / static_cast<float>(frames.size());
}

float valueAt(const MouthTargets& targets, double t, Blendshape shape) {
    const auto k = static_cast<size_t>(std::lround(t * targets.fps));
    return channel(targets.frames[k].weights, shape);
}

// Every vowel letter of the IPA chart.
const char* const kChartVowels[] = {"i", "y", "ɨ", "ʉ", "ɯ", "u", "ɪ", "ʏ", "ʊ", "e",
                                    "ø", "ɘ", "ɵ", "ɤ", "o", "ə", "ɛ", "œ", "ɜ", "ɞ",
                                    "ʌ", "ɔ", "æ", "ɐ", "a", "ɶ", "ɑ", "ɒ"};

}  // namespace

class TestVisemeTargets : public QObject {
    Q_OBJECT

private slots:
    void mouthChannelsIndexArkit();
    void classify_data();
    void classify();
    void diphthongsKeepTheirPath();
    void unknownSymbolsAreReported();
    void posesHaveTheirApertures();
    void trackHasOneFramePerPeriod_data();
    void trackHasOneFramePerPeriod();
    void bilabialsCloseInEveryMiddleFrame_data();
    void bilabialsCloseInEveryMiddleFrame();
    void vowelsOpenByTheirHeight();
    void roundingIsAnticipatedAcrossAConsonant();
    void mouthRestsInLongPausesOnly();
    void speechActivityFollowsSpeech();
    void trackIsSmoothExceptIntoClosures();
    void labiodentalsTuckTheLowerLip();
    void diphthongsGlide();
    void stressOpensVowels();
    void veryShortStopStillCloses();
    void isDeterministic();
    void rejectsBadInput();
};

void TestVisemeTargets::mouthChannelsIndexArkit() {
    QCOMPARE(ps::kMouthChannelCount, 19);
    QCOMPARE(ps::kSpeechActivityChannel, 19);
    QCOMPARE(ps::kLipClosureChannel, 20);
    QCOMPARE(ps::kVoiceModelOutputCount, 21);
    QCOMPARE(ps::blendshapeName(ps::kMouthChannels.front()), std::string_view("jawOpen"));
    QCOMPARE(ps::blendshapeName(ps::kMouthChannels.back()), std::string_view("tongueOut"));
    QCOMPARE(ps::mouthChannel(Blendshape::MouthRollLower), 17);
    QVERIFY(!ps::mouthChannelOf(Blendshape::EyeBlinkLeft).has_value());
    // No shape twice.
    for (size_t i = 0; i < ps::kMouthChannels.size(); ++i) {
        QCOMPARE(ps::mouthChannel(ps::kMouthChannels[i]), static_cast<int>(i));
    }

    // The aperture formula, on the model's frame and on ARKit's full array.
    MouthWeights mouth{};
    ps::BlendshapeWeights arkit{};
    const auto set = [&](Blendshape shape, float value) {
        mouth[static_cast<size_t>(ps::mouthChannel(shape))] = value;
        arkit[static_cast<size_t>(shape)] = value;
    };
    set(Blendshape::JawOpen, 0.5f);
    set(Blendshape::MouthClose, 0.2f);
    set(Blendshape::MouthUpperUpLeft, 0.1f);
    set(Blendshape::MouthUpperUpRight, 0.1f);
    set(Blendshape::MouthLowerDownLeft, 0.3f);
    set(Blendshape::MouthLowerDownRight, 0.1f);
    set(Blendshape::MouthPucker, 0.9f);  // not part of the aperture
    QVERIFY(std::abs(ps::lipAperture(mouth) - 0.45f) < 1e-6f);
    QVERIFY(std::abs(ps::lipAperture(arkit) - 0.45f) < 1e-6f);
    set(Blendshape::JawOpen, 0.0f);
    QCOMPARE(ps::lipAperture(mouth), 0.0f);  // clamped, not -0.05
    set(Blendshape::JawOpen, 1.0f);
    set(Blendshape::MouthClose, 0.0f);
    QCOMPARE(ps::lipAperture(mouth), 1.0f);  // clamped, not 1.15
}

void TestVisemeTargets::classify_data() {
    QTest::addColumn<QByteArray>("ipa");  // UTF-8, as espeak-ng writes it
    QTest::addColumn<Viseme>("viseme");
    QTest::addColumn<bool>("closure");
    QTest::addColumn<double>("openness");  // -1: not a vowel
    QTest::addColumn<bool>("recognised");
    const double none = -1.0;
    const auto row = [](const char* ipa, const char* tag = nullptr) -> QTestData& {
        return QTest::newRow(tag != nullptr ? tag : ipa) << QByteArray(ipa);
    };
    // Bilabials and their variants: aspirated, long, syllabic, implosive, affricated, doubly
    // articulated, prenasalised; the fricatives almost close but do not.
    row("p") << Viseme::Bilabial << true << none << true;
    row("pʰ") << Viseme::Bilabial << true << none << true;
    row("ph") << Viseme::Bilabial << true << none << true;
    row("b") << Viseme::Bilabial << true << none << true;
    row("bʰ") << Viseme::Bilabial << true << none << true;
    row("m") << Viseme::Bilabial << true << none << true;
    row("mː") << Viseme::Bilabial << true << none << true;
    row("m̩") << Viseme::Bilabial << true << none << true;
    row("mʲ") << Viseme::Bilabial << true << none << true;
    row("ɓ") << Viseme::Bilabial << true << none << true;
    row("pf") << Viseme::Bilabial << true << none << true;
    row("kp") << Viseme::Bilabial << true << none << true;
    row("ᵐb") << Viseme::Bilabial << true << none << true;
    row("β") << Viseme::Bilabial << false << none << true;
    row("ɸ") << Viseme::Bilabial << false << none << true;
    row("f") << Viseme::Labiodental << false << none << true;
    row("v") << Viseme::Labiodental << false << none << true;
    row("vʲ") << Viseme::Labiodental << false << none << true;
    row("ɱ") << Viseme::Labiodental << false << none << true;
    row("ʋ") << Viseme::Labiodental << false << none << true;
    row("θ") << Viseme::Dental << false << none << true;
    row("ð") << Viseme::Dental << false << none << true;
    row("t") << Viseme::Alveolar << false << none << true;
    row("t̪") << Viseme::Alveolar << false << none << true;
    row("d") << Viseme::Alveolar << false << none << true;
    row("dˤ") << Viseme::Alveolar << false << none << true;
    row("n̩") << Viseme::Alveolar << false << none << true;
    row("l") << Viseme::Alveolar << false << none << true;
    row("ɫ") << Viseme::Alveolar << false << none << true;
    row("s") << Viseme::Alveolar << false << none << true;
    row("s̪") << Viseme::Alveolar << false << none << true;
    row("z") << Viseme::Alveolar << false << none << true;
    row("r") << Viseme::Alveolar << false << none << true;
    row("ɾ") << Viseme::Alveolar << false << none << true;
    row("ɹ") << Viseme::Alveolar << false << none << true;
    row("r̝̊") << Viseme::Alveolar << false << none << true;
    row("ts") << Viseme::Alveolar << false << none << true;
    row("dz") << Viseme::Alveolar << false << none << true;
    row("ɖ") << Viseme::Alveolar << false << none << true;
    row("ʃ") << Viseme::Postalveolar << false << none << true;
    row("ʒ") << Viseme::Postalveolar << false << none << true;
    row("tʃ") << Viseme::Postalveolar << false << none << true;
    row("t͡ʃ") << Viseme::Postalveolar << false << none << true;
    row("dʒ") << Viseme::Postalveolar << false << none << true;
    row("dʒː") << Viseme::Postalveolar << false << none << true;
    row("tʃʲ") << Viseme::Postalveolar << false << none << true;
    row("tɕ") << Viseme::Postalveolar << false << none << true;
    row("ʂ") << Viseme::Postalveolar << false << none << true;
    row("k") << Viseme::VelarGlottal << false << none << true;
    row("kʰ") << Viseme::VelarGlottal << false << none << true;
    row("kː") << Viseme::VelarGlottal << false << none << true;
    row("ɡ") << Viseme::VelarGlottal << false << none << true;
    row("g") << Viseme::VelarGlottal << false << none << true;
    row("ŋ") << Viseme::VelarGlottal << false << none << true;
    row("x") << Viseme::VelarGlottal << false << none << true;
    row("χ") << Viseme::VelarGlottal << false << none << true;
    row("ʁ") << Viseme::VelarGlottal << false << none << true;
    row("h") << Viseme::VelarGlottal << false << none << true;
    row("ʔ") << Viseme::VelarGlottal << false << none << true;
    row("ħ") << Viseme::VelarGlottal << false << none << true;
    row("j") << Viseme::Palatal << false << none << true;
    row("ç") << Viseme::Palatal << false << none << true;
    row("ɲ") << Viseme::Palatal << false << none << true;
    row("ʎ") << Viseme::Palatal << false << none << true;
    row("c") << Viseme::Palatal << false << none << true;
    row("w") << Viseme::RoundedApproximant << false << none << true;
    row("ɥ") << Viseme::RoundedApproximant << false << none << true;
    // Vowels with stress, length, nasalisation, tone digits and lowering diacritics.
    row("a") << Viseme::Vowel << false << 1.0 << true;
    row("aː") << Viseme::Vowel << false << 1.0 << true;
    row("ˈa") << Viseme::Vowel << false << 1.0 << true;
    row("a5") << Viseme::Vowel << false << 1.0 << true;
    row("ä") << Viseme::Vowel << false << 1.0 << true;
    row("ɑ̃") << Viseme::Vowel << false << 1.0 << true;
    row("ɒ") << Viseme::Vowel << false << 1.0 << true;
    row("æ") << Viseme::Vowel << false << 5.0 / 6 << true;
    row("ɐ") << Viseme::Vowel << false << 5.0 / 6 << true;
    row("ɐ̃") << Viseme::Vowel << false << 5.0 / 6 << true;
    row("ɛ") << Viseme::Vowel << false << 4.0 / 6 << true;
    row("ɛ̃") << Viseme::Vowel << false << 4.0 / 6 << true;
    row("ε", "ε (Greek epsilon)") << Viseme::Vowel << false << 4.0 / 6 << true;
    row("ɔ") << Viseme::Vowel << false << 4.0 / 6 << true;
    row("ɜː") << Viseme::Vowel << false << 4.0 / 6 << true;
    row("ə") << Viseme::Vowel << false << 0.5 << true;
    row("ə1") << Viseme::Vowel << false << 0.5 << true;
    row("ɚ") << Viseme::Vowel << false << 0.5 << true;
    row("e") << Viseme::Vowel << false << 2.0 / 6 << true;
    row("e̞") << Viseme::Vowel << false << 2.0 / 6 << true;
    row("o") << Viseme::Vowel << false << 2.0 / 6 << true;
    row("øː") << Viseme::Vowel << false << 2.0 / 6 << true;
    row("ɪ") << Viseme::Vowel << false << 1.0 / 6 << true;
    row("ᵻ") << Viseme::Vowel << false << 1.0 / 6 << true;
    row("ʊ") << Viseme::Vowel << false << 1.0 / 6 << true;
    row("i") << Viseme::Vowel << false << 0.0 << true;
    row("iː") << Viseme::Vowel << false << 0.0 << true;
    row("y") << Viseme::Vowel << false << 0.0 << true;
    row("u") << Viseme::Vowel << false << 0.0 << true;
    row("uː1") << Viseme::Vowel << false << 0.0 << true;
    row("ɯ") << Viseme::Vowel << false << 0.0 << true;
    row("ɯᵝ") << Viseme::Vowel << false << 0.0 << true;
    row("ʉ") << Viseme::Vowel << false << 0.0 << true;
    // Diphthongs and the like: the mean of the vowels they pass through.
    row("aɪ") << Viseme::Vowel << false << (1.0 + 1.0 / 6) / 2 << true;
    row("aʊ") << Viseme::Vowel << false << (1.0 + 1.0 / 6) / 2 << true;
    row("oʊ") << Viseme::Vowel << false << (2.0 / 6 + 1.0 / 6) / 2 << true;
    row("eɪ5") << Viseme::Vowel << false << (2.0 / 6 + 1.0 / 6) / 2 << true;
    row("ɐ̃ʊ̃") << Viseme::Vowel << false << (5.0 / 6 + 1.0 / 6) / 2 << true;
    row("əʊəʊ") << Viseme::Vowel << false << (0.5 + 1.0 / 6) / 2 << true;
    row("ɔːɔː") << Viseme::Vowel << false << 4.0 / 6 << true;
    row("ja") << Viseme::Vowel << false << 0.5 << true;
    row("ʔa") << Viseme::Vowel << false << 1.0 << true;
    row("onɡ5") << Viseme::Vowel << false << 2.0 / 6 << true;
    row("aɜ", "aɜ (tone)") << Viseme::Vowel << false << 1.0 << true;
    row("iɛɜ", "iɛɜ (tone)") << Viseme::Vowel << false << (0.0 + 4.0 / 6) / 2 << true;
    // Names with nothing known in them.
    row("", "empty") << Viseme::Unknown << false << none << false;
    row("ʲ") << Viseme::Unknown << false << none << false;
    row("Q") << Viseme::Unknown << false << none << false;
    row("☃") << Viseme::Unknown << false << none << false;
    row("a☃") << Viseme::Vowel << false << 1.0 << false;
    row("\xff", "malformed UTF-8") << Viseme::Unknown << false << none << false;
}

void TestVisemeTargets::classify() {
    QFETCH(QByteArray, ipa);
    QFETCH(Viseme, viseme);
    QFETCH(bool, closure);
    QFETCH(double, openness);
    QFETCH(bool, recognised);
    const std::string name = ipa.toStdString();
    const ps::train::PhonemeClass phoneme = ps::train::classifyPhoneme(name);
    QCOMPARE(phoneme.viseme, viseme);
    QCOMPARE(phoneme.lip_closure, closure);
    QCOMPARE(ps::train::isBilabialStop(name), closure);
    QCOMPARE(phoneme.recognised, recognised);
    const std::optional<double> measured = ps::train::vowelOpenness(name);
    QCOMPARE(measured.has_value(), openness >= 0.0);
    if (measured) {
        QVERIFY2(std::abs(*measured - openness) < 1e-9,
                 qPrintable(QString("openness %1, expected %2").arg(*measured).arg(openness)));
    }
}

void TestVisemeTargets::diphthongsKeepTheirPath() {
    const auto ai = ps::train::classifyPhoneme("aɪ");
    QCOMPARE(ai.vowel_path.size(), size_t(2));
    QVERIFY(ai.vowel_path[0].openness > ai.vowel_path[1].openness);
    const auto au = ps::train::classifyPhoneme("aʊ");
    QVERIFY(!au.vowel_path[0].rounded);
    QVERIFY(au.vowel_path[1].rounded);
    const auto triphthong = ps::train::classifyPhoneme("aɪə");
    QCOMPARE(triphthong.vowel_path.size(), size_t(3));
    QVERIFY(ps::train::classifyPhoneme("kʷ").labialised);
    QVERIFY(!ps::train::classifyPhoneme("k").labialised);
}

void TestVisemeTargets::unknownSymbolsAreReported() {
    const PhonemeTimeline timeline = {
        {"a", 0.1, 0.2, false}, {"☃", 0.2, 0.3, false}, {"i", 0.3, 0.4, false},
        {"☃", 0.4, 0.5, false}, {"", 0.5, 0.6, false},
    };
    const MouthTargets targets = build(timeline, 0.7, 25.0);
    QCOMPARE(targets.unrecognised_phonemes.size(), size_t(2));
    QCOMPARE(targets.unrecognised_phonemes[0], std::string("☃"));
    QCOMPARE(targets.unrecognised_phonemes[1], std::string(""));
    QVERIFY(build(pamituBa(), kPamituBaDuration_s, 25.0).unrecognised_phonemes.empty());
}

void TestVisemeTargets::posesHaveTheirApertures() {
    using ps::train::consonantPose;
    QVERIFY(ps::lipAperture(consonantPose(Viseme::Bilabial)) <= 0.02f);
    QVERIFY(ps::lipAperture(consonantPose(Viseme::Bilabial, true)) <= 0.02f);
    QVERIFY(channel(consonantPose(Viseme::Bilabial), Blendshape::MouthPressLeft) > 0.2f);
    QVERIFY(channel(consonantPose(Viseme::Labiodental), Blendshape::MouthRollLower) >= 0.5f);
    QVERIFY(channel(consonantPose(Viseme::Dental), Blendshape::TongueOut) > 0.2f);
    QVERIFY(channel(consonantPose(Viseme::Postalveolar), Blendshape::MouthFunnel) > 0.3f);
    QVERIFY(channel(consonantPose(Viseme::RoundedApproximant), Blendshape::MouthPucker) > 0.6f);
    QVERIFY(channel(consonantPose(Viseme::VelarGlottal, true), Blendshape::MouthPucker) >= 0.5f);
    for (const Viseme viseme :
         {Viseme::Labiodental, Viseme::Dental, Viseme::Alveolar, Viseme::Postalveolar,
          Viseme::VelarGlottal, Viseme::Palatal, Viseme::RoundedApproximant, Viseme::Unknown}) {
        const float aperture = ps::lipAperture(consonantPose(viseme));
        QVERIFY2(aperture > 0.02f && aperture < 0.35f, ps::train::visemeName(viseme).data());
    }

    for (const char* name : kChartVowels) {
        const auto phoneme = ps::train::classifyPhoneme(name);
        const ps::train::VowelQuality vowel = phoneme.vowel_path.at(0);
        for (const bool stressed : {false, true}) {
            const MouthWeights pose = ps::train::vowelPose(vowel, stressed);
            const float aperture = ps::lipAperture(pose);
            const QString what = QString("%1%2: aperture %3")
                                     .arg(stressed ? "stressed " : "")
                                     .arg(QString::fromUtf8(name))
                                     .arg(aperture);
            if (vowel.openness >= 0.7) {
                QVERIFY2(aperture >= 0.35f, qPrintable(what));
            }
            if (vowel.openness <= 0.2) {
                QVERIFY2(aperture <= 0.2f, qPrintable(what));
            }
            QVERIFY(std::all_of(pose.begin(), pose.end(),
                                [](float w) { return w >= 0.0f && w <= 1.0f; }));
            // Rounded vowels pucker, close front unrounded ones spread.
            const float pucker = channel(pose, Blendshape::MouthPucker);
            QVERIFY2(vowel.rounded ? pucker >= 0.25f : pucker == 0.0f, qPrintable(what));
            if (!vowel.rounded && vowel.backness < 0.3 && vowel.openness <= 0.2) {
                QVERIFY2(channel(pose, Blendshape::MouthSmileLeft) >= 0.2f, qPrintable(what));
            }
        }
    }
    // Openness orders the aperture: i < e < ɛ < a, u < o < ɔ < ɒ.
    for (const auto& series : {std::vector<const char*>{"i", "e", "ɛ", "a"},
                               std::vector<const char*>{"u", "o", "ɔ", "ɒ"}}) {
        float previous = -1.0f;
        for (const char* name : series) {
            const auto vowel = ps::train::classifyPhoneme(name).vowel_path.at(0);
            const float aperture = ps::lipAperture(ps::train::vowelPose(vowel, false));
            QVERIFY2(aperture > previous + 0.05f, name);
            previous = aperture;
        }
    }
}

void TestVisemeTargets::trackHasOneFramePerPeriod_data() {
    QTest::addColumn<double>("duration_s");
    QTest::addColumn<double>("fps");
    QTest::addColumn<int>("frames");
    QTest::newRow("2 s at 25") << 2.0 << 25.0 << 50;
    QTest::newRow("2 s at 29.97") << 2.0 << 30000.0 / 1001 << 60;
    QTest::newRow("1.01 s at 30") << 1.01 << 30.0 << 30;
    QTest::newRow("nothing is one frame") << 0.0 << 30.0 << 1;
}

void TestVisemeTargets::trackHasOneFramePerPeriod() {
    QFETCH(double, duration_s);
    QFETCH(double, fps);
    QFETCH(int, frames);
    const MouthTargets targets = build(pamituBa(), duration_s, fps);
    QCOMPARE(targets.frames.size(), size_t(frames));
    QCOMPARE(targets.fps, fps);
    for (const ps::train::MouthFrame& frame : targets.frames) {
        QVERIFY(std::all_of(frame.weights.begin(), frame.weights.end(),
                            [](float w) { return w >= 0.0f && w <= 1.0f; }));
        QVERIFY(frame.speech_activity >= 0.0f && frame.speech_activity <= 1.0f);
    }
}

void TestVisemeTargets::bilabialsCloseInEveryMiddleFrame_data() {
    QTest::addColumn<double>("fps");
    QTest::newRow("25") << 25.0;
    QTest::newRow("30") << 30.0;
    QTest::newRow("60") << 60.0;
    QTest::newRow("100") << 100.0;
}

void TestVisemeTargets::bilabialsCloseInEveryMiddleFrame() {
    QFETCH(double, fps);
    const PhonemeTimeline timeline = pamituBa();
    const MouthTargets targets = build(timeline, kPamituBaDuration_s, fps);
    int stops = 0;
    for (const PhonemeSegment& segment : timeline) {
        if (!ps::train::isBilabialStop(segment.ipa)) {
            continue;
        }
        ++stops;
        const double margin = 0.15 * (segment.end_s - segment.start_s);
        const std::vector<size_t> middle =
            framesIn(targets, segment.start_s + margin, segment.end_s - margin);
        for (const size_t k : middle) {
            QVERIFY2(apertureAt(targets, k) <= 0.05f,
                     qPrintable(QString("%1 at frame %2: aperture %3")
                                    .arg(QString::fromStdString(segment.ipa))
                                    .arg(k)
                                    .arg(apertureAt(targets, k))));
        }
        // The jaw is nearly shut too, not just the lips pushed together over an open jaw.
        for (const size_t k : middle) {
            QVERIFY(channel(targets.frames[k].weights, Blendshape::JawOpen) <= 0.1f);
        }
    }
    // The lips part again for the open vowels after p and b.
    for (const size_t next : {size_t(1), size_t(7)}) {
        QCOMPARE(timeline[next].ipa, std::string("a"));
        QVERIFY(meanAperture(targets, middleHalf(targets, timeline[next])) > 0.35f);
    }
    QCOMPARE(stops, 3);
}

void TestVisemeTargets::vowelsOpenByTheirHeight() {
    const PhonemeTimeline timeline = pamituBa();
    const MouthTargets targets = build(timeline, kPamituBaDuration_s, 30.0);
    const float a = meanAperture(targets, middleHalf(targets, timeline[1]));
    const float i = meanAperture(targets, middleHalf(targets, timeline[3]));
    const float u = meanAperture(targets, middleHalf(targets, timeline[5]));
    const float a_after_pause = meanAperture(targets, middleHalf(targets, timeline[7]));
    qInfo("mean aperture over the middle half: a %.3f, i %.3f, u %.3f, a %.3f", double(a),
          double(i), double(u), double(a_after_pause));
    for (const size_t k : middleHalf(targets, timeline[1])) {
        QVERIFY(apertureAt(targets, k) >= 0.35f);
    }
    for (const size_t k : middleHalf(targets, timeline[7])) {
        QVERIFY(apertureAt(targets, k) >= 0.35f);
    }
    QVERIFY(i <= 0.2f);
    QVERIFY(u <= 0.2f);
    // i spreads the lips, u rounds them.
    const double i_mid = 0.5 * (timeline[3].start_s + timeline[3].end_s);
    const double u_mid = 0.5 * (timeline[5].start_s + timeline[5].end_s);
    QVERIFY(valueAt(targets, i_mid, Blendshape::MouthSmileLeft) > 0.15f);
    QVERIFY(valueAt(targets, u_mid, Blendshape::MouthPucker) > 0.5f);
    QVERIFY(valueAt(targets, i_mid, Blendshape::MouthPucker) < 0.2f);
}

void TestVisemeTargets::roundingIsAnticipatedAcrossAConsonant() {
    // "i t u" against "i t i": the lips round during the t only when a u follows.
    const PhonemeTimeline rounded = {
        {"i", 0.20, 0.40, false}, {"t", 0.40, 0.48, false}, {"u", 0.48, 0.70, true}};
    PhonemeTimeline spread = rounded;
    spread[2].ipa = "i";
    const MouthTargets with_u = build(rounded, 1.0, 100.0);
    const MouthTargets with_i = build(spread, 1.0, 100.0);

    const double t_mid = 0.44;
    const float pucker_t = valueAt(with_u, t_mid, Blendshape::MouthPucker);
    qInfo("pucker in the t before u %.3f, before i %.3f; 50 ms before t %.3f", double(pucker_t),
          double(valueAt(with_i, t_mid, Blendshape::MouthPucker)),
          double(valueAt(with_u, 0.35, Blendshape::MouthPucker)));
    QVERIFY(pucker_t >= 0.25f);
    QVERIFY(valueAt(with_i, t_mid, Blendshape::MouthPucker) < 0.02f);
    // It begins inside the preceding vowel (up to ~150 ms ahead of the u), weaker there...
    QVERIFY(valueAt(with_u, 0.38, Blendshape::MouthPucker) > 0.05f);
    QVERIFY(valueAt(with_u, 0.38, Blendshape::MouthPucker) < pucker_t);
    // ...and not in the i's middle, 180 ms ahead.
    QVERIFY(valueAt(with_u, 0.30, Blendshape::MouthPucker) < 0.05f);
    // It carries over a little after the u.
    const PhonemeTimeline carry = {
        {"u", 0.20, 0.40, true}, {"t", 0.40, 0.46, false}, {"i", 0.46, 0.70, false}};
    const MouthTargets after_u = build(carry, 1.0, 100.0);
    QVERIFY(valueAt(after_u, 0.43, Blendshape::MouthPucker) > 0.1f);
    QVERIFY(valueAt(after_u, 0.60, Blendshape::MouthPucker) < 0.05f);
}

void TestVisemeTargets::mouthRestsInLongPausesOnly() {
    const PhonemeTimeline timeline = pamituBa();
    const MouthTargets targets = build(timeline, kPamituBaDuration_s, 30.0);
    // Inside the pause (0.92 … 1.50), past the 200 ms ease out and before the 150 ms ease in:
    // exactly at rest.
    for (const size_t k : framesIn(targets, 0.92 + 0.2, 1.50 - 0.15)) {
        for (const float w : targets.frames[k].weights) {
            QCOMPARE(w, 0.0f);
        }
    }
    // The first frame, before any speech, is at rest too.
    for (const float w : targets.frames[0].weights) {
        QCOMPARE(w, 0.0f);
    }

    // A short gap (100 ms) between two a's relaxes the mouth part of the way, not to rest.
    const PhonemeTimeline gap = {{"a", 0.2, 0.4, true}, {"a", 0.5, 0.7, true}};
    const MouthTargets short_gap = build(gap, 1.0, 100.0);
    const float in_gap = apertureAt(short_gap, 45);
    const float in_vowel = apertureAt(short_gap, 30);
    qInfo("aperture in a 100 ms gap %.3f, in the vowel %.3f", double(in_gap), double(in_vowel));
    QVERIFY(in_gap < in_vowel - 0.05f);
    QVERIFY(in_gap > 0.1f);
    // The same gap made 400 ms long does reach rest.
    const PhonemeTimeline long_gap_timeline = {{"a", 0.2, 0.4, true}, {"a", 0.8, 1.0, true}};
    const MouthTargets long_gap = build(long_gap_timeline, 1.2, 100.0);
    QCOMPARE(apertureAt(long_gap, 60), 0.0f);
}

void TestVisemeTargets::speechActivityFollowsSpeech() {
    const PhonemeTimeline timeline = pamituBa();
    const MouthTargets targets = build(timeline, kPamituBaDuration_s, 100.0);
    QCOMPARE(targets.frames[10].speech_activity, 0.0f);   // 0.10 s: before speech
    QCOMPARE(targets.frames[37].speech_activity, 1.0f);   // 0.37 s: in the a
    QCOMPARE(targets.frames[120].speech_activity, 0.0f);  // 1.20 s: in the pause
    QCOMPARE(targets.frames[195].speech_activity, 0.0f);  // 1.95 s: after speech
    // Softened edges: halfway at the boundary, monotonic across it.
    QVERIFY(std::abs(targets.frames[20].speech_activity - 0.5f) < 0.01f);
    for (size_t k = 10; k < 30; ++k) {
        QVERIFY(targets.frames[k + 1].speech_activity >= targets.frames[k].speech_activity);
    }
    QVERIFY(targets.frames[18].speech_activity > 0.0f);
    QVERIFY(targets.frames[18].speech_activity < 0.5f);
}

void TestVisemeTargets::trackIsSmoothExceptIntoClosures() {
    const PhonemeTimeline timeline = pamituBa();
    const double fps = 100.0;
    const MouthTargets targets = build(timeline, kPamituBaDuration_s, fps);
    // Where the lips seal for a stop they may move fast (a closure is a quick gesture); the
    // ease into it is 60 ms either side of the hold.
    const auto nearClosure = [&](double t) {
        for (const PhonemeSegment& segment : timeline) {
            if (ps::train::isBilabialStop(segment.ipa) && t > segment.start_s - 0.07 &&
                t < segment.end_s + 0.07) {
                return true;
            }
        }
        return false;
    };
    float largest = 0.0f;
    float largest_anywhere = 0.0f;
    for (size_t k = 1; k < targets.frames.size(); ++k) {
        for (size_t c = 0; c < ps::MouthWeights().size(); ++c) {
            const float step =
                std::abs(targets.frames[k].weights[c] - targets.frames[k - 1].weights[c]);
            largest_anywhere = std::max(largest_anywhere, step);
            if (!nearClosure(static_cast<double>(k) / fps) &&
                !nearClosure(static_cast<double>(k - 1) / fps)) {
                largest = std::max(largest, step);
            }
        }
    }
    qInfo("largest change in 10 ms: %.3f away from closures, %.3f anywhere", double(largest),
          double(largest_anywhere));
    QVERIFY(largest <= 0.07f);
    QVERIFY(largest_anywhere <= 0.15f);
}

void TestVisemeTargets::labiodentalsTuckTheLowerLip() {
    const PhonemeTimeline timeline = {
        {"a", 0.20, 0.40, true}, {"f", 0.40, 0.50, false}, {"a", 0.50, 0.70, true}};
    const MouthTargets targets = build(timeline, 1.0, 100.0);
    const ps::train::PhonemeSegment f = timeline[1];
    for (const size_t k : framesIn(targets, f.start_s + 0.015, f.end_s - 0.015)) {
        const MouthWeights& weights = targets.frames[k].weights;
        QVERIFY(channel(weights, Blendshape::MouthRollLower) >= 0.5f);
        QVERIFY(channel(weights, Blendshape::MouthLowerDownLeft) <= 0.03f);
        QVERIFY(channel(weights, Blendshape::JawOpen) <= 0.15f);
    }
    QVERIFY(valueAt(targets, 0.30, Blendshape::MouthRollLower) < 0.05f);
}

void TestVisemeTargets::diphthongsGlide() {
    const PhonemeTimeline timeline = {{"aɪ", 0.2, 0.6, true}};
    const MouthTargets targets = build(timeline, 1.0, 100.0);
    const float early = apertureAt(targets, 27);  // 0.27 s: the a
    const float late = apertureAt(targets, 53);   // 0.53 s: the ɪ
    QVERIFY(early >= 0.35f);
    QVERIFY(late <= 0.25f);
    QVERIFY(valueAt(targets, 0.53, Blendshape::MouthSmileLeft) >
            valueAt(targets, 0.27, Blendshape::MouthSmileLeft));
    // Monotonic in between: a glide, not a jump.
    for (size_t k = 31; k <= 53; ++k) {
        QVERIFY(apertureAt(targets, k) <= apertureAt(targets, k - 1) + 1e-6f);
    }
    QVERIFY(apertureAt(targets, 40) < early - 0.05f);
    QVERIFY(apertureAt(targets, 40) > late + 0.05f);
}

void TestVisemeTargets::stressOpensVowels() {
    PhonemeTimeline timeline = {
        {"t", 0.2, 0.27, false}, {"ɛ", 0.27, 0.45, false}, {"t", 0.45, 0.52, false}};
    const MouthTargets unstressed = build(timeline, 0.8, 100.0);
    timeline[1].stressed = true;
    const MouthTargets stressed = build(timeline, 0.8, 100.0);
    QVERIFY(apertureAt(stressed, 36) > apertureAt(unstressed, 36) + 0.02f);
}

void TestVisemeTargets::veryShortStopStillCloses() {
    // A 20 ms p between open vowels at 25 fps: no frame falls in its middle, yet the frame
    // nearest it shows the lips together.
    const PhonemeTimeline timeline = {
        {"a", 0.20, 0.41, true}, {"p", 0.41, 0.43, false}, {"a", 0.43, 0.60, true}};
    const MouthTargets targets = build(timeline, 1.0, 25.0);
    QVERIFY(apertureAt(targets, 11) <= 0.05f);  // 0.44 s, nearest to 0.42 s
}

void TestVisemeTargets::isDeterministic() {
    const MouthTargets first = build(pamituBa(), kPamituBaDuration_s, 30.0);
    const MouthTargets second = build(pamituBa(), kPamituBaDuration_s, 30.0);
    QCOMPARE(first.frames.size(), second.frames.size());
    for (size_t k = 0; k < first.frames.size(); ++k) {
        QVERIFY(first.frames[k].weights == second.frames[k].weights);
        QCOMPARE(first.frames[k].speech_activity, second.frames[k].speech_activity);
    }
}

void TestVisemeTargets::rejectsBadInput() {
    using ps::train::buildMouthTargets;
    QVERIFY(!buildMouthTargets(pamituBa(), 2.0, 0.0).ok());
    QVERIFY(!buildMouthTargets(pamituBa(), 2.0, std::nan("")).ok());
    QVERIFY(!buildMouthTargets(pamituBa(), -1.0, 25.0).ok());
    QVERIFY(!buildMouthTargets(pamituBa(), 1e9, 25.0).ok());
    const PhonemeTimeline overlapping = {{"a", 0.2, 0.4, false}, {"t", 0.3, 0.5, false}};
    const auto result = buildMouthTargets(overlapping, 1.0, 25.0);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ps::ErrorKind::BadInput);
    QVERIFY(QString::fromStdString(result.error().message).contains("segment 1"));
    const PhonemeTimeline backwards = {{"a", 0.4, 0.2, false}};
    QVERIFY(!buildMouthTargets(backwards, 1.0, 25.0).ok());
    // Touching segments and an empty timeline are fine; the latter is all rest.
    const PhonemeTimeline touching = {{"a", 0.2, 0.4, false}, {"t", 0.3995, 0.5, false}};
    QVERIFY(buildMouthTargets(touching, 1.0, 25.0).ok());
    const auto silent = buildMouthTargets({}, 1.0, 25.0);
    QVERIFY(silent.ok());
    for (const ps::train::MouthFrame& frame : silent->frames) {
        QVERIFY(std::all_of(frame.weights.begin(), frame.weights.end(),
                            [](float w) { return w == 0.0f; }));
        QCOMPARE(frame.speech_activity, 0.0f);
    }
}

QTEST_GUILESS_MAIN(TestVisemeTargets)
#include "TestVisemeTargets.moc"
