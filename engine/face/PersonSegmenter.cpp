#include "face/PersonSegmenter.h"

#include <algorithm>
#include <map>
#include <opencv2/imgproc.hpp>

#include "face/ModelFiles.h"
#include "face/NetworkInput.h"
#include "nn/GraphModel.h"

namespace ps {

namespace {

// The graph's ports (resources/models/selfie.json): one 256×256 RGB image in, one 256×256 map
// out, already through a sigmoid (the graph's last node), so its values are probabilities.
constexpr char kInput[] = "input_1:0";
constexpr char kOutput[] = "activation_10:0";

// The photo as the network reads it: squeezed to the input's square (MediaPipe's selfie graph
// does not keep the aspect ratio), RGB scaled to 0..1, NHWC.
nn::FloatTensor inputTensor(const cv::Mat& photo_bgr) {
    const cv::Size side(PersonSegmenter::kInputSide_px, PersonSegmenter::kInputSide_px);
    const bool shrinking = photo_bgr.cols > side.width || photo_bgr.rows > side.height;
    cv::Mat small;
    // Area averaging when shrinking, so thin hair and edges are seen at their mean colour
    // rather than aliased.
    cv::resize(photo_bgr, small, side, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    // 0..1 as MediaPipe's graph gives it; on the sample, -1..1 also marks stripes of the flag
    // and holes in the suit as person or not, and 0..255 half the face.
    return rgbTensor(small, PixelRange::ZeroToOne);
}

}  // namespace

Result<PersonSegmenter> PersonSegmenter::create(const std::string& model_json_path) {
    std::string error;
    std::unique_ptr<nn::GraphModel> model = nn::GraphModel::load(model_json_path, &error);
    if (model == nullptr) {
        // GraphModel's errors already name the file.
        return Error{
            ErrorKind::BadInput,
            error.empty() ? model_json_path + ": the person segmenter did not load" : error};
    }
    if (!hasPort(model->inputs(), kInput, {1, kInputSide_px, kInputSide_px, 3}) ||
        !hasPort(model->outputs(), kOutput, {1, kInputSide_px, kInputSide_px, 1})) {
        return badInput(model_json_path,
                        "is not MediaPipe's selfie segmentation network (no 256x256 input_1:0 "
                        "and activation_10:0)");
    }
    PersonSegmenter segmenter;
    segmenter.model_ = std::move(model);
    segmenter.path_ = model_json_path;
    return segmenter;
}

Result<cv::Mat> PersonSegmenter::segment(const cv::Mat& photo_bgr) const {
    if (photo_bgr.empty() || photo_bgr.type() != CV_8UC3) {
        return internalError("person segmentation needs an 8-bit BGR photo");
    }
    std::map<std::string, nn::FloatTensor> outputs;
    std::string error;
    if (!model_->run({{kInput, inputTensor(photo_bgr)}}, {kOutput}, &outputs, &error)) {
        return internalError(path_ + ": " + error);
    }
    const nn::FloatTensor& out = outputs[kOutput];
    if (out.data.size() != size_t(kInputSide_px) * kInputSide_px) {
        return internalError(path_ + ": the network gave " + std::to_string(out.data.size()) +
                             " mask values, not 256x256");
    }
    const cv::Mat small(kInputSide_px, kInputSide_px, CV_32FC1,
                        const_cast<float*>(out.data.data()));
    // The network's last layer is a strided transposed convolution, which leaves a faint
    // checkerboard along the outline; a blur of about one of its pixels smooths it out.
    cv::Mat smooth;
    cv::GaussianBlur(small, smooth, cv::Size(5, 5), 1.0, 1.0, cv::BORDER_REPLICATE);
    // Cubic, not bilinear: enlarged many times, a bilinear map shows the network's pixel grid
    // as creases along the outline. Cubic overshoots a little at the edge, hence the clamp.
    cv::Mat mask;
    cv::resize(smooth, mask, photo_bgr.size(), 0, 0, cv::INTER_CUBIC);
    cv::min(cv::max(mask, 0.0), 1.0, mask);
    return mask;
}

Result<const PersonSegmenter*> personSegmenter() {
    // A function-local static is initialised once even when threads race to it (C++11).
    static const Result<PersonSegmenter> loaded =
        PersonSegmenter::create(defaultModelsFolder() + "/selfie.json");
    if (!loaded) {
        return loaded.error();
    }
    return &loaded.value();
}

}  // namespace ps
