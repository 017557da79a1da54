#include "train/AddedNoise.h"

#include <algorithm>
#include <cmath>

#include "train/Biquad.h"

namespace ps::train {
namespace {

std::vector<float> whiteNoise(size_t count, SeededRandom& random) {
    std::vector<float> noise(count);
    for (float& x : noise) {
        x = static_cast<float>(random.gaussian());
    }
    return noise;
}

// Paul Kellet's filter: white noise through six first-order sections whose sum falls at
// 3 dB per octave over the speech band (its poles were placed for 44.1 kHz; at 16 kHz the slope
// holds from about 15 Hz up, which is all that matters here).
std::vector<float> pinkNoise(size_t count, SeededRandom& random) {
    std::vector<float> noise(count);
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    for (float& x : noise) {
        const double white = random.gaussian();
        b0 = 0.99886 * b0 + white * 0.0555179;
        b1 = 0.99332 * b1 + white * 0.0750759;
        b2 = 0.96900 * b2 + white * 0.1538520;
        b3 = 0.86650 * b3 + white * 0.3104856;
        b4 = 0.55000 * b4 + white * 0.5329522;
        b5 = -0.7616 * b5 - white * 0.0168980;
        x = static_cast<float>(b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362);
        b6 = white * 0.115926;
    }
    return noise;
}

// One distant talker: a buzz at a voice's pitch plus breath noise, shaped by two formant
// resonances that move every syllable (150 to 300 ms), under a rising-and-falling syllable
// envelope, with the odd silent syllable.
void addTalker(std::vector<float>& mix, int rate_hz, SeededRandom& random) {
    const double pitch_hz = random.uniform(90.0, 250.0);
    const double level = random.uniform(0.5, 1.0);
    Biquad first = Biquad::bandPass(rate_hz, 500.0, 5.0);
    Biquad second = Biquad::bandPass(rate_hz, 1500.0, 8.0);
    double phase = random.uniform();
    size_t start = 0;
    while (start < mix.size()) {
        const auto length = static_cast<size_t>(random.uniform(0.15, 0.3) * rate_hz);
        const double loudness = random.chance(0.2) ? 0.0 : random.uniform(0.3, 1.0);
        first.retune(Biquad::bandPass(rate_hz, random.uniform(300.0, 900.0), 5.0));
        second.retune(Biquad::bandPass(rate_hz, random.uniform(900.0, 2500.0), 8.0));
        const size_t end = std::min(mix.size(), start + length);
        for (size_t i = start; i < end; ++i) {
            phase += pitch_hz / rate_hz;
            phase -= std::floor(phase);
            const double buzz = 2.0 * phase - 1.0;  // a sawtooth: every harmonic, like a voice
            const double source = buzz + 0.3 * random.gaussian();
            const double shaped = first.process(static_cast<float>(source)) +
                                  0.6 * second.process(static_cast<float>(source));
            const double along = static_cast<double>(i - start) / static_cast<double>(length);
            const double envelope = std::sin(3.141592653589793 * along);
            mix[i] += static_cast<float>(level * loudness * envelope * envelope * shaped);
        }
        start = end;
    }
}

std::vector<float> babbleNoise(size_t count, int rate_hz, SeededRandom& random) {
    // Six voices: few enough to sound like people, enough that no single word stands out.
    constexpr int kTalkers = 6;
    std::vector<float> mix(count, 0.0f);
    for (int talker = 0; talker < kTalkers; ++talker) {
        addTalker(mix, rate_hz, random);
    }
    return mix;
}

double meanSquare(const float* samples, size_t count) {
    double sum = 0.0;
    for (size_t i = 0; i < count; ++i) {
        sum += static_cast<double>(samples[i]) * samples[i];
    }
    return count > 0 ? sum / static_cast<double>(count) : 0.0;
}

}  // namespace

std::string_view noiseKindName(NoiseKind kind) {
    switch (kind) {
        case NoiseKind::White:
            return "white";
        case NoiseKind::Pink:
            return "pink";
        case NoiseKind::Babble:
            return "babble";
    }
    return "noise";
}

std::vector<float> makeNoise(NoiseKind kind, size_t count, int rate_hz, SeededRandom& random) {
    switch (kind) {
        case NoiseKind::White:
            return whiteNoise(count, random);
        case NoiseKind::Pink:
            return pinkNoise(count, random);
        case NoiseKind::Babble:
            return babbleNoise(count, rate_hz, random);
    }
    return std::vector<float>(count, 0.0f);
}

double activeSpeechPower(const PcmBuffer& pcm) {
    const size_t block = std::max<size_t>(1, static_cast<size_t>(pcm.sample_rate_hz / 50));
    std::vector<double> powers;
    for (size_t start = 0; start < pcm.samples.size(); start += block) {
        const size_t count = std::min(block, pcm.samples.size() - start);
        powers.push_back(meanSquare(pcm.samples.data() + start, count));
    }
    if (powers.empty()) {
        return 0.0;
    }
    const double loudest = *std::max_element(powers.begin(), powers.end());
    const double floor = loudest * 1e-4;  // 40 dB down
    double sum = 0.0;
    int active = 0;
    for (const double power : powers) {
        if (power > floor) {
            sum += power;
            ++active;
        }
    }
    return active > 0 ? sum / active : 0.0;
}

void addNoise(PcmBuffer& pcm, NoiseKind kind, double snr_db, SeededRandom& random) {
    const double speech = activeSpeechPower(pcm);
    if (speech <= 0.0) {
        return;
    }
    const std::vector<float> noise =
        makeNoise(kind, pcm.samples.size(), pcm.sample_rate_hz, random);
    const double noise_power = meanSquare(noise.data(), noise.size());
    if (noise_power <= 0.0) {
        return;
    }
    const auto scale =
        static_cast<float>(std::sqrt(speech / noise_power * std::pow(10.0, -snr_db / 10.0)));
    for (size_t i = 0; i < pcm.samples.size(); ++i) {
        pcm.samples[i] += scale * noise[i];
    }
}

}  // namespace ps::train
