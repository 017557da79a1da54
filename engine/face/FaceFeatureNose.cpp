#include "face/FaceFeatureNose.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace ps {

namespace {

constexpr float kIod = kCropIodPx;

// The darkest point of `smooth` inside `r` (clipped to the image); its value in *value.
cv::Point darkest(const cv::Mat& smooth, cv::Rect r, float* value) {
    r &= cv::Rect(0, 0, smooth.cols, smooth.rows);
    double v = 2.0;
    cv::Point at(-1, -1);
    if (r.area() > 0) {
        cv::minMaxLoc(smooth(r), &v, nullptr, &at);
        at += r.tl();
    }
    *value = float(v);
    return at;
}

}  // namespace

std::optional<CropPoint> locateNoseTip(const FaceCrop& crop, float face_mid_x, float mouth_top_y) {
    cv::Mat smooth;
    cv::GaussianBlur(crop.luma, smooth, cv::Size(), 1.5, 1.5);
    const int top = int(kCropEyeMid.y + 0.35f * kIod);
    const int bottom = std::min(int(mouth_top_y - 0.05f * kIod), int(kCropEyeMid.y + 1.0f * kIod));
    if (bottom <= top) {
        return std::nullopt;
    }
    // One nostril on each side of the midline, both clearly darker than the cheeks, on about
    // one row, about a third of an eye distance apart.
    const int inner = int(0.05f * kIod), outer = int(0.3f * kIod);
    float dark_l = 0, dark_r = 0;
    const cv::Point l = darkest(
        smooth, cv::Rect(int(face_mid_x) - outer, top, outer - inner, bottom - top), &dark_l);
    const cv::Point r = darkest(
        smooth, cv::Rect(int(face_mid_x) + inner, top, outer - inner, bottom - top), &dark_r);
    const cv::Rect cheek(int(face_mid_x - 0.6f * kIod), int(kCropEyeMid.y + 0.4f * kIod),
                         int(1.2f * kIod), int(0.15f * kIod));
    const float skin = float(cv::mean(smooth(cheek & cv::Rect(0, 0, smooth.cols, smooth.rows)))[0]);
    const bool nostrils = l.x >= 0 && r.x >= 0 && skin - std::max(dark_l, dark_r) > 0.15f &&
                          std::abs(l.y - r.y) < 0.12f * kIod && (r.x - l.x) > 0.18f * kIod &&
                          (r.x - l.x) < 0.55f * kIod;
    if (!nostrils) {
        return std::nullopt;
    }
    const cv::Point2f between((l.x + r.x) / 2.0f, (l.y + r.y) / 2.0f);
    // The tip's highlight, if there is one, sits a little above the nostrils on the midline;
    // without one, the tip is taken at the canonical mesh's height above the nostrils.
    const cv::Rect strip = cv::Rect(int(between.x - 0.06f * kIod), int(between.y - 0.25f * kIod),
                                    int(0.12f * kIod) + 1, int(0.2f * kIod)) &
                           cv::Rect(0, 0, smooth.cols, smooth.rows);
    double bright = 0;
    cv::Point at;
    cv::minMaxLoc(smooth(strip), nullptr, &bright, nullptr, &at);
    const bool highlight = float(bright) > skin + 0.05f;
    const float y = highlight ? float(at.y + strip.y) : between.y - 0.1f * kIod;
    return CropPoint{{between.x, y}, highlight ? 0.7f : 0.45f};
}

}  // namespace ps
