// When the eyes blink while the portrait speaks: at a natural rate, at irregular intervals,
// drawn into the pauses between phrases where people tend to blink, never two in quick
// succession. Deterministic for a seed. The weight drives the eyeBlinkLeft and eyeBlinkRight
// blendshapes alike.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/Result.h"
#include "voice/Prosody.h"

namespace ps {

struct BlinkSettings {
    double rate_per_min = 17.0;  // on average; 0 for none
    double min_gap_s = 0.5;      // between the starts of two blinks
    // A blink falling due this close to a pause is moved into it (as far as the gap allows).
    double pause_reach_s = 0.8;
    uint64_t seed = 0;
};

// One blink: 100 to 300 ms, closing over its first 30%, shut for 10%, opening over the last 60%
// (eyelids close fast and open slower).
struct Blink {
    double start_s = 0.0;
    double duration_s = 0.0;
};

// Blinks starting within [0, duration_s), in time order. BadInput for a negative rate, a rate
// too high for min_gap_s (above 60 / (1.5 min_gap_s) per minute), or negative times.
Result<std::vector<Blink>> scheduleBlinks(const std::vector<Pause>& pauses, double duration_s,
                                          const BlinkSettings& settings = {});
Result<std::vector<Blink>> scheduleBlinks(const Prosody& prosody,
                                          const BlinkSettings& settings = {});

// How closed the eyes are at time t during `blink`: 0 open .. 1 shut; 0 outside it.
float blinkClosure(const Blink& blink, double t);

// One weight per video frame (frame k at t = k / fps). A frame shows the most closed moment
// within its own 1 / fps of time, so a blink reads as fully closed in at least one frame even
// at 24 fps, where its closed moment is shorter than a frame. BadInput for a non-positive fps
// or a negative count.
Result<std::vector<float>> blinkWeights(const std::vector<Blink>& blinks, double fps,
                                        int64_t frame_count);

}  // namespace ps
