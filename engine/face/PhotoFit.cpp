#include "face/PhotoFit.h"

#include "face/FaceCrop.h"
#include "face/FaceMeshFit.h"
#include "face/FaceNetworks.h"
#include "face/PhotoLandmarkRefinement.h"

namespace ps {

Result<PhotoFitReport> fitDetectedFace(const cv::Mat& bgr, const BlazeFaceDetection& face) {
    Result<const FaceNetworks*> networks = faceNetworks();
    if (!networks) {
        return networks.error();
    }
    const FaceCrop crop = faceCropFromDetection(face.box, face.point(BlazeFacePoint::RightEye),
                                                face.point(BlazeFacePoint::LeftEye));
    Result<FaceLandmarks> landmarks = (*networks)->landmarker.landmarks(bgr, crop, 2, true);
    if (!landmarks) {
        return landmarks.error();
    }
    // The irises from the network's own mesh (the crops follow its eye corners). A face whose
    // eyes the network cannot place is still fitted, looking ahead.
    Result<IrisLandmarks> irises = (*networks)->iris.irises(bgr, landmarks->points);
    // The fit follows the network's points where the photo's own edges agree, and the edges
    // where they say the network is off (PhotoLandmarkRefinement.h).
    const FaceLandmarks refined =
        applyLandmarkRefinement(*landmarks, findLandmarkRefinement(bgr, *landmarks));
    Result<FaceFit> fit = fitToFaceMesh(refined, bgr.size(), irises ? &irises.value() : nullptr);
    if (!fit) {
        return fit.error();
    }
    PhotoFitReport report{std::move(fit).value(), std::move(landmarks).value(), std::nullopt};
    if (irises) {
        report.irises = std::move(irises).value();
    }
    return report;
}

Result<LargestFaceFit> fitLargestFace(const cv::Mat& bgr, const std::string& photo_path) {
    Result<const FaceNetworks*> networks = faceNetworks();
    if (!networks) {
        return networks.error();
    }
    std::vector<BlazeFaceDetection> faces =
        (*networks)->detector.detect(bgr, FaceSearch::LargestFace);
    if (faces.empty()) {
        return Error{ErrorKind::NoFace,
                     photo_path +
                         ": no face found (the detector needs a face at least 40 pixels "
                         "across, turned less than about 45 degrees from upright)"};
    }
    Result<PhotoFitReport> fitted = fitDetectedFace(bgr, faces.front());
    if (!fitted) {
        return fitted.error();
    }
    return LargestFaceFit{std::move(faces), std::move(fitted).value()};
}

}  // namespace ps
