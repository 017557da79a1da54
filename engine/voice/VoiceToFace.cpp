#include "voice/VoiceToFace.h"

#include "runtime/ResourcePath.h"

namespace ps {

namespace {

constexpr const char* kModelFile = "voice/voice_model.safetensors";

}  // namespace

std::string defaultVoiceModelPath() {
    return resourcePath(kModelFile);
}

Result<VoiceAnalysis> analyseVoice(const AudioClip& audio, const std::string& model_path,
                                   const CancelToken& cancel, const ProgressFn& progress) {
    Result<VoiceModel> model = VoiceModel::load(model_path);
    if (!model.ok()) {
        return model.error();
    }
    Result<MouthTrack> mouth = model->analyse(audio.analysis, &cancel, progress);
    if (!mouth.ok()) {
        return mouth.error();
    }
    Result<Prosody> prosody = analyzeProsody(audio.analysis);
    if (!prosody.ok()) {
        return prosody.error();
    }
    return VoiceAnalysis{std::move(*mouth), std::move(*prosody)};
}

Result<FaceTrack> faceTrackForVoice(const AudioClip& audio, const std::string& model_path,
                                    const SpeechMotionSettings& settings, const CancelToken& cancel,
                                    const ProgressFn& progress) {
    Result<VoiceAnalysis> voice = analyseVoice(audio, model_path, cancel, progress);
    if (!voice.ok()) {
        return voice.error();
    }
    return speechMotion(voice->mouth, voice->prosody, settings);
}

}  // namespace ps
