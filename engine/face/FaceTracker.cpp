#include "face/FaceTracker.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>

#include "face/FaceCrop.h"
#include "face/FaceMesh.h"
#include "face/FaceMeshFit.h"
#include "face/IrisLids.h"

namespace ps {

namespace {

constexpr int kThumbnailSide = 32;
// The mesh's extent, the unit the smoothing and the jump test measure in.
float faceSize(const FaceCrop& crop) {
    return crop.side_px / kFaceCropScale;
}

float squaredDistance(const cv::Point2f& a, const cv::Point2f& b) {
    const cv::Point2f d = a - b;
    return d.x * d.x + d.y * d.y;
}

}  // namespace

FaceTracker::FaceTracker(const FaceNetworks& networks, FaceTrackerSettings settings)
    : networks_(networks), settings_(settings) {
    filters_.assign(size_t(kFaceVertexCount) * 3, OneEuroFilter(settings_.smoothing));
}

bool FaceTracker::isCut(const cv::Mat& bgr) {
    cv::Mat grey, thumbnail;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, thumbnail, cv::Size(kThumbnailSide, kThumbnailSide), 0, 0, cv::INTER_AREA);
    const bool cut = !last_thumbnail_.empty() &&
                     cv::norm(thumbnail, last_thumbnail_, cv::NORM_L1) / thumbnail.total() >
                         double(settings_.cut_thumbnail_levels);
    last_thumbnail_ = thumbnail;
    return cut;
}

std::optional<FaceLandmarks> FaceTracker::follow(const cv::Mat& bgr, bool* jumped) const {
    const FaceCrop crop = faceCropFromMesh(last_mesh_);
    Result<FaceLandmarks> mesh = networks_.landmarker.landmarks(bgr, crop, 1);
    if (!mesh || mesh->confidence < settings_.min_confidence) {
        return std::nullopt;
    }
    // The crop the next frame would look at, compared with this one's: both are the mesh's
    // extent, so a jump in either is the face's.
    const FaceCrop next = faceCropFromMesh(mesh->points);
    const float size = faceSize(crop);
    const float moved = std::sqrt(squaredDistance(next.centre, crop.centre)) / size;
    const float grown = faceSize(next) / size;
    const float limit = 1.0f + settings_.max_jump;
    if (moved > settings_.max_jump || grown > limit || grown < 1.0f / limit) {
        *jumped = true;
        return std::nullopt;
    }
    return std::move(mesh).value();
}

Result<std::optional<FaceLandmarks>> FaceTracker::detect(const cv::Mat& bgr) {
    const std::vector<BlazeFaceDetection> faces = networks_.detector.detect(bgr);
    if (faces.empty()) {
        return std::optional<FaceLandmarks>();
    }
    size_t pick = 0;
    if (!chosen_) {
        if (size_t(settings_.face_index) >= faces.size()) {
            return Error{ErrorKind::NoFace,
                         "face " + std::to_string(settings_.face_index) +
                             " was asked for, but the first frame with faces shows " +
                             std::to_string(faces.size()) + " (numbered from 0, largest first)"};
        }
        pick = size_t(settings_.face_index);
        chosen_ = true;
    } else if (last_centre_) {
        float best = std::numeric_limits<float>::max();
        for (size_t i = 0; i < faces.size(); ++i) {
            const cv::Rect2f& box = faces[i].box;
            const cv::Point2f centre(box.x + 0.5f * box.width, box.y + 0.5f * box.height);
            const float d = squaredDistance(centre, *last_centre_);
            if (d < best) {
                best = d;
                pick = i;
            }
        }
    }
    const BlazeFaceDetection& face = faces[pick];
    // Remembered even if its mesh is refused below, so the next look takes the same face.
    last_centre_ =
        cv::Point2f(face.box.x + 0.5f * face.box.width, face.box.y + 0.5f * face.box.height);
    const FaceCrop crop = faceCropFromDetection(face.box, face.point(BlazeFacePoint::RightEye),
                                                face.point(BlazeFacePoint::LeftEye));
    Result<FaceLandmarks> mesh = networks_.landmarker.landmarks(bgr, crop, 2);
    if (!mesh) {
        return mesh.error();
    }
    if (mesh->confidence < settings_.min_confidence) {
        return std::optional<FaceLandmarks>();
    }
    return std::optional<FaceLandmarks>(std::move(mesh).value());
}

std::vector<glm::vec3> FaceTracker::smoothed(const std::vector<glm::vec3>& points, double time_s,
                                             float face_size_px) {
    if (!settings_.smooth) {
        return points;
    }
    const double speed_scale = face_size_px > 0.0f ? 1.0 / double(face_size_px) : 1.0;
    std::vector<glm::vec3> out(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        for (int axis = 0; axis < 3; ++axis) {
            out[i][axis] = float(filters_[i * 3 + size_t(axis)].filter(double(points[i][axis]),
                                                                       time_s, speed_scale));
        }
    }
    return out;
}

Result<TrackedFace> FaceTracker::track(const cv::Mat& bgr, double time_s) {
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        return Error{ErrorKind::BadInput, "the face tracker needs a colour (BGR) frame"};
    }
    TrackedFace out;
    out.time_s = time_s;
    out.cut = isCut(bgr);

    std::optional<FaceLandmarks> mesh;
    if (!last_mesh_.empty() && !out.cut) {
        bool jumped = false;
        mesh = follow(bgr, &jumped);
        out.cut = jumped;
        out.found = mesh ? FaceFound::Tracked : FaceFound::None;
    }
    if (!mesh) {
        Result<std::optional<FaceLandmarks>> detected = detect(bgr);
        if (!detected) {
            return detected.error();
        }
        mesh = std::move(*detected);
        out.found = mesh ? FaceFound::Detected : FaceFound::None;
    }
    if (!mesh) {
        // Lost: the next face found starts its smoothing afresh.
        last_mesh_.clear();
        return out;
    }

    last_mesh_ = mesh->points;
    const FaceCrop extent = faceCropFromMesh(mesh->points);
    last_centre_ = extent.centre;
    if (out.found == FaceFound::Detected) {
        for (OneEuroFilter& filter : filters_) {
            filter.reset();
        }
    }
    out.landmarks = *mesh;
    out.landmarks.points = smoothed(mesh->points, time_s, faceSize(extent));

    // Every frame is fitted as a photo is (fitToFaceMesh), shape included: the same priors and
    // shape detail, so a tracked frame and a still of it give the same face, and the shape's
    // frame-to-frame wobble is what the landmark smoothing removes.
    // The lids from the Iris network, which follows them to the close where Face Mesh does
    // not (IrisLids.h), unsmoothed: a blink lasts a few frames. Its irises give the gaze.
    Result<IrisLandmarks> irises = networks_.iris.irises(bgr, out.landmarks.points);
    if (irises) {
        placeIrisLids(out.landmarks.points, *irises);
        out.irises = *irises;
    }
    Result<FaceFit> fit =
        fitToFaceMesh(out.landmarks, bgr.size(), out.irises ? &*out.irises : nullptr);
    if (!fit) {
        return fit.error();
    }
    out.fit = std::move(fit).value();
    return out;
}

}  // namespace ps
