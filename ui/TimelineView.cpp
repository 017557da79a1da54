#include "ui/TimelineView.h"

#include <QDragEnterEvent>
#include <QLineF>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "media/FrameRate.h"
#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TemplateDrag.h"
#include "ui/TemplateNames.h"
#include "ui/TransportBar.h"

namespace ps::ui {

namespace {

constexpr int kPeakFrames = 256;  // voice frames per precomputed min/max
constexpr double kDragThreshold_px = 3.0;
constexpr double kMinClip_s = 0.1;
constexpr double kZoomStep = 1.5;
constexpr double kScrollRoom_s = 2.0;  // scrollable room after the content's end

bool sameTime(double a, double b) {
    return std::abs(a - b) < 1e-6;
}

double clipEnd(const ps::ExpressionClip& clip) {
    return clip.start_s + clip.duration_s;
}

// Fades that fit a clip of `duration_s`, shrinking the one at `first_side` first.
void fitFades(ps::ExpressionClip& clip, bool shrink_fade_in_first) {
    const double d = clip.duration_s;
    if (shrink_fade_in_first) {
        clip.fade_out_s = std::min(clip.fade_out_s, d);
        clip.fade_in_s = std::min(clip.fade_in_s, d - clip.fade_out_s);
    } else {
        clip.fade_in_s = std::min(clip.fade_in_s, d);
        clip.fade_out_s = std::min(clip.fade_out_s, d - clip.fade_in_s);
    }
}

}  // namespace

const QColor TimelineView::kBackground(0x1e, 0x1f, 0x22);

QColor TimelineView::laneBackground(Lane lane) {
    return int(lane) % 2 == 0 ? QColor(0x23, 0x24, 0x28) : QColor(0x27, 0x28, 0x2d);
}

QColor TimelineView::laneColor(Lane lane) {
    switch (lane) {
        case Lane::Voice:
            return QColor(0x4f, 0xc1, 0xc9);
        case Lane::Idle:
            return QColor(0x6f, 0x7b, 0x8f);
        case Lane::Expressions:
            return QColor(0xd3, 0x8d, 0x3f);
        case Lane::Poses:
            return QColor(0x4f, 0x8f, 0xd8);
        case Lane::Captures:
            return QColor(0x4f, 0xa8, 0x6e);
        case Lane::Curves:
            return QColor(0xe6, 0xc0, 0x6e);
        case Lane::Sculpts:
            return QColor(0xa0, 0x70, 0xd0);
        case Lane::None:
            break;
    }
    return QColor(0x88, 0x88, 0x88);
}

TimelineView::TimelineView(ProjectSession& session, SelectionModel& selection,
                           const ps::TemplateLibrary& templates, QWidget* parent)
    : QWidget(parent), session_(session), selection_(selection), templates_(templates) {
    setObjectName(QStringLiteral("timelineView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::ClickFocus);
    connect(&session_, &ProjectSession::changed, this, &TimelineView::onSessionChanged);
    connect(&session_, &ProjectSession::laneStatesChanged, this, [this] { update(); });
    connect(&selection_, &SelectionModel::selectionChanged, this, [this] { update(); });
    relayOut();
}

// --- state -------------------------------------------------------------------------------------

void TimelineView::setAudio(AudioClipPtr clip) {
    audio_ = std::move(clip);
    peaks_.clear();
    if (audio_ != nullptr && audio_->playback.channels > 0) {
        const ps::PcmBuffer& pcm = audio_->playback;
        const int64_t frames = pcm.frameCount();
        peaks_.reserve(size_t(frames / kPeakFrames + 1));
        for (int64_t start = 0; start < frames; start += kPeakFrames) {
            float low = 0.0f, high = 0.0f;
            const int64_t end = std::min<int64_t>(frames, start + kPeakFrames);
            for (int64_t f = start; f < end; ++f) {
                float sum = 0.0f;
                for (int c = 0; c < pcm.channels; ++c) {
                    sum += pcm.samples[size_t(f * pcm.channels + c)];
                }
                const float v = sum / float(pcm.channels);
                low = std::min(low, v);
                high = std::max(high, v);
            }
            peaks_.emplace_back(low, high);
        }
    }
    update();
}

void TimelineView::setVoiceActivity(QVector<float> mouth_open, double rate_hz) {
    mouth_open_ = std::move(mouth_open);
    mouth_rate_hz_ = rate_hz;
    update();
}

void TimelineView::setPlayhead(double t_s) {
    t_s = std::max(0.0, t_s);
    if (t_s == playhead_s_) {
        return;
    }
    playhead_s_ = t_s;
    update();
}

void TimelineView::addMarker(double t_s) {
    t_s = std::max(0.0, t_s);
    for (double m : markers_) {
        if (sameTime(m, t_s)) {
            return;
        }
    }
    markers_.append(t_s);
    std::sort(markers_.begin(), markers_.end());
    update();
}

double TimelineView::frame_s() const {
    const double fps = ps::frameRateRational(session_.project().fps).value();
    return fps > 0.0 ? 1.0 / fps : 0.0;
}

double TimelineView::scrollEnd_s() const {
    return timelineContentEnd_s(session_.motion()) + kScrollRoom_s;
}

bool TimelineView::isLocked(Lane lane) const {
    return session_.laneStates().isLocked(lane);
}

bool TimelineView::snapFor(Qt::KeyboardModifiers modifiers) const {
    return snapping_ != bool(modifiers & Qt::ControlModifier);
}

// --- zoom and scroll ---------------------------------------------------------------------------

void TimelineView::zoomAround(double x, double factor) {
    fitted_ = false;
    geometry_.zoomAround(x, factor);
    geometry_.clampScroll(scrollEnd_s());
    emitViewChanged();
}

void TimelineView::zoomIn() {
    const double x = geometry_.xOf(playhead_s_);
    zoomAround(x >= 0.0 && x <= width() ? x : width() / 2.0, kZoomStep);
}

void TimelineView::zoomOut() {
    const double x = geometry_.xOf(playhead_s_);
    zoomAround(x >= 0.0 && x <= width() ? x : width() / 2.0, 1.0 / kZoomStep);
}

void TimelineView::zoomToFit() {
    fitted_ = true;
    geometry_.fit(timelineContentEnd_s(session_.motion()));
    emitViewChanged();
}

void TimelineView::setScroll_s(double t_s) {
    geometry_.setScroll_s(t_s);
    geometry_.clampScroll(scrollEnd_s());
    emitViewChanged();
}

void TimelineView::setScrollY(double y) {
    geometry_.setScrollY(y);
    geometry_.clampScrollY();
    emitViewChanged();
}

void TimelineView::emitViewChanged() {
    update();
    emit viewChanged();
}

void TimelineView::relayOut() {
    geometry_.setViewSize(width(), height());
    geometry_.layOut(session_.motion());
    geometry_.clampScrollY();
    // A new voice (or project) is seen whole, however the last one was zoomed.
    const double duration = session_.motion().duration_s;
    if (duration != fitted_duration_s_) {
        fitted_ = true;
        geometry_.fit(timelineContentEnd_s(session_.motion()));
    }
    fitted_duration_s_ = duration;
    emitViewChanged();
}

void TimelineView::onSessionChanged() {
    selection_.prune(session_.motion());
    relayOut();
}

void TimelineView::resizeEvent(QResizeEvent*) {
    geometry_.setViewSize(width(), height());
    if (fitted_) {
        geometry_.fit(timelineContentEnd_s(session_.motion()));
    }
    geometry_.clampScrollY();
    emitViewChanged();
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = angle.y() != 0 ? angle.y() : angle.x();
        zoomAround(event->position().x(), std::pow(1.2, steps / 120.0));
    } else if ((event->modifiers() & Qt::ShiftModifier) || angle.x() != 0) {
        const int steps = angle.x() != 0 ? angle.x() : angle.y();
        setScroll_s(geometry_.scroll_s() - steps / 120.0 * 80.0 / geometry_.pixelsPerSecond());
    } else {
        setScrollY(geometry_.scrollY() - angle.y() / 120.0 * 40.0);
    }
    event->accept();
}

// --- snapping ----------------------------------------------------------------------------------

std::vector<double> TimelineView::snapCandidates(const Drag* excluding) const {
    auto moving = [excluding](const ElementRef& ref) {
        if (excluding == nullptr) {
            return false;
        }
        if (ref.kind == ElementKind::Key) {
            return excluding->keys.contains(ref);
        }
        for (const ps::ExpressionClip& clip : excluding->clips) {
            if (ref.kind == ElementKind::Clip && clip.id == ref.id) {
                return true;
            }
        }
        for (const ps::CaptureLayer& capture : excluding->captures) {
            if (ref.kind == ElementKind::Capture && capture.id == ref.id) {
                return true;
            }
        }
        return false;
    };
    std::vector<double> candidates{0.0};
    const ps::MotionDocument& document = session_.motion();
    if (document.duration_s > 0.0) {
        candidates.push_back(document.duration_s);
    }
    for (const TimelineBlock& block : geometry_.blocks()) {
        if (block.ref.kind != ElementKind::Sculpt && !moving(block.ref)) {
            candidates.push_back(block.start_s);
            candidates.push_back(block.end_s);
        }
    }
    for (const TimelineKey& key : geometry_.keys()) {
        if (!moving({ElementKind::Key, key.curve, key.t_s})) {
            candidates.push_back(key.t_s);
        }
    }
    for (double marker : markers_) {
        candidates.push_back(marker);
    }
    if (excluding == nullptr || excluding->kind != DragKind::Scrub) {
        candidates.push_back(playhead_s_);
    }
    return candidates;
}

double TimelineView::snappedTimeAt(double x, bool invert_snapping) const {
    const double t = std::max(0.0, geometry_.timeAt(x));
    if (snapping_ == invert_snapping) {
        return t;
    }
    return std::max(0.0, geometry_.snapTime(t, snapCandidates(nullptr), frame_s()));
}

// --- mouse -------------------------------------------------------------------------------------

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    event->accept();
    drag_ = Drag{};
    drag_.press = event->position();
    drag_.press_t_s = geometry_.timeAt(drag_.press.x());
    const TimelineHit hit = geometry_.hitTest(drag_.press);
    switch (hit.part) {
        case TimelineHitPart::Ruler:
            drag_.kind = DragKind::Scrub;
            drag_.started = true;
            emit scrubbingChanged(true);
            updateScrub(event->position(), event->modifiers());
            return;
        case TimelineHitPart::Body:
        case TimelineHitPart::LeftEdge:
        case TimelineHitPart::RightEdge:
        case TimelineHitPart::FadeIn:
        case TimelineHitPart::FadeOut:
        case TimelineHitPart::Key:
            if (isLocked(hit.lane)) {
                return;  // a locked lane's elements are not there for the mouse
            }
            beginElementDrag(hit, event->modifiers());
            return;
        case TimelineHitPart::Empty:
        case TimelineHitPart::None:
            break;
    }
    const bool adding = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    if (!adding) {
        selection_.clear();
    }
    drag_.kind = DragKind::RubberBand;
    drag_.base = selection_.selected();
}

void TimelineView::beginElementDrag(const TimelineHit& hit, Qt::KeyboardModifiers modifiers) {
    drag_.anchor = hit.ref;
    if (modifiers & Qt::ControlModifier) {
        selection_.select(hit.ref, SelectionModel::Mode::Toggle);
        if (!selection_.contains(hit.ref)) {
            return;  // toggled off: nothing to drag
        }
    } else if (modifiers & Qt::ShiftModifier) {
        selection_.select(hit.ref, SelectionModel::Mode::Extend);
    } else if (!selection_.contains(hit.ref)) {
        selection_.select(hit.ref, SelectionModel::Mode::Replace);
    } else {
        drag_.select_on_release = true;
    }
    switch (hit.part) {
        case TimelineHitPart::LeftEdge:
            drag_.kind = DragKind::TrimStart;
            break;
        case TimelineHitPart::RightEdge:
            drag_.kind = DragKind::TrimEnd;
            break;
        case TimelineHitPart::FadeIn:
            drag_.kind = DragKind::FadeIn;
            break;
        case TimelineHitPart::FadeOut:
            drag_.kind = DragKind::FadeOut;
            break;
        default:
            drag_.kind = hit.ref.kind == ElementKind::Sculpt ? DragKind::None : DragKind::Move;
            break;
    }
    if (drag_.kind == DragKind::Move) {
        collectMoving();
    } else if (drag_.kind != DragKind::None) {
        const ps::ExpressionClip* clip = findById(session_.motion().clips, hit.ref.id);
        if (clip == nullptr) {
            drag_.kind = DragKind::None;
            return;
        }
        drag_.clips.push_back(*clip);
    }
    drag_.gesture = session_.newGesture();
}

// The selection's clips, captures and keys in unlocked lanes, the anchor's first.
void TimelineView::collectMoving() {
    const ps::MotionDocument& document = session_.motion();
    QList<ElementRef> refs = selection_.selected();
    refs.removeAll(drag_.anchor);
    refs.prepend(drag_.anchor);
    for (const ElementRef& ref : refs) {
        if (ref.kind == ElementKind::Clip) {
            const ps::ExpressionClip* clip = findById(document.clips, ref.id);
            if (clip != nullptr && !isLocked(laneOf(*clip))) {
                drag_.clips.push_back(*clip);
                continue;
            }
        } else if (ref.kind == ElementKind::Capture && !isLocked(Lane::Captures)) {
            const ps::CaptureLayer* capture = findById(document.captures, ref.id);
            if (capture != nullptr) {
                drag_.captures.push_back(*capture);
                continue;
            }
        } else if (ref.kind == ElementKind::Key && !isLocked(Lane::Curves)) {
            const ps::KeyframeCurve* curve = findById(document.curves, ref.id);
            if (curve != nullptr) {
                drag_.keys.append(ref);
                if (findById(drag_.curves, ref.id) == nullptr) {
                    drag_.curves.push_back(*curve);
                }
                continue;
            }
        }
        drag_.unmoved.append(ref);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (drag_.kind == DragKind::None || !(event->buttons() & Qt::LeftButton)) {
        updateHoverCursor(pos);
        return;
    }
    event->accept();
    if (!drag_.started) {
        if (QLineF(pos, drag_.press).length() < kDragThreshold_px) {
            return;
        }
        drag_.started = true;
    }
    const double delta_s = geometry_.timeAt(pos.x()) - drag_.press_t_s;
    const bool snap = snapFor(event->modifiers());
    switch (drag_.kind) {
        case DragKind::Scrub:
            updateScrub(pos, event->modifiers());
            break;
        case DragKind::Move:
            updateMove(delta_s, snap);
            break;
        case DragKind::TrimStart:
        case DragKind::TrimEnd:
            updateTrim(delta_s, snap);
            break;
        case DragKind::FadeIn:
        case DragKind::FadeOut:
            updateFade(delta_s);
            break;
        case DragKind::RubberBand:
            updateRubberBand(pos);
            break;
        case DragKind::None:
            break;
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    event->accept();
    if (drag_.kind == DragKind::Scrub) {
        emit scrubbingChanged(false);
    }
    if (!drag_.started && drag_.select_on_release) {
        selection_.select(drag_.anchor, SelectionModel::Mode::Replace);
    }
    drag_ = Drag{};
    if (!rubber_band_.isNull()) {
        rubber_band_ = QRectF();
        update();
    }
    updateHoverCursor(event->position());
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event) {
    event->accept();
    const int row = geometry_.rowAt(event->position().y());
    if (row < 0 || geometry_.rows()[size_t(row)].kind != TimelineRowKind::Curve ||
        isLocked(Lane::Curves)) {
        return;
    }
    const ps::KeyframeCurve* curve =
        findById(session_.motion().curves, geometry_.rows()[size_t(row)].curve);
    if (curve == nullptr) {
        return;
    }
    const double t =
        snappedTimeAt(event->position().x(), bool(event->modifiers() & Qt::ControlModifier));
    ps::Keyframe key;
    key.t_s = t;
    key.value = ps::evaluateKeys(curve->keys, t);
    // The new key keeps the interpolation of the segment it splits.
    for (const ps::Keyframe& before : curve->keys) {
        if (before.t_s <= t) {
            key.interpolation = before.interpolation;
        }
    }
    const ps::ElementId id = curve->id;
    if (session_.apply(ps::MotionEdit{ps::SetKeyframe{id, key}})) {
        selection_.select({ElementKind::Key, id, t}, SelectionModel::Mode::Replace);
    }
}

void TimelineView::updateScrub(const QPointF& pos, Qt::KeyboardModifiers modifiers) {
    double t = std::max(0.0, geometry_.timeAt(pos.x()));
    if (snapFor(modifiers)) {
        t = std::max(0.0, geometry_.snapTime(t, snapCandidates(&drag_), frame_s()));
    }
    setPlayhead(t);
    emit seekRequested(t);
}

void TimelineView::updateMove(double delta_s, bool snap) {
    // Never before 0: the earliest moving element stops there.
    double earliest = std::numeric_limits<double>::max();
    std::vector<double> times;  // the anchor's first, for the frame snap
    for (const ps::ExpressionClip& clip : drag_.clips) {
        earliest = std::min(earliest, clip.start_s);
        times.push_back(clip.start_s);
        times.push_back(clipEnd(clip));
    }
    for (const ps::CaptureLayer& capture : drag_.captures) {
        earliest = std::min(earliest, capture.start_s);
        times.push_back(capture.start_s);
        times.push_back(capture.start_s + capture.track.duration_s());
    }
    for (const ElementRef& key : drag_.keys) {
        earliest = std::min(earliest, key.key_t_s);
        times.push_back(key.key_t_s);
    }
    if (times.empty()) {
        return;
    }
    if (drag_.anchor.kind == ElementKind::Key) {
        times.insert(times.begin(), drag_.anchor.key_t_s);
    }
    delta_s = std::max(delta_s, -earliest);
    if (snap) {
        for (double& t : times) {
            t += delta_s;
        }
        delta_s += geometry_.snapOffset(times, snapCandidates(&drag_), frame_s());
        delta_s = std::max(delta_s, -earliest);
    }

    std::vector<ps::MotionEdit> edits;
    for (ps::ExpressionClip clip : drag_.clips) {
        clip.start_s += delta_s;
        edits.push_back({ps::ReplaceElement<ps::ExpressionClip>{std::move(clip)}});
    }
    for (ps::CaptureLayer capture : drag_.captures) {
        capture.start_s += delta_s;
        edits.push_back({ps::ReplaceElement<ps::CaptureLayer>{std::move(capture)}});
    }
    QList<ElementRef> moved_keys;
    for (ps::KeyframeCurve curve : drag_.curves) {
        for (ps::Keyframe& key : curve.keys) {
            if (drag_.keys.contains(ElementRef{ElementKind::Key, curve.id, key.t_s})) {
                key.t_s += delta_s;
                moved_keys.append({ElementKind::Key, curve.id, key.t_s});
            }
        }
        std::stable_sort(
            curve.keys.begin(), curve.keys.end(),
            [](const ps::Keyframe& a, const ps::Keyframe& b) { return a.t_s < b.t_s; });
        edits.push_back({ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}});
    }
    applyGestureEdits(std::move(edits), tr("Move"));
    if (!drag_.keys.isEmpty() && refersToExisting(moved_keys.value(0), session_.motion())) {
        selection_.setSelection(drag_.unmoved + moved_keys);
    }
}

void TimelineView::updateTrim(double delta_s, bool snap) {
    ps::ExpressionClip clip = drag_.clips.front();
    const double end = clipEnd(clip);
    const std::vector<double> candidates = snap ? snapCandidates(&drag_) : std::vector<double>{};
    if (drag_.kind == DragKind::TrimStart) {
        double start = clip.start_s + delta_s;
        if (snap) {
            start = geometry_.snapTime(start, candidates, frame_s());
        }
        start = std::clamp(start, 0.0, std::max(0.0, end - kMinClip_s));
        clip.start_s = start;
        clip.duration_s = end - start;
        fitFades(clip, true);
    } else {
        double new_end = end + delta_s;
        if (snap) {
            new_end = geometry_.snapTime(new_end, candidates, frame_s());
        }
        clip.duration_s = std::max(new_end, clip.start_s + kMinClip_s) - clip.start_s;
        fitFades(clip, false);
    }
    applyGestureEdits({ps::MotionEdit{ps::ReplaceElement<ps::ExpressionClip>{clip}}}, tr("Trim"));
}

void TimelineView::updateFade(double delta_s) {
    ps::ExpressionClip clip = drag_.clips.front();
    if (drag_.kind == DragKind::FadeIn) {
        clip.fade_in_s = std::clamp(clip.fade_in_s + delta_s, 0.0,
                                    std::max(0.0, clip.duration_s - clip.fade_out_s));
    } else {
        clip.fade_out_s = std::clamp(clip.fade_out_s - delta_s, 0.0,
                                     std::max(0.0, clip.duration_s - clip.fade_in_s));
    }
    applyGestureEdits({ps::MotionEdit{ps::ReplaceElement<ps::ExpressionClip>{clip}}},
                      tr("Change fade"));
}

void TimelineView::applyGestureEdits(std::vector<ps::MotionEdit> edits, const QString& label) {
    if (edits.empty()) {
        return;
    }
    const ps::MotionEdit edit =
        edits.size() == 1 ? std::move(edits.front())
                          : ps::MotionEdit{ps::EditGroup{label.toStdString(), std::move(edits)}};
    // A refused step (two keys meeting) leaves the last accepted one in place.
    session_.apply(edit, nullptr, drag_.gesture);
}

void TimelineView::updateRubberBand(const QPointF& pos) {
    rubber_band_ = QRectF(drag_.press, pos).normalized();
    QList<ElementRef> refs = drag_.base;
    for (const ElementRef& ref : geometry_.elementsIn(rubber_band_)) {
        Lane lane = Lane::None;
        if (ref.kind == ElementKind::Key) {
            lane = Lane::Curves;
        } else if (const TimelineBlock* block = geometry_.findBlock(ref)) {
            lane = block->lane;
        }
        if (!isLocked(lane)) {
            refs.append(ref);
        }
    }
    selection_.setSelection(refs);
    update();
}

void TimelineView::updateHoverCursor(const QPointF& pos) {
    const TimelineHit hit = geometry_.hitTest(pos);
    const ElementRef hovered = hit.ref.kind == ElementKind::Clip ? hit.ref : ElementRef{};
    if (hovered != hovered_) {
        hovered_ = hovered;
        update();
    }
    Qt::CursorShape shape = Qt::ArrowCursor;
    if (!isLocked(hit.lane)) {
        switch (hit.part) {
            case TimelineHitPart::LeftEdge:
            case TimelineHitPart::RightEdge:
                shape = Qt::SizeHorCursor;
                break;
            case TimelineHitPart::FadeIn:
            case TimelineHitPart::FadeOut:
                shape = Qt::PointingHandCursor;
                break;
            default:
                break;
        }
    }
    setCursor(shape);
}

void TimelineView::leaveEvent(QEvent*) {
    if (hovered_.isValid()) {
        hovered_ = ElementRef{};
        update();
    }
}

// --- drops -------------------------------------------------------------------------------------

void TimelineView::dragEnterEvent(QDragEnterEvent* event) {
    if (templateFromMimeData(event->mimeData())) {
        event->acceptProposedAction();
        drop_t_s_ = snappedTimeAt(event->position().x());
        update();
    }
}

void TimelineView::dragMoveEvent(QDragMoveEvent* event) {
    if (templateFromMimeData(event->mimeData())) {
        event->acceptProposedAction();
        drop_t_s_ = snappedTimeAt(event->position().x());
        update();
    }
}

void TimelineView::dragLeaveEvent(QDragLeaveEvent*) {
    drop_t_s_ = -1.0;
    update();
}

void TimelineView::dropEvent(QDropEvent* event) {
    drop_t_s_ = -1.0;
    update();
    const std::optional<TemplateName> name = templateFromMimeData(event->mimeData());
    if (!name) {
        return;
    }
    const std::optional<ps::ExpressionTemplate> found =
        templates_.find(name->kind, name->name.toStdString());
    if (!found) {
        return;
    }
    const ps::ExpressionClip clip = templateClip(*found, snappedTimeAt(event->position().x()));
    if (isLocked(laneOf(clip))) {
        return;
    }
    const ps::ElementId id = session_.motion().next_id;
    if (session_.apply(ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{clip}})) {
        selection_.select({ElementKind::Clip, id, 0.0}, SelectionModel::Mode::Replace);
        event->acceptProposedAction();
    }
}

// --- painting ----------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    painter.save();
    painter.setClipRect(QRectF(0, TimelineGeometry::kRulerHeight_px, width(), height()));
    paintRowBackgrounds(painter);
    const auto& rows = geometry_.rows();
    for (int i = 0; i < int(rows.size()); ++i) {
        const QRectF row = geometry_.rowRect(i);
        if (rows[size_t(i)].kind == TimelineRowKind::Voice) {
            paintVoice(painter, row);
        } else if (rows[size_t(i)].kind == TimelineRowKind::Idle) {
            paintIdle(painter, row);
        }
    }
    paintBlocks(painter);
    paintCurves(painter);
    paintLaneShades(painter);
    if (!rubber_band_.isNull()) {
        painter.setPen(QColor(120, 170, 255, 200));
        painter.setBrush(QColor(120, 170, 255, 40));
        painter.drawRect(rubber_band_);
    }
    painter.restore();
    paintRuler(painter);
    paintMarkersAndPlayhead(painter);
}

void TimelineView::paintRowBackgrounds(QPainter& painter) const {
    const auto& rows = geometry_.rows();
    for (int i = 0; i < int(rows.size()); ++i) {
        const QRectF r = geometry_.rowRect(i);
        painter.fillRect(r, laneBackground(rows[size_t(i)].lane));
        if (rows[size_t(i)].first_of_lane) {
            painter.setPen(QColor(0x33, 0x35, 0x3b));
            painter.drawLine(r.topLeft(), r.topRight());
        }
    }
    // Beyond the voice's end the document has nothing to play.
    const double duration = session_.motion().duration_s;
    if (duration > 0.0) {
        const double x = geometry_.xOf(duration);
        if (x < width()) {
            painter.fillRect(QRectF(x, TimelineGeometry::kRulerHeight_px, width() - x, height()),
                             QColor(0, 0, 0, 70));
        }
    }
}

void TimelineView::paintVoice(QPainter& painter, const QRectF& row) const {
    const double mid = row.center().y();
    const double half = row.height() / 2.0 - 3.0;
    const int left = std::max(0, int(geometry_.xOf(0.0)));
    const int right = width();
    if (!mouth_open_.isEmpty() && mouth_rate_hz_ > 0.0) {
        QPainterPath path;
        const double bottom = row.bottom() - 2.0;
        path.moveTo(left, bottom);
        const double end_x = geometry_.xOf(mouth_open_.size() / mouth_rate_hz_);
        for (int x = left; x <= right && x <= end_x; x += 2) {
            const int i = int(geometry_.timeAt(x) * mouth_rate_hz_);
            const float v = i >= 0 && i < mouth_open_.size() ? mouth_open_[i] : 0.0f;
            path.lineTo(x, bottom - std::clamp(v, 0.0f, 1.0f) * (row.height() - 6.0));
        }
        path.lineTo(std::min<double>(right, end_x), bottom);
        path.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe0, 0x6c, 0x75, 90));
        painter.drawPath(path);
    }
    if (audio_ == nullptr || peaks_.empty()) {
        painter.setPen(QColor(0x6a, 0x6e, 0x76));
        painter.drawText(row.adjusted(8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         tr("No voice loaded"));
        return;
    }
    const ps::PcmBuffer& pcm = audio_->playback;
    const double rate = pcm.sample_rate_hz;
    const int64_t frames = pcm.frameCount();
    QVector<QLineF> lines;
    lines.reserve(right - left + 1);
    for (int x = left; x < right; ++x) {
        const int64_t f0 = int64_t(std::floor(geometry_.timeAt(x) * rate));
        const int64_t f1 = std::max(f0 + 1, int64_t(std::floor(geometry_.timeAt(x + 1) * rate)));
        if (f0 >= frames) {
            break;
        }
        float low = 0.0f, high = 0.0f;
        if (f1 - f0 >= kPeakFrames) {
            for (int64_t b = f0 / kPeakFrames;
                 b <= (f1 - 1) / kPeakFrames && b < int64_t(peaks_.size()); ++b) {
                low = std::min(low, peaks_[size_t(b)].first);
                high = std::max(high, peaks_[size_t(b)].second);
            }
        } else {
            for (int64_t f = std::max<int64_t>(0, f0); f < std::min(f1, frames); ++f) {
                float sum = 0.0f;
                for (int c = 0; c < pcm.channels; ++c) {
                    sum += pcm.samples[size_t(f * pcm.channels + c)];
                }
                const float v = sum / float(pcm.channels);
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        lines.append(QLineF(x + 0.5, mid - high * half, x + 0.5, mid - low * half + 0.5));
    }
    painter.setPen(QPen(laneColor(Lane::Voice), 1.0));
    painter.drawLines(lines);
}

void TimelineView::paintIdle(QPainter& painter, const QRectF& row) const {
    const ps::MotionDocument& document = session_.motion();
    if (!document.idle.enabled) {
        return;
    }
    const double left = geometry_.xOf(0.0);
    const double right = geometry_.xOf(timelineContentEnd_s(document));
    const QRectF bar(left, row.top() + 4.0, right - left, row.height() - 8.0);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    QColor color = laneColor(Lane::Idle);
    color.setAlpha(150);
    painter.setBrush(color);
    painter.drawRoundedRect(bar, 3, 3);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const double per_min = document.idle.blinks_per_min * document.strengths.blink_rate;
    painter.setPen(QColor(0xe4, 0xe7, 0xec));
    const QRectF text = bar.intersected(QRectF(0, bar.top(), width(), bar.height()));
    painter.drawText(text.adjusted(8, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("Blinks %1/min, sway %2")
                         .arg(per_min, 0, 'f', 1)
                         .arg(double(document.idle.sway), 0, 'f', 2));
}

QString TimelineView::blockLabel(const TimelineBlock& block, bool* enabled) const {
    const ps::MotionDocument& document = session_.motion();
    *enabled = true;
    switch (block.ref.kind) {
        case ElementKind::Clip:
            if (const ps::ExpressionClip* clip = findById(document.clips, block.ref.id)) {
                *enabled = clip->enabled;
                return templateDisplayName(clip->expression.name);
            }
            break;
        case ElementKind::Capture:
            if (const ps::CaptureLayer* capture = findById(document.captures, block.ref.id)) {
                *enabled = capture->enabled;
                return QString::fromStdString(capture->name);
            }
            break;
        case ElementKind::Sculpt:
            if (const ps::LandmarkSculpt* sculpt = findById(document.sculpts, block.ref.id)) {
                *enabled = sculpt->enabled;
                return tr("Vertex %1").arg(sculpt->center_vertex);
            }
            break;
        default:
            break;
    }
    return {};
}

void TimelineView::paintBlocks(QPainter& painter) const {
    for (const TimelineBlock& block : geometry_.blocks()) {
        const QRectF r = geometry_.blockRect(block);
        if (r.right() >= 0 && r.left() <= width() && r.bottom() >= 0 && r.top() <= height()) {
            paintBlock(painter, block);
        }
    }
}

void TimelineView::paintBlock(QPainter& painter, const TimelineBlock& block) const {
    const QRectF r = geometry_.blockRect(block);
    bool enabled = true;
    const QString label = blockLabel(block, &enabled);
    const bool selected = selection_.contains(block.ref);
    QColor base = laneColor(block.lane);
    if (!enabled) {
        base = QColor::fromHsv(base.hue(), base.saturation() / 4, base.value() * 2 / 3);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    QLinearGradient fill(r.topLeft(), r.bottomLeft());
    fill.setColorAt(0.0, base.lighter(108));
    fill.setColorAt(1.0, base.darker(125));
    painter.setPen(QPen(base.darker(170), 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(r, 4, 4);

    if (block.ref.kind == ElementKind::Clip) {
        // The fades as ramps: the corner above each ramp is shaded, the ramp drawn as a line.
        const double in_x = geometry_.xOf(block.start_s + block.fade_in_s);
        const double out_x = geometry_.xOf(block.end_s - block.fade_out_s);
        painter.save();
        QPainterPath clip_path;
        clip_path.addRoundedRect(r, 4, 4);
        painter.setClipPath(clip_path, Qt::IntersectClip);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 70));
        if (block.fade_in_s > 0.0) {
            painter.drawPolygon(QPolygonF{r.bottomLeft(), r.topLeft(), QPointF(in_x, r.top())});
        }
        if (block.fade_out_s > 0.0) {
            painter.drawPolygon(QPolygonF{r.bottomRight(), r.topRight(), QPointF(out_x, r.top())});
        }
        painter.setPen(QPen(QColor(255, 255, 255, 120), 1.0));
        if (block.fade_in_s > 0.0) {
            painter.drawLine(r.bottomLeft(), QPointF(in_x, r.top()));
        }
        if (block.fade_out_s > 0.0) {
            painter.drawLine(r.bottomRight(), QPointF(out_x, r.top()));
        }
        painter.restore();
        const bool hovered = hovered_ == block.ref;
        if (r.width() > 16.0 && (selected || hovered)) {
            painter.setPen(QPen(base.darker(200), 1.0));
            painter.setBrush(selected ? QColor(0xff, 0xe0, 0x8a) : QColor(0xf2, 0xf2, 0xf2));
            painter.drawEllipse(QPointF(in_x, r.top() + 2.5), 2.5, 2.5);
            painter.drawEllipse(QPointF(out_x, r.top() + 2.5), 2.5, 2.5);
        }
    }

    if (selected) {
        painter.setPen(QPen(QColor(0xff, 0xe0, 0x8a), 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);

    // The label stays readable while the clip's start is scrolled off to the left.
    const QRectF visible = r.intersected(QRectF(0, r.top(), width(), r.height()));
    const QRectF text = visible.adjusted(7, 0, -5, 0);
    if (text.width() > 12.0) {
        painter.setPen(enabled ? QColor(0xff, 0xff, 0xff) : QColor(0xb0, 0xb0, 0xb0));
        painter.drawText(
            text, Qt::AlignVCenter | Qt::AlignLeft,
            painter.fontMetrics().elidedText(label, Qt::ElideRight, int(text.width())));
    }
}

void TimelineView::paintCurves(QPainter& painter) const {
    const ps::MotionDocument& document = session_.motion();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor key_color = laneColor(Lane::Curves);
    for (const ps::KeyframeCurve& curve : document.curves) {
        const int row = geometry_.rowOfCurve(curve.id);
        if (row < 0 || curve.keys.empty()) {
            continue;
        }
        const QRectF r = geometry_.rowRect(row).adjusted(0, 3, 0, -3);
        if (r.bottom() < 0 || r.top() > height()) {
            continue;
        }
        // The curve's shape, faint behind its keys: blendshapes over 0..1, angles over the
        // range their keys reach.
        float low = 0.0f, high = 1.0f;
        if (isAngleChannel(curve.channel)) {
            float reach = 5.0f;
            for (const ps::Keyframe& key : curve.keys) {
                reach = std::max(reach, std::abs(key.value));
            }
            low = -reach;
            high = reach;
        }
        QPainterPath path;
        for (int x = 0; x <= width(); x += 2) {
            const float v = ps::evaluateKeys(curve.keys, geometry_.timeAt(x));
            const double y =
                r.bottom() - (std::clamp(v, low, high) - low) / (high - low) * r.height();
            if (x == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        painter.setPen(QPen(
            QColor(key_color.red(), key_color.green(), key_color.blue(), curve.enabled ? 80 : 35),
            1.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    for (const TimelineKey& key : geometry_.keys()) {
        const QPointF at = geometry_.keyPoint(key);
        if (at.x() < -10 || at.x() > width() + 10) {
            continue;
        }
        const bool selected = selection_.contains({ElementKind::Key, key.curve, key.t_s}) ||
                              selection_.contains({ElementKind::Curve, key.curve, 0.0});
        const double s = 5.0;
        const QPolygonF diamond{QPointF(at.x(), at.y() - s), QPointF(at.x() + s, at.y()),
                                QPointF(at.x(), at.y() + s), QPointF(at.x() - s, at.y())};
        painter.setPen(QPen(selected ? QColor(0xff, 0x9e, 0x3d) : key_color.darker(180), 1.2));
        painter.setBrush(selected ? QColor(0xff, 0xff, 0xff) : key_color);
        painter.drawPolygon(diamond);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelineView::paintLaneShades(QPainter& painter) const {
    const LaneStates& lanes = session_.laneStates();
    for (const Lane lane : {Lane::Voice, Lane::Idle, Lane::Expressions, Lane::Poses, Lane::Captures,
                            Lane::Curves, Lane::Sculpts}) {
        if (!lanes.isAudible(lane)) {
            painter.fillRect(geometry_.laneRect(lane), QColor(0x1e, 0x1f, 0x22, 150));
        }
    }
}

void TimelineView::paintRuler(QPainter& painter) const {
    const QRectF ruler(0, 0, width(), TimelineGeometry::kRulerHeight_px);
    painter.fillRect(ruler, QColor(0x2b, 0x2d, 0x31));
    painter.setPen(QColor(0x14, 0x15, 0x17));
    painter.drawLine(ruler.bottomLeft(), ruler.bottomRight());

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    const double pps = geometry_.pixelsPerSecond();
    const double label_px =
        painter.fontMetrics().horizontalAdvance(QStringLiteral("00:00.00")) + 18;
    static const double kSteps[] = {0.05, 0.1, 0.2, 0.5, 1,   2,   5,   10,
                                    15,   30,  60,  120, 300, 600, 1200};
    double major = kSteps[std::size(kSteps) - 1];
    for (double step : kSteps) {
        if (step * pps >= label_px) {
            major = step;
            break;
        }
    }
    double minor = major;
    for (int parts : {10, 5, 2}) {
        if (major / parts * pps >= 7.0) {
            minor = major / parts;
            break;
        }
    }
    const double t0 = std::max(0.0, geometry_.timeAt(0));
    const double t1 = geometry_.timeAt(width());
    const double bottom = ruler.bottom();
    // Frame ticks once frames are far enough apart to tell.
    const double frame = frame_s();
    if (frame > 0.0 && frame * pps >= 6.0) {
        painter.setPen(QColor(0x45, 0x48, 0x4f));
        for (long long f = (long long)std::ceil(t0 / frame); f * frame <= t1; ++f) {
            const double x = geometry_.xOf(f * frame);
            painter.drawLine(QPointF(x, bottom - 3), QPointF(x, bottom));
        }
    }
    painter.setPen(QColor(0x5d, 0x61, 0x6a));
    for (long long i = (long long)std::ceil(t0 / minor - 1e-9); i * minor <= t1; ++i) {
        const double x = geometry_.xOf(i * minor);
        painter.drawLine(QPointF(x, bottom - 6), QPointF(x, bottom));
    }
    for (long long i = (long long)std::ceil(t0 / major - 1e-9); i * major <= t1 + major; ++i) {
        const double t = i * major;
        const double x = geometry_.xOf(t);
        painter.setPen(QColor(0x8a, 0x8f, 0x98));
        painter.drawLine(QPointF(x, bottom - 12), QPointF(x, bottom));
        painter.setPen(QColor(0xc4, 0xc8, 0xcf));
        painter.drawText(QRectF(x + 4, 1, label_px, bottom - 9), Qt::AlignLeft | Qt::AlignVCenter,
                         TransportBar::formatTime(t + 1e-6));
    }
    painter.setFont(font());
}

void TimelineView::paintMarkersAndPlayhead(QPainter& painter) const {
    const double ruler_bottom = TimelineGeometry::kRulerHeight_px;
    const QColor marker_color(0x5f, 0xb8, 0xff);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (double marker : markers_) {
        const double x = geometry_.xOf(marker);
        if (x < -8 || x > width() + 8) {
            continue;
        }
        painter.setPen(QPen(QColor(0x5f, 0xb8, 0xff, 110), 1.0, Qt::DashLine));
        painter.drawLine(QPointF(x, ruler_bottom), QPointF(x, height()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(marker_color);
        painter.drawPolygon(QPolygonF{QPointF(x, ruler_bottom - 12),
                                      QPointF(x + 8, ruler_bottom - 9),
                                      QPointF(x, ruler_bottom - 6)});
        painter.setPen(QPen(marker_color, 1.5));
        painter.drawLine(QPointF(x, ruler_bottom - 13), QPointF(x, ruler_bottom));
    }
    if (drop_t_s_ >= 0.0) {
        const double x = geometry_.xOf(drop_t_s_);
        painter.setPen(QPen(QColor(0x8f, 0xd6, 0x94), 2.0));
        painter.drawLine(QPointF(x, ruler_bottom), QPointF(x, height()));
    }
    const double x = geometry_.xOf(playhead_s_);
    if (x >= -8 && x <= width() + 8) {
        const QColor playhead(0xff, 0x5c, 0x5c);
        painter.setPen(QPen(playhead, 1.0));
        painter.drawLine(QPointF(x, ruler_bottom - 8), QPointF(x, height()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(playhead);
        painter.drawPolygon(
            QPolygonF{QPointF(x - 6, 2), QPointF(x + 6, 2), QPointF(x + 6, ruler_bottom - 12),
                      QPointF(x, ruler_bottom - 5), QPointF(x - 6, ruler_bottom - 12)});
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

}  // namespace ps::ui
