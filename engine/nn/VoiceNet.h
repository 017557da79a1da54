// The voice model: a small stack of dilated 1-D convolutions over log-mel frames that predicts,
// for every frame, the mouth's blendshape weights and whether someone is speaking. Each output
// frame sees `contextFrames()` frames on either side (the look-ahead that lets the lips close
// before a /p/ is heard), and nothing further, so long audio can be processed in chunks that
// overlap by that much and give exactly the whole-file result. LibTorch stays inside; this
// header has none of it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ps::nn {

struct VoiceNetShape {
    int mel_bands = 80;
    int channels = 96;
    std::vector<int> dilations = {1, 2, 4, 8, 1, 2};  // one residual block each
    int outputs = 20;                                 // all in [0, 1]

    // How many frames either side of a frame its output depends on.
    int contextFrames() const;
};

class VoiceNet {
public:
    ~VoiceNet();
    VoiceNet(const VoiceNet&) = delete;
    VoiceNet& operator=(const VoiceNet&) = delete;

    // A new network with random weights (deterministic for a seed), for training and tests.
    static std::unique_ptr<VoiceNet> create(const VoiceNetShape& shape, uint64_t seed);
    // A trained network from a safetensors file; nullptr and `error` ("<path>: <problem>") when
    // the file is missing, corrupt, or not a voice model this build understands.
    static std::unique_ptr<VoiceNet> load(const std::string& path, std::string* error);
    // Writes the weights and `metadata` (model-card facts) atomically.
    bool save(const std::string& path, const std::map<std::string, std::string>& metadata,
              std::string* error) const;

    const VoiceNetShape& shape() const;
    // The metadata the file was saved with (empty for a new network).
    const std::map<std::string, std::string>& metadata() const;

    // Per-band normalisation applied to the log-mel before the first layer (the training set's
    // mean and standard deviation), stored with the weights.
    void setFeatureNormalisation(const std::vector<float>& mean, const std::vector<float>& stddev);

    // `mel`: frames x mel_bands, row-major, raw log-mel; `out`: frames x outputs. Frames beyond
    // either end count as silence-free zeros after normalisation (the training convention).
    // Safe to call from several threads at once; uses the calling thread's LibTorch threads.
    void infer(const float* mel, int frames, float* out) const;

    // How many threads LibTorch uses for one inference (process-wide); the benchmarks measure
    // one core.
    static void setThreads(int threads);

    struct Impl;  // the LibTorch module (VoiceNetModule.h), for the trainer
    Impl& impl() { return *impl_; }

private:
    explicit VoiceNet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ps::nn
