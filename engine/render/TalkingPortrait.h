// The talking video's frames: the photo's fitted face moved by a face track (applyFaceState),
// drawn by the real-time renderer, and fitted to the video's frame size. Immutable once made;
// frame() is safe to call from several threads at once.
#pragma once

#include <memory>
#include <opencv2/core/mat.hpp>

#include "face/FaceFit.h"
#include "media/Mp4Export.h"
#include "motion/FaceTrack.h"
#include "render/PortraitRenderer.h"
#include "runtime/Result.h"

namespace ps {

class TalkingPortrait {
public:
    // BadInput when the fit does not belong to the photo or the track is empty.
    static Result<TalkingPortrait> create(const cv::Mat& photo_bgr, const FaceFit& fit,
                                          FaceTrack track);

    // Frame `index` of the track (held at its last frame beyond the end), `frame_size` large.
    Result<cv::Mat> frame(long long index, cv::Size frame_size) const;
    // The same as a source for exportMp4; the portrait must outlive it.
    FrameSource frames(cv::Size frame_size) const;

    const FaceTrack& track() const { return *track_; }

private:
    TalkingPortrait() = default;
    std::shared_ptr<const PortraitRenderer> renderer_;
    std::shared_ptr<const FaceTrack> track_;
};

}  // namespace ps
