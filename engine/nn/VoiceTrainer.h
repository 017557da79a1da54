// Trains a VoiceNet on utterances of log-mel frames with per-frame target weights. LibTorch
// stays inside; the data arrive as plain arrays, so the data generator (app/train) needs no
// LibTorch headers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nn/VoiceNet.h"

namespace ps::nn {

struct TrainingUtterance {
    int frames = 0;
    std::vector<float> mel;      // frames x mel_bands, raw log-mel
    std::vector<float> targets;  // frames x outputs, each in [0, 1]
};

struct TrainingProgress {
    int epoch = 0;  // from 1
    int epochs = 0;
    int step = 0;  // within the epoch, from 1
    int steps = 0;
    double loss = 0.0;  // running mean over the epoch so far
    double seconds = 0.0;
};

struct TrainingOptions {
    int epochs = 12;
    int batch = 32;
    int window_frames = 256;      // training windows cut from utterances (2.56 s at 100 fps)
    double learning_rate = 2e-3;  // Adam, decayed by cosine to 5% over the run
    // The rate rises linearly from zero over this many first steps (at most a fifth of the run).
    int warmup_steps = 200;
    uint64_t seed = 1;
    // Per-output weight of the L1 loss (empty: all 1).
    std::vector<float> output_weights;
    // A second loss on a linear combination of the outputs, clamped to [0, 1] (the lip
    // aperture, which the lip-sync scores measure): its coefficients per output (empty: none),
    // and its weight.
    std::vector<float> aperture_coefficients;
    float aperture_weight = 2.0f;
    // Weight of a binary cross-entropy (targets as probabilities) beside the L1 loss. The L1's
    // gradient reaches a logit through the sigmoid's slope, which vanishes once an output is
    // saturated, and Adam, remembering the first large gradients, then barely moves it: an
    // output pushed to 0 everywhere in the first steps stays there. The cross-entropy's
    // gradient on the logit is (prediction - target), which does not vanish, so a saturated
    // output is pulled back; small, so that where the network fits, the L1 decides.
    float cross_entropy_weight = 0.1f;
    // Called after every step; return false to stop (the network keeps its weights so far).
    std::function<bool(const TrainingProgress&)> progress;
};

// Sets the network's feature normalisation from `data` and trains it. False with `error` when
// the data do not fit the network (wrong sizes, no frames).
bool trainVoiceNet(VoiceNet& net, const std::vector<TrainingUtterance>& data,
                   const TrainingOptions& options, std::string* error);

}  // namespace ps::nn
