// Places the words of a typed transcript on the voice's timeline, without a phoneme recogniser:
// the voice's own track says where speech is (its speech activity) and where the lips close
// (its visemes); each word's length is guessed from its letters. Good enough to label a viseme
// lane and to put a word where a person looks for it; not a forced aligner. Pure, no Qt.
#pragma once

#include <string>
#include <vector>

#include "motion/FaceTrack.h"

namespace ps {

struct AlignedWord {
    std::string text;  // the token as typed, punctuation included
    double start_s;
    double end_s;
};

// The transcript's whitespace-separated words in order, each given a span of `voice_track`
// (VoiceSource::track): spans are in time order and do not overlap. Words go to the voice's
// speech runs (speech >= 0.5, joined across pauses under 0.12 s) so that each run's length fits
// its words' expected length best; within a run, time is shared by expected length and each
// boundary moves to a nearby change of mouth shape (a word starting with p, b or m to where the
// lips close). Empty for an empty transcript; without speech, the words share the track evenly.
std::vector<AlignedWord> alignTranscript(const std::string& transcript,
                                         const FaceTrack& voice_track);

// A word's expected spoken length (s) from its letters: about 0.18 s a syllable (a group of
// vowels) and 0.05 s a consonant; punctuation counts nothing. UTF-8: an accented vowel is a
// vowel, other letters beyond ASCII consonants.
double expectedWordLength(const std::string& word);

}  // namespace ps
