#include "motion/MotionEdit.h"

#include <algorithm>
#include <cmath>

#include "motion/MotionChannel.h"
#include "motion/MotionValidation.h"

namespace ps {

namespace {

// Keys this close in time are the same key.
constexpr double kSameKey_s = 1e-6;

std::vector<ExpressionClip>& listOf(MotionDocument& d, const ExpressionClip*) {
    return d.clips;
}
std::vector<CaptureLayer>& listOf(MotionDocument& d, const CaptureLayer*) {
    return d.captures;
}
std::vector<KeyframeCurve>& listOf(MotionDocument& d, const KeyframeCurve*) {
    return d.curves;
}
std::vector<LandmarkSculpt>& listOf(MotionDocument& d, const LandmarkSculpt*) {
    return d.sculpts;
}
std::vector<VisemeOverride>& listOf(MotionDocument& d, const VisemeOverride*) {
    return d.visemes;
}

template <class Element>
std::vector<Element>& listOf(MotionDocument& document) {
    return listOf(document, static_cast<const Element*>(nullptr));
}

const char* nounOf(const ExpressionClip*) {
    return "clip";
}
const char* nounOf(const CaptureLayer*) {
    return "capture";
}
const char* nounOf(const KeyframeCurve*) {
    return "curve";
}
const char* nounOf(const LandmarkSculpt*) {
    return "sculpt";
}
const char* nounOf(const VisemeOverride*) {
    return "viseme";
}

template <class Element>
const char* nounOf() {
    return nounOf(static_cast<const Element*>(nullptr));
}

// Whether any element of any kind has this id: ids are unique across the whole document.
bool idInUse(const MotionDocument& document, ElementId id) {
    const auto has = [id](const auto& list) {
        return std::any_of(list.begin(), list.end(), [id](const auto& e) { return e.id == id; });
    };
    return has(document.clips) || has(document.captures) || has(document.curves) ||
           has(document.sculpts) || has(document.visemes);
}

template <class Element>
typename std::vector<Element>::iterator findElement(MotionDocument& document, ElementId id) {
    std::vector<Element>& list = listOf<Element>(document);
    return std::find_if(list.begin(), list.end(), [id](const Element& e) { return e.id == id; });
}

Error refused(const std::string& problem) {
    return Error{ErrorKind::BadInput, problem};
}

template <class Element>
Error notFound(ElementId id) {
    return refused(std::string("no ") + nounOf<Element>() + " with id " + std::to_string(id));
}

MotionEdit wrap(MotionEdit::Operation operation) {
    return MotionEdit{std::move(operation)};
}

class Applier {
public:
    explicit Applier(MotionDocument& document) : document_(document) {}

    template <class Element>
    Result<MotionEdit> operator()(const InsertElement<Element>& insert) {
        Element element = insert.element;
        if (const std::string problem = problemOf(element); !problem.empty()) {
            return refused(std::string("the ") + nounOf<Element>() + " is invalid: " + problem);
        }
        if (element.id != 0 && idInUse(document_, element.id)) {
            return refused("id " + std::to_string(element.id) + " is already in use");
        }
        if (element.id == 0) {
            element.id = document_.newId();
        } else {
            document_.next_id = std::max(document_.next_id, element.id + 1);
        }
        std::vector<Element>& list = listOf<Element>(document_);
        const size_t index = std::min(insert.index, list.size());
        const ElementId id = element.id;
        list.insert(list.begin() + std::ptrdiff_t(index), std::move(element));
        return wrap(RemoveElement<Element>{id});
    }

    template <class Element>
    Result<MotionEdit> operator()(const RemoveElement<Element>& remove) {
        const auto found = findElement<Element>(document_, remove.id);
        std::vector<Element>& list = listOf<Element>(document_);
        if (found == list.end()) {
            return notFound<Element>(remove.id);
        }
        InsertElement<Element> inverse{std::move(*found), size_t(found - list.begin())};
        list.erase(found);
        return wrap(std::move(inverse));
    }

    template <class Element>
    Result<MotionEdit> operator()(const ReplaceElement<Element>& replace) {
        if (const std::string problem = problemOf(replace.element); !problem.empty()) {
            return refused(std::string("the ") + nounOf<Element>() + " is invalid: " + problem);
        }
        const auto found = findElement<Element>(document_, replace.element.id);
        if (found == listOf<Element>(document_).end()) {
            return notFound<Element>(replace.element.id);
        }
        ReplaceElement<Element> inverse{std::move(*found)};
        *found = replace.element;
        return wrap(std::move(inverse));
    }

    Result<MotionEdit> operator()(const SetKeyframe& set) {
        const auto curve = findElement<KeyframeCurve>(document_, set.curve);
        if (curve == document_.curves.end()) {
            return notFound<KeyframeCurve>(set.curve);
        }
        std::vector<Keyframe> keys = curve->keys;
        const auto same = findKey(keys, set.key.t_s);
        MotionEdit inverse;
        if (same != keys.end()) {
            inverse = wrap(SetKeyframe{set.curve, *same});
            *same = set.key;
        } else {
            inverse = wrap(RemoveKeyframe{set.curve, set.key.t_s});
            const auto after = std::find_if(keys.begin(), keys.end(), [&](const Keyframe& key) {
                return key.t_s > set.key.t_s;
            });
            keys.insert(after, set.key);
        }
        if (!keysAreValid(keys)) {
            return refused(
                "the key is invalid (a number that is not finite, or a handle "
                "outside 0..1)");
        }
        curve->keys = std::move(keys);
        return inverse;
    }

    Result<MotionEdit> operator()(const RemoveKeyframe& remove) {
        const auto curve = findElement<KeyframeCurve>(document_, remove.curve);
        if (curve == document_.curves.end()) {
            return notFound<KeyframeCurve>(remove.curve);
        }
        const auto key = findKey(curve->keys, remove.t_s);
        if (key == curve->keys.end()) {
            return refused("no key at " + std::to_string(remove.t_s) + " s");
        }
        MotionEdit inverse = wrap(SetKeyframe{remove.curve, *key});
        curve->keys.erase(key);
        return inverse;
    }

    Result<MotionEdit> operator()(const MoveKeyframe& move) {
        const auto curve = findElement<KeyframeCurve>(document_, move.curve);
        if (curve == document_.curves.end()) {
            return notFound<KeyframeCurve>(move.curve);
        }
        std::vector<Keyframe> keys = curve->keys;
        const auto key = findKey(keys, move.from_t_s);
        if (key == keys.end()) {
            return refused("no key at " + std::to_string(move.from_t_s) + " s");
        }
        if (!std::isfinite(move.to_t_s)) {
            return refused("a key's time must be a number");
        }
        Keyframe moved = *key;
        keys.erase(key);
        if (findKey(keys, move.to_t_s) != keys.end()) {
            return refused("another key is already at " + std::to_string(move.to_t_s) + " s");
        }
        moved.t_s = move.to_t_s;
        keys.insert(std::find_if(keys.begin(), keys.end(),
                                 [&](const Keyframe& k) { return k.t_s > moved.t_s; }),
                    moved);
        curve->keys = std::move(keys);
        return wrap(MoveKeyframe{move.curve, move.to_t_s, move.from_t_s});
    }

    Result<MotionEdit> operator()(const SetStrengths& set) {
        return setValue(document_.strengths, set.strengths, problemWith(set.strengths));
    }
    Result<MotionEdit> operator()(const SetVoiceSettings& set) {
        return setValue(document_.voice, set.settings, problemWith(set.settings));
    }
    Result<MotionEdit> operator()(const SetIdleSettings& set) {
        return setValue(document_.idle, set.settings, problemWith(set.settings));
    }
    Result<MotionEdit> operator()(const SetDuration& set) {
        if (!(std::isfinite(set.duration_s) && set.duration_s >= 0.0)) {
            return refused("the duration must be 0 s or more");
        }
        SetDuration inverse{document_.duration_s};
        document_.duration_s = set.duration_s;
        return wrap(inverse);
    }

    Result<MotionEdit> operator()(const SetTranscript& set) {
        SetTranscript inverse{document_.transcript};
        document_.transcript = set.text;
        return wrap(std::move(inverse));
    }

    Result<MotionEdit> operator()(const EditGroup& group) {
        EditGroup inverse{group.label, {}};
        const ElementId next_id = document_.next_id;
        for (const MotionEdit& edit : group.edits) {
            Result<MotionEdit> undo = applyEdit(document_, edit);
            if (!undo.ok()) {
                // Back out what this group did, newest first; each inverse applies by
                // construction.
                for (auto it = inverse.edits.rbegin(); it != inverse.edits.rend(); ++it) {
                    (void)applyEdit(document_, *it);
                }
                // Nothing happened, so no id was used up either.
                document_.next_id = next_id;
                return undo.error();
            }
            inverse.edits.push_back(std::move(*undo));
        }
        std::reverse(inverse.edits.begin(), inverse.edits.end());
        return wrap(std::move(inverse));
    }

private:
    template <class Element>
    std::string problemOf(const Element& element) const {
        return problemWith(element);
    }
    // An override is checked against the document's duration too.
    std::string problemOf(const VisemeOverride& viseme) const {
        return problemWith(viseme, document_.duration_s);
    }

    static std::vector<Keyframe>::iterator findKey(std::vector<Keyframe>& keys, double t_s) {
        return std::find_if(keys.begin(), keys.end(), [t_s](const Keyframe& key) {
            return std::abs(key.t_s - t_s) <= kSameKey_s;
        });
    }

    template <class Value>
    Result<MotionEdit> setValue(Value& target, const Value& value, const std::string& problem) {
        if (!problem.empty()) {
            return refused(problem);
        }
        Value old = target;
        target = value;
        return wrap(wrapSetting(old));
    }

    static SetStrengths wrapSetting(const MotionStrengths& value) { return {value}; }
    static SetVoiceSettings wrapSetting(const VoiceLayerSettings& value) { return {value}; }
    static SetIdleSettings wrapSetting(const IdleLayerSettings& value) { return {value}; }

    MotionDocument& document_;
};

std::string quoted(const std::string& name) {
    return "\u201c" + name + "\u201d";
}

std::string elementName(const ExpressionClip& clip) {
    return std::string(" ") + quoted(clip.expression.name);
}
std::string elementName(const CaptureLayer& capture) {
    return capture.name.empty() ? std::string() : " " + quoted(capture.name);
}
std::string elementName(const KeyframeCurve& curve) {
    return " on " + std::string(motionChannelName(curve.channel));
}
std::string elementName(const LandmarkSculpt&) {
    return {};
}
std::string elementName(const VisemeOverride& viseme) {
    return std::string(" ") + quoted(mouthShapeKey(viseme.shape));
}

struct Describer {
    template <class Element>
    std::string operator()(const InsertElement<Element>& insert) const {
        return std::string("Add ") + nounOf<Element>() + elementName(insert.element);
    }
    template <class Element>
    std::string operator()(const RemoveElement<Element>&) const {
        return std::string("Remove ") + nounOf<Element>();
    }
    template <class Element>
    std::string operator()(const ReplaceElement<Element>& replace) const {
        return std::string("Change ") + nounOf<Element>() + elementName(replace.element);
    }
    std::string operator()(const SetKeyframe&) const { return "Set key"; }
    std::string operator()(const RemoveKeyframe&) const { return "Remove key"; }
    std::string operator()(const MoveKeyframe&) const { return "Move key"; }
    std::string operator()(const SetStrengths&) const { return "Change strengths"; }
    std::string operator()(const SetVoiceSettings&) const { return "Change voice motion"; }
    std::string operator()(const SetIdleSettings&) const { return "Change idle motion"; }
    std::string operator()(const SetDuration&) const { return "Change duration"; }
    std::string operator()(const SetTranscript&) const { return "Change transcript"; }
    std::string operator()(const EditGroup& group) const {
        if (!group.label.empty()) {
            return group.label;
        }
        return group.edits.size() == 1 ? describeEdit(group.edits.front()) : "Edit motion";
    }
};

}  // namespace

Result<MotionEdit> applyEdit(MotionDocument& document, const MotionEdit& edit) {
    Applier applier(document);
    return std::visit(applier, edit.operation);
}

std::string describeEdit(const MotionEdit& edit) {
    return std::visit(Describer{}, edit.operation);
}

}  // namespace ps
