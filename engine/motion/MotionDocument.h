// How this face moves over time: the one model the timeline, the inspector, the 3D editor and
// every renderer read. Layers are applied in this order (motion/MotionEvaluator):
//
//   1. the audio base: the voice model's mouth and the voice's head motion (a derived track,
//      regenerated when the audio or these settings change; motion/MotionSources);
//   1b. viseme overrides: a mouth shape placed over the voice's (motion/Viseme), later ones
//      over earlier ones, eased in and out over 40 ms;
//   2. procedural idle motion: blinks and a slow sway (derived too, from the idle settings);
//   3. expression clips: templates placed on the timeline with intensity and fades;
//   4. captures: imported Live Link Face recordings;
//   5. keyframe curves on any channel, adding or overriding;
//   6. landmark sculpts: vertex offsets with soft falloff, keyed in time;
//   with the global strengths scaling the layers they name.
//
// A plain value: copy it to hand a snapshot to another thread. Every element a person edits has
// an id unique within the document, so an undo finds it again after other edits moved it.
#pragma once

#include <cstdint>
#include <glm/vec3.hpp>
#include <string>
#include <vector>

#include "motion/CaptureRegion.h"
#include "motion/ExpressionTemplate.h"
#include "motion/FaceTrack.h"
#include "motion/KeyframeCurve.h"
#include "motion/Viseme.h"

namespace ps {

using ElementId = uint64_t;  // 0 is "none"

// The voice's own motion (layer 1). Regenerating it runs the voice model.
struct VoiceLayerSettings {
    bool enabled = true;
    std::string model_path;    // empty: the built-in model
    float nods = 1.0f;         // nods on stressed syllables
    float head_follow = 1.0f;  // head movement following the voice's loudness
    uint64_t seed = 0;
    bool operator==(const VoiceLayerSettings&) const;
    bool operator!=(const VoiceLayerSettings& other) const { return !(*this == other); }
};

// Blinks and a slow idle sway (layer 2), present with or without a voice.
struct IdleLayerSettings {
    bool enabled = true;
    double blinks_per_min = 17.0;
    float sway = 1.0f;
    uint64_t seed = 0;
    bool operator==(const IdleLayerSettings&) const;
    bool operator!=(const IdleLayerSettings& other) const { return !(*this == other); }
};

// Layer 1b: a mouth shape held over [start_s, end_s), replacing the voice's mouth (and taking
// the mouth from the photo's own, as when speaking) wherever it covers.
struct VisemeOverride {
    ElementId id = 0;
    double start_s = 0.0;
    double end_s = 0.0;
    MouthShape shape = MouthShape::Closed;
    bool enabled = true;
};

// Layer 3: a template on the timeline.
struct ExpressionClip {
    ElementId id = 0;
    ExpressionTemplate expression;  // a copy, so the project keeps it if the preset changes
    double start_s = 0.0;
    double duration_s = 1.0;
    float intensity = 1.0f;
    double fade_in_s = 0.25;  // eased ramps inside the clip's span
    double fade_out_s = 0.25;
    bool enabled = true;
};

// Layer 4: a recorded face (a Live Link Face CSV, or a driving video retargeted to the
// portrait) placed from start_s.
struct CaptureLayer {
    ElementId id = 0;
    std::string name;  // the file it came from, for the timeline's label
    FaceTrack track;
    double start_s = 0.0;
    BlendMode blend = BlendMode::Override;
    float strength = 1.0f;
    bool enabled = true;
    // The channels it drives; the others are left to the layers beneath (the voice's mouth
    // under an upper-face capture).
    CaptureRegion regions = CaptureRegion::All;
};

// Layer 5: keys on one channel. An additive curve holds its end values beyond its keys; an
// overriding one acts only between its first and last key, so the layers beneath show again
// outside them.
struct KeyframeCurve {
    ElementId id = 0;
    int channel = 0;  // a MotionChannel index
    BlendMode blend = BlendMode::Add;
    std::vector<Keyframe> keys;
    bool enabled = true;
};

// Layer 6: a region of the face pushed by `offset_cm` (face-local axes: x to the subject's
// left, y up, z out of the face), fully at `center_vertex` and fading smoothly to nothing at
// `radius_cm` from it on the neutral mesh; `strength` keys it in time (no keys: always 1).
struct LandmarkSculpt {
    ElementId id = 0;
    int center_vertex = 0;  // 0..467
    float radius_cm = 1.0f;
    glm::vec3 offset_cm{0.0f};
    std::vector<Keyframe> strength;
    bool enabled = true;
};

// Scale whole layers at once.
struct MotionStrengths {
    float lips = 1.0f;         // the voice's mouth movement
    float expressions = 1.0f;  // expression clips
    float head = 1.0f;         // head motion of the voice, idle and pose clips
    float blink_rate = 1.0f;   // times the idle layer's blinks per minute
    bool operator==(const MotionStrengths&) const;
    bool operator!=(const MotionStrengths& other) const { return !(*this == other); }
};

struct MotionDocument {
    double duration_s = 0.0;  // the audio's length when there is audio
    VoiceLayerSettings voice;
    IdleLayerSettings idle;
    std::vector<VisemeOverride> visemes;  // layer 1b, over the voice
    std::string transcript;               // what is said, typed by the user; labels the viseme lane
    std::vector<ExpressionClip> clips;    // later clips apply over earlier ones
    std::vector<CaptureLayer> captures;
    std::vector<KeyframeCurve> curves;
    std::vector<LandmarkSculpt> sculpts;
    MotionStrengths strengths;
    ElementId next_id = 1;

    ElementId newId() { return next_id++; }
};

}  // namespace ps
