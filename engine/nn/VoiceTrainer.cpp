#include "nn/VoiceTrainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include "nn/VoiceNetModule.h"

namespace ps::nn {

namespace {

// The training set's mean and standard deviation per mel band.
void normalisationOf(const std::vector<TrainingUtterance>& data, int bands,
                     std::vector<float>* mean, std::vector<float>* stddev) {
    std::vector<double> sum(bands, 0.0), squares(bands, 0.0);
    double count = 0.0;
    for (const TrainingUtterance& u : data) {
        for (int f = 0; f < u.frames; ++f) {
            for (int b = 0; b < bands; ++b) {
                const double v = u.mel[size_t(f) * bands + b];
                sum[b] += v;
                squares[b] += v * v;
            }
        }
        count += u.frames;
    }
    mean->resize(bands);
    stddev->resize(bands);
    for (int b = 0; b < bands; ++b) {
        const double m = sum[b] / count;
        (*mean)[b] = float(m);
        (*stddev)[b] = float(std::sqrt(std::max(squares[b] / count - m * m, 1e-6)));
    }
}

}  // namespace

bool trainVoiceNet(VoiceNet& net, const std::vector<TrainingUtterance>& data,
                   const TrainingOptions& options, std::string* error) {
    const VoiceNetShape& shape = net.shape();
    const int bands = shape.mel_bands, outputs = shape.outputs;
    long long total_frames = 0;
    for (const TrainingUtterance& u : data) {
        if (u.frames <= 0 || u.mel.size() != size_t(u.frames) * bands ||
            u.targets.size() != size_t(u.frames) * outputs) {
            *error = "a training utterance's features or targets do not match the network";
            return false;
        }
        total_frames += u.frames;
    }
    if (data.empty() || options.batch <= 0 || options.window_frames <= 0) {
        *error = "no training data";
        return false;
    }
    if ((!options.output_weights.empty() && int(options.output_weights.size()) != outputs) ||
        (!options.aperture_coefficients.empty() &&
         int(options.aperture_coefficients.size()) != outputs)) {
        *error = "the loss weights do not match the network's outputs";
        return false;
    }
    std::vector<float> mean, stddev;
    normalisationOf(data, bands, &mean, &stddev);
    net.setFeatureNormalisation(mean, stddev);

    VoiceNet::Impl& impl = net.impl();
    impl.module->train();
    torch::manual_seed(options.seed);
    std::mt19937_64 random(options.seed);
    torch::optim::Adam optimiser(impl.module->parameters(),
                                 torch::optim::AdamOptions(options.learning_rate));
    const torch::Tensor output_weights =
        options.output_weights.empty() ? torch::ones({outputs})
                                       : torch::tensor(options.output_weights).view({outputs});
    const bool aperture_loss = !options.aperture_coefficients.empty();
    const torch::Tensor aperture =
        aperture_loss ? torch::tensor(options.aperture_coefficients).view({outputs})
                      : torch::Tensor();

    // Windows are drawn with probability proportional to their utterance's length; an epoch
    // sees about as many frames as the data hold.
    std::vector<double> lengths;
    for (const TrainingUtterance& u : data) {
        lengths.push_back(double(u.frames));
    }
    std::discrete_distribution<size_t> pick(lengths.begin(), lengths.end());
    const int window = options.window_frames;
    const int context = shape.contextFrames();
    const int steps = std::max<int>(1, int(total_frames / (long long)(options.batch * window)));
    const int total_steps = steps * options.epochs;
    const int warmup_steps = std::max(1, std::min(options.warmup_steps, total_steps / 5));
    const auto start = std::chrono::steady_clock::now();
    int global_step = 0;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        double loss_sum = 0.0;
        for (int step = 1; step <= steps; ++step, ++global_step) {
            // Each window carries `context` frames of real neighbours on both sides where the
            // utterance has them, so the loss is taken only where the network saw what it will
            // see at inference; an utterance's own ends stay in (they are padded the same way).
            torch::Tensor x = torch::zeros({options.batch, window + 2 * context, bands});
            torch::Tensor y = torch::zeros({options.batch, window + 2 * context, outputs});
            torch::Tensor mask = torch::zeros({options.batch, window + 2 * context, 1});
            torch::Tensor filled = torch::zeros({options.batch, 1, window + 2 * context});
            float* fp = filled.data_ptr<float>();
            float* xp = x.data_ptr<float>();
            float* yp = y.data_ptr<float>();
            float* mp = mask.data_ptr<float>();
            for (int b = 0; b < options.batch; ++b) {
                const TrainingUtterance& u = data[pick(random)];
                const int first = int(random() % uint64_t(std::max(1, u.frames)));
                const int from = first - context;
                for (int k = 0; k < window + 2 * context; ++k) {
                    const int f = from + k;
                    if (f < 0 || f >= u.frames) {
                        continue;  // beyond the utterance: zeros, as at inference
                    }
                    const size_t row = size_t(b) * (window + 2 * context) + size_t(k);
                    std::copy_n(&u.mel[size_t(f) * bands], bands, xp + row * bands);
                    std::copy_n(&u.targets[size_t(f) * outputs], outputs, yp + row * outputs);
                    mp[row] = (k >= context && k < context + window) ? 1.0f : 0.0f;
                    fp[row] = 1.0f;
                }
            }
            // Zeros beyond an utterance's end must read as normalised zeros, as at inference,
            // where the convolution pads with zeros after normalising.
            torch::Tensor input = impl.normalise(x) * filled;
            const torch::Tensor logits = impl.module->logits(input).transpose(1, 2);
            torch::Tensor prediction = torch::sigmoid(logits);
            torch::Tensor l1 = (prediction - y).abs() * output_weights;
            torch::Tensor loss = (l1 * mask).sum() / (mask.sum() * outputs + 1e-6);
            if (options.cross_entropy_weight > 0.0f) {
                const torch::Tensor entropy = torch::binary_cross_entropy_with_logits(
                                                  logits, y, {}, {}, at::Reduction::None) *
                                              output_weights;
                loss = loss + options.cross_entropy_weight * (entropy * mask).sum() /
                                  (mask.sum() * outputs + 1e-6);
            }
            if (aperture_loss) {
                torch::Tensor predicted = (prediction * aperture).sum(2, true).clamp(0.0, 1.0);
                torch::Tensor wanted = (y * aperture).sum(2, true).clamp(0.0, 1.0);
                loss = loss + options.aperture_weight * ((predicted - wanted).abs() * mask).sum() /
                                  (mask.sum() + 1e-6);
            }
            optimiser.zero_grad();
            loss.backward();
            // A rare window with a sudden loud onset can give one huge step; clipping keeps it
            // from undoing what the network has learnt.
            torch::nn::utils::clip_grad_norm_(impl.module->parameters(), 1.0);
            // Cosine decay of the learning rate to 5% over the whole run, after a linear warm-up:
            // Adam moves every weight by about the full rate from the first step, whatever the
            // gradient's size, and in a stack without normalisation those first coherent steps
            // compound from layer to layer; without the warm-up the logits reached ±1000 within
            // twenty steps on festival's voices, where the sigmoids' gradients vanish and
            // training never recovers (a network that says "closed" to everything).
            const double progress = double(global_step) / double(std::max(1, total_steps - 1));
            const double warm = std::min(1.0, double(global_step + 1) / double(warmup_steps));
            const double rate = warm * options.learning_rate *
                                (0.05 + 0.95 * 0.5 * (1.0 + std::cos(M_PI * progress)));
            for (auto& group : optimiser.param_groups()) {
                static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
            }
            optimiser.step();
            loss_sum += loss.item<double>();
            if (options.progress) {
                TrainingProgress p;
                p.epoch = epoch;
                p.epochs = options.epochs;
                p.step = step;
                p.steps = steps;
                p.loss = loss_sum / step;
                p.seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                if (!options.progress(p)) {
                    impl.module->eval();
                    return true;
                }
            }
        }
    }
    impl.module->eval();
    return true;
}

}  // namespace ps::nn
