#include "render/MouthInterior.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <opencv2/imgproc.hpp>

#include "face/FaceContours.h"
#include "render/PixelSampling.h"

namespace ps {

namespace {

// Points that move with the skull (nose, eye corners) carry the upper teeth; points on the chin
// and the jaw's lower edge carry the lower teeth.
constexpr std::array<int, 14> kSkull = {1, 2, 98, 327, 4, 5, 195, 197, 6, 168, 33, 263, 133, 362};
constexpr std::array<int, 10> kJaw = {152, 148, 377, 176, 400, 175, 199, 200, 149, 378};

// The inner lips' halves as polylines from the subject's right corner (78) to the left (308).
std::vector<cv::Point2f> lowerLip(const std::vector<cv::Point2f>& loop) {
    return {loop.begin(), loop.begin() + 11};
}
std::vector<cv::Point2f> upperLip(const std::vector<cv::Point2f>& loop) {
    std::vector<cv::Point2f> upper = {loop[0]};
    for (size_t i = loop.size() - 1; i >= 10; --i) {
        upper.push_back(loop[i]);
    }
    return upper;
}

float polylineDistance(const std::vector<cv::Point2f>& line, cv::Point2f p) {
    float best = std::numeric_limits<float>::max();
    for (size_t i = 1; i < line.size(); ++i) {
        best = std::min(best, segmentDistanceSquared(line[i - 1], line[i], p));
    }
    return std::sqrt(best);
}

std::vector<cv::Point2f> innerLoop(const std::vector<glm::vec2>& landmarks) {
    std::vector<cv::Point2f> loop;
    for (int i : contour::kInnerLips) {
        loop.emplace_back(landmarks[i].x, landmarks[i].y);
    }
    return loop;
}

template <size_t N>
std::vector<cv::Point2f> points(const std::vector<glm::vec2>& landmarks,
                                const std::array<int, N>& indices) {
    std::vector<cv::Point2f> out;
    for (int i : indices) {
        out.emplace_back(landmarks[i].x, landmarks[i].y);
    }
    return out;
}

cv::Vec3f meanAround(const cv::Mat& photo, cv::Point2f centre, int radius) {
    cv::Vec3f sum(0, 0, 0);
    int count = 0;
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            sum += sampleBilinear(photo, centre.x + float(dx), centre.y + float(dy));
            ++count;
        }
    }
    return sum / float(count);
}

// Teeth for a photo that shows none: the skin's light, much brighter and nearly neutral, a
// little warm.
cv::Vec3f paintedTeeth(const cv::Vec3f& skin_bgr) {
    cv::Mat pixel(1, 1, CV_32FC3,
                  cv::Scalar(skin_bgr[0] / 255, skin_bgr[1] / 255, skin_bgr[2] / 255));
    cv::cvtColor(pixel, pixel, cv::COLOR_BGR2Lab);
    cv::Vec3f& lab = pixel.at<cv::Vec3f>(0, 0);
    lab[0] = std::clamp(lab[0] * 1.15f, 68.0f, 92.0f);
    lab[1] *= 0.15f;
    lab[2] = lab[2] * 0.35f + 4.0f;
    cv::cvtColor(pixel, pixel, cv::COLOR_Lab2BGR);
    return pixel.at<cv::Vec3f>(0, 0) * 255.0f;
}

// Tissue inside the mouth (its walls, the tongue): the lips' lightness scaled by `lightness`,
// and their hue pushed towards red, since a photo's lips are often paler or cooler than the
// wet tissue behind them; at least `redness` on Lab's a axis and a little warmth on b.
cv::Vec3f tissueColour(const cv::Vec3f& lips_bgr, float lightness, float redness) {
    cv::Mat pixel(1, 1, CV_32FC3,
                  cv::Scalar(lips_bgr[0] / 255, lips_bgr[1] / 255, lips_bgr[2] / 255));
    cv::cvtColor(pixel, pixel, cv::COLOR_BGR2Lab);
    cv::Vec3f& lab = pixel.at<cv::Vec3f>(0, 0);
    lab[0] *= lightness;
    lab[1] = std::max(lab[1] * 1.2f, redness);
    lab[2] = std::max(lab[2] * 0.8f, 0.3f * redness);
    cv::cvtColor(pixel, pixel, cv::COLOR_Lab2BGR);
    return pixel.at<cv::Vec3f>(0, 0) * 255.0f;
}

// A mask's value at a sub-pixel position, 0 outside it.
float maskAt(const cv::Mat& mask, cv::Point origin, cv::Point2f p) {
    const float x = p.x - float(origin.x), y = p.y - float(origin.y);
    if (!(x > -1.0f && y > -1.0f && x < float(mask.cols) && y < float(mask.rows))) {
        return 0.0f;
    }
    const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
    const float fx = x - float(x0), fy = y - float(y0);
    const auto at = [&](int xi, int yi) {
        return xi >= 0 && yi >= 0 && xi < mask.cols && yi < mask.rows ? mask.at<float>(yi, xi)
                                                                      : 0.0f;
    };
    return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
           fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

cv::Point2f lerp(cv::Point2f a, cv::Point2f b, float t) {
    return a + t * (b - a);
}

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

MouthInterior::MouthInterior(const cv::Mat& photo, const std::vector<glm::vec2>& source)
    : source_(source) {
    const std::vector<cv::Point2f> loop = innerLoop(source);
    const std::vector<cv::Point2f> upper = upperLip(loop), lower = lowerLip(loop);
    const cv::Rect box = (cv::boundingRect(loop) + cv::Size(2, 2) - cv::Point(1, 1)) &
                         cv::Rect(0, 0, photo.cols, photo.rows);
    parts_origin_ = box.tl();
    upper_mask_ = cv::Mat::zeros(std::max(box.height, 1), std::max(box.width, 1), CV_32FC1);
    lower_mask_ = cv::Mat::zeros(upper_mask_.size(), CV_32FC1);
    std::vector<cv::Vec3f> shown;
    for (int y = box.y; y < box.y + box.height; ++y) {
        for (int x = box.x; x < box.x + box.width; ++x) {
            const cv::Point2f p{float(x), float(y)};
            // A pixel beyond the edge too: the anti-aliased fringe of a mouth drawn where it
            // is in the photo then reads the photo's own edge, not paint.
            const float inside = signedDistance(loop, p);
            if (inside <= -1.0f) {
                continue;
            }
            const bool is_upper = polylineDistance(upper, p) <= polylineDistance(lower, p);
            (is_upper ? upper_mask_ : lower_mask_).at<float>(y - box.y, x - box.x) = 1.0f;
            if (inside > 0.0f) {
                (is_upper ? upper_area_ : lower_area_) += 1.0f;
                const cv::Vec3b c = photo.at<cv::Vec3b>(y, x);
                shown.emplace_back(c[0], c[1], c[2]);
            }
        }
    }
    // The lips' colour between their inner and outer edges; the skin on the cheeks.
    const std::pair<int, int> lip_pairs[] = {{13, 0},    {14, 17}, {82, 37},
                                             {312, 267}, {87, 84}, {317, 314}};
    cv::Vec3f lips(0, 0, 0);
    for (const auto& [inner, outer] : lip_pairs) {
        const glm::vec2 m = 0.5f * (source[inner] + source[outer]);
        lips += sampleBilinear(photo, m.x, m.y);
    }
    lips /= float(std::size(lip_pairs));
    const cv::Vec3f skin = 0.5f * (meanAround(photo, {source[205].x, source[205].y}, 2) +
                                   meanAround(photo, {source[425].x, source[425].y}, 2));
    cavity_ = tissueColour(lips, 0.4f, 18.0f);
    tongue_ = tissueColour(lips, 0.85f, 26.0f);
    teeth_ = paintedTeeth(skin);
    if (shown.size() >= 12) {
        // The photo's own teeth: the brightest quarter of its opening.
        std::sort(shown.begin(), shown.end(), [](const cv::Vec3f& a, const cv::Vec3f& b) {
            return a[0] + a[1] + a[2] > b[0] + b[1] + b[2];
        });
        cv::Vec3f bright(0, 0, 0);
        const size_t quarter = shown.size() / 4;
        for (size_t i = 0; i < quarter; ++i) {
            bright += shown[i];
        }
        const cv::Vec3f mean = bright / float(quarter);
        if (mean[0] + mean[1] + mean[2] > teeth_[0] + teeth_[1] + teeth_[2] - 120.0f) {
            teeth_ = mean;  // bright enough to be teeth, not the dark of a parted mouth
        }
    }
}

void MouthInterior::draw(const cv::Mat& photo, const std::vector<glm::vec2>& target, cv::Mat& frame,
                         cv::Rect clip) const {
    if (source_.empty()) {
        return;
    }
    std::vector<cv::Point2f> loop = innerLoop(target);
    const glm::vec2 down = target[152] - target[10];  // chin minus forehead top
    uncrossOpening(loop, {down.x, down.y}, kClosedGapPx);
    if (std::abs(polygonArea(loop)) < 0.5f) {
        return;  // closed lips: they meet, nothing shows through
    }
    const std::vector<cv::Point2f> upper = upperLip(loop), lower = lowerLip(loop);
    const Affine2 skull = fitAffine(points(target, kSkull), points(source_, kSkull));
    const Affine2 jaw = fitAffine(points(target, kJaw), points(source_, kJaw));
    const cv::Point2f right = loop[0], left = loop[10];
    const float width = std::max(1.0f, float(cv::norm(left - right)));
    const cv::Point2f across = (left - right) / width, middle = 0.5f * (left + right);
    // Teeth are painted only for a jaw whose row the photo does not show.
    const float shows = 0.01f * width * width;
    const bool paint_upper = upper_area_ < shows, paint_lower = lower_area_ < shows;
    // A jaw opened wider than in the photo parts the rows: the upper row follows the skull,
    // the lower the jaw, and the gap between them is the dark inside. Otherwise the photo's
    // opening is carried whole by a map that eases from the skull's at the upper lip to the
    // jaw's at the lower, so the two maps' small disagreements (a pitched head) open no seam.
    // Heights compared in the photo's pixels (the skull map's scale converts the frame's).
    const float to_photo = std::sqrt(std::abs(skull.a * skull.e - skull.b * skull.d));
    const float height = float(cv::norm(loop[5] - loop[15]));
    const float parting =
        smoothstep(0.5f, 2.5f, height * to_photo - glm::distance(source_[14], source_[13]));

    const auto painted = [&](cv::Point2f p, float from_upper_px, float from_lower_px) {
        const float u = std::clamp(2.0f * (p - middle).dot(across) / width, -1.0f, 1.0f);
        const float from_upper = from_upper_px / width, from_lower = from_lower_px / width;
        // The cavity is lit from the opening: lighter just inside the lips, dark at the back.
        const float depth = std::min(from_upper_px, from_lower_px) / std::max(height, 1.0f);
        cv::Vec3f colour = cavity_ * (0.55f + 0.6f * std::exp(-depth / 0.18f));
        // The tongue lies on the floor of the mouth behind the lower teeth: a low dome whose
        // top rises to about a third of the opening, lit from above and shaded beneath.
        const float tongue_top = height * (0.34f - 0.22f * u * u) + 0.04f * width;
        const float into_tongue = tongue_top - from_lower_px;
        if (std::abs(u) < 0.78f && into_tongue > -1.0f) {
            const float t =
                std::clamp(0.5f + into_tongue, 0.0f, 1.0f) * smoothstep(0.78f, 0.6f, std::abs(u));
            const float lit =
                0.6f + 0.4f * std::exp(-std::max(into_tongue, 0.0f) / (0.2f * height + 1.0f));
            colour = colour * (1.0f - t) + tongue_ * (lit * (1.0f - 0.3f * u * u)) * t;
        }
        // Teeth fade towards the corners and darken in the gaps between incisors.
        const float along = std::abs(u);
        const float gap = std::abs(std::fmod(along + 0.065f, 0.13f) - 0.065f);
        const float teeth_shade =
            (1.0f - 0.55f * u * u) * (1.0f - 0.2f * std::exp(-(gap / 0.012f) * (gap / 0.012f)));
        const float reach = 1.0f - 0.5f * u * u;
        if (paint_upper && along < 0.8f && from_upper < 0.11f * reach) {
            const float lip_shadow = 0.75f + 0.25f * smoothstep(0.0f, 0.03f, from_upper);
            return cv::Vec3f(teeth_ * (teeth_shade * lip_shadow));
        }
        if (paint_lower && along < 0.75f && from_lower < 0.06f * reach) {
            return cv::Vec3f(teeth_ * (0.85f * teeth_shade));
        }
        return colour;
    };

    const cv::Rect area = (cv::boundingRect(loop) + cv::Size(2, 2) - cv::Point(1, 1)) & clip;
    for (int y = area.y; y < area.y + area.height; ++y) {
        cv::Vec3b* row = frame.ptr<cv::Vec3b>(y);
        for (int x = area.x; x < area.x + area.width; ++x) {
            const cv::Point2f p{float(x), float(y)};
            const float alpha = std::clamp(signedDistance(loop, p) + 0.5f, 0.0f, 1.0f);
            if (alpha <= 0.0f) {
                continue;
            }
            const float from_upper = polylineDistance(upper, p);
            const float from_lower = polylineDistance(lower, p);
            const float w = from_upper / std::max(from_upper + from_lower, 1e-3f);
            const cv::Point2f on_skull = skull(p.x, p.y), on_jaw = jaw(p.x, p.y);
            const cv::Point2f together = lerp(on_skull, on_jaw, w);
            const cv::Point2f on_upper = lerp(together, on_skull, parting);
            const cv::Point2f on_lower = lerp(together, on_jaw, parting);
            // How much of each row of the photo's opening lands here; paint fills the rest.
            float from_photo_upper = maskAt(upper_mask_, parts_origin_, on_upper);
            float from_photo_lower = maskAt(lower_mask_, parts_origin_, on_lower);
            const float shown = from_photo_upper + from_photo_lower;
            if (shown > 1.0f) {
                from_photo_upper /= shown;
                from_photo_lower /= shown;
            }
            cv::Vec3f colour(0, 0, 0);
            if (from_photo_upper > 0.0f) {
                colour += from_photo_upper * sampleBilinear(photo, on_upper.x, on_upper.y);
            }
            if (from_photo_lower > 0.0f) {
                colour += from_photo_lower * sampleBilinear(photo, on_lower.x, on_lower.y);
            }
            const float rest = 1.0f - std::min(shown, 1.0f);
            if (rest > 0.0f) {
                colour += rest * painted(p, from_upper, from_lower);
            }
            for (int c = 0; c < 3; ++c) {
                row[x][c] =
                    cv::saturate_cast<uchar>(alpha * colour[c] + (1.0f - alpha) * row[x][c]);
            }
        }
    }
}

}  // namespace ps
