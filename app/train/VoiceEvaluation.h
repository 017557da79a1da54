// How well a voice network follows speech it never trained on, in the terms issue 5 judges lip
// sync by (LipSyncScore: closures on p, b, m; vowel openness; rest in pauses), measured at a
// video frame rate on the network's own output, and on the training targets themselves for
// reference (the best the network could do against this truth).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "nn/VoiceNet.h"
#include "train/LipSyncScore.h"
#include "train/VoiceDataset.h"

namespace ps::train {

struct VoiceEvaluation {
    LipSyncScore network;
    LipSyncScore targets;
    int utterances = 0;
    double seconds = 0.0;
};

VoiceEvaluation evaluateVoiceNet(const nn::VoiceNet& net, const std::vector<VoiceExample>& examples,
                                 double fps = 25.0);

nlohmann::json toJson(const LipSyncScore& score);
nlohmann::json toJson(const VoiceEvaluation& evaluation);

}  // namespace ps::train
