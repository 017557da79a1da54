// Which mouth shape a phoneme needs: espeak-ng's IPA names (any of its languages, with their
// length marks, nasalisation, tones and other diacritics) sorted into the visual classes of
// speech. Vowels keep their place in the IPA chart, because the jaw and lips follow it closely.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::train {

// Sounds that look alike on the face. Consonants are grouped by what the lips and front teeth
// do; the tongue behind the teeth is mostly invisible, so k, g and h share one class.
enum class Viseme {
    Bilabial,            // p b m: lips together (ɸ β: lips almost together)
    Labiodental,         // f v: lower lip tucked under the upper teeth
    Dental,              // θ ð: tongue tip between the teeth
    Alveolar,            // t d n l s z r: teeth near together, lips neutral
    Postalveolar,        // ʃ ʒ tʃ dʒ: lips rounded and pushed forward
    VelarGlottal,        // k g ŋ h ʔ x: shaped by the neighbouring vowels
    Palatal,             // j ç: lips spread as for i
    RoundedApproximant,  // w ɥ: lips tightly rounded
    Vowel,               // see PhonemeClass::vowel_path
    Unknown,             // nothing recognisable; a neutral, half-relaxed mouth
};

// A vowel's place in the IPA chart.
struct VowelQuality {
    double openness = 0.5;  // close 0 (i, u) … open 1 (a, ɑ): how far the jaw drops
    double backness = 0.5;  // front 0 (i, e) … back 1 (u, ɑ)
    bool rounded = false;   // lips rounded (y, ø, u, o, ɔ)
};

struct PhonemeClass {
    Viseme viseme = Viseme::Unknown;
    // Vowels: the quality, or the qualities a diphthong or triphthong glides through, in order.
    std::vector<VowelQuality> vowel_path;
    // The lips close completely for a moment (p, b, m and their variants: pʰ, mː, ɓ, pf, kp).
    bool lip_closure = false;
    // A consonant said with rounded lips (kʷ, sʷ).
    bool labialised = false;
    // False when the name held a symbol this table does not know; the class is then a guess from
    // the rest of the name, or Unknown.
    bool recognised = true;
};

// Classifies one phoneme as espeak-ng names it in IPA (UTF-8). Stress marks, tone digits and
// letters, length marks, and diacritics (combining marks, modifier letters such as ʰ ʲ) are
// ignored, except that ʷ makes a consonant labialised. A name made of several symbols is read as
// a whole: tʃ is postalveolar, aɪ a diphthong, "ju" a glide into u, "mb" bilabial.
PhonemeClass classifyPhoneme(std::string_view ipa);

// How open the vowel is, 0 (close: i, u) … 1 (open: a, ɑ); a diphthong's is the mean of the
// vowels it glides through. Nothing for consonants and unrecognised names.
std::optional<double> vowelOpenness(std::string_view ipa);

// Whether the lips close completely during the phoneme: p, b, m and their variants.
bool isBilabialStop(std::string_view ipa);

// Which of p, b and m a phone that closes the lips is, by the letters of its name: any m makes it
// the nasal (m, mb, mː), then b (b, bʲ), then p (p, pʰ, kp). 0 for the other bilabials (ɓ, ʙ)
// and for every phone that does not close the lips.
char bilabialLetter(std::string_view ipa);

// "bilabial", "vowel", …: for reports.
std::string_view visemeName(Viseme viseme);

}  // namespace ps::train
