// Closed contours of MediaPipe's face mesh as ordered loops of vertex indices (the same loops
// connections.json lists as unordered edges): what a renderer needs to cut the mouth and the
// eyes out of the mesh and to ring the face with anchors. Constants; safe from any thread.
#pragma once

#include <array>

namespace ps::contour {

// The lips' inner edge, from the subject's right corner along the lower lip and back along the
// upper lip: the mouth opening.
constexpr std::array<int, 20> kInnerLips = {78,  95,  88,  178, 87,  14, 317, 402, 318, 324,
                                            308, 415, 310, 311, 312, 13, 82,  81,  80,  191};
// The lid margins, from the outer corner along the lower lid and back along the upper lid.
constexpr std::array<int, 16> kRightEye = {33,  7,   163, 144, 145, 153, 154, 155,
                                           133, 173, 157, 158, 159, 160, 161, 246};
constexpr std::array<int, 16> kLeftEye = {263, 249, 390, 373, 374, 380, 381, 382,
                                          362, 398, 384, 385, 386, 387, 388, 466};
// The face's outline, from the top of the forehead round the subject's left side, the chin,
// and back up the right side.
constexpr std::array<int, 36> kFaceOval = {
    10,  338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377,
    152, 148, 176, 149, 150, 136, 172, 58,  132, 93,  234, 127, 162, 21,  54,  103, 67,  109};

}  // namespace ps::contour
