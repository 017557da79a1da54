#include "motion/MotionSources.h"

#include <algorithm>
#include <cmath>

#include "voice/BlinkSchedule.h"
#include "voice/HeadMotion.h"
#include "voice/SpeechMotion.h"
#include "voice/VoiceToFace.h"

namespace ps {

namespace {

FaceState mix(const FaceState& a, const FaceState& b, float u) {
    FaceState out;
    for (size_t i = 0; i < out.weights.size(); ++i) {
        out.weights[i] = a.weights[i] + u * (b.weights[i] - a.weights[i]);
    }
    out.head_deg = a.head_deg + u * (b.head_deg - a.head_deg);
    out.left_eye_deg = a.left_eye_deg + u * (b.left_eye_deg - a.left_eye_deg);
    out.right_eye_deg = a.right_eye_deg + u * (b.right_eye_deg - a.right_eye_deg);
    out.speech = a.speech + u * (b.speech - a.speech);
    return out;
}

}  // namespace

Result<VoiceSource> makeVoiceSource(const AudioClip& audio, const VoiceLayerSettings& settings,
                                    const CancelToken& cancel, const ProgressFn& progress) {
    const std::string model =
        settings.model_path.empty() ? defaultVoiceModelPath() : settings.model_path;
    Result<VoiceAnalysis> voice = analyseVoice(audio, model, cancel, progress);
    if (!voice.ok()) {
        return voice.error();
    }
    // The voice's own motion only: blinks and sway belong to the idle layer.
    SpeechMotionSettings motion;
    motion.fps = kMotionSourceRate;
    motion.head.nods = settings.nods;
    motion.head.speech = settings.head_follow;
    motion.head.sway = 0.0f;
    motion.head.seed = settings.seed;
    motion.blinks.rate_per_min = 0.0;
    Result<FaceTrack> track = speechMotion(voice->mouth, voice->prosody, motion);
    if (!track.ok()) {
        return track.error();
    }
    VoiceSource source;
    source.track = std::move(*track);
    source.prosody = std::move(voice->prosody);
    source.made_with = settings;
    return source;
}

VoiceSource silentVoiceSource(double duration_s) {
    VoiceSource source;
    source.prosody.duration_s = std::max(0.0, duration_s);
    source.prosody.pauses.push_back({0.0, source.prosody.duration_s});
    return source;
}

Result<IdleSource> makeIdleSource(const Prosody& voice_prosody, double duration_s,
                                  const IdleLayerSettings& settings, float blink_rate) {
    if (!(duration_s >= 0.0 && std::isfinite(duration_s))) {
        return Error{ErrorKind::BadInput, "idle motion: the duration must be zero or more"};
    }
    if (!(blink_rate >= 0.0f && std::isfinite(blink_rate))) {
        return Error{ErrorKind::BadInput, "idle motion: the blink rate must be zero or more"};
    }
    const double fps = frameRateRational(kMotionSourceRate).value();
    const long long count = frameCountFor(duration_s, kMotionSourceRate);

    HeadMotionSettings head;
    head.nods = 0.0f;
    head.speech = 0.0f;
    head.sway = settings.sway;
    head.seed = settings.seed;
    Result<HeadMotion> sway = headMotionFromProsody(voice_prosody, fps, count, head);
    if (!sway.ok()) {
        return sway.error();
    }
    BlinkSettings blink;
    // Capped where BlinkSchedule can still keep blinks apart (its 0.5 s gap, a third spare).
    blink.rate_per_min = std::min(80.0, settings.blinks_per_min * double(blink_rate));
    blink.seed = settings.seed;
    Result<std::vector<Blink>> blinks = scheduleBlinks(voice_prosody.pauses, duration_s, blink);
    if (!blinks.ok()) {
        return blinks.error();
    }
    Result<std::vector<float>> closed = blinkWeights(*blinks, fps, count);
    if (!closed.ok()) {
        return closed.error();
    }
    IdleSource source;
    source.track.fps = fps;
    source.track.frames.resize(size_t(count));
    for (size_t k = 0; k < source.track.frames.size(); ++k) {
        FaceState& state = source.track.frames[k];
        state.weights[size_t(Blendshape::EyeBlinkLeft)] = (*closed)[k];
        state.weights[size_t(Blendshape::EyeBlinkRight)] = (*closed)[k];
        state.head_deg = sway->rotation_deg[k];
    }
    source.made_with = settings;
    source.blink_rate_made_with = blink_rate;
    source.duration_made_with_s = duration_s;
    return source;
}

Result<MotionSources> makeMotionSources(const MotionDocument& document, const AudioClip* audio,
                                        const CancelToken& cancel, const ProgressFn& progress) {
    MotionSources sources;
    if (audio != nullptr) {
        Result<VoiceSource> voice = makeVoiceSource(*audio, document.voice, cancel, progress);
        if (!voice.ok()) {
            return voice.error();
        }
        sources.voice = std::move(*voice);
    } else {
        sources.voice = silentVoiceSource(document.duration_s);
        sources.voice.made_with = document.voice;
    }
    Result<IdleSource> idle = makeIdleSource(sources.voice.prosody, document.duration_s,
                                             document.idle, document.strengths.blink_rate);
    if (!idle.ok()) {
        return idle.error();
    }
    sources.idle = std::move(*idle);
    return sources;
}

bool voiceSourceIsCurrent(const VoiceSource& source, const MotionDocument& document) {
    return source.made_with == document.voice;
}

bool idleSourceIsCurrent(const IdleSource& source, const MotionDocument& document) {
    return source.made_with == document.idle &&
           source.blink_rate_made_with == document.strengths.blink_rate &&
           source.duration_made_with_s == document.duration_s;
}

FaceState sampleTrack(const FaceTrack& track, double t_s) {
    if (track.frames.empty() || !(track.fps > 0.0)) {
        return {};
    }
    const double position = std::max(0.0, t_s * track.fps);
    const size_t last = track.frames.size() - 1;
    const size_t k = std::min(size_t(position), last);
    if (k == last) {
        return track.frames[last];
    }
    return mix(track.frames[k], track.frames[k + 1], float(position - double(k)));
}

}  // namespace ps
