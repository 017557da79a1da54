#include "ui/TimelineGeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ps::ui {

namespace {

constexpr double kVoiceRow_px = 46.0;
constexpr double kIdleRow_px = 24.0;
constexpr double kVisemeRow_px = 34.0;  // a line of words over the shapes
constexpr double kClipRow_px = 28.0;
constexpr double kCaptureRow_px = 28.0;
constexpr double kCurvesHeaderRow_px = 22.0;
constexpr double kCurveRow_px = 22.0;
constexpr double kSculptRow_px = 24.0;
constexpr double kBlockInset_px = 3.0;  // space between a block and its row's edges

struct Span {
    double start_s;
    double end_s;
    size_t index;  // into the caller's list
};

// Greedy stacking: each span (in order of start) takes the first sub-row free at its start.
// Returns each span's sub-row (by the caller's index) and sets `count` (at least 1).
std::vector<int> stack(std::vector<Span> spans, int& count) {
    std::vector<int> sub_row(spans.size(), 0);
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span& a, const Span& b) { return a.start_s < b.start_s; });
    std::vector<double> row_end;
    for (const Span& span : spans) {
        size_t row = 0;
        while (row < row_end.size() && row_end[row] > span.start_s + 1e-9) {
            ++row;
        }
        if (row == row_end.size()) {
            row_end.push_back(span.end_s);
        } else {
            row_end[row] = span.end_s;
        }
        sub_row[span.index] = int(row);
    }
    count = std::max<int>(1, int(row_end.size()));
    return sub_row;
}

}  // namespace

double timelineContentEnd_s(const ps::MotionDocument& document) {
    double end = document.duration_s;
    for (const ps::ExpressionClip& clip : document.clips) {
        end = std::max(end, clip.start_s + clip.duration_s);
    }
    for (const ps::CaptureLayer& capture : document.captures) {
        end = std::max(end, capture.start_s + capture.track.duration_s());
    }
    for (const ps::KeyframeCurve& curve : document.curves) {
        if (!curve.keys.empty()) {
            end = std::max(end, curve.keys.back().t_s);
        }
    }
    return std::max(end, 1.0);
}

void TimelineGeometry::setPixelsPerSecond(double pixels_per_s) {
    pixels_per_s_ = std::clamp(pixels_per_s, kMinPixelsPerSecond, kMaxPixelsPerSecond);
}

void TimelineGeometry::zoomAround(double x, double factor) {
    const double t = timeAt(x);
    setPixelsPerSecond(pixels_per_s_ * factor);
    scroll_s_ = t - (x - kLeftMargin_px) / pixels_per_s_;
}

void TimelineGeometry::clampScroll(double content_end_s) {
    const double visible_s = std::max(0.0, (view_width_ - 2.0 * kLeftMargin_px) / pixels_per_s_);
    const double max_scroll = std::max(0.0, content_end_s - visible_s);
    scroll_s_ = std::clamp(scroll_s_, 0.0, max_scroll);
}

void TimelineGeometry::fit(double content_end_s) {
    const double usable = std::max(1.0, view_width_ - 3.0 * kLeftMargin_px);
    setPixelsPerSecond(usable / std::max(content_end_s, 0.1));
    scroll_s_ = 0.0;
}

void TimelineGeometry::setViewSize(double width_px, double height_px) {
    view_width_ = width_px;
    view_height_ = height_px;
}

double TimelineGeometry::maxScrollY() const {
    return std::max(0.0, content_height_ - (view_height_ - kRulerHeight_px));
}

void TimelineGeometry::clampScrollY() {
    scroll_y_ = std::clamp(scroll_y_, 0.0, maxScrollY());
}

void TimelineGeometry::addLaneRows(TimelineRowKind kind, Lane lane, int sub_rows,
                                   double height_px) {
    for (int i = 0; i < sub_rows; ++i) {
        TimelineRow row;
        row.kind = kind;
        row.lane = lane;
        row.sub_row = i;
        row.first_of_lane = i == 0;
        row.top_px = content_height_;
        row.height_px = height_px;
        rows_.push_back(row);
        content_height_ += height_px;
    }
}

void TimelineGeometry::layOut(const ps::MotionDocument& document) {
    rows_.clear();
    blocks_.clear();
    keys_.clear();
    content_height_ = 0.0;
    const double whole_s = timelineContentEnd_s(document);

    addLaneRows(TimelineRowKind::Voice, Lane::Voice, 1, kVoiceRow_px);
    {
        // Under the waveform, in the voice's lane: its mute and lock hold the overrides too.
        TimelineRow row;
        row.kind = TimelineRowKind::Visemes;
        row.lane = Lane::Voice;
        row.sub_row = 1;
        row.top_px = content_height_;
        row.height_px = kVisemeRow_px;
        rows_.push_back(row);
        content_height_ += kVisemeRow_px;
    }
    addLaneRows(TimelineRowKind::Idle, Lane::Idle, 1, kIdleRow_px);

    for (const Lane lane : {Lane::Expressions, Lane::Poses}) {
        std::vector<Span> spans;
        std::vector<size_t> members;
        for (size_t i = 0; i < document.clips.size(); ++i) {
            const ps::ExpressionClip& clip = document.clips[i];
            if (laneOf(clip) == lane) {
                spans.push_back({clip.start_s, clip.start_s + clip.duration_s, members.size()});
                members.push_back(i);
            }
        }
        int count = 1;
        const std::vector<int> sub_rows = stack(spans, count);
        const int first = int(rows_.size());
        addLaneRows(TimelineRowKind::Clips, lane, count, kClipRow_px);
        for (size_t m = 0; m < members.size(); ++m) {
            const ps::ExpressionClip& clip = document.clips[members[m]];
            blocks_.push_back({{ElementKind::Clip, clip.id, 0.0},
                               lane,
                               first + sub_rows[m],
                               clip.start_s,
                               clip.start_s + clip.duration_s,
                               clip.fade_in_s,
                               clip.fade_out_s});
        }
    }

    {
        std::vector<Span> spans;
        for (size_t i = 0; i < document.captures.size(); ++i) {
            const ps::CaptureLayer& capture = document.captures[i];
            spans.push_back({capture.start_s, capture.start_s + capture.track.duration_s(), i});
        }
        int count = 1;
        const std::vector<int> sub_rows = stack(spans, count);
        const int first = int(rows_.size());
        addLaneRows(TimelineRowKind::Captures, Lane::Captures, count, kCaptureRow_px);
        for (size_t i = 0; i < spans.size(); ++i) {
            const ps::CaptureLayer& capture = document.captures[i];
            blocks_.push_back({{ElementKind::Capture, capture.id, 0.0},
                               Lane::Captures,
                               first + sub_rows[i],
                               spans[i].start_s,
                               spans[i].end_s,
                               0.0,
                               0.0});
        }
    }

    addLaneRows(TimelineRowKind::CurvesHeader, Lane::Curves, 1, kCurvesHeaderRow_px);
    for (const ps::KeyframeCurve& curve : document.curves) {
        TimelineRow row;
        row.kind = TimelineRowKind::Curve;
        row.lane = Lane::Curves;
        row.curve = curve.id;
        row.channel = curve.channel;
        row.top_px = content_height_;
        row.height_px = kCurveRow_px;
        const int index = int(rows_.size());
        rows_.push_back(row);
        content_height_ += kCurveRow_px;
        for (const ps::Keyframe& key : curve.keys) {
            keys_.push_back({curve.id, key.t_s, index});
        }
    }

    {
        std::vector<Span> spans;
        for (size_t i = 0; i < document.sculpts.size(); ++i) {
            const ps::LandmarkSculpt& sculpt = document.sculpts[i];
            const bool keyed = sculpt.strength.size() >= 2;
            spans.push_back({keyed ? sculpt.strength.front().t_s : 0.0,
                             keyed ? sculpt.strength.back().t_s : whole_s, i});
        }
        int count = 1;
        const std::vector<int> sub_rows = stack(spans, count);
        const int first = int(rows_.size());
        addLaneRows(TimelineRowKind::Sculpts, Lane::Sculpts, count, kSculptRow_px);
        for (size_t i = 0; i < spans.size(); ++i) {
            blocks_.push_back({{ElementKind::Sculpt, document.sculpts[i].id, 0.0},
                               Lane::Sculpts,
                               first + sub_rows[i],
                               spans[i].start_s,
                               spans[i].end_s,
                               0.0,
                               0.0});
        }
    }
}

double TimelineGeometry::rowTop(int row) const {
    return kRulerHeight_px + rows_[size_t(row)].top_px - scroll_y_;
}

QRectF TimelineGeometry::rowRect(int row) const {
    return QRectF(0.0, rowTop(row), view_width_, rows_[size_t(row)].height_px);
}

QRectF TimelineGeometry::laneRect(Lane lane) const {
    QRectF rect;
    for (int i = 0; i < int(rows_.size()); ++i) {
        if (rows_[size_t(i)].lane == lane) {
            rect = rect.isNull() ? rowRect(i) : rect.united(rowRect(i));
        }
    }
    return rect;
}

int TimelineGeometry::firstRowOf(Lane lane) const {
    for (int i = 0; i < int(rows_.size()); ++i) {
        if (rows_[size_t(i)].lane == lane) {
            return i;
        }
    }
    return -1;
}

int TimelineGeometry::rowOfCurve(ps::ElementId curve) const {
    for (int i = 0; i < int(rows_.size()); ++i) {
        if (rows_[size_t(i)].kind == TimelineRowKind::Curve && rows_[size_t(i)].curve == curve) {
            return i;
        }
    }
    return -1;
}

int TimelineGeometry::rowAt(double y) const {
    if (y < kRulerHeight_px) {
        return -1;
    }
    const double content_y = y - kRulerHeight_px + scroll_y_;
    for (int i = 0; i < int(rows_.size()); ++i) {
        const TimelineRow& row = rows_[size_t(i)];
        if (content_y >= row.top_px && content_y < row.top_px + row.height_px) {
            return i;
        }
    }
    return -1;
}

QRectF TimelineGeometry::blockRect(const TimelineBlock& block) const {
    const double left = xOf(block.start_s);
    const double right = std::max(xOf(block.end_s), left + 1.0);
    const double top = rowTop(block.row) + kBlockInset_px;
    const double height = rows_[size_t(block.row)].height_px - 2.0 * kBlockInset_px;
    return QRectF(left, top, right - left, height);
}

const TimelineBlock* TimelineGeometry::findBlock(const ElementRef& ref) const {
    for (const TimelineBlock& block : blocks_) {
        if (block.ref == ref) {
            return &block;
        }
    }
    return nullptr;
}

QPointF TimelineGeometry::fadeInHandle(const TimelineBlock& block) const {
    return QPointF(xOf(block.start_s + block.fade_in_s), blockRect(block).top());
}

QPointF TimelineGeometry::fadeOutHandle(const TimelineBlock& block) const {
    return QPointF(xOf(block.end_s - block.fade_out_s), blockRect(block).top());
}

QPointF TimelineGeometry::keyPoint(const TimelineKey& key) const {
    const QRectF row = rowRect(key.row);
    return QPointF(xOf(key.t_s), row.center().y());
}

TimelineHit TimelineGeometry::hitTest(const QPointF& point) const {
    TimelineHit hit;
    if (point.y() < kRulerHeight_px) {
        hit.part = TimelineHitPart::Ruler;
        return hit;
    }
    hit.row = rowAt(point.y());
    if (hit.row < 0) {
        hit.part = TimelineHitPart::Empty;
        return hit;
    }
    hit.lane = rows_[size_t(hit.row)].lane;

    // Keys: the nearest diamond within reach.
    double best = std::numeric_limits<double>::max();
    for (const TimelineKey& key : keys_) {
        if (key.row != hit.row) {
            continue;
        }
        const QPointF at = keyPoint(key);
        const double dx = std::abs(at.x() - point.x());
        const double dy = std::abs(at.y() - point.y());
        if (dx <= kKeyRadius_px && dy <= kKeyRadius_px && dx < best) {
            best = dx;
            hit.part = TimelineHitPart::Key;
            hit.ref = {ElementKind::Key, key.curve, key.t_s};
        }
    }
    if (hit.part == TimelineHitPart::Key) {
        return hit;
    }

    // Blocks: the last drawn (topmost) first; a block the point is in before one it is just
    // beside (two clips that touch).
    const TimelineBlock* found = nullptr;
    for (const double slack : {0.0, 2.0}) {
        for (auto it = blocks_.rbegin(); it != blocks_.rend() && found == nullptr; ++it) {
            const QRectF rect = blockRect(*it);
            if (it->row == hit.row && point.y() >= rect.top() - 1.0 &&
                point.y() <= rect.bottom() + 1.0 && point.x() >= rect.left() - slack &&
                point.x() <= rect.right() + slack) {
                found = &*it;
            }
        }
    }
    if (found != nullptr) {
        const TimelineBlock& block = *found;
        const QRectF rect = blockRect(block);
        hit.ref = block.ref;
        hit.part = TimelineHitPart::Body;
        if (block.ref.kind != ElementKind::Clip) {
            return hit;
        }
        if (point.y() <= rect.top() + kFadeHandle_px + 1.0) {
            const double to_in = std::abs(point.x() - fadeInHandle(block).x());
            const double to_out = std::abs(point.x() - fadeOutHandle(block).x());
            if (std::min(to_in, to_out) <= kFadeHandle_px) {
                hit.part = to_in <= to_out ? TimelineHitPart::FadeIn : TimelineHitPart::FadeOut;
                return hit;
            }
        }
        const double grab = std::min(kEdgeGrab_px, rect.width() / 3.0);
        if (point.x() - rect.left() <= grab) {
            hit.part = TimelineHitPart::LeftEdge;
        } else if (rect.right() - point.x() <= grab) {
            hit.part = TimelineHitPart::RightEdge;
        }
        return hit;
    }
    hit.part = TimelineHitPart::Empty;
    return hit;
}

QList<ElementRef> TimelineGeometry::elementsIn(const QRectF& rect) const {
    QList<ElementRef> found;
    for (const TimelineBlock& block : blocks_) {
        if (blockRect(block).intersects(rect)) {
            found.append(block.ref);
        }
    }
    for (const TimelineKey& key : keys_) {
        const QPointF at = keyPoint(key);
        const QRectF diamond(at.x() - kKeyRadius_px / 2, at.y() - kKeyRadius_px / 2, kKeyRadius_px,
                             kKeyRadius_px);
        if (diamond.intersects(rect)) {
            found.append({ElementKind::Key, key.curve, key.t_s});
        }
    }
    return found;
}

double TimelineGeometry::snapOffset(const std::vector<double>& times,
                                    const std::vector<double>& candidates, double frame_s,
                                    double max_px) const {
    const double reach_s = max_px / pixels_per_s_;
    double best = std::numeric_limits<double>::max();
    for (const double t : times) {
        for (const double c : candidates) {
            const double offset = c - t;
            if (std::abs(offset) <= reach_s && std::abs(offset) < std::abs(best)) {
                best = offset;
            }
        }
    }
    if (best != std::numeric_limits<double>::max()) {
        return best;
    }
    if (frame_s > 0.0 && !times.empty()) {
        const double t = times.front();
        const double offset = std::round(t / frame_s) * frame_s - t;
        if (std::abs(offset) <= reach_s) {
            return offset;
        }
    }
    return 0.0;
}

}  // namespace ps::ui
