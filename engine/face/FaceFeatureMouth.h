// Mouth evidence in the upright face crop (FaceFeatureCrop.h): lips are redder than the cheeks
// (Lab a* - b*), the corners and the gap between parted lips darker; the mouth is traced from
// the middle outwards to its corners. Positions are crop pixels.
#pragma once

#include <optional>

#include "face/FaceFeatureEyes.h"

namespace ps {

struct MouthEvidence {
    CropPoint corner_image_left;           // landmark 61, the subject's right
    CropPoint corner_image_right;          // landmark 291
    std::optional<CropPoint> upper_outer;  // 0: top of the upper lip on the midline
    std::optional<CropPoint> lower_outer;  // 17: bottom of the lower lip
    std::optional<CropPoint> upper_inner;  // 13
    std::optional<CropPoint> lower_inner;  // 14
};

// `face_mid_x` is the face's midline in the crop (between the eyes).
std::optional<MouthEvidence> locateMouth(const FaceCrop& crop, float face_mid_x);

}  // namespace ps
