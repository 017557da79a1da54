// How well a mouth track (the voice model's output, or any targets) matches what was said, in
// three facts a viewer notices: the lips meet for p, b and m; open vowels open the mouth more
// than close ones; the mouth rests in pauses. All three read the lip aperture (lipAperture in
// voice/MouthChannels.h) against the true phoneme timeline.
#pragma once

#include <optional>
#include <vector>

#include "train/PhonemeTimeline.h"
#include "train/VisemeTargets.h"
#include "voice/MouthChannels.h"

namespace ps::train {

// A bilabial stop is closed when the aperture falls to this in some frame around it.
inline constexpr double kClosedAperture = 0.1;
// A labiodental (f, v) is tucked when the lower lip rolls in at least this far in some frame
// around it (its target pose rolls it 0.55).
inline constexpr double kTuckedRollLower = 0.3;
// Vowels at least this long are steady enough to measure jitter in their middle half.
inline constexpr double kSteadyVowelSeconds = 0.1;
// Vowels at least this open (æ ɐ a ɑ ɒ) are "open vowels".
inline constexpr double kOpenVowelOpenness = 0.7;
// A long pause is at rest when its mean aperture is at most this.
inline constexpr double kRestAperture = 0.1;

// The scores; each is empty when the utterances held nothing to measure it on.
struct LipSyncScore {
    // Closure: a stop counts as closed when the smallest aperture over the frames in
    // [start − 1 frame, end + 1 frame] is at most kClosedAperture.
    int bilabial_stops = 0;
    std::optional<double> closure_rate;  // closed stops / stops
    // The same for p, b and m alone (kp counts as p, mb as m; ɓ and ʙ only in the total), with
    // the mean mouthPress on the most closed frame of each closed one: p and b are pressed, m
    // is not.
    struct Phone {
        int stops = 0;
        std::optional<double> closure_rate;
        std::optional<double> press;
    };
    Phone p, b, m;

    // Labiodentals (f, v): tucked when mouthRollLower reaches kTuckedRollLower in some frame of
    // [start − 1 frame, end + 1 frame].
    int labiodentals = 0;
    std::optional<double> tuck_rate;

    // Vowels: the mean aperture over each vowel's middle half (the frame nearest its centre when
    // no frame falls there), against the vowel's openness (vowelOpenness).
    int vowels = 0;
    std::optional<double> openness_correlation;  // Pearson r over all vowels
    int open_vowels = 0;
    std::optional<double> open_vowel_aperture;  // mean over vowels with openness ≥ 0.7
    // Jitter: in the middle half of vowels at least kSteadyVowelSeconds long, the mean change
    // from one frame to the next of the mouth channels (mean absolute difference over the
    // channels), where the mouth should hold still. Depends on the frame rate.
    int steady_vowels = 0;
    std::optional<double> jitter;

    // Rest: silences longer than kLongPauseSeconds, the utterance's leading and trailing ones
    // included (the track's length stands for the audio's).
    int long_pauses = 0;
    std::optional<double> pauses_at_rest_rate;  // pauses with mean aperture ≤ kRestAperture
    std::optional<double> pause_aperture;       // mean over every frame inside long pauses
};

// Sums over any number of utterances, so that a corpus' score weights every stop, vowel and
// pause equally (rather than averaging per-utterance averages).
class LipSyncTally {
public:
    // One utterance: `frames` at `fps` (frame k at t = k / fps) against its true timeline.
    // A stop beyond the track's end counts as not closed; vowels beyond it are not measured.
    void add(const std::vector<MouthWeights>& frames, double fps, const PhonemeTimeline& truth);
    void merge(const LipSyncTally& other);
    LipSyncScore score() const;

private:
    struct PhoneSums {
        int stops = 0;
        int closed = 0;
        double press_sum = 0.0;
        void merge(const PhoneSums& other);
        LipSyncScore::Phone score() const;
    };

    int stops_ = 0;
    int closed_stops_ = 0;
    PhoneSums p_, b_, m_;
    int labiodentals_ = 0;
    int tucked_ = 0;
    int steady_vowels_ = 0;
    int jitter_steps_ = 0;
    double jitter_sum_ = 0.0;

    int vowels_ = 0;  // the sums of Pearson's r over (openness x, mean aperture y)
    double sum_x_ = 0.0;
    double sum_y_ = 0.0;
    double sum_xx_ = 0.0;
    double sum_yy_ = 0.0;
    double sum_xy_ = 0.0;
    int open_vowels_ = 0;
    double open_aperture_sum_ = 0.0;

    int pauses_ = 0;
    int pauses_at_rest_ = 0;
    int pause_frames_ = 0;
    double pause_aperture_sum_ = 0.0;
};

// The score of a single utterance.
LipSyncScore scoreLipSync(const std::vector<MouthWeights>& frames, double fps,
                          const PhonemeTimeline& truth);

}  // namespace ps::train
