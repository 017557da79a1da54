#include "train/VisemeClass.h"

#include <algorithm>
#include <cstddef>

namespace ps::train {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// UTF-8 to code points; a malformed byte becomes U+FFFD, which no table knows, so the name is
// reported rather than silently misread.
std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int length = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            length = 1;
            cp = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            cp = lead & 0x07;
        }
        bool valid = length > 0 && i + static_cast<size_t>(length) <= text.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
            valid = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        out.push_back(valid ? cp : kReplacement);
        i += valid ? static_cast<size_t>(length) : 1;
    }
    return out;
}

constexpr char32_t kLabialisation = U'ʷ';

// Marks on a phoneme that change its sound but not the mouth's shape enough to matter here:
// stress, length, tone (digits and tone letters), diacritics (nasalisation, syllabicity,
// dentality, tie bars…), modifier letters (aspiration ʰ, palatalisation ʲ, ejective ʼ,
// prenasalisation ᵐ), and the ASCII punctuation espeak-ng sometimes leaves in a name.
bool isIgnorable(char32_t cp) {
    if (cp < 0x80) {
        return cp <= 0x20 || (cp >= '0' && cp <= '9') ||
               std::u32string_view(U".,:;-_?!'\"#%=+^*()[]/|~<>@&`{}$\\").find(cp) !=
                   std::u32string_view::npos;
    }
    return (cp >= 0x02B0 && cp <= 0x02FF) ||  // spacing modifier letters: ʰ ʲ ʼ ˈ ˌ ː ˞ ˥…˩
           (cp >= 0x0300 && cp <= 0x036F) ||  // combining diacritics: ̃ ̩ ̪ ̯ ͡ …
           (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) ||  // more combining marks
           (cp >= 0x1D2C && cp <= 0x1D6A) ||  // modifier letters: ᵐ ᵝ ᵑ …
           (cp >= 0x1D9B && cp <= 0x1DBF) ||  // more modifier letters
           (cp >= 0x2070 && cp <= 0x209F) ||  // superscripts and subscripts: ⁿ
           (cp >= 0xA700 && cp <= 0xA71F) ||  // modifier tone letters
           cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
}

// Precomposed letters with a diacritic (ä, é, õ, ǎ…), which some names carry instead of the base
// letter and a combining mark: read as the base letter, as the combining form is.
char32_t withoutPrecomposedMark(char32_t cp) {
    struct Family {
        char32_t base;
        std::u32string_view marked;
    };
    static constexpr Family kFamilies[] = {
        {U'a', U"àáâãäåāăąǎȁȃȧạảấầẩẫậắằẳẵặ"},
        {U'e', U"èéêëēĕėęěȅȇẹẻẽếềểễệ"},
        {U'i', U"ìíîïĩīĭįǐȉȋịỉ"},
        {U'o', U"òóôõöōŏőǒȍȏȯọỏốồổỗộớờởỡợ"},
        {U'u', U"ùúûüũūŭůűųǔǖǘǚǜȕȗụủ"},
        {U'y', U"ýÿŷỳỹỵ"},
    };
    for (const Family& family : kFamilies) {
        if (family.marked.find(cp) != std::u32string_view::npos) {
            return family.base;
        }
    }
    return cp;
}

struct VowelEntry {
    char32_t symbol;
    VowelQuality quality;
};

// The IPA vowel chart: its seven heights (close, near-close, close-mid, mid, open-mid, near-open,
// open) evenly spaced from 0 to 1, and backness from front 0 to back 1. Also the few
// non-standard letters some transcriptions use for the same vowels (ε for ɛ, ɩ for ɪ, ɷ for ʊ,
// the sinologists' apical ɿ ʅ ʮ ʯ).
constexpr double kClose = 0.0, kNearClose = 1.0 / 6, kCloseMid = 2.0 / 6, kMid = 3.0 / 6,
                 kOpenMid = 4.0 / 6, kNearOpen = 5.0 / 6, kOpen = 1.0;
constexpr double kFront = 0.0, kNearFront = 0.2, kCentral = 0.5, kNearBack = 0.8, kBack = 1.0;

const VowelEntry kVowels[] = {
    {U'i', {kClose, kFront, false}},
    {U'y', {kClose, kFront, true}},
    {U'ɨ', {kClose, kCentral, false}},
    {U'ʉ', {kClose, kCentral, true}},
    {U'ɯ', {kClose, kBack, false}},
    {U'u', {kClose, kBack, true}},
    {U'ɿ', {kClose, kCentral, false}},
    {U'ʅ', {kClose, kCentral, false}},
    {U'ʮ', {kClose, kCentral, true}},
    {U'ʯ', {kClose, kCentral, true}},
    {U'ɪ', {kNearClose, kNearFront, false}},
    {U'ɩ', {kNearClose, kNearFront, false}},
    {U'ʏ', {kNearClose, kNearFront, true}},
    {U'ᵻ', {kNearClose, kCentral, false}},
    {U'ᵿ', {kNearClose, kCentral, true}},
    {U'ʊ', {kNearClose, kNearBack, true}},
    {U'ɷ', {kNearClose, kNearBack, true}},
    {U'e', {kCloseMid, kFront, false}},
    {U'ø', {kCloseMid, kFront, true}},
    {U'ɘ', {kCloseMid, kCentral, false}},
    {U'ɵ', {kCloseMid, kCentral, true}},
    {U'ɤ', {kCloseMid, kBack, false}},
    {U'o', {kCloseMid, kBack, true}},
    {U'ə', {kMid, kCentral, false}},
    {U'ɚ', {kMid, kCentral, false}},
    {U'ɛ', {kOpenMid, kFront, false}},
    {U'ε', {kOpenMid, kFront, false}},
    {U'œ', {kOpenMid, kFront, true}},
    {U'ɜ', {kOpenMid, kCentral, false}},
    {U'ɝ', {kOpenMid, kCentral, false}},
    {U'ɞ', {kOpenMid, kCentral, true}},
    {U'ʌ', {kOpenMid, kBack, false}},
    {U'ɔ', {kOpenMid, kBack, true}},
    {U'æ', {kNearOpen, kFront, false}},
    {U'ɐ', {kNearOpen, kCentral, false}},
    {U'a', {kOpen, kNearFront, false}},
    {U'ɶ', {kOpen, kFront, true}},
    {U'ɑ', {kOpen, kBack, false}},
    {U'ɒ', {kOpen, kBack, true}},
};

struct ConsonantEntry {
    char32_t symbol;
    Viseme viseme;
    bool closure;  // a full stop or nasal at the lips
};

const ConsonantEntry kConsonants[] = {
    // Lips together; ɸ β ʙ bring them close but leave air through.
    {U'p', Viseme::Bilabial, true},
    {U'b', Viseme::Bilabial, true},
    {U'm', Viseme::Bilabial, true},
    {U'ɓ', Viseme::Bilabial, true},
    {U'ɸ', Viseme::Bilabial, false},
    {U'β', Viseme::Bilabial, false},
    {U'ʙ', Viseme::Bilabial, false},
    {U'ʘ', Viseme::Bilabial, false},
    {U'f', Viseme::Labiodental, false},
    {U'v', Viseme::Labiodental, false},
    {U'ɱ', Viseme::Labiodental, false},
    {U'ʋ', Viseme::Labiodental, false},
    {U'ⱱ', Viseme::Labiodental, false},
    {U'θ', Viseme::Dental, false},
    {U'ð', Viseme::Dental, false},
    // Tongue tip or blade at or behind the teeth ridge, retroflexes and clicks included: the lips
    // stay neutral and the teeth near together.
    {U't', Viseme::Alveolar, false},
    {U'd', Viseme::Alveolar, false},
    {U'n', Viseme::Alveolar, false},
    {U'l', Viseme::Alveolar, false},
    {U's', Viseme::Alveolar, false},
    {U'z', Viseme::Alveolar, false},
    {U'r', Viseme::Alveolar, false},
    {U'ɾ', Viseme::Alveolar, false},
    {U'ɹ', Viseme::Alveolar, false},
    {U'ɺ', Viseme::Alveolar, false},
    {U'ɬ', Viseme::Alveolar, false},
    {U'ɮ', Viseme::Alveolar, false},
    {U'ɫ', Viseme::Alveolar, false},
    {U'ʈ', Viseme::Alveolar, false},
    {U'ɖ', Viseme::Alveolar, false},
    {U'ɳ', Viseme::Alveolar, false},
    {U'ɭ', Viseme::Alveolar, false},
    {U'ɻ', Viseme::Alveolar, false},
    {U'ɽ', Viseme::Alveolar, false},
    {U'ɗ', Viseme::Alveolar, false},
    {U'ʦ', Viseme::Alveolar, false},
    {U'ʣ', Viseme::Alveolar, false},
    {U'ǀ', Viseme::Alveolar, false},
    {U'ǃ', Viseme::Alveolar, false},
    {U'ǁ', Viseme::Alveolar, false},
    {U'ǂ', Viseme::Alveolar, false},
    // Hushing sounds: the lips round and push forward (ɧ, Swedish sj, too).
    {U'ʃ', Viseme::Postalveolar, false},
    {U'ʒ', Viseme::Postalveolar, false},
    {U'ɕ', Viseme::Postalveolar, false},
    {U'ʑ', Viseme::Postalveolar, false},
    {U'ʂ', Viseme::Postalveolar, false},
    {U'ʐ', Viseme::Postalveolar, false},
    {U'ʧ', Viseme::Postalveolar, false},
    {U'ʤ', Viseme::Postalveolar, false},
    {U'ʨ', Viseme::Postalveolar, false},
    {U'ʥ', Viseme::Postalveolar, false},
    {U'ɧ', Viseme::Postalveolar, false},
    {U'j', Viseme::Palatal, false},
    {U'ç', Viseme::Palatal, false},
    {U'ʝ', Viseme::Palatal, false},
    {U'c', Viseme::Palatal, false},
    {U'ɟ', Viseme::Palatal, false},
    {U'ɲ', Viseme::Palatal, false},
    {U'ʎ', Viseme::Palatal, false},
    {U'ʄ', Viseme::Palatal, false},
    // Made far back: what shows is the neighbouring vowels' mouth.
    {U'k', Viseme::VelarGlottal, false},
    {U'ɡ', Viseme::VelarGlottal, false},
    {U'g', Viseme::VelarGlottal, false},
    {U'ŋ', Viseme::VelarGlottal, false},
    {U'x', Viseme::VelarGlottal, false},
    {U'ɣ', Viseme::VelarGlottal, false},
    {U'ɰ', Viseme::VelarGlottal, false},
    {U'ʟ', Viseme::VelarGlottal, false},
    {U'ɠ', Viseme::VelarGlottal, false},
    {U'ʛ', Viseme::VelarGlottal, false},
    {U'q', Viseme::VelarGlottal, false},
    {U'ɢ', Viseme::VelarGlottal, false},
    {U'ɴ', Viseme::VelarGlottal, false},
    {U'χ', Viseme::VelarGlottal, false},
    {U'ʁ', Viseme::VelarGlottal, false},
    {U'ʀ', Viseme::VelarGlottal, false},
    {U'ħ', Viseme::VelarGlottal, false},
    {U'ʕ', Viseme::VelarGlottal, false},
    {U'ʜ', Viseme::VelarGlottal, false},
    {U'ʢ', Viseme::VelarGlottal, false},
    {U'ʡ', Viseme::VelarGlottal, false},
    {U'h', Viseme::VelarGlottal, false},
    {U'ɦ', Viseme::VelarGlottal, false},
    {U'ʔ', Viseme::VelarGlottal, false},
    {U'w', Viseme::RoundedApproximant, false},
    {U'ɥ', Viseme::RoundedApproximant, false},
    {U'ʍ', Viseme::RoundedApproximant, false},
};

const VowelQuality* findVowel(char32_t cp) {
    for (const VowelEntry& entry : kVowels) {
        if (entry.symbol == cp) {
            return &entry.quality;
        }
    }
    return nullptr;
}

const ConsonantEntry* findConsonant(char32_t cp) {
    for (const ConsonantEntry& entry : kConsonants) {
        if (entry.symbol == cp) {
            return &entry;
        }
    }
    return nullptr;
}

// Inside a vowel name ("ja", "wo", "ɥi"), a glide is the vowel it starts from.
std::optional<VowelQuality> glideQuality(char32_t cp) {
    switch (cp) {
        case U'j':
            return VowelQuality{kClose, kFront, false};
        case U'w':
            return VowelQuality{kClose, kBack, true};
        case U'ɥ':
            return VowelQuality{kClose, kFront, true};
        case U'ɰ':
            return VowelQuality{kClose, kBack, false};
        default:
            return std::nullopt;
    }
}

// When several consonants make one phoneme (affricates, clusters, prenasalised stops), the one
// the eye sees most wins: lips over teeth over tongue.
int visibility(Viseme viseme) {
    switch (viseme) {
        case Viseme::Bilabial:
            return 7;
        case Viseme::Labiodental:
            return 6;
        case Viseme::RoundedApproximant:
            return 5;
        case Viseme::Postalveolar:
            return 4;
        case Viseme::Dental:
            return 3;
        case Viseme::Palatal:
            return 2;
        case Viseme::Alveolar:
            return 1;
        default:
            return 0;
    }
}

bool sameQuality(const VowelQuality& a, const VowelQuality& b) {
    return a.openness == b.openness && a.backness == b.backness && a.rounded == b.rounded;
}

// Consecutive repeats say nothing about the mouth ("ɔːɔː"), and espeak-ng writes some Chinese
// finals twice over ("əʊəʊ"): both are one glide.
void collapseRepeats(std::vector<VowelQuality>& path) {
    path.erase(std::unique(path.begin(), path.end(), sameQuality), path.end());
    const size_t half = path.size() / 2;
    if (half > 0 && path.size() % 2 == 0 &&
        std::equal(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(half),
                   path.begin() + static_cast<std::ptrdiff_t>(half), sameQuality)) {
        path.resize(half);
    }
}

}  // namespace

PhonemeClass classifyPhoneme(std::string_view ipa) {
    PhonemeClass result;
    std::vector<char32_t> symbols;
    for (const char32_t marked : decodeUtf8(ipa)) {
        const char32_t cp = withoutPrecomposedMark(marked);
        if (cp == kLabialisation) {
            result.labialised = true;
        } else if (!isIgnorable(cp)) {
            symbols.push_back(cp);
        }
    }

    bool has_vowel = false;
    for (const char32_t cp : symbols) {
        has_vowel = has_vowel || findVowel(cp) != nullptr;
    }
    // espeak-ng's tone languages (Vietnamese, Thai, Mandarin) write one of their tones as a
    // trailing ɜ after the vowel ("aɜ", "iɛɜ"); no diphthong ends in ɜ, so there it is a tone.
    if (symbols.size() >= 2 && symbols.back() == U'ɜ' &&
        std::any_of(symbols.begin(), symbols.end() - 1,
                    [](char32_t cp) { return findVowel(cp) != nullptr; })) {
        symbols.pop_back();
    }

    const ConsonantEntry* strongest = nullptr;
    for (const char32_t cp : symbols) {
        if (const VowelQuality* vowel = findVowel(cp)) {
            result.vowel_path.push_back(*vowel);
        } else if (const ConsonantEntry* consonant = findConsonant(cp)) {
            if (has_vowel) {
                // In a vowel's name a glide starts the vowel; other consonants there (the
                // glottal onset in "ʔa", the nasal coda in "aŋ") barely show and are skipped.
                if (const auto glide = glideQuality(cp)) {
                    result.vowel_path.push_back(*glide);
                }
                continue;
            }
            result.lip_closure = result.lip_closure || consonant->closure;
            if (strongest == nullptr ||
                visibility(consonant->viseme) > visibility(strongest->viseme)) {
                strongest = consonant;
            }
        } else {
            result.recognised = false;
        }
    }

    if (has_vowel) {
        collapseRepeats(result.vowel_path);
        result.viseme = Viseme::Vowel;
        result.labialised = false;
    } else if (strongest != nullptr) {
        result.viseme = strongest->viseme;
    } else {
        // Nothing known (or nothing at all once the marks are gone): a neutral mouth.
        result.viseme = Viseme::Unknown;
        result.recognised = false;
    }
    return result;
}

std::optional<double> vowelOpenness(std::string_view ipa) {
    const PhonemeClass phoneme = classifyPhoneme(ipa);
    if (phoneme.viseme != Viseme::Vowel || phoneme.vowel_path.empty()) {
        return std::nullopt;
    }
    double sum = 0.0;
    for (const VowelQuality& quality : phoneme.vowel_path) {
        sum += quality.openness;
    }
    return sum / static_cast<double>(phoneme.vowel_path.size());
}

bool isBilabialStop(std::string_view ipa) {
    return classifyPhoneme(ipa).lip_closure;
}

char bilabialLetter(std::string_view ipa) {
    if (!isBilabialStop(ipa)) {
        return 0;
    }
    for (char letter : {'m', 'b', 'p'}) {
        if (ipa.find(letter) != std::string_view::npos) {
            return letter;
        }
    }
    return 0;
}

std::string_view visemeName(Viseme viseme) {
    switch (viseme) {
        case Viseme::Bilabial:
            return "bilabial";
        case Viseme::Labiodental:
            return "labiodental";
        case Viseme::Dental:
            return "dental";
        case Viseme::Alveolar:
            return "alveolar";
        case Viseme::Postalveolar:
            return "postalveolar";
        case Viseme::VelarGlottal:
            return "velar/glottal";
        case Viseme::Palatal:
            return "palatal";
        case Viseme::RoundedApproximant:
            return "rounded approximant";
        case Viseme::Vowel:
            return "vowel";
        case Viseme::Unknown:
            return "unknown";
    }
    return "unknown";
}

}  // namespace ps::train
