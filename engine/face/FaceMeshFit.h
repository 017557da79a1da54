// The face model fitted to the 468 points MediaPipe's Face Mesh network placed (FaceLandmarker):
// head pose, the person's face shape and the expression the photo shows, so that the fitted
// mesh's landmarks follow the network's. With every vertex observed, the lids, cheeks and nose
// are evidence too, not only brows, lips and jaw. Pure; safe from any thread.
#pragma once

#include <opencv2/core/types.hpp>

#include "face/FaceFit.h"
#include "face/FaceLandmarker.h"
#include "runtime/Result.h"

namespace ps {

// BadInput when `landmarks` does not hold 468 points.
Result<FaceFit> fitToFaceMesh(const FaceLandmarks& landmarks, cv::Size image_size);

}  // namespace ps
