#include "train/RoomReverb.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>

namespace ps::train {
namespace {

double energy(const std::vector<float>& samples) {
    double sum = 0.0;
    for (const float x : samples) {
        sum += static_cast<double>(x) * x;
    }
    return sum;
}

}  // namespace

std::vector<float> reverberantResponse(int rate_hz, double rt60_s, SeededRandom& random) {
    rt60_s = std::clamp(rt60_s, 0.01, 5.0);
    // The tail is kept until it is 60 dB down, and no longer than a second: beyond that it is
    // far below any noise the clip will get.
    const auto length = static_cast<size_t>(std::min(rt60_s, 1.0) * rate_hz) + 1;
    std::vector<float> response(length, 0.0f);
    // 60 dB in rt60: amplitude 10^(-3 t / rt60).
    const auto envelope = [&](double t_s) { return std::pow(10.0, -3.0 * t_s / rt60_s); };

    // Late reverberation: noise under the decay, starting softly 5 ms in, through a one-pole
    // low-pass whose cut-off (4 kHz) stands for the absorption of the highs.
    const double onset_s = 0.005;
    const double smoothing = std::exp(-2.0 * 3.141592653589793 * 4000.0 / rate_hz);
    double lowpassed = 0.0;
    for (size_t i = 1; i < length; ++i) {
        const double t = static_cast<double>(i) / rate_hz;
        lowpassed = (1.0 - smoothing) * random.gaussian() + smoothing * lowpassed;
        const double fade_in = std::min(1.0, t / onset_s);
        response[i] = static_cast<float>(lowpassed * envelope(t) * fade_in * fade_in);
    }
    // Scale the tail against the reflections: a small room's walls are near and loud.
    const double tail_energy = energy(response);
    if (tail_energy > 0.0) {
        const auto tail_scale = static_cast<float>(1.0 / std::sqrt(tail_energy));
        for (float& x : response) {
            x *= tail_scale;
        }
    }
    const auto reflections = static_cast<int>(6 + random.below(7));
    for (int r = 0; r < reflections; ++r) {
        const double t = random.uniform(0.002, 0.030);
        const auto at = std::min(length - 1, static_cast<size_t>(std::lround(t * rate_hz)));
        const double sign = random.chance(0.5) ? 1.0 : -1.0;
        response[at] += static_cast<float>(sign * random.uniform(0.3, 0.7) * envelope(t));
    }

    const double total = energy(response);
    if (total > 0.0) {
        const auto scale = static_cast<float>(1.0 / std::sqrt(total));
        for (float& x : response) {
            x *= scale;
        }
    }
    return response;
}

std::vector<float> convolveSame(const std::vector<float>& signal,
                                const std::vector<float>& kernel) {
    if (signal.empty() || kernel.empty()) {
        return std::vector<float>(signal.size(), 0.0f);
    }
    // One FFT of the whole clip: clips are seconds long, and OpenCV's DFT of a few hundred
    // thousand points takes milliseconds.
    const int size = cv::getOptimalDFTSize(static_cast<int>(signal.size() + kernel.size() - 1));
    cv::Mat x = cv::Mat::zeros(1, size, CV_32F);
    cv::Mat h = cv::Mat::zeros(1, size, CV_32F);
    std::copy(signal.begin(), signal.end(), x.ptr<float>());
    std::copy(kernel.begin(), kernel.end(), h.ptr<float>());
    cv::Mat x_spectrum;
    cv::Mat h_spectrum;
    cv::dft(x, x_spectrum);
    cv::dft(h, h_spectrum);
    cv::Mat product;
    cv::mulSpectrums(x_spectrum, h_spectrum, product, 0);
    cv::Mat y;
    cv::dft(product, y, cv::DFT_INVERSE | cv::DFT_SCALE | cv::DFT_REAL_OUTPUT);
    const float* out = y.ptr<float>();
    return std::vector<float>(out, out + signal.size());
}

void addReverb(PcmBuffer& pcm, double rt60_s, double wet, SeededRandom& random) {
    if (pcm.samples.empty() || wet <= 0.0) {
        return;
    }
    const double dry_energy = energy(pcm.samples);
    const std::vector<float> response = reverberantResponse(pcm.sample_rate_hz, rt60_s, random);
    const std::vector<float> echo = convolveSame(pcm.samples, response);
    for (size_t i = 0; i < pcm.samples.size(); ++i) {
        pcm.samples[i] += static_cast<float>(wet) * echo[i];
    }
    const double wet_energy = energy(pcm.samples);
    if (wet_energy > 0.0 && dry_energy > 0.0) {
        const auto scale = static_cast<float>(std::sqrt(dry_energy / wet_energy));
        for (float& x : pcm.samples) {
            x *= scale;
        }
    }
}

}  // namespace ps::train
