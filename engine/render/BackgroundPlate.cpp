#include "render/BackgroundPlate.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace ps {

namespace {

// A grown person level from which a pixel counts as not background at all (a fifth): fainter
// than that, it is mostly backdrop and still worth a share in the fill.
constexpr float kHiddenFromLevel = 51.0f;
// How much a coarse level trusts its own average: a pixel whose neighbourhood is a quarter
// known is taken as known (as push-pull sums four children's weights, clamped at 1).
constexpr float kTrust = 4.0f;

// One level of the pull: the level's own average (colour / weight) where it knows enough,
// the coarser level's answer where it does not.
cv::Mat pull(const cv::Mat& colour, const cv::Mat& weight, const cv::Mat& coarser) {
    cv::Mat up;
    cv::pyrUp(coarser, up, colour.size());
    cv::Mat out(colour.size(), CV_32FC3);
    for (int y = 0; y < colour.rows; ++y) {
        const cv::Vec3f* c = colour.ptr<cv::Vec3f>(y);
        const float* w = weight.ptr<float>(y);
        const cv::Vec3f* u = up.ptr<cv::Vec3f>(y);
        cv::Vec3f* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < colour.cols; ++x) {
            const float a = std::min(1.0f, kTrust * w[x]);
            o[x] = w[x] > 1e-6f ? a * (c[x] / w[x]) + (1.0f - a) * u[x] : u[x];
        }
    }
    return out;
}

// The last level, at the photo's size: the photo itself wherever there is no person (also in
// the grown rim, which only kept its colours out of the fill), else the fill, with what is
// known of a half-known pixel kept.
cv::Mat finish(const cv::Mat& photo_bgr, const cv::Mat& person, const cv::Mat& colour,
               const cv::Mat& weight, const cv::Mat& coarser) {
    cv::Mat up;
    cv::pyrUp(coarser, up, colour.size());
    cv::Mat plate(photo_bgr.size(), CV_8UC3);
    for (int y = 0; y < plate.rows; ++y) {
        const cv::Vec3b* photo = photo_bgr.ptr<cv::Vec3b>(y);
        const uchar* m = person.ptr<uchar>(y);
        const cv::Vec3f* c = colour.ptr<cv::Vec3f>(y);
        const float* w = weight.ptr<float>(y);
        const cv::Vec3f* u = up.ptr<cv::Vec3f>(y);
        cv::Vec3b* o = plate.ptr<cv::Vec3b>(y);
        for (int x = 0; x < plate.cols; ++x) {
            if (m[x] == 0) {
                o[x] = photo[x];
            } else {
                // colour is the photo times its weight.
                const cv::Vec3f v = c[x] + (1.0f - w[x]) * u[x];
                o[x] = cv::Vec3b(cv::saturate_cast<uchar>(v[0]), cv::saturate_cast<uchar>(v[1]),
                                 cv::saturate_cast<uchar>(v[2]));
            }
        }
    }
    return plate;
}

}  // namespace

cv::Mat backgroundPlate(const cv::Mat& photo_bgr, const cv::Mat& person, int grow_px) {
    if (photo_bgr.empty() || photo_bgr.type() != CV_8UC3 || person.size() != photo_bgr.size() ||
        person.type() != CV_8UC1) {
        return photo_bgr.clone();
    }
    // A new matrix, not a header on `person`: dilating into one would change the caller's mask.
    cv::Mat grown;
    const int side = 2 * std::max(0, grow_px) + 1;
    cv::dilate(person, grown, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(side, side)));
    cv::Mat known;
    grown.convertTo(known, CV_32F, -1.0 / kHiddenFromLevel, 1.0);
    known = cv::max(known, 0.0f);
    if (cv::countNonZero(known) == 0 || cv::countNonZero(grown) == 0) {
        return photo_bgr.clone();  // nothing to fill from, or nothing to fill
    }
    // Push: colour premultiplied by how known it is, both averaged down to a pixel or two.
    std::vector<cv::Mat> colours(1), weights(1, known);
    photo_bgr.convertTo(colours[0], CV_32FC3);
    cv::Mat known3;
    cv::merge(std::vector<cv::Mat>(3, known), known3);
    colours[0] = colours[0].mul(known3);
    while (colours.back().cols > 2 || colours.back().rows > 2) {
        cv::Mat c, w;
        cv::pyrDown(colours.back(), c);
        cv::pyrDown(weights.back(), w);
        colours.push_back(c);
        weights.push_back(w);
    }
    if (colours.size() < 2) {
        return photo_bgr.clone();  // a region of a pixel or two: nothing to spread
    }
    // The coarsest level is the mean of the known colours around it; a pixel there no known
    // colour reached takes the mean of all of them.
    const cv::Scalar mean = cv::sum(colours[0]) / std::max(1e-6, cv::sum(known)[0]);
    cv::Mat filled(colours.back().size(), CV_32FC3);
    for (int y = 0; y < filled.rows; ++y) {
        for (int x = 0; x < filled.cols; ++x) {
            const float w = weights.back().at<float>(y, x);
            const cv::Vec3f c = colours.back().at<cv::Vec3f>(y, x);
            filled.at<cv::Vec3f>(y, x) =
                w > 1e-6f ? c / w : cv::Vec3f(float(mean[0]), float(mean[1]), float(mean[2]));
        }
    }
    // Pull: back up the pyramid, each level filling its holes from the one above.
    for (size_t k = colours.size() - 1; k-- > 1;) {
        filled = pull(colours[k], weights[k], filled);
    }
    return finish(photo_bgr, person, colours[0], weights[0], filled);
}

}  // namespace ps
