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
         "training utterances spoken by festival's and flite's voices (default 4000)", false},
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
                 "languages with every voice variant, at varied rate, pitch and loudness, and\n"
                 "festival's and flite's voices (recordings of people) speak --festival more;\n"
                 "the audio is augmented (speed, room, noise, music, equalisation, level, lossy\n"
                 "codecs) and clips of music and breaths without speech are added; the phoneme\n"
                 "timings give the mouth's targets. The model is then scored on four languages\n"
                 "and eight espeak-ng voices and four festival and flite voices held out of\n"
                 "training, and on music without speech. The voices cmu_us_slt and kal are\n"
                 "reserved for measuring lip sync and never used. Writes\n"
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

std::string phoneCell(const train::LipSyncScore::Phone& phone) {
    return percent(phone.closure_rate) + " of " + std::to_string(phone.stops) + " (press " +
           number(phone.press) + ")";
}

// The columns of the model card's table.
const char* const kScoreHeader =
    "| set | utterances | bilabial closure | p | b | m | f/v tucked | vowel openness r | "
    "open-vowel aperture | pauses at rest | jitter |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|\n";

std::string scoreRow(const std::string& name, const train::VoiceEvaluation& e) {
    const train::LipSyncScore& s = e.network;
    std::ostringstream row;
    row << "| " << name << " | " << e.utterances << " (" << int(e.seconds) << " s) | "
        << percent(s.closure_rate) << " of " << s.bilabial_stops << " | " << phoneCell(s.p) << " | "
        << phoneCell(s.b) << " | " << phoneCell(s.m) << " | " << percent(s.tuck_rate) << " of "
        << s.labiodentals << " | " << number(s.openness_correlation) << " (targets "
        << number(e.targets.openness_correlation) << ") | " << number(s.open_vowel_aperture)
        << " | " << percent(s.pauses_at_rest_rate) << " of " << s.long_pauses << " (mean "
        << number(s.pause_aperture) << ") | " << number(s.jitter) << " |\n";
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
    const auto festival = wholeNumber(options, "--festival", 4000, 0, 1000000, &problem);
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
    // Clips of music and breaths without speech, one for every 30 utterances.
    const size_t speechless_count = size_t(*utterances + *festival) / 30;
    {
        train::DatasetOptions data;
        data.seed = uint64_t(*seed);
        Result<train::VoiceExamples> speechless =
            train::makeSpeechlessExamples(speechless_count, data, cancel);
        if (!speechless) {
            printError(speechless.error().message);
            return interrupt.interrupted() ? 130 : 1;
        }
        for (train::VoiceExample& e : speechless->examples) {
            training->examples.push_back(std::move(e));
        }
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
    // f and v tuck the lower lip for a moment only; at weight 1 the L1 loss settles on the
    // roll's median around them, which is no tuck at all (5 % of them tucked).
    recipe.output_weights[mouthChannel(Blendshape::MouthRollLower)] = 3.0f;
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
    std::string table = kScoreHeader;
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
            table += scoreRow(name, result);
            if (part == train::PlanPart::Evaluation && !augmented) {
                headline = scoreRow(name, result);
            }
            std::fprintf(stderr, "train-voice: %s", scoreRow(name, result).c_str());
        }
    }
    {
        // No speech at all: the mouth must stay at rest through music and breaths.
        train::DatasetOptions data;
        data.seed = uint64_t(*seed) + 104729;
        Result<train::VoiceExamples> speechless =
            train::makeSpeechlessExamples(size_t(*eval_count), data, cancel);
        if (!speechless) {
            printError(speechless.error().message);
            return interrupt.interrupted() ? 130 : 1;
        }
        const train::VoiceEvaluation result =
            train::evaluateVoiceNet(*net, speechless->examples, 25.0);
        const std::string name = "music and breaths without speech, augmented";
        metrics[name] = train::toJson(result);
        table += scoreRow(name, result);
        std::fprintf(stderr, "train-voice: %s", scoreRow(name, result).c_str());
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
        {"licence",
         "trained by Portrait Studio's own tools from speech synthesised by espeak-ng"
         " (GPL-3.0+), festival's and flite's voices (free licences, see their Debian"
         " packages' copyright files); the weights are this project's"},
    };
    const std::string weights = (folder / "voice_model.safetensors").u8string();
    if (!net->save(weights, card_facts, &error)) {
        printError(error);
        return 1;
    }
    nlohmann::json report = {
        {"utterances", *utterances},
        {"festival_utterances", *festival},
        {"speechless_clips", speechless_count},
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
         << "- " << speechless_count
         << " clips of music and breathing without speech (synthesised: chords, bass, a "
            "sung-like melody with vibrato, drums; breaths as swelling band-limited noise), "
            "whose targets are the mouth at rest.\n"
            "- Augmentation of every training utterance: speed (pitch and tempo together, "
            "×0.88–1.12, on 30 %), room reverberation, noise (white, pink, babble) at 10–40 dB "
            "SNR, a music bed 10–20 dB below the voice (15 %), equalisation, level from a "
            "whisper's to a shout's (−30…+12 dB, then limited), and Opus, MP3 or AAC round "
            "trips. espeak-ng's whisper voices give whispered speech itself.\n\n"
            "## Recipe\n\n"
            "`portrait-studio train-voice -o resources/voice --utterances "
         << *utterances << (*festival > 0 ? " --festival " + std::to_string(*festival) : "")
         << " --epochs " << *epochs << " --channels " << *channels << " --seed " << *seed
         << " --threads " << *threads
         << "`: L1 loss (jawOpen, mouthClose and lip closure weighted 2, mouthRollLower 3) plus an "
            "L1 loss on "
            "the lip aperture (weight 2), Adam at 2e-3 warmed up over the first 200 steps and "
            "then decayed by cosine, windows of 2.56 s, batches of 32. Data took "
         << int(data_seconds) << " s and training " << int(train_seconds) << " s; the whole run "
         << int(total_seconds) << " s on " << *threads
         << " CPU threads.\n\n"
            "## Metrics\n\n"
            "Measured at 25 frames per second against the phoneme timings, on utterances of "
            "languages (nl, uk, bn, ro) and voices (m4, f4, klatt3, Andrea, edward2, iven3, "
            "steph2, grandpa) never used in training"
         << (*festival > 0 ? ", and on festival's and flite's held-out voices" : "")
         << ". The studio's closure completion (voice/LipClosures.h) is applied, as the studio "
            "shows the mouth. Aperture = jawOpen − mouthClose + the "
            "mean of mouthUpperUp and mouthLowerDown left and right, clamped to [0, 1]. A "
            "bilabial is closed when the aperture falls to 0.1 or below within ±1 frame of it; "
            "vowel openness is correlated with the mean aperture over each vowel's middle half; "
            "p, b and m are also counted apart, with the mean mouthPress on their most closed "
            "frame (p and b press, m is relaxed); f or v is tucked when mouthRollLower reaches "
            "0.3 within ±1 frame of it; "
            "a pause longer than 0.3 s is at rest when its mean aperture is at most 0.1 (a clip "
            "without speech is one long pause); jitter is the mean change of the 19 mouth "
            "channels from one frame to the next in the middle half of vowels longer than "
            "0.1 s. The "
            "training targets themselves, scored the same way, are the ceiling for the vowel "
            "correlation (in brackets): their coarticulation keeps it well below 1.\n\n"
         << table
         << "\n## Known limits\n\n"
            "- Trained on synthesised speech only: espeak-ng's formant voices"
         << (*festival > 0 ? " and festival's and flite's voices made from recordings of people "
                             "(diphones joined, not natural speech)"
                           : "")
         << ". A person's voice differs in timbre, timing and coarticulation; no recorded "
            "speech with phoneme timings was available here to measure that.\n"
            "- The targets come from rules (visemes and dominance blending), so the model "
            "learns those rules, not the mouth shapes of any real speaker.\n"
            "- Singing voices are heard only as the music bed's sung-like melody (which must "
            "not move the mouth), not as sung words; overlapping speakers are outside its "
            "data.\n"
            "- Languages are heard only as these synthesisers pronounce them.\n";
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
