// GraphEditorView's key edits: interpolation and handle types of the selected keys, deleting
// them, and Ctrl+click inserting a key on a curve (or on the current channel). Apart from
// GraphEditorView.cpp, which turns the mouse into gestures, and GraphEditorPaint.cpp; every edit
// goes through the session as one undo step.
#include <algorithm>
#include <cmath>
#include <limits>

#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "ui/GraphEditorView.h"
#include "ui/ProjectSession.h"
#include "ui/TransportBar.h"

namespace ps::ui {

std::map<ps::ElementId, std::vector<double>> GraphEditorView::selectedKeyTimes() const {
    std::map<ps::ElementId, std::vector<double>> times;
    for (const ps::KeyframeCurve* curve : shownCurves()) {
        for (const ps::Keyframe& key : curve->keys) {
            if (selection_.contains(keyRef(curve->id, key.t_s)) ||
                selection_.contains(ElementRef{ElementKind::Curve, curve->id, 0.0})) {
                times[curve->id].push_back(key.t_s);
            }
        }
    }
    return times;
}

int GraphEditorView::currentChannel() const {
    const ElementRef current = selection_.current();
    if (current.kind == ElementKind::Key || current.kind == ElementKind::Curve) {
        const ps::KeyframeCurve* curve = findById(session_.motion().curves, current.id);
        if (curve != nullptr &&
            std::find(channels_.begin(), channels_.end(), curve->channel) != channels_.end()) {
            return curve->channel;
        }
    }
    return channels_.empty() ? -1 : channels_.front();
}

// --- edits -----------------------------------------------------------------------------------

bool GraphEditorView::applyEdits(std::vector<ps::MotionEdit> edits, const QString& label,
                                 int gesture) {
    if (edits.empty()) {
        return false;
    }
    if (curvesLocked()) {
        setStatus(tr("The Curves lane is locked: unlock it on the timeline to edit keys."));
        return false;
    }
    const ps::MotionEdit edit =
        edits.size() == 1 ? std::move(edits.front())
                          : ps::MotionEdit{ps::EditGroup{label.toStdString(), std::move(edits)}};
    QString error;
    if (!session_.apply(edit, &error, gesture)) {
        setStatus(tr("Refused: %1").arg(error));
        return false;
    }
    setStatus(QString());
    return true;
}

bool GraphEditorView::setSelectedInterpolation(ps::Interpolation interpolation) {
    const auto times = selectedKeyTimes();
    if (times.empty()) {
        setStatus(tr("Select keys to change their interpolation."));
        return false;
    }
    std::vector<ps::MotionEdit> edits;
    for (const auto& [id, key_times] : times) {
        ps::KeyframeCurve curve = *findById(session_.motion().curves, id);
        bool changed = false;
        for (size_t i = 0; i < curve.keys.size(); ++i) {
            ps::Keyframe& key = curve.keys[i];
            if (std::none_of(key_times.begin(), key_times.end(),
                             [&](double t) { return sameTime(t, key.t_s); }) ||
                key.interpolation == interpolation) {
                continue;
            }
            // A segment that becomes Bézier with untouched handles gets automatic ones, so it
            // is smooth through its neighbours rather than an ease in disguise.
            if (interpolation == ps::Interpolation::Bezier && i + 1 < curve.keys.size() &&
                hasDefaultHandles(curve.keys, i)) {
                std::vector<ps::Keyframe> automatic = curve.keys;
                setAutoHandles(automatic, i);
                setAutoHandles(automatic, i + 1);
                curve.keys[i].out_x = automatic[i].out_x;
                curve.keys[i].out_dy = automatic[i].out_dy;
                curve.keys[i + 1].in_x = automatic[i + 1].in_x;
                curve.keys[i + 1].in_dy = automatic[i + 1].in_dy;
            }
            curve.keys[i].interpolation = interpolation;
            changed = true;
        }
        if (changed) {
            edits.push_back({ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}});
        }
    }
    if (edits.empty()) {
        return true;  // already so
    }
    return applyEdits(std::move(edits), tr("Change interpolation"));
}

bool GraphEditorView::setSelectedHandleType(ps::HandleType type) {
    const auto times = selectedKeyTimes();
    if (times.empty()) {
        setStatus(tr("Select keys to change their handles."));
        return false;
    }
    std::vector<ps::MotionEdit> edits;
    for (const auto& [id, key_times] : times) {
        ps::KeyframeCurve curve = *findById(session_.motion().curves, id);
        for (size_t i = 0; i < curve.keys.size(); ++i) {
            if (std::none_of(key_times.begin(), key_times.end(),
                             [&](double t) { return sameTime(t, curve.keys[i].t_s); })) {
                continue;
            }
            curve.keys[i].handles = type;
            if (type == ps::HandleType::Auto) {
                setAutoHandles(curve.keys, i);
                curve.keys[i].interpolation = ps::Interpolation::Bezier;
            } else if (type == ps::HandleType::Aligned) {
                alignOppositeHandle(curve.keys, i, HandleSide::Out);
            }
        }
        edits.push_back({ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}});
    }
    QString label = tr("Free handles");
    if (type == ps::HandleType::Auto) {
        label = tr("Auto handles");
    } else if (type == ps::HandleType::Aligned) {
        label = tr("Align handles");
    }
    return applyEdits(std::move(edits), label);
}

std::optional<ps::HandleType> GraphEditorView::selectedHandleType() const {
    std::optional<ps::HandleType> shared;
    for (const auto& [id, key_times] : selectedKeyTimes()) {
        const ps::KeyframeCurve* curve = findById(session_.motion().curves, id);
        if (curve == nullptr) {
            continue;
        }
        for (const ps::Keyframe& key : curve->keys) {
            if (std::none_of(key_times.begin(), key_times.end(),
                             [&](double t) { return sameTime(t, key.t_s); })) {
                continue;
            }
            if (shared && *shared != key.handles) {
                return std::nullopt;  // mixed
            }
            shared = key.handles;
        }
    }
    return shared;
}

bool GraphEditorView::deleteSelectedKeys() {
    const ps::MotionDocument& document = session_.motion();
    const QList<ElementRef> selected = selection_.selected();
    std::vector<ps::MotionEdit> edits;
    for (const ElementRef& ref : selected) {
        const ps::KeyframeCurve* curve = findById(document.curves, ref.id);
        if (curve == nullptr ||
            std::find(channels_.begin(), channels_.end(), curve->channel) == channels_.end()) {
            continue;
        }
        if (ref.kind == ElementKind::Curve) {
            edits.push_back({ps::RemoveElement<ps::KeyframeCurve>{ref.id}});
        } else if (ref.kind == ElementKind::Key &&
                   !selected.contains(ElementRef{ElementKind::Curve, ref.id, 0.0}) &&
                   refersToExisting(ref, document)) {
            edits.push_back({ps::RemoveKeyframe{ref.id, ref.key_t_s}});
        }
    }
    if (edits.empty()) {
        setStatus(tr("Select keys to delete."));
        return false;
    }
    return applyEdits({ps::MotionEdit{ps::EditGroup{tr("Delete keys").toStdString(), edits}}},
                      tr("Delete keys"));
}

bool GraphEditorView::insertKeyAt(const QPointF& at) {
    if (curvesLocked()) {
        setStatus(tr("The Curves lane is locked: unlock it on the timeline to edit keys."));
        return false;
    }
    double t = std::max(0.0, geometry_.timeAt(at.x()));
    const double frame = frame_s();
    if (snapping_ && frame > 0.0) {
        t = std::round(t / frame) * frame;
    }
    const std::vector<const ps::KeyframeCurve*> curves = shownCurves();
    // The curve under the pointer gets a key on its line; else the nearest one, or a new curve
    // on the current channel, at the pointer's value.
    const ps::KeyframeCurve* target = nullptr;
    bool on_line = false;
    double best = std::numeric_limits<double>::infinity();
    for (const ps::KeyframeCurve* curve : curves) {
        if (curve->keys.empty()) {
            continue;
        }
        const double d = std::abs(curveYAt(*curve, at.x()) - at.y());
        if (d < best) {
            best = d;
            target = curve;
        }
    }
    on_line = target != nullptr && best <= kCurveGrab_px;
    if (target == nullptr && !curves.empty()) {
        target = curves.front();
    }
    const int channel = target != nullptr ? target->channel : currentChannel();
    if (channel < 0) {
        setStatus(tr("Tick a channel in the list to key it."));
        return false;
    }
    const float value = float(geometry_.valueOf(channel, geometry_.displayAt(at.y())));

    if (target == nullptr) {
        ps::KeyframeCurve curve;
        curve.channel = channel;
        ps::Keyframe key;
        key.t_s = t;
        key.value = value;
        curve.keys.push_back(key);
        const ps::ElementId id = session_.motion().next_id;
        if (!applyEdits({ps::MotionEdit{ps::InsertElement<ps::KeyframeCurve>{curve}}},
                        tr("Insert key"))) {
            return false;
        }
        selection_.select(keyRef(id, t), SelectionModel::Mode::Replace);
        return true;
    }

    ps::KeyframeCurve curve = *target;
    for (const ps::Keyframe& key : curve.keys) {
        if (sameTime(key.t_s, t)) {
            setStatus(tr("A key is already at %1 on %2.")
                          .arg(TransportBar::formatTime(t),
                               QString::fromUtf8(ps::motionChannelName(channel).data())));
            return false;
        }
    }
    if (on_line) {
        // A split Bézier's new handles are on one line through the new key.
        const size_t index = insertKeyKeepingShape(curve.keys, t);
        const bool bezier_in =
            index > 0 && curve.keys[index - 1].interpolation == ps::Interpolation::Bezier;
        if (bezier_in && curve.keys[index].interpolation == ps::Interpolation::Bezier) {
            curve.keys[index].handles = ps::HandleType::Aligned;
        }
    } else {
        ps::Keyframe key;
        key.t_s = t;
        key.value = value;
        // It keeps the interpolation of the segment it splits.
        for (const ps::Keyframe& before : curve.keys) {
            if (before.t_s <= t) {
                key.interpolation = before.interpolation;
            }
        }
        const auto after = std::find_if(curve.keys.begin(), curve.keys.end(),
                                        [t](const ps::Keyframe& k) { return k.t_s > t; });
        // Two statements: in one expression begin() may be read before the insert reallocates.
        const auto inserted = curve.keys.insert(after, key);
        const size_t index = size_t(inserted - curve.keys.begin());
        if (key.interpolation == ps::Interpolation::Bezier) {
            curve.keys[index].handles = ps::HandleType::Auto;
            setAutoHandles(curve.keys, index);
        }
    }
    const ps::ElementId id = curve.id;
    if (!applyEdits({ps::MotionEdit{ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}}},
                    tr("Insert key"))) {
        return false;
    }
    selection_.select(keyRef(id, t), SelectionModel::Mode::Replace);
    return true;
}

}  // namespace ps::ui
