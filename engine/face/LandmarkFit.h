// Fits the face model (pose, identity, expression) to 2D landmark positions in a photo by
// damped Gauss-Newton (Levenberg-Marquardt) with analytic Jacobians. Used to fit from detected
// features, from five clicked points when no face is found, and by the landmark editor to make
// the whole mesh follow the points a person drags. Pure functions; safe from any thread.
#pragma once

#include <bitset>
#include <glm/vec2.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

#include "face/Camera.h"
#include "face/FaceFit.h"
#include "runtime/Result.h"

namespace ps {

struct LandmarkTarget {
    int index = -1;         // mesh vertex 0..467
    glm::vec2 pixel{0.0f};  // where it should land, photo pixels
    float weight = 1.0f;    // relative; 0 ignores the target
    // When >= 0, the target is the 3D midpoint of `index` and `partner` (an eye's centre
    // between its corners), which is what a detector or a person points at.
    int partner = -1;
};

struct LandmarkFitOptions {
    bool fit_identity = true;
    bool fit_expression = true;  // weights stay within [0, 1]
    // Costs, in squared pixels, of a coefficient of 1; they pull unexplained shape back to the
    // canonical neutral face and keep the problem well posed when few points are given.
    float identity_prior_px2 = 1.0f;
    float expression_prior_px2 = 1.0f;
    // Cost, in squared pixels, of a weight difference of 1 between a Left shape and its Right
    // partner: a face is rarely lopsided, so a photo's evidence must pay for an asymmetry.
    float symmetry_prior_px2 = 0.0f;
    // Cost, in squared pixels per squared radian, of pitch and yaw away from facing the camera
    // (the line of sight from the face, not the camera's axis).
    // Few 2D points leave pitch and the face's vertical proportions trading off; portraits face
    // the camera, so the evidence must pay for a turned head. Roll is free.
    float pose_prior_px2 = 0.0f;
    // The blendshapes the fit may move; the others stay at the start's weights. A photo fit
    // frees only what its evidence can see (brows, lips, jaw), so unobserved shapes do not
    // soak up detector noise.
    std::bitset<kBlendshapeCount> free_expressions = std::bitset<kBlendshapeCount>().set();
    int max_iterations = 40;
    PerspectiveCamera camera;
};

// A fit from scratch: a frontal neutral face placed on the targets (placeFace), then the
// neutral mesh's PnP pose where four or more targets are given, then the full solve. With two
// or three targets only roll, scale and position are solved. BadInput for fewer than two
// targets or indices outside the mesh.
Result<FaceFit> fitToLandmarks(const std::vector<LandmarkTarget>& targets, cv::Size image_size,
                               const LandmarkFitOptions& options = {});

// The solve alone, starting from `start` (its image size is kept).
Result<FaceFit> refineFit(const FaceFit& start, const std::vector<LandmarkTarget>& targets,
                          const LandmarkFitOptions& options = {});

// The fallback when no face is found: five clicked points (centres of the subject's right eye,
// which is on the image's left, and left eye, the nose tip, the subject's right and left mouth
// corners) give the pose and, through its depth, the scale; identity and expression stay 0.
Result<FaceFit> fitFromFivePoints(const glm::vec2& eye_right_px, const glm::vec2& eye_left_px,
                                  const glm::vec2& nose_tip_px, const glm::vec2& mouth_right_px,
                                  const glm::vec2& mouth_left_px, cv::Size image_size);

// The landmark editor's call: the moved landmarks go where they were put (strongly weighted),
// every other landmark is held at its current position (weakly), and pose, identity and
// expression all update so the rest of the mesh follows smoothly.
Result<FaceFit> refitWithCorrections(const FaceFit& current,
                                     const std::vector<LandmarkTarget>& moved,
                                     const LandmarkFitOptions& options = {});

}  // namespace ps
