// Draws a face mesh as a flat-shaded grey surface into an image: enough to judge a shape by eye
// (contact sheets, debugging), not a renderer for output frames.
#pragma once

#include <glm/vec3.hpp>
#include <opencv2/core.hpp>
#include <vector>

#include "face/FaceMesh.h"

namespace ps {

struct ShadingView {
    float yaw_deg = 0.0f;    // turns the face about the vertical axis; positive turns it towards
                             // the subject's left (the image's right), showing its right cheek
    float pitch_deg = 0.0f;  // positive tips the chin towards the viewer
    glm::vec3 centre_cm{0.0f, -1.5f, 0.0f};  // the mesh point drawn at the image's centre
    float span_cm = 23.0f;                   // the mesh extent that fills the image's height
    cv::Scalar background{40, 40, 40};       // BGR
    cv::Scalar surface{200, 205, 215};       // BGR of skin lit head-on
    cv::Scalar eyes{70, 60, 55};             // BGR of the triangles spanning the eye openings
    cv::Scalar mouth{60, 50, 110};           // BGR of the triangles spanning the mouth
    cv::Scalar brows{70, 90, 110};           // BGR of the brows lit head-on
};

// Orthographic view, Lambert shading per triangle with a light from the upper front, triangles
// drawn back to front (painter's algorithm) with anti-aliased edges. `vertices` are `mesh`'s
// vertices moved (cm, the canonical frame). The mesh closes its eyes and mouth with triangles;
// those are drawn in the eye and mouth colours, and the brows in theirs, so that lids, lips
// and brows read as such. Returns an
// 8-bit BGR image of `size`.
cv::Mat shadeMesh(const std::vector<glm::vec3>& vertices, const FaceMesh& mesh, cv::Size size,
                  const ShadingView& view = {});

}  // namespace ps
