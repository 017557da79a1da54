#include "BenchVoice.h"

#include <cstdio>

#include "BenchTiming.h"
#include "CommandLine.h"
#include "media/AudioDecoder.h"
#include "nn/VoiceNet.h"
#include "runtime/SilencedStderr.h"
#include "voice/Prosody.h"
#include "voice/SpeechMotion.h"
#include "voice/VoiceModel.h"

namespace ps::app {

namespace {

constexpr double kAudioSeconds = 60.0;

}  // namespace

int benchVoice(const std::string& voice_path, const std::string& model_path, int threads,
               int repetitions) {
    const auto fail = [](const Error& error) {
        printError(error.message);
        return exitCodeFor(error.kind);
    };
    Result<AudioClip> clip = [&] {
        SilencedStderr quiet;
        return decodeAudio(voice_path, CancelToken());
    }();
    if (!clip) {
        return fail(clip.error());
    }
    Result<VoiceModel> model = VoiceModel::load(model_path);
    if (!model) {
        return fail(model.error());
    }
    nn::VoiceNet::setThreads(threads);
    // A minute of speech: the sample voice said again and again.
    PcmBuffer minute;
    minute.sample_rate_hz = clip->analysis.sample_rate_hz;
    minute.channels = 1;
    const size_t wanted = size_t(kAudioSeconds * minute.sample_rate_hz);
    while (minute.samples.size() < wanted && !clip->analysis.samples.empty()) {
        const size_t take = std::min(clip->analysis.samples.size(), wanted - minute.samples.size());
        minute.samples.insert(minute.samples.end(), clip->analysis.samples.begin(),
                              clip->analysis.samples.begin() + long(take));
    }
    Result<MouthTrack> mouth = model->analyse(minute);
    Result<Prosody> prosody = analyzeProsody(minute);
    if (!mouth || !prosody) {
        return fail(!mouth ? mouth.error() : prosody.error());
    }
    const double model_ms = medianMs([&] { (void)model->analyse(minute); }, repetitions);
    const double prosody_ms = medianMs([&] { (void)analyzeProsody(minute); }, repetitions);
    const double motion_ms = medianMs(
        [&] { (void)speechMotion(*mouth, *prosody, SpeechMotionSettings()); }, repetitions);
    const double total_ms = model_ms + prosody_ms + motion_ms;
    std::printf(
        "{\"case\": \"voice\", \"audio_s\": %.0f, \"threads\": %d, \"model_ms\": %.1f, "
        "\"prosody_ms\": %.1f, \"motion_ms\": %.1f, \"total_ms\": %.1f, "
        "\"model_x_realtime\": %.0f, \"total_x_realtime\": %.0f}\n",
        kAudioSeconds, threads, model_ms, prosody_ms, motion_ms, total_ms,
        kAudioSeconds * 1000.0 / model_ms, kAudioSeconds * 1000.0 / total_ms);
    return 0;
}

}  // namespace ps::app
