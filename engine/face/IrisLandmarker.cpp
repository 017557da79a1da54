#include "face/IrisLandmarker.h"

#include <cmath>
#include <map>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "face/FaceMesh.h"
#include "face/NetworkInput.h"
#include "nn/GraphModel.h"

namespace ps {

namespace {

// The graph's ports (resources/models/iris.json): a batch of 64×64 RGB eye crops in, and per
// crop the 71 contour points then the 5 iris points, x, y, z each, in one 228-value row.
constexpr char kInput[] = "input_1:0";
constexpr char kOutput[] = "Identity:0";
constexpr int kValuesPerEye =
    (EyeLandmarks::kContourPointCount + EyeLandmarks::kIrisPointCount) * 3;

// One eye as the network sees it. The network knows only the image-left eye, so the other is
// shown mirrored and its points mirrored back.
struct EyeView {
    FaceCrop crop;
    bool mirrored = false;
};

// The crop as the network reads it: RGB scaled to 0..1 (MediaPipe's iris graph converts without
// zero-centring; -1..1 moves the points by under 0.2 px but agrees a little less with the mesh's
// lids), NHWC, appended to the batch.
void appendInput(const cv::Mat& crop_bgr, bool mirrored, nn::FloatTensor* batch) {
    cv::Mat pixels = crop_bgr;
    if (mirrored) {
        cv::flip(crop_bgr, pixels, 1);
    }
    appendRgbImage(pixels, PixelRange::ZeroToOne, batch);
}

glm::vec3 toPhoto(const float* p, const EyeView& view) {
    constexpr float side = float(IrisLandmarker::kInputSide_px);
    // The network's x, y start at the input's left and top edges, while FaceCrop puts crop pixel
    // i's centre at toPhoto(i): half a pixel apart, a third of a photo pixel on a typical eye,
    // and twice that between the eye seen as it is and the one seen mirrored.
    const float u = (view.mirrored ? side - p[0] : p[0]) - 0.5f;
    const cv::Point2f photo = view.crop.toPhoto(u, p[1] - 0.5f, IrisLandmarker::kInputSide_px);
    return {photo.x, photo.y, p[2] * view.crop.side_px / side};
}

float distance2d(const glm::vec3& a, const glm::vec3& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

EyeLandmarks eyeFrom(const float* values, const EyeView& view) {
    EyeLandmarks eye;
    eye.crop = view.crop;
    eye.contour.reserve(EyeLandmarks::kContourPointCount);
    for (int i = 0; i < EyeLandmarks::kContourPointCount; ++i) {
        eye.contour.push_back(toPhoto(values + i * 3, view));
    }
    const float* iris = values + EyeLandmarks::kContourPointCount * 3;
    for (int i = 0; i < EyeLandmarks::kIrisPointCount; ++i) {
        eye.iris[size_t(i)] = toPhoto(iris + i * 3, view);
    }
    eye.iris_centre = {eye.iris[0].x, eye.iris[0].y};
    // The edge points go round the iris, so 1–3 and 2–4 are its two diameters (as MediaPipe's
    // iris renderer measures it).
    const float diameter =
        0.5f * (distance2d(eye.iris[1], eye.iris[3]) + distance2d(eye.iris[2], eye.iris[4]));
    eye.iris_radius_px = 0.5f * diameter;
    return eye;
}

cv::Point2f at(const std::vector<glm::vec3>& mesh_px, int i) {
    return {mesh_px[size_t(i)].x, mesh_px[size_t(i)].y};
}

}  // namespace

FaceCrop eyeCropFromCorners(const cv::Point2f& image_left_corner,
                            const cv::Point2f& image_right_corner) {
    const cv::Point2f d = image_right_corner - image_left_corner;
    FaceCrop crop;
    crop.centre = 0.5f * (image_left_corner + image_right_corner);
    crop.rotation_rad = std::atan2(d.y, d.x);
    // MediaPipe takes the long side of the corners' upright bounding box, which shrinks the crop
    // as the face rolls (by 13 % at 30°); their distance keeps the eye the same size in it.
    crop.side_px = kEyeCropScale * std::hypot(d.x, d.y);
    return crop;
}

Result<IrisLandmarker> IrisLandmarker::create(const std::string& model_json_path) {
    std::string error;
    std::unique_ptr<nn::GraphModel> model = nn::GraphModel::load(model_json_path, &error);
    if (model == nullptr) {
        return Error{ErrorKind::BadInput, error};
    }
    bool has_input = false, has_output = false;
    for (const nn::GraphPort& port : model->inputs()) {
        has_input = has_input || (port.name == kInput && port.shape.size() == 4 &&
                                  port.shape[1] == kInputSide_px && port.shape[2] == kInputSide_px);
    }
    for (const nn::GraphPort& port : model->outputs()) {
        has_output = has_output || (port.name == kOutput && !port.shape.empty() &&
                                    port.shape.back() == kValuesPerEye);
    }
    if (!has_input || !has_output) {
        return badInput(model_json_path,
                        "is not MediaPipe's Iris network (no 64×64 input_1:0 or 228-value "
                        "Identity:0)");
    }
    IrisLandmarker landmarker;
    landmarker.model_ = std::move(model);
    landmarker.path_ = model_json_path;
    return landmarker;
}

Result<IrisLandmarks> IrisLandmarker::irises(const cv::Mat& photo_bgr,
                                             const std::vector<glm::vec3>& mesh_px) const {
    if (photo_bgr.empty() || photo_bgr.type() != CV_8UC3 ||
        mesh_px.size() < size_t(kFaceVertexCount)) {
        return internalError("iris landmarks need a colour photo and a 468-point face mesh");
    }
    using namespace landmark;
    const EyeView views[2] = {
        {eyeCropFromCorners(at(mesh_px, kRightEyeOuter), at(mesh_px, kRightEyeInner)), false},
        {eyeCropFromCorners(at(mesh_px, kLeftEyeInner), at(mesh_px, kLeftEyeOuter)), true},
    };
    nn::FloatTensor input;
    input.shape = {2, kInputSide_px, kInputSide_px, 3};
    for (const EyeView& view : views) {
        if (!view.crop.isValid()) {
            return internalError("iris landmarks: the mesh's eye corners coincide");
        }
        appendInput(view.crop.extract(photo_bgr, kInputSide_px), view.mirrored, &input);
    }
    std::map<std::string, nn::FloatTensor> outputs;
    std::string error;
    if (!model_->run({{kInput, std::move(input)}}, {kOutput}, &outputs, &error)) {
        return internalError(path_ + ": " + error);
    }
    const std::vector<float>& values = outputs[kOutput].data;
    if (values.size() != size_t(2 * kValuesPerEye)) {
        return internalError(path_ + ": the network gave " + std::to_string(values.size()) +
                             " values for two eyes, not 456");
    }
    return IrisLandmarks{eyeFrom(values.data(), views[0]),
                         eyeFrom(values.data() + kValuesPerEye, views[1])};
}

}  // namespace ps
