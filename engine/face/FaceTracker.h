// Follows one face through a video, frame by frame, on MediaPipe's networks as MediaPipe's own
// face-mesh graph does: the Face Mesh crop of each frame comes from the previous frame's mesh,
// and BlazeFace runs only to find the face in the first place, when the face is lost (the mesh
// network's face score drops below min_confidence) and after a cut. Landmarks are smoothed with
// a One-Euro filter and the face model is fitted to them every frame as a photo is
// (fitToFaceMesh: pose, face shape and 52 blendshapes).
//
// A cut is either of two abrupt changes, each cheap to see and each a case where smoothing
// across the frame boundary would smear two different pictures together:
//   - the picture: a 32x32 grey thumbnail of the frame differs from the last one by more than
//     cut_thumbnail_levels on average (a change of shot, a flash to black);
//   - the mesh: it moved by more than max_jump of the face's size, or grew or shrank by more
//     than that ratio, in one frame (a cut to a similar shot, or motion too fast to follow).
// On a cut the face is detected again, the detection nearest the last known face is taken,
// and the smoothing starts afresh.
//
// One tracker per video; track() is called from one thread with the frames in order. The
// networks are shared and must outlive the tracker.
#pragma once

#include <opencv2/core/mat.hpp>
#include <optional>
#include <vector>

#include "face/FaceFit.h"
#include "face/FaceLandmarker.h"
#include "face/FaceNetworks.h"
#include "face/IrisLandmarker.h"
#include "face/OneEuroFilter.h"
#include "runtime/Result.h"

namespace ps {

// The landmarks' smoothing, speeds in face sizes (the mesh's extent) per second. A still face's
// jitter is cut by more than 3x, and a face moving a quarter of its size a second or faster is
// followed within a frame at 25 fps (tests/engine/TestOneEuroFilter.cpp); lower min_cutoff or
// beta smooth more and lag more.
constexpr OneEuroSettings kLandmarkSmoothing{0.3, 8.0, 1.0};

struct FaceTrackerSettings {
    // Which face to follow: its index among the detections of the first frame that has faces,
    // largest first.
    int face_index = 0;
    float min_confidence = 0.5f;         // Face Mesh's face score below which the face is lost
    float cut_thumbnail_levels = 20.0f;  // grey levels (0..255), mean over a 32x32 thumbnail
    float max_jump = 0.5f;               // of the face's size, per frame
    bool smooth = true;
    OneEuroSettings smoothing = kLandmarkSmoothing;
};

// How a frame's face was found. None: no face in the frame (no landmarks, no fit).
enum class FaceFound { None = 0, Tracked, Detected };

struct TrackedFace {
    double time_s = 0.0;
    FaceFound found = FaceFound::None;
    bool cut = false;  // a cut was seen at this frame: the face was looked for afresh
    // The smoothed landmarks the fit followed (photo pixels) with the network's face score and
    // the crop it looked at; empty points when no face was found.
    FaceLandmarks landmarks;
    std::optional<IrisLandmarks> irises;  // the Iris network's lids and irises, when it ran
    std::optional<FaceFit> fit;  // pose and blendshapes; the photo's camera (63° vertical)
};

class FaceTracker {
public:
    explicit FaceTracker(const FaceNetworks& networks, FaceTrackerSettings settings = {});

    // The face in the next frame (CV_8UC3 BGR, every frame of one video the same size).
    // NoFace when the first frame with faces has fewer than face_index + 1 of them; BadInput
    // for an empty or non-BGR frame.
    Result<TrackedFace> track(const cv::Mat& bgr, double time_s);

    const FaceTrackerSettings& settings() const { return settings_; }

private:
    // The face found afresh: detection, the chosen detection's two-pass mesh.
    Result<std::optional<FaceLandmarks>> detect(const cv::Mat& bgr);
    // The mesh from the last frame's crop, or nothing when it lost the face or jumped.
    std::optional<FaceLandmarks> follow(const cv::Mat& bgr, bool* jumped) const;
    std::vector<glm::vec3> smoothed(const std::vector<glm::vec3>& points, double time_s,
                                    float face_size_px);
    bool isCut(const cv::Mat& bgr);

    const FaceNetworks& networks_;
    FaceTrackerSettings settings_;
    bool chosen_ = false;                     // the first frame with faces has been seen
    std::vector<glm::vec3> last_mesh_;        // the last frame's raw mesh; empty when lost
    std::optional<cv::Point2f> last_centre_;  // where the face was last seen, for re-detection
    std::vector<OneEuroFilter> filters_;      // x, y, z of each point
    cv::Mat last_thumbnail_;
};

}  // namespace ps
