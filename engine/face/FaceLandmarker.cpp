#include "face/FaceLandmarker.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face/FaceMesh.h"
#include "face/NetworkInput.h"
#include "nn/GraphModel.h"

namespace ps {

namespace {

constexpr char kInput[] = "input_1:0";
constexpr char kMesh[] = "Identity_2:0";
constexpr char kFaceFlag[] = "Identity_1:0";

}  // namespace

Result<FaceLandmarker> FaceLandmarker::create(const std::string& model_json_path) {
    std::string error;
    std::unique_ptr<nn::GraphModel> model = nn::GraphModel::load(model_json_path, &error);
    if (model == nullptr) {
        return Error{ErrorKind::BadInput, error};
    }
    bool has_input = false, has_mesh = false;
    for (const nn::GraphPort& port : model->inputs()) {
        has_input = has_input || port.name == kInput;
    }
    for (const nn::GraphPort& port : model->outputs()) {
        has_mesh = has_mesh || port.name == kMesh;
    }
    if (!has_input || !has_mesh) {
        return badInput(model_json_path,
                        "is not MediaPipe's Face Mesh network (no input_1:0 or Identity_2:0)");
    }
    FaceLandmarker landmarker;
    landmarker.model_ = std::move(model);
    landmarker.path_ = model_json_path;
    return landmarker;
}

Result<FaceLandmarks> FaceLandmarker::onePass(const cv::Mat& photo_bgr, const FaceCrop& crop,
                                              bool mirrored) const {
    cv::Mat pixels = crop.extract(photo_bgr, kInputSide_px);
    if (mirrored) {
        cv::flip(pixels, pixels, 1);
    }
    std::map<std::string, nn::FloatTensor> outputs;
    std::string error;
    if (!model_->run({{kInput, rgbTensor(pixels, PixelRange::ZeroToOne)}}, {kMesh, kFaceFlag},
                     &outputs, &error)) {
        return internalError(path_ + ": " + error);
    }
    const nn::FloatTensor& mesh = outputs[kMesh];
    if (mesh.data.size() != size_t(kFaceVertexCount) * 3) {
        return internalError(path_ + ": the network gave " + std::to_string(mesh.data.size()) +
                             " mesh values, not 1404");
    }
    FaceLandmarks result;
    result.crop = crop;
    const float depth_scale = crop.side_px / float(kInputSide_px);
    result.points.reserve(kFaceVertexCount);
    const FaceMesh& layout = FaceMesh::canonical();
    for (int i = 0; i < kFaceVertexCount; ++i) {
        // In a mirrored crop the network's point for vertex i is the subject's other side.
        const float* p = &mesh.data[size_t(mirrored ? layout.mirrorOf(i) : i) * 3];
        // The network measures from the input's edge (pixel k spans k..k+1; a mirror maps u to
        // 192 - u, which is what lines a mirrored answer's midline up with the plain one's),
        // the crop from pixel centres.
        const float u = (mirrored ? float(kInputSide_px) - p[0] : p[0]) - 0.5f;
        const cv::Point2f photo = crop.toPhoto(u, p[1] - 0.5f, kInputSide_px);
        result.points.emplace_back(photo.x, photo.y, p[2] * depth_scale);
    }
    const std::vector<float>& flag = outputs[kFaceFlag].data;
    // The graph ends in a sigmoid only on some exports; a logit is turned into a probability.
    const float raw = flag.empty() ? 0.0f : flag[0];
    result.confidence = raw >= 0.0f && raw <= 1.0f ? raw : 1.0f / (1.0f + std::exp(-raw));
    return result;
}

Result<FaceLandmarks> FaceLandmarker::landmarks(const cv::Mat& photo_bgr, const FaceCrop& crop,
                                                int passes, bool mirrored_too) const {
    if (photo_bgr.empty() || photo_bgr.type() != CV_8UC3 || !crop.isValid()) {
        return internalError("face landmarks need a colour photo and a face crop");
    }
    Result<FaceLandmarks> result = onePass(photo_bgr, crop, false);
    for (int pass = 1; pass < passes && result.ok(); ++pass) {
        const FaceCrop tighter = faceCropFromMesh(result->points);
        if (!tighter.isValid()) {
            break;
        }
        result = onePass(photo_bgr, tighter, false);
    }
    if (mirrored_too && result.ok()) {
        // The mirrored look at the crop the last pass chose, averaged with a plain look at the
        // same crop, so both answers are of one view.
        Result<FaceLandmarks> mirrored = onePass(photo_bgr, result->crop, true);
        Result<FaceLandmarks> plain = onePass(photo_bgr, result->crop, false);
        if (mirrored && plain) {
            for (size_t i = 0; i < plain->points.size(); ++i) {
                plain->points[i] = 0.5f * (plain->points[i] + mirrored->points[i]);
            }
            plain->confidence = std::min(plain->confidence, mirrored->confidence);
            result = std::move(plain);
        }
    }
    return result;
}

}  // namespace ps
