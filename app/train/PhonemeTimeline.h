// What was said, and exactly when: the phonemes of one synthesised utterance with their times,
// as espeak-ng reports them while it speaks. The link between the speech generator (which makes
// it) and the viseme targets (which read it).
#pragma once

#include <string>
#include <vector>

namespace ps::train {

struct PhonemeSegment {
    std::string ipa;        // the phoneme in IPA, as espeak-ng names it (e.g. "p", "aː", "ɪ")
    double start_s = 0.0;   // from the start of the utterance's audio
    double end_s = 0.0;     // the next phoneme's start, or the end of speech
    bool stressed = false;  // carries primary or secondary stress, where the synthesiser said so
};

// Segments in time order, without overlaps; gaps between them are silence (pauses).
using PhonemeTimeline = std::vector<PhonemeSegment>;

}  // namespace ps::train
