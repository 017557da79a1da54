// `bench fit`'s lines for MediaPipe's networks: BlazeFace detection on a 12 MP photo and on a
// 640x360 video frame, one Face Mesh pass (192x192), the face model fitted to its 468 points, and
// the face tracker following the sample through a 640x360 video.
#pragma once

#include <opencv2/core/mat.hpp>

namespace ps::app {

// `twelve_mp`: the 12-megapixel portrait; `sample`: the sample photo as it is.
int benchFaceNetworks(const cv::Mat& twelve_mp, const cv::Mat& sample, int repetitions);

}  // namespace ps::app
