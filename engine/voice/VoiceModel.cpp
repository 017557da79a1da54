#include "voice/VoiceModel.h"

#include <algorithm>
#include <cmath>

#include "media/AudioClip.h"
#include "nn/VoiceNet.h"
#include "voice/LipSeal.h"
#include "voice/LogMel.h"

namespace ps {

namespace {

template <class T>
T interpolated(const std::vector<T>& frames, double frame_rate_hz, double t_s,
               T (*mix)(const T&, const T&, float)) {
    if (frames.empty()) {
        return T{};
    }
    const double position = std::clamp(t_s * frame_rate_hz, 0.0, double(frames.size() - 1));
    const size_t i = size_t(std::floor(position));
    const size_t j = std::min(i + 1, frames.size() - 1);
    return mix(frames[i], frames[j], float(position - double(i)));
}

MouthWeights mixMouth(const MouthWeights& a, const MouthWeights& b, float t) {
    MouthWeights out{};
    for (size_t k = 0; k < out.size(); ++k) {
        out[k] = a[k] + t * (b[k] - a[k]);
    }
    return out;
}

float mixValue(const float& a, const float& b, float t) {
    return a + t * (b - a);
}

}  // namespace

MouthWeights MouthTrack::mouthAt(double t_s) const {
    return interpolated(mouth, frame_rate_hz, t_s, mixMouth);
}

float MouthTrack::speechAt(double t_s) const {
    return interpolated(speech, frame_rate_hz, t_s, mixValue);
}

MouthWeights VoiceModel::mouthFromOutputs(const float* outputs) {
    MouthWeights mouth{};
    std::copy_n(outputs, kMouthChannelCount, mouth.begin());
    sealLips(mouth, sealAmountForClosure(outputs[kLipClosureChannel]));
    return mouth;
}

Result<VoiceModel> VoiceModel::fromNetwork(std::shared_ptr<const nn::VoiceNet> net) {
    if (!net) {
        return internalError("no voice network");
    }
    if (net->shape().mel_bands != kLogMelBands || net->shape().outputs != kVoiceModelOutputCount) {
        return Error{ErrorKind::BadInput,
                     "the voice model reads " + std::to_string(net->shape().mel_bands) +
                         " mel bands and predicts " + std::to_string(net->shape().outputs) +
                         " values; this build needs " + std::to_string(kLogMelBands) + " and " +
                         std::to_string(kVoiceModelOutputCount)};
    }
    VoiceModel model;
    model.net_ = std::move(net);
    for (const auto& [key, value] : model.net_->metadata()) {
        model.metadata_.emplace_back(key, value);
    }
    return model;
}

Result<VoiceModel> VoiceModel::load(const std::string& path) {
    std::string error;
    std::shared_ptr<const nn::VoiceNet> net = nn::VoiceNet::load(path, &error);
    if (!net) {
        return Error{ErrorKind::BadInput, error};
    }
    Result<VoiceModel> model = fromNetwork(std::move(net));
    if (!model.ok()) {
        return badInput(path, model.error().message);
    }
    return model;
}

Result<MouthTrack> VoiceModel::analyse(const PcmBuffer& analysis, const CancelToken* cancel,
                                       const ProgressFn& progress) const {
    if (analysis.channels != 1 || analysis.sample_rate_hz != kAnalysisSampleRate_hz) {
        return internalError("the voice model reads 16 kHz mono audio");
    }
    static const LogMelAnalyzer analyzer;
    const int64_t total_samples = analysis.frameCount();
    const int64_t frames = logMelFrameCount(total_samples);
    const int context = net_->shape().contextFrames();
    const int outputs = net_->shape().outputs;
    const SignalSpan whole{analysis.samples.data(), total_samples, 0, total_samples};
    MouthTrack track;
    track.frame_rate_hz = kLogMelFrameRate_hz;
    track.mouth.resize(size_t(frames));
    track.speech.resize(size_t(frames));
    track.closure.resize(size_t(frames));
    std::vector<float> out;
    for (int64_t first = 0; first < frames; first += kChunkFrames) {
        if (cancel && cancel->cancelled()) {
            return cancelled();
        }
        const int64_t end = std::min(frames, first + kChunkFrames);
        // The chunk with the network's context on both sides, where the audio has it; at the
        // audio's own ends the network pads exactly as it would over the whole file.
        const int64_t from = std::max<int64_t>(0, first - context);
        const int64_t to = std::min(frames, end + context);
        Result<LogMelSpectrogram> mel = analyzer.compute(whole, from, to);
        if (!mel.ok()) {
            return mel.error();
        }
        out.resize(size_t(to - from) * size_t(outputs));
        net_->infer(mel->data.data(), int(to - from), out.data());
        for (int64_t f = first; f < end; ++f) {
            const float* row = out.data() + size_t(f - from) * size_t(outputs);
            track.mouth[size_t(f)] = mouthFromOutputs(row);
            track.speech[size_t(f)] = row[kSpeechActivityChannel];
            track.closure[size_t(f)] = row[kLipClosureChannel];
        }
        if (progress) {
            progress({double(end) / double(frames), -1.0});
        }
    }
    return track;
}

}  // namespace ps
