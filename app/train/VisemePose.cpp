#include "train/VisemePose.h"

#include <algorithm>

namespace ps::train {
namespace {

// Writes one shape, or a left/right pair with the same weight (speech targets are symmetric;
// asymmetry is left to the person's own motion).
class PoseBuilder {
public:
    PoseBuilder& set(Blendshape shape, double weight) {
        pose_[static_cast<size_t>(mouthChannel(shape))] =
            static_cast<float>(std::clamp(weight, 0.0, 1.0));
        return *this;
    }
    PoseBuilder& setPair(Blendshape left, double weight) {
        return set(left, weight).set(mirroredBlendshape(left), weight);
    }
    PoseBuilder& raise(Blendshape shape, double at_least) {
        const float current = pose_[static_cast<size_t>(mouthChannel(shape))];
        return set(shape, std::max<double>(current, at_least));
    }
    MouthWeights pose() const { return pose_; }

private:
    MouthWeights pose_{};
};

using B = Blendshape;

}  // namespace

MouthWeights consonantPose(Viseme viseme, bool labialised, bool nasal) {
    PoseBuilder pose;
    switch (viseme) {
        case Viseme::Bilabial:
            // Lips sealed with the jaw barely dropped: mouthClose cancels the jaw's opening at
            // the lips. A p or b holds back the air's pressure, so the lips press and roll in
            // to hold it; an m lets the air out through the nose and its lips meet relaxed.
            pose.set(B::JawOpen, 0.06).set(B::MouthClose, 0.06);
            if (nasal) {
                pose.setPair(B::MouthPressLeft, 0.2);
                pose.set(B::MouthRollLower, 0.04);
            } else {
                pose.setPair(B::MouthPressLeft, 0.8);
                pose.set(B::MouthRollLower, 0.14).set(B::MouthRollUpper, 0.08);
            }
            break;
        case Viseme::Labiodental:
            // The lower lip rolls in and up under the upper teeth, which the upper lip bares.
            pose.set(B::JawOpen, 0.07).set(B::MouthRollLower, 0.55);
            pose.setPair(B::MouthUpperUpLeft, 0.12).setPair(B::MouthStretchLeft, 0.05);
            break;
        case Viseme::Dental:
            // The tongue tip shows between slightly parted teeth.
            pose.set(B::JawOpen, 0.14).set(B::TongueOut, 0.35);
            pose.setPair(B::MouthUpperUpLeft, 0.08).setPair(B::MouthLowerDownLeft, 0.06);
            break;
        case Viseme::Alveolar:
            // Teeth near together, lips relaxed and slightly apart.
            pose.set(B::JawOpen, 0.10);
            pose.setPair(B::MouthUpperUpLeft, 0.06).setPair(B::MouthLowerDownLeft, 0.06);
            pose.setPair(B::MouthStretchLeft, 0.08);
            break;
        case Viseme::Postalveolar:
            // Lips pushed forward and flared (funnel), teeth near together behind them.
            pose.set(B::JawOpen, 0.10).set(B::MouthFunnel, 0.50).set(B::MouthPucker, 0.30);
            pose.setPair(B::MouthUpperUpLeft, 0.18).setPair(B::MouthLowerDownLeft, 0.14);
            break;
        case Viseme::VelarGlottal:
            // Made at the back; a loose, half-open mouth that the vowels around it reshape.
            pose.set(B::JawOpen, 0.16);
            pose.setPair(B::MouthUpperUpLeft, 0.04).setPair(B::MouthLowerDownLeft, 0.06);
            break;
        case Viseme::Palatal:
            // Spread lips and a nearly closed jaw, as for i.
            pose.set(B::JawOpen, 0.07);
            pose.setPair(B::MouthSmileLeft, 0.25).setPair(B::MouthStretchLeft, 0.20);
            pose.setPair(B::MouthUpperUpLeft, 0.06).setPair(B::MouthLowerDownLeft, 0.04);
            break;
        case Viseme::RoundedApproximant:
            // Tightly rounded, protruded lips with a small opening.
            pose.set(B::JawOpen, 0.06).set(B::MouthPucker, 0.80).set(B::MouthFunnel, 0.20);
            break;
        case Viseme::Vowel:
            // A vowel without a quality (never produced by the classifier): the central vowel.
            return vowelPose(VowelQuality{}, false);
        case Viseme::Unknown:
            // Neutral and half-relaxed, so that a guess is never a strong shape.
            pose.set(B::JawOpen, 0.12);
            pose.setPair(B::MouthUpperUpLeft, 0.03).setPair(B::MouthLowerDownLeft, 0.05);
            break;
    }
    if (labialised) {
        pose.raise(B::MouthPucker, 0.50).raise(B::MouthFunnel, 0.15);
    }
    return pose.pose();
}

MouthWeights vowelPose(const VowelQuality& vowel, bool stressed) {
    const double open = std::clamp(vowel.openness, 0.0, 1.0);
    const double front = 1.0 - std::clamp(vowel.backness, 0.0, 1.0);
    // Stress lengthens and opens a vowel; unstressed ones centralise slightly.
    const double stress = stressed ? 1.10 : 0.95;
    const double opening = stress * open;

    // Even the closest vowels part the lips a little (aperture 0.11, clear of a closure's 0.1),
    // and the aperture grows by 0.45 from close to open: 0.11 + 0.45 × opening.
    PoseBuilder pose;
    pose.set(B::JawOpen, 0.08 + 0.32 * opening);
    pose.setPair(B::MouthLowerDownLeft, 0.04 + 0.22 * opening);
    pose.setPair(B::MouthUpperUpLeft, 0.02 + 0.04 * opening);
    if (vowel.rounded) {
        // Close rounded vowels (u, y) pucker tightly; open ones (ɔ, ɒ) round looser and wider.
        pose.set(B::MouthPucker, 0.75 - 0.45 * open).set(B::MouthFunnel, 0.20 + 0.35 * open);
    } else {
        // Front unrounded vowels spread the lips (most for i); back ones pull the corners
        // slightly down as the jaw opens (ɑ, ʌ).
        pose.setPair(B::MouthSmileLeft, front * (0.30 - 0.20 * open));
        pose.setPair(B::MouthStretchLeft, (1.0 - open) * (0.10 + 0.15 * front));
        pose.setPair(B::MouthFrownLeft, (1.0 - front) * open * 0.12);
    }
    return pose.pose();
}

}  // namespace ps::train
