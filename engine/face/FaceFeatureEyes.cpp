#include "face/FaceFeatureEyes.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace ps {

namespace {

constexpr float kIod = kCropIodPx;

// Brow points of the canonical mesh relative to its eye centre, in eye distances, outer first
// (right brow 53, 52, 65; measured from resources/face_mesh/canonical_face_model.obj).
constexpr float kBrowOffsets[3] = {-0.23f, -0.09f, 0.08f};

cv::Rect clampRect(cv::Rect r, const cv::Size& size) {
    return r & cv::Rect(cv::Point(0, 0), size);
}

float median(const cv::Mat& m) {
    std::vector<float> v(m.begin<float>(), m.end<float>());
    if (v.empty()) {
        return 0.0f;
    }
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

// Iris-sized dark blobs: the smoothed darkness minus the darkness of its surroundings (a
// difference of Gaussians at about the iris radius), so thin lash lines and broad shadows, which
// are dark at one scale only, respond less than the iris does.
cv::Mat irisResponse(const cv::Mat& luma) {
    cv::Mat dark = 1.0f - luma;
    cv::Mat inner, outer;
    const double r = 0.07 * kIod;
    cv::GaussianBlur(dark, inner, cv::Size(), r, r);
    cv::GaussianBlur(dark, outer, cv::Size(), 2.5 * r, 2.5 * r);
    return inner - outer;
}

std::optional<CropPoint> irisCentre(const FaceCrop& crop, const cv::Mat& response,
                                    cv::Point2f expected) {
    const cv::Rect window =
        clampRect(cv::Rect(int(expected.x - 0.35f * kIod), int(expected.y - 0.25f * kIod),
                           int(0.7f * kIod), int(0.5f * kIod)),
                  response.size());
    if (window.area() == 0) {
        return std::nullopt;
    }
    // A mild prior towards the expected place breaks ties with a dark brow end or hair.
    cv::Mat score = response(window).clone();
    const float sigma = 0.3f * kIod;
    for (int y = 0; y < score.rows; ++y) {
        for (int x = 0; x < score.cols; ++x) {
            const float dx = float(window.x + x) - expected.x;
            const float dy = float(window.y + y) - expected.y;
            score.at<float>(y, x) *= std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
        }
    }
    double best = 0;
    cv::Point at;
    cv::minMaxLoc(score, nullptr, &best, nullptr, &at);
    if (best <= 0) {
        return std::nullopt;
    }
    // Sub-pixel: the response-weighted centroid of the peak's neighbourhood.
    const cv::Point peak = at + window.tl();
    const int half = int(0.06f * kIod);
    const cv::Rect around = clampRect(
        cv::Rect(peak.x - half, peak.y - half, 2 * half + 1, 2 * half + 1), response.size());
    double sum = 0, sx = 0, sy = 0;
    const float peak_value = response.at<float>(peak);
    for (int y = around.y; y < around.br().y; ++y) {
        for (int x = around.x; x < around.br().x; ++x) {
            const double w = std::max(0.0f, response.at<float>(y, x) - 0.5f * peak_value);
            sum += w;
            sx += w * x;
            sy += w * y;
        }
    }
    const cv::Point2f centre(float(sx / sum), float(sy / sum));

    // Confidence from how much darker the iris is than the skin under the eye.
    const cv::Rect below =
        clampRect(cv::Rect(int(centre.x - 0.2f * kIod), int(centre.y + 0.3f * kIod),
                           int(0.4f * kIod), int(0.15f * kIod)),
                  crop.luma.size());
    const float skin = median(crop.luma(below));
    cv::Mat smooth;
    cv::GaussianBlur(crop.luma(around), smooth, cv::Size(), 1.5, 1.5);
    double iris = 0;
    cv::minMaxLoc(smooth, &iris);
    const float contrast = skin - float(iris);
    if (contrast < 0.12f) {
        return std::nullopt;
    }
    return CropPoint{centre, std::clamp((contrast - 0.12f) / 0.25f, 0.2f, 1.0f)};
}

// The lash line's horizontal extent through the iris: walking outwards from the iris, the eye
// ends where no pixel of the column's band is clearly darker than the skin under the eye.
void eyeCorners(const FaceCrop& crop, EyeEvidence& eye, EyeSide side) {
    const cv::Point2f c = eye.centre.crop_px;
    const int top = std::max(0, int(c.y - 0.13f * kIod));
    const int bottom = std::min(crop.luma.rows, int(c.y + 0.1f * kIod) + 1);
    cv::Mat smooth;
    cv::GaussianBlur(crop.luma, smooth, cv::Size(), 1.0, 1.0);
    const cv::Rect below = clampRect(cv::Rect(int(c.x - 0.2f * kIod), int(c.y + 0.3f * kIod),
                                              int(0.4f * kIod), int(0.15f * kIod)),
                                     crop.luma.size());
    const float skin = median(crop.luma(below));
    const float iris = smooth.at<float>(cv::Point(c));
    const float threshold = skin - 0.45f * (skin - iris);

    auto columnDarkest = [&](int x, int* row) {
        float best = 2.0f;
        for (int y = top; y < bottom; ++y) {
            if (smooth.at<float>(y, x) < best) {
                best = smooth.at<float>(y, x);
                *row = y;
            }
        }
        return best;
    };
    auto walk = [&](int step) -> std::optional<CropPoint> {
        const int limit = int(0.45f * kIod);
        int last_row = int(c.y), last_x = int(c.x), light = 0;
        for (int d = 1; d <= limit; ++d) {
            const int x = int(c.x) + step * d;
            if (x < 0 || x >= smooth.cols) {
                return std::nullopt;
            }
            int row = 0;
            if (columnDarkest(x, &row) < threshold) {
                last_x = x;
                last_row = row;
                light = 0;
            } else if (++light >= 2) {
                const float extent = std::abs(float(last_x) - c.x) / kIod;
                // An eye is about half an eye distance wide; a corner much nearer or farther
                // than that half is a gap in the lash line or a shadow joining it.
                if (extent < 0.12f || extent > 0.4f) {
                    return std::nullopt;
                }
                return CropPoint{cv::Point2f(float(last_x), float(last_row)), 0.5f};
            }
        }
        return std::nullopt;
    };
    // Only the outer corner: towards the nose the lash line runs into the shadow beside the
    // nose on one side and fades into the pink caruncle on the other, which put the inner
    // corners 8-15% of the eye distance off on the sample, too far to be worth a target.
    eye.outer_corner = walk(side == EyeSide::ImageLeft ? -1 : 1);
}

// The brow's lower edge: in a column above the eye, the darkest band, then the strongest
// dark-to-light step just beneath it.
void browEdge(const FaceCrop& crop, EyeEvidence& eye, EyeSide side) {
    const cv::Point2f c = eye.centre.crop_px;
    cv::Mat smooth;
    cv::GaussianBlur(crop.luma, smooth, cv::Size(), 1.5, 1.5);
    const int top = std::max(1, int(c.y - 0.4f * kIod));
    const int bottom = int(c.y - 0.15f * kIod);
    const float outward = side == EyeSide::ImageLeft ? -1.0f : 1.0f;
    for (float offset : kBrowOffsets) {
        const int x = int(std::lround(c.x - outward * offset * kIod));
        if (x < 2 || x >= smooth.cols - 2 || bottom <= top + 2) {
            eye.brow.clear();
            return;
        }
        auto at = [&](int y) {
            return (smooth.at<float>(y, x - 2) + smooth.at<float>(y, x) +
                    smooth.at<float>(y, x + 2)) /
                   3.0f;
        };
        int darkest = top;
        for (int y = top; y < bottom; ++y) {
            if (at(y) < at(darkest)) {
                darkest = y;
            }
        }
        int edge = -1;
        float step = 0.0f;
        for (int y = darkest; y < std::min(bottom + int(0.1f * kIod), smooth.rows - 1); ++y) {
            const float d = at(y + 1) - at(y - 1);
            if (d > step) {
                step = d;
                edge = y;
            }
        }
        if (edge < 0 || step < 0.04f) {
            eye.brow.clear();
            return;
        }
        eye.brow.push_back({cv::Point2f(float(x), float(edge)), std::min(0.5f, step * 4.0f)});
    }
    // A brow is a smooth line over the eye; points at very different heights mean one of them
    // caught the hairline or a shadow instead, and which one is not knowable here.
    float low = 1e9f, high = -1e9f;
    for (const CropPoint& p : eye.brow) {
        low = std::min(low, p.crop_px.y);
        high = std::max(high, p.crop_px.y);
    }
    if (high - low > 0.1f * kIod) {
        eye.brow.clear();
    }
}

}  // namespace

std::optional<EyeEvidence> locateEye(const FaceCrop& crop, cv::Point2f expected, EyeSide side) {
    const cv::Mat response = irisResponse(crop.luma);
    std::optional<CropPoint> centre = irisCentre(crop, response, expected);
    if (!centre) {
        return std::nullopt;
    }
    EyeEvidence eye;
    eye.centre = *centre;
    eyeCorners(crop, eye, side);
    browEdge(crop, eye, side);
    return eye;
}

}  // namespace ps
