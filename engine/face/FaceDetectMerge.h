// Merges the detections of several searches (cascades, rotations) of one photo into one face
// each: non-max suppression that also averages what the agreeing detections say.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "face/FaceDetector.h"

namespace ps {

// One window a cascade accepted, already mapped back into photo pixels.
struct FaceCandidate {
    cv::Point2f centre;
    float size = 0.0f;          // side of the face's square
    float rotation_deg = 0.0f;  // the roll of the search that found it (DetectedFace::roll_deg)
    int neighbours = 0;
    FaceCascade cascade = FaceCascade::Invalid;
};

// Groups candidates that cover the same face and returns one face per group, largest first.
// The strongest candidate (most neighbours, frontal before profile) founds each group; the box
// and roll are the neighbour-weighted means of the group, so a face seen by the +10 and +20
// searches gets a roll near 15.
std::vector<DetectedFace> mergeFaceCandidates(std::vector<FaceCandidate> candidates);

}  // namespace ps
