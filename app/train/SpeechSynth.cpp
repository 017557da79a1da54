#include "train/SpeechSynth.h"

#include <chrono>
#include <mutex>
#include <optional>

#include "media/AudioClip.h"
#include "train/ChildProcess.h"
#include "train/EspeakCapture.h"
#include "train/EspeakWire.h"
#include "train/MonoResampler.h"
#include "train/PhonemeTimelineBuilder.h"

namespace ps::train {
namespace {

// Far above any real utterance (synthesis runs at hundreds of times real time); only a child
// that hangs reaches it.
constexpr std::chrono::seconds kChildTimeout{120};

Status checkRange(const char* what, int value, int low, int high) {
    if (value < low || value > high) {
        return badInput(std::string(what) + " " + std::to_string(value),
                        "must lie between " + std::to_string(low) + " and " + std::to_string(high));
    }
    return {};
}

Status validate(const UtteranceSpec& spec) {
    if (spec.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return badInput("text", "nothing to say");
    }
    for (const Status& status :
         {checkRange("rate (wpm)", spec.rate_wpm, kMinRate_wpm, kMaxRate_wpm),
          checkRange("pitch", spec.pitch, 0, kMaxPitch),
          checkRange("pitch range", spec.pitch_range, 0, kMaxPitchRange),
          checkRange("amplitude", spec.amplitude, 0, kMaxAmplitude)}) {
        if (!status) {
            return status;
        }
    }
    return {};
}

}  // namespace

Result<RawSpeech> SpeechSynth::record(const UtteranceSpec& spec) const {
    if (Status valid = validate(spec); !valid) {
        return valid.error();
    }
    Result<std::string> bytes = runInChildProcess(
        [&spec]() -> Result<std::string> {
            Result<RawSpeech> speech = captureSpeech(spec);
            if (!speech) {
                return speech.error();
            }
            return encodeRawSpeech(*speech);
        },
        kChildTimeout);
    if (!bytes) {
        return bytes.error();
    }
    return decodeRawSpeech(*bytes);
}

Result<Utterance> SpeechSynth::synthesize(const UtteranceSpec& spec) const {
    Result<RawSpeech> speech = record(spec);
    if (!speech) {
        return speech.error();
    }
    Result<PhonemeTimeline> timeline = buildPhonemeTimeline(*speech);
    if (!timeline) {
        return timeline.error();
    }

    std::vector<float> native(speech->samples.size());
    for (size_t i = 0; i < native.size(); ++i) {
        native[i] = static_cast<float>(speech->samples[i]) / 32768.0f;
    }
    Result<PcmBuffer> audio = resampleMono(native, speech->sample_rate_hz, kAnalysisSampleRate_hz);
    if (!audio) {
        return audio.error();
    }
    return Utterance{std::move(*audio), std::move(*timeline), speech->sample_rate_hz};
}

Result<VoiceCatalogue> SpeechSynth::catalogue() const {
    // The installed voices do not change while a process runs; one child answers for all calls.
    static std::mutex mutex;
    static std::optional<VoiceCatalogue> cached;
    std::lock_guard<std::mutex> lock(mutex);
    if (!cached) {
        Result<std::string> bytes = runInChildProcess(
            []() -> Result<std::string> {
                Result<VoiceCatalogue> catalogue = readVoiceCatalogue();
                if (!catalogue) {
                    return catalogue.error();
                }
                return encodeVoiceCatalogue(*catalogue);
            },
            kChildTimeout);
        if (!bytes) {
            return bytes.error();
        }
        Result<VoiceCatalogue> catalogue = decodeVoiceCatalogue(*bytes);
        if (!catalogue) {
            return catalogue.error();
        }
        cached = std::move(*catalogue);
    }
    return *cached;
}

Result<std::vector<VoiceVariant>> SpeechSynth::listVariants() const {
    Result<VoiceCatalogue> voices = catalogue();
    if (!voices) {
        return voices.error();
    }
    return std::move(voices->variants);
}

Result<std::vector<VoiceLanguage>> SpeechSynth::listLanguages() const {
    Result<VoiceCatalogue> voices = catalogue();
    if (!voices) {
        return voices.error();
    }
    return std::move(voices->languages);
}

}  // namespace ps::train
