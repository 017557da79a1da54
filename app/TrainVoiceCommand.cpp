#include "TrainVoiceCommand.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ArgumentParser.h"
#include "CommandLine.h"
#include "InterruptSignal.h"
#include "nn/VoiceNet.h"
#include "nn/VoiceTrainer.h"
#include "runtime/AtomicFile.h"
#include "train/FestivalPlan.h"
#include "train/SpeechSynth.h"
#include "train/UtterancePlan.h"
#include "train/VoiceDataset.h"
#include "train/VoiceEvaluation.h"
#include "voice/MouthChannels.h"

namespace ps::app {

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<OptionSpec>& trainOptions() {
    static const std::vector<OptionSpec> specs = {
        {"--output", "-o", "DIR", "folder for voice_model.safetensors, its metrics and card", true},
        {"--utterances", "", "N", "training utterances spoken by espeak-ng (default 4000)", false},
        {"--festival", "", "N",
         "training utterances spoken by festival's and flite's voices (default 0; "
         "experimental: with them the network does not learn yet)",
         false},
        {"--eval", "", "N", "utterances in each evaluation set (default 240)", false},
        {"--epochs", "", "N", "passes over the training data (default 16)", false},
        {"--channels", "", "N", "the network's width (default 96)", false},
        {"--threads", "", "N", "CPU threads for synthesis and training (default 2)", false},
        {"--seed", "", "N", "seed for the plan, augmentation and initial weights (default 1)",
         false},
        {"--help", "-h", "", "show this help", false},
    };
    return specs;
}

void printTrainHelp() {
    std::cout << "Usage: portrait-studio train-voice -o DIR [options]\n\n"
                 "Trains the voice model from scratch: espeak-ng speaks sentences in 26\n"
                 "languages with every voice variant, at varied rate, pitch and loudness; the\n"
                 "audio is augmented (room, noise, equalisation, gain, lossy codecs); the\n"
                 "phoneme timings give the mouth's targets. The model is then scored on four\n"
                 "languages and eight voices held out of training. With --festival, festival's\n"
                 "and flite's voices (recordings of people) speak too, and four of their\n"
                 "voices are held out and scored. The voices cmu_us_slt and kal are reserved\n"
                 "for measuring lip sync and never used. Writes\n"
                 "DIR/voice_model.safetensors, DIR/voice_model_metrics.json and\n"
                 "DIR/MODEL_CARD.md. Deterministic for a seed and thread count.\n\nOptions:\n"
              << describeOptions(trainOptions());
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::optional<long> wholeNumber(const ParsedOptions& options, const char* name, long fallback,
                                long low, long high, std::string* error) {
    const std::optional<std::string> text = options.value(name);
    if (!text) {
        return fallback;
    }
    char* end = nullptr;
    const long value = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || value < low || value > high) {
        *error = std::string(name) + " " + *text + ": give a whole number from " +
                 std::to_string(low) + " to " + std::to_string(high);
        return std::nullopt;
    }
    return value;
}

std::string percent(const std::optional<double>& value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", value ? 100.0 * *value : 0.0);
    return value ? text : "n/a";
}

std::string number(const std::optional<double>& value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value ? *value : 0.0);
    return value ? text : "n/a";
}

std::string scoreRow(const char* name, const train::VoiceEvaluation& e) {
    const train::LipSyncScore& s = e.network;
    std::ostringstream row;
    row << "| " << name << " | " << e.utterances << " (" << int(e.seconds) << " s) | "
        << percent(s.closure_rate) << " of " << s.bilabial_stops << " | "
        << number(s.openness_correlation) << " (targets " << number(e.targets.openness_correlation)
        << ") | " << number(s.open_vowel_aperture) << " | " << percent(s.pauses_at_rest_rate)
        << " of " << s.long_pauses << " (mean " << number(s.pause_aperture) << ") |\n";
    return row.str();
}

}  // namespace

int runTrainVoiceCommand(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            printTrainHelp();
            return 0;
        }
    }
    ParsedOptions options;
    std::string problem;
    if (!parseOptions(args, trainOptions(), &options, &problem)) {
        printError("train-voice: " + problem + " (see portrait-studio train-voice --help)");
        return 2;
    }
    const auto utterances = wholeNumber(options, "--utterances", 4000, 10, 1000000, &problem);
    const auto festival = wholeNumber(options, "--festival", 0, 0, 1000000, &problem);
    const auto eval_count = wholeNumber(options, "--eval", 240, 5, 100000, &problem);
    const auto epochs = wholeNumber(options, "--epochs", 16, 1, 1000, &problem);
    const auto channels = wholeNumber(options, "--channels", 96, 4, 1024, &problem);
    const auto threads = wholeNumber(options, "--threads", 2, 1, 256, &problem);
    const auto seed = wholeNumber(options, "--seed", 1, 0, 1000000000, &problem);
    if (!utterances || !festival || !eval_count || !epochs || !channels || !threads || !seed) {
        printError(problem);
        return 2;
    }
    const std::filesystem::path folder = std::filesystem::u8path(*options.value("--output"));
    std::error_code fs_error;
    std::filesystem::create_directories(folder, fs_error);
    if (fs_error || !std::filesystem::is_directory(folder)) {
        printError(folder.u8string() + ": cannot create this folder");
        return 2;
    }
    const CancelToken cancel;
    InterruptSignal interrupt(cancel);
    const Clock::time_point start = Clock::now();
    nn::VoiceNet::setThreads(int(*threads));

    // The plans: training, and the three held-out evaluations.
    const train::SpeechSynth synth;
    Result<std::vector<train::VoiceVariant>> variants = synth.listVariants();
    if (!variants) {
        printError(variants.error().message);
        return 1;
    }
    std::vector<std::string> variant_ids;
    for (const train::VoiceVariant& v : *variants) {
        variant_ids.push_back(v.id);
    }
    const auto plan = [&](train::PlanPart part, size_t count, uint64_t plan_seed) {
        return train::planUtterances(part, count, plan_seed, variant_ids);
    };
    Result<std::vector<train::PlannedUtterance>> training_plan =
        plan(train::PlanPart::Training, size_t(*utterances), uint64_t(*seed));
    if (!training_plan) {
        printError(training_plan.error().message);
        return 1;
    }
    if (*festival > 0) {
        Result<std::vector<train::PlannedUtterance>> festival_plan = train::planFestivalUtterances(
            train::PlanPart::FestivalTraining, size_t(*festival), uint64_t(*seed));
        if (!festival_plan) {
            printError(festival_plan.error().message);
            return 1;
        }
        training_plan->insert(training_plan->end(), festival_plan->begin(), festival_plan->end());
    }
    std::vector<std::pair<const char*, train::PlanPart>> evaluation_parts = {
        {"held-out languages and voices", train::PlanPart::Evaluation},
        {"held-out voices", train::PlanPart::EvaluationHeldOutVariants},
        {"held-out languages", train::PlanPart::EvaluationHeldOutLanguages},
    };
    if (*festival > 0) {
        evaluation_parts.push_back(
            {"held-out festival and flite voices", train::PlanPart::FestivalHeldOutVoices});
    }

    const auto examples = [&](const std::vector<train::PlannedUtterance>& planned,
                              const char* label, bool augment,
                              uint64_t data_seed) -> Result<train::VoiceExamples> {
        train::DatasetOptions data;
        data.augment = augment;
        data.seed = data_seed;
        data.threads = int(*threads);
        std::mutex print;
        const Clock::time_point began = Clock::now();
        Result<train::VoiceExamples> made =
            train::makeVoiceExamples(planned, data, cancel, [&](size_t done) {
                if (done % 200 == 0 || done == planned.size()) {
                    std::lock_guard<std::mutex> lock(print);
                    std::fprintf(stderr, "train-voice: %s: %zu of %zu utterances (%.0f s)\n", label,
                                 done, planned.size(), secondsSince(began));
                }
            });
        if (made) {
            for (const std::string& skip : made->skipped) {
                std::fprintf(stderr, "train-voice: %s: skipped utterance %s\n", label,
                             skip.c_str());
            }
        }
        return made;
    };
    Result<train::VoiceExamples> training =
        examples(*training_plan, "training data", true, uint64_t(*seed));
    if (!training) {
        printError(training.error().message);
        return interrupt.interrupted() ? 130 : 1;
    }
    double training_seconds = 0.0;
    std::vector<nn::TrainingUtterance> data;
    data.reserve(training->examples.size());
    for (train::VoiceExample& e : training->examples) {
        training_seconds += e.seconds;
        data.push_back(std::move(e.frames));
    }
    const size_t training_skipped = training->skipped.size();
    training->examples.clear();
    const double data_seconds = secondsSince(start);

    // The network and its training.
    nn::VoiceNetShape shape;
    shape.channels = int(*channels);
    shape.outputs = kVoiceModelOutputCount;
    std::unique_ptr<nn::VoiceNet> net = nn::VoiceNet::create(shape, uint64_t(*seed));
    nn::TrainingOptions recipe;
    recipe.epochs = int(*epochs);
    recipe.seed = uint64_t(*seed);
    recipe.output_weights.assign(kVoiceModelOutputCount, 1.0f);
    recipe.output_weights[mouthChannel(Blendshape::JawOpen)] = 2.0f;
    recipe.output_weights[mouthChannel(Blendshape::MouthClose)] = 2.0f;
    recipe.output_weights[kLipClosureChannel] = 2.0f;
    recipe.aperture_coefficients.assign(kVoiceModelOutputCount, 0.0f);
    recipe.aperture_coefficients[mouthChannel(Blendshape::JawOpen)] = 1.0f;
    recipe.aperture_coefficients[mouthChannel(Blendshape::MouthClose)] = -1.0f;
    for (Blendshape b : {Blendshape::MouthUpperUpLeft, Blendshape::MouthUpperUpRight,
                         Blendshape::MouthLowerDownLeft, Blendshape::MouthLowerDownRight}) {
        recipe.aperture_coefficients[mouthChannel(b)] = 0.25f;
    }
    int last_epoch = 0;
    recipe.progress = [&](const nn::TrainingProgress& p) {
        if (p.step == p.steps && p.epoch != last_epoch) {
            last_epoch = p.epoch;
            std::fprintf(stderr, "train-voice: epoch %d of %d, loss %.4f (%.0f s)\n", p.epoch,
                         p.epochs, p.loss, secondsSince(start));
        }
        return !cancel.cancelled();
    };
    std::string error;
    const Clock::time_point training_start = Clock::now();
    if (!nn::trainVoiceNet(*net, data, recipe, &error)) {
        printError(error);
        return 1;
    }
    if (cancel.cancelled()) {
        printError("interrupted; nothing was written to " + folder.u8string());
        return 130;
    }
    const double train_seconds = secondsSince(training_start);
    data.clear();

    // Evaluation on what the model never heard.
    nlohmann::json metrics;
    std::string table =
        "| set | utterances | bilabial closure | vowel openness r | open-vowel aperture | "
        "pauses at rest |\n|---|---|---|---|---|---|\n";
    std::string headline;
    for (const auto& [label, part] : evaluation_parts) {
        Result<std::vector<train::PlannedUtterance>> planned =
            part == train::PlanPart::FestivalHeldOutVoices
                ? train::planFestivalUtterances(part, size_t(*eval_count), uint64_t(*seed) + 7919)
                : plan(part, size_t(*eval_count), uint64_t(*seed) + 7919);
        if (!planned) {
            printError(planned.error().message);
            return 1;
        }
        for (const bool augmented : {false, true}) {
            Result<train::VoiceExamples> held_out =
                examples(*planned, label, augmented, uint64_t(*seed) + 104729);
            if (!held_out) {
                printError(held_out.error().message);
                return interrupt.interrupted() ? 130 : 1;
            }
            const train::VoiceEvaluation result =
                train::evaluateVoiceNet(*net, held_out->examples, 25.0);
            const std::string name = std::string(label) + (augmented ? ", augmented" : ", clean");
            metrics[name] = train::toJson(result);
            table += scoreRow(name.c_str(), result);
            if (part == train::PlanPart::Evaluation && !augmented) {
                headline = scoreRow(name.c_str(), result);
            }
            std::fprintf(stderr, "train-voice: %s", scoreRow(name.c_str(), result).c_str());
        }
    }
    const double total_seconds = secondsSince(start);

    const std::map<std::string, std::string> card_facts = {
        {"data", std::to_string(*utterances) + " espeak-ng utterances, " +
                     std::to_string(*festival) + " festival and flite utterances, " +
                     std::to_string(int(training_seconds)) + " s, augmented"},
        {"recipe", "portrait-studio train-voice --utterances " + std::to_string(*utterances) +
                       " --festival " + std::to_string(*festival) + " --epochs " +
                       std::to_string(*epochs) + " --channels " + std::to_string(*channels) +
                       " --seed " + std::to_string(*seed)},
        {"metrics", metrics.dump()},
        {"licence", "trained by Portrait Studio's own tools from espeak-ng's synthetic speech"},
    };
    const std::string weights = (folder / "voice_model.safetensors").u8string();
    if (!net->save(weights, card_facts, &error)) {
        printError(error);
        return 1;
    }
    nlohmann::json report = {
        {"utterances", *utterances},
        {"festival_utterances", *festival},
        {"utterances_skipped", training_skipped},
        {"training_audio_s", std::round(training_seconds)},
        {"epochs", *epochs},
        {"channels", *channels},
        {"context_frames", shape.contextFrames()},
        {"seed", *seed},
        {"threads", *threads},
        {"data_seconds", std::round(data_seconds)},
        {"training_seconds", std::round(train_seconds)},
        {"total_seconds", std::round(total_seconds)},
        {"evaluation", metrics},
    };
    const std::string metrics_path = (folder / "voice_model_metrics.json").u8string();
    if (const Status written = writeFileAtomically(metrics_path, report.dump(2) + "\n"); !written) {
        printError(written.error().message);
        return 1;
    }
    std::ostringstream card;
    card << "# Portrait Studio voice model\n\n"
            "Predicts, from a voice, the mouth's ARKit blendshapes (jawOpen, mouthClose, "
            "mouthFunnel, mouthPucker, mouthSmile/Stretch/Frown/Press left and right, "
            "mouthUpperUp/LowerDown left and right, mouthRollUpper/Lower, tongueOut) and "
            "whether someone is speaking, 100 times a second, from an 80-band log-mel "
            "spectrogram of 16 kHz audio. Written by `portrait-studio train-voice`; "
            "everything below comes from that run.\n\n"
            "## Network\n\n"
            "Dilated 1-D convolutions: log-mel → "
         << *channels << " channels, residual blocks with dilations 1, 2, 4, 8, 1, 2, → "
         << kVoiceModelOutputCount
         << " sigmoid outputs: the 19 shapes, speech activity, and lip closure (how surely the "
            "lips are together for a p, b or m; at inference the mouth is sealed by it, so "
            "closures stay crisp). Each output frame sees "
         << shape.contextFrames() << " frames (" << shape.contextFrames() * 10
         << " ms) on either side: that is its look-ahead.\n\n"
            "## Data\n\n"
            "- "
         << *utterances
         << " utterances spoken by espeak-ng "
            "in 26 languages, with every voice variant of espeak-ng-data/voices/!v except the "
            "held-out ones, at random rate (100–260 words per minute), pitch, pitch range and "
            "loudness. Sentences are random words from hand-written word lists per language.\n"
         << (*festival > 0
                 ? "- " + std::to_string(*festival) +
                       " utterances spoken by festival's diphone voices made from recordings of "
                       "people (ked in US English, dita in Czech, lj in Finnish, lp in Italian) "
                       "and flite's awb (Scottish English), at random rate (duration stretch "
                       "0.75–1.35), with the synthesisers' own segment timings. Held out and "
                       "scored: czech_machac, hy_fi_mv, pc_diphone and flite's rms. Never used: "
                       "cmu_us_slt and kal, reserved for measuring lip sync.\n"
                 : std::string())
         << "- " << int(training_seconds / 60.0)
         << " minutes of training speech in all.\n"
            "- Targets from the synthesisers' own phoneme timings: phonemes → visemes → "
            "blendshape "
            "poses, blended with dominance functions (rounding anticipated, p/b/m sealed, "
            "f/v tucked, rest in pauses longer than 0.3 s).\n"
            "- Augmentation of every training utterance: room reverberation, noise (white, "
            "pink, babble) at 10–40 dB SNR, equalisation, gain, and Opus, MP3 or AAC round "
            "trips.\n\n"
            "## Recipe\n\n"
            "`portrait-studio train-voice -o resources/voice --utterances "
         << *utterances << (*festival > 0 ? " --festival " + std::to_string(*festival) : "")
         << " --epochs " << *epochs << " --channels " << *channels << " --seed " << *seed
         << " --threads " << *threads
         << "`: L1 loss (jawOpen and mouthClose weighted 2) plus an L1 loss on the lip "
            "aperture (weight 2), Adam at 2e-3 with cosine decay, windows of 2.56 s, batches "
            "of 32. Data took "
         << int(data_seconds) << " s and training " << int(train_seconds) << " s; the whole run "
         << int(total_seconds) << " s on " << *threads
         << " CPU threads.\n\n"
            "## Metrics\n\n"
            "Measured at 25 frames per second against the phoneme timings, on utterances of "
            "languages (nl, uk, bn, ro) and voices (m4, f4, klatt3, Andrea, edward2, iven3, "
            "steph2, grandpa) never used in training. Aperture = jawOpen − mouthClose + the "
            "mean of mouthUpperUp and mouthLowerDown left and right, clamped to [0, 1]. A "
            "bilabial is closed when the aperture falls to 0.1 or below within ±1 frame of it; "
            "vowel openness is correlated with the mean aperture over each vowel's middle half; "
            "a pause longer than 0.3 s is at rest when its mean aperture is at most 0.1. The "
            "training targets themselves, scored the same way, are the ceiling for the vowel "
            "correlation (in brackets): their coarticulation keeps it well below 1.\n\n"
         << table
         << "\n## Known limits\n\n"
            "- Trained on synthetic speech only. Real voices differ from espeak-ng's in "
            "timbre, timing and coarticulation; the augmentation narrows that gap but does "
            "not close it, and no recorded speech with phoneme timings was available here to "
            "measure it.\n"
            "- The targets come from rules (visemes and dominance blending), so the model "
            "learns those rules, not the mouth shapes of any real speaker.\n"
            "- Singing, shouting, whispering and overlapping speakers are outside its data.\n"
            "- Languages are heard only as espeak-ng pronounces them.\n";
    const std::string card_path = (folder / "MODEL_CARD.md").u8string();
    if (const Status written = writeFileAtomically(card_path, card.str()); !written) {
        printError(written.error().message);
        return 1;
    }
    std::printf("wrote %s, %s and %s in %.0f s\n%s", weights.c_str(), metrics_path.c_str(),
                card_path.c_str(), total_seconds, headline.c_str());
    return 0;
}

}  // namespace ps::app
