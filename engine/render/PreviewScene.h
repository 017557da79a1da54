// One photo made ready to be animated at any moment: the photo, the face fitted to it and the
// real-time renderer built for them. What the studio's viewer, its template thumbnails and
// `bench preview` draw with. Immutable once made; render() is safe from several threads.
#pragma once

#include <memory>
#include <opencv2/core/mat.hpp>

#include "face/FaceFit.h"
#include "motion/FaceTrack.h"
#include "render/PortraitRenderer.h"
#include "runtime/Result.h"

namespace ps {

class PreviewScene {
public:
    // BadInput when the fit does not belong to the photo.
    static Result<PreviewScene> create(const cv::Mat& photo_bgr, const FaceFit& fit);

    // The photo-sized frame with the face in `state` (applyFaceState onto the photo's fit).
    // Reuses `frame`'s buffer when it already has the photo's size and type.
    Status render(const FaceState& state, cv::Mat& frame) const;

    const FaceFit& fit() const { return renderer_->source(); }
    const cv::Mat& photo() const { return renderer_->photo(); }
    // The fitted face's landmarks' bounding box grown by `margin` of its size on each side and
    // kept inside the photo: the crop a thumbnail of this face shows.
    cv::Rect faceBox(float margin = 0.25f) const;

private:
    PreviewScene() = default;
    std::shared_ptr<const PortraitRenderer> renderer_;
};

}  // namespace ps
