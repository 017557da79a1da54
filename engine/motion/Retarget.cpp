#include "motion/Retarget.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include "face/HeadPose.h"

#include "motion/ApplyFaceState.h"

namespace ps {

namespace {

float weight(const FaceState& state, Blendshape shape) {
    return state.weights[size_t(shape)];
}

}  // namespace

// Each term is on a 0..1-ish scale.
float restCost(const FaceState& state) {
    const float mouth = weight(state, Blendshape::JawOpen) +
                        0.5f * (weight(state, Blendshape::MouthLowerDownLeft) +
                                weight(state, Blendshape::MouthLowerDownRight) +
                                weight(state, Blendshape::MouthUpperUpLeft) +
                                weight(state, Blendshape::MouthUpperUpRight)) +
                        weight(state, Blendshape::MouthFunnel) +
                        weight(state, Blendshape::MouthPucker);
    const float eyes =
        weight(state, Blendshape::EyeBlinkLeft) + weight(state, Blendshape::EyeBlinkRight);
    // A smile or a frown held as rest would be taken off every other frame.
    const float corners =
        0.5f *
        (weight(state, Blendshape::MouthSmileLeft) + weight(state, Blendshape::MouthSmileRight) +
         weight(state, Blendshape::MouthFrownLeft) + weight(state, Blendshape::MouthFrownRight));
    const float turn = (std::abs(state.head_deg.x) + std::abs(state.head_deg.y)) / 30.0f;
    float rest = 0.0f;
    for (float w : state.weights) {
        rest += w;
    }
    return 2.0f * mouth + eyes + corners + turn + 0.05f * rest;
}

std::optional<size_t> findRestFrame(const Performance& performance) {
    std::optional<size_t> best;
    float lowest = 0.0f;
    const std::vector<FaceState>& frames = performance.track.frames;
    for (size_t k = 0; k < frames.size(); ++k) {
        if (!performance.hasFace(k)) {
            continue;
        }
        const float cost = restCost(frames[k]);
        if (!best || cost < lowest) {
            best = k;
            lowest = cost;
        }
    }
    return best;
}

FaceTrack retargetPerformance(const Performance& performance,
                              const BlendshapeWeights& portrait_expression,
                              const RetargetSettings& settings) {
    const std::vector<FaceState>& frames = performance.track.frames;
    FaceTrack out;
    out.fps = performance.track.fps;
    const std::optional<size_t> rest =
        settings.rest_frame ? settings.rest_frame : findRestFrame(performance);
    if (!rest || *rest >= frames.size() || !performance.hasFace(*rest)) {
        return out;
    }
    const FaceState& neutral = frames[*rest];

    // The mean pose over the frames with a face, as rotations (a quaternion average, each
    // taken on the mean's side): Euler angles cannot be subtracted when the actor is seen from
    // above or below, where a turn about the tilted neck reads as yaw and roll together.
    glm::quat sum(0.0f, 0.0f, 0.0f, 0.0f);
    for (size_t k = 0; k < frames.size(); ++k) {
        if (performance.hasFace(k)) {
            const glm::quat q = rotationFromEulerDeg(frames[k].head_deg);
            sum += glm::dot(sum, q) < 0.0f ? -q : q;
        }
    }
    const glm::quat mean_inverse = glm::inverse(glm::normalize(sum));

    out.frames.reserve(frames.size());
    for (const FaceState& frame : frames) {
        FaceState state;
        for (int i = 0; i < kBlendshapeCount; ++i) {
            const float delta =
                settings.expression_scale * (frame.weights[size_t(i)] - neutral.weights[size_t(i)]);
            const float own =
                isSpeechShape(static_cast<Blendshape>(i)) ? portrait_expression[size_t(i)] : 0.0f;
            state.weights[size_t(i)] = std::clamp(own + delta, 0.0f, 1.0f);
        }
        // The actor's rotation in their own head's frame, away from the mean: what the
        // portrait's head adds to its photo's pose (applyFaceState: pose * turn).
        const glm::quat turn = mean_inverse * rotationFromEulerDeg(frame.head_deg);
        state.head_deg = settings.head_scale * glm::degrees(glm::eulerAngles(turn));
        state.left_eye_deg = frame.left_eye_deg;
        state.right_eye_deg = frame.right_eye_deg;
        state.speech = 1.0f;  // the performer's mouth, not the photo's, wherever it is taken
        out.frames.push_back(std::move(state));
    }
    return out;
}

}  // namespace ps
