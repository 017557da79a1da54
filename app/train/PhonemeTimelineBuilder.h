// Turns what espeak-ng reported while speaking (RawSpeech) into the phoneme timeline the voice
// model learns from. The timings are the training labels, so this is where espeak-ng's own
// conventions are undone (measured with espeak-ng 1.51; see tests/train):
//
// - A phoneme event comes after the silence its phoneme begins with. For a stop that silence is
//   its closure (lips shut for /p b/): 20–60 ms, which would otherwise be labelled as the end of
//   the vowel before. Fricatives, nasals and liquids at a word start get 9–15 ms of it, and a
//   pause can begin with some. The generator's marks say where each phoneme's sound began, so
//   the silence between a mark and its event goes to that event's phoneme.
// - A vowel after a nasal gets its event only once the vowel is under way: espeak-ng plays a
//   recorded nasal-to-vowel start first (see NasalReleaseFinder.h), so the event comes 10–40 ms
//   after the release, when the lips of /m/ have long opened. The vowel starts at the release
//   found in the audio instead.
// - Events carry no stress; the clause phoneme strings do (ˈ ˌ before the syllable's vowel), so
//   they are matched to the events in order and the vowel after a mark is flagged `stressed`.
// - Pauses become gaps (silence). Events without an IPA name that are not pauses (espeak-ng's
//   short linking schwa "@-", language switches) are sound, so their time joins the phoneme
//   before them (or after, at the start of a phrase).
//
// Kept as espeak-ng reports them: after a liquid (l r ɾ) a vowel starts where its formants
// arrive, since the transition from a liquid is gradual and has no landmark to move to; and a
// consonant that espeak-ng makes as the end of the vowel before it (a dark /l/ before a stop)
// gets no time of its own and is dropped (counted in dropped_empty).
#pragma once

#include "runtime/Result.h"
#include "train/PhonemeTimeline.h"
#include "train/RawSpeech.h"

namespace ps::train {

// How to locate the silence that precedes each phoneme event.
enum class SilenceLocation {
    // From the marks' exact positions when espeak-ng's hooks saw every sample, else by finding
    // the mark's silence (its exact sample values) in the audio just before the event.
    Automatic,
    // Always by finding the silence in the audio (for checking it against the exact positions).
    FromAudio,
};

// Counts describing one conversion, for tests and corpus statistics.
struct TimelineDiagnostics {
    int events = 0;                 // phoneme events espeak-ng sent
    int repeated_marks = 0;         // generator marks dropped as repeats (full command queue)
    int phonemes_with_silence = 0;  // phonemes moved earlier over silence they began with
    int unnamed_sounds = 0;         // unnamed, non-pause events merged into a neighbour
    int unmatched_for_stress = 0;   // named events not found in the clause phoneme strings
    int vowels_moved_to_nasal_release = 0;  // vowels started at their nasal's release
    int dropped_empty = 0;                  // named phonemes that lasted no time at all
};

// Error (Internal) when the events and the generator marks do not pair up one to one, which
// would mean espeak-ng behaves differently from the version this was written against (1.51).
Result<PhonemeTimeline> buildPhonemeTimeline(const RawSpeech& speech,
                                             SilenceLocation location = SilenceLocation::Automatic,
                                             TimelineDiagnostics* diagnostics = nullptr);

}  // namespace ps::train
