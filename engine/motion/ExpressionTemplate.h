// An expression template (smile, surprise, wink: VideoReTalking's emotion templates) or a pose
// preset (nod, shake, tilt, still): channel curves in the template's own time, placed on the
// timeline as a clip. An expression is usually constant (one key per channel); a pose is a short
// movement that may repeat over the clip (a nod every second).
//
// Stored as JSON a person can read and edit (presets/expressions/*.json, presets/poses/*.json):
//
//   {"format": "portrait-studio template", "version": 1, "name": "smile",
//    "kind": "expression", "description": "A warm closed-mouth smile.", "blend": "add",
//    "repeat": false, "duration_s": 0,
//    "channels": {"mouthSmileLeft": 0.7, "cheekSquintLeft": 0.3,
//                 "headPitch": [{"t": 0, "value": 0}, {"t": 0.3, "value": 6, "interp": "ease"}]}}
//
// A channel is a number (held throughout) or a list of keys; a key's "interp" is linear, ease,
// bezier (with "out": [x, dy] and "in": [x, dy] handles) or step.
#pragma once

#include <string>
#include <vector>

#include "motion/KeyframeCurve.h"
#include "runtime/Result.h"

namespace ps {

enum class TemplateKind {
    Expression = 1,
    Pose,
};

struct TemplateChannel {
    int channel = 0;  // a MotionChannel index
    std::vector<Keyframe> keys;
};

struct ExpressionTemplate {
    std::string name;  // unique within its kind; the file's stem
    TemplateKind kind = TemplateKind::Expression;
    std::string description;
    BlendMode blend = BlendMode::Add;  // "neutral" and "still" override
    // The length of one pass of the movement (0 for a constant expression). A clip longer than
    // this repeats the movement when `repeat` is set and otherwise holds its end.
    double duration_s = 0.0;
    bool repeat = false;
    std::vector<TemplateChannel> channels;
};

// Where in its own time a template is, `local_t_s` into its clip: wrapped into one pass when it
// repeats, else as given (its keys hold their end).
double templateTime(const ExpressionTemplate& expression, double local_t_s);

// The template's channel values at `local_t_s` seconds into a clip, added into `values` times
// `weight` (Add) or blended over them by `weight` (Override). `values` has kMotionChannelCount
// entries; only the template's channels are touched.
void applyTemplate(const ExpressionTemplate& expression, double local_t_s, float weight,
                   float* values);

// BadInput naming `source` (a path or "template") for anything a person could get wrong:
// invalid JSON, a missing or mistyped field, an unknown channel or interpolation, keys out of
// order, a newer format version.
Result<ExpressionTemplate> templateFromJson(const std::string& text, const std::string& source);
std::string templateToJson(const ExpressionTemplate& expression);

Result<ExpressionTemplate> readTemplate(const std::string& path);
// Atomic write (runtime/AtomicFile).
Status writeTemplate(const ExpressionTemplate& expression, const std::string& path);

}  // namespace ps
