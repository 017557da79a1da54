// Training speech from festival's and flite's voices beside espeak-ng's: voices made from
// recordings of people (diphone concatenation) and flite's unit-selection and statistical
// voices, whose spectra are natural where espeak-ng's formant synthesis is not. Each utterance
// comes with the synthesiser's own segment timings (festival's Segment relation, flite's
// -psdur), which are exact by construction: the waveform is assembled from those segments.
//
// The voices festival's and flite's packages call cmu_us_slt and kal are reserved for measuring
// lip sync and are never spoken here: festivalVoices() does not list them and speak() refuses
// them.
//
// Each call runs the synthesiser as a separate process in a fresh temporary folder, so calls
// on several threads run in parallel and the same spec gives the same samples every time.
#pragma once

#include <string>
#include <vector>

#include "runtime/Result.h"
#include "train/UtteranceSpec.h"

namespace ps::train {

enum class FestivalProgram { Festival, Flite };

struct FestivalVoice {
    FestivalProgram program = FestivalProgram::Festival;
    std::string name;       // festival's voice (voice_<name>), or flite's -voice name
    std::string language;   // the corpus language it reads (TrainingCorpus.h)
    std::string phone_set;  // its phone names (FestivalPhoneSets.h)
    std::string charset;    // the encoding it reads text in (iconv's name)
    std::string package;    // the Debian package it comes in
};

// Every festival and flite voice this tool can speak with, installed or not, by program and
// name.
const std::vector<FestivalVoice>& festivalVoices();

// The voice called `name`, or nullptr (also for the reserved voices).
const FestivalVoice* findFestivalVoice(const std::string& name);

// Whether `name` is one of the voices reserved for measuring lip sync (cmu_us_slt_arctic_hts,
// kal_diphone; flite's slt, kal, kal16).
bool isReservedVoice(const std::string& name);

// Whether the voice's program and files are installed.
bool isInstalled(const FestivalVoice& voice);

struct FestivalSpec {
    std::string text;               // UTF-8; characters the voice's charset lacks are dropped
    std::string voice;              // a festivalVoices() name
    double duration_stretch = 1.0;  // > 1 speaks slower, 0.5..2
};

// Speaks spec.text: 16 kHz mono audio and the segment timeline in IPA. BadInput when the text is
// empty, the stretch is out of range, or the voice is unknown, reserved or not installed;
// Internal when the synthesiser fails or reports a phone its set does not have.
Result<Utterance> speakWithFestival(const FestivalSpec& spec);

}  // namespace ps::train
