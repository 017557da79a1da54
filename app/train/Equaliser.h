// The colour of a microphone, a speaker or a phone line: a low shelf, a high shelf and one peak,
// applied with zero phase so that the filters shift nothing in time.
#pragma once

#include "media/PcmBuffer.h"

namespace ps::train {

struct EqualiserBands {
    double low_shelf_hz = 150.0;
    double low_shelf_db = 0.0;
    double high_shelf_hz = 4000.0;
    double high_shelf_db = 0.0;
    double peak_hz = 1000.0;
    double peak_q = 1.0;
    double peak_db = 0.0;
};

// Filters forwards and then backwards with half of each band's gain in dB each way: the
// magnitudes multiply to the full gain at the shelves' plateaus and the peak's centre, and the
// phase shifts cancel. Mono.
void equalise(PcmBuffer& pcm, const EqualiserBands& bands);

}  // namespace ps::train
