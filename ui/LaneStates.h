// The timeline's lanes as switches: each of the document's layers can be muted (it stops acting
// on the face in the viewer and the export), soloed (only soloed lanes act) and locked (its
// elements cannot be selected or dragged). A session's view state, not part of the project
// file: like a mixer's mute, it is how the creator listens, not what they made.
#pragma once

#include <array>

#include "motion/MotionDocument.h"

namespace ps::ui {

enum class Lane {
    None = 0,
    Voice,        // the voice's mouth and head motion
    Idle,         // blinks and sway
    Expressions,  // expression clips
    Poses,        // pose clips
    Captures,     // Live Link Face recordings
    Curves,       // keyframe curves, all channels
    Sculpts,      // landmark sculpts
};
constexpr int kLaneCount = 8;  // including None

struct LaneFlags {
    bool muted = false;
    bool soloed = false;
    bool locked = false;
    bool operator==(const LaneFlags& o) const {
        return muted == o.muted && soloed == o.soloed && locked == o.locked;
    }
    bool operator!=(const LaneFlags& o) const { return !(*this == o); }
};

class LaneStates {
public:
    LaneFlags flags(Lane lane) const { return flags_[size_t(lane)]; }
    void setFlags(Lane lane, LaneFlags flags) { flags_[size_t(lane)] = flags; }
    bool isLocked(Lane lane) const { return flags(lane).locked; }
    // Whether the lane acts on the face: not muted, and soloed when any lane is.
    bool isAudible(Lane lane) const;
    bool anySoloed() const;

    // `document` with the layers of lanes that do not act switched off (their elements
    // disabled): what the viewer and the export draw.
    ps::MotionDocument apply(const ps::MotionDocument& document) const;

private:
    std::array<LaneFlags, kLaneCount> flags_{};
};

// The lane an expression or pose clip sits in.
Lane laneOf(const ps::ExpressionClip& clip);

}  // namespace ps::ui
