// The photo's background with the person taken out, for the renderer to show where the person
// moves away from where they stood. Where the person was, the background around them is spread
// in (a push-pull fill: the background's own pixels averaged down an image pyramid until every
// hole is covered, then brought back up, each level keeping what it knows and taking the rest
// from the coarser one), smooth and in the backdrop's colours, as an out-of-focus backdrop is.
// Near the outline, which is all a moving head ever uncovers, the fill is the nearby backdrop.
#pragma once

#include <opencv2/core/mat.hpp>

namespace ps {

// `photo_bgr`: CV_8UC3; `person`: CV_8UC1 of the same size, 255 on the person, 0 on the
// background. The person is grown by `grow_px` first, so that the mixed colours along the
// outline (wisps of hair over the backdrop) are not spread into the fill. Wherever `person` is 0
// the plate is the photo's own pixel, exactly. With no background at all, the photo.
cv::Mat backgroundPlate(const cv::Mat& photo_bgr, const cv::Mat& person, int grow_px);

}  // namespace ps
