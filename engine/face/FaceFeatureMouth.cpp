#include "face/FaceFeatureMouth.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace ps {

namespace {

constexpr float kIod = kCropIodPx;
// How much redder than the cheeks (in a* - b*) lips are at least: measured on the sample, lips
// are 6 to 13 above the cheeks, teeth and skin below 3.
constexpr float kLipRedness = 4.0f;

float medianOf(const cv::Mat& m) {
    std::vector<float> v;
    for (int y = 0; y < m.rows; ++y) {
        const float* row = m.ptr<float>(y);
        v.insert(v.end(), row, row + m.cols);
    }
    if (v.empty()) {
        return 0.0f;
    }
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

struct SkinReference {
    float l = 0.0f;
    float red = 0.0f;  // a* - b*, see redness()
};

// Lips differ from skin less in a* alone (a shadowed nose or a flushed cheek is as red) than in
// hue: skin is orange (b* above a*), lips are red to pink (a* above b*). a* - b* measures that.
cv::Mat redness(const std::vector<cv::Mat>& lab) {
    return lab[1] - lab[2];
}

// The cheeks beside the nose: skin in nearly every portrait, and lit like the mouth.
SkinReference cheekSkin(const cv::Mat& l, const cv::Mat& red, float mid_x) {
    const cv::Rect bounds(0, 0, l.cols, l.rows);
    const int y = int(kCropEyeMid.y + 0.4f * kIod);
    const cv::Size size(int(0.22f * kIod), int(0.25f * kIod));
    const cv::Rect left = cv::Rect(cv::Point(int(mid_x - 0.6f * kIod), y), size) & bounds;
    const cv::Rect right =
        cv::Rect(cv::Point(int(mid_x + 0.6f * kIod) - size.width, y), size) & bounds;
    cv::Mat ls, rs;
    cv::vconcat(l(left), l(right), ls);
    cv::vconcat(red(left), red(right), rs);
    return {medianOf(ls), medianOf(rs)};
}

// How much a pixel looks like mouth, 0..1: lips by their redness, the corners and the gap
// between parted lips by their darkness, each against the cheeks.
cv::Mat mouthScore(const cv::Mat& red, const cv::Mat& l, const SkinReference& skin) {
    cv::Mat lips = (red - skin.red) / (2.0f * kLipRedness);
    cv::Mat dark = (skin.l - l) / (0.6f * skin.l);
    cv::Mat score = cv::max(lips, dark);
    cv::max(score, 0.0f, score);
    cv::min(score, 1.0f, score);
    return score;
}

// The score that counts as mouth. Measured on the sample: 0.5 stops the trace at the corners
// of a face with 43 px between the eyes, while at 17 px the blurred corners stop it 2 px short
// and 0.4 does not (but at full size 0.4 runs on into the cheek's crease).
float onMouth(const FaceCrop& crop) {
    return crop.photo_iod_px < 32.0f ? 0.4f : 0.5f;
}

// The mouth's height: the row band through the middle of the face that looks most like mouth.
int mouthRow(const cv::Mat& score, float mid_x, float on_mouth) {
    const int x0 = std::max(0, int(mid_x - 0.15f * kIod));
    const int x1 = std::min(score.cols, int(mid_x + 0.15f * kIod));
    const int top = int(kCropEyeMid.y + 0.65f * kIod);
    const int bottom = std::min(score.rows, int(kCropEyeMid.y + 1.35f * kIod));
    int best_row = -1;
    double best = 0.0;
    for (int y = top; y < bottom && x1 > x0; ++y) {
        const double sum = cv::sum(score(cv::Range(y, y + 1), cv::Range(x0, x1)))[0] / (x1 - x0);
        if (sum > best) {
            best = sum;
            best_row = y;
        }
    }
    return best >= on_mouth ? best_row : -1;
}

// Follows the mouth outwards from the middle, column by column, keeping to the most mouth-like
// row near the last one (a smile's corners curve up), until two columns in a row show no
// mouth; the corner is the last column that did.
std::optional<cv::Point2f> traceCorner(const cv::Mat& score, cv::Point start, int step,
                                       float on_mouth) {
    const int reach = int(0.12f * kIod);
    const int limit = int(0.75f * kIod);
    int row = start.y;
    cv::Point last(-1, -1);
    int misses = 0;
    for (int d = 0; d <= limit; ++d) {
        const int x = start.x + step * d;
        if (x < 0 || x >= score.cols) {
            return std::nullopt;
        }
        int best_row = row;
        float best = -1.0f;
        for (int y = std::max(0, row - reach); y <= std::min(score.rows - 1, row + reach); ++y) {
            // Ties go to the row nearer the track, so it does not jump between the lips.
            const float s = score.at<float>(y, x) - 0.01f * float(std::abs(y - row));
            if (s > best) {
                best = s;
                best_row = y;
            }
        }
        if (best >= on_mouth) {
            last = {x, best_row};
            row += std::clamp(best_row - row, -1, 1);
            misses = 0;
        } else if (++misses >= 2) {
            break;
        }
    }
    if (last.x < 0 || misses < 2) {
        return std::nullopt;  // no mouth at all, or it ran on into the cheek's shadow
    }
    return cv::Point2f(last);
}

// When the lips show no colour (a washed-out photo, a pale mouth) the corners may still be the
// two darkest spots either side of the middle at mouth height, one on each side, level.
std::optional<MouthEvidence> darkCorners(const cv::Mat& score, float mid_x) {
    const int top = int(kCropEyeMid.y + 0.7f * kIod);
    const int height = int(0.55f * kIod);
    const int inner = int(0.22f * kIod), outer = int(0.6f * kIod);
    cv::Point at[2];
    double best[2] = {0, 0};
    const cv::Rect bounds(0, 0, score.cols, score.rows);
    for (int side = 0; side < 2; ++side) {
        const int x = side == 0 ? int(mid_x) - outer : int(mid_x) + inner;
        const cv::Rect r = cv::Rect(x, top, outer - inner, height) & bounds;
        if (r.area() == 0) {
            return std::nullopt;
        }
        cv::minMaxLoc(score(r), nullptr, &best[side], nullptr, &at[side]);
        at[side] += r.tl();
    }
    const float width = float(at[1].x - at[0].x);
    if (std::min(best[0], best[1]) < 0.8 || std::abs(at[1].y - at[0].y) > 0.15f * kIod ||
        width < 0.5f * kIod || width > 1.1f * kIod) {
        return std::nullopt;
    }
    MouthEvidence mouth;
    mouth.corner_image_left = {cv::Point2f(at[0]), 0.35f};
    mouth.corner_image_right = {cv::Point2f(at[1]), 0.35f};
    return mouth;
}

}  // namespace

std::optional<MouthEvidence> locateMouth(const FaceCrop& crop, float face_mid_x) {
    std::vector<cv::Mat> lab;
    cv::split(crop.lab, lab);
    cv::GaussianBlur(lab[0], lab[0], cv::Size(), 1.0, 1.0);
    cv::Mat red = redness(lab);
    cv::GaussianBlur(red, red, cv::Size(), 1.0, 1.0);
    const SkinReference skin = cheekSkin(lab[0], red, face_mid_x);
    const cv::Mat score = mouthScore(red, lab[0], skin);

    const float on_mouth = onMouth(crop);
    const int row = mouthRow(score, face_mid_x, on_mouth);
    if (row < 0) {
        return darkCorners(score, face_mid_x);
    }
    const cv::Point start(int(face_mid_x), row);
    const std::optional<cv::Point2f> left = traceCorner(score, start, -1, on_mouth);
    const std::optional<cv::Point2f> right = traceCorner(score, start, 1, on_mouth);
    if (!left || !right) {
        return std::nullopt;
    }
    const float width_iod = (right->x - left->x) / kIod;
    // A mouth is about 0.6 to 1.1 eye distances wide; anything else is the lips merged with a
    // shadow, or only part of them.
    if (width_iod < 0.45f || width_iod > 1.3f ||
        std::abs(right->y - left->y) > 0.25f * (right->x - left->x)) {
        return std::nullopt;
    }
    MouthEvidence mouth;
    const float confidence = std::clamp(1.0f - std::abs(width_iod - 0.85f), 0.3f, 0.9f);
    mouth.corner_image_left = {*left, confidence};
    mouth.corner_image_right = {*right, confidence};

    // On the mouth's own midline: the outer lip edges are where the lip-red ends above and
    // below, the inner ones the rows between that are not lip-red (teeth, or the dark gap).
    const int cx = int(std::lround((left->x + right->x) / 2));
    const int lip_reach = int(0.35f * kIod);
    auto isLip = [&](int y) { return red.at<float>(y, cx) - skin.red > kLipRedness; };
    int top = -1, bottom = -1;
    for (int y = std::max(0, row - lip_reach); y <= std::min(red.rows - 1, row + lip_reach); ++y) {
        if (isLip(y)) {
            bottom = y;
            if (top < 0) {
                top = y;
            }
        }
    }
    if (top < 0 || bottom - top < 3) {
        return mouth;
    }
    mouth.upper_outer = CropPoint{{float(cx), float(top)}, 0.5f};
    mouth.lower_outer = CropPoint{{float(cx), float(bottom + 1)}, 0.5f};
    int gap_top = -1, gap_bottom = -1;
    for (int y = top + 1; y < bottom; ++y) {
        if (!isLip(y)) {
            gap_bottom = y;
            if (gap_top < 0) {
                gap_top = y;
            }
        }
    }
    if (gap_top < 0) {
        // Closed lips: the line between them is the darkest row.
        int darkest = top;
        for (int y = top; y <= bottom; ++y) {
            if (lab[0].at<float>(y, cx) < lab[0].at<float>(darkest, cx)) {
                darkest = y;
            }
        }
        gap_top = gap_bottom = darkest;
    }
    mouth.upper_inner = CropPoint{{float(cx), float(gap_top)}, 0.4f};
    mouth.lower_inner = CropPoint{{float(cx), float(gap_bottom + 1)}, 0.4f};
    return mouth;
}

}  // namespace ps
