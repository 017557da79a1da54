// Training speech from festival's and flite's voices (FestivalSpeech.h), through the real
// programs: every voice's phones map into the viseme classes, the segment timeline matches the
// sound (the closure of a p is quiet, vowels are loud, pauses silent), the duration stretch slows
// the speech, and the voices reserved for measuring lip sync are refused.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "media/AudioClip.h"
#include "train/FestivalPhoneSets.h"
#include "train/FestivalSpeech.h"
#include "train/TrainingCorpus.h"
#include "train/VisemeClass.h"

using namespace ps::train;
using ps::ErrorKind;
using ps::Result;

namespace {

Utterance speak(const std::string& voice, const std::string& text, double stretch = 1.0) {
    Result<Utterance> u = speakWithFestival({text, voice, stretch});
    if (!u) {
        qFatal("%s could not say '%s': %s", voice.c_str(), text.c_str(), u.error().message.c_str());
    }
    return std::move(u).value();
}

double rms(const std::vector<float>& samples, double from_s, double to_s) {
    const size_t begin = size_t(std::max(0.0, from_s) * ps::kAnalysisSampleRate_hz);
    const size_t end = std::min(samples.size(), size_t(to_s * ps::kAnalysisSampleRate_hz));
    double sum = 0.0;
    for (size_t i = begin; i < end; ++i) {
        sum += double(samples[i]) * samples[i];
    }
    return end > begin ? std::sqrt(sum / double(end - begin)) : 0.0;
}

// The quietest 10 ms inside [from, to).
double quietest(const std::vector<float>& samples, double from_s, double to_s) {
    double lowest = 1e9;
    for (double t = from_s; t + 0.01 <= to_s; t += 0.0025) {
        lowest = std::min(lowest, rms(samples, t, t + 0.01));
    }
    return lowest;
}

std::vector<std::string> names(const PhonemeTimeline& timeline) {
    std::vector<std::string> out;
    for (const PhonemeSegment& s : timeline) {
        out.push_back(s.ipa);
    }
    return out;
}

// A timeline in order without overlaps, inside the audio.
void checkTimelineShape(const Utterance& u, const std::string& voice) {
    QVERIFY2(!u.phonemes.empty(), voice.c_str());
    double last_end = 0.0;
    for (const PhonemeSegment& s : u.phonemes) {
        QVERIFY2(s.start_s >= last_end - 1e-9 && s.end_s > s.start_s, voice.c_str());
        last_end = s.end_s;
    }
    QVERIFY2(last_end <= u.audio.duration_s() + 0.02,
             qPrintable(QString("%1: speech ends at %2 s, audio at %3 s")
                            .arg(voice.c_str())
                            .arg(last_end)
                            .arg(u.audio.duration_s())));
}

// "People book a map.": p after a vowel, then b, m, p. Each bilabial's closure is a moment of
// near silence inside its segment, far quieter than the vowel before it, which only holds when
// the timeline is where the sound is.
void checkBilabialClosures(const std::string& voice) {
    const Utterance u = speak(voice, "People book a map.");
    checkTimelineShape(u, voice);
    const std::vector<std::string> expected = {"p", "i", "p", "ə", "l", "b",
                                               "ʊ", "k", "ə", "m", "æ", "p"};
    QCOMPARE(names(u.phonemes), expected);
    const std::vector<float>& a = u.audio.samples;
    const PhonemeSegment& first = u.phonemes.front();
    const double lead_in = rms(a, 0.0, first.start_s);
    for (size_t i = 1; i < u.phonemes.size(); ++i) {
        const PhonemeSegment& s = u.phonemes[i];
        const PhonemeSegment& before = u.phonemes[i - 1];
        if (vowelOpenness(s.ipa)) {
            QVERIFY2(rms(a, s.start_s, s.end_s) > 10.0 * std::max(lead_in, 1e-4),
                     qPrintable(QString("%1: vowel %2 at %3 s is quiet")
                                    .arg(voice.c_str(), s.ipa.c_str())
                                    .arg(s.start_s)));
        }
        if ((s.ipa == "p" || s.ipa == "b") && vowelOpenness(before.ipa)) {
            const double vowel = rms(a, before.start_s, before.end_s);
            const double closure = quietest(a, s.start_s, s.end_s);
            QVERIFY2(closure < 0.25 * vowel,
                     qPrintable(QString("%1: %2 at %3 s: closure %4 against vowel %5")
                                    .arg(voice.c_str(), s.ipa.c_str())
                                    .arg(s.start_s)
                                    .arg(closure)
                                    .arg(vowel)));
        }
    }
}

}  // namespace

class TestFestivalSpeech : public QObject {
    Q_OBJECT

private slots:
    void everyPhoneMapsIntoAVisemeClass() {
        struct Set {
            const char* name;
            std::vector<const char*> phones;
        };
        // Every phone each set declares (festival's PhoneSet.description), pauses included.
        const std::vector<Set> sets = {
            {"radio", {"aa", "ae", "ah", "ao", "aw", "ax", "axr", "ay", "b",  "ch", "d",  "dh",
                       "dx", "eh", "el", "em", "en", "er", "ey",  "f",  "g",  "hh", "hv", "ih",
                       "iy", "jh", "k",  "l",  "m",  "n",  "nx",  "ng", "ow", "oy", "p",  "r",
                       "s",  "sh", "t",  "th", "uh", "uw", "v",   "w",  "y",  "z",  "zh"}},
            {"czech", {"a", "a:", "b",  "c",  "c~", "ch", "d",  "d~", "dz", "dz~",
                       "e", "e:", "f",  "g",  "h",  "i",  "i:", "j",  "k",  "l",
                       "m", "n",  "n*", "n~", "o",  "o:", "p",  "r",  "r~", "r~*",
                       "s", "s~", "t",  "t~", "u",  "u:", "v",  "z",  "z~"}},
            {"finnish", {"a",  "e",  "i",  "o",  "u",  "y",  "@",  "7",  "&",  "a:", "e:", "i:",
                         "o:", "u:", "y:", "@:", "7:", "p",  "t",  "k",  "b",  "d",  "g",  "f",
                         "T",  "s",  "S",  "h",  "v",  "m",  "n",  "N",  "l",  "L",  "r",  "j",
                         "w",  "p:", "t:", "k:", "b:", "d:", "g:", "f:", "T:", "D:", "s:", "z:",
                         "S:", "Z:", "h:", "v:", "m:", "n:", "N:", "w:", "l:", "L:", "r:", "j:"}},
            {"italian",
             {"i",  "e",  "E",  "a",  "o", "O", "u", "i1", "e1", "E1", "a1", "o1", "O1", "u1",
              "j",  "w",  "p",  "t",  "k", "b", "d", "g",  "f",  "s",  "S",  "v",  "z",  "Z",
              "ts", "tS", "dz", "dZ", "m", "n", "J", "ng", "nf", "l",  "L",  "r"}},
        };
        for (const Set& set : sets) {
            for (const char* name : set.phones) {
                Result<std::optional<IpaPhone>> phone = festivalPhoneToIpa(set.name, name);
                QVERIFY2(phone && phone->has_value(),
                         qPrintable(QString("%1 %2").arg(set.name, name)));
                const PhonemeClass c = classifyPhoneme((*phone)->ipa);
                QVERIFY2(
                    c.recognised && c.viseme != Viseme::Unknown,
                    qPrintable(QString("%1 %2 -> %3").arg(set.name, name, (*phone)->ipa.c_str())));
            }
        }
        // The lips close for p, b and m in every set, and only there among these.
        for (const char* set : {"radio", "czech", "finnish", "italian"}) {
            for (const char* name : {"p", "b", "m"}) {
                QVERIFY(isBilabialStop((*festivalPhoneToIpa(set, name))->ipa));
            }
            for (const char* name : {"t", "n", "f", "k"}) {
                QVERIFY(!isBilabialStop((*festivalPhoneToIpa(set, name))->ipa));
            }
        }
        QCOMPARE((*festivalPhoneToIpa("radio", "f"))->ipa, std::string("f"));
        QCOMPARE(classifyPhoneme((*festivalPhoneToIpa("italian", "nf"))->ipa).viseme,
                 Viseme::Labiodental);
        QCOMPARE((*festivalPhoneToIpa("czech", "a:"))->ipa, std::string("aː"));
        QVERIFY((*festivalPhoneToIpa("italian", "a1"))->stressed);
        QVERIFY(!(*festivalPhoneToIpa("italian", "a"))->stressed);
        for (const char* pause : {"pau", "h#", "brth", "#", "_"}) {
            Result<std::optional<IpaPhone>> p = festivalPhoneToIpa("radio", pause);
            QVERIFY(p && !p->has_value());
        }
        Result<std::optional<IpaPhone>> unknown = festivalPhoneToIpa("radio", "qq");
        QVERIFY(!unknown && unknown.error().kind == ErrorKind::BadInput);
        QVERIFY(QString::fromStdString(unknown.error().message).startsWith("radio:"));
        QVERIFY(!festivalPhoneToIpa("klingon", "a"));
    }

    void festivalTimingsMatchTheSound() { checkBilabialClosures("ked_diphone"); }

    void fliteTimingsMatchTheSound() {
        checkBilabialClosures("awb");
        checkBilabialClosures("rms");
    }

    void everyVoiceSpeaksItsLanguage() {
        for (const FestivalVoice& voice : festivalVoices()) {
            QVERIFY2(isInstalled(voice), voice.name.c_str());
            const CorpusLanguage* language = findCorpusLanguage(voice.language);
            QVERIFY2(language != nullptr, voice.language.c_str());
            const Utterance u = speak(voice.name, corpusUtteranceText(*language, 7));
            checkTimelineShape(u, voice.name);
            QCOMPARE(u.audio.sample_rate_hz, ps::kAnalysisSampleRate_hz);
            QCOMPARE(u.audio.channels, 1);
            // Speech where the timeline says so: louder inside the phones than in the silence
            // before the first.
            const double inside =
                rms(u.audio.samples, u.phonemes.front().start_s, u.phonemes.back().end_s);
            const double lead_in = rms(u.audio.samples, 0.0, u.phonemes.front().start_s);
            QVERIFY2(inside > 5.0 * std::max(lead_in, 1e-4), voice.name.c_str());
            int vowels = 0, bilabials = 0;
            for (const PhonemeSegment& s : u.phonemes) {
                vowels += vowelOpenness(s.ipa).has_value();
                bilabials += isBilabialStop(s.ipa);
            }
            qInfo("%s (%s): %d phones, %d vowels, %d bilabials, %.2f s", voice.name.c_str(),
                  voice.language.c_str(), int(u.phonemes.size()), vowels, bilabials,
                  u.audio.duration_s());
            QVERIFY(vowels >= 3);
        }
    }

    void theSameSpecGivesTheSameSpeech() {
        const Utterance a = speak("ked_diphone", "Bob made a map.");
        const Utterance b = speak("ked_diphone", "Bob made a map.");
        QCOMPARE(a.audio.samples, b.audio.samples);
        QCOMPARE(names(a.phonemes), names(b.phonemes));
    }

    void stretchingSlowsTheSpeech() {
        for (const char* voice : {"ked_diphone", "awb"}) {
            const Utterance normal = speak(voice, "Maybe Bob can bring the paper.");
            const Utterance slow = speak(voice, "Maybe Bob can bring the paper.", 1.5);
            const double ratio = (slow.phonemes.back().end_s - slow.phonemes.front().start_s) /
                                 (normal.phonemes.back().end_s - normal.phonemes.front().start_s);
            QVERIFY2(ratio > 1.3 && ratio < 1.7,
                     qPrintable(QString("%1: %2").arg(voice).arg(ratio)));
            QCOMPARE(names(slow.phonemes), names(normal.phonemes));
        }
    }

    void quotesAndAccentsAreSpoken() {
        const Utterance u = speak("ked_diphone", "She said \"maybe\" \\ and café.");
        const std::vector<std::string> said = names(u.phonemes);
        QVERIFY(std::count(said.begin(), said.end(), "m") >= 1);
        // Italian reads Latin-1: "città" ends in a stressed a, not in a spelled-out character.
        const Utterance it = speak("lp_diphone", "città");
        QCOMPARE(it.phonemes.back().ipa, std::string("a"));
        QVERIFY(it.phonemes.back().stressed);
        // Czech reads Latin-2: "řeka" starts with ř.
        const Utterance cs = speak("czech_dita", "řeka");
        QCOMPARE(cs.phonemes.front().ipa, std::string("r̝"));
    }

    void reservedAndUnknownVoicesAreRefused() {
        for (const char* reserved :
             {"cmu_us_slt_arctic_hts", "kal_diphone", "slt", "kal", "kal16"}) {
            QVERIFY(findFestivalVoice(reserved) == nullptr);
            Result<Utterance> u = speakWithFestival({"Hello.", reserved, 1.0});
            QVERIFY(!u && u.error().kind == ErrorKind::BadInput);
            QVERIFY2(QString::fromStdString(u.error().message).contains("reserved"),
                     u.error().message.c_str());
        }
        for (const FestivalVoice& v : festivalVoices()) {
            QVERIFY(!isReservedVoice(v.name));
        }
        QVERIFY(!speakWithFestival({"Hello.", "nobody", 1.0}));
        QVERIFY(!speakWithFestival({"  ", "ked_diphone", 1.0}));
        QVERIFY(!speakWithFestival({"Hello.", "ked_diphone", 3.0}));
    }
};

QTEST_APPLESS_MAIN(TestFestivalSpeech)
#include "TestFestivalSpeech.moc"
