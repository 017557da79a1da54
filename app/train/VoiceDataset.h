// The voice model's examples: each planned utterance spoken by espeak-ng, augmented, turned
// into log-mel frames, and paired with the mouth targets its phoneme timeline gives, all at the
// network's 100 frames per second.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "nn/VoiceTrainer.h"
#include "runtime/CancelToken.h"
#include "runtime/Result.h"
#include "train/AudioAugment.h"
#include "train/PhonemeTimeline.h"
#include "train/UtterancePlan.h"

namespace ps::train {

struct VoiceExample {
    nn::TrainingUtterance frames;  // log-mel and targets (kMouthChannels, then speech activity)
    PhonemeTimeline phonemes;      // the truth the lip-sync score is measured against
    std::string language, variant;
    std::string augmentation;  // what was done to the audio, for the report ("" for none)
    double seconds = 0.0;
};

struct DatasetOptions {
    bool augment = true;
    AugmentSettings augmentation;
    // With augmentation, this share of the utterances is sped up or slowed down as a whole
    // (pitch and tempo together, as a tape played fast or slow), its timeline with it: voices
    // higher and lower, faster and slower than the synthesisers' own.
    double speed_probability = 0.3;
    double min_speed = 0.88;
    double max_speed = 1.12;
    uint64_t seed = 1;  // the augmentation of utterance i draws from seed and i
    int threads = 2;
};

struct VoiceExamples {
    std::vector<VoiceExample> examples;  // in the plan's order, without the skipped ones
    // Utterances espeak-ng could not speak (it crashes on a few language and variant pairs),
    // each as "index (language, variant): problem".
    std::vector<std::string> skipped;
};

// Makes the examples of `plan` in its order, `threads` at a time. An utterance espeak-ng fails
// on is skipped and listed; more than 2% skipped is an error (something is wrong beyond one odd
// voice). `progress` (if given) is called with the number done so far, from any of the worker
// threads, one call at a time.
Result<VoiceExamples> makeVoiceExamples(const std::vector<PlannedUtterance>& plan,
                                        const DatasetOptions& options, const CancelToken& cancel,
                                        const std::function<void(size_t done)>& progress = {});

// `count` clips without speech (music, breaths, or both: soundsWithoutSpeech in
// BackgroundMusic.h), 2–6 s each and augmented like speech, whose targets are the mouth at rest
// and no speech activity throughout: the voice model learns that none of it is speaking. Clip
// i draws from the options' seed and i.
Result<VoiceExamples> makeSpeechlessExamples(size_t count, const DatasetOptions& options,
                                             const CancelToken& cancel);

}  // namespace ps::train
