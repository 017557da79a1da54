// Jaw-line evidence in the upright face crop (FaceFeatureCrop.h): where the face's side contour
// (cheek and jaw against background, hair or clothing) crosses the heights of face-oval vertices
// on the cheek beside the mouth and at the jaw's angle, found along rows going outward from the
// midline.
#pragma once

#include <vector>

#include "face/FaceFeatureEyes.h"

namespace ps {

// A point on the face's side contour and the face-oval vertex whose canonical height it is at.
// A silhouette point is not a fixed place on the face: the vertex that shows as the contour at
// a height slides with the head's yaw, so a fit should trust these less than feature points.
struct ContourPoint {
    int landmark = -1;
    CropPoint point;
};

// `mid_x`: the face's midline at the mouth; `mouth_y`, `chin_y`: the heights of the mouth
// corners and of the chin (found, or typical ones). One point per side and height where a clear
// edge stands out; none where the cheek fades into something of its own colour and brightness
// (a neck in the same light, a featureless picture).
std::vector<ContourPoint> locateJawContour(const FaceCrop& crop, float mid_x, float mouth_y,
                                           float chin_y);

}  // namespace ps
