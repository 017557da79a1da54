// The phone sets of festival's and flite's voices, in the IPA that espeak-ng's phonemes are
// named in, so that their segments go through the same viseme classes (VisemeClass.h) and
// targets as espeak-ng's. Each voice names its sounds in its own set: "radio" (the English
// voices, and flite's, which uses the same names), "czech", "finnish", "italian" and
// "upc_catalan-central".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/Result.h"

namespace ps::train {

struct IpaPhone {
    std::string ipa;
    bool stressed = false;  // where the set marks stress on the phone itself (Italian a1)
};

// The phone `name` of `phone_set` in IPA; nullopt for the set's pauses and breaths (silence in a
// PhonemeTimeline). BadInput naming the set and the phone when either is unknown.
Result<std::optional<IpaPhone>> festivalPhoneToIpa(std::string_view phone_set,
                                                   std::string_view name);

}  // namespace ps::train
