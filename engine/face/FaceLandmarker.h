// MediaPipe's Face Mesh network (resources/models/facemesh.json) placing the 468 landmarks of a
// face in a photo: the face's rotated crop (FaceCrop) at 192×192, the network, and its points
// mapped back to the photo. A second pass re-centres the crop on the first pass's mesh, as
// MediaPipe's graph does from one video frame to the next, which tightens the points when the
// detector's box was loose or the face is rolled. Loaded once; landmarks() is safe from several
// threads.
#pragma once

#include <glm/vec3.hpp>
#include <memory>
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "face/FaceCrop.h"
#include "runtime/Result.h"

namespace ps {

namespace nn {
class GraphModel;
}

struct FaceLandmarks {
    // 468 points in MediaPipe's order: x, y in photo pixels, z the depth in the same pixel
    // scale (negative towards the camera), relative to the face's centre.
    std::vector<glm::vec3> points;
    float confidence = 0.0f;  // the network's face score, 0..1
    FaceCrop crop;            // the crop the last pass looked at
};

class FaceLandmarker {
public:
    static constexpr int kInputSide_px = 192;

    // BadInput naming the file when it is not the Face Mesh network.
    static Result<FaceLandmarker> create(const std::string& model_json_path);

    // The landmarks of the face in `crop` of `photo_bgr` (CV_8UC3), `passes` times, each pass
    // re-centred on the one before. With `mirrored_too` the last crop is also looked at mirrored
    // and the two answers averaged (two more runs): the network's errors on one side of a face
    // are not the mirror of those on the other, so the average is closer (on the sample and its
    // copies, nose and mouth corners by about 1 % of the eye distance: TestPhotoFit). For a
    // photo, where a few milliseconds do not matter; a video frame is looked at once.
    Result<FaceLandmarks> landmarks(const cv::Mat& photo_bgr, const FaceCrop& crop, int passes = 2,
                                    bool mirrored_too = false) const;

private:
    Result<FaceLandmarks> onePass(const cv::Mat& photo_bgr, const FaceCrop& crop,
                                  bool mirrored) const;
    std::shared_ptr<const nn::GraphModel> model_;
    std::string path_;
};

}  // namespace ps
