// A contact sheet of the blendshape basis: the neutral face and each of ARKit's 52 shapes at
// weight 1, one labelled tile each, so a person can check that every shape does what its name
// says.
#pragma once

#include <opencv2/core.hpp>

#include "face/Blendshapes.h"
#include "face/FaceFit.h"
#include "face/FaceMesh.h"
#include "runtime/Result.h"

namespace ps {

constexpr int kContactSheetColumns = 8;

// A BGR image of 53 square tiles of `tile_px` (at least 64) in rows of kContactSheetColumns:
// "neutral" first, then the shapes in ARKit's order. mouthClose is shown on top of jawOpen,
// because ARKit defines it as closing the lips of an open jaw; alone it pushes the lower lip
// through the upper one.
cv::Mat blendshapeContactSheet(const BlendshapeBasis& basis, const FaceMesh& mesh, int tile_px);

// The same sheet on a face fitted to a photo: each tile is the photo around the face with the
// person's own fitted mesh (their pose and face shape) wearing that one shape, drawn as the
// viewer's overlay. Until the renderer animates the photo itself, this is how a shape is judged
// on a real face.
Result<cv::Mat> fittedContactSheet(const cv::Mat& photo_bgr, const FaceFit& fit, int tile_px);

}  // namespace ps
