#include "face/FaceFeatureChin.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace ps {

namespace {
constexpr float kIod = kCropIodPx;
}  // namespace

std::optional<CropPoint> locateChin(const FaceCrop& crop, float mid_x, float mouth_y,
                                    float lip_bottom_y) {
    std::vector<cv::Mat> lab;
    cv::split(crop.lab, lab);
    cv::Mat l;
    cv::GaussianBlur(lab[0], l, cv::Size(), 2.0, 2.0);
    const int half = int(0.12f * kIod);
    const int x0 = std::max(0, int(mid_x) - half), x1 = std::min(l.cols, int(mid_x) + half + 1);
    const int top = std::max(int(lip_bottom_y + 0.3f * kIod), int(mouth_y + 0.5f * kIod));
    const int bottom = std::min(l.rows - 3, int(mouth_y + 1.3f * kIod));
    if (x1 <= x0 || bottom <= top + 2) {
        return std::nullopt;
    }
    // The mean row profile across the midline band, its downward fall, and a prior at the
    // canonical mesh's mouth-to-chin distance that keeps a collar or neckline from winning.
    std::vector<float> profile(size_t(l.rows), 0.0f);
    for (int y = 0; y < l.rows; ++y) {
        profile[size_t(y)] = float(cv::mean(l(cv::Range(y, y + 1), cv::Range(x0, x1)))[0]);
    }
    const float expected = mouth_y + 0.82f * kIod, sigma = 0.2f * kIod;
    std::vector<float> score(size_t(l.rows), 0.0f);
    float best = 0.0f;
    for (int y = top; y < bottom; ++y) {
        const float fall = profile[size_t(y - 2)] - profile[size_t(y + 2)];  // L units per 4 px
        const float d = (float(y) - expected) / sigma;
        score[size_t(y)] = std::max(0.0f, fall) * std::exp(-0.5f * d * d);
        best = std::max(best, score[size_t(y)]);
    }
    if (best < 2.0f) {  // a fall of under 2 L units: no visible chin edge
        return std::nullopt;
    }
    // The topmost strong local peak: the chin's edge comes before whatever lies beneath it.
    int edge = -1;
    for (int y = top + 1; y < bottom - 1 && edge < 0; ++y) {
        const float s = score[size_t(y)];
        if (s >= 0.5f * best && s >= score[size_t(y - 1)] && s >= score[size_t(y + 1)]) {
            edge = y;
        }
    }
    if (edge < 0) {
        return std::nullopt;
    }
    // A face turned a little puts its chin off the mouth's midline: follow the edge sideways
    // and take the middle of its lowest stretch, the bottom of the jaw's U.
    const int reach = int(0.3f * kIod), slack = int(0.08f * kIod);
    int lowest = edge;
    std::vector<int> rows;
    for (int x = int(mid_x) - reach; x <= int(mid_x) + reach; ++x) {
        if (x < 1 || x >= l.cols - 1) {
            continue;
        }
        int at = -1;
        float fall = 0.0f;
        for (int y = std::max(2, edge - slack); y <= std::min(l.rows - 3, edge + slack); ++y) {
            const float f = l.at<float>(y - 2, x) - l.at<float>(y + 2, x);
            if (f > fall) {
                fall = f;
                at = y;
            }
        }
        rows.push_back(fall > 0.3f * best ? at : -1);
        lowest = std::max(lowest, rows.back());
    }
    double sum_x = 0, count = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i] >= lowest - 1) {
            sum_x += double(int(mid_x) - reach + int(i));
            count += 1;
        }
    }
    const float x = count > 0 ? float(sum_x / count) : mid_x;
    return CropPoint{{x, float(lowest)}, std::clamp(best / 20.0f, 0.3f, 0.7f)};
}

}  // namespace ps
