// The pose image AniPortrait's renderer is conditioned on (draw_util.py, FaceMeshVisualizer with
// forehead_edge=False): a black canvas with the face oval minus its forehead arc, both eyes, both
// brows and the lips in eight segments, each in its own colour, lines 2 px wide; irises are not
// drawn. Pure functions of their inputs; safe from any thread.
#pragma once

#include <glm/vec2.hpp>
#include <opencv2/core/mat.hpp>
#include <string_view>
#include <vector>

#include "face/FaceMesh.h"
#include "runtime/Result.h"

namespace ps {

// One colour group of the pose image. Colours are OpenCV BGR, exactly the tuples AniPortrait
// passes to cv2.line on a canvas it later converts with COLOR_BGR2RGB.
struct PoseImageSegment {
    std::string_view name;
    cv::Scalar bgr;
    std::vector<MeshEdge> edges;
};

// The segments in AniPortrait's drawing order (later segments paint over earlier ones where
// they touch): oval, subject's left eye, left brow, right eye, right brow, then the lips.
const std::vector<PoseImageSegment>& poseImageSegments();

constexpr int kPoseImageCanvasPx = 512;
constexpr int kPoseImageLineWidthPx = 2;

// Draws the pose image for at least 468 landmarks given in pixels of an image of `image_size`.
// As AniPortrait does, the drawing happens on a 512x512 canvas (landmarks scaled to it, floored,
// and dropped with their edges when outside the image) and the canvas is then resized to
// `image_size`, so line widths scale with it. Returns CV_8UC3 BGR of `image_size`.
Result<cv::Mat> drawPoseImage(const std::vector<glm::vec2>& landmarks_px,
                              cv::Size image_size = {kPoseImageCanvasPx, kPoseImageCanvasPx});

}  // namespace ps
