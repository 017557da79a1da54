// Automatic fitting of the face model to a face in a photo, on MediaPipe's networks: BlazeFace
// finds the faces, Face Mesh places the 468 landmarks of the largest in a crop turned upright
// (two passes, the second re-centred on the first, then a mirrored look averaged in), Iris finds
// both irises, and the face model's pose, face shape, expression and iris centres are fitted to
// those points (fitToFaceMesh). What the command line's `fit`, the
// renderer's commands and the studio call; the one way a photo is fitted.
#pragma once

#include <opencv2/core/mat.hpp>
#include <optional>
#include <string>
#include <vector>

#include "face/BlazeFaceDetector.h"
#include "face/FaceFit.h"
#include "face/FaceLandmarker.h"
#include "face/IrisLandmarker.h"
#include "runtime/Result.h"

namespace ps {

struct PhotoFitReport {
    FaceFit fit;
    FaceLandmarks landmarks;  // the network's 468 points the fit followed, and its confidence
    std::optional<IrisLandmarks> irises;  // both eyes' lids and irises, when the network ran
};

struct LargestFaceFit {
    // The faces found, largest first; the fit is of faces[0]. Searched with
    // FaceSearch::LargestFace, so faces much smaller than the largest may be missing.
    std::vector<BlazeFaceDetection> faces;
    PhotoFitReport report;
};

// The face that `face` (a detection in the same photo) shows, fitted.
Result<PhotoFitReport> fitDetectedFace(const cv::Mat& bgr, const BlazeFaceDetection& face);

// Detects the faces in a photo and fits the largest. ErrorKind::NoFace, naming `photo_path`,
// when there is none (the caller then offers the five-point fit, fitFromFivePoints);
// ErrorKind::BadInput naming the network's file when the networks cannot be loaded.
Result<LargestFaceFit> fitLargestFace(const cv::Mat& bgr, const std::string& photo_path);

}  // namespace ps
