#include "face/FaceFeatureJaw.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face/FaceMesh.h"

namespace ps {

namespace {

constexpr float kIod = kCropIodPx;
constexpr float kPi = 3.14159265f;

// The subject's right-side oval vertices searched for (image left; their mirrors are the left
// side's): 58 on the cheek at the mouth's height and 172 at the jaw's angle, where the contour
// runs nearly upright, so a point found on a row says most about where it is. Lower down the
// jaw turns under towards the chin and usually meets the neck, which is skin as well.
constexpr std::array<int, 2> kRightSideVertices = {58, 172};

// Where the canonical mesh puts an oval vertex: `down`, the fraction of the way from the mouth
// corners' line to the chin; `across`, its distance from the midplane in eye distances; `side`,
// -1 for the subject's right (the image's left, as FaceFeatures.h has it) and +1 for the left.
struct OvalPlace {
    int landmark = -1;
    float down = 0.0f;
    float across = 0.0f;
    int side = 0;
};

OvalPlace placeOf(const FaceMesh& mesh, int vertex) {
    using namespace landmark;
    const auto& v = mesh.vertices();  // y up
    const glm::vec3 eye_r = 0.5f * (v[kRightEyeOuter] + v[kRightEyeInner]);
    const glm::vec3 eye_l = 0.5f * (v[kLeftEyeOuter] + v[kLeftEyeInner]);
    const float iod = std::hypot(eye_l.x - eye_r.x, eye_l.y - eye_r.y);
    const float mouth = 0.5f * (v[kMouthRight].y + v[kMouthLeft].y);
    const float x = v[vertex].x - 0.5f * (eye_r.x + eye_l.x);
    const int side = (x < 0.0f) == (eye_r.x < eye_l.x) ? -1 : +1;  // on the right eye's side
    return {vertex, (mouth - v[vertex].y) / (mouth - v[kChin].y), std::abs(x) / iod, side};
}

// Both sides' vertices, measured once (58: 0.09 of the way down, 1.07 eye distances out;
// 172: 0.37 down, 0.94 out).
const std::vector<OvalPlace>& ovalPlaces() {
    static const std::vector<OvalPlace> places = [] {
        const FaceMesh& mesh = FaceMesh::canonical();
        std::vector<OvalPlace> out;
        for (int v : kRightSideVertices) {
            out.push_back(placeOf(mesh, v));
            out.push_back(placeOf(mesh, mesh.mirrorOf(v)));
        }
        return out;
    }();
    return places;
}

// Skin's colour as chroma and hue in the a*b* plane, which shading changes far less than L*: a
// cheek turned away from the light keeps its hue and grows, if anything, more saturated.
struct SkinColour {
    float chroma = 0.0f;
    float hue = 0.0f;  // radians
};

// The cheek beside the mouth on one side (`side` -1 image left, +1 right): skin in nearly every
// portrait, and lit like the contour beside it more than the other cheek is. Its better
// saturated half sets the colour: where the cheek is lit to white (an overexposed photo) it
// has lost its colour, while the skin turning away from the light towards the contour has not.
SkinColour cheekColour(const std::vector<cv::Mat>& lab, float mid_x, float mouth_y, int side) {
    const float x0 = mid_x + float(side) * 0.5f * kIod, x1 = mid_x + float(side) * 0.75f * kIod;
    const cv::Rect patch = cv::Rect(cv::Point(int(std::min(x0, x1)), int(mouth_y - 0.3f * kIod)),
                                    cv::Point(int(std::max(x0, x1)), int(mouth_y))) &
                           cv::Rect(0, 0, lab[0].cols, lab[0].rows);
    std::vector<cv::Point2f> ab;
    for (int y = patch.y; y < patch.y + patch.height; ++y) {
        for (int x = patch.x; x < patch.x + patch.width; ++x) {
            ab.emplace_back(lab[1].at<float>(y, x), lab[2].at<float>(y, x));
        }
    }
    if (ab.empty()) {
        return {};
    }
    const auto half = ab.begin() + long(ab.size() / 2);
    std::nth_element(ab.begin(), half, ab.end(),
                     [](cv::Point2f p, cv::Point2f q) { return p.dot(p) > q.dot(q); });
    cv::Point2f mean(0.0f, 0.0f);
    for (auto it = ab.begin(); it <= half; ++it) {
        mean += *it;
    }
    mean /= float(half - ab.begin() + 1);
    return {std::hypot(mean.x, mean.y), std::atan2(mean.y, mean.x)};
}

// How skin-like a colour is, 0..1, by its chroma and hue against the cheek's. Less saturated
// than the cheek (grey or white background, dark clothing) or another hue (a blue wall, a
// purple collar) is not skin; hair is, often, and is left to the luminance edge.
float skinness(float a, float b, const SkinColour& skin) {
    const float chroma = std::hypot(a, b);
    const float spread = std::max(3.0f, 0.35f * skin.chroma);
    const float short_by = std::max(0.0f, skin.chroma - chroma) / spread;
    float s = std::exp(-0.5f * short_by * short_by);
    // Hue means little for a nearly grey pixel or cheek (a black-and-white photo).
    if (chroma > 4.0f && skin.chroma > 4.0f) {
        float turn = std::abs(std::atan2(b, a) - skin.hue);
        turn = std::min(turn, 2.0f * kPi - turn) / 0.52f;  // 30 degrees
        s *= std::exp(-0.5f * turn * turn);
    }
    return s;
}

// One side's contour on one height: the innermost clear edge going outward from the cheek.
std::optional<CropPoint> findEdge(const std::vector<cv::Mat>& lab, const OvalPlace& place,
                                  float mid_x, float row_y, const SkinColour& skin) {
    const int cols = lab[0].cols, side = place.side;
    // A band of rows averaged into one profile, so single pixels of noise or hair do not count.
    const int band = std::max(1, int(0.03f * kIod));
    const int y0 = std::max(0, int(std::lround(row_y)) - band);
    const int y1 = std::min(lab[0].rows, int(std::lround(row_y)) + band + 1);
    if (y1 <= y0) {
        return std::nullopt;
    }
    std::array<cv::Mat, 3> profile;
    for (int c = 0; c < 3; ++c) {
        cv::reduce(lab[c](cv::Range(y0, y1), cv::Range::all()), profile[c], 0, cv::REDUCE_AVG);
    }
    std::vector<float> l(static_cast<size_t>(cols)), skin_like(static_cast<size_t>(cols));
    for (int x = 0; x < cols; ++x) {
        l[size_t(x)] = profile[0].at<float>(x);
        skin_like[size_t(x)] = skinness(profile[1].at<float>(x), profile[2].at<float>(x), skin);
    }

    // Windows either side of a candidate edge; `gap` leaves out the edge's own blurred pixels.
    const int width = 4, gap = 1;
    // From outside a smiling mouth's corners (about half an eye distance out) to well beyond the
    // mesh's place, with a broad prior at that place: a face's width varies, and on the sample
    // portrait the contour lies at 0.85-0.95 of the mesh's distance (a face is narrower at its
    // back, which perspective shrinks).
    const float near = std::max(0.55f, place.across - 0.4f) * kIod;
    const float far = (place.across + 0.45f) * kIod;
    const float expected = place.across * kIod, sigma = 0.25f * kIod;
    // A full change from skin to non-skin colour counts like a fall of 30 in L*, which is about
    // what hair or a dark collar shows against a lit cheek in the levelled crop.
    const float colour_weight = 30.0f;
    std::vector<float> score;
    std::vector<float> at;
    for (float d = near; d <= far; d += 1.0f) {
        const int x = int(std::lround(mid_x + float(side) * d));
        const int inner = x - side * (gap + width), outer = x + side * (gap + width);
        if (std::min(inner, outer) < 0 || std::max(inner, outer) >= cols) {
            break;
        }
        float skin_in = 0, skin_out = 0, darkest_in = 100, brightest_out = 0;
        for (int k = gap; k < gap + width; ++k) {
            skin_in += skin_like[size_t(x - side * k)];
            skin_out += skin_like[size_t(x + side * k)];
            darkest_in = std::min(darkest_in, l[size_t(x - side * k)]);
            brightest_out = std::max(brightest_out, l[size_t(x + side * k)]);
        }
        skin_in /= width;
        skin_out /= width;
        // Skin inside, and outside either clearly not skin's colour or darker throughout (hair,
        // a collar). Counting only a change to what is surely not skin, and only a step in L*
        // that leaves every inside pixel brighter than every outside one, keeps the shading
        // across a turned cheek (a steady ramp in both) from reading as an edge.
        const float step = colour_weight * std::max(0.0f, skin_in - skin_out) * (1.0f - skin_out) +
                           std::max(0.0f, darkest_in - brightest_out);
        const float z = (d - expected) / sigma;
        score.push_back(skin_in * step * std::exp(-0.5f * z * z));
        at.push_back(d);
    }
    if (score.size() < 3) {
        return std::nullopt;
    }
    const float best = *std::max_element(score.begin(), score.end());
    if (best < 8.0f) {  // under a quarter of a colour change or 8 L* units: no visible contour
        return std::nullopt;
    }
    // The innermost strong peak: the face's own edge comes before the hair, collar or
    // background edges beyond it, and the shading inside a cheek is far weaker.
    for (size_t i = 1; i + 1 < score.size(); ++i) {
        const float s = score[i];
        if (s >= 0.5f * best && s >= score[i - 1] && s >= score[i + 1]) {
            const float denominator = score[i - 1] - 2.0f * s + score[i + 1];
            const float offset =
                denominator < 0.0f ? 0.5f * (score[i - 1] - score[i + 1]) / denominator : 0.0f;
            const float d = at[i] + std::clamp(offset, -0.5f, 0.5f);
            // On the sample portrait's copies the contour scores 11-38 (a dark collar the most).
            return CropPoint{{mid_x + float(side) * d, row_y}, std::clamp(s / 40.0f, 0.3f, 0.7f)};
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<ContourPoint> locateJawContour(const FaceCrop& crop, float mid_x, float mouth_y,
                                           float chin_y) {
    std::vector<ContourPoint> out;
    if (!(chin_y > mouth_y)) {
        return out;
    }
    cv::Mat smooth;
    cv::GaussianBlur(crop.lab, smooth, cv::Size(), 1.0, 1.0);
    std::vector<cv::Mat> lab;
    cv::split(smooth, lab);
    const SkinColour image_left = cheekColour(lab, mid_x, mouth_y, -1);
    const SkinColour image_right = cheekColour(lab, mid_x, mouth_y, +1);
    for (const OvalPlace& place : ovalPlaces()) {
        // Heights in proportion between the mouth and the chin found in this photo, so the
        // search follows this face's own lower-face length rather than the mesh's.
        const float row_y = mouth_y + place.down * (chin_y - mouth_y);
        const SkinColour& skin = place.side < 0 ? image_left : image_right;
        if (std::optional<CropPoint> p = findEdge(lab, place, mid_x, row_y, skin)) {
            out.push_back({place.landmark, *p});
        }
    }
    return out;
}

}  // namespace ps
