// Nose-tip evidence in the upright face crop (FaceFeatureCrop.h): the nostrils' two dark blobs
// either side of the midline, and the tip's highlight just above them. Crop pixels.
#pragma once

#include <optional>

#include "face/FaceFeatureEyes.h"

namespace ps {

// `face_mid_x`: the midline between the eyes; `mouth_top_y`: the top of the upper lip, or a
// typical place for it when the mouth was not found (the search stays above it).
std::optional<CropPoint> locateNoseTip(const FaceCrop& crop, float face_mid_x, float mouth_top_y);

}  // namespace ps
