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

}  // namespace ps::train
