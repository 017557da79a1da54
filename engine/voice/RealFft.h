// The discrete Fourier transform of a real signal whose length is a power of two, and its
// inverse: the voice features (log-mel, pitch) need small transforms every 10 ms, so this is a
// plain radix-2 FFT with every table built once, rather than a general library.
// Thread-safe: the object holds only constant tables; callers pass their own buffers.
#pragma once

#include <vector>

namespace ps {

class RealFft {
public:
    // `size` must be a power of two, at least 4 (checked by an assert; the callers use constants).
    explicit RealFft(int size);

    int size() const { return size_; }
    int binCount() const { return size_ / 2 + 1; }  // bins 0 (DC) .. size/2 (Nyquist)

    // X[k] = sum_n input[n] exp(-2 pi i k n / size) for k = 0 .. size/2: no scaling, the sign
    // convention of numpy.fft.rfft. `input` has size() samples; `re` and `im` have binCount()
    // entries each and are also the transform's working space.
    void forward(const float* input, float* re, float* im) const;
    // The inverse of forward(): size() real samples from bins 0 .. size/2 (the imaginary parts
    // of bins 0 and size/2 are ignored, as they are zero for a real signal), scaled by
    // 1 / size like numpy.fft.irfft. `re` and `im` are overwritten as working space.
    void inverse(float* re, float* im, float* output) const;

private:
    // The complex transform of length size/2, in place, of values already in bit-reversed order.
    void transformBitReversed(float* re, float* im) const;

    int size_ = 0;
    int half_ = 0;                   // the complex transform's length, size / 2
    std::vector<int> bit_reversed_;  // where complex input m goes before the butterflies
    std::vector<float> stage_cos_;   // per stage of length L: cos(2 pi j / L), j < L / 2,
    std::vector<float> stage_sin_;   //   stages stored one after another from L = 8
    std::vector<float> split_cos_;   // cos(2 pi k / size), k < size / 4: separates the
    std::vector<float> split_sin_;   //   even and odd samples' spectra at the end
};

}  // namespace ps
