// The eyeball between the lids. The mesh warp would stretch whatever lies between the lid
// margins with them, so a blink would squash the iris into a smear; instead the opening shows
// the photo's eyeball carried rigidly with the eye's corners, and the lids, warped with the
// mesh, cover it as they close.
#pragma once

#include <glm/vec2.hpp>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace ps {

// Paints both eye openings of `target_landmarks` (468, frame pixels) into `frame`, reading the
// eyeball from `photo` through the similarity that takes the target's eye corners onto
// `source_landmarks`' corners; the openings' edges are anti-aliased over one pixel. Only pixels
// inside `clip` are written.
void drawEyeOpenings(const cv::Mat& photo, const std::vector<glm::vec2>& source_landmarks,
                     const std::vector<glm::vec2>& target_landmarks, cv::Mat& frame, cv::Rect clip);

}  // namespace ps
