#include "ui/SelectionModel.h"

#include <algorithm>
#include <cmath>

#include "motion/FindElement.h"

namespace ps::ui {

namespace {

constexpr double kSameKey_s = 1e-6;

}  // namespace

bool ElementRef::operator==(const ElementRef& other) const {
    if (kind != other.kind || id != other.id) {
        return false;
    }
    return kind != ElementKind::Key || std::abs(key_t_s - other.key_t_s) < kSameKey_s;
}

bool refersToExisting(const ElementRef& ref, const ps::MotionDocument& document) {
    switch (ref.kind) {
        case ElementKind::Clip:
            return findById(document.clips, ref.id) != nullptr;
        case ElementKind::Capture:
            return findById(document.captures, ref.id) != nullptr;
        case ElementKind::Curve:
            return findById(document.curves, ref.id) != nullptr;
        case ElementKind::Key: {
            const ps::KeyframeCurve* curve = findById(document.curves, ref.id);
            return curve != nullptr &&
                   std::any_of(curve->keys.begin(), curve->keys.end(),
                               [&ref](const ps::Keyframe& k) {
                                   return std::abs(k.t_s - ref.key_t_s) < kSameKey_s;
                               });
        }
        case ElementKind::Sculpt:
            return findById(document.sculpts, ref.id) != nullptr;
        case ElementKind::None:
            break;
    }
    return false;
}

SelectionModel::SelectionModel(QObject* parent) : QObject(parent) {}

ElementRef SelectionModel::current() const {
    return selected_.isEmpty() ? ElementRef{} : selected_.back();
}

void SelectionModel::select(const ElementRef& ref, Mode mode) {
    QList<ElementRef> next = mode == Mode::Replace ? QList<ElementRef>{} : selected_;
    if (mode == Mode::Toggle && next.contains(ref)) {
        next.removeAll(ref);
    } else if (ref.isValid()) {
        next.removeAll(ref);
        next.append(ref);  // last is current
    }
    setSelection(next);
}

void SelectionModel::setSelection(const QList<ElementRef>& refs) {
    QList<ElementRef> next;
    for (const ElementRef& ref : refs) {
        if (ref.isValid() && !next.contains(ref)) {
            next.append(ref);
        }
    }
    if (next == selected_) {
        return;
    }
    selected_ = next;
    emit selectionChanged();
}

void SelectionModel::clear() {
    setSelection({});
}

void SelectionModel::prune(const ps::MotionDocument& document) {
    QList<ElementRef> kept;
    for (const ElementRef& ref : selected_) {
        if (refersToExisting(ref, document)) {
            kept.append(ref);
        }
    }
    setSelection(kept);
}

}  // namespace ps::ui
