// Anti-aliasing where the warped face folds over itself. Between two triangles that share an
// edge, one facing the camera and one turned over (the far cheek's silhouette as the head
// turns, the side of the nose), the remap jumps from one part of the photo to another, and the
// pixels along that edge show a staircase. Those pixels are blended with their neighbour across
// the edge by how much of each pixel the front triangle covers (geometric post-process
// anti-aliasing: the edge is known exactly, so no search for edges in the image is needed).
#pragma once

#include <array>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace ps {

// An edge two triangles share: its end points and the two triangles' indices.
struct SharedEdge {
    int a = 0, b = 0;
    int first = 0, second = 0;
};

// Every edge shared by exactly two of `triangles` (vertex indices), in a fixed order.
std::vector<SharedEdge> sharedEdges(const std::vector<std::array<int, 3>>& triangles);

// Blends the frame's pixels within half a pixel of each edge where one triangle is hidden
// (turned over) and the other is not, using the frame positions `points`. Writes only inside
// `clip`.
void smoothFoldEdges(const std::vector<SharedEdge>& edges,
                     const std::vector<std::array<int, 3>>& triangles,
                     const std::vector<char>& hidden, const std::vector<cv::Point2f>& points,
                     cv::Mat& frame, cv::Rect clip);

}  // namespace ps
