// The built-in voice model at work: a voice's 16 kHz analysis copy in, the mouth's blendshape
// weights and speech activity out, 100 frames per second. The audio is analysed in chunks of
// kChunkFrames that overlap by the network's context, so an hour of speech needs no more memory
// than half a minute and gives exactly what one pass over the whole would.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/CancelToken.h"
#include "runtime/Progress.h"
#include "runtime/Result.h"
#include "voice/MouthChannels.h"

namespace ps {

namespace nn {
class VoiceNet;
}

// The mouth over time at the analysis frame rate.
struct MouthTrack {
    double frame_rate_hz = 100.0;
    std::vector<MouthWeights> mouth;  // one per frame; frame i at t = i / frame_rate_hz
    std::vector<float> speech;        // speech activity per frame, 0..1
    // How surely the lips are together for a p, b or m, per frame, 0..1 (LipClosures.h); empty
    // when not known.
    std::vector<float> closure;

    double duration_s() const { return double(mouth.size()) / frame_rate_hz; }
    // Linearly interpolated between frames; held at the ends.
    MouthWeights mouthAt(double t_s) const;
    float speechAt(double t_s) const;
};

class VoiceModel {
public:
    static constexpr int kChunkFrames = 3000;  // 30 s

    // A trained model from a safetensors file. BadInput naming the file when it is missing or is
    // not a voice model with the outputs this build expects.
    static Result<VoiceModel> load(const std::string& path);
    // Wraps a network already in memory (tests, the trainer's evaluation).
    static Result<VoiceModel> fromNetwork(std::shared_ptr<const nn::VoiceNet> net);

    // `analysis`: 16 kHz mono (AudioClip::analysis). Cancellable between chunks.
    Result<MouthTrack> analyse(const PcmBuffer& analysis, const CancelToken* cancel = nullptr,
                               const ProgressFn& progress = {}) const;

    // One frame of the network's outputs (kVoiceModelOutputCount values) as the mouth: its
    // shapes, sealed as far as its lip-closure output says.
    static MouthWeights mouthFromOutputs(const float* outputs);

    // The model file's metadata (model card facts), for `--help` and the about box.
    const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }

private:
    std::shared_ptr<const nn::VoiceNet> net_;
    std::vector<std::pair<std::string, std::string>> metadata_;
};

}  // namespace ps
