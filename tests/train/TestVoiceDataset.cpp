// The voice model's examples: a sped-up or slowed-down utterance keeps its timeline on its sound
// (both scaled by the same factor), and clips without speech are the mouth at rest throughout,
// the same for the same seed.
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "train/VoiceDataset.h"
#include "voice/LogMel.h"
#include "voice/MouthChannels.h"

using namespace ps;
using namespace ps::train;

namespace {

PlannedUtterance planned(const std::string& text) {
    PlannedUtterance p;
    p.spec.text = text;
    p.spec.language = "en";
    p.spec.rate_wpm = 160;
    p.corpus_language = "en";
    return p;
}

// Augmentation off but for the speed, which every utterance gets.
DatasetOptions speedOnly(double low, double high) {
    DatasetOptions options;
    options.threads = 1;
    options.speed_probability = 1.0;
    options.min_speed = low;
    options.max_speed = high;
    AugmentSettings& a = options.augmentation;
    a.reverb_probability = a.noise_probability = a.music_probability = 0.0;
    a.equaliser_probability = a.gain_probability = a.codec_probability = 0.0;
    return options;
}

VoiceExample only(const Result<VoiceExamples>& made) {
    if (!made.ok() || made->examples.size() != 1) {
        qFatal("no example: %s", made.ok() ? "none made" : made.error().message.c_str());
    }
    return made->examples.front();
}

}  // namespace

class TestVoiceDataset : public QObject {
    Q_OBJECT

private slots:
    void speedScalesTheSoundAndItsTimelineTogether();
    void clipsWithoutSpeechAreTheMouthAtRest();
};

void TestVoiceDataset::speedScalesTheSoundAndItsTimelineTogether() {
    const std::vector<PlannedUtterance> plan = {planned("Bob made a map of the pub.")};
    DatasetOptions plain = speedOnly(1.0, 1.0);
    plain.augment = false;
    const CancelToken cancel;
    const VoiceExample original = only(makeVoiceExamples(plan, plain, cancel));
    for (const double factor : {0.88, 1.12}) {
        const VoiceExample played =
            only(makeVoiceExamples(plan, speedOnly(factor, factor), cancel));
        qInfo("x%.2f: %.3f s from %.3f s; %s", factor, played.seconds, original.seconds,
              played.augmentation.c_str());
        QVERIFY(played.augmentation.find("speed x") != std::string::npos);
        QVERIFY(std::abs(played.seconds - original.seconds / factor) < 0.002);
        QCOMPARE(played.phonemes.size(), original.phonemes.size());
        for (size_t i = 0; i < played.phonemes.size(); ++i) {
            QCOMPARE(played.phonemes[i].ipa, original.phonemes[i].ipa);
            QVERIFY(std::abs(played.phonemes[i].end_s - original.phonemes[i].end_s / factor) <
                    1e-9);
        }
        // The sound moved with the timeline: the quietest stretch of the closure of the last p
        // ("pub") lands where the scaled timeline puts it, within two mel frames.
        const auto loudness = [](const VoiceExample& e, int frame) {
            double sum = 0.0;
            for (int b = 0; b < kLogMelBands; ++b) {
                sum += e.frames.mel[size_t(frame) * kLogMelBands + b];
            }
            return sum;
        };
        const auto quietest = [&](const VoiceExample& e, double from_s, double to_s) {
            int best = int(from_s * 100.0);
            for (int f = best; f <= int(to_s * 100.0) && f < e.frames.frames; ++f) {
                best = loudness(e, f) < loudness(e, best) ? f : best;
            }
            return best;
        };
        const auto p = std::find_if(original.phonemes.rbegin(), original.phonemes.rend(),
                                    [](const PhonemeSegment& s) { return s.ipa == "p"; });
        QVERIFY(p != original.phonemes.rend());
        const int in_original = quietest(original, p->start_s, p->end_s);
        const int in_played = quietest(played, p->start_s / factor, p->end_s / factor);
        QVERIFY2(std::abs(in_played - in_original / factor) <= 2.0,
                 qPrintable(QString("%1 against %2").arg(in_played).arg(in_original / factor)));
    }
}

void TestVoiceDataset::clipsWithoutSpeechAreTheMouthAtRest() {
    DatasetOptions options;
    options.seed = 3;
    const CancelToken cancel;
    const Result<VoiceExamples> made = makeSpeechlessExamples(4, options, cancel);
    QVERIFY(made.ok());
    QCOMPARE(made->examples.size(), size_t(4));
    for (const VoiceExample& e : made->examples) {
        QVERIFY(e.phonemes.empty());
        QVERIFY(e.seconds >= 2.0 && e.seconds <= 6.0);
        QCOMPARE(e.frames.targets.size(), size_t(e.frames.frames) * kVoiceModelOutputCount);
        QVERIFY(*std::max_element(e.frames.targets.begin(), e.frames.targets.end()) == 0.0f);
        // Not silence: the clip has sound in it.
        QVERIFY(*std::max_element(e.frames.mel.begin(), e.frames.mel.end()) > kLogMelFloor + 10.0f);
    }
    const Result<VoiceExamples> again = makeSpeechlessExamples(4, options, cancel);
    QVERIFY(again->examples.back().frames.mel == made->examples.back().frames.mel);
    options.seed = 4;
    const Result<VoiceExamples> other = makeSpeechlessExamples(4, options, cancel);
    QVERIFY(other->examples.back().frames.mel != made->examples.back().frames.mel);
}

QTEST_GUILESS_MAIN(TestVoiceDataset)
#include "TestVoiceDataset.moc"
