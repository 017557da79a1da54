// Chin evidence in the upright face crop (FaceFeatureCrop.h): the lit chin's lower edge, where
// the smoothed luminance falls going down the midline, about 0.8 eye distances below the mouth.
#pragma once

#include <optional>

#include "face/FaceFeatureEyes.h"

namespace ps {

// `mid_x`: the face's midline at the mouth; `mouth_y`: the mouth corners' height;
// `lip_bottom_y`: the lower lip's lower edge (or a typical place when the mouth was not found).
std::optional<CropPoint> locateChin(const FaceCrop& crop, float mid_x, float mouth_y,
                                    float lip_bottom_y);

}  // namespace ps
