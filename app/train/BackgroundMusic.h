// Music and breathing, the sounds beside a voice that must not move the mouth: a creator's track
// often has a music bed under the speech, and breaths between phrases. The music is synthesised
// (no recordings are available here): a chord progression on a plucked, decaying keyboard, a
// bass, a sung-like melody with vibrato (the closest thing to a voice that is not speech), and
// drums, at a random key and tempo. Breaths are band-limited noise with a slow swell.
#pragma once

#include <cstddef>
#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/SeededRandom.h"

namespace ps::train {

// `count` samples of music at `rate_hz`, peaking near ±0.5. The same random state gives the same
// music.
std::vector<float> makeMusic(size_t count, int rate_hz, SeededRandom& random);

// `count` samples at `rate_hz` of silence with breaths in it: one every 2–5 s, each 0.3–0.8 s,
// peaking near ±0.3.
std::vector<float> makeBreaths(size_t count, int rate_hz, SeededRandom& random);

// Adds music `below_voice_db` below the voice: activeSpeechPower (AddedNoise.h) over the music's
// mean square is that many dB. Silence stays silent (there is no voice to be below). Mono only.
void addMusic(PcmBuffer& pcm, double below_voice_db, SeededRandom& random);

// A clip of `seconds` at `rate_hz` with no speech: music, breaths, or music with breaths, at a
// level from quiet to loud (RMS −40…−14 dBFS). For teaching the voice model that none of it is
// speech.
PcmBuffer soundsWithoutSpeech(double seconds, int rate_hz, SeededRandom& random);

}  // namespace ps::train
