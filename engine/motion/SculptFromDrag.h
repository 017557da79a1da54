// Turning a drag in the viewer into landmark sculpts (MotionDocument's layer 6): the face-local
// offset that moves a vertex's projection by the dragged pixels, the same sculpt on the other
// side of the face, and how large a sculpt's radius looks in the image. Pure functions on plain
// values; safe from any thread.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <vector>

#include "face/Camera.h"
#include "face/FaceFit.h"
#include "motion/KeyframeCurve.h"
#include "motion/MotionDocument.h"

namespace ps {

// The offset (cm, face-local axes: x to the subject's left, y up, z out of the face) that, added
// to `vertex` of `frame` (a frame's fit: camera-space vertices and the head's pose), moves the
// vertex's projection by `drag_px` image pixels. The vertex is unprojected at its own depth, so
// the move is parallel to the image plane, then turned into the face's axes by the inverse of the
// head's rotation. Zero for a vertex outside the mesh or behind the camera.
glm::vec3 offsetForDrag(const FaceFit& frame, int vertex, const glm::vec2& drag_px,
                        const PerspectiveCamera& camera = {});

// `sculpt` on the other side of the face: centred on FaceMesh::mirrorOf(centre), with its offset's
// x negated; the same radius, strength keys and switch, and id 0 (a new element).
LandmarkSculpt mirroredSculpt(const LandmarkSculpt& sculpt);

// The sculpts one drag of `sculpt.center_vertex` by `drag_px` makes in `frame`, at full strength:
// `sculpt` with its offset set so that the vertex's projection moves by the drag and, with
// `mirror`, its mirroredSculpt. The two are solved together, so the dragged vertex still lands
// where it was dragged when the mirrored sculpt's falloff reaches it too; only the sideways part
// is damped where the mirrored sculpt's share of the vertex passes 3/4 (the two would otherwise
// pull against each other without bound). A vertex on the midplane is its own mirror: a mirrored
// drag of it gives one sculpt without the sideways part, as a symmetric edit must. `sculpt`'s
// other fields (radius, keys, switch) are kept.
std::vector<LandmarkSculpt> sculptsForDrag(const FaceFit& frame, const LandmarkSculpt& sculpt,
                                           const glm::vec2& drag_px, bool mirror,
                                           const PerspectiveCamera& camera = {});

// How many image pixels `radius_cm` spans at the depth of `vertex` in `frame`: the falloff
// circle the viewer draws around it. 0 for a vertex outside the mesh or behind the camera.
float radiusInPixels(const FaceFit& frame, int vertex, float radius_cm,
                     const PerspectiveCamera& camera = {});

// Strength keys for a sculpt that acts around `t_s`: 0 at t - ramp_s, 1 at t, 0 at t + ramp_s,
// eased. A ramp that would start before 0 s starts at 0 s; at t = 0 the sculpt starts at full
// strength.
std::vector<Keyframe> strengthRampAround(double t_s, double ramp_s);

}  // namespace ps
