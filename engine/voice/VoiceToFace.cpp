#include "voice/VoiceToFace.h"

#include <filesystem>
#include <system_error>

namespace ps {

namespace {

constexpr const char* kModelFile = "voice/voice_model.safetensors";

}  // namespace

std::string defaultVoiceModelPath() {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            exe.parent_path().parent_path() / "share" / "portrait-studio" / kModelFile;
        if (fs::exists(installed, error)) {
            return installed.string();
        }
    }
    return std::string(PS_RESOURCES_DIR) + "/" + kModelFile;
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
