// Plays a voice track through the default sound output, and is the studio's playback clock:
// position_s() is what the viewer and the timeline follow. Where there is no usable output (no
// sound card, no default device, the stream cannot be opened) it falls back to a silent clock
// that behaves the same from the outside; hasAudioDevice() tells which one is in use.
//
// The default output is opened once, at construction, so hasAudioDevice() is known from the
// start; the stream only runs while playing.
//
// Threads: create, control (setBuffer, play, pause, seek) and destroy it from one thread; the
// read-only queries (position_s, isPlaying, duration_s, hasAudioDevice) are safe from any thread.
#pragma once

#include <memory>

#include "media/PcmBuffer.h"
#include "runtime/Result.h"

namespace ps {

enum class AudioOutput {
    Silent = 0,     // no sound: a steady clock only (tests, machines without audio)
    DefaultDevice,  // the system's default output, or the silent clock if it cannot be used
};

class AudioPlayer {
public:
    explicit AudioPlayer(AudioOutput output = AudioOutput::DefaultDevice);
    ~AudioPlayer();

    AudioPlayer(const AudioPlayer&) = delete;
    AudioPlayer& operator=(const AudioPlayer&) = delete;

    // Stops playback and rewinds to 0. The buffer must be at kPlaybackSampleRate_hz (48 kHz)
    // with at least one channel (BadInput otherwise, and the previous buffer stays). Pass
    // nullptr to unload.
    Status setBuffer(std::shared_ptr<const PcmBuffer> pcm);

    bool hasAudioDevice() const;

    // Starts from the current position; at the end, starts again from 0. Does nothing without
    // a buffer.
    void play();
    void pause();
    // Clamped to [0, duration_s()]; keeps playing if it was.
    void seek(double time_s);

    // Seconds from the start of the buffer. Stops advancing at duration_s(), where playback ends
    // by itself (isPlaying() turns false).
    double position_s() const;
    bool isPlaying() const;
    double duration_s() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace ps
