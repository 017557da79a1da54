#include "ui/TimelineView.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QLineF>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QToolTip>
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
#include "ui/TransportBar.h"

namespace ps::ui {

namespace {

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

void TimelineView::setVisemes(std::vector<ps::VisemeSegment> segments) {
    visemes_.setVoiceSegments(std::move(segments));
    update();
}

void TimelineView::setTranscriptWords(std::vector<ps::AlignedWord> words) {
    visemes_.setWords(std::move(words));
    update();
}

bool TimelineView::isVisemeRow(const QPointF& pos) const {
    const int row = geometry_.rowAt(pos.y());
    return row >= 0 && geometry_.rows()[size_t(row)].kind == TimelineRowKind::Visemes;
}

QMenu* TimelineView::visemeMenu(const QPointF& pos) {
    if (!isVisemeRow(pos) || isLocked(Lane::Voice)) {
        return nullptr;
    }
    const double t_s = std::max(0.0, geometry_.timeAt(pos.x()));
    const std::optional<VisemeLaneEditor::Segment> under = visemes_.segmentAt(t_s);
    if (!under.has_value()) {
        return nullptr;
    }
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("visemeMenu"));
    for (int i = 0; i < ps::kMouthShapeCount; ++i) {
        const auto shape = static_cast<ps::MouthShape>(i);
        QAction* action = menu->addAction(VisemeLaneEditor::shapeMenuName(shape));
        action->setObjectName(QStringLiteral("visemeShape_") +
                              QString::fromLatin1(ps::mouthShapeKey(shape)));
        action->setCheckable(true);
        action->setChecked(under->shape == shape);
        connect(action, &QAction::triggered, this,
                [this, t_s, shape] { visemes_.setShapeAt(t_s, shape); });
    }
    if (under->override_id != 0) {
        menu->addSeparator();
        QAction* remove = menu->addAction(tr("Remove Override"));
        remove->setObjectName(QStringLiteral("visemeRemoveOverride"));
        const ps::ElementId id = under->override_id;
        connect(remove, &QAction::triggered, this, [this, id] { visemes_.removeOverride(id); });
    }
    return menu;
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu* menu = visemeMenu(event->pos());
    if (menu == nullptr) {
        QWidget::contextMenuEvent(event);
        return;
    }
    event->accept();
    menu->exec(event->globalPos());
    menu->deleteLater();
}

void TimelineView::setMotionChecks(std::vector<ps::MotionIssue> issues) {
    motion_checks_ = std::move(issues);
    update();
}

QRectF TimelineView::motionCheckBand(double width) {
    constexpr double kBand_px = 4.0;
    return QRectF(0, TimelineGeometry::kRulerHeight_px - 1.0 - kBand_px, width, kBand_px);
}

QString TimelineView::motionCheckTextAt(const QPointF& pos) const {
    // A little taller than drawn, and a few pixels either side, so a one-frame issue can be hit.
    constexpr double kSlack_px = 3.0;
    const QRectF band = motionCheckBand(width()).adjusted(0, -kSlack_px, 0, kSlack_px);
    if (!band.contains(pos)) {
        return {};
    }
    QStringList lines;
    for (const ps::MotionIssue& issue : motion_checks_) {
        const double x0 = geometry_.xOf(issue.start_s()) - kSlack_px;
        const double x1 = geometry_.xOf(issue.end_s()) + kSlack_px;
        if (pos.x() < x0 || pos.x() > x1) {
            continue;
        }
        const int last = std::max(issue.first_frame, issue.end_frame - 1);
        const QString frames = last > issue.first_frame
                                   ? tr("frames %1–%2").arg(issue.first_frame).arg(last)
                                   : tr("frame %1").arg(issue.first_frame);
        if (issue.kind == ps::MotionIssueKind::LipsApart) {
            lines << tr("Lips apart over a closure (p, b, m), %1: gap %2 mm")
                         .arg(frames)
                         .arg(double(issue.peak), 0, 'f', 1);
        } else if (issue.kind == ps::MotionIssueKind::Jitter) {
            lines << tr("Jitter: the head or jaw jumps, %1: %2× the limit")
                         .arg(frames)
                         .arg(double(issue.severity), 0, 'f', 1);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

bool TimelineView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = motionCheckTextAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
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
    if (isVisemeRow(drag_.press)) {
        // The viseme row's edges drag; a press elsewhere on it does nothing.
        if (!isLocked(Lane::Voice) &&
            visemes_.beginDrag(std::max(0.0, drag_.press_t_s),
                               VisemeLaneEditor::kEdgeGrab_px / geometry_.pixelsPerSecond(),
                               frame_s())) {
            drag_.kind = DragKind::VisemeEdge;
        }
        return;
    }
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
        case DragKind::VisemeEdge: {
            double t = std::max(0.0, geometry_.timeAt(pos.x()));
            if (snap) {
                t = std::max(0.0, geometry_.snapTime(t, snapCandidates(&drag_), frame_s()));
            }
            visemes_.dragTo(t);
            break;
        }
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
    if (drag_.kind == DragKind::VisemeEdge) {
        visemes_.endDrag();
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
    if (isVisemeRow(event->position())) {
        if (!isLocked(Lane::Voice)) {
            visemes_.insertClosedAt(std::max(0.0, geometry_.timeAt(event->position().x())),
                                    frame_s());
        }
        return;
    }
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
    if (isVisemeRow(pos)) {
        const bool on_edge =
            !isLocked(Lane::Voice) &&
            visemes_.isOnEdge(std::max(0.0, geometry_.timeAt(pos.x())),
                              VisemeLaneEditor::kEdgeGrab_px / geometry_.pixelsPerSecond());
        setCursor(on_edge ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
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

}  // namespace ps::ui
