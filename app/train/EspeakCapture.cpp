#include "train/EspeakCapture.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <tuple>

namespace ps::train {
namespace {

// Breath noise and the Klatt synthesiser draw from rand(); a fixed seed makes them repeatable.
constexpr unsigned kNoiseSeed = 1;
constexpr const char* kVariantFolder = "voices/!v";

struct Capture {
    RawSpeech speech;
    int64_t hooked_samples = 0;  // samples the sample hooks have seen
    int output_blocks = 0;       // blocks of audio handed to onAudio so far
    bool silence_follows_mark = false;
};

// espeak-ng's hooks take no user pointer, so the capture in progress is reached through this.
// Only one capture runs per process (see the header).
Capture* g_capture = nullptr;

int onAudio(short* samples, int count, espeak_EVENT* events) {
    Capture& capture = *g_capture;
    if (samples != nullptr && count > 0) {
        capture.speech.samples.insert(capture.speech.samples.end(), samples, samples + count);
    }
    for (; events != nullptr && events->type != espeakEVENT_LIST_TERMINATED; ++events) {
        if (events->type == espeakEVENT_PHONEME) {
            // `sample` is exact; audio_position is the same time truncated to milliseconds.
            const char* name = events->id.string;
            capture.speech.events.push_back(
                {events->sample, std::string(name, strnlen(name, sizeof(events->id.string))),
                 capture.output_blocks});
        }
    }
    ++capture.output_blocks;
    return 0;  // continue
}

void onMark(char* mnemonic, int type) {
    Capture& capture = *g_capture;
    EspeakGeneratorMark mark;
    mark.mnemonic = mnemonic != nullptr ? mnemonic : "";
    mark.type = type;
    mark.hooked_position = capture.hooked_samples;
    mark.output_block = capture.output_blocks;
    capture.speech.marks.push_back(std::move(mark));
    capture.silence_follows_mark = true;
}

void onSilence(short value) {
    Capture& capture = *g_capture;
    ++capture.hooked_samples;
    if (capture.silence_follows_mark && !capture.speech.marks.empty()) {
        capture.speech.marks.back().silence.push_back(value);
    }
}

void onSound(short) {
    Capture& capture = *g_capture;
    ++capture.hooked_samples;
    capture.silence_follows_mark = false;
}

int onClausePhonemes(const char* phonemes) {
    g_capture->speech.clause_phonemes.emplace_back(phonemes != nullptr ? phonemes : "");
    return 0;
}

Result<int> initialise() {
    const int sample_rate_hz =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr,
                          espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_PHONEME_IPA |
                              espeakINITIALIZE_DONT_EXIT);
    if (sample_rate_hz <= 0) {
        return internalError("espeak-ng could not be initialised (is espeak-ng-data installed?)");
    }
    return sample_rate_hz;
}

std::string dataPath() {
    const char* path = nullptr;
    espeak_Info(&path);
    return path != nullptr ? path : "";
}

// A variant name is a file name inside voices/!v; anything that could leave that folder is not.
bool isPlainFileName(const std::string& name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of("/\\") == std::string::npos;
}

Status selectVoice(const UtteranceSpec& spec) {
    if (spec.language.empty() || spec.language.find('+') != std::string::npos) {
        return badInput("language '" + spec.language + "'", "not an espeak-ng language name");
    }
    std::string voice = spec.language;
    if (!spec.variant.empty()) {
        // espeak-ng accepts any name after '+' and quietly ignores one it has no file for.
        std::error_code error;
        const auto file = std::filesystem::path(dataPath()) / kVariantFolder / spec.variant;
        if (!isPlainFileName(spec.variant) || !std::filesystem::is_regular_file(file, error)) {
            return badInput("variant '" + spec.variant + "'",
                            "espeak-ng has no such voice variant");
        }
        voice += "+" + spec.variant;
    }
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        return badInput("language '" + spec.language + "'", "espeak-ng has no voice for it");
    }
    return {};
}

Status setParameters(const UtteranceSpec& spec) {
    // The word gap is set too, though the spec does not vary it, so that nothing depends on a
    // default. (Punctuation and capitals are not settable this way in 1.51 — it answers EINVAL —
    // and start as "not spoken" in every fresh process.)
    const std::pair<espeak_PARAMETER, int> parameters[] = {
        {espeakRATE, spec.rate_wpm}, {espeakVOLUME, spec.amplitude},
        {espeakPITCH, spec.pitch},   {espeakRANGE, spec.pitch_range},
        {espeakWORDGAP, 0},
    };
    for (const auto& [parameter, value] : parameters) {
        if (espeak_SetParameter(parameter, value, 0) != EE_OK) {
            return internalError("espeak-ng refused parameter " + std::to_string(parameter) +
                                 " = " + std::to_string(value));
        }
    }
    return {};
}

}  // namespace

Result<RawSpeech> captureSpeech(const UtteranceSpec& spec) {
    Result<int> sample_rate_hz = initialise();
    if (!sample_rate_hz) {
        return sample_rate_hz.error();
    }
    if (Status selected = selectVoice(spec); !selected) {
        return selected.error();
    }
    if (Status set = setParameters(spec); !set) {
        return set.error();
    }

    Capture capture;
    capture.speech.sample_rate_hz = *sample_rate_hz;
    g_capture = &capture;
    espeak_SetSynthCallback(onAudio);
    static espeak_ng_OUTPUT_HOOKS hooks{onMark, onSilence, onSound, onSound};
    espeak_ng_SetOutputHooks(&hooks);
    // The clause strings go to the callback; espeak-ng also prints them to the trace stream,
    // which must be a real file, so they are sent nowhere.
    FILE* discard = std::fopen("/dev/null", "w");
    if (discard == nullptr) {
        g_capture = nullptr;
        return internalError("cannot open /dev/null for espeak-ng's phoneme trace");
    }
    espeak_SetPhonemeTrace(espeakPHONEMES_IPA | (kClausePhonemeSeparator << 8), discard);
    espeak_SetPhonemeCallback(onClausePhonemes);
    std::srand(kNoiseSeed);

    const espeak_ERROR spoken = espeak_Synth(spec.text.c_str(), spec.text.size() + 1, 0,
                                             POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    espeak_SetPhonemeCallback(nullptr);
    espeak_SetPhonemeTrace(0, nullptr);
    std::fclose(discard);
    g_capture = nullptr;
    if (spoken != EE_OK) {
        return internalError("espeak-ng failed to speak (error " + std::to_string(spoken) + ")");
    }
    capture.speech.positions_exact =
        capture.hooked_samples == static_cast<int64_t>(capture.speech.samples.size());
    return std::move(capture.speech);
}

Result<VoiceCatalogue> readVoiceCatalogue() {
    if (Result<int> initialised = initialise(); !initialised) {
        return initialised.error();
    }
    VoiceCatalogue catalogue;
    // Each voice's `languages` is a list of (priority byte, name, NUL); the first is its own.
    for (const espeak_VOICE** voice = espeak_ListVoices(nullptr); *voice != nullptr; ++voice) {
        catalogue.languages.push_back(
            {(*voice)->languages + 1, (*voice)->name, (*voice)->identifier});
    }
    espeak_VOICE variants{};
    variants.languages = "variant";  // what every file in voices/!v declares as its language
    const std::string prefix = "!v/";
    for (const espeak_VOICE** voice = espeak_ListVoices(&variants); *voice != nullptr; ++voice) {
        std::string id = (*voice)->identifier;
        if (id.compare(0, prefix.size(), prefix) == 0) {
            id.erase(0, prefix.size());
        }
        catalogue.variants.push_back(
            {id, (*voice)->name, static_cast<VoiceGender>(std::min<int>((*voice)->gender, 2))});
    }
    std::sort(catalogue.languages.begin(), catalogue.languages.end(),
              [](const auto& a, const auto& b) {
                  return std::tie(a.code, a.identifier) < std::tie(b.code, b.identifier);
              });
    std::sort(catalogue.variants.begin(), catalogue.variants.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    return catalogue;
}

}  // namespace ps::train
