// The face over time, one state per video frame: what the voice pipeline produces, what the
// renderer and the Live Link Face export read. The editable motion document (MotionDocument)
// evaluates into the same FaceState.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <vector>

#include "face/Blendshapes.h"

namespace ps {

struct FaceState {
    BlendshapeWeights weights{};  // ARKit's 52, each 0..1
    // Head rotation in degrees as pitch (x), yaw (y), roll (z), relative to the photo's own pose:
    // (0, 0, 0) is the head as the photo shows it.
    glm::vec3 head_deg{0.0f};
    // Each eye's gaze in degrees, yaw (x) and pitch (y), relative to looking straight ahead.
    glm::vec2 left_eye_deg{0.0f}, right_eye_deg{0.0f};
    // How much the person is speaking (0..1): the mouth belongs to the voice while they speak
    // and returns to the photo's own expression between phrases (see applyFaceState).
    float speech = 0.0f;
    // Additions to the speech shapes made after the voice and the photo are mixed: an expression
    // clip's or a curve's open jaw opens the photo's own mouth in silence too. Zero in the voice's
    // own track.
    BlendshapeWeights added{};
    // Landmark sculpts' displacement of each of the 468 vertices (cm, face-local axes, applied
    // after the expression); empty when nothing is sculpted, which is almost always.
    std::vector<glm::vec3> vertex_offsets_cm;
};

struct FaceTrack {
    double fps = 25.0;
    std::vector<FaceState> frames;  // frame k at t = k / fps

    double duration_s() const { return fps > 0.0 ? double(frames.size()) / fps : 0.0; }
};

}  // namespace ps
