#include "train/PhonemeTimelineBuilder.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "train/NasalReleaseFinder.h"

namespace ps::train {
namespace {

constexpr const char* kPrimaryStress = "\u02C8";    // ˈ
constexpr const char* kSecondaryStress = "\u02CC";  // ˌ
// The phoneme event's name field holds 8 bytes; a name that fills it may have been cut.
constexpr size_t kEventNameBytes = 8;
// How many clause tokens ahead an event's name is looked for before it counts as unmatched.
constexpr size_t kStressLookahead = 4;

// Whether `next` may be a copy of `mark`: the same phoneme again with no silence, no hooked
// sample and no block of audio handed over in between.
bool mayRepeat(const EspeakGeneratorMark& mark, const EspeakGeneratorMark& next) {
    return mark.mnemonic == next.mnemonic && mark.silence.empty() &&
           mark.hooked_position == next.hooked_position && mark.output_block == next.output_block;
}

// Whether `event` can belong to the run of copies that ends with `last_copy`, given the mark
// after the run (`next`, or nullptr at the end).
bool canPair(const RawSpeech& speech, const EspeakPhonemeEvent& event,
             const EspeakGeneratorMark& last_copy, const EspeakGeneratorMark* next) {
    // The event comes after its marks and before the next phoneme's mark.
    if (event.output_block < last_copy.output_block ||
        (next != nullptr && event.output_block > next->output_block)) {
        return false;
    }
    if (speech.positions_exact && (event.sample < last_copy.hooked_position ||
                                   (next != nullptr && event.sample > next->hooked_position))) {
        return false;
    }
    return true;
}

// Pairs each phoneme event with its generator mark, or returns an empty list when they cannot be
// paired. Word-end marks have no event and are dropped. espeak-ng processes a phoneme's marks
// and then its event, phoneme after phoneme, and sends a phoneme's mark again for as long as its
// command queue is full: the marks fall into runs of copies, one run per event. A run of
// look-alike marks can also be two real phonemes (the "a a" of "haurra anaia"), which only the
// order against the events tells apart: a dynamic programme finds the split into runs that fits
// the events' blocks (and positions, when exact). Where several splits fit, they differ only in
// which of identical copies is kept, so any of them gives the same timeline; the last copy of
// each run is kept, since any silence after it is the phoneme's.
std::vector<const EspeakGeneratorMark*> pairMarks(const RawSpeech& speech) {
    std::vector<const EspeakGeneratorMark*> marks;
    for (const EspeakGeneratorMark& mark : speech.marks) {
        if (!mark.mnemonic.empty()) {
            marks.push_back(&mark);
        }
    }
    const std::vector<EspeakPhonemeEvent>& events = speech.events;
    const size_t n = events.size();
    const size_t m = marks.size();
    if (m < n) {
        return {};
    }
    // run_start[i * (m + 1) + k]: where the run for event i - 1 that ends at mark k begins when
    // the first i events can be paired with the first k marks; kNone when they cannot.
    constexpr size_t kNone = static_cast<size_t>(-1);
    std::vector<size_t> run_start((n + 1) * (m + 1), kNone);
    run_start[0] = 0;
    for (size_t i = 0; i < n; ++i) {
        for (size_t first = i; first < m; ++first) {
            if (run_start[i * (m + 1) + first] == kNone) {
                continue;
            }
            for (size_t end = first + 1; end <= m; ++end) {
                if (end > first + 1 && !mayRepeat(*marks[end - 2], *marks[end - 1])) {
                    break;
                }
                const EspeakGeneratorMark* next = end < m ? marks[end] : nullptr;
                if (canPair(speech, events[i], *marks[end - 1], next)) {
                    run_start[(i + 1) * (m + 1) + end] = first;
                }
            }
        }
    }
    if (run_start[n * (m + 1) + m] == kNone) {
        return {};
    }
    std::vector<const EspeakGeneratorMark*> paired(n);
    for (size_t i = n, end = m; i > 0; --i) {
        paired[i - 1] = marks[end - 1];
        end = run_start[i * (m + 1) + end];
    }
    return paired;
}

// The largest p such that `text` ends with pattern[0, p) (Knuth–Morris–Pratt), i.e. how much of
// a mark's silence lies right before its event in the audio.
size_t longestPrefixEndingText(const int16_t* text, size_t text_size,
                               const std::vector<int16_t>& pattern) {
    const size_t m = pattern.size();
    if (m == 0 || text_size == 0) {
        return 0;
    }
    std::vector<size_t> border(m, 0);  // border[i]: longest proper border of pattern[0, i]
    for (size_t i = 1, k = 0; i < m; ++i) {
        while (k > 0 && pattern[i] != pattern[k]) {
            k = border[k - 1];
        }
        if (pattern[i] == pattern[k]) {
            ++k;
        }
        border[i] = k;
    }
    size_t matched = 0;
    for (size_t i = 0; i < text_size; ++i) {
        while (matched > 0 && (matched == m || pattern[matched] != text[i])) {
            matched = border[matched - 1];
        }
        if (pattern[matched] == text[i]) {
            ++matched;
        }
    }
    return matched;
}

// Samples of silence the phoneme began with before its event, at most `room` (the distance to
// the previous event: a phoneme's sound starts after the previous phoneme's event).
int64_t leadingSilence(const RawSpeech& speech, const EspeakGeneratorMark& mark, int64_t event,
                       int64_t room, SilenceLocation location) {
    const auto run = static_cast<int64_t>(mark.silence.size());
    if (run == 0 || room <= 0) {
        return 0;
    }
    if (location == SilenceLocation::Automatic && speech.positions_exact) {
        // Everything between the mark and the event is silence when the run reaches the event;
        // otherwise sound came first (a vowel's onset) and the event stands.
        const int64_t before = event - mark.hooked_position;
        return (before > 0 && before <= run) ? std::min(before, room) : 0;
    }
    const int64_t window = std::min({run, room, event});
    return static_cast<int64_t>(longestPrefixEndingText(speech.samples.data() + (event - window),
                                                        static_cast<size_t>(window), mark.silence));
}

// Cuts a name the event field truncated back to whole UTF-8 characters.
std::string wholeCharacters(std::string name) {
    if (name.size() < kEventNameBytes) {
        return name;
    }
    size_t end = name.size();
    size_t start = end;
    while (start > 0 && (static_cast<unsigned char>(name[start - 1]) & 0xC0) == 0x80) {
        --start;
    }
    if (start > 0) {
        const auto lead = static_cast<unsigned char>(name[start - 1]);
        const size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (end - (start - 1) < length) {
            end = start - 1;
        }
    }
    name.resize(end);
    return name;
}

struct ClauseToken {
    std::string phonemes;  // one or more phoneme names (a superscript joins its predecessor)
    bool stressed = false;
};

std::vector<ClauseToken> clauseTokens(const std::vector<std::string>& clauses) {
    std::vector<ClauseToken> tokens;
    for (const std::string& clause : clauses) {
        size_t start = 0;
        while (start <= clause.size()) {
            size_t end = clause.find_first_of(std::string(" ") + kClausePhonemeSeparator, start);
            if (end == std::string::npos) {
                end = clause.size();
            }
            std::string text = clause.substr(start, end - start);
            ClauseToken token;
            for (const char* mark : {kPrimaryStress, kSecondaryStress}) {
                const std::string stress(mark);
                while (text.compare(0, stress.size(), stress) == 0) {
                    text.erase(0, stress.size());
                    token.stressed = true;
                }
            }
            if (!text.empty()) {
                token.phonemes = std::move(text);
                tokens.push_back(std::move(token));
            }
            start = end + 1;
        }
    }
    return tokens;
}

enum class EntryKind { Named, Pause, Unnamed };

struct Entry {
    EntryKind kind = EntryKind::Named;
    int type = 0;  // espeak-ng's phoneme type
    std::string ipa;
    int64_t event = 0;  // where espeak-ng's event put it
    int64_t start = 0;  // where its sound starts
    bool stressed = false;
};

// Moves each vowel that follows a nasal back to the nasal's release (see NasalReleaseFinder.h).
// The release is looked for in the later 70% of the span between the two events, which leaves
// out the nasal's own onset; where none is clear, the event stands.
int moveVowelsToNasalReleases(std::vector<Entry>& entries, const RawSpeech& speech) {
    const NasalReleaseFinder finder(speech.samples, speech.sample_rate_hz);
    int moved = 0;
    for (size_t i = 1; i < entries.size(); ++i) {
        const Entry& nasal = entries[i - 1];
        Entry& vowel = entries[i];
        if (vowel.type != kEspeakPhonemeTypeVowel || nasal.type != kEspeakPhonemeTypeNasal ||
            nasal.kind != EntryKind::Named || vowel.start != vowel.event) {
            continue;
        }
        const int64_t from = nasal.event + (vowel.event - nasal.event) * 3 / 10;
        if (std::optional<int64_t> release = finder.find(from, vowel.event)) {
            vowel.start = *release;
            ++moved;
        }
    }
    return moved;
}

// Flags the named entries whose phoneme carries a stress mark in the clause strings. Both come
// from espeak-ng's phoneme list in the same order, so a forward walk pairs them.
int markStress(std::vector<Entry>& entries, const std::vector<std::string>& clauses) {
    const std::vector<ClauseToken> tokens = clauseTokens(clauses);
    size_t token = 0;
    size_t offset = 0;  // within tokens[token], after the phonemes already paired
    int unmatched = 0;
    for (Entry& entry : entries) {
        if (entry.kind != EntryKind::Named) {
            continue;
        }
        bool found = false;
        for (size_t look = token; look < std::min(tokens.size(), token + kStressLookahead);
             ++look) {
            const size_t from = look == token ? offset : 0;
            const std::string& text = tokens[look].phonemes;
            if (text.compare(from, entry.ipa.size(), entry.ipa) == 0) {
                entry.stressed = tokens[look].stressed && from == 0;
                token = look;
                offset = from + entry.ipa.size();
                found = true;
                break;
            }
        }
        unmatched += found ? 0 : 1;
    }
    return unmatched;
}

}  // namespace

Result<PhonemeTimeline> buildPhonemeTimeline(const RawSpeech& speech, SilenceLocation location,
                                             TimelineDiagnostics* diagnostics) {
    TimelineDiagnostics counts;
    counts.events = static_cast<int>(speech.events.size());
    if (speech.sample_rate_hz <= 0) {
        return internalError("espeak-ng reported no sample rate");
    }
    const std::vector<const EspeakGeneratorMark*> marks = pairMarks(speech);
    counts.repeated_marks = 0;
    for (const EspeakGeneratorMark& mark : speech.marks) {
        counts.repeated_marks += mark.mnemonic.empty() ? 0 : 1;
    }
    counts.repeated_marks -= static_cast<int>(speech.events.size());
    if (marks.size() != speech.events.size()) {
        return internalError("espeak-ng's " + std::to_string(speech.events.size()) +
                             " phoneme events and " + std::to_string(speech.marks.size()) +
                             " generator marks do not pair up");
    }

    const auto total = static_cast<int64_t>(speech.samples.size());
    std::vector<Entry> entries;
    entries.reserve(speech.events.size());
    int64_t previous_event = 0;
    for (size_t i = 0; i < speech.events.size(); ++i) {
        const EspeakPhonemeEvent& event = speech.events[i];
        const int64_t at = std::clamp<int64_t>(event.sample, previous_event, total);
        const int64_t silence =
            leadingSilence(speech, *marks[i], at, at - previous_event, location);
        counts.phonemes_with_silence += silence > 0 ? 1 : 0;

        Entry entry;
        entry.type = marks[i]->type;
        entry.event = at;
        entry.start = at - silence;
        entry.ipa = wholeCharacters(event.name);
        if (marks[i]->type == kEspeakPhonemeTypePause) {
            entry.kind = EntryKind::Pause;
        } else if (entry.ipa.empty() || entry.ipa[0] == '(') {
            entry.kind = EntryKind::Unnamed;  // "(en)" is a switch to another language's rules
        }
        entries.push_back(std::move(entry));
        previous_event = at;
    }
    counts.unmatched_for_stress = markStress(entries, speech.clause_phonemes);
    counts.vowels_moved_to_nasal_release = moveVowelsToNasalReleases(entries, speech);

    // Each entry lasts until the next one starts; unnamed sounds join a neighbour.
    const double seconds_per_sample = 1.0 / speech.sample_rate_hz;
    PhonemeTimeline timeline;
    std::optional<int64_t> pending_start;  // unnamed sound waiting for the phoneme after it
    bool last_is_adjacent = false;         // the previous entry was the last segment's phoneme
    for (size_t i = 0; i < entries.size(); ++i) {
        const Entry& entry = entries[i];
        const int64_t end = i + 1 < entries.size() ? entries[i + 1].start : total;
        switch (entry.kind) {
            case EntryKind::Pause:
                pending_start.reset();
                last_is_adjacent = false;
                break;
            case EntryKind::Unnamed:
                ++counts.unnamed_sounds;
                if (last_is_adjacent) {
                    timeline.back().end_s = static_cast<double>(end) * seconds_per_sample;
                } else if (!pending_start) {
                    pending_start = entry.start;
                }
                break;
            case EntryKind::Named: {
                const int64_t start = pending_start.value_or(entry.start);
                pending_start.reset();
                if (end <= start) {
                    ++counts.dropped_empty;
                    break;  // leaves last_is_adjacent: it lasted no time, so nothing lies between
                }
                timeline.push_back({entry.ipa, static_cast<double>(start) * seconds_per_sample,
                                    static_cast<double>(end) * seconds_per_sample, entry.stressed});
                last_is_adjacent = true;
                break;
            }
        }
    }
    if (diagnostics != nullptr) {
        *diagnostics = counts;
    }
    return timeline;
}

}  // namespace ps::train
