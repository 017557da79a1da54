#include "face/BlazeFaceDetector.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "face/NetworkInput.h"
#include "nn/GraphModel.h"

namespace ps {

namespace {

// The graph's ports (resources/models/blazeface.json): one score logit per anchor and 16
// regression values per anchor, for the 16x16 map (512 anchors) and the 8x8 map (384).
constexpr const char* kInput = "input:0";
constexpr const char* kScores16 = "Identity:0";
constexpr const char* kScores8 = "Identity_1:0";
constexpr const char* kBoxes16 = "Identity_2:0";
constexpr const char* kBoxes8 = "Identity_3:0";

// Measured on the sample portrait scaled in one input: the model finds the face with a score
// over 0.85 from a 13-pixel box (eye distance 6 px) to a 236-pixel one; its key points are best
// (3.5% of the eye distance) with the box about 96 pixels across, and worse than 10% under about
// 30 pixels. So faces are found at any size the search gives them, then each is looked at again
// at kRefineFacePx, turned upright.
constexpr double kSmallestModelFacePx = 14.0;
// The smallest face searched for in photo pixels: a large photo is also searched at the scale
// that makes such a face kSmallestModelFacePx across, in tiles of the model's input size.
constexpr double kSmallestFacePx = 40.0;
// The most between consecutive search scales. A face too small for one scale is at most the step
// times kSmallestModelFacePx at the next, and that scale's tiles overlap by that much plus
// kTileMarginPx, so it lies whole in one tile.
constexpr double kMaxLevelStep = 4.0;
constexpr int kTileMarginPx = 8;
// A tile's detection that runs this far past an edge shared with a neighbouring tile is a face
// cut by the tile, seen whole by a coarser scale.
constexpr float kCutTolerancePx = 6.0f;
// Turned copies searched besides the photo, so that faces rolled by ±45° (tested), beyond what the
// upright view is trained on, are seen nearly upright by one of them.
constexpr float kRotationsDeg[] = {-30.0f, 30.0f};
// MediaPipe's threshold holds for the one upright view of the whole photo. The tiles and turned
// copies add some forty more views of a 12 MP photo, and on the sample's space suit and helmet
// they gave false faces scoring up to 0.67 (real faces score over 0.85), so those views keep only
// surer faces.
constexpr float kMinScoreWhole = 0.5f;
constexpr float kMinScoreExtra = 0.75f;
// Each face found is looked at again in a view of its own, centred, upright and this many input
// pixels across; a face that view does not confirm (score under kMinScoreWhole) is dropped.
constexpr double kRefineFacePx = 96.0;

struct Tile {
    cv::Rect rect;  // in the (scaled, turned) search image; may reach past it
    // The part of the search image whose detections this tile reports (by box centre): the tiles'
    // cores partition the search image, so each face is reported by the tile that holds it whole.
    cv::Rect2f core;
    bool cut_left = false, cut_top = false, cut_right = false, cut_bottom = false;
};

// Tile origins along one axis: tiles of `tile` with at least `overlap` shared, the last flush
// with the end; a single centred one when the axis is no longer than a tile.
std::vector<int> tileOrigins(int length, int tile, int overlap) {
    if (length <= tile) {
        return {(length - tile) / 2};
    }
    const int stride = tile - overlap;
    const int count = 1 + (length - tile + stride - 1) / stride;
    std::vector<int> out;
    for (int i = 0; i < count; ++i) {
        out.push_back(int(std::lround(double(length - tile) * i / (count - 1))));
    }
    return out;
}

std::vector<Tile> tilesOf(cv::Size image, int overlap_px) {
    const std::vector<int> xs = tileOrigins(image.width, kBlazeFaceInputPx, overlap_px);
    const std::vector<int> ys = tileOrigins(image.height, kBlazeFaceInputPx, overlap_px);
    const auto bounds = [](const std::vector<int>& origins, size_t i, float* lo, float* hi) {
        // Halfway through the overlap with each neighbour.
        *lo = i == 0 ? -1e9f : (origins[i] + origins[i - 1] + kBlazeFaceInputPx) / 2.0f;
        *hi = i + 1 == origins.size() ? 1e9f
                                      : (origins[i + 1] + origins[i] + kBlazeFaceInputPx) / 2.0f;
    };
    std::vector<Tile> tiles;
    for (size_t j = 0; j < ys.size(); ++j) {
        for (size_t i = 0; i < xs.size(); ++i) {
            Tile t;
            t.rect = cv::Rect(xs[i], ys[j], kBlazeFaceInputPx, kBlazeFaceInputPx);
            float x0, x1, y0, y1;
            bounds(xs, i, &x0, &x1);
            bounds(ys, j, &y0, &y1);
            t.core = cv::Rect2f(x0, y0, x1 - x0, y1 - y0);
            t.cut_left = i > 0;
            t.cut_right = i + 1 < xs.size();
            t.cut_top = j > 0;
            t.cut_bottom = j + 1 < ys.size();
            tiles.push_back(t);
        }
    }
    return tiles;
}

bool isCut(const Tile& t, const cv::Rect2f& box) {
    const float size = kBlazeFaceInputPx;
    return (t.cut_left && box.x < -kCutTolerancePx) || (t.cut_top && box.y < -kCutTolerancePx) ||
           (t.cut_right && box.x + box.width > size + kCutTolerancePx) ||
           (t.cut_bottom && box.y + box.height > size + kCutTolerancePx);
}

cv::Point2f apply(const cv::Matx23d& m, const cv::Point2f& p) {
    return {float(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
            float(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

cv::Mat bgrOf(const cv::Mat& photo) {
    cv::Mat bgr;
    switch (photo.channels()) {
        case 1:
            cv::cvtColor(photo, bgr, cv::COLOR_GRAY2BGR);
            break;
        case 4:
            cv::cvtColor(photo, bgr, cv::COLOR_BGRA2BGR);
            break;
        default:
            bgr = photo;
            break;
    }
    return bgr;
}

// The scales the upright photo is searched at: the whole photo in one input, then finer in equal
// steps of at most kMaxLevelStep until a kSmallestFacePx face is kSmallestModelFacePx across.
std::vector<double> searchScales(cv::Size photo) {
    const double whole = double(kBlazeFaceInputPx) / std::max(photo.width, photo.height);
    const double finest = kSmallestModelFacePx / kSmallestFacePx;
    std::vector<double> scales = {whole};
    if (finest > whole * 1.001) {
        const int steps = int(std::ceil(std::log(finest / whole) / std::log(kMaxLevelStep)));
        for (int i = 1; i <= steps; ++i) {
            scales.push_back(whole * std::pow(finest / whole, double(i) / steps));
        }
    }
    return scales;
}

// The scale at which the photo turned by angle_deg fits whole in one input.
double wholeTurnedScale(cv::Size photo, float angle_deg) {
    const cv::Rect2f bounds =
        cv::RotatedRect(cv::Point2f(0, 0), cv::Size2f(photo), angle_deg).boundingRect2f();
    return (kBlazeFaceInputPx - 1.0) / std::max(bounds.width, bounds.height);
}

float rollOf(const BlazeFaceBox& b) {
    const cv::Point2f d = b.point(BlazeFacePoint::LeftEye) - b.point(BlazeFacePoint::RightEye);
    return float(std::atan2(d.y, d.x) * 180.0 / CV_PI);
}

// A smaller, less sure face lying inside a larger one is a part of it (an eye, a cheek) seen by a
// fine tile.
std::vector<BlazeFaceBox> withoutNested(std::vector<BlazeFaceBox> faces) {
    std::sort(faces.begin(), faces.end(), [](const BlazeFaceBox& a, const BlazeFaceBox& b) {
        return a.box.area() > b.box.area();
    });
    std::vector<BlazeFaceBox> kept;
    for (const BlazeFaceBox& f : faces) {
        const cv::Point2f centre(f.box.x + f.box.width / 2, f.box.y + f.box.height / 2);
        const bool nested = std::any_of(kept.begin(), kept.end(), [&](const BlazeFaceBox& k) {
            return k.box.contains(centre) && f.box.width < 0.6f * k.box.width && f.score <= k.score;
        });
        if (!nested) {
            kept.push_back(f);
        }
    }
    return kept;
}

}  // namespace

BlazeFaceDetector::BlazeFaceDetector(std::shared_ptr<const nn::GraphModel> model)
    : model_(std::move(model)) {}

Result<BlazeFaceDetector> BlazeFaceDetector::create(const std::string& model_json_path) {
    std::string error;
    std::unique_ptr<nn::GraphModel> model = nn::GraphModel::load(model_json_path, &error);
    if (!model) {
        // GraphModel's errors already name the file.
        return Error{ErrorKind::BadInput,
                     error.empty() ? model_json_path + ": the face detector did not load" : error};
    }
    const std::map<std::string, std::vector<int64_t>> expected = {
        {kScores16, {1, 512, 1}},
        {kScores8, {1, 384, 1}},
        {kBoxes16, {1, 512, kBlazeFaceValuesPerAnchor}},
        {kBoxes8, {1, 384, kBlazeFaceValuesPerAnchor}}};
    for (const auto& [name, shape] : expected) {
        if (!hasPort(model->outputs(), name, shape)) {
            return badInput(model_json_path, "not MediaPipe's 256x256 BlazeFace (no output " +
                                                 name + " of the expected shape)");
        }
    }
    return BlazeFaceDetector(std::shared_ptr<const nn::GraphModel>(std::move(model)));
}

std::vector<BlazeFaceBox> BlazeFaceDetector::run(const cv::Mat& input_bgr, float min_score) const {
    // The model takes RGB in [-1, 1] (MediaPipe's ImageToTensorCalculator range for it).
    nn::FloatTensor input = rgbTensor(input_bgr, PixelRange::MinusOneToOne);

    std::map<std::string, nn::FloatTensor> outputs;
    std::string error;
    if (!model_->run({{kInput, std::move(input)}}, {kScores16, kScores8, kBoxes16, kBoxes8},
                     &outputs, &error)) {
        return {};
    }
    std::vector<float> scores = outputs[kScores16].data;
    const std::vector<float>& scores8 = outputs[kScores8].data;
    scores.insert(scores.end(), scores8.begin(), scores8.end());
    std::vector<float> boxes = outputs[kBoxes16].data;
    const std::vector<float>& boxes8 = outputs[kBoxes8].data;
    boxes.insert(boxes.end(), boxes8.begin(), boxes8.end());
    BlazeFaceThresholds thresholds;
    thresholds.min_score = min_score;
    return decodeBlazeFace(scores, boxes, blazeFaceAnchors(), thresholds);
}

void BlazeFaceDetector::search(const cv::Mat& photo, const Pass& pass,
                               std::vector<BlazeFaceBox>* found) const {
    const double scale = pass.scale;
    const float angle_deg = pass.angle_deg;
    // The photo scaled (area averaging when shrinking, so a 12 MP photo does not alias) ...
    const cv::Size scaled_size(std::max(1, int(std::lround(photo.cols * scale))),
                               std::max(1, int(std::lround(photo.rows * scale))));
    cv::Mat scaled;
    cv::resize(photo, scaled, scaled_size, 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const double sx = double(scaled_size.width) / photo.cols;
    const double sy = double(scaled_size.height) / photo.rows;
    // resize maps pixel centres: photo x lands at (x + 0.5) * sx - 0.5.
    cv::Matx33d to_search(sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5, 0, 0, 1);
    // ... then turned counter-clockwise on screen by angle_deg on a canvas that crops nothing.
    cv::Mat image = scaled;
    if (angle_deg != 0.0f) {
        const cv::Point2f centre(scaled.cols / 2.0f, scaled.rows / 2.0f);
        cv::Mat m = cv::getRotationMatrix2D(centre, angle_deg, 1.0);
        const cv::Rect2f bounds =
            cv::RotatedRect(centre, scaled.size(), angle_deg).boundingRect2f();
        m.at<double>(0, 2) += bounds.width / 2.0 - centre.x;
        m.at<double>(1, 2) += bounds.height / 2.0 - centre.y;
        cv::warpAffine(scaled, image, m,
                       cv::Size(int(std::ceil(bounds.width)), int(std::ceil(bounds.height))),
                       cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
        const cv::Matx23d r(m);
        to_search =
            cv::Matx33d(r(0, 0), r(0, 1), r(0, 2), r(1, 0), r(1, 1), r(1, 2), 0, 0, 1) * to_search;
    }
    const cv::Matx33d inverse = to_search.inv();
    const cv::Matx23d to_photo(inverse(0, 0), inverse(0, 1), inverse(0, 2), inverse(1, 0),
                               inverse(1, 1), inverse(1, 2));
    const double photo_px_per_search_px = 1.0 / scale;

    // The tiles are independent runs, so they run side by side (GraphModel::run is thread-safe).
    const std::vector<Tile> tiles = tilesOf(image.size(), pass.overlap_px);
    std::vector<std::vector<BlazeFaceBox>> per_tile(tiles.size());
    cv::parallel_for_(cv::Range(0, int(tiles.size())), [&](const cv::Range& range) {
        for (int i = range.start; i < range.end; ++i) {
            const Tile& tile = tiles[size_t(i)];
            // The tile's part of the search image, black beyond it (MediaPipe's letterbox).
            cv::Mat input(kBlazeFaceInputPx, kBlazeFaceInputPx, CV_8UC3, cv::Scalar::all(0));
            const cv::Rect inside = tile.rect & cv::Rect(cv::Point(0, 0), image.size());
            image(inside).copyTo(input(inside - tile.rect.tl()));
            per_tile[size_t(i)] = run(input, pass.min_score);
        }
    });
    for (size_t i = 0; i < tiles.size(); ++i) {
        const Tile& tile = tiles[i];
        for (const BlazeFaceBox& b : per_tile[i]) {
            if (isCut(tile, b.box)) {
                continue;
            }
            const cv::Point2f offset(tile.rect.tl());
            const cv::Point2f centre = offset + (b.box.tl() + b.box.br()) * 0.5f;
            if (!tile.core.contains(centre)) {
                continue;
            }
            BlazeFaceBox p = b;
            const cv::Point2f c = apply(to_photo, centre);
            const float w = float(b.box.width * photo_px_per_search_px);
            const float h = float(b.box.height * photo_px_per_search_px);
            p.box = cv::Rect2f(c.x - w / 2, c.y - h / 2, w, h);
            for (int k = 0; k < kBlazeFacePointCount; ++k) {
                p.points[k] = apply(to_photo, offset + b.points[k]);
            }
            found->push_back(p);
        }
    }
}

std::optional<BlazeFaceBox> BlazeFaceDetector::refine(const cv::Mat& photo,
                                                      const BlazeFaceBox& face) const {
    const cv::Point2f centre = (face.box.tl() + face.box.br()) * 0.5f;
    const double scale = kRefineFacePx / std::max(1.0f, face.box.width);
    const float roll = rollOf(face);
    // A shrinking view of a large photo is made from an area-averaged copy of the face's
    // surroundings (no aliasing), an enlarging one straight from the photo.
    cv::Mat source = photo;
    cv::Matx33d to_source = cv::Matx33d::eye();
    double warp_scale = scale;
    if (scale < 0.8) {
        const double reach = kBlazeFaceInputPx / scale;  // covers the view turned any way
        const cv::Rect around =
            cv::Rect(int(std::floor(centre.x - reach)), int(std::floor(centre.y - reach)),
                     int(std::ceil(2 * reach)), int(std::ceil(2 * reach))) &
            cv::Rect(cv::Point(0, 0), photo.size());
        if (around.empty()) {
            return std::nullopt;
        }
        const cv::Size small_size(std::max(1, int(std::lround(around.width * scale))),
                                  std::max(1, int(std::lround(around.height * scale))));
        cv::resize(photo(around), source, small_size, 0, 0, cv::INTER_AREA);
        const double sx = double(small_size.width) / around.width;
        const double sy = double(small_size.height) / around.height;
        to_source = cv::Matx33d(sx, 0, (0.5 - around.x) * sx - 0.5, 0, sy,
                                (0.5 - around.y) * sy - 0.5, 0, 0, 1);
        warp_scale = 1.0;
    }
    // Turned so the face is upright (against its roll), centred in the input.
    const cv::Point2f c = apply(cv::Matx23d(to_source.val), centre);
    cv::Mat m = cv::getRotationMatrix2D(c, roll, warp_scale);
    m.at<double>(0, 2) += kBlazeFaceInputPx / 2.0 - c.x;
    m.at<double>(1, 2) += kBlazeFaceInputPx / 2.0 - c.y;
    cv::Mat input;
    cv::warpAffine(source, input, m, cv::Size(kBlazeFaceInputPx, kBlazeFaceInputPx),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    const cv::Matx23d r(m);
    const cv::Matx33d to_input =
        cv::Matx33d(r(0, 0), r(0, 1), r(0, 2), r(1, 0), r(1, 1), r(1, 2), 0, 0, 1) * to_source;
    const cv::Matx33d inverse = to_input.inv();
    const cv::Matx23d to_photo(inverse.val);

    const float expected_px = float(kRefineFacePx);
    const cv::Rect2f expected(kBlazeFaceInputPx / 2.0f - expected_px / 2,
                              kBlazeFaceInputPx / 2.0f - expected_px / 2, expected_px, expected_px);
    std::optional<BlazeFaceBox> best;
    float best_iou = BlazeFaceThresholds().min_suppression_iou;
    for (const BlazeFaceBox& b : run(input, kMinScoreWhole)) {
        const float iou = intersectionOverUnion(b.box, expected);
        if (iou > best_iou) {
            best_iou = iou;
            best = b;
        }
    }
    if (!best) {
        return std::nullopt;
    }
    BlazeFaceBox out = *best;
    const cv::Point2f found = apply(to_photo, (best->box.tl() + best->box.br()) * 0.5f);
    const float w = float(best->box.width / scale);
    const float h = float(best->box.height / scale);
    out.box = cv::Rect2f(found.x - w / 2, found.y - h / 2, w, h);
    for (int k = 0; k < kBlazeFacePointCount; ++k) {
        out.points[k] = apply(to_photo, best->points[k]);
    }
    return out;
}

std::vector<BlazeFaceDetection> BlazeFaceDetector::detect(const cv::Mat& photo_bgr,
                                                          FaceSearch what) const {
    if (photo_bgr.empty() || photo_bgr.depth() != CV_8U) {
        return {};
    }
    std::vector<BlazeFaceDetection> out;
    try {
        const cv::Mat photo = bgrOf(photo_bgr);
        std::vector<BlazeFaceBox> found;
        const std::vector<double> scales = searchScales(photo.size());
        // The whole photo, upright and turned both ways (three runs).
        search(photo, {scales[0], 0.0f, 0, kMinScoreWhole}, &found);
        bool upright_found = !found.empty();
        for (float angle : kRotationsDeg) {
            search(photo, {wholeTurnedScale(photo.size(), angle), angle, 0, kMinScoreExtra},
                   &found);
        }
        // Then finer scales in tiles, which cost most. A face a scale misses for being too small
        // is smaller than every face that scale can find, so when only the largest face is
        // wanted the search stops at the first scale that found one. Turned tiles are searched
        // only while the upright ones have found nothing: a rolled face among upright ones is
        // rare, and four times the tiles would be the price.
        for (size_t i = 1; i < scales.size(); ++i) {
            if (what == FaceSearch::LargestFace && !found.empty()) {
                break;
            }
            const double step = scales[i] / scales[i - 1];
            Pass finer{scales[i], 0.0f, int(std::ceil(step * kSmallestModelFacePx)) + kTileMarginPx,
                       kMinScoreExtra};
            const size_t before = found.size();
            search(photo, finer, &found);
            upright_found = upright_found || found.size() > before;
            for (float angle : kRotationsDeg) {
                if (upright_found) {
                    break;
                }
                finer.angle_deg = angle;
                search(photo, finer, &found);
            }
        }
        const float iou = BlazeFaceThresholds().min_suppression_iou;
        std::vector<BlazeFaceBox> refined;
        for (const BlazeFaceBox& f : weightedNonMaxSuppression(found, iou)) {
            if (std::optional<BlazeFaceBox> r = refine(photo, f)) {
                refined.push_back(*r);
            }
        }
        for (const BlazeFaceBox& f : withoutNested(weightedNonMaxSuppression(refined, iou))) {
            BlazeFaceDetection d;
            d.box = f.box;
            d.score = f.score;
            d.points = f.points;
            d.roll_deg = rollOf(f);
            out.push_back(d);
        }
    } catch (const cv::Exception&) {
        return {};
    }
    return out;
}

}  // namespace ps
