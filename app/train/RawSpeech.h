// Everything espeak-ng reported while speaking one utterance, before any interpretation: its
// samples at its own rate, its phoneme events, the marks its sound generator passed, and the
// phoneme string of each clause. EspeakCapture records it (in a child process); the timeline
// builder turns it into a PhonemeTimeline.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ps::train {

// espeak-ng's phoneme types (phoneme.h, which is not installed), those the timeline needs.
constexpr int kEspeakPhonemeTypePause = 0;
constexpr int kEspeakPhonemeTypeVowel = 2;
constexpr int kEspeakPhonemeTypeNasal = 8;

// What EspeakCapture asks espeak-ng to put between the phonemes of a word in the clause strings:
// a character no IPA name contains.
constexpr char kClausePhonemeSeparator = '|';

// An espeakEVENT_PHONEME event. espeak-ng sends one per phoneme except word-end markers, at the
// exact sample where it queued it: after any silence the phoneme begins with (a stop's closure),
// and for a vowel after a nasal or liquid, after the vowel's onset. Its name is IPA, cut to 8
// bytes by the event's fixed-size field.
struct EspeakPhonemeEvent {
    int64_t sample = 0;
    std::string name;
    int output_block = 0;  // the block of audio it came with (0 = the first)
};

// The generator's own mark for each phoneme (espeak-ng's output hook outputPhoSymbol), given
// when it starts that phoneme's sound — before the silence a stop begins with, which its
// phoneme event comes after. espeak-ng sends a mark again whenever its command queue was full
// when the phoneme was queued, so a mark may repeat with nothing between the copies.
struct EspeakGeneratorMark {
    std::string mnemonic;  // espeak-ng's ASCII name ("p", "a#", "_:"), empty for a word end
    int type = 0;          // espeak-ng's phoneme type; kEspeakPhonemeTypePause for pauses
    // Samples the sample hooks had reported before this mark. The hooks report every sample
    // except those of the Klatt synthesiser, so this is the exact position only when
    // RawSpeech::positions_exact is true.
    int64_t hooked_position = 0;
    // The block of audio being generated when the mark came (0 = the first). espeak-ng makes its
    // audio in blocks of about 50 ms and hands each over with the events that fell in it, so
    // this orders marks and events to within a block when positions are not exact.
    int output_block = 0;
    // The silence generated right after the mark, sample by sample, until the next sound or
    // mark (all zeros, or the voice's echo where it has one). The hooks do not see the Klatt
    // synthesiser's sound, so under it a run can reach past sound to later silence; the builder
    // only uses the part that matches the audio right before the phoneme's event.
    std::vector<int16_t> silence;
};

struct RawSpeech {
    int sample_rate_hz = 0;
    std::vector<int16_t> samples;  // mono
    std::vector<EspeakPhonemeEvent> events;
    std::vector<EspeakGeneratorMark> marks;
    // Each clause's phonemes in IPA with espeak-ng's stress marks (ˈ primary, ˌ secondary) before
    // stressed syllables; phonemes separated by kClausePhonemeSeparator inside a word and by ' '
    // between words.
    std::vector<std::string> clause_phonemes;
    // True when the sample hooks saw every sample (no Klatt synthesis), so that each mark's
    // hooked_position is where it happened in `samples`.
    bool positions_exact = false;
};

}  // namespace ps::train
