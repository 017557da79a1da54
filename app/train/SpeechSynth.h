// Speech for the voice model's training data: espeak-ng speaks a text in a given language and
// voice variant, and reports exactly when each phoneme was said. The result is 16 kHz mono audio
// (what the model reads) with its phoneme timeline (what the model learns to follow).
//
// Each call runs espeak-ng in a fresh child process (see EspeakCapture.h for why): the same spec
// gives the same samples and timeline every time, in any order and on any thread, and espeak-ng's
// global state (including the LC_CTYPE it sets) never touches the calling process. The price is
// a fork and a voice load per call, a few milliseconds; synthesis itself runs at several hundred
// times real time. Calls on several threads run in parallel.
#pragma once

#include <string>
#include <vector>

#include "runtime/Result.h"
#include "train/RawSpeech.h"
#include "train/UtteranceSpec.h"
#include "train/VoiceCatalogue.h"

namespace ps::train {

class SpeechSynth {
public:
    // Speaks spec.text. BadInput when the text is empty, a parameter is outside its range
    // (UtteranceSpec.h), or the language or variant does not exist; Internal when espeak-ng or
    // the resampler fails.
    Result<Utterance> synthesize(const UtteranceSpec& spec) const;

    // What espeak-ng itself reported for spec, at its own sample rate, before the timeline is
    // built and the audio resampled (synthesize is this, buildPhonemeTimeline and resampleMono).
    // For checking and measuring the conversion; same errors as synthesize.
    Result<RawSpeech> record(const UtteranceSpec& spec) const;

    // The voice variants in espeak-ng-data/voices/!v, sorted by id (read once per process).
    Result<std::vector<VoiceVariant>> listVariants() const;
    // The language voices espeak-ng offers, sorted by code (read once per process).
    Result<std::vector<VoiceLanguage>> listLanguages() const;

private:
    Result<VoiceCatalogue> catalogue() const;
};

}  // namespace ps::train
