#include "render/PersonLayer.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "render/BackgroundPlate.h"

namespace ps {

namespace {

// The background's share of a pixel of person level `a` (0..255) over plate colour `p`: the same
// rounding when the layer is made and when it is laid, so that an unmoved pixel adds back exactly
// what was taken out.
inline int backgroundShare(int a, int p) {
    return ((255 - a) * p + 127) / 255;
}

// The person grown by `grow_px` with a soft edge of about that width. A segmenter's outline can
// run a pixel or two inside the person's true edge (the rim of a collar, the last of the hair);
// what it leaves out would stay behind on the still background as the person moves, a torn
// sliver. Grown, the backdrop just outside the outline moves with the person instead, which
// reads as part of the soft edge.
cv::Mat grownSoftly(const cv::Mat& person, int grow_px) {
    if (grow_px <= 0) {
        return person.clone();
    }
    cv::Mat grown;
    const int side = 2 * grow_px + 1;
    cv::dilate(person, grown, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(side, side)));
    cv::GaussianBlur(grown, grown, cv::Size(side, side), 0.5 * grow_px, 0.5 * grow_px,
                     cv::BORDER_REPLICATE);
    return cv::max(grown, person);
}

}  // namespace

PersonLayer::PersonLayer(const cv::Mat& photo_bgr, const cv::Mat& person, int grow_px) {
    cv::Mat alpha = grownSoftly(person, grow_px);
    plate_ = backgroundPlate(photo_bgr, alpha, grow_px);
    layer_.create(photo_bgr.size(), CV_8UC4);
    for (int y = 0; y < photo_bgr.rows; ++y) {
        const cv::Vec3b* photo = photo_bgr.ptr<cv::Vec3b>(y);
        const uchar* a = alpha.ptr<uchar>(y);
        const cv::Vec3b* p = plate_.ptr<cv::Vec3b>(y);
        cv::Vec4b* out = layer_.ptr<cv::Vec4b>(y);
        for (int x = 0; x < photo_bgr.cols; ++x) {
            // A pixel darker than the background's share of it holds more of the person than
            // the mask says (the segmenter is not a matte: dark hair over a pale backdrop often
            // scores a half), so its level is raised until the person's share is not negative;
            // else the photo would not come back where the warp does not move.
            int level = a[x];
            while (level < 255 && (backgroundShare(level, p[x][0]) > photo[x][0] ||
                                   backgroundShare(level, p[x][1]) > photo[x][1] ||
                                   backgroundShare(level, p[x][2]) > photo[x][2])) {
                ++level;
            }
            for (int k = 0; k < 3; ++k) {
                out[x][k] = uchar(photo[x][k] - backgroundShare(level, p[x][k]));
            }
            out[x][3] = uchar(level);
        }
    }
    cv::extractChannel(layer_, alpha_, 3);
}

void PersonLayer::layOverPlate(const cv::Mat& warped, cv::Mat& frame) const {
    for (int y = 0; y < frame.rows; ++y) {
        const cv::Vec4b* w = warped.ptr<cv::Vec4b>(y);
        const cv::Vec3b* p = plate_.ptr<cv::Vec3b>(y);
        cv::Vec3b* f = frame.ptr<cv::Vec3b>(y);
        for (int x = 0; x < frame.cols; ++x) {
            const int a = w[x][3];
            if (a == 255) {
                // The person covers the pixel: the background adds nothing.
                f[x] = cv::Vec3b(w[x][0], w[x][1], w[x][2]);
            } else if (a == 0) {
                f[x] = p[x];  // no person: the still background (the layer holds nothing here)
            } else {
                for (int k = 0; k < 3; ++k) {
                    f[x][k] = uchar(std::min(255, w[x][k] + backgroundShare(a, p[x][k])));
                }
            }
        }
    }
}

}  // namespace ps
