#include "train/FestivalPhoneSets.h"

#include <map>

namespace ps::train {
namespace {

using PhoneTable = std::map<std::string, std::string, std::less<>>;

// festvox's radio set (festival's US and UK English voices; flite's cmu_us_* and cmu_uk_*).
const PhoneTable kRadio = {
    {"aa", "ɑ"},  {"ae", "æ"}, {"ah", "ʌ"},  {"ao", "ɔ"}, {"aw", "aʊ"}, {"ax", "ə"},  {"axr", "ə"},
    {"ay", "aɪ"}, {"b", "b"},  {"ch", "tʃ"}, {"d", "d"},  {"dh", "ð"},  {"dx", "ɾ"},  {"eh", "ɛ"},
    {"el", "l"},  {"em", "m"}, {"en", "n"},  {"er", "ɜ"}, {"ey", "eɪ"}, {"f", "f"},   {"g", "ɡ"},
    {"hh", "h"},  {"hv", "h"}, {"ih", "ɪ"},  {"iy", "i"}, {"jh", "dʒ"}, {"k", "k"},   {"l", "l"},
    {"m", "m"},   {"n", "n"},  {"nx", "n"},  {"ng", "ŋ"}, {"ow", "oʊ"}, {"oy", "ɔɪ"}, {"p", "p"},
    {"r", "ɹ"},   {"s", "s"},  {"sh", "ʃ"},  {"t", "t"},  {"th", "θ"},  {"uh", "ʊ"},  {"uw", "u"},
    {"v", "v"},   {"w", "w"},  {"y", "j"},   {"z", "z"},  {"zh", "ʒ"},
};

// festival-czech's set: ~ marks the háček letter, : length, * a voiceless or assimilated form.
const PhoneTable kCzech = {
    {"a", "a"},   {"b", "b"},    {"c", "ts"}, {"c~", "tʃ"}, {"ch", "x"},  {"d", "d"},  {"d~", "ɟ"},
    {"dz", "dz"}, {"dz~", "dʒ"}, {"e", "e"},  {"f", "f"},   {"g", "ɡ"},   {"h", "ɦ"},  {"i", "ɪ"},
    {"j", "j"},   {"k", "k"},    {"l", "l"},  {"m", "m"},   {"n", "n"},   {"n*", "ŋ"}, {"n~", "ɲ"},
    {"o", "o"},   {"p", "p"},    {"r", "r"},  {"r~", "r̝"},  {"r~*", "r̝"}, {"s", "s"},  {"s~", "ʃ"},
    {"t", "t"},   {"t~", "c"},   {"u", "u"},  {"v", "v"},   {"z", "z"},   {"z~", "ʒ"},
};

// suopuhe's Finnish set: @ is ä, 7 is ö, & the front open vowel of loanwords; : is length.
const PhoneTable kFinnish = {
    {"a", "ɑ"}, {"e", "e"}, {"i", "i"}, {"o", "o"}, {"u", "u"}, {"y", "y"}, {"@", "æ"}, {"7", "ø"},
    {"&", "æ"}, {"p", "p"}, {"t", "t"}, {"k", "k"}, {"b", "b"}, {"d", "d"}, {"g", "ɡ"}, {"f", "f"},
    {"T", "θ"}, {"D", "ð"}, {"s", "s"}, {"z", "z"}, {"S", "ʃ"}, {"Z", "ʒ"}, {"h", "h"}, {"v", "ʋ"},
    {"m", "m"}, {"n", "n"}, {"N", "ŋ"}, {"l", "l"}, {"L", "ʎ"}, {"r", "r"}, {"j", "j"}, {"w", "w"},
};

// festival-it's Italian set: a final 1 marks the stressed vowel.
const PhoneTable kItalian = {
    {"i", "i"},   {"e", "e"},   {"E", "ɛ"},   {"a", "a"},   {"o", "o"}, {"O", "ɔ"}, {"u", "u"},
    {"j", "j"},   {"w", "w"},   {"p", "p"},   {"t", "t"},   {"k", "k"}, {"b", "b"}, {"d", "d"},
    {"g", "ɡ"},   {"f", "f"},   {"s", "s"},   {"S", "ʃ"},   {"v", "v"}, {"z", "z"}, {"Z", "ʒ"},
    {"ts", "ts"}, {"tS", "tʃ"}, {"dz", "dz"}, {"dZ", "dʒ"}, {"m", "m"}, {"n", "n"}, {"J", "ɲ"},
    {"ng", "ŋ"},  {"nf", "ɱ"},  {"l", "l"},   {"L", "ʎ"},   {"r", "r"},
};

// UPC's central Catalan set: a final 1 marks the stressed vowel, ax is the neutral vowel.
const PhoneTable kCatalan = {
    {"ax", "ə"}, {"a", "a"}, {"b", "b"}, {"d", "d"}, {"e", "e"}, {"E", "ɛ"}, {"f", "f"},
    {"g", "ɡ"},  {"i", "i"}, {"j", "j"}, {"J", "ɲ"}, {"k", "k"}, {"l", "l"}, {"L", "ʎ"},
    {"m", "m"},  {"n", "n"}, {"o", "o"}, {"O", "ɔ"}, {"p", "p"}, {"r", "ɾ"}, {"rr", "r"},
    {"s", "s"},  {"S", "ʃ"}, {"t", "t"}, {"u", "u"}, {"w", "w"}, {"z", "z"}, {"Z", "ʒ"},
};

struct PhoneSet {
    std::string_view name;
    const PhoneTable* table;
    bool stress_suffix;  // a final 1 marks stress
    bool length_suffix;  // a final : marks length
};

const PhoneSet kSets[] = {
    {"radio", &kRadio, false, false},
    {"czech", &kCzech, false, true},
    {"finnish", &kFinnish, false, true},
    {"italian", &kItalian, true, false},
    {"upc_catalan-central", &kCatalan, true, false},
};

bool isPause(std::string_view name) {
    return name == "pau" || name == "h#" || name == "brth" || name == "#" || name == "##" ||
           name == "_";
}

}  // namespace

Result<std::optional<IpaPhone>> festivalPhoneToIpa(std::string_view phone_set,
                                                   std::string_view name) {
    const PhoneSet* set = nullptr;
    for (const PhoneSet& s : kSets) {
        if (s.name == phone_set) {
            set = &s;
        }
    }
    if (set == nullptr) {
        return badInput(std::string(phone_set), "not a festival phone set this tool knows");
    }
    if (isPause(name)) {
        return std::optional<IpaPhone>();
    }
    IpaPhone phone;
    std::string_view base = name;
    bool long_phone = false;
    if (set->stress_suffix && base.size() > 1 && base.back() == '1') {
        phone.stressed = true;
        base.remove_suffix(1);
    }
    if (set->length_suffix && base.size() > 1 && base.back() == ':') {
        long_phone = true;
        base.remove_suffix(1);
    }
    const auto found = set->table->find(base);
    if (found == set->table->end()) {
        return badInput(std::string(phone_set),
                        "the festival phone set has no phone \"" + std::string(name) + "\"");
    }
    phone.ipa = found->second + (long_phone ? "ː" : "");
    return std::optional<IpaPhone>(std::move(phone));
}

}  // namespace ps::train
