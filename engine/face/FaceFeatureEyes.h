// Eye evidence in the upright face crop (FaceFeatureCrop.h): the iris centre as the strongest
// dark blob of iris size, the outer corner from the dark lash line's horizontal extent, and the
// brow's lower edge above the eye. All positions are crop pixels.
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <vector>

#include "face/FaceFeatureCrop.h"

namespace ps {

enum class EyeSide { Invalid = 0, ImageLeft, ImageRight };

struct CropPoint {
    cv::Point2f crop_px;
    float confidence = 0.0f;
};

struct EyeEvidence {
    CropPoint centre;
    std::optional<CropPoint> outer_corner;  // towards the face's side; the inner one is not sought
    // The brow's lower edge above the eye at the mesh's brow points, outer to inner; empty when
    // no brow edge stood out (hair over the brows, a shadowed forehead).
    std::vector<CropPoint> brow;
};

// The eye nearest `expected` (crop pixels), or nothing when no iris-sized dark blob is there.
std::optional<EyeEvidence> locateEye(const FaceCrop& crop, cv::Point2f expected, EyeSide side);

}  // namespace ps
