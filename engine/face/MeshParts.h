// Which part of the face each triangle of the canonical mesh covers. The mesh closes its eye
// openings and its mouth with triangles; a view that draws the mesh colours those apart (a dark
// mouth, eyes) so that an open mouth or shut lids read as such (MeshShading's grey head, the
// studio's 3D face view).
#pragma once

#include <vector>

#include "face/FaceMesh.h"

namespace ps {

enum class MeshPart { Skin = 1, Eye, Mouth, Brow };

// One part per triangle of `mesh`, in its order: a triangle whose corners all lie on one eye's
// contour spans the eye opening; one whose corners all lie on the lips' contours spans the
// mouth; one whose corners all lie on a brow's edge rows is the brow; the rest is skin.
std::vector<MeshPart> meshTriangleParts(const FaceMesh& mesh);

}  // namespace ps
