// The languages and voice variants the installed espeak-ng offers, as espeak-ng names them.
#pragma once

#include <string>
#include <vector>

namespace ps::train {

enum class VoiceGender { Unspecified = 0, Male = 1, Female = 2 };

// A voice variant: a file in espeak-ng-data/voices/!v that changes pitch, formants, breathiness,
// echo or the synthesiser (Klatt) of any language's voice.
struct VoiceVariant {
    std::string id;    // the file name, which is what follows "+" in a voice name: "m3", "klatt"
    std::string name;  // the name inside the file, e.g. "Adam" for "adam", "male3" for "m3"
    VoiceGender gender = VoiceGender::Unspecified;
};

// A language voice: a file in espeak-ng-data/lang (or voices) for one language or dialect.
struct VoiceLanguage {
    std::string code;        // the language it speaks first, e.g. "en-gb", "cmn-latn-pinyin"
    std::string name;        // espeak-ng's name for it, e.g. "English_(Great_Britain)"
    std::string identifier;  // its file under espeak-ng-data/lang, e.g. "gmw/en"
};

struct VoiceCatalogue {
    std::vector<VoiceLanguage> languages;
    std::vector<VoiceVariant> variants;
};

}  // namespace ps::train
