#include "render/PortraitRenderer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>

#include "face/FaceContours.h"
#include "face/FaceMesh.h"
#include "face/PersonSegmenter.h"
#include "render/EyeOpenings.h"
#include "render/FoldEdges.h"
#include "render/PixelSampling.h"
#include "render/TriangleRaster.h"

namespace ps {

namespace {

constexpr int kOutline = int(contour::kFaceOval.size());
constexpr int kHeadRingStart = kFaceVertexCount;
constexpr int kStillRingStart = kHeadRingStart + kOutline;
constexpr int kBorderStart = kStillRingStart + kOutline;
// The head ring lies 30% further out from the head's centre than the face outline (hair, ears,
// the neck under the jaw); the still ring 1.7 times as far out again as the head ring, leaving
// room for the head to turn 30 degrees without reaching it.
constexpr float kHeadRingScale = 1.3f;
constexpr float kStillRingScale = 1.7f;
// The head's centre sits this far behind the face's mean depth (cm), so the ring turns with the
// skull rather than with the face's surface.
constexpr float kHeadCentreDepthCm = 5.0f;
// The segmenter looks at a square this much wider than the region, centred on it: head and
// shoulders, the framing its selfie network was trained on, at a finer scale than the whole
// photo of a small face would give.
constexpr float kSegmentationMargin = 1.25f;
// A mask's faint tails (a few percent on the backdrop beside hair) would blend a trace of the
// moving warp into the still background, and its near-certain parts a trace of the background
// into the person; below and above these the person is taken as absent and whole.
constexpr float kSurelyBackground = 0.05f;
constexpr float kSurelyPerson = 0.95f;

cv::Point2f toPoint(const glm::vec2& p) {
    return {p.x, p.y};
}

float orientation(const cv::Point2f& a, const cv::Point2f& b, const cv::Point2f& c) {
    return (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
}

float angleOf(const cv::Point2f& d) {
    return std::atan2(d.y, d.x);
}

// Where the ray from `centre` through `through` leaves the rectangle `box` (centre inside).
cv::Point2f rayExit(cv::Point2f centre, cv::Point2f through, const cv::Rect2f& box) {
    const cv::Point2f d = through - centre;
    float t = std::numeric_limits<float>::max();
    if (d.x > 0)
        t = std::min(t, (box.x + box.width - centre.x) / d.x);
    if (d.x < 0)
        t = std::min(t, (box.x - centre.x) / d.x);
    if (d.y > 0)
        t = std::min(t, (box.y + box.height - centre.y) / d.y);
    if (d.y < 0)
        t = std::min(t, (box.y - centre.y) / d.y);
    return t == std::numeric_limits<float>::max() ? through : centre + t * d;
}

glm::vec2 projectLocal(const glm::vec3& local, const HeadPose& pose, cv::Size size) {
    return PerspectiveCamera().project(toQuat(pose) * local + pose.translation, size);
}

// Lips or lids pressed past each other (a bilabial's mouthClose, a hard blink) would turn the
// opening's own triangles over, and the photo's mouth or eye would show through in slivers
// between the folded lips; instead the two edges meet at their midpoint, as real lips do.
template <size_t N>
void closeCrossedOpening(const std::array<int, N>& contour, cv::Point2f down,
                         std::vector<cv::Point2f>& points) {
    std::vector<cv::Point2f> loop(N);
    for (size_t k = 0; k < N; ++k) {
        loop[k] = points[contour[k]];
    }
    uncrossOpening(loop, down, kClosedGapPx);
    for (size_t k = 0; k < N; ++k) {
        points[contour[k]] = loop[k];
    }
}

// The outer lip points facing each inner one of kInnerLips[1..9] (lower lip) and
// kInnerLips[19..11] (upper lip), from the subject's right corner to the left.
constexpr std::array<int, 9> kOuterLowerLip = {146, 91, 181, 84, 17, 314, 405, 321, 375};
constexpr std::array<int, 9> kOuterUpperLip = {185, 40, 39, 37, 0, 267, 269, 270, 409};

// As lips close over an opening the photo shows, the photo's edge of that opening (where the
// lip meets teeth or the dark inside, and where a fit's lip line is a pixel or two off) would
// be squeezed into a pale or dark line between the closed lips. So the lips' inner edge reads
// the photo further into each lip the more it has closed, up to 45% of the lip's depth: closed
// lips show lip on both sides of where they meet.
void retreatIntoLips(const std::vector<cv::Point2f>& target, cv::Point2f target_down,
                     std::vector<cv::Point2f>& source, cv::Point2f source_down) {
    const auto along = [](cv::Point2f v, cv::Point2f down) {
        return v.dot(down) / std::max(1e-6f, std::sqrt(down.dot(down)));
    };
    const float width_ratio = float(cv::norm(source[308] - source[78])) /
                              std::max(1e-3f, float(cv::norm(target[308] - target[78])));
    for (size_t k = 1; k < 10; ++k) {
        const int lower = contour::kInnerLips[k], upper = contour::kInnerLips[20 - k];
        const float source_gap = along(source[lower] - source[upper], source_down);
        if (source_gap <= kClosedGapPx) {
            continue;  // closed in the photo: nothing of the inside to hide
        }
        const float target_gap =
            std::max(0.0f, along(target[lower] - target[upper], target_down)) * width_ratio;
        const float closed = std::clamp(1.0f - target_gap / source_gap, 0.0f, 1.0f);
        const float depth = 0.45f * closed;
        source[lower] += depth * (source[kOuterLowerLip[k - 1]] - source[lower]);
        source[upper] += depth * (source[kOuterUpperLip[k - 1]] - source[upper]);
    }
}

}  // namespace

Result<PortraitRenderer> PortraitRenderer::create(const cv::Mat& photo_bgr, const FaceFit& source) {
    Result<PortraitRenderer> r = rig(photo_bgr, source);
    if (!r) {
        return r;
    }
    Result<const PersonSegmenter*> segmenter = personSegmenter();
    if (segmenter) {
        const cv::Rect crop = r->segmentationCrop();
        Result<cv::Mat> mask = (*segmenter)->segment(photo_bgr(crop));
        if (mask) {
            r->usePersonMask((*mask)(r->region_ - crop.tl()));
        }
    }
    return r;
}

Result<PortraitRenderer> PortraitRenderer::create(const cv::Mat& photo_bgr, const FaceFit& source,
                                                  const cv::Mat& person_mask) {
    if (!person_mask.empty() &&
        (person_mask.size() != photo_bgr.size() || person_mask.type() != CV_32FC1)) {
        return Error{ErrorKind::BadInput,
                     "the person mask is not a one-channel float image of the photo's size"};
    }
    Result<PortraitRenderer> r = rig(photo_bgr, source);
    if (r && !person_mask.empty()) {
        r->usePersonMask(person_mask(r->region_));
    }
    return r;
}

cv::Rect PortraitRenderer::segmentationCrop() const {
    const int side =
        int(std::lround(kSegmentationMargin * std::max(region_.width, region_.height)));
    const cv::Point centre = (region_.tl() + region_.br()) / 2;
    const cv::Rect square(centre.x - side / 2, centre.y - side / 2, side, side);
    return square & cv::Rect(cv::Point(0, 0), photo_.size());
}

void PortraitRenderer::usePersonMask(const cv::Mat& mask) {
    // 0..1 stretched so that kSurelyBackground is 0 and kSurelyPerson 255.
    const double scale = 255.0 / (kSurelyPerson - kSurelyBackground);
    cv::Mat person;
    mask.convertTo(person, CV_8U, scale, -kSurelyBackground * scale);
    // The fitted face is the person whatever the network says: if it missed part of a face (a
    // painting, a mask, an odd light), that part would stay behind as the head turns.
    std::vector<cv::Point> oval;
    constexpr int kShift = 4;  // sub-pixel outline, anti-aliased
    for (int i : contour::kFaceOval) {
        const glm::vec2 p = source_.landmarks2d[size_t(i)] - glm::vec2(region_.x, region_.y);
        oval.emplace_back(int(std::lround(p.x * (1 << kShift))),
                          int(std::lround(p.y * (1 << kShift))));
    }
    cv::Mat face = cv::Mat::zeros(person.size(), CV_8UC1);
    cv::fillPoly(face, std::vector<std::vector<cv::Point>>{oval}, cv::Scalar(255), cv::LINE_AA,
                 kShift);
    cv::max(person, face, person);
    // Grown by about two of the network's pixels at the scale it saw this part of the photo:
    // its outline is that soft, and the colours inside it are part hair, part backdrop.
    const cv::Rect crop = segmentationCrop();
    const int grow_px = std::max(2, int(std::ceil(2.0 * std::max(crop.width, crop.height) /
                                                  PersonSegmenter::kInputSide_px)));
    person_ = PersonLayer(photo_(region_), person, grow_px);
}

Result<PortraitRenderer> PortraitRenderer::rig(const cv::Mat& photo_bgr, const FaceFit& source) {
    if (photo_bgr.empty() || photo_bgr.type() != CV_8UC3) {
        return Error{ErrorKind::BadInput, "the renderer needs an 8-bit BGR photo"};
    }
    if (source.image_size != photo_bgr.size() ||
        source.landmarks2d.size() != size_t(kFaceVertexCount) ||
        source.vertices.size() != size_t(kFaceVertexCount)) {
        return Error{ErrorKind::BadInput, "the face fit does not belong to this photo"};
    }
    for (const glm::vec2& p : source.landmarks2d) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return Error{ErrorKind::BadInput, "the face fit has landmarks off the image plane"};
        }
    }
    PortraitRenderer r;
    r.photo_ = photo_bgr;
    r.source_ = source;
    const cv::Size size = photo_bgr.size();

    // The head ring: each outline vertex pushed out from the head's centre, in the face's own
    // frame, so the ring turns with the head in 3D.
    const std::vector<glm::vec3> local =
        faceLocalVertices(source.identity, source.expression, source.shape_detail_cm);
    glm::vec3 centre(0.0f);
    for (const glm::vec3& v : local) {
        centre += v;
    }
    centre /= float(local.size());
    centre.x = 0.0f;
    centre.z -= kHeadCentreDepthCm;
    r.source_points_.resize(kBorderStart);
    for (int i = 0; i < kFaceVertexCount; ++i) {
        r.source_points_[i] = toPoint(source.landmarks2d[i]);
    }
    cv::Point2f middle(0.0f, 0.0f);
    for (int i = 0; i < kOutline; ++i) {
        const glm::vec3 o = local[contour::kFaceOval[i]];
        r.outline_local_.push_back(o);
        r.head_ring_local_.push_back(centre + kHeadRingScale * (o - centre));
        const glm::vec2 p = projectLocal(r.head_ring_local_.back(), source.pose, size);
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return Error{ErrorKind::BadInput, "the face fit puts the head behind the camera"};
        }
        r.source_points_[kHeadRingStart + i] = toPoint(p);
        middle += toPoint(source.landmarks2d[contour::kFaceOval[i]]);
    }
    middle *= 1.0f / float(kOutline);

    // The still ring, and the region it bounds (inside the photo).
    std::vector<cv::Point2f> still(kOutline);
    for (int i = 0; i < kOutline; ++i) {
        still[i] = middle + kStillRingScale * (r.source_points_[kHeadRingStart + i] - middle);
    }
    r.region_ = (cv::boundingRect(still) + cv::Size(4, 4) - cv::Point(2, 2)) &
                cv::Rect(0, 0, size.width, size.height);
    if (r.region_.area() <= 0) {
        return Error{ErrorKind::BadInput, "the face lies outside the photo"};
    }
    // Pixel centres are integers; the border runs half a pixel outside the outermost ones, so
    // every pixel of the region lies strictly inside the triangles.
    const cv::Rect2f border(float(r.region_.x) - 0.5f, float(r.region_.y) - 0.5f,
                            float(r.region_.width), float(r.region_.height));
    for (int i = 0; i < kOutline; ++i) {
        still[i].x = std::clamp(still[i].x, border.x, border.x + border.width);
        still[i].y = std::clamp(still[i].y, border.y, border.y + border.height);
        r.source_points_[kStillRingStart + i] = still[i];
    }
    for (int i = 0; i < kOutline; ++i) {
        r.source_points_.push_back(rayExit(middle, still[i], border));
    }
    const int corner_start = int(r.source_points_.size());
    const cv::Point2f corners[4] = {border.tl(),
                                    {border.x + border.width, border.y},
                                    border.br(),
                                    {border.x, border.y + border.height}};
    for (const cv::Point2f& c : corners) {
        r.source_points_.push_back(c);
    }

    // Triangles between consecutive rings, outermost first. Between the still ring and the
    // border, a corner of the region that falls between two rays joins that sector's fan.
    const float turn = orientation(middle, still[0], still[kOutline / 4]) >= 0.0f ? 1.0f : -1.0f;
    const auto sweep = [&](float from, float to) {
        float d = (to - from) * turn;
        while (d < 0.0f)
            d += 2.0f * float(CV_PI);
        while (d >= 2.0f * float(CV_PI))
            d -= 2.0f * float(CV_PI);
        return d;
    };
    for (int i = 0; i < kOutline; ++i) {
        const int j = (i + 1) % kOutline;
        const int ri = kStillRingStart + i, rj = kStillRingStart + j;
        const int bi = kBorderStart + i, bj = kBorderStart + j;
        const float from = angleOf(r.source_points_[bi] - middle);
        const float span = sweep(from, angleOf(r.source_points_[bj] - middle));
        std::vector<std::pair<float, int>> between;
        for (int k = 0; k < 4; ++k) {
            const float s = sweep(from, angleOf(corners[k] - middle));
            if (s > 0.0f && s < span) {
                between.emplace_back(s, corner_start + k);
            }
        }
        std::sort(between.begin(), between.end());
        int last = bi;
        if (!between.empty()) {
            r.ring_triangles_.push_back({ri, bi, between.front().second});
            r.ring_triangles_.push_back({ri, between.front().second, rj});
            last = between.front().second;
            for (size_t k = 1; k < between.size(); ++k) {
                r.ring_triangles_.push_back({rj, last, between[k].second});
                last = between[k].second;
            }
            r.ring_triangles_.push_back({rj, last, bj});
        } else {
            r.ring_triangles_.push_back({ri, bi, bj});
            r.ring_triangles_.push_back({ri, bj, rj});
        }
    }
    for (int ring = 0; ring < 2; ++ring) {  // head ring to still ring, then outline to head ring
        for (int i = 0; i < kOutline; ++i) {
            const int j = (i + 1) % kOutline;
            const int inner_i = ring == 0 ? kHeadRingStart + i : contour::kFaceOval[i];
            const int inner_j = ring == 0 ? kHeadRingStart + j : contour::kFaceOval[j];
            const int outer_i = ring == 0 ? kStillRingStart + i : kHeadRingStart + i;
            const int outer_j = ring == 0 ? kStillRingStart + j : kHeadRingStart + j;
            r.ring_triangles_.push_back({inner_i, outer_i, outer_j});
            r.ring_triangles_.push_back({inner_i, outer_j, inner_j});
        }
    }
    const auto sign = [&](const std::array<int, 3>& t) {
        const float o =
            orientation(r.source_points_[t[0]], r.source_points_[t[1]], r.source_points_[t[2]]);
        return o > 0.0f ? 1.0f : o < 0.0f ? -1.0f : 0.0f;
    };
    for (const std::array<int, 3>& t : r.ring_triangles_) {
        r.ring_orientation_.push_back(sign(t));
    }
    for (const MeshTriangle& t : FaceMesh::canonical().triangles()) {
        r.face_orientation_.push_back(sign({t[0], t[1], t[2]}));
    }
    r.all_triangles_ = r.ring_triangles_;
    for (const MeshTriangle& t : FaceMesh::canonical().triangles()) {
        r.all_triangles_.push_back({t[0], t[1], t[2]});
    }
    r.edges_ = sharedEdges(r.all_triangles_);
    r.mouth_ = MouthInterior(photo_bgr, source.landmarks2d);
    return r;
}

std::vector<cv::Point2f> PortraitRenderer::targetPoints(const FaceFit& target) const {
    std::vector<cv::Point2f> points = source_points_;
    for (int i = 0; i < kFaceVertexCount; ++i) {
        points[i] = toPoint(target.landmarks2d[i]);
    }
    // Each head-ring point keeps its place relative to its outline vertex as the head turns in
    // 3D, and follows that vertex wherever the target puts it (a jaw that drops takes the skin
    // under it along; landmarks moved by hand take the hair with them).
    for (int i = 0; i < kOutline; ++i) {
        const glm::vec2 ring = projectLocal(head_ring_local_[i], target.pose, target.image_size);
        const glm::vec2 outline = projectLocal(outline_local_[i], target.pose, target.image_size);
        const glm::vec2 p = target.landmarks2d[contour::kFaceOval[i]] + (ring - outline);
        if (std::isfinite(p.x) && std::isfinite(p.y)) {
            points[kHeadRingStart + i] = toPoint(p);
        }
    }
    return points;
}

Status PortraitRenderer::render(const FaceFit& target, cv::Mat& frame, int* uncovered) const {
    if (target.image_size != photo_.size() ||
        target.landmarks2d.size() != size_t(kFaceVertexCount) ||
        target.vertices.size() != size_t(kFaceVertexCount)) {
        return Error{ErrorKind::BadInput, "the target face does not belong to this photo"};
    }
    for (const glm::vec2& p : target.landmarks2d) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return Error{ErrorKind::BadInput, "the target face has landmarks off the image plane"};
        }
    }
    photo_.copyTo(frame);
    std::vector<cv::Point2f> dst = targetPoints(target);
    const cv::Point2f down = dst[landmark::kChin] - dst[10];  // chin minus the forehead's top
    thread_local std::vector<cv::Point2f> src;
    src = source_points_;
    const cv::Point2f source_down = src[landmark::kChin] - src[10];
    closeCrossedOpening(contour::kInnerLips, down, dst);
    closeCrossedOpening(contour::kRightEye, down, dst);
    closeCrossedOpening(contour::kLeftEye, down, dst);
    retreatIntoLips(dst, down, src, source_down);
    // The person layer covers the region alone, so it is read in the region's own pixels.
    const bool layered = !person_.empty();
    if (layered) {
        const cv::Point2f origin(float(region_.x), float(region_.y));
        for (cv::Point2f& p : src) {
            p -= origin;
        }
    }

    // One set of maps per thread, kept between frames: no allocation per frame.
    thread_local RemapMaps maps;
    maps.create(region_);
    constexpr short kUnreached = -32000;
    if (uncovered) {
        maps.whole.setTo(cv::Scalar(kUnreached, kUnreached));
    }
    // A triangle that turns over in the frame lies behind a fold (the far cheek behind the
    // nose, hair behind a turning jaw). Such triangles are drawn first, under everything: the
    // mesh and its rings are one disc pinned at the border, so together every triangle covers
    // every pixel, and the ones facing the camera then paint over the hidden ones.
    const auto copy = [&](const std::array<int, 3>& t, const std::vector<cv::Point2f>& from,
                          cv::Point2f out[3]) {
        out[0] = from[t[0]];
        out[1] = from[t[1]];
        out[2] = from[t[2]];
    };
    const auto turnedOver = [&](const std::array<int, 3>& t, float source_sign) {
        return source_sign * orientation(dst[t[0]], dst[t[1]], dst[t[2]]) < 0.0f;
    };
    const auto draw = [&](const std::array<int, 3>& t) {
        cv::Point2f d[3], s[3];
        copy(t, dst, d);
        copy(t, src, s);
        rasterizeTriangle(d, s, maps);
    };
    const std::vector<MeshTriangle>& triangles = FaceMesh::canonical().triangles();
    const auto face = [&](size_t i) {
        const MeshTriangle& t = triangles[i];
        return std::array<int, 3>{t[0], t[1], t[2]};
    };
    // Ring triangles first, then the face's, as in all_triangles_.
    thread_local std::vector<char> hidden;
    hidden.assign(all_triangles_.size(), 0);
    char* ring_hidden = hidden.data();
    char* face_hidden = hidden.data() + ring_triangles_.size();
    for (size_t i = 0; i < ring_triangles_.size(); ++i) {
        ring_hidden[i] = turnedOver(ring_triangles_[i], ring_orientation_[i]);
        if (ring_hidden[i]) {
            draw(ring_triangles_[i]);
        }
    }
    for (size_t i = 0; i < triangles.size(); ++i) {
        face_hidden[i] = turnedOver(face(i), face_orientation_[i]);
        if (face_hidden[i]) {
            draw(face(i));
        }
    }
    for (size_t i = 0; i < ring_triangles_.size(); ++i) {
        if (!ring_hidden[i]) {
            draw(ring_triangles_[i]);
        }
    }
    // The face's own triangles back to front, so nearer parts (the nose as the head turns)
    // cover farther ones.
    std::vector<std::pair<float, int>> order;
    order.reserve(triangles.size());
    for (size_t i = 0; i < triangles.size(); ++i) {
        if (!face_hidden[i]) {
            const MeshTriangle& t = triangles[i];
            order.emplace_back(
                target.vertices[t[0]].z + target.vertices[t[1]].z + target.vertices[t[2]].z,
                int(i));
        }
    }
    std::sort(order.begin(), order.end());
    for (const auto& [depth, i] : order) {
        draw(face(size_t(i)));
    }
    if (uncovered) {
        std::vector<cv::Mat> xy;
        cv::split(maps.whole, xy);
        *uncovered = cv::countNonZero(xy[0] == kUnreached);
    }
    cv::Mat out = frame(region_);
    if (layered) {
        // The person and its mask warped alike, so they stay in register, then laid over the
        // still background.
        thread_local cv::Mat warped;
        cv::remap(person_.layer(), warped, maps.whole, maps.fraction, cv::INTER_LINEAR,
                  cv::BORDER_REPLICATE);
        person_.layOverPlate(warped, out);
    } else {
        cv::remap(photo_, out, maps.whole, maps.fraction, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    }
    // After the background is laid: a fold's edge between hair and backdrop blends the colours
    // the frame shows.
    smoothFoldEdges(edges_, all_triangles_, hidden, dst, frame, region_);
    mouth_.draw(photo_, target.landmarks2d, frame, region_);
    drawEyeOpenings(photo_, source_.landmarks2d, target.landmarks2d, frame, region_);
    return {};
}

}  // namespace ps
