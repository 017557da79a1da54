// Head rotation that goes with a voice: small nods on stressed syllables, more movement on loud
// passages than on quiet ones, a slow settle to rest when the voice stops, and a slow idle sway
// throughout. Driven by Prosody alone (no network), deterministic for a seed.
//
// The rotations are offsets from the photo's own pose, in HeadPose's convention: x pitch,
// y yaw, z roll in degrees; positive pitch turns the nose down, so a nod is a positive bump.
#pragma once

#include <cstdint>
#include <glm/vec3.hpp>
#include <vector>

#include "runtime/Result.h"
#include "voice/Prosody.h"

namespace ps {

// The fastest any axis turns at overall intensity 1 (scaled with it): a safety bound on top of
// motion that is smooth by construction, so no input can make the head jump between frames.
constexpr float kMaxHeadSpeed_deg_per_s = 60.0f;
// At overall intensity 1 no axis goes beyond this (approached softly, never reached).
constexpr float kMaxHeadAngle_deg = 12.0f;

struct HeadMotionSettings {
    float overall = 1.0f;  // scales everything, including the bounds above; 0 holds the head still
    float nods = 1.0f;     // nods on stressed syllables
    float speech = 1.0f;   // movement following the voice's loudness
    float sway = 1.0f;     // slow idle sway, in silence as in speech
    uint64_t seed = 0;
};

struct HeadMotion {
    double fps = 0.0;                     // frame k shows t = k / fps
    std::vector<glm::vec3> rotation_deg;  // one per video frame
};

// `frame_count` video frames at `fps`; frames past the end of the prosody are silence. BadInput
// for a non-positive fps or prosody frame rate, a negative count or negative intensities.
Result<HeadMotion> headMotionFromProsody(const Prosody& prosody, double fps, int64_t frame_count,
                                         const HeadMotionSettings& settings = {});

}  // namespace ps
