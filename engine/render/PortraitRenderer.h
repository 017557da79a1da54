// The studio's real-time renderer: the photo, warped so that its fitted face takes a new pose
// and expression. The face mesh's triangles carry the face; a ring of anchors just outside the
// face outline, fixed to the head in 3D, carries hair, ears and neck; a second ring, fixed in
// the frame, keeps the background still. The mouth's inside and the eyeballs are drawn apart
// (MouthInterior, EyeOpenings). Only the region inside the still ring is computed; the rest of
// the frame is the photo. Built once per photo; render() is const, deterministic, and safe to
// call for several frames at once from different threads.
#pragma once

#include <array>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "face/FaceFit.h"
#include "render/FoldEdges.h"
#include "render/MouthInterior.h"
#include "runtime/Result.h"

namespace ps {

class PortraitRenderer {
public:
    // `photo_bgr`: CV_8UC3; `source`: the face fitted to it (FaceFit, same image size). BadInput
    // when they do not belong together.
    static Result<PortraitRenderer> create(const cv::Mat& photo_bgr, const FaceFit& source);

    // The full-size frame with the face at `target` (the source's identity with another pose
    // and expression, or landmarks moved by hand; same image size and camera). Reuses `frame`'s
    // buffer when it has the photo's size and type.
    // `uncovered`, when given, counts the region's pixels no triangle reached (there should be
    // none: a diagnostic for tests, at the cost of one extra pass).
    Status render(const FaceFit& target, cv::Mat& frame, int* uncovered = nullptr) const;

    // The part of the frame that can change; outside it every frame is the photo.
    cv::Rect region() const { return region_; }
    const FaceFit& source() const { return source_; }
    const cv::Mat& photo() const { return photo_; }

private:
    PortraitRenderer() = default;
    std::vector<cv::Point2f> targetPoints(const FaceFit& target) const;

    cv::Mat photo_;
    FaceFit source_;
    cv::Rect region_;
    // Rig points: the 468 landmarks, then the head ring, then the still ring and the region's
    // border (fixed). Their places in the photo:
    std::vector<cv::Point2f> source_points_;
    // The head ring in face-local cm, and the face-outline vertices they hang from.
    std::vector<glm::vec3> head_ring_local_;
    std::vector<glm::vec3> outline_local_;
    // Triangles around the face, outermost first, then the face mesh's own; each with the sign
    // of its area in the photo, so a triangle that turns over in a frame (hidden behind a fold,
    // as the far cheek behind the nose) is skipped.
    std::vector<std::array<int, 3>> ring_triangles_;
    std::vector<float> ring_orientation_;
    std::vector<float> face_orientation_;
    // Both sets together (ring, then face), and the edges they share: where one side is turned
    // over, the fold's staircase is smoothed (FoldEdges).
    std::vector<std::array<int, 3>> all_triangles_;
    std::vector<SharedEdge> edges_;
    MouthInterior mouth_;
};

}  // namespace ps
