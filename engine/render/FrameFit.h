// Places a photo in a video frame of another size: scaled to fit whole, centred, with the
// margins filled. Used until the animated renderer exists, and for previews.
#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace ps {

// CV_8UC3 frame of `frame_size` with `photo` scaled to fit inside it, centred, on black.
cv::Mat fitPhotoToFrame(const cv::Mat& photo_bgr, cv::Size frame_size);

// The export size a photo gets when the user asks for none: its own size, scaled down to at
// most `max_side_px` on the long side, with even width and height (yuv420p needs both).
cv::Size defaultFrameSize(cv::Size photo_size, int max_side_px = 1920);

}  // namespace ps
