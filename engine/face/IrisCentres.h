// The photo's own irises in a face fit: their centres from the Iris network, kept in the face's
// frame so they turn with the head. The mesh's 468 points have no iris, so without them a fit's
// eye centre can only be the middle of its corners, which is not where the pupil is in a smiling
// or glancing eye (on the sample 2.4 px off, 5.6 % of the eye distance; with the irises 1-2.5 %).
//
// A photo's gaze is not read from them: where the iris sits between the corners when a person
// looks ahead differs from face to face by more than a glance (Grace Hopper's irises sit about
// 2.6 mm nasal of her corners' midpoint and the sample's 1.7 mm above it, both looking into the
// lens), so the photo's eyes are taken to look where they look, with eyeLook at 0.
#pragma once

#include <glm/vec2.hpp>

#include "face/FaceFit.h"
#include "face/IrisLandmarker.h"

namespace ps {

enum class EyeSide { Right, Left };  // the subject's: the right eye is on the image's left

// Puts the iris centres `irises` shows (in the photo `fit` was fitted to) into the fit, in the
// face's frame, each at the depth of its eye's corners.
void setIrisCentres(FaceFit& fit, const IrisLandmarks& irises);

// An eye's centre in the fit's image: its iris when the fit has one, else the midpoint of its
// corners.
glm::vec2 eyeCentrePx(const FaceFit& fit, EyeSide side);

}  // namespace ps
