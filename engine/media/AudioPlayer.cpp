#include "media/AudioPlayer.h"

#include <portaudio.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>

#include "media/AudioClip.h"
#include "runtime/SilencedStderr.h"

namespace ps {

namespace {

using Clock = std::chrono::steady_clock;

// The device's "low latency" suggestion underruns easily on a loaded desktop; a little more
// buffering costs nothing audible for a voice track.
constexpr double kMinOutputLatency_s = 0.04;

// Writes `frames` frames of `src` (src_channels interleaved) to `dst` (dst_channels
// interleaved): equal layouts are copied, mono is spread to every output channel, and more
// source channels than outputs are averaged.
void mixChannels(const float* src, int src_channels, float* dst, int dst_channels, long frames) {
    for (long i = 0; i < frames; ++i) {
        const float* in = src + i * src_channels;
        float* out = dst + i * dst_channels;
        if (src_channels <= dst_channels) {
            for (int c = 0; c < dst_channels; ++c) {
                out[c] = in[std::min(c, src_channels - 1)];
            }
        } else {
            float sum = 0.0f;
            for (int c = 0; c < src_channels; ++c) {
                sum += in[c];
            }
            const float mixed = sum / static_cast<float>(src_channels);
            for (int c = 0; c < dst_channels; ++c) {
                out[c] = mixed;
            }
        }
    }
}

}  // namespace

struct AudioPlayer::Impl {
    std::shared_ptr<const PcmBuffer> pcm;  // replaced only while the stream is stopped
    std::atomic<int64_t> total_frames{0};
    std::atomic<int> rate_hz{0};
    std::atomic<bool> use_device{false};

    // Device output: the callback advances `frame` (frames handed to the device); control
    // methods store seeks into it. What is heard lags `frame` by the output latency.
    bool pa_initialized = false;
    PaStream* stream = nullptr;
    int device_channels = 0;
    int64_t latency_frames = 0;
    std::atomic<int64_t> frame{0};
    std::atomic<int64_t> start_frame{0};  // where the current run of playback began
    std::atomic<bool> playing{false};     // until the last frame has been heard

    // Silent clock: position = anchor_frame + time since anchor_time while running.
    mutable std::mutex clock_mutex;
    bool clock_running = false;
    int64_t anchor_frame = 0;
    Clock::time_point anchor_time;

    bool openDevice();
    void closeDevice();
    void stopStream();
    int64_t heardFrame() const;

    int64_t clockFrameLocked(Clock::time_point now) const;
    int64_t currentFrame() const;

    static int callback(const void* input, void* output, unsigned long frame_count,
                        const PaStreamCallbackTimeInfo* time_info, PaStreamCallbackFlags flags,
                        void* user);
    static void finished(void* user);
};

bool AudioPlayer::Impl::openDevice() {
    const SilencedStderr quiet;  // device probing chatter, see SilencedStderr.h
    if (Pa_Initialize() != paNoError) {
        return false;  // Pa_Terminate must not follow a failed Pa_Initialize
    }
    pa_initialized = true;
    const PaDeviceIndex device = Pa_GetDefaultOutputDevice();
    const PaDeviceInfo* info = device != paNoDevice ? Pa_GetDeviceInfo(device) : nullptr;
    if (info == nullptr || info->maxOutputChannels < 1) {
        closeDevice();
        return false;
    }
    for (int channels = std::min(2, info->maxOutputChannels); channels >= 1; --channels) {
        PaStreamParameters params{};
        params.device = device;
        params.channelCount = channels;
        params.sampleFormat = paFloat32;
        params.suggestedLatency = std::max(info->defaultLowOutputLatency, kMinOutputLatency_s);
        if (Pa_OpenStream(&stream, nullptr, &params, kPlaybackSampleRate_hz,
                          paFramesPerBufferUnspecified, paClipOff, &Impl::callback,
                          this) == paNoError) {
            device_channels = channels;
            const PaStreamInfo* stream_info = Pa_GetStreamInfo(stream);
            latency_frames = stream_info != nullptr
                                 ? std::llround(stream_info->outputLatency * kPlaybackSampleRate_hz)
                                 : 0;
            Pa_SetStreamFinishedCallback(stream, &Impl::finished);
            return true;
        }
        stream = nullptr;
    }
    closeDevice();
    return false;
}

void AudioPlayer::Impl::closeDevice() {
    const SilencedStderr quiet;
    if (stream != nullptr) {
        Pa_AbortStream(stream);
        Pa_CloseStream(stream);
        stream = nullptr;
    }
    if (pa_initialized) {
        Pa_Terminate();
        pa_initialized = false;
    }
    use_device.store(false);
}

void AudioPlayer::Impl::stopStream() {
    const int64_t heard = heardFrame();
    const bool was_playing = playing.exchange(false);
    // Abort rather than stop: a pause should be heard at once, not after the queued buffers.
    // A stream that ended by itself (paComplete) also needs this before it can start again.
    if (stream != nullptr && Pa_IsStreamStopped(stream) == 0) {
        Pa_AbortStream(stream);
    }
    if (was_playing) {
        // The queued buffers were dropped unheard: resume from what was actually heard.
        frame.store(heard);
    }
}

int64_t AudioPlayer::Impl::heardFrame() const {
    const int64_t handed = frame.load();
    if (!playing.load()) {
        return handed;
    }
    return std::max(start_frame.load(), handed - latency_frames);
}

int64_t AudioPlayer::Impl::clockFrameLocked(Clock::time_point now) const {
    if (!clock_running) {
        return anchor_frame;
    }
    const double elapsed_s = std::chrono::duration<double>(now - anchor_time).count();
    const auto advanced = static_cast<int64_t>(std::floor(elapsed_s * rate_hz.load()));
    return std::min(anchor_frame + advanced, total_frames.load());
}

int64_t AudioPlayer::Impl::currentFrame() const {
    if (use_device.load()) {
        return heardFrame();
    }
    std::lock_guard<std::mutex> lock(clock_mutex);
    return clockFrameLocked(Clock::now());
}

int AudioPlayer::Impl::callback(const void* /*input*/, void* output, unsigned long frame_count,
                                const PaStreamCallbackTimeInfo* /*time_info*/,
                                PaStreamCallbackFlags /*flags*/, void* user) {
    auto* d = static_cast<Impl*>(user);
    auto* out = static_cast<float*>(output);
    const PcmBuffer* pcm = d->pcm.get();
    const auto wanted = static_cast<long>(frame_count);
    if (pcm == nullptr || pcm->channels < 1) {
        std::fill(out, out + wanted * d->device_channels, 0.0f);
        return paComplete;
    }
    int64_t pos = d->frame.load();
    const int64_t total = pcm->frameCount();
    const long n = static_cast<long>(std::clamp<int64_t>(total - pos, 0, wanted));
    if (n > 0) {
        mixChannels(pcm->samples.data() + pos * pcm->channels, pcm->channels, out,
                    d->device_channels, n);
    }
    std::fill(out + n * d->device_channels, out + wanted * d->device_channels, 0.0f);
    const int64_t next = pos + n;
    // A seek stored while this buffer was being filled wins over our advance.
    if (d->frame.compare_exchange_strong(pos, next) && next >= total) {
        return paComplete;  // `playing` turns false in finished(), once this has been heard
    }
    return paContinue;
}

void AudioPlayer::Impl::finished(void* user) {
    auto* d = static_cast<Impl*>(user);
    d->playing.store(false);
}

AudioPlayer::AudioPlayer(AudioOutput output) : d_(std::make_unique<Impl>()) {
    if (output == AudioOutput::DefaultDevice && d_->openDevice()) {
        d_->use_device.store(true);
    }
}

AudioPlayer::~AudioPlayer() {
    d_->closeDevice();
}

Status AudioPlayer::setBuffer(std::shared_ptr<const PcmBuffer> pcm) {
    if (pcm != nullptr && (pcm->sample_rate_hz != kPlaybackSampleRate_hz || pcm->channels < 1)) {
        return Error{ErrorKind::BadInput,
                     "audio for playback must be 48 kHz with at least one "
                     "channel"};
    }
    pause();
    d_->pcm = std::move(pcm);
    d_->total_frames.store(d_->pcm ? d_->pcm->frameCount() : 0);
    d_->rate_hz.store(d_->pcm ? d_->pcm->sample_rate_hz : 0);
    seek(0.0);
    return {};
}

bool AudioPlayer::hasAudioDevice() const {
    return d_->use_device.load();
}

void AudioPlayer::play() {
    if (d_->pcm == nullptr || d_->total_frames.load() == 0 || isPlaying()) {
        return;
    }
    if (d_->currentFrame() >= d_->total_frames.load()) {
        seek(0.0);
    }
    if (d_->use_device.load()) {
        d_->stopStream();
        d_->start_frame.store(d_->frame.load());
        d_->playing.store(true);
        if (Pa_StartStream(d_->stream) == paNoError) {
            return;
        }
        // The device went away since it was opened: carry on with the silent clock from here.
        d_->playing.store(false);
        const int64_t from = d_->frame.load();
        d_->closeDevice();
        std::lock_guard<std::mutex> lock(d_->clock_mutex);
        d_->anchor_frame = from;
    }
    std::lock_guard<std::mutex> lock(d_->clock_mutex);
    d_->anchor_time = Clock::now();
    d_->clock_running = true;
}

void AudioPlayer::pause() {
    if (d_->use_device.load()) {
        d_->stopStream();
        return;
    }
    std::lock_guard<std::mutex> lock(d_->clock_mutex);
    const auto now = Clock::now();
    d_->anchor_frame = d_->clockFrameLocked(now);
    d_->anchor_time = now;
    d_->clock_running = false;
}

void AudioPlayer::seek(double time_s) {
    const int64_t total = d_->total_frames.load();
    const double wanted = std::isfinite(time_s) ? time_s * d_->rate_hz.load() : 0.0;
    const auto target =
        static_cast<int64_t>(std::llround(std::clamp(wanted, 0.0, static_cast<double>(total))));
    if (d_->use_device.load()) {
        d_->frame.store(target);
        d_->start_frame.store(target);
        return;
    }
    std::lock_guard<std::mutex> lock(d_->clock_mutex);
    d_->anchor_frame = target;
    d_->anchor_time = Clock::now();
}

double AudioPlayer::position_s() const {
    const int rate = d_->rate_hz.load();
    return rate > 0 ? static_cast<double>(d_->currentFrame()) / rate : 0.0;
}

bool AudioPlayer::isPlaying() const {
    if (d_->use_device.load()) {
        return d_->playing.load();
    }
    std::lock_guard<std::mutex> lock(d_->clock_mutex);
    return d_->clock_running && d_->clockFrameLocked(Clock::now()) < d_->total_frames.load();
}

double AudioPlayer::duration_s() const {
    const int rate = d_->rate_hz.load();
    return rate > 0 ? static_cast<double>(d_->total_frames.load()) / rate : 0.0;
}

}  // namespace ps
