#include "face/FaceDetectEyes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace ps {

namespace {

// The face square is resampled to this many pixels: eyes are then 25 to 40 pixels wide, well
// above the eye cascade's 20-pixel window and small enough to search in a millisecond.
constexpr int kPatchPx = 160;

// Where eyes sit in a frontal cascade's square, as shares of its side; the pair closest to these
// wins when the cascade offers several (eyebrows, nostrils and glasses rims also fire).
constexpr float kExpectedEyeY = 0.40f;
constexpr float kExpectedRightEyeX = 0.30f;  // subject's right eye, image left
constexpr float kExpectedLeftEyeX = 0.70f;

cv::Point2f centreOf(const cv::Rect& r) {
    return {r.x + r.width * 0.5f, r.y + r.height * 0.5f};
}

}  // namespace

std::optional<EyeCentres> findEyes(const cv::Mat& grey_photo, const cv::Rect2f& face_box,
                                   float roll_deg, cv::CascadeClassifier& eye_cascade) {
    if (face_box.width <= 0.0f) {
        return std::nullopt;
    }
    const cv::Point2f centre(face_box.x + face_box.width / 2, face_box.y + face_box.height / 2);
    const double scale = kPatchPx / double(face_box.width);

    // A large face is first shrunk with area averaging, since warpAffine alone would alias.
    const float margin = face_box.width * 0.75f;
    const cv::Rect crop =
        cv::Rect(cv::Point(int(std::floor(centre.x - margin)), int(std::floor(centre.y - margin))),
                 cv::Point(int(std::ceil(centre.x + margin)), int(std::ceil(centre.y + margin)))) &
        cv::Rect(0, 0, grey_photo.cols, grey_photo.rows);
    if (crop.empty()) {
        return std::nullopt;
    }
    cv::Mat source = grey_photo(crop);
    double pre_scale = 1.0;
    if (scale < 0.5) {
        pre_scale = scale;
        cv::resize(source, source, cv::Size(), pre_scale, pre_scale, cv::INTER_AREA);
    }
    // photo -> patch: into the crop, shrink, turn upright about the face centre, centre in patch.
    const cv::Point2f c((centre.x - crop.x) * float(pre_scale),
                        (centre.y - crop.y) * float(pre_scale));
    cv::Mat to_patch = cv::getRotationMatrix2D(c, roll_deg, scale / pre_scale);
    to_patch.at<double>(0, 2) += kPatchPx / 2.0 - c.x;
    to_patch.at<double>(1, 2) += kPatchPx / 2.0 - c.y;
    cv::Mat patch;
    cv::warpAffine(source, patch, to_patch, cv::Size(kPatchPx, kPatchPx), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    cv::equalizeHist(patch, patch);

    // Eyes lie in the upper part of the square; searching only there halves the false hits.
    const cv::Rect band(0, int(kPatchPx * 0.15f), kPatchPx, int(kPatchPx * 0.45f));
    std::vector<cv::Rect> found;
    eye_cascade.detectMultiScale(patch(band), found, 1.05, 3, 0,
                                 cv::Size(int(kPatchPx * 0.12f), int(kPatchPx * 0.12f)),
                                 cv::Size(int(kPatchPx * 0.4f), int(kPatchPx * 0.4f)));
    const cv::Point2f expected_right(kExpectedRightEyeX * kPatchPx, kExpectedEyeY * kPatchPx);
    const cv::Point2f expected_left(kExpectedLeftEyeX * kPatchPx, kExpectedEyeY * kPatchPx);
    float best = std::numeric_limits<float>::max();
    cv::Point2f right, left;
    for (const cv::Rect& a : found) {
        for (const cv::Rect& b : found) {
            const cv::Point2f pa = centreOf(a) + cv::Point2f(band.tl());
            const cv::Point2f pb = centreOf(b) + cv::Point2f(band.tl());
            const float dx = pb.x - pa.x;
            const float dy = pb.y - pa.y;
            // A pair: a on the image left, b on the right, about an eye apart, nearly level
            // (the patch is already turned upright), and of similar size.
            if (dx < kPatchPx * 0.22f || dx > kPatchPx * 0.65f || std::abs(dy) > dx * 0.3f ||
                std::max(a.width, b.width) > 1.6f * std::min(a.width, b.width)) {
                continue;
            }
            const cv::Point2f ea = pa - expected_right;
            const cv::Point2f eb = pb - expected_left;
            const float cost = std::hypot(ea.x, ea.y) + std::hypot(eb.x, eb.y);
            if (cost < best) {
                best = cost;
                right = pa;
                left = pb;
            }
        }
    }
    if (best == std::numeric_limits<float>::max()) {
        return std::nullopt;
    }

    cv::Mat to_photo;
    cv::invertAffineTransform(to_patch, to_photo);
    const auto back = [&](const cv::Point2f& p) {
        const cv::Matx23d m = to_photo;
        const cv::Point2d s(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2),
                            m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2));
        return cv::Point2f(float(s.x / pre_scale + crop.x), float(s.y / pre_scale + crop.y));
    };
    return EyeCentres{back(right), back(left)};
}

}  // namespace ps
