// MediaPipe's Iris network (resources/models/iris.json) placing the lids, the region round each
// eye and the iris of both eyes of a face whose mesh is known: each eye's square crop, made from
// the mesh's two eye corners as MediaPipe's iris graph makes it, at 64×64, the network (trained on
// the image-left eye, so the other eye is seen mirrored), and its points mapped back to the photo.
// Loaded once; irises() is safe from several threads.
#pragma once

#include <array>
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

// Where the network's 71 contour points of one eye lie, in its order (the mesh vertices MediaPipe's
// iris graph writes them over): the lid margin's lower half from the outer corner to the inner
// one, its upper half from beside the outer corner to beside the inner one, then halos further
// out, the outer ones along the brow.
namespace iris_contour {
constexpr int kLowerLidFirst = 0;  // the outer corner
constexpr int kLowerLidCount = 9;  // ending at the inner corner
constexpr int kUpperLidFirst = 9;
constexpr int kUpperLidCount = 7;
}  // namespace iris_contour

struct EyeLandmarks {
    static constexpr int kContourPointCount = 71;
    static constexpr int kIrisPointCount = 5;

    // Photo pixels for x, y; z the network's depth scaled to photo pixels as FaceLandmarker's
    // (negative towards the camera).
    std::vector<glm::vec3> contour;                 // kContourPointCount, iris_contour's order
    std::array<glm::vec3, kIrisPointCount> iris{};  // the centre, then four on the iris's edge
    cv::Point2f iris_centre;                        // iris[0]'s x, y
    float iris_radius_px = 0.0f;                    // half the mean of its two edge diameters
    FaceCrop crop;                                  // the square the network looked at
};

// Left and right are the subject's, as the mesh names them: the right eye is on the image's left.
struct IrisLandmarks {
    EyeLandmarks right_eye;
    EyeLandmarks left_eye;
};

// MediaPipe's eye crop: centred between an eye's corners, turned so that the line from the
// image-left corner to the image-right one is level, its side kEyeCropScale × their distance.
constexpr float kEyeCropScale = 2.3f;
FaceCrop eyeCropFromCorners(const cv::Point2f& image_left_corner,
                            const cv::Point2f& image_right_corner);

class IrisLandmarker {
public:
    static constexpr int kInputSide_px = 64;

    // BadInput naming the file when it is missing or is not the Iris network.
    static Result<IrisLandmarker> create(const std::string& model_json_path);

    // Both eyes of the face whose 468-point mesh (photo pixels, MediaPipe's order) is `mesh_px`,
    // in `photo_bgr` (CV_8UC3).
    Result<IrisLandmarks> irises(const cv::Mat& photo_bgr,
                                 const std::vector<glm::vec3>& mesh_px) const;

private:
    std::shared_ptr<const nn::GraphModel> model_;
    std::string path_;
};

}  // namespace ps
