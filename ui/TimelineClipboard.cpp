#include "ui/TimelineClipboard.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "motion/FindElement.h"
#include "motion/MotionDocumentJson.h"

namespace ps::ui {

namespace {

// A key within a microsecond of t_s, as SetKeyframe finds keys.
const ps::Keyframe* findKey(const ps::KeyframeCurve& curve, double t_s) {
    const auto it =
        std::find_if(curve.keys.begin(), curve.keys.end(),
                     [t_s](const ps::Keyframe& k) { return std::abs(k.t_s - t_s) < 1e-6; });
    return it == curve.keys.end() ? nullptr : &*it;
}

}  // namespace

void TimelineClipboard::copy(const ps::MotionDocument& document,
                             const QList<ElementRef>& selection) {
    clips_.clear();
    captures_.clear();
    keys_.clear();
    earliest_s_ = std::numeric_limits<double>::max();
    latest_s_ = std::numeric_limits<double>::lowest();
    auto cover = [this](double start_s, double end_s) {
        earliest_s_ = std::min(earliest_s_, start_s);
        latest_s_ = std::max(latest_s_, end_s);
    };
    // In document order, so that pasted clips stack as the originals do.
    for (const ps::ExpressionClip& clip : document.clips) {
        if (selection.contains(ElementRef{ElementKind::Clip, clip.id, 0.0})) {
            clips_.push_back(clip);
            cover(clip.start_s, clip.start_s + clip.duration_s);
        }
    }
    for (const ps::CaptureLayer& capture : document.captures) {
        if (selection.contains(ElementRef{ElementKind::Capture, capture.id, 0.0})) {
            captures_.push_back(capture);
            cover(capture.start_s, capture.start_s + capture.track.duration_s());
        }
    }
    for (const ElementRef& ref : selection) {
        if (ref.kind != ElementKind::Key) {
            continue;
        }
        const ps::KeyframeCurve* curve = findById(document.curves, ref.id);
        const ps::Keyframe* key = curve != nullptr ? findKey(*curve, ref.key_t_s) : nullptr;
        if (key != nullptr) {
            keys_.push_back({ref.id, *key});
            cover(key->t_s, key->t_s);
        }
    }
    if (isEmpty()) {
        earliest_s_ = latest_s_ = 0.0;
    }
}

std::vector<ps::MotionEdit> TimelineClipboard::pasteEdits(const ps::MotionDocument& document,
                                                          double at_s) const {
    std::vector<ps::MotionEdit> edits;
    const double shift = at_s - earliest_s_;
    for (ps::ExpressionClip clip : clips_) {
        clip.id = 0;
        clip.start_s += shift;
        edits.push_back({ps::InsertElement<ps::ExpressionClip>{std::move(clip)}});
    }
    for (ps::CaptureLayer capture : captures_) {
        capture.id = 0;
        capture.start_s += shift;
        edits.push_back({ps::InsertElement<ps::CaptureLayer>{std::move(capture)}});
    }
    for (CopiedKey copied : keys_) {
        if (findById(document.curves, copied.curve) == nullptr) {
            continue;
        }
        copied.key.t_s += shift;
        edits.push_back({ps::SetKeyframe{copied.curve, copied.key}});
    }
    return edits;
}

QList<ElementRef> TimelineClipboard::pastedKeys(const ps::MotionDocument& document,
                                                double at_s) const {
    QList<ElementRef> refs;
    const double shift = at_s - earliest_s_;
    for (const CopiedKey& copied : keys_) {
        if (findById(document.curves, copied.curve) != nullptr) {
            refs.append({ElementKind::Key, copied.curve, copied.key.t_s + shift});
        }
    }
    return refs;
}

QByteArray TimelineClipboard::toJson() const {
    ps::MotionDocument copies;
    copies.clips = clips_;
    copies.captures = captures_;
    ps::ElementId last_id = 0;
    for (const ps::ExpressionClip& clip : clips_) {
        last_id = std::max(last_id, clip.id);
    }
    for (const ps::CaptureLayer& capture : captures_) {
        last_id = std::max(last_id, capture.id);
    }
    copies.next_id = last_id + 1;
    return QByteArray::fromStdString(ps::motionDocumentToJson(copies).dump(1));
}

}  // namespace ps::ui
