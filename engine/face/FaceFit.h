// A face fitted to one photo: the person's own shape (identity), the expression they wear in the
// photo, the head pose, and what those give in the photo's camera: 468 camera-space vertices and
// 468 landmarks in the photo's pixels (origin top-left). Plain value; copy it across threads.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

#include "face/Blendshapes.h"
#include "face/Camera.h"
#include "face/HeadPose.h"
#include "face/IdentityBasis.h"

namespace ps {

struct FaceFit {
    cv::Size image_size;
    HeadPose pose;
    IdentityCoefficients identity{};  // 0 is the canonical face
    BlendshapeWeights expression{};   // 0..1 each
    // Per-vertex offsets (cm, face-local axes) added with the identity: the person's own shape
    // where the identity's few smooth modes cannot follow it (a longer chin, a lopsided smile's
    // corner), read from a landmark network's 468 points (fitToFaceMesh). Empty when the fit came
    // from fewer points. Unlike vertex_offsets_cm it is part of the person: every pose and
    // expression of this face carries it.
    std::vector<glm::vec3> shape_detail_cm;
    // The centres of the irises the photo shows (the subject's right eye, then the left; cm,
    // face-local axes, so they turn with the head), from the Iris network; empty when not found.
    std::vector<glm::vec3> iris_centres_cm;
    // Per-vertex offsets (cm, face-local axes) added after the expression: landmark sculpts.
    // Empty for a photo's own fit.
    std::vector<glm::vec3> vertex_offsets_cm;
    std::vector<glm::vec3> vertices;     // 468, camera space (cm), from the values above
    std::vector<glm::vec2> landmarks2d;  // 468, pixels, the vertices through the camera
};

// The face-local mesh (cm) for an identity (with its shape detail, when given: 468 offsets) and
// an expression: neutral + identity + detail + expression. A blink of 1 shuts the eye and a full
// mouthClose meets the lips whatever the identity and the other shapes did to them.
std::vector<glm::vec3> faceLocalVertices(const IdentityCoefficients& identity,
                                         const BlendshapeWeights& expression,
                                         const std::vector<glm::vec3>& shape_detail_cm = {});

// Recomputes `vertices` and `landmarks2d` from the image size, pose, identity and expression.
void updateFaceFit(FaceFit& fit, const PerspectiveCamera& camera = {});

}  // namespace ps
