// Finds faces in a photo with MediaPipe's BlazeFace (the 256x256 "back camera" model,
// resources/models/blazeface.json), run through ps::nn::GraphModel. Besides the whole photo it
// searches finer tiles of large photos, so faces from about 40 pixels across are found in a
// 12 MP photo, and copies turned by ±30°, so faces rolled up to about ±45° are found.
#pragma once

#include <array>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "face/BlazeFaceAnchors.h"
#include "face/BlazeFaceDecoder.h"
#include "runtime/Result.h"

namespace ps {

namespace nn {
class GraphModel;
}

struct BlazeFaceDetection {
    // The face's square in photo pixels. For a face found in a turned copy it is the upright
    // square of the face's size about its centre (as DetectedFace::box); turn it by roll_deg.
    cv::Rect2f box;
    float score = 0.0f;  // the model's confidence, 0..1
    // Photo pixels, in BlazeFacePoint's order (subject's right eye first).
    std::array<cv::Point2f, kBlazeFacePointCount> points;
    // The angle of the line from the subject's right eye (image left) to the left eye, in
    // degrees, positive when the face is turned clockwise on screen (DetectedFace::roll_deg).
    float roll_deg = 0.0f;

    const cv::Point2f& point(BlazeFacePoint p) const { return points[size_t(p)]; }
};

// What a search looks for: every face (the default), or only the largest, which skips the finer
// tiles of a large photo once a coarser look has found a face (a 12 MP photo's fit).
enum class FaceSearch { AllFaces, LargestFace };

// Holds the loaded network (immutable, shared by copies). detect() is const and safe to call
// from several threads at once.
class BlazeFaceDetector {
public:
    using Detection = BlazeFaceDetection;

    // Loads the graph model once. ErrorKind::BadInput naming the file when it cannot be loaded.
    static Result<BlazeFaceDetector> create(const std::string& model_json_path);

    // All faces in an 8-bit photo (BGR, grey or BGRA), largest first; empty when there is none
    // or the image is empty or not 8-bit. With FaceSearch::LargestFace the first is the same
    // face, and smaller ones may be missing.
    std::vector<Detection> detect(const cv::Mat& photo_bgr,
                                  FaceSearch what = FaceSearch::AllFaces) const;

private:
    explicit BlazeFaceDetector(std::shared_ptr<const nn::GraphModel> model);
    // One run of the network on a 256x256 BGR input; faces in input pixels.
    std::vector<BlazeFaceBox> run(const cv::Mat& input_bgr, float min_score) const;
    // One look at the photo: scaled by `scale` and turned by angle_deg (counter-clockwise on
    // screen), in tiles overlapping by overlap_px when it is larger than the input.
    struct Pass {
        double scale = 1.0;
        float angle_deg = 0.0f;
        int overlap_px = 0;
        float min_score = 0.5f;
    };
    // Adds the faces one pass finds, in photo pixels.
    void search(const cv::Mat& photo, const Pass& pass, std::vector<BlazeFaceBox>* found) const;
    // The face looked at again in a view of its own (centred, upright, at the size the model's
    // key points are best); nothing when that view does not confirm it.
    std::optional<BlazeFaceBox> refine(const cv::Mat& photo, const BlazeFaceBox& face) const;

    std::shared_ptr<const nn::GraphModel> model_;
};

}  // namespace ps
