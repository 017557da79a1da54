// The square, rotated crop of a photo that MediaPipe's face networks look at: where it is, how
// large and how turned, and the affine maps between the crop's pixels and the photo's. Made from
// a detection (its box and eyes) or from a mesh of the face (the second pass, and the next video
// frame), as MediaPipe's face-landmark graph makes its regions of interest.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace ps {

struct FaceCrop {
    cv::Point2f centre;         // photo pixels
    float side_px = 0.0f;       // the square's side in photo pixels
    float rotation_rad = 0.0f;  // the square turned clockwise on screen by this much

    bool isValid() const { return side_px > 0.0f; }

    // The photo point at crop pixel (u, v) of a crop `crop_px` square, and back.
    cv::Point2f toPhoto(float u, float v, int crop_px) const;
    cv::Point2f toCrop(const cv::Point2f& photo, int crop_px) const;
    // The crop's pixels, `crop_px` square, bilinear, the outside black (what MediaPipe does).
    cv::Mat extract(const cv::Mat& photo, int crop_px) const;
};

// MediaPipe scales the face's rectangle by this much so that the whole head, chin and brows
// included, is in the crop.
constexpr float kFaceCropScale = 1.5f;

// A crop around a detected face: centred on `box`, its longer side × kFaceCropScale, turned so
// that the line from the subject's right eye (image left) to the left eye is level.
FaceCrop faceCropFromDetection(const cv::Rect2f& box, const cv::Point2f& right_eye,
                               const cv::Point2f& left_eye);

// A crop around a mesh of the face (468 points in photo pixels): turned so that the outer eye
// corners (33, 263) are level, centred on the mesh's extent in that turned frame, its longer
// side × kFaceCropScale.
FaceCrop faceCropFromMesh(const std::vector<glm::vec3>& mesh_px);

}  // namespace ps
