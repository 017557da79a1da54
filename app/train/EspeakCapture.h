// Drives the espeak-ng library directly: speaks one utterance and records everything it reports
// (RawSpeech), or lists its voices. The only code that calls espeak-ng.
//
// espeak-ng keeps its state in globals, including state no call resets (the pitch flutter's
// position, the synthesiser's phase, the C library's rand() it draws breath noise from, and the
// process's LC_CTYPE, which it sets), so the same text can come out slightly different the second
// time in one process. SpeechSynth therefore calls these only in a fresh child process, which
// makes every utterance start from the same state. Calling them in a long-lived process works,
// but then neither the samples nor the timings are reproducible.
#pragma once

#include "runtime/Result.h"
#include "train/RawSpeech.h"
#include "train/UtteranceSpec.h"
#include "train/VoiceCatalogue.h"

namespace ps::train {

// Initialises espeak-ng (synchronous mode, IPA phoneme events) and speaks spec.text with the
// spec's voice and parameters. BadInput when the language or variant does not exist, Internal
// when espeak-ng fails. Does not validate the parameter ranges (SpeechSynth does).
Result<RawSpeech> captureSpeech(const UtteranceSpec& spec);

// Initialises espeak-ng and lists its language voices (sorted by code) and voice variants (sorted
// by id).
Result<VoiceCatalogue> readVoiceCatalogue();

}  // namespace ps::train
