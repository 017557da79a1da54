// Corrections to Face Mesh's points from the photo's own edges, where a person reads a point off
// an edge the network only approximates: the mouth corners (where the dark line between the lips
// ends), the middle of closed lips (the line halfway between the corners) and the chin (where the
// face's lower outline crosses its midline). Face Mesh looks at a
// 192×192 crop, so it places these to a few pixels of the crop, and on some faces its habit is
// systematic: on Grace Hopper's portrait it puts the chin in the shadow under it (9 % of the eye
// distance low) and a mouth corner inside the end of the lips' line (7 %). The corrections are
// searched only near the network's points, never move a point by more than a tenth of the eye
// distance, and leave a point alone when the photo shows no clear edge there.
//
// For photos: a video frame's mesh is smoothed through time instead (FaceTracker), where an
// edge search frame by frame would add jitter.
#pragma once

#include <glm/vec2.hpp>
#include <opencv2/core/mat.hpp>

#include "face/FaceLandmarker.h"

namespace ps {

struct LandmarkRefinement {
    // How far each point was moved, in photo pixels; zero where the photo gave no clear edge.
    glm::vec2 mouth_right_px{0.0f};
    glm::vec2 mouth_left_px{0.0f};
    glm::vec2 lips_px{0.0f};  // the inner lips' midpoints, together, when the mouth is closed
    glm::vec2 chin_px{0.0f};
};

// Finds the corrections for `network` (Face Mesh's points in `photo_bgr`, CV_8UC3).
LandmarkRefinement findLandmarkRefinement(const cv::Mat& photo_bgr, const FaceLandmarks& network);

// `network` with the corrections applied: each corrected point moves by its correction and the
// points around it by a share that falls smoothly to nothing at a fifth of the eye distance
// (a third for the chin), so that the lips and the jaw line keep their shape.
FaceLandmarks applyLandmarkRefinement(const FaceLandmarks& network,
                                      const LandmarkRefinement& refinement);

}  // namespace ps
