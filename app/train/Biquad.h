// Second-order IIR filters from Robert Bristow-Johnson's Audio EQ Cookbook: the shelves and peaks
// of the random equaliser and the formant resonances of the babble noise.
#pragma once

#include <vector>

namespace ps::train {

class Biquad {
public:
    // Gains in dB; frequencies in Hz, below half the sample rate. A shelf's slope is the
    // cookbook's S = 1 (the steepest without a bump).
    static Biquad lowShelf(double rate_hz, double corner_hz, double gain_db);
    static Biquad highShelf(double rate_hz, double corner_hz, double gain_db);
    static Biquad peak(double rate_hz, double centre_hz, double q, double gain_db);
    // Unity gain at the centre frequency.
    static Biquad bandPass(double rate_hz, double centre_hz, double q);

    // Transposed direct form II; the state carries over between calls.
    float process(float x) {
        const double y = b0_ * x + z1_;
        z1_ = b1_ * x - a1_ * y + z2_;
        z2_ = b2_ * x - a2_ * y;
        return static_cast<float>(y);
    }
    void processInPlace(std::vector<float>& samples) {
        for (float& x : samples) {
            x = process(x);
        }
    }
    // Keeps the state (and so the signal's continuity) but responds as `other` from now on.
    void retune(const Biquad& other);
    void reset() { z1_ = z2_ = 0.0; }

private:
    Biquad(double b0, double b1, double b2, double a0, double a1, double a2);

    double b0_, b1_, b2_, a1_, a2_;
    double z1_ = 0.0;
    double z2_ = 0.0;
};

}  // namespace ps::train
