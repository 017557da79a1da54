// What to say and in which voice (UtteranceSpec), and what came out (Utterance): the input and
// output of SpeechSynth::synthesize.
#pragma once

#include <string>

#include "media/PcmBuffer.h"
#include "train/PhonemeTimeline.h"

namespace ps::train {

// The ranges espeak-ng documents for its parameters (speak_lib.h, espeak_SetParameter); values
// outside them are refused rather than clamped, so a plan cannot silently mean something else.
constexpr int kMinRate_wpm = 80;
constexpr int kMaxRate_wpm = 450;
constexpr int kMaxPitch = 100;
constexpr int kMaxPitchRange = 100;
constexpr int kMaxAmplitude = 200;

struct UtteranceSpec {
    std::string text;      // UTF-8 plain text (SSML and [[phoneme]] input are not enabled)
    std::string language;  // an espeak-ng language/voice name, e.g. "en", "de", "cmn-latn-pinyin"
    std::string variant;   // a variant from espeak-ng-data/voices/!v, e.g. "m3", "klatt"; "" = none
    int rate_wpm = 175;    // speaking rate, words per minute
    int pitch = 50;        // base pitch, 0..100 (50 = the voice's own)
    int pitch_range = 50;  // intonation range, 0..100 (0 = monotone)
    int amplitude = 100;   // volume, 0..200 (100 = normal; above 100 espeak-ng may compress)
};

struct Utterance {
    PcmBuffer audio;                // kAnalysisSampleRate_hz (16 kHz), 1 channel, in [-1, 1]
    PhonemeTimeline phonemes;       // times in seconds from the start of `audio`
    int native_sample_rate_hz = 0;  // the rate espeak-ng synthesised at, before resampling
};

}  // namespace ps::train
