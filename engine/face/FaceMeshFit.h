// The face model fitted to the 468 points MediaPipe's Face Mesh network placed (FaceLandmarker):
// head pose, the person's face shape and the expression the photo shows, so that the fitted
// mesh's landmarks follow the network's. With every vertex observed, the lids, cheeks and nose
// are evidence too, not only brows, lips and jaw. The identity modes and shapes are fitted with
// priors that keep them plausible, and what they leave is kept as the fit's shape detail
// (FaceFit::shape_detail_cm), so that the fitted landmarks land on the network's points and every
// pose and expression of the face keeps the person's exact shape. Pure; safe from any thread.
#pragma once

#include <opencv2/core/types.hpp>

#include "face/FaceFit.h"
#include "face/FaceLandmarker.h"
#include "face/IrisLandmarker.h"
#include "face/LandmarkFit.h"
#include "runtime/Result.h"

namespace ps {

// BadInput when `landmarks` does not hold 468 points. With `irises` (the Iris network's answer
// for the same face), the fit also holds the photo's iris centres (setIrisCentres).
Result<FaceFit> fitToFaceMesh(const FaceLandmarks& landmarks, cv::Size image_size,
                              const IrisLandmarks* irises = nullptr);

// The distance between the centres of a mesh's eyes (each halfway between its corners), pixels.
float meshEyeDistance(const std::vector<glm::vec3>& points_px);

// The solve fitToFaceMesh makes for a face whose eyes are `eye_distance_px` apart: its priors
// and the shapes the mesh can show.
LandmarkFitOptions meshFitOptions(float eye_distance_px);

// The offsets, in face-local cm, that move each of the fit's vertices across the view (at its
// own depth) onto the mesh's point, each at most 3 mm: the shape detail the fit's identity and
// expression leave. `points_px` holds 468 points.
std::vector<glm::vec3> meshShapeDetail(const FaceFit& fit, const std::vector<glm::vec3>& points_px);

}  // namespace ps
