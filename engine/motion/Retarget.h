// A tracked performance (a driving video's per-frame head pose and 52 blendshapes, as `track`
// reads them) turned into motion for another face, the way a puppeteer's rig takes an actor:
//   - expressions are deltas from the performer's own neutral, a rest frame found in the take
//     (lips together, eyes open, facing the camera) or chosen by the user, so the actor's
//     resting face, whatever the fit reads in it, drives nothing;
//   - the deltas land on the portrait's own expression: the shapes the voice owns (jaw, lips)
//     are written as the portrait's value plus the delta, because a capture replaces them
//     (a smiling photo driven by a neutral actor keeps its smile at rest); the others are
//     written as the delta alone, because the renderer adds them to the photo's own;
//   - the head turns by the performer's rotation relative to the performer's mean pose, times a
//     user factor, so an actor who sat a little turned does not turn the portrait;
//   - the gaze is the performer's, as the track has it.
#pragma once

#include <optional>
#include <vector>

#include "face/Blendshapes.h"
#include "motion/FaceTrack.h"

namespace ps {

struct RetargetSettings {
    std::optional<size_t> rest_frame;  // the performer's neutral; nothing: found (findRestFrame)
    float head_scale = 1.0f;           // 0 keeps the portrait's head still, 1 follows the actor
    float expression_scale = 1.0f;     // how much of the performer's expression deltas
};

// The performance: frames at `track.fps` with absolute head angles (the camera's frame, as
// FaceTracker fits them), and which frames show the face at all. `found` is empty when every
// frame does, else one flag per frame; frames without the face take no part in the rest frame
// or the mean pose.
struct Performance {
    FaceTrack track;
    std::vector<bool> found;

    bool hasFace(size_t frame) const {
        return found.empty() || (frame < found.size() && found[frame]);
    }
};

// How far a frame is from rest, lower nearer: the jaw and lips open count most (a rest with the
// lips apart would open every closed mouth), then closed eyes and the mouth's corners raised or
// lowered (a smile), then the head's turn from the camera's axis (30° counts as a closed eye),
// then all other expression a little.
float restCost(const FaceState& state);

// The frame that looks most like the performer at rest: the least open jaw and lips, the most
// open eyes, the head nearest the camera's axis and the least expression otherwise. Nothing
// when no frame shows the face.
std::optional<size_t> findRestFrame(const Performance& performance);

// The performance as motion for a portrait whose own fitted expression is
// `portrait_expression`: head angles relative to the portrait's pose, as a FaceState's are.
// An empty track when no frame shows the face or the rest frame is out of range.
FaceTrack retargetPerformance(const Performance& performance,
                              const BlendshapeWeights& portrait_expression,
                              const RetargetSettings& settings = {});

}  // namespace ps
