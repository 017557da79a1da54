#include "nn/VoiceNet.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <sstream>

#include "nn/Safetensors.h"
#include "nn/VoiceNetModule.h"

namespace ps::nn {

namespace {

// The file's format tag; a file without it, or with another, is not a voice model.
constexpr const char* kFormatKey = "format";
constexpr const char* kFormat = "portrait-studio voice model 2";

std::string joined(const std::vector<int>& values) {
    std::string text;
    for (size_t i = 0; i < values.size(); ++i) {
        text += (i ? "," : "") + std::to_string(values[i]);
    }
    return text;
}

bool parsePositive(const std::string& text, int* value) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || v <= 0 || v > 100000) {
        return false;
    }
    *value = int(v);
    return true;
}

}  // namespace

int VoiceNetShape::contextFrames() const {
    return 1 + std::accumulate(dilations.begin(), dilations.end(), 0);
}

VoiceNetModuleImpl::VoiceNetModuleImpl(const VoiceNetShape& shape) {
    input = register_module(
        "input",
        torch::nn::Conv1d(torch::nn::Conv1dOptions(shape.mel_bands, shape.channels, 3).padding(1)));
    for (size_t i = 0; i < shape.dilations.size(); ++i) {
        const int d = shape.dilations[i];
        blocks.push_back(register_module(
            "block" + std::to_string(i),
            torch::nn::Conv1d(torch::nn::Conv1dOptions(shape.channels, shape.channels, 3)
                                  .dilation(d)
                                  .padding(d))));
    }
    output = register_module(
        "output", torch::nn::Conv1d(torch::nn::Conv1dOptions(shape.channels, shape.outputs, 1)));
}

torch::Tensor VoiceNetModuleImpl::logits(const torch::Tensor& x) {
    // Pre-activation residual blocks: each adds a convolution of the rectified state, which can
    // be negative, so the state does not only grow from block to block (a stack of
    // h + relu(conv(h)) drifts upwards until the sigmoids saturate and training stalls).
    torch::Tensor h = input->forward(x);
    for (torch::nn::Conv1d& block : blocks) {
        h = h + block->forward(torch::relu(h));
    }
    return output->forward(torch::relu(h));
}

torch::Tensor VoiceNet::Impl::normalise(const torch::Tensor& mel) const {
    return ((mel - mean) / stddev).transpose(1, 2);
}

VoiceNet::VoiceNet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VoiceNet::~VoiceNet() = default;

std::unique_ptr<VoiceNet> VoiceNet::create(const VoiceNetShape& shape, uint64_t seed) {
    torch::manual_seed(seed);
    auto impl = std::make_unique<Impl>();
    impl->shape = shape;
    impl->module = VoiceNetModule(shape);
    impl->mean = torch::zeros({shape.mel_bands});
    impl->stddev = torch::ones({shape.mel_bands});
    return std::unique_ptr<VoiceNet>(new VoiceNet(std::move(impl)));
}

const VoiceNetShape& VoiceNet::shape() const {
    return impl_->shape;
}

const std::map<std::string, std::string>& VoiceNet::metadata() const {
    return impl_->metadata;
}

void VoiceNet::setFeatureNormalisation(const std::vector<float>& mean,
                                       const std::vector<float>& stddev) {
    impl_->mean = torch::tensor(mean);
    impl_->stddev = torch::tensor(stddev).clamp_min(1e-3f);
}

bool VoiceNet::save(const std::string& path, const std::map<std::string, std::string>& metadata,
                    std::string* error) const {
    NamedTensors out;
    for (const auto& item : impl_->module->named_parameters()) {
        out.tensors[item.key()] = item.value().detach();
    }
    out.tensors["norm.mean"] = impl_->mean;
    out.tensors["norm.std"] = impl_->stddev;
    out.metadata = metadata;
    const VoiceNetShape& s = impl_->shape;
    out.metadata[kFormatKey] = kFormat;
    out.metadata["mel_bands"] = std::to_string(s.mel_bands);
    out.metadata["channels"] = std::to_string(s.channels);
    out.metadata["dilations"] = joined(s.dilations);
    out.metadata["outputs"] = std::to_string(s.outputs);
    return saveSafetensors(path, out, error);
}

std::unique_ptr<VoiceNet> VoiceNet::load(const std::string& path, std::string* error) {
    NamedTensors in;
    if (!loadSafetensors(path, &in, error)) {
        return nullptr;
    }
    const auto fail = [&](const std::string& problem) {
        *error = path + ": " + problem;
        return nullptr;
    };
    const auto meta = [&](const char* key) {
        const auto it = in.metadata.find(key);
        return it == in.metadata.end() ? std::string() : it->second;
    };
    if (meta(kFormatKey) != kFormat) {
        return fail("not a Portrait Studio voice model (its metadata has no format \"" +
                    std::string(kFormat) + "\")");
    }
    VoiceNetShape shape;
    shape.dilations.clear();
    std::stringstream dilations(meta("dilations"));
    for (std::string item; std::getline(dilations, item, ',');) {
        int d = 0;
        if (!parsePositive(item, &d)) {
            return fail("its dilations \"" + meta("dilations") + "\" are not positive numbers");
        }
        shape.dilations.push_back(d);
    }
    if (!parsePositive(meta("mel_bands"), &shape.mel_bands) ||
        !parsePositive(meta("channels"), &shape.channels) ||
        !parsePositive(meta("outputs"), &shape.outputs) || shape.dilations.empty()) {
        return fail("its metadata does not describe the network's shape");
    }
    std::unique_ptr<VoiceNet> net = create(shape, 0);
    Impl& impl = *net->impl_;
    torch::NoGradGuard no_grad;
    for (auto& item : impl.module->named_parameters()) {
        const auto it = in.tensors.find(item.key());
        if (it == in.tensors.end()) {
            return fail("it has no tensor \"" + item.key() + "\"");
        }
        if (it->second.sizes() != item.value().sizes()) {
            return fail("its tensor \"" + item.key() + "\" has the wrong shape");
        }
        item.value().copy_(it->second.to(torch::kFloat));
    }
    for (const char* name : {"norm.mean", "norm.std"}) {
        const auto it = in.tensors.find(name);
        if (it == in.tensors.end() || it->second.dim() != 1 ||
            it->second.size(0) != shape.mel_bands) {
            return fail(std::string("it has no ") + name + " of " +
                        std::to_string(shape.mel_bands) + " values");
        }
    }
    impl.mean = in.tensors["norm.mean"].to(torch::kFloat);
    impl.stddev = in.tensors["norm.std"].to(torch::kFloat).clamp_min(1e-3f);
    if (!torch::isfinite(impl.mean).all().item<bool>() ||
        !torch::isfinite(impl.stddev).all().item<bool>()) {
        return fail("its normalisation holds values that are not finite");
    }
    impl.metadata = in.metadata;
    impl.module->eval();
    return net;
}

void VoiceNet::setThreads(int threads) {
    torch::set_num_threads(std::max(1, threads));
}

void VoiceNet::infer(const float* mel, int frames, float* out) const {
    if (frames <= 0) {
        return;
    }
    torch::NoGradGuard no_grad;
    const VoiceNetShape& s = impl_->shape;
    // from_blob does not copy; the input stays the caller's and is only read.
    const torch::Tensor x =
        torch::from_blob(const_cast<float*>(mel), {1, frames, s.mel_bands}, torch::kFloat);
    const torch::Tensor y =
        torch::sigmoid(impl_->module->logits(impl_->normalise(x))).transpose(1, 2).contiguous();
    std::copy(y.data_ptr<float>(), y.data_ptr<float>() + size_t(frames) * s.outputs, out);
}

}  // namespace ps::nn
