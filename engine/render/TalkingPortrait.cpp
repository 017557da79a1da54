#include "render/TalkingPortrait.h"

#include <algorithm>

#include "motion/ApplyFaceState.h"
#include "render/FrameFit.h"

namespace ps {

Result<TalkingPortrait> TalkingPortrait::create(const cv::Mat& photo_bgr, const FaceFit& fit,
                                                FaceTrack track) {
    if (track.frames.empty()) {
        return Error{ErrorKind::BadInput, "the face track has no frames"};
    }
    Result<PortraitRenderer> renderer = PortraitRenderer::create(photo_bgr, fit);
    if (!renderer.ok()) {
        return renderer.error();
    }
    TalkingPortrait portrait;
    portrait.renderer_ = std::make_shared<const PortraitRenderer>(std::move(*renderer));
    portrait.track_ = std::make_shared<const FaceTrack>(std::move(track));
    return portrait;
}

Result<cv::Mat> TalkingPortrait::frame(long long index, cv::Size frame_size) const {
    // The export may ask for one frame past the track's end by rounding; it holds the last.
    const size_t k = std::min(size_t(std::max(0LL, index)), track_->frames.size() - 1);
    cv::Mat frame;
    const Status drawn =
        renderer_->render(applyFaceState(renderer_->source(), track_->frames[k]), frame);
    if (!drawn.ok()) {
        return drawn.error();
    }
    return fitPhotoToFrame(frame, frame_size);
}

FrameSource TalkingPortrait::frames(cv::Size frame_size) const {
    return [this, frame_size](long long index, double) { return frame(index, frame_size); };
}

}  // namespace ps
