#include "train/VoiceEvaluation.h"

#include <cmath>

#include "voice/LipClosures.h"
#include "voice/MouthChannels.h"
#include "voice/VoiceModel.h"

namespace ps::train {

namespace {

// 100 fps outputs (kMouthChannels, then activity) as a MouthTrack, sampled at `fps`.
std::vector<MouthWeights> atVideoRate(const std::vector<float>& outputs, int frames, double seconds,
                                      double fps) {
    MouthTrack track;
    track.frame_rate_hz = 100.0;
    track.mouth.resize(size_t(frames));
    track.closure.resize(size_t(frames));
    for (int f = 0; f < frames; ++f) {
        const float* row = &outputs[size_t(f) * kVoiceModelOutputCount];
        track.mouth[size_t(f)] = VoiceModel::mouthFromOutputs(row);
        track.closure[size_t(f)] = row[kLipClosureChannel];
    }
    // As the studio shows it (SpeechMotion): every closure the model heard completed.
    return mouthFrames(track, fps, std::max(1LL, (long long)std::llround(seconds * fps)));
}

nlohmann::json optional(const std::optional<double>& value) {
    return value ? nlohmann::json(std::round(*value * 1000.0) / 1000.0) : nlohmann::json();
}

}  // namespace

VoiceEvaluation evaluateVoiceNet(const nn::VoiceNet& net, const std::vector<VoiceExample>& examples,
                                 double fps) {
    LipSyncTally network, targets;
    VoiceEvaluation evaluation;
    std::vector<float> out;
    for (const VoiceExample& example : examples) {
        const nn::TrainingUtterance& u = example.frames;
        out.resize(size_t(u.frames) * kVoiceModelOutputCount);
        net.infer(u.mel.data(), u.frames, out.data());
        network.add(atVideoRate(out, u.frames, example.seconds, fps), fps, example.phonemes);
        targets.add(atVideoRate(u.targets, u.frames, example.seconds, fps), fps, example.phonemes);
        ++evaluation.utterances;
        evaluation.seconds += example.seconds;
    }
    evaluation.network = network.score();
    evaluation.targets = targets.score();
    return evaluation;
}

nlohmann::json toJson(const LipSyncScore::Phone& phone) {
    return {{"stops", phone.stops},
            {"closure_rate", optional(phone.closure_rate)},
            {"press", optional(phone.press)}};
}

nlohmann::json toJson(const LipSyncScore& s) {
    return {
        {"bilabial_stops", s.bilabial_stops},
        {"closure_rate", optional(s.closure_rate)},
        {"p", toJson(s.p)},
        {"b", toJson(s.b)},
        {"m", toJson(s.m)},
        {"labiodentals", s.labiodentals},
        {"tuck_rate", optional(s.tuck_rate)},
        {"steady_vowels", s.steady_vowels},
        {"jitter", optional(s.jitter)},
        {"vowels", s.vowels},
        {"openness_correlation", optional(s.openness_correlation)},
        {"open_vowels", s.open_vowels},
        {"open_vowel_aperture", optional(s.open_vowel_aperture)},
        {"long_pauses", s.long_pauses},
        {"pauses_at_rest_rate", optional(s.pauses_at_rest_rate)},
        {"pause_aperture", optional(s.pause_aperture)},
    };
}

nlohmann::json toJson(const VoiceEvaluation& e) {
    return {{"utterances", e.utterances},
            {"seconds", std::round(e.seconds)},
            {"network", toJson(e.network)},
            {"targets", toJson(e.targets)}};
}

}  // namespace ps::train
