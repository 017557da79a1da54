// MediaPipe's selfie segmentation network (resources/models/selfie.json) telling how likely each
// pixel of a photo belongs to a person (hair, face, body and clothes): the photo squeezed to the
// network's 256×256 input, its probabilities brought back to the photo's size with soft edges.
// The renderer uses it to keep the background still while the head moves. Loaded once
// (personSegmenter()); a loaded segmenter is immutable and segment() is safe from several threads.
#pragma once

#include <memory>
#include <opencv2/core/mat.hpp>
#include <string>

#include "runtime/Result.h"

namespace ps {

namespace nn {
class GraphModel;
}

class PersonSegmenter {
public:
    static constexpr int kInputSide_px = 256;

    // BadInput naming the file when it does not load or is not the selfie network.
    static Result<PersonSegmenter> create(const std::string& model_json_path);

    // The person mask of an 8-bit BGR photo: CV_32FC1 at the photo's size, 1 on a person, 0 on
    // the background, in between along the outline (about two of the network's pixels wide, so
    // wider in a larger photo). Internal error for an empty or non-BGR image.
    Result<cv::Mat> segment(const cv::Mat& photo_bgr) const;

private:
    std::shared_ptr<const nn::GraphModel> model_;
    std::string path_;
};

// The segmenter from defaultModelsFolder(). The first call loads it (thread-safe); later calls
// return the same object, or the same error (BadInput naming the file).
Result<const PersonSegmenter*> personSegmenter();

}  // namespace ps
