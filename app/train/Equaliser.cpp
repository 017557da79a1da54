#include "train/Equaliser.h"

#include <algorithm>

#include "train/Biquad.h"

namespace ps::train {
namespace {

void filterOnce(std::vector<float>& samples, const EqualiserBands& bands, double rate_hz,
                double share) {
    Biquad low = Biquad::lowShelf(rate_hz, bands.low_shelf_hz, share * bands.low_shelf_db);
    Biquad high = Biquad::highShelf(rate_hz, bands.high_shelf_hz, share * bands.high_shelf_db);
    Biquad peak = Biquad::peak(rate_hz, bands.peak_hz, bands.peak_q, share * bands.peak_db);
    for (float& x : samples) {
        x = peak.process(high.process(low.process(x)));
    }
}

}  // namespace

void equalise(PcmBuffer& pcm, const EqualiserBands& bands) {
    if (pcm.samples.empty() || pcm.sample_rate_hz <= 0) {
        return;
    }
    const double rate = pcm.sample_rate_hz;
    filterOnce(pcm.samples, bands, rate, 0.5);
    std::reverse(pcm.samples.begin(), pcm.samples.end());
    filterOnce(pcm.samples, bands, rate, 0.5);
    std::reverse(pcm.samples.begin(), pcm.samples.end());
}

}  // namespace ps::train
