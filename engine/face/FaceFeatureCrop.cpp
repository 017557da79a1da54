#include "face/FaceFeatureCrop.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace ps {

cv::Point2f mapPoint(const cv::Matx23d& m, cv::Point2f p) {
    return {float(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
            float(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

namespace {

// Gain that brings the cheeks and nose (the part of the crop that is surely skin) to a fixed
// mean, so thresholds below hold for dark and bright photos alike.
double skinGain(const cv::Mat& bgr) {
    const float iod = kCropIodPx;
    const cv::Rect skin(int(kCropEyeMid.x - 0.7f * iod), int(kCropEyeMid.y + 0.2f * iod),
                        int(1.4f * iod), int(0.4f * iod));
    const cv::Scalar mean = cv::mean(bgr(skin));
    const double grey = (mean[0] + mean[1] + mean[2]) / 3.0;
    return std::clamp(0.55 / std::max(grey, 1e-3), 0.5, 8.0);
}

}  // namespace

FaceCrop makeFaceCrop(const cv::Mat& photo, cv::Point2f eye_mid, float iod_px, float roll_deg) {
    FaceCrop crop;
    crop.photo_iod_px = iod_px;
    const double scale = kCropIodPx / std::max(iod_px, 1.0f);
    // Turning by +roll (counter-clockwise on screen) undoes a clockwise roll.
    cv::Mat m = cv::getRotationMatrix2D(eye_mid, roll_deg, scale);
    m.at<double>(0, 2) += kCropEyeMid.x - eye_mid.x;
    m.at<double>(1, 2) += kCropEyeMid.y - eye_mid.y;
    crop.to_crop = cv::Matx23d(m);
    cv::Mat inverse;
    cv::invertAffineTransform(m, inverse);
    crop.to_photo = cv::Matx23d(inverse);

    // INTER_AREA is not available for warps; a small face is enlarged (linear is fine) and a
    // large one is first blurred to the crop's resolution so that no aliasing invents edges.
    cv::Mat source = photo;
    if (scale < 0.5) {
        const double sigma = 0.5 / scale;
        cv::GaussianBlur(photo, source, cv::Size(), sigma, sigma);
    }
    cv::Mat bgr8;
    cv::warpAffine(source, bgr8, m, cv::Size(kCropSidePx, kCropSidePx), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    bgr8.convertTo(crop.bgr, CV_32FC3, 1.0 / 255.0);
    crop.bgr *= skinGain(crop.bgr);
    cv::min(crop.bgr, 1.0, crop.bgr);
    cv::cvtColor(crop.bgr, crop.lab, cv::COLOR_BGR2Lab);

    cv::Mat l32, l8;
    cv::extractChannel(crop.lab, l32, 0);
    l32.convertTo(l8, CV_8U, 255.0 / 100.0);
    cv::createCLAHE(2.0, cv::Size(4, 4))->apply(l8, l8);
    l8.convertTo(crop.luma, CV_32F, 1.0 / 255.0);
    return crop;
}

}  // namespace ps
