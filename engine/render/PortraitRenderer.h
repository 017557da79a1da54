// The studio's real-time renderer: the photo, warped so that its fitted face takes a new pose
// and expression. The face mesh's triangles carry the face; a ring of anchors just outside the
// face outline, fixed to the head in 3D, carries hair, ears and neck; a second ring, fixed in
// the frame, keeps the background still. The mouth's inside and the eyeballs are drawn apart
// (MouthInterior, EyeOpenings). The rings alone would drag the backdrop between the face and the
// still ring along with the head, so the person (PersonSegmenter's mask) is warped with the photo
// and laid over the still background, which is the photo with the person filled in
// (BackgroundPlate) where the moving person uncovers it. Only the region inside the still ring is
// computed; the rest of the frame is the photo. Built once per photo; render() is const,
// deterministic, and safe to call for several frames at once from different threads.
#pragma once

#include <array>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "face/FaceFit.h"
#include "render/FoldEdges.h"
#include "render/MouthInterior.h"
#include "render/PersonLayer.h"
#include "runtime/Result.h"

namespace ps {

class PortraitRenderer {
public:
    // `photo_bgr`: CV_8UC3; `source`: the face fitted to it (FaceFit, same image size). BadInput
    // when they do not belong together. The person is found with personSegmenter() on the part
    // of the photo around the region that can change; where the network's files are missing,
    // there is no person mask and the backdrop moves with the rings.
    static Result<PortraitRenderer> create(const cv::Mat& photo_bgr, const FaceFit& source);
    // The same with the person given: `person_mask` CV_32FC1 at the photo's size, 1 on the
    // person and 0 on the background (as PersonSegmenter::segment gives it), or empty for none.
    // BadInput for a mask of another size or type.
    static Result<PortraitRenderer> create(const cv::Mat& photo_bgr, const FaceFit& source,
                                           const cv::Mat& person_mask);

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
    // The person as the renderer uses it, over region(): CV_8UC1 of the region's size, 255 on
    // the person (the fitted face always among it), 0 on the background; empty when there is
    // none.
    const cv::Mat& personMask() const { return person_.alpha(); }
    // What shows where the person moves away, over region(): the photo with the person filled
    // in by the background around them (CV_8UC3); empty without a person mask.
    const cv::Mat& stillBackground() const { return person_.plate(); }

private:
    PortraitRenderer() = default;
    // The rig alone: rings, triangles, the mouth; no person mask yet.
    static Result<PortraitRenderer> rig(const cv::Mat& photo_bgr, const FaceFit& source);
    // The square of the photo around the region that the segmenter looks at.
    cv::Rect segmentationCrop() const;
    // Takes `mask` (CV_32FC1, 0..1, over region_) as the person.
    void usePersonMask(const cv::Mat& mask);
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
    // The person over region_, warped each frame in place of the photo and laid over the still
    // background; empty without a person mask.
    PersonLayer person_;
};

}  // namespace ps
