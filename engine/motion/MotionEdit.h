// Edits of a motion document as values. Applying one either changes the document completely and
// returns the edit that undoes it, or changes nothing and returns why (Kdenlive's model
// operations; STYLE.md). The studio's undo stack keeps each edit with its inverse; tests and the
// command line apply them without a stack.
//
// Elements are found by id, so an undo still finds its clip after other edits moved it. An
// inserted element with id 0 gets a new id; ids are never reused, so undoing an insertion leaves
// next_id where it was and redoing it brings the element back under the same id.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "motion/MotionDocument.h"
#include "runtime/Result.h"

namespace ps {

// Puts `element` into its list at `index` (clamped to the list's end).
template <class Element>
struct InsertElement {
    Element element;
    size_t index = size_t(-1);
};

template <class Element>
struct RemoveElement {
    ElementId id = 0;
};

// The element with element.id takes this value.
template <class Element>
struct ReplaceElement {
    Element element;
};

// Sets the key at key.t_s on a curve (within a microsecond), or inserts it in time order.
struct SetKeyframe {
    ElementId curve = 0;
    Keyframe key;
};

struct RemoveKeyframe {
    ElementId curve = 0;
    double t_s = 0.0;
};

// Moves a key in time; refused when another key is already at the destination.
struct MoveKeyframe {
    ElementId curve = 0;
    double from_t_s = 0.0;
    double to_t_s = 0.0;
};

struct SetStrengths {
    MotionStrengths strengths;
};
struct SetVoiceSettings {
    VoiceLayerSettings settings;
};
struct SetIdleSettings {
    IdleLayerSettings settings;
};
struct SetDuration {
    double duration_s = 0.0;
};
// The transcript the viseme lane is labelled with (MotionDocument::transcript).
struct SetTranscript {
    std::string text;
};

struct MotionEdit;
// Several edits as one undo step (a drag, a paste): all apply or none does.
struct EditGroup {
    std::string label;
    std::vector<MotionEdit> edits;
};

struct MotionEdit {
    using Operation = std::variant<
        InsertElement<ExpressionClip>, RemoveElement<ExpressionClip>,
        ReplaceElement<ExpressionClip>, InsertElement<CaptureLayer>, RemoveElement<CaptureLayer>,
        ReplaceElement<CaptureLayer>, InsertElement<KeyframeCurve>, RemoveElement<KeyframeCurve>,
        ReplaceElement<KeyframeCurve>, InsertElement<LandmarkSculpt>, RemoveElement<LandmarkSculpt>,
        ReplaceElement<LandmarkSculpt>, InsertElement<VisemeOverride>,
        RemoveElement<VisemeOverride>, ReplaceElement<VisemeOverride>, SetKeyframe, RemoveKeyframe,
        MoveKeyframe, SetStrengths, SetVoiceSettings, SetIdleSettings, SetDuration, SetTranscript,
        EditGroup>;
    Operation operation;
};

// Applies `edit`; on success returns the edit that undoes it. BadInput (the document unchanged)
// for an element that is invalid (MotionValidation), missing, or already present.
Result<MotionEdit> applyEdit(MotionDocument& document, const MotionEdit& edit);

// What the edit does, for the Edit menu: "Add clip “smile”", "Move key on jawOpen".
std::string describeEdit(const MotionEdit& edit);

}  // namespace ps
