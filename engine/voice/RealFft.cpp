#include "voice/RealFft.h"

#include <cassert>
#include <cmath>
#include <utility>

namespace ps {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

}  // namespace

RealFft::RealFft(int size) : size_(size), half_(size / 2) {
    assert(size >= 4 && (size & (size - 1)) == 0);  // a power of two

    int bits = 0;
    while ((1 << bits) < half_) {
        ++bits;
    }
    bit_reversed_.resize(half_);
    for (int m = 0; m < half_; ++m) {
        int reversed = 0;
        for (int b = 0; b < bits; ++b) {
            reversed |= ((m >> b) & 1) << (bits - 1 - b);
        }
        bit_reversed_[m] = reversed;
    }

    // Twiddles are computed in double and rounded once, so their error does not grow with the
    // stage; each stage gets its own contiguous run so the butterfly loop reads them in order.
    for (int length = 8; length <= half_; length *= 2) {
        for (int j = 0; j < length / 2; ++j) {
            const double angle = kTwoPi * j / length;
            stage_cos_.push_back(static_cast<float>(std::cos(angle)));
            stage_sin_.push_back(static_cast<float>(std::sin(angle)));
        }
    }
    for (int k = 0; k < size_ / 4; ++k) {
        const double angle = kTwoPi * k / size_;
        split_cos_.push_back(static_cast<float>(std::cos(angle)));
        split_sin_.push_back(static_cast<float>(std::sin(angle)));
    }
}

void RealFft::transformBitReversed(float* re, float* im) const {
    const int n = half_;
    // Stages of length 2 and 4 have the twiddles 1 and -i, so they need no multiplications.
    for (int k = 0; k + 1 < n; k += 2) {
        const float ar = re[k], ai = im[k], br = re[k + 1], bi = im[k + 1];
        re[k] = ar + br;
        im[k] = ai + bi;
        re[k + 1] = ar - br;
        im[k + 1] = ai - bi;
    }
    for (int k = 0; k + 3 < n; k += 4) {
        const float ar = re[k], ai = im[k], br = re[k + 2], bi = im[k + 2];
        re[k] = ar + br;
        im[k] = ai + bi;
        re[k + 2] = ar - br;
        im[k + 2] = ai - bi;
        // Twiddle exp(-i pi / 2) = -i, and (x + iy)(-i) = y - ix.
        const float cr = re[k + 1], ci = im[k + 1], dr = im[k + 3], di = -re[k + 3];
        re[k + 1] = cr + dr;
        im[k + 1] = ci + di;
        re[k + 3] = cr - dr;
        im[k + 3] = ci - di;
    }
    const float* stage_cos = stage_cos_.data();
    const float* stage_sin = stage_sin_.data();
    for (int length = 8; length <= n; length *= 2) {
        const int half_length = length / 2;
        for (int start = 0; start < n; start += length) {
            float* top_re = re + start;
            float* top_im = im + start;
            float* bottom_re = top_re + half_length;
            float* bottom_im = top_im + half_length;
            for (int j = 0; j < half_length; ++j) {
                // bottom * exp(-2 pi i j / length)
                const float c = stage_cos[j], s = stage_sin[j];
                const float tr = bottom_re[j] * c + bottom_im[j] * s;
                const float ti = bottom_im[j] * c - bottom_re[j] * s;
                bottom_re[j] = top_re[j] - tr;
                bottom_im[j] = top_im[j] - ti;
                top_re[j] += tr;
                top_im[j] += ti;
            }
        }
        stage_cos += half_length;
        stage_sin += half_length;
    }
}

void RealFft::forward(const float* input, float* re, float* im) const {
    const int n = half_;

    // A real signal of length 2n read as n complex values z[m] = x[2m] + i x[2m+1]: one complex
    // transform of half the length does the work, and the two spectra are separated afterwards.
    // The values are loaded straight into bit-reversed order, which the in-place butterflies
    // below expect.
    for (int m = 0; m < n; ++m) {
        re[bit_reversed_[m]] = input[2 * m];
        im[bit_reversed_[m]] = input[2 * m + 1];
    }

    transformBitReversed(re, im);

    // With Z the transform of z: E[k] = (Z[k] + conj Z[n-k]) / 2 is the even samples' spectrum,
    // O[k] = (Z[k] - conj Z[n-k]) / 2i the odd samples', and X[k] = E[k] + W^k O[k] with
    // W = exp(-2 pi i / 2n). Bins k and n-k come from the same pair, and
    // X[n-k] = conj(E[k] - W^k O[k]), so each pair is finished in place.
    const float z0r = re[0], z0i = im[0];
    re[0] = z0r + z0i;
    im[0] = 0.0f;
    re[n] = z0r - z0i;
    im[n] = 0.0f;
    for (int k = 1; k < n / 2; ++k) {
        const float ar = re[k], ai = im[k], br = re[n - k], bi = im[n - k];
        const float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
        // (a - conj b) / 2i = (ai + bi) / 2 - i (ar - br) / 2
        const float orr = 0.5f * (ai + bi), oi = -0.5f * (ar - br);
        // W^k = cos - i sin
        const float c = split_cos_[k], s = split_sin_[k];
        const float wr = orr * c + oi * s;
        const float wi = oi * c - orr * s;
        re[k] = er + wr;
        im[k] = ei + wi;
        re[n - k] = er - wr;
        im[n - k] = -(ei - wi);
    }
    // The middle bin pairs with itself; W^(n/2) = -i reduces the formula to a conjugate.
    im[n / 2] = -im[n / 2];
}

void RealFft::inverse(float* re, float* im, float* output) const {
    const int n = half_;

    // The forward split run backwards: E[k] = (X[k] + conj X[n-k]) / 2 and
    // O[k] = (X[k] - conj X[n-k]) conj(W^k) / 2 are the even and odd samples' spectra, and
    // Z = E + iO is the spectrum of z[m] = x[2m] + i x[2m+1]. For the pair (k, n-k),
    // E[n-k] = conj E[k] and O[n-k] = conj O[k].
    const float x0 = re[0], xn = re[n];
    re[0] = 0.5f * (x0 + xn);
    im[0] = 0.5f * (x0 - xn);
    for (int k = 1; k < n / 2; ++k) {
        const float ar = re[k], ai = im[k], br = re[n - k], bi = im[n - k];
        const float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
        const float dr = 0.5f * (ar - br), di = 0.5f * (ai + bi);  // (a - conj b) / 2
        // times conj(W^k) = cos + i sin
        const float c = split_cos_[k], s = split_sin_[k];
        const float orr = dr * c - di * s;
        const float oi = dr * s + di * c;
        // Z[k] = E + iO, Z[n-k] = conj E + i conj O
        re[k] = er - oi;
        im[k] = ei + orr;
        re[n - k] = er + oi;
        im[n - k] = orr - ei;
    }
    im[n / 2] = -im[n / 2];

    // The inverse transform as the forward one on conjugates: z = conj(F(conj Z)) / n.
    for (int m = 0; m < n; ++m) {
        im[m] = -im[m];
    }
    for (int m = 0; m < n; ++m) {
        const int r = bit_reversed_[m];
        if (r > m) {
            std::swap(re[m], re[r]);
            std::swap(im[m], im[r]);
        }
    }
    transformBitReversed(re, im);
    const float scale = 1.0f / n;
    for (int m = 0; m < n; ++m) {
        output[2 * m] = re[m] * scale;
        output[2 * m + 1] = -im[m] * scale;
    }
}

}  // namespace ps
