// The upright, fixed-size face crop that feature search works in: the face turned so its eye
// line is level and scaled so the eyes are kCropIodPx apart, with maps both ways to the photo.
#pragma once

#include <opencv2/core.hpp>

namespace ps {

// The crop's geometry: eyes kCropIodPx apart with their midpoint at kCropEyeMid, which leaves
// room for the brows above and the chin (about 1.8 eye distances below the eyes) beneath.
constexpr int kCropSidePx = 256;
constexpr float kCropIodPx = 64.0f;
const cv::Point2f kCropEyeMid(128.0f, 84.0f);

struct FaceCrop {
    cv::Mat bgr;   // CV_32FC3, 0..1, brightness normalised so the face's skin is about mid-grey
    cv::Mat lab;   // CV_32FC3 Lab of bgr: L 0..100, a and b about -127..127
    cv::Mat luma;  // CV_32F 0..1: L after local contrast equalisation (CLAHE)
    // The eye distance in photo pixels: below about 32 the crop enlarges the photo several
    // times, so small dark details (mouth corners) come out blurred and paler.
    float photo_iod_px = 0.0f;
    cv::Matx23d to_crop = cv::Matx23d(1, 0, 0, 0, 1, 0);
    cv::Matx23d to_photo = cv::Matx23d(1, 0, 0, 0, 1, 0);
};

// The crop of `photo` (8-bit BGR) with the eye midpoint `eye_mid` (photo pixels), eye distance
// `iod_px` and roll `roll_deg` (DetectedFace's convention: clockwise on screen).
FaceCrop makeFaceCrop(const cv::Mat& photo, cv::Point2f eye_mid, float iod_px, float roll_deg);

cv::Point2f mapPoint(const cv::Matx23d& m, cv::Point2f p);

}  // namespace ps
