// The mouth each class of speech sound aims for when said clearly on its own, in the voice
// model's channels. Neighbouring sounds blend these targets over time (VisemeTargets); here is
// only where each one is headed.
#pragma once

#include "train/VisemeClass.h"
#include "voice/MouthChannels.h"

namespace ps::train {

// A consonant's target. Labialised consonants (kʷ) add rounded lips; a nasal bilabial (m) meets
// with relaxed lips where p and b press.
MouthWeights consonantPose(Viseme viseme, bool labialised = false, bool nasal = false);

// A vowel's target, from its place in the chart: the jaw and lips open with openness, the lips
// round and push forward for rounded vowels and spread for front unrounded ones. A stressed
// vowel opens a little further than an unstressed one.
MouthWeights vowelPose(const VowelQuality& vowel, bool stressed);

}  // namespace ps::train
