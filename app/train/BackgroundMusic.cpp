#include "train/BackgroundMusic.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "train/AddedNoise.h"
#include "train/Biquad.h"

namespace ps::train {
namespace {

constexpr double kTwoPi = 6.283185307179586;

double midiHz(double note) {
    return 440.0 * std::pow(2.0, (note - 69.0) / 12.0);
}

struct Tone {
    double start_s = 0.0;
    double length_s = 0.0;
    double hz = 220.0;
    double level = 0.1;
    int partials = 4;
    double tilt = 1.5;  // partial k has amplitude 1 / k^tilt
    double decay_s = 1.0;
    double vibrato_hz = 0.0;
    double vibrato_depth = 0.0;  // as a fraction of the frequency
};

// Adds a harmonic tone with a 10 ms attack, an exponential decay and a 20 ms release; partials
// at or above 0.45 of the sample rate are left out (no aliasing).
void addTone(std::vector<float>& out, int rate_hz, const Tone& tone) {
    const double rate = rate_hz;
    const auto first = size_t(std::max(0.0, tone.start_s * rate));
    const auto last =
        std::min(out.size(), size_t(std::max(0.0, tone.start_s + tone.length_s) * rate));
    std::array<double, 8> phase{};
    const int partials = std::min<int>(tone.partials, int(phase.size()));
    for (size_t i = first; i < last; ++i) {
        const double t = double(i - first) / rate;
        const double left = double(last - i) / rate;
        const double envelope =
            std::min(1.0, t / 0.01) * std::min(1.0, left / 0.02) * std::exp(-t / tone.decay_s);
        const double hz =
            tone.hz * (1.0 + tone.vibrato_depth * std::sin(kTwoPi * tone.vibrato_hz * t));
        double sample = 0.0;
        for (int k = 1; k <= partials; ++k) {
            if (k * hz >= 0.45 * rate) {
                break;
            }
            phase[size_t(k - 1)] += kTwoPi * k * hz / rate;
            sample += std::sin(phase[size_t(k - 1)]) / std::pow(double(k), tone.tilt);
        }
        out[i] += float(tone.level * envelope * sample);
    }
}

// A drum hit: a falling sine (the kick), a noise burst over a low tone (the snare) or a short
// burst of high noise (the hi-hat).
enum class Drum { Kick, Snare, HiHat };

void addDrum(std::vector<float>& out, int rate_hz, double start_s, Drum drum, double level,
             SeededRandom& random) {
    const double rate = rate_hz;
    const double decay_s = drum == Drum::Kick ? 0.15 : drum == Drum::Snare ? 0.12 : 0.03;
    const auto first = size_t(std::max(0.0, start_s * rate));
    const auto last = std::min(out.size(), first + size_t(6.0 * decay_s * rate));
    double phase = 0.0, previous = 0.0;
    for (size_t i = first; i < last; ++i) {
        const double t = double(i - first) / rate;
        const double envelope = std::exp(-t / decay_s);
        const double white = 2.0 * random.uniform() - 1.0;
        double sample = 0.0;
        switch (drum) {
            case Drum::Kick:
                phase += kTwoPi * (45.0 + 65.0 * std::exp(-t / 0.04)) / rate;
                sample = std::sin(phase);
                break;
            case Drum::Snare:
                phase += kTwoPi * 180.0 / rate;
                sample = 0.6 * white + 0.4 * std::sin(phase);
                break;
            case Drum::HiHat:
                sample = 0.5 * (white - previous);  // a first difference: only the highs
                break;
        }
        previous = white;
        out[i] += float(level * envelope * sample);
    }
}

void scaleToPeak(std::vector<float>& samples, float peak) {
    float most = 0.0f;
    for (float s : samples) {
        most = std::max(most, std::abs(s));
    }
    if (most > 0.0f) {
        for (float& s : samples) {
            s *= peak / most;
        }
    }
}

double meanSquare(const std::vector<float>& samples) {
    double sum = 0.0;
    for (float s : samples) {
        sum += double(s) * s;
    }
    return samples.empty() ? 0.0 : sum / double(samples.size());
}

}  // namespace

std::vector<float> makeMusic(size_t count, int rate_hz, SeededRandom& random) {
    std::vector<float> out(count, 0.0f);
    const double seconds = double(count) / rate_hz;
    const double beat_s = 60.0 / random.uniform(70.0, 150.0);
    const double root = 45.0 + double(random.below(12));  // A2 … G#3
    const bool minor = random.chance(0.4);
    const std::array<int, 7> major_scale = {0, 2, 4, 5, 7, 9, 11};
    const std::array<int, 7> minor_scale = {0, 2, 3, 5, 7, 8, 10};
    const std::array<int, 7>& scale = minor ? minor_scale : major_scale;
    const auto degree = [&](int d) { return scale[size_t(d % 7)] + 12 * (d / 7); };
    // Four chords a bar each, from the degrees pop music leans on: I, IV, V, vi.
    std::array<int, 4> progression{};
    for (int& chord : progression) {
        const std::array<int, 4> common = {0, 3, 4, 5};
        chord = common[size_t(random.below(common.size()))];
    }
    progression[0] = 0;
    const bool drums = random.chance(0.7);
    const double keys_decay_s = random.uniform(0.4, 1.5);
    const int keys_partials = 2 + int(random.below(5));
    const int bars = int(seconds / (4.0 * beat_s)) + 1;
    for (int bar = 0; bar < bars; ++bar) {
        const int chord = progression[size_t(bar % 4)];
        const double bar_s = 4.0 * bar * beat_s;
        for (int beat = 0; beat < 4; ++beat) {
            const double at = bar_s + beat * beat_s;
            // The chord on every beat (or every other), the bass on 1 and 3.
            if (beat % 2 == 0 || random.chance(0.5)) {
                for (int voice = 0; voice < 3; ++voice) {
                    Tone keys;
                    keys.start_s = at;
                    keys.length_s = beat_s;
                    keys.hz = midiHz(root + 12.0 + degree(chord + 2 * voice));
                    keys.level = 0.12;
                    keys.partials = keys_partials;
                    keys.decay_s = keys_decay_s;
                    addTone(out, rate_hz, keys);
                }
            }
            if (beat % 2 == 0) {
                Tone bass;
                bass.start_s = at;
                bass.length_s = 2.0 * beat_s;
                bass.hz = midiHz(root - 12.0 + degree(chord));
                bass.level = 0.25;
                bass.partials = 3;
                bass.tilt = 2.0;
                bass.decay_s = 0.8;
                addTone(out, rate_hz, bass);
            }
            if (drums) {
                addDrum(out, rate_hz, at, beat % 2 == 0 ? Drum::Kick : Drum::Snare, 0.35, random);
                addDrum(out, rate_hz, at, Drum::HiHat, 0.15, random);
                addDrum(out, rate_hz, at + 0.5 * beat_s, Drum::HiHat, 0.1, random);
            }
        }
    }
    // A melody like a singer's: held notes of the scale with vibrato, an octave above the
    // chords, in phrases with rests between them.
    for (double at = 0.0; at < seconds;) {
        const double length_s = beat_s * (0.5 + double(random.below(4)) * 0.5);
        if (random.chance(0.65)) {
            Tone sung;
            sung.start_s = at;
            sung.length_s = length_s;
            sung.hz = midiHz(root + 24.0 + degree(int(random.below(9))));
            sung.level = 0.18;
            sung.partials = 6;
            sung.tilt = 1.2;
            sung.decay_s = 3.0;
            sung.vibrato_hz = random.uniform(4.5, 6.5);
            sung.vibrato_depth = random.uniform(0.003, 0.012);
            addTone(out, rate_hz, sung);
        }
        at += length_s;
    }
    scaleToPeak(out, 0.5f);
    return out;
}

std::vector<float> makeBreaths(size_t count, int rate_hz, SeededRandom& random) {
    std::vector<float> out(count, 0.0f);
    const double rate = rate_hz;
    for (double at = random.uniform(0.0, 1.5); at * rate < double(count);
         at += random.uniform(2.0, 5.0)) {
        const double length_s = random.uniform(0.3, 0.8);
        // Air through the mouth and throat: a broad band around 0.8–2 kHz, louder in.
        Biquad band = Biquad::bandPass(rate, random.uniform(800.0, std::min(2000.0, 0.4 * rate)),
                                       random.uniform(0.5, 1.2));
        const double level = random.uniform(0.5, 1.0);
        const auto first = size_t(at * rate);
        const auto last = std::min(count, first + size_t(length_s * rate));
        for (size_t i = first; i < last; ++i) {
            const double phase = double(i - first) / double(last - first);
            const double swell = std::pow(std::sin(3.141592653589793 * phase), 2.0);
            out[i] += float(level * swell) * band.process(float(2.0 * random.uniform() - 1.0));
        }
    }
    scaleToPeak(out, 0.3f);
    return out;
}

void addMusic(PcmBuffer& pcm, double below_voice_db, SeededRandom& random) {
    if (pcm.channels != 1 || pcm.samples.empty()) {
        return;
    }
    const double voice = activeSpeechPower(pcm);
    if (voice <= 0.0) {
        return;
    }
    const std::vector<float> music = makeMusic(pcm.samples.size(), pcm.sample_rate_hz, random);
    const double power = meanSquare(music);
    if (power <= 0.0) {
        return;
    }
    const auto scale = float(std::sqrt(voice / (power * std::pow(10.0, below_voice_db / 10.0))));
    for (size_t i = 0; i < music.size(); ++i) {
        pcm.samples[i] += scale * music[i];
    }
}

PcmBuffer soundsWithoutSpeech(double seconds, int rate_hz, SeededRandom& random) {
    const auto count = size_t(std::max(0.0, seconds) * rate_hz);
    const uint64_t kind = random.below(3);  // music, breaths, or both
    std::vector<float> samples(count, 0.0f);
    if (kind != 1) {
        samples = makeMusic(count, rate_hz, random);
    }
    if (kind != 0) {
        const std::vector<float> breaths = makeBreaths(count, rate_hz, random);
        for (size_t i = 0; i < count; ++i) {
            samples[i] += breaths[i];
        }
    }
    const double power = meanSquare(samples);
    if (power > 0.0) {
        const double rms = std::pow(10.0, random.uniform(-40.0, -14.0) / 20.0);
        const auto scale = float(rms / std::sqrt(power));
        for (float& s : samples) {
            s = std::clamp(s * scale, -1.0f, 1.0f);
        }
    }
    return {rate_hz, 1, std::move(samples)};
}

}  // namespace ps::train
