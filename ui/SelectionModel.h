// What the creator has selected on the timeline: clips, captures, curves, single keys, sculpts.
// The timeline changes it; the inspector shows its current element; edits elsewhere prune it of
// elements that no longer exist. Elements are named by id (and a key by its curve and time), so
// a selection survives edits that move things. UI thread only.
#pragma once

#include <QList>
#include <QObject>

#include "motion/MotionDocument.h"

namespace ps::ui {

enum class ElementKind {
    None = 0,
    Clip,     // an expression or pose clip
    Capture,  // a Live Link Face recording
    Curve,    // a whole keyframe curve
    Key,      // one key of a curve: id is the curve's, key_t_s the key's time
    Sculpt,
};

struct ElementRef {
    ElementKind kind = ElementKind::None;
    ps::ElementId id = 0;
    double key_t_s = 0.0;

    bool isValid() const { return kind != ElementKind::None && id != 0; }
    // Keys compare within a microsecond, as SetKeyframe finds them.
    bool operator==(const ElementRef& other) const;
    bool operator!=(const ElementRef& other) const { return !(*this == other); }
};

// Whether `ref` names something in `document`.
bool refersToExisting(const ElementRef& ref, const ps::MotionDocument& document);

class SelectionModel : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Replace = 1,  // click
        Toggle,       // Ctrl-click
        Extend,       // Shift-click, rubber band with Shift
    };

    explicit SelectionModel(QObject* parent = nullptr);

    const QList<ElementRef>& selected() const { return selected_; }
    bool isEmpty() const { return selected_.isEmpty(); }
    bool contains(const ElementRef& ref) const { return selected_.contains(ref); }
    // The element the inspector shows: the one selected last; invalid when none.
    ElementRef current() const;

    void select(const ElementRef& ref, Mode mode = Mode::Replace);
    void setSelection(const QList<ElementRef>& refs);
    void clear();
    // Drops what no longer exists in `document` (after an undo, a delete, a new project).
    void prune(const ps::MotionDocument& document);

signals:
    void selectionChanged();

private:
    QList<ElementRef> selected_;
};

}  // namespace ps::ui
