// VoiceNet's LibTorch side, shared by VoiceNet.cpp and the trainer only.
#pragma once

#include <torch/torch.h>

#include "nn/VoiceNet.h"

namespace ps::nn {

struct VoiceNetModuleImpl : torch::nn::Module {
    explicit VoiceNetModuleImpl(const VoiceNetShape& shape);
    // x: [batch, mel_bands, frames] normalised log-mel; returns logits [batch, outputs, frames].
    torch::Tensor logits(const torch::Tensor& x);

    torch::nn::Conv1d input{nullptr};
    std::vector<torch::nn::Conv1d> blocks;
    torch::nn::Conv1d output{nullptr};
};
TORCH_MODULE(VoiceNetModule);

struct VoiceNet::Impl {
    VoiceNetShape shape;
    VoiceNetModule module{nullptr};
    torch::Tensor mean, stddev;  // [mel_bands]
    std::map<std::string, std::string> metadata;

    // Raw log-mel [batch, frames, mel_bands] to normalised [batch, mel_bands, frames].
    torch::Tensor normalise(const torch::Tensor& mel) const;
};

}  // namespace ps::nn
