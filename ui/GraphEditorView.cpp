#include "ui/GraphEditorView.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "media/FrameRate.h"
#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "ui/ProjectSession.h"
#include "ui/TimelineGeometry.h"
#include "ui/TransportBar.h"

namespace ps::ui {

namespace {

constexpr double kDragThreshold_px = 3.0;
constexpr double kWheelZoom = 1.2;
constexpr double kSameKey_s = 1e-6;

}  // namespace

bool GraphEditorView::sameTime(double a, double b) {
    return std::abs(a - b) <= kSameKey_s;
}

ElementRef GraphEditorView::keyRef(ps::ElementId curve, double t_s) {
    return ElementRef{ElementKind::Key, curve, t_s};
}

GraphEditorView::GraphEditorView(ProjectSession& session, SelectionModel& selection,
                                 SourcesFn sources, QWidget* parent)
    : QWidget(parent), session_(session), selection_(selection), sources_(std::move(sources)) {
    setObjectName(QStringLiteral("graphEditorView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(&session_, &ProjectSession::changed, this, &GraphEditorView::onSessionChanged);
    connect(&session_, &ProjectSession::laneStatesChanged, this, [this] { update(); });
    connect(&selection_, &SelectionModel::selectionChanged, this, [this] { update(); });
    geometry_.setViewSize(width(), height());
}

// --- ghost sampling ------------------------------------------------------------------------

float GraphEditorView::channelOf(const ps::FaceState& state, int channel) {
    if (channel < ps::kBlendshapeCount) {
        return state.weights[size_t(channel)];
    }
    switch (channel) {
        case ps::kHeadPitchChannel:
            return state.head_deg.x;
        case ps::kHeadYawChannel:
            return state.head_deg.y;
        case ps::kHeadRollChannel:
            return state.head_deg.z;
        case ps::kLeftEyeYawChannel:
            return state.left_eye_deg.x;
        case ps::kLeftEyePitchChannel:
            return state.left_eye_deg.y;
        case ps::kRightEyeYawChannel:
            return state.right_eye_deg.x;
        case ps::kRightEyePitchChannel:
            return state.right_eye_deg.y;
        default:
            return 0.0f;
    }
}

float GraphEditorView::trackChannelAt(const ps::FaceTrack& track, int channel, double t_s) {
    if (track.frames.empty() || !(track.fps > 0.0)) {
        return 0.0f;
    }
    const double position = std::max(0.0, t_s * track.fps);
    const size_t last = track.frames.size() - 1;
    const size_t k = std::min(size_t(position), last);
    const float a = channelOf(track.frames[k], channel);
    if (k == last) {
        return a;
    }
    const float b = channelOf(track.frames[k + 1], channel);
    return a + (b - a) * float(position - double(k));
}

float GraphEditorView::voiceScale(const ps::MotionDocument& document, int channel) {
    if (channel < ps::kBlendshapeCount) {
        return document.strengths.lips;
    }
    if (channel == ps::kHeadPitchChannel || channel == ps::kHeadYawChannel ||
        channel == ps::kHeadRollChannel) {
        return document.strengths.head;
    }
    return 0.0f;
}

// --- state -----------------------------------------------------------------------------------

double GraphEditorView::frame_s() const {
    const double fps = ps::frameRateRational(session_.project().fps).value();
    return fps > 0.0 ? 1.0 / fps : 0.0;
}

void GraphEditorView::setChannels(std::vector<int> channels) {
    std::vector<int> unique;
    for (int channel : channels) {
        if (channel >= 0 && channel < ps::kMotionChannelCount &&
            std::find(unique.begin(), unique.end(), channel) == unique.end()) {
            unique.push_back(channel);
        }
    }
    if (unique == channels_) {
        return;
    }
    channels_ = std::move(unique);
    updateRanges();
    invalidate();
}

std::vector<const ps::KeyframeCurve*> GraphEditorView::shownCurves() const {
    std::vector<const ps::KeyframeCurve*> curves;
    for (int channel : channels_) {
        for (const ps::KeyframeCurve& curve : session_.motion().curves) {
            if (curve.channel == channel) {
                curves.push_back(&curve);
            }
        }
    }
    return curves;
}

void GraphEditorView::setNormalised(bool on) {
    if (on == geometry_.isNormalised()) {
        return;
    }
    geometry_.setNormalised(on);
    updateRanges();
    frameAll();
}

void GraphEditorView::setPlayhead(double t_s) {
    t_s = std::max(0.0, t_s);
    if (t_s != playhead_s_) {
        playhead_s_ = t_s;
        update();
    }
}

void GraphEditorView::refreshSources() {
    updateRanges();
    invalidate();
}

void GraphEditorView::onSessionChanged() {
    selection_.prune(session_.motion());
    // While keys or handles are dragged the normalised scale holds still under the pointer.
    if (drag_.kind != DragKind::Move && drag_.kind != DragKind::Handle) {
        updateRanges();
    }
    invalidate();
}

void GraphEditorView::invalidate() {
    cache_valid_ = false;
    update();
    emit viewChanged();
}

bool GraphEditorView::curvesLocked() const {
    return session_.laneStates().isLocked(Lane::Curves);
}

void GraphEditorView::setStatus(const QString& message) {
    if (message == status_) {
        return;
    }
    status_ = message;
    emit statusChanged(message);
}

// Each shown channel's range for the normalised view: what its curves reach between their
// first and last keys, else what its ghosts reach, else the channel's usual span.
void GraphEditorView::updateRanges() {
    geometry_.clearChannelRanges();
    const ps::MotionDocument& document = session_.motion();
    const std::shared_ptr<const ps::MotionSources> sources = sources_ ? sources_() : nullptr;
    for (int channel : channels_) {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        auto take = [&](double v) {
            low = std::min(low, v);
            high = std::max(high, v);
        };
        for (const ps::KeyframeCurve& curve : document.curves) {
            if (curve.channel != channel || curve.keys.empty()) {
                continue;
            }
            const double first = curve.keys.front().t_s, last = curve.keys.back().t_s;
            for (const ps::Keyframe& key : curve.keys) {
                take(key.value);
            }
            constexpr int kSamples = 256;
            for (int i = 0; i <= kSamples && last > first; ++i) {
                take(ps::evaluateKeys(curve.keys, first + (last - first) * i / kSamples));
            }
        }
        if (!(high >= low) && sources != nullptr && document.voice.enabled) {
            const float scale = voiceScale(document, channel);
            for (const ps::FaceState& state : sources->voice.track.frames) {
                take(scale * channelOf(state, channel));
            }
        }
        if (!(high >= low)) {
            for (const ps::CaptureLayer& capture : document.captures) {
                for (const ps::FaceState& state : capture.track.frames) {
                    take(capture.strength * channelOf(state, channel));
                }
            }
        }
        if (!(high >= low)) {
            low = ps::isAngleChannel(channel) ? -10.0 : 0.0;
            high = ps::isAngleChannel(channel) ? 10.0 : 1.0;
        }
        geometry_.setChannelRange(channel, low, high);
    }
}

// --- where things are ------------------------------------------------------------------------

QPointF GraphEditorView::keyPoint(ps::ElementId curve_id, double t_s) const {
    const ps::KeyframeCurve* curve = findById(session_.motion().curves, curve_id);
    if (curve == nullptr) {
        return {};
    }
    for (const ps::Keyframe& key : curve->keys) {
        if (sameTime(key.t_s, t_s)) {
            return geometry_.pointOf(curve->channel, key.t_s, key.value);
        }
    }
    return {};
}

QPointF GraphEditorView::handlePointOf(ps::ElementId curve_id, double t_s, HandleSide side) const {
    const ps::KeyframeCurve* curve = findById(session_.motion().curves, curve_id);
    if (curve == nullptr) {
        return {};
    }
    for (size_t i = 0; i < curve->keys.size(); ++i) {
        if (sameTime(curve->keys[i].t_s, t_s)) {
            return geometry_.pointOf(curve->channel, handlePoint(curve->keys, i, side));
        }
    }
    return {};
}

double GraphEditorView::curveYAt(const ps::KeyframeCurve& curve, double x) const {
    const double v = ps::evaluateKeys(curve.keys, geometry_.timeAt(x));
    return geometry_.yOf(geometry_.displayOf(curve.channel, v));
}

GraphEditorView::Hit GraphEditorView::hitTest(const QPointF& at) const {
    Hit hit;
    if (at.y() < GraphEditorGeometry::kRulerHeight_px) {
        hit.part = HitPart::Ruler;
        hit.t_s = geometry_.timeAt(at.x());
        return hit;
    }
    if (at.x() < GraphEditorGeometry::kAxisWidth_px) {
        return hit;
    }
    const std::vector<const ps::KeyframeCurve*> curves = shownCurves();
    double best_key = GraphEditorGeometry::kKeyRadius_px + 2.0;
    double best_handle = GraphEditorGeometry::kHandleRadius_px + 3.0;
    Hit key_hit, handle_hit;
    for (const ps::KeyframeCurve* curve : curves) {
        for (size_t i = 0; i < curve->keys.size(); ++i) {
            const ps::Keyframe& key = curve->keys[i];
            const double d =
                QLineF(at, geometry_.pointOf(curve->channel, key.t_s, key.value)).length();
            if (d <= best_key) {
                best_key = d;
                key_hit =
                    Hit{HitPart::Key, curve->id, curve->channel, i, key.t_s, HandleSide::None};
            }
            if (!selection_.contains(keyRef(curve->id, key.t_s))) {
                continue;
            }
            for (HandleSide side : {HandleSide::In, HandleSide::Out}) {
                if (!hasHandle(curve->keys, i, side)) {
                    continue;
                }
                const double dh =
                    QLineF(at, geometry_.pointOf(curve->channel, handlePoint(curve->keys, i, side)))
                        .length();
                if (dh <= best_handle) {
                    best_handle = dh;
                    handle_hit = Hit{HitPart::Handle, curve->id, curve->channel, i, key.t_s, side};
                }
            }
        }
    }
    if (key_hit.part == HitPart::Key &&
        (handle_hit.part != HitPart::Handle || best_key <= best_handle)) {
        return key_hit;
    }
    if (handle_hit.part == HitPart::Handle) {
        return handle_hit;
    }
    double best_curve = kCurveGrab_px;
    hit.part = HitPart::Empty;
    hit.t_s = geometry_.timeAt(at.x());
    for (const ps::KeyframeCurve* curve : curves) {
        if (curve->keys.empty()) {
            continue;
        }
        const double d = std::abs(curveYAt(*curve, at.x()) - at.y());
        if (d <= best_curve) {
            best_curve = d;
            hit.part = HitPart::Curve;
            hit.curve = curve->id;
            hit.channel = curve->channel;
        }
    }
    return hit;
}

void GraphEditorView::frameAll() {
    double t0 = std::numeric_limits<double>::infinity(), t1 = -t0;
    double v0 = t0, v1 = -t0;
    auto take = [&](double t, double v) {
        t0 = std::min(t0, t);
        t1 = std::max(t1, t);
        v0 = std::min(v0, v);
        v1 = std::max(v1, v);
    };
    for (const ps::KeyframeCurve* curve : shownCurves()) {
        const std::vector<ps::Keyframe>& keys = curve->keys;
        for (size_t i = 0; i < keys.size(); ++i) {
            take(keys[i].t_s, geometry_.displayOf(curve->channel, keys[i].value));
            for (HandleSide side : {HandleSide::In, HandleSide::Out}) {
                if (hasHandle(keys, i, side)) {
                    const GraphPoint p = handlePoint(keys, i, side);
                    take(p.t_s, geometry_.displayOf(curve->channel, p.value));
                }
            }
        }
        if (keys.size() > 1) {
            constexpr int kSamples = 256;
            const double first = keys.front().t_s, last = keys.back().t_s;
            for (int i = 0; i <= kSamples; ++i) {
                const double t = first + (last - first) * i / kSamples;
                take(t, geometry_.displayOf(curve->channel, ps::evaluateKeys(keys, t)));
            }
        }
    }
    const ps::MotionDocument& document = session_.motion();
    if (!(t1 >= t0)) {
        // No keys: the ghosts over the document, or the channels' usual span.
        const double end = timelineContentEnd_s(document);
        const std::shared_ptr<const ps::MotionSources> sources = sources_ ? sources_() : nullptr;
        bool any_angle = false;
        for (int channel : channels_) {
            any_angle = any_angle || ps::isAngleChannel(channel);
            if (sources != nullptr && document.voice.enabled) {
                const float scale = voiceScale(document, channel);
                for (const ps::FaceState& state : sources->voice.track.frames) {
                    take(0.0, geometry_.displayOf(channel, scale * channelOf(state, channel)));
                }
            }
        }
        if (!(v1 >= v0) || v1 - v0 < 1e-3) {
            if (geometry_.isNormalised()) {
                v0 = -1.0;
                v1 = 1.0;
            } else {
                v0 = any_angle ? -10.0 : 0.0;
                v1 = any_angle ? 10.0 : 1.0;
            }
        }
        t0 = 0.0;
        t1 = end;
    }
    geometry_.frame(t0, t1, v0, v1);
    fitted_ = true;
    invalidate();
}

// --- mouse and keys --------------------------------------------------------------------------

void GraphEditorView::resizeEvent(QResizeEvent*) {
    geometry_.setViewSize(width(), height());
    if (fitted_) {
        frameAll();
    }
    invalidate();
}

void GraphEditorView::mousePressEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    event->accept();
    setFocus(Qt::MouseFocusReason);
    drag_ = Drag{};
    drag_.press = pos;
    drag_.last = pos;
    drag_.button = event->button();
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (modifiers & Qt::AltModifier))) {
        drag_.kind = DragKind::Pan;
        drag_.started = true;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    const Hit hit = hitTest(pos);
    if (event->button() == Qt::RightButton) {
        // The menu acts on what was clicked: a key not yet selected becomes the selection.
        if (hit.part == HitPart::Key && !selection_.contains(keyRef(hit.curve, hit.t_s))) {
            selection_.select(keyRef(hit.curve, hit.t_s), SelectionModel::Mode::Replace);
        }
        drag_ = Drag{};
        return;
    }
    if (event->button() != Qt::LeftButton) {
        drag_ = Drag{};
        return;
    }
    if (hit.part == HitPart::Ruler) {
        drag_.kind = DragKind::Scrub;
        drag_.started = true;
        updateScrub(pos);
        return;
    }
    if (hit.part == HitPart::None) {
        drag_ = Drag{};
        return;
    }
    if (modifiers & Qt::ControlModifier) {
        insertKeyAt(pos);
        drag_ = Drag{};
        return;
    }
    if ((hit.part == HitPart::Key || hit.part == HitPart::Handle) && curvesLocked()) {
        setStatus(tr("The Curves lane is locked: unlock it on the timeline to edit keys."));
        drag_ = Drag{};
        return;
    }
    if (hit.part == HitPart::Handle) {
        beginHandleDrag(hit);
        return;
    }
    if (hit.part == HitPart::Key) {
        beginKeyDrag(hit, modifiers);
        return;
    }
    // On a curve's line or on nothing: a rubber band (a click on a line selects the curve).
    drag_.kind = DragKind::RubberBand;
    drag_.anchor =
        hit.part == HitPart::Curve ? ElementRef{ElementKind::Curve, hit.curve, 0.0} : ElementRef{};
    if (!(modifiers & Qt::ShiftModifier)) {
        selection_.clear();
    }
    drag_.base = selection_.selected();
}

void GraphEditorView::beginKeyDrag(const Hit& hit, Qt::KeyboardModifiers modifiers) {
    const ElementRef ref = keyRef(hit.curve, hit.t_s);
    drag_.anchor = ref;
    if (modifiers & Qt::ShiftModifier) {
        if (selection_.contains(ref)) {
            drag_.toggle_on_release = true;
        } else {
            selection_.select(ref, SelectionModel::Mode::Extend);
        }
    } else if (!selection_.contains(ref)) {
        selection_.select(ref, SelectionModel::Mode::Replace);
    } else {
        drag_.select_on_release = true;
    }
    // The selection's keys on shown curves move, the anchor's first.
    const ps::MotionDocument& document = session_.motion();
    QList<ElementRef> refs = selection_.selected();
    refs.removeAll(ref);
    refs.prepend(ref);
    for (const ElementRef& selected : refs) {
        const ps::KeyframeCurve* curve =
            selected.kind == ElementKind::Key ? findById(document.curves, selected.id) : nullptr;
        if (curve != nullptr &&
            std::find(channels_.begin(), channels_.end(), curve->channel) != channels_.end()) {
            drag_.keys.append(selected);
            if (findById(drag_.curves, curve->id) == nullptr) {
                drag_.curves.push_back(*curve);
            }
        } else {
            drag_.unmoved.append(selected);
        }
    }
    drag_.kind = DragKind::Move;
    drag_.gesture = session_.newGesture();
}

void GraphEditorView::beginHandleDrag(const Hit& hit) {
    const ps::KeyframeCurve* curve = findById(session_.motion().curves, hit.curve);
    if (curve == nullptr) {
        return;
    }
    drag_.kind = DragKind::Handle;
    drag_.curves = {*curve};
    drag_.handle_index = hit.index;
    drag_.handle_side = hit.side;
    drag_.anchor = keyRef(hit.curve, hit.t_s);
    drag_.gesture = session_.newGesture();
}

void GraphEditorView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (drag_.kind == DragKind::None || !(event->buttons() & drag_.button)) {
        updateHover(pos);
        return;
    }
    event->accept();
    if (!drag_.started) {
        if (QLineF(pos, drag_.press).length() < kDragThreshold_px &&
            drag_.kind != DragKind::Handle) {
            return;
        }
        drag_.started = true;
    }
    switch (drag_.kind) {
        case DragKind::Scrub:
            updateScrub(pos);
            break;
        case DragKind::Move:
            updateMove(pos, event->modifiers());
            break;
        case DragKind::Handle:
            updateHandle(pos);
            break;
        case DragKind::RubberBand:
            updateRubberBand(pos);
            break;
        case DragKind::Pan: {
            const QPointF d = pos - drag_.last;
            drag_.last = pos;
            geometry_.panBy(d.x(), d.y());
            fitted_ = false;
            invalidate();
            break;
        }
        case DragKind::None:
            break;
    }
}

void GraphEditorView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != drag_.button || drag_.kind == DragKind::None) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    event->accept();
    const DragKind kind = drag_.kind;
    if (!drag_.started) {
        if (drag_.select_on_release) {
            selection_.select(drag_.anchor, SelectionModel::Mode::Replace);
        } else if (drag_.toggle_on_release) {
            selection_.select(drag_.anchor, SelectionModel::Mode::Toggle);
        } else if (kind == DragKind::RubberBand && drag_.anchor.isValid()) {
            selection_.select(drag_.anchor, SelectionModel::Mode::Extend);
        }
    }
    drag_ = Drag{};
    rubber_band_ = QRectF();
    unsetCursor();
    if (kind == DragKind::Move || kind == DragKind::Handle) {
        updateRanges();  // the normalised scale catches up with the drag
        invalidate();
    }
    update();
    updateHover(event->position());
}

void GraphEditorView::updateMove(const QPointF& pos, Qt::KeyboardModifiers modifiers) {
    if (drag_.keys.isEmpty()) {
        return;
    }
    QPointF d = pos - drag_.press;
    if (modifiers & Qt::ShiftModifier) {
        // Axis lock: the dominant direction only.
        if (std::abs(d.x()) >= std::abs(d.y())) {
            d.setY(0.0);
        } else {
            d.setX(0.0);
        }
    }
    double earliest = std::numeric_limits<double>::max();
    for (const ElementRef& key : drag_.keys) {
        earliest = std::min(earliest, key.key_t_s);
    }
    double dt = std::max(d.x() / geometry_.pixelsPerSecond(), -earliest);
    const double frame = frame_s();
    const bool snap = snapping_ != bool(modifiers & Qt::ControlModifier);
    if (snap && frame > 0.0 && d.x() != 0.0) {
        const double anchor = drag_.anchor.key_t_s;
        dt = std::round((anchor + dt) / frame) * frame - anchor;
        dt = std::max(dt, -earliest);
    }
    const double d_display = -d.y() / geometry_.pixelsPerUnit();

    std::vector<ps::MotionEdit> edits;
    QList<ElementRef> moved;
    for (ps::KeyframeCurve curve : drag_.curves) {
        const std::vector<ps::Keyframe> before_keys = curve.keys;  // as at the press
        const float dv = float(d_display * geometry_.unitsPerDisplay(curve.channel));
        std::vector<double> moved_times;
        for (ps::Keyframe& key : curve.keys) {
            if (drag_.keys.contains(keyRef(curve.id, key.t_s))) {
                key.t_s += dt;
                key.value += dv;
                moved_times.push_back(key.t_s);
                moved.append(keyRef(curve.id, key.t_s));
            }
        }
        std::stable_sort(
            curve.keys.begin(), curve.keys.end(),
            [](const ps::Keyframe& a, const ps::Keyframe& b) { return a.t_s < b.t_s; });
        for (size_t i = 1; i < curve.keys.size(); ++i) {
            if (curve.keys[i].t_s - curve.keys[i - 1].t_s <= kSameKey_s) {
                setStatus(tr("Another key is already at %1 on %2.")
                              .arg(TransportBar::formatTime(curve.keys[i].t_s),
                                   QString::fromUtf8(ps::motionChannelName(curve.channel).data())));
                return;  // the last accepted position stays
            }
        }
        // Auto handles follow: the moved keys', and their neighbours' before and after the move.
        std::vector<double> affected = moved_times;
        for (size_t i = 0; i < curve.keys.size(); ++i) {
            if (std::any_of(moved_times.begin(), moved_times.end(),
                            [&](double t) { return sameTime(t, curve.keys[i].t_s); })) {
                if (i > 0) {
                    affected.push_back(curve.keys[i - 1].t_s);
                }
                if (i + 1 < curve.keys.size()) {
                    affected.push_back(curve.keys[i + 1].t_s);
                }
            }
        }
        for (size_t i = 0; i < before_keys.size(); ++i) {
            if (drag_.keys.contains(keyRef(curve.id, before_keys[i].t_s))) {
                if (i > 0) {
                    affected.push_back(before_keys[i - 1].t_s);
                }
                if (i + 1 < before_keys.size()) {
                    affected.push_back(before_keys[i + 1].t_s);
                }
            }
        }
        for (size_t i = 0; i < curve.keys.size(); ++i) {
            if (curve.keys[i].handles == ps::HandleType::Auto &&
                std::any_of(affected.begin(), affected.end(),
                            [&](double t) { return sameTime(t, curve.keys[i].t_s); })) {
                setAutoHandles(curve.keys, i);
            }
        }
        edits.push_back({ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}});
    }
    if (applyEdits(std::move(edits), tr("Move keys"), drag_.gesture)) {
        selection_.setSelection(drag_.unmoved + moved);
    }
}

void GraphEditorView::updateHandle(const QPointF& pos) {
    ps::KeyframeCurve curve = drag_.curves.front();
    // The handle's end follows the pointer from where it was grabbed.
    const QPointF grabbed = geometry_.pointOf(
        curve.channel, handlePoint(curve.keys, drag_.handle_index, drag_.handle_side));
    const QPointF target = grabbed + (pos - drag_.press);
    placeHandle(curve.keys, drag_.handle_index, drag_.handle_side,
                geometry_.graphPointAt(curve.channel, target));
    // The dragged key's own type decides its partner; an Auto key's handles are no longer
    // automatic once shaped by hand, so it becomes Aligned (as in Blender).
    ps::Keyframe& key = curve.keys[drag_.handle_index];
    if (key.handles == ps::HandleType::Auto) {
        key.handles = ps::HandleType::Aligned;
    }
    if (key.handles == ps::HandleType::Aligned) {
        alignOppositeHandle(curve.keys, drag_.handle_index, drag_.handle_side);
    }
    applyEdits({ps::MotionEdit{ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}}},
               tr("Shape curve"), drag_.gesture);
}

void GraphEditorView::updateRubberBand(const QPointF& pos) {
    rubber_band_ = QRectF(drag_.press, pos).normalized();
    QList<ElementRef> refs = drag_.base;
    if (!curvesLocked()) {
        for (const ps::KeyframeCurve* curve : shownCurves()) {
            for (const ps::Keyframe& key : curve->keys) {
                if (rubber_band_.contains(geometry_.pointOf(curve->channel, key.t_s, key.value))) {
                    refs.append(keyRef(curve->id, key.t_s));
                }
            }
        }
    }
    selection_.setSelection(refs);
    update();
}

void GraphEditorView::updateScrub(const QPointF& pos) {
    double t = std::max(0.0, geometry_.timeAt(pos.x()));
    const double frame = frame_s();
    if (snapping_ && frame > 0.0) {
        t = std::round(t / frame) * frame;
    }
    setPlayhead(t);
    emit seekRequested(t);
}

QString GraphEditorView::formatValue(int channel, double value) const {
    return ps::isAngleChannel(channel) ? QStringLiteral("%1°").arg(value, 0, 'f', 1)
                                       : QString::number(value, 'f', 3);
}

QString GraphEditorView::describeKey(const ps::KeyframeCurve& curve,
                                     const ps::Keyframe& key) const {
    return QStringLiteral("%1   %2   %3")
        .arg(QString::fromUtf8(ps::motionChannelName(curve.channel).data()),
             TransportBar::formatTime(key.t_s), formatValue(curve.channel, key.value));
}

void GraphEditorView::updateHover(const QPointF& pos) {
    const Hit hit = hitTest(pos);
    QString text;
    Qt::CursorShape shape = Qt::ArrowCursor;
    const ps::KeyframeCurve* curve = findById(session_.motion().curves, hit.curve);
    if (curve != nullptr && hit.index < curve->keys.size() &&
        (hit.part == HitPart::Key || hit.part == HitPart::Handle)) {
        text = describeKey(*curve, curve->keys[hit.index]);
        if (hit.part == HitPart::Handle) {
            text += hit.side == HandleSide::In ? tr("   in handle") : tr("   out handle");
        }
        shape = Qt::PointingHandCursor;
    } else if (curve != nullptr && hit.part == HitPart::Curve) {
        text = QStringLiteral("%1   %2   %3")
                   .arg(QString::fromUtf8(ps::motionChannelName(curve->channel).data()),
                        TransportBar::formatTime(std::max(0.0, hit.t_s)),
                        formatValue(curve->channel, ps::evaluateKeys(curve->keys, hit.t_s)));
    }
    setCursor(shape);
    emit hoverChanged(text);
}

void GraphEditorView::leaveEvent(QEvent*) {
    emit hoverChanged(QString());
}

void GraphEditorView::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    const QPointF at = event->position();
    const double steps = (angle.y() != 0 ? angle.y() : angle.x()) / 120.0;
    if (event->modifiers() & Qt::ControlModifier) {
        geometry_.zoomValueAround(at.y(), std::pow(kWheelZoom, steps));
    } else if (event->modifiers() & Qt::ShiftModifier) {
        geometry_.panBy(steps * 60.0, 0.0);
    } else {
        geometry_.zoomTimeAround(at.x(), std::pow(kWheelZoom, steps));
    }
    event->accept();
    fitted_ = false;
    invalidate();
}

bool GraphEditorView::event(QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
        const bool deleting = key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace;
        // Delete is ours only with keys to delete: otherwise the window's (a clip selected on
        // the timeline goes) acts.
        if (plain && (key->key() == Qt::Key_Home || (deleting && !selectedKeyTimes().empty()))) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void GraphEditorView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            deleteSelectedKeys();
            event->accept();
            return;
        case Qt::Key_Home:
            frameAll();
            event->accept();
            return;
        default:
            QWidget::keyPressEvent(event);
    }
}

void GraphEditorView::contextMenuEvent(QContextMenuEvent* event) {
    event->accept();
    emit contextMenuRequested(event->globalPos());
}

}  // namespace ps::ui
