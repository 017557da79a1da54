// Finds, in synthesised speech, where a nasal (m n ŋ ɲ …) opens into the vowel after it.
//
// espeak-ng makes a nasal before a vowel from recorded nasal-to-vowel sequences played as the
// start of the vowel ("VowelStart(m/ma)" in its phoneme data), and sends the vowel's phoneme
// event after that whole start: 10–40 ms after the release, which is when the lips (for /m/) or
// tongue actually open. The release is plain in the signal: the nasal murmur has little energy
// between 500 and 2800 Hz (its first formant is low and the nasal cavity's antiresonances damp
// the rest), the vowel a lot (its first and second formants), so that band's energy jumps by
// 4–30 dB within a few milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace ps::train {

class NasalReleaseFinder {
public:
    // Band-passes the whole signal once; `samples` is mono at sample_rate_hz.
    NasalReleaseFinder(const std::vector<int16_t>& samples, int sample_rate_hz);

    // The sample within [from, to] where the band energy of the next 5 ms exceeds that of the
    // previous 5 ms the most, if it does so by at least kMinRise_dB; nullopt otherwise (no clear
    // release there, e.g. in a whisper).
    std::optional<int64_t> find(int64_t from, int64_t to) const;

    static constexpr double kMinRise_dB = 3.0;

private:
    double bandLevel_dB(int64_t begin, int64_t end) const;

    std::vector<double> cumulative_energy_;  // [i]: sum of the squared band signal before i
    int sample_rate_hz_;
};

}  // namespace ps::train
