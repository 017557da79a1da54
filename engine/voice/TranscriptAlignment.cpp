#include "voice/TranscriptAlignment.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string_view>

#include "motion/Viseme.h"

namespace ps {

namespace {

// Speech: the voice's speaking activity at MotionCheck's speaking_min or more.
constexpr float kSpeakingMin = 0.5f;
// Pauses shorter than this are within a phrase (a stop's silence, a breath between words).
constexpr double kJoinGap_s = 0.12;
// A syllable's and a consonant's share of a word's length: conversational English runs at about
// five syllables a second, and a consonant cluster lengthens a syllable by some 50 ms a sound.
constexpr double kSyllable_s = 0.18;
constexpr double kConsonant_s = 0.05;
// A token with no letters at all ("—", "&") still takes a sliver of time.
constexpr double kMinWord_s = 0.02;
// How far a boundary moves to meet a change of mouth shape: about a phoneme, so it never jumps
// past one.
constexpr double kSnap_s = 0.08;

bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<std::string> wordsOf(const std::string& text) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(static_cast<unsigned char>(text[i]))) {
            ++i;
        }
        size_t end = i;
        while (end < text.size() && !isSpace(static_cast<unsigned char>(text[end]))) {
            ++end;
        }
        if (end > i) {
            words.push_back(text.substr(i, end - i));
        }
        i = end;
    }
    return words;
}

// The next code point of `text` from `i` (advanced past it); U+FFFD for a broken sequence.
char32_t nextCodePoint(const std::string& text, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int extra = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    ++i;
    for (int k = 0; k < extra; ++k, ++i) {
        if (i >= text.size() || (byte(i) & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i) & 0x3F);
    }
    return cp;
}

enum class Letter { None, Vowel, Consonant };

Letter letterOf(char32_t c) {
    if (c < 0x80) {
        const char lower = char(std::tolower(int(c)));
        if (lower >= 'a' && lower <= 'z') {
            return std::string_view("aeiouy").find(lower) != std::string_view::npos
                       ? Letter::Vowel
                       : Letter::Consonant;
        }
        // A digit is read as a word of its own, about a syllable.
        return c >= '0' && c <= '9' ? Letter::Vowel : Letter::None;
    }
    // Latin-1 punctuation and symbols, general punctuation, symbols and marks: not spoken.
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
        (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD) {
        return Letter::None;
    }
    // Latin-1 and Latin Extended-A vowels with accents (à..ÿ, ā..ů by their base letter).
    if (c <= 0xFF) {
        constexpr std::u32string_view kVowels =
            U"ÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝàáâãäåæèéêëìíîïòóôõöøùúûüýÿ";
        return kVowels.find(c) != std::u32string_view::npos ? Letter::Vowel : Letter::Consonant;
    }
    return Letter::Consonant;
}

struct Run {
    double start_s;
    double end_s;
};

std::vector<Run> speechRuns(const FaceTrack& track) {
    std::vector<Run> runs;
    if (!(track.fps > 0.0)) {
        return runs;
    }
    for (size_t k = 0; k < track.frames.size(); ++k) {
        if (track.frames[k].speech < kSpeakingMin) {
            continue;
        }
        const double start_s = double(k) / track.fps;
        const double end_s = double(k + 1) / track.fps;
        if (!runs.empty() && start_s - runs.back().end_s < kJoinGap_s - 1e-9) {
            runs.back().end_s = end_s;
        } else {
            runs.push_back({start_s, end_s});
        }
    }
    return runs;
}

// For each run, the first word it holds; words [first[r], first[r + 1]) go to run r. Minimises
// Σ log²(run length / its words' expected total) over the runs holding words; with at least as
// many words as runs every run holds one or more, otherwise runs may stay empty.
std::vector<size_t> assignWords(const std::vector<Run>& runs, const std::vector<double>& expected) {
    const size_t R = runs.size();
    const size_t W = expected.size();
    const bool every_run = W >= R;
    std::vector<double> prefix(W + 1, 0.0);
    for (size_t w = 0; w < W; ++w) {
        prefix[w + 1] = prefix[w] + expected[w];
    }
    const auto cost = [&](size_t r, size_t from, size_t to) {
        const double ratio = (runs[r].end_s - runs[r].start_s) / (prefix[to] - prefix[from]);
        const double log_ratio = std::log(ratio);
        return log_ratio * log_ratio;
    };
    constexpr double kNone = std::numeric_limits<double>::infinity();
    // best[r][w]: the least cost of the first w words in the first r runs; from[r][w]: where
    // run r - 1's words began.
    std::vector<std::vector<double>> best(R + 1, std::vector<double>(W + 1, kNone));
    std::vector<std::vector<size_t>> from(R + 1, std::vector<size_t>(W + 1, 0));
    best[0][0] = 0.0;
    for (size_t r = 1; r <= R; ++r) {
        for (size_t w = 0; w <= W; ++w) {
            if (!every_run && best[r - 1][w] < best[r][w]) {
                best[r][w] = best[r - 1][w];
                from[r][w] = w;  // run r - 1 stays empty
            }
            for (size_t v = 0; v < w; ++v) {
                if (best[r - 1][v] == kNone) {
                    continue;
                }
                const double total = best[r - 1][v] + cost(r - 1, v, w);
                if (total < best[r][w]) {
                    best[r][w] = total;
                    from[r][w] = v;
                }
            }
        }
    }
    std::vector<size_t> first(R + 1, W);
    size_t w = W;
    for (size_t r = R; r >= 1; --r) {
        first[r - 1] = from[r][w];
        w = from[r][w];
    }
    return first;
}

bool startsWithBilabial(const std::string& word) {
    for (const char c : word) {
        const char lower = char(std::tolower(static_cast<unsigned char>(c)));
        if (lower >= 'a' && lower <= 'z') {
            return lower == 'p' || lower == 'b' || lower == 'm';
        }
        if (static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9')) {
            return false;
        }
    }
    return false;
}

// The boundary `t` moved to the nearest change of mouth shape within kSnap_s and strictly
// inside (low, high); for a word that starts with p, b or m, to the nearest start of a Closed
// segment in reach first. Otherwise `t` itself.
double snapped(double t, double low, double high, bool bilabial,
               const std::vector<VisemeSegment>& segments, bool any_change) {
    const auto nearest = [&](bool closed_only) {
        double best = t;
        double distance = kSnap_s + 1e-9;
        for (size_t i = 1; i < segments.size(); ++i) {
            if (closed_only && segments[i].shape != MouthShape::Closed) {
                continue;
            }
            const double b = segments[i].start_s;
            if (std::abs(b - t) <= distance && b > low && b < high) {
                distance = std::abs(b - t);
                best = b;
            }
        }
        return best;
    };
    if (bilabial) {
        const double closed = nearest(true);
        if (closed != t) {
            return closed;
        }
    }
    return any_change ? nearest(false) : t;
}

}  // namespace

double expectedWordLength(const std::string& word) {
    int syllables = 0;
    int consonants = 0;
    bool in_vowels = false;
    for (size_t i = 0; i < word.size();) {
        const Letter letter = letterOf(nextCodePoint(word, i));
        if (letter == Letter::Vowel) {
            syllables += in_vowels ? 0 : 1;
            in_vowels = true;
        } else {
            consonants += letter == Letter::Consonant ? 1 : 0;
            // Punctuation inside a word ("don't") does not split its vowel group.
            in_vowels = in_vowels && letter == Letter::None;
        }
    }
    if (syllables == 0 && consonants > 0) {
        syllables = 1;  // "hmm", "brr": still a syllable
    }
    return std::max(kMinWord_s, kSyllable_s * syllables + kConsonant_s * consonants);
}

std::vector<AlignedWord> alignTranscript(const std::string& transcript,
                                         const FaceTrack& voice_track) {
    const std::vector<std::string> words = wordsOf(transcript);
    std::vector<AlignedWord> aligned;
    if (words.empty()) {
        return aligned;
    }
    const double duration_s = voice_track.duration_s();
    const std::vector<Run> runs = speechRuns(voice_track);
    if (runs.empty()) {
        const double each_s = duration_s / double(words.size());
        for (size_t i = 0; i < words.size(); ++i) {
            aligned.push_back({words[i], each_s * double(i), each_s * double(i + 1)});
        }
        return aligned;
    }
    std::vector<double> expected;
    for (const std::string& word : words) {
        expected.push_back(expectedWordLength(word));
    }
    const std::vector<size_t> first = assignWords(runs, expected);
    const std::vector<VisemeSegment> segments = visemeSegments(voice_track);

    aligned.reserve(words.size());
    double previous_end = 0.0;
    for (size_t r = 0; r < runs.size(); ++r) {
        const size_t begin = first[r];
        const size_t end = first[r + 1];
        if (begin == end) {
            continue;
        }
        double total = 0.0;
        for (size_t w = begin; w < end; ++w) {
            total += expected[w];
        }
        const Run& run = runs[r];
        // The run's own start moves only for a closure: the lips shut before the sound begins.
        const double run_start = snapped(run.start_s, previous_end - 1e-9, run.end_s,
                                         startsWithBilabial(words[begin]), segments, false);
        std::vector<double> bounds{run_start};
        double share = 0.0;
        for (size_t w = begin; w + 1 < end; ++w) {
            share += expected[w];
            bounds.push_back(run.start_s + (run.end_s - run.start_s) * share / total);
        }
        bounds.push_back(run.end_s);
        for (size_t b = 1; b + 1 < bounds.size(); ++b) {
            bounds[b] = snapped(bounds[b], bounds[b - 1], bounds[b + 1],
                                startsWithBilabial(words[begin + b]), segments, true);
        }
        for (size_t w = begin; w < end; ++w) {
            aligned.push_back({words[w], bounds[w - begin], bounds[w - begin + 1]});
        }
        previous_end = run.end_s;
    }
    return aligned;
}

}  // namespace ps
