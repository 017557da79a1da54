// Finds faces in a photo with OpenCV's Haar cascades, the first stage of fitting a face to a
// photo. The cascades are compiled into the engine (resources/haarcascades/README.md), so no data
// folder or working directory is needed.
#pragma once

#include <opencv2/core.hpp>
#include <opencv2/objdetect.hpp>
#include <optional>
#include <vector>

#include "runtime/Result.h"

namespace ps {

// Which search found a face.
enum class FaceCascade {
    Invalid = 0,
    Frontal,          // haarcascade_frontalface_alt2, on the photo or a rotated copy
    Profile,          // haarcascade_profileface on the photo as it is
    ProfileMirrored,  // haarcascade_profileface on the mirrored photo: a face turned the other way
};

// Eye centres in photo pixels. Left and right are the subject's (DESIGN.md), so the subject's
// right eye is the one on the image's left.
struct EyeCentres {
    cv::Point2f right;
    cv::Point2f left;
};

struct DetectedFace {
    // The face's own square in photo pixels, centred on the face. For a rolled face this is the
    // upright square of the face's size; turn it by roll_deg about its centre to lie on the face.
    cv::Rect2f box;
    // In-plane roll: the angle of the line from the image-left eye to the image-right eye, in
    // degrees, positive when the face is turned clockwise on screen (its image-right eye lower).
    // From the eye line when eyes were found, else from the rotations that found the face.
    float roll_deg = 0.0f;
    std::optional<EyeCentres> eyes;  // both eyes or none
    // The cascade's neighbour count for the strongest detection merged into this face: how many
    // overlapping windows agreed. Higher is surer; below FaceDetectorOptions::min_neighbours it
    // would not have been reported.
    int neighbours = 0;
    int passes = 0;  // how many detections, across searches (cascade x rotation), merged here
    FaceCascade cascade = FaceCascade::Invalid;  // the search behind the strongest detection
};

struct FaceDetectorOptions {
    // The smallest face searched for, in photo pixels. In a small photo it is lowered to a fifth
    // of the shorter side (the only face of a 200-pixel photo is smaller than 80 pixels), but
    // never below the cascades' 20-pixel window in the working copy.
    int min_face_px = 80;
    // The search runs on a grey copy whose longer side is at most this, so a 12 MP photo costs
    // about what a 1 MP one does. Faces smaller than min_face_px may then be missed.
    int max_working_side_px = 1024;
    // The photo is also searched turned by these angles (degrees, about its centre) so that faces
    // rolled by up to about the largest angle plus 10 are found (±20° is tested). Two rotations
    // instead of four keep a 12 MP photo under a second on one core (portrait-studio bench fit).
    std::vector<float> rotations_deg = {0.0f, -15.0f, 15.0f};
    bool search_profiles = true;  // faces turned sideways, both ways; upright only
    bool find_eyes = true;
    int min_neighbours = 4;  // per search; higher gives fewer false faces and misses more
};

// Holds the loaded cascades: loading parses about 1.7 MB of XML, so load once and reuse.
// Not thread-safe: cv::CascadeClassifier keeps scratch state while it searches, so detectFaces is
// non-const, and each thread needs its own FaceDetector from create() (a copy shares the
// cascades' state with the original).
class FaceDetector {
public:
    static Result<FaceDetector> create();

    // All faces in an 8-bit photo (BGR, grey or BGRA), largest first; an empty list when there
    // is none. Errors only for an unusable image.
    Result<std::vector<DetectedFace>> detectFaces(const cv::Mat& photo,
                                                  const FaceDetectorOptions& options = {});

private:
    cv::CascadeClassifier frontal_;
    cv::CascadeClassifier profile_;
    cv::CascadeClassifier eye_;
};

// detectFaces with a detector loaded once per calling thread, for callers that find one photo
// at a time and keep no detector of their own.
Result<std::vector<DetectedFace>> detectFaces(const cv::Mat& photo,
                                              const FaceDetectorOptions& options = {});

}  // namespace ps
