#include "face/FaceCrop.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>

namespace ps {

namespace {

constexpr int kRightEyeOuter = 33;
constexpr int kLeftEyeOuter = 263;

float levelRotation(const cv::Point2f& right_eye, const cv::Point2f& left_eye) {
    // The eye line's angle on screen (y down): turning the crop by it levels the eyes.
    return std::atan2(left_eye.y - right_eye.y, left_eye.x - right_eye.x);
}

}  // namespace

cv::Point2f FaceCrop::toPhoto(float u, float v, int crop_px) const {
    const float scale = side_px / float(crop_px);
    const float x = (u - 0.5f * float(crop_px)) * scale;
    const float y = (v - 0.5f * float(crop_px)) * scale;
    const float c = std::cos(rotation_rad), s = std::sin(rotation_rad);
    return {centre.x + c * x - s * y, centre.y + s * x + c * y};
}

cv::Point2f FaceCrop::toCrop(const cv::Point2f& photo, int crop_px) const {
    const float scale = float(crop_px) / side_px;
    const float dx = photo.x - centre.x, dy = photo.y - centre.y;
    const float c = std::cos(rotation_rad), s = std::sin(rotation_rad);
    return {(c * dx + s * dy) * scale + 0.5f * float(crop_px),
            (-s * dx + c * dy) * scale + 0.5f * float(crop_px)};
}

cv::Mat FaceCrop::extract(const cv::Mat& photo, int crop_px) const {
    // The map from crop pixels to photo pixels, for warpAffine's inverse mode.
    const cv::Point2f origin = toPhoto(0.0f, 0.0f, crop_px);
    const cv::Point2f along_u = toPhoto(1.0f, 0.0f, crop_px) - origin;
    const cv::Point2f along_v = toPhoto(0.0f, 1.0f, crop_px) - origin;
    const cv::Matx23d crop_to_photo(along_u.x, along_v.x, origin.x, along_u.y, along_v.y, origin.y);
    cv::Mat out;
    cv::warpAffine(photo, out, crop_to_photo, cv::Size(crop_px, crop_px),
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, cv::Scalar());
    return out;
}

FaceCrop faceCropFromDetection(const cv::Rect2f& box, const cv::Point2f& right_eye,
                               const cv::Point2f& left_eye) {
    FaceCrop crop;
    crop.centre = {box.x + 0.5f * box.width, box.y + 0.5f * box.height};
    crop.side_px = std::max(box.width, box.height) * kFaceCropScale;
    crop.rotation_rad = levelRotation(right_eye, left_eye);
    return crop;
}

FaceCrop faceCropFromMesh(const std::vector<glm::vec3>& mesh_px) {
    FaceCrop crop;
    if (mesh_px.size() <= size_t(kLeftEyeOuter)) {
        return crop;
    }
    const cv::Point2f right(mesh_px[kRightEyeOuter].x, mesh_px[kRightEyeOuter].y);
    const cv::Point2f left(mesh_px[kLeftEyeOuter].x, mesh_px[kLeftEyeOuter].y);
    crop.rotation_rad = levelRotation(right, left);
    // The mesh's extent along the levelled axes.
    const float c = std::cos(crop.rotation_rad), s = std::sin(crop.rotation_rad);
    float u0 = std::numeric_limits<float>::max(), u1 = -u0, v0 = u0, v1 = -u0;
    for (const glm::vec3& p : mesh_px) {
        const float u = c * p.x + s * p.y, v = -s * p.x + c * p.y;
        u0 = std::min(u0, u);
        u1 = std::max(u1, u);
        v0 = std::min(v0, v);
        v1 = std::max(v1, v);
    }
    const float cu = 0.5f * (u0 + u1), cv_ = 0.5f * (v0 + v1);
    crop.centre = {c * cu - s * cv_, s * cu + c * cv_};
    crop.side_px = std::max(u1 - u0, v1 - v0) * kFaceCropScale;
    return crop;
}

}  // namespace ps
