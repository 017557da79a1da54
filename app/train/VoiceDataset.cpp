#include "train/VoiceDataset.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

#include "runtime/SeededRandom.h"
#include "train/BackgroundMusic.h"
#include "train/MonoResampler.h"
#include "train/SpeechSynth.h"
#include "train/VisemeTargets.h"
#include "voice/LogMel.h"
#include "voice/MouthChannels.h"

namespace ps::train {

namespace {

// The example of `audio` saying `phonemes` (augmented, if the options say so): its log-mel and
// the targets the timeline gives, frame for frame.
Result<VoiceExample> exampleOf(PcmBuffer audio, PhonemeTimeline phonemes, size_t index,
                               const DatasetOptions& options, const LogMelAnalyzer& analyzer) {
    VoiceExample example;
    if (options.augment) {
        const uint64_t seed = options.seed * 1000003ull + index;
        if (SeededRandom speed(seed, 0x5350454544ull); speed.chance(options.speed_probability)) {
            // Played `factor` times as fast: the samples read as if taken at factor × the rate.
            const double factor = speed.uniform(options.min_speed, options.max_speed);
            Result<PcmBuffer> played =
                resampleMono(audio.samples, int(std::lround(factor * audio.sample_rate_hz)),
                             audio.sample_rate_hz);
            if (!played.ok()) {
                return played.error();
            }
            audio = std::move(*played);
            for (PhonemeSegment& segment : phonemes) {
                segment.start_s /= factor;
                segment.end_s /= factor;
            }
            char text[32];
            std::snprintf(text, sizeof text, "speed x%.2f, ", factor);
            example.augmentation = text;
        }
        AugmentRecord record;
        Result<PcmBuffer> augmented = augment(audio, seed, options.augmentation, &record);
        if (!augmented.ok()) {
            return augmented.error();
        }
        audio = std::move(*augmented);
        example.augmentation += record.describe();
    }
    example.phonemes = std::move(phonemes);
    const LogMelSpectrogram mel =
        analyzer.compute(audio.samples.data(), int64_t(audio.samples.size()));
    // Target frame k is at k / 100 s, the centre of mel frame k; as long as the mel.
    Result<MouthTargets> targets = buildMouthTargets(
        example.phonemes, double(mel.frames) / kLogMelFrameRate_hz, kLogMelFrameRate_hz);
    if (!targets.ok()) {
        return targets.error();
    }
    if (int64_t(targets->frames.size()) != mel.frames) {
        return internalError("the targets and the log-mel of an utterance differ in length");
    }
    nn::TrainingUtterance& frames = example.frames;
    frames.frames = int(mel.frames);
    frames.mel = mel.data;
    frames.targets.reserve(size_t(mel.frames) * kVoiceModelOutputCount);
    for (const MouthFrame& f : targets->frames) {
        frames.targets.insert(frames.targets.end(), f.weights.begin(), f.weights.end());
        frames.targets.push_back(f.speech_activity);
        frames.targets.push_back(f.lips_closed);
    }
    example.seconds = audio.duration_s();
    return example;
}

Result<VoiceExample> makeExample(const PlannedUtterance& planned, size_t index,
                                 const DatasetOptions& options, const SpeechSynth& synth,
                                 const LogMelAnalyzer& analyzer) {
    Result<Utterance> spoken =
        planned.festival ? speakWithFestival(*planned.festival) : synth.synthesize(planned.spec);
    if (!spoken.ok()) {
        return spoken.error();
    }
    Result<VoiceExample> example =
        exampleOf(std::move(spoken->audio), std::move(spoken->phonemes), index, options, analyzer);
    if (example.ok()) {
        example->language = planned.corpus_language;
        example->variant = planned.festival ? planned.festival->voice : planned.spec.variant;
    }
    return example;
}

}  // namespace

Result<VoiceExamples> makeVoiceExamples(const std::vector<PlannedUtterance>& plan,
                                        const DatasetOptions& options, const CancelToken& cancel,
                                        const std::function<void(size_t done)>& progress) {
    const SpeechSynth synth;
    const LogMelAnalyzer analyzer;
    std::vector<std::optional<VoiceExample>> made(plan.size());
    std::vector<std::string> skipped;
    std::atomic<size_t> next{0}, done{0};
    std::mutex report;
    const auto work = [&] {
        for (size_t i = next++; i < plan.size(); i = next++) {
            if (cancel.cancelled()) {
                return;
            }
            Result<VoiceExample> example = makeExample(plan[i], i, options, synth, analyzer);
            std::lock_guard<std::mutex> lock(report);
            if (example.ok()) {
                made[i] = std::move(*example);
            } else {
                skipped.push_back(std::to_string(i) + " (" + plan[i].corpus_language + ", " +
                                  plan[i].spec.variant + "): " + example.error().message);
            }
            if (progress) {
                progress(++done);
            }
        }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < std::max(1, options.threads); ++t) {
        workers.emplace_back(work);
    }
    work();
    for (std::thread& w : workers) {
        w.join();
    }
    if (cancel.cancelled()) {
        return cancelled();
    }
    if (skipped.size() > std::max<size_t>(1, plan.size() / 50)) {
        return internalError(std::to_string(skipped.size()) + " of " + std::to_string(plan.size()) +
                             " utterances could not be made; the first: " + skipped.front());
    }
    VoiceExamples out;
    out.skipped = std::move(skipped);
    std::sort(out.skipped.begin(), out.skipped.end());
    for (std::optional<VoiceExample>& example : made) {
        if (example) {
            out.examples.push_back(std::move(*example));
        }
    }
    return out;
}

Result<VoiceExamples> makeSpeechlessExamples(size_t count, const DatasetOptions& options,
                                             const CancelToken& cancel) {
    const LogMelAnalyzer analyzer;
    VoiceExamples out;
    for (size_t i = 0; i < count; ++i) {
        if (cancel.cancelled()) {
            return cancelled();
        }
        SeededRandom random(options.seed * 1000003ull + i, 0x4D55534943ull);
        const double seconds = random.uniform(2.0, 6.0);
        Result<VoiceExample> example =
            exampleOf(soundsWithoutSpeech(seconds, kLogMelSampleRate_hz, random), {},
                      // Indices past any plan's, so the augmentation differs from speech's.
                      (size_t(1) << 40) + i, options, analyzer);
        if (!example.ok()) {
            return example.error();
        }
        example->language = "none";
        example->variant = "music and breaths";
        out.examples.push_back(std::move(*example));
    }
    return out;
}

}  // namespace ps::train
