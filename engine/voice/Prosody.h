// How the voice sounds over time, at the log-mel's 100 frames per second (frame i centred on
// t = i * 10 ms, N / 160 + 1 frames for N samples): loudness, pitch, voicing, speech activity,
// and the pauses between phrases. Head motion and blinks are driven from this; they take the
// plain structs below, so they can also be driven by prosody made up in a test.
#pragma once

#include <vector>

#include "media/PcmBuffer.h"
#include "runtime/Result.h"

namespace ps {

constexpr double kProsodyFrameRate_hz = 100.0;
constexpr float kSilenceLoudness_db = -100.0f;  // the loudness of digital silence

struct ProsodyFrame {
    // RMS of the 25 ms window around the frame's centre, in dB relative to full scale (an RMS of
    // 1.0 is 0 dB, a full-scale sine about -3 dB); never below kSilenceLoudness_db.
    float loudness_db = kSilenceLoudness_db;
    float pitch_hz = 0.0f;  // the fundamental where voiced, else 0
    // Periodic enough to have a pitch. This is acoustic: a hum in a pause can be voiced, so
    // consumers that mean "voiced speech" combine it with `speech`.
    bool voiced = false;
    bool speech = false;  // speech activity (see ProsodySettings)
};

// A frame counts as speech when any of its 25 ms window reaches speech, so the run of silent
// frames starts about half a window after the sound stops; a pause's edges are moved back by
// that half window, to where the sound stops and starts again (within a few ms).
struct Pause {
    double start_s = 0.0;
    double end_s = 0.0;
    double duration_s() const { return end_s - start_s; }
};

struct Prosody {
    double frame_rate_hz = kProsodyFrameRate_hz;  // frame i describes t = i / frame_rate_hz
    double duration_s = 0.0;                      // of the audio analysed
    std::vector<ProsodyFrame> frames;
    // Stretches without speech at least ProsodySettings::min_pause_s long, in time order,
    // including silence before the first word and after the last one.
    std::vector<Pause> pauses;
    // The loudness thresholds speech activity used for this clip (see ProsodySettings).
    float speech_on_db = 0.0f;
    float speech_off_db = 0.0f;
};

struct ProsodySettings {
    // Pitch search range and YIN's threshold on the cumulative-mean-normalised difference
    // (lower is stricter: 0 only for exact periodicity, ~1 for noise).
    double min_pitch_hz = 60.0;
    double max_pitch_hz = 400.0;
    double voicing_threshold = 0.2;

    // Speech activity is a two-threshold (hysteresis) decision on loudness, placed relative to
    // the clip's own loudness distribution so that it behaves the same on quiet and loud
    // recordings: with `floor` the 10th and `level` the 95th percentile of frame loudness,
    // range = level - floor (the floor raised to at most max_range_db below the level),
    // a stretch of frames above floor + speech_off * range is speech if it reaches
    // floor + speech_on * range somewhere. A clip whose range is under min_range_db has no
    // pauses to find: it is all speech, or all silence when its level is under -60 dBFS.
    double speech_on = 0.35;
    double speech_off = 0.2;
    double max_range_db = 45.0;
    double min_range_db = 10.0;
    // Gaps in speech shorter than this are bridged (stop consonants, breaths between words);
    // bursts of activity shorter than min_speech_s are dropped (clicks).
    double bridge_gap_s = 0.08;
    double min_speech_s = 0.05;
    double min_pause_s = 0.25;  // the shortest stretch without speech listed as a pause
};

// Prosody of an analysis buffer (16 kHz mono: AudioClip::analysis). BadInput for other formats
// or settings out of their ranges.
Result<Prosody> analyzeProsody(const PcmBuffer& analysis, const ProsodySettings& settings = {});

}  // namespace ps
