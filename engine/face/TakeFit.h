// One person's face for a whole take (a video of them): the identity and shape detail a photo's
// fit finds in its one frame (fitToFaceMesh), found once for all of the take's frames, so that
// what changes from frame to frame is read as pose and expression only. Fitted frame by frame,
// the face's shape took up part of every expression: on the blinks of a video rendered from a
// known motion, the lids' weight followed the truth at r 0.56 fitted alone and at 0.92 fitted
// to the take's face (tests/app/TestImportVideoCommand.cpp). Pure; safe from any thread.
#pragma once

#include <cstddef>
#include <vector>

#include "face/FaceFit.h"
#include "face/FaceLandmarker.h"
#include "face/IrisLandmarker.h"
#include "runtime/Result.h"

namespace ps {

struct TakeFace {
    IdentityCoefficients identity{};
    std::vector<glm::vec3> shape_detail_cm;  // 468 offsets, face-local cm (FaceFit's)
};

// The take's face from its frames' own fits (fitToFaceMesh) and the 468 points they followed:
// each identity coefficient's median over all the frames, then each vertex's median shape
// detail, with that identity, over the frames in `rest` (indices into both): the ones nearest a
// neutral face, since the detail is the person's shape, and a take's median frame is mid-word,
// its lips apart. BadInput when the lists differ in length, are empty, or `rest` names no frame.
Result<TakeFace> takeFace(const std::vector<FaceFit>& fits,
                          const std::vector<std::vector<glm::vec3>>& points_px,
                          const std::vector<size_t>& rest);

// A frame of the take fitted with the take's face: pose and expression solved from `start` (the
// frame's own fit) with the identity held and the shape detail's part of each point taken out
// of the points (twice, as the pose settles), then the detail and the iris centres (from
// `irises`, when given) set. BadInput when `points_px` does not hold 468 points.
Result<FaceFit> fitToTake(const FaceFit& start, const std::vector<glm::vec3>& points_px,
                          const TakeFace& face, const IrisLandmarks* irises = nullptr);

}  // namespace ps
