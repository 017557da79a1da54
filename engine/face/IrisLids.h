// The Iris network's lid margins written over the face mesh's lid vertices, as MediaPipe's own
// face landmark graph refines a mesh with its iris model: Face Mesh alone closes its lids only a
// fifth of the way on a closed eye (a blink in a rendered video: the lid gap went from 0.115 to
// 0.09 of the eye distance), the Iris network's 64×64 eye crop follows the lids to the close
// (its lid gap correlates at 0.97 with the rendered blink). Pure.
#pragma once

#include <glm/vec3.hpp>
#include <vector>

#include "face/IrisLandmarker.h"

namespace ps {

// The mesh vertices under the Iris network's lid points for the subject's right eye, in
// iris_contour's order (lower lid outer corner to inner corner, then the upper lid); the left
// eye's are their mirror images.
extern const int kRightEyeLidVertices[iris_contour::kLowerLidCount + iris_contour::kUpperLidCount];

// Moves the 32 lid vertices of `mesh_px` (468 points, photo pixels) in x and y to where
// `irises` puts them; depth stays the mesh's.
void placeIrisLids(std::vector<glm::vec3>& mesh_px, const IrisLandmarks& irises);

}  // namespace ps
