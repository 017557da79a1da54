#include "voice/SpeechMotion.h"

#include <algorithm>

#include "voice/LipClosures.h"

namespace ps {

Result<FaceTrack> speechMotion(const MouthTrack& mouth, const Prosody& prosody,
                               const SpeechMotionSettings& settings) {
    if (settings.lips < 0.0f) {
        return Error{ErrorKind::BadInput, "the lips' strength must not be negative"};
    }
    const double fps = frameRateRational(settings.fps).value();
    if (fps <= 0.0) {
        return Error{ErrorKind::BadInput, "no frame rate"};
    }
    const long long count = frameCountFor(prosody.duration_s, settings.fps);
    Result<HeadMotion> head = headMotionFromProsody(prosody, fps, count, settings.head);
    if (!head.ok()) {
        return head.error();
    }
    Result<std::vector<Blink>> blinks = scheduleBlinks(prosody, settings.blinks);
    if (!blinks.ok()) {
        return blinks.error();
    }
    Result<std::vector<float>> closed = blinkWeights(*blinks, fps, count);
    if (!closed.ok()) {
        return closed.error();
    }
    const std::vector<MouthWeights> mouth_frames = mouthFrames(mouth, fps, count);
    FaceTrack track;
    track.fps = fps;
    track.frames.resize(size_t(count));
    for (long long k = 0; k < count; ++k) {
        const double t = double(k) / fps;
        FaceState& state = track.frames[size_t(k)];
        const MouthWeights& m = mouth_frames[size_t(k)];
        for (int c = 0; c < kMouthChannelCount; ++c) {
            state.weights[size_t(kMouthChannels[size_t(c)])] =
                std::clamp(settings.lips * m[size_t(c)], 0.0f, 1.0f);
        }
        state.speech = std::clamp(mouth.speechAt(t), 0.0f, 1.0f);
        state.weights[size_t(Blendshape::EyeBlinkLeft)] = (*closed)[size_t(k)];
        state.weights[size_t(Blendshape::EyeBlinkRight)] = (*closed)[size_t(k)];
        state.head_deg = head->rotation_deg[size_t(k)];
    }
    return track;
}

}  // namespace ps
