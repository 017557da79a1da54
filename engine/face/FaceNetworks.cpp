#include "face/FaceNetworks.h"

#include <optional>

#include "face/ModelFiles.h"

namespace ps {

namespace {

Result<FaceNetworks> loadFaceNetworks() {
    const std::string folder = defaultModelsFolder();
    Result<BlazeFaceDetector> detector = BlazeFaceDetector::create(folder + "/blazeface.json");
    if (!detector) {
        return detector.error();
    }
    Result<FaceLandmarker> landmarker = FaceLandmarker::create(folder + "/facemesh.json");
    if (!landmarker) {
        return landmarker.error();
    }
    Result<IrisLandmarker> iris = IrisLandmarker::create(folder + "/iris.json");
    if (!iris) {
        return iris.error();
    }
    return FaceNetworks{std::move(detector).value(), std::move(landmarker).value(),
                        std::move(iris).value()};
}

}  // namespace

Result<const FaceNetworks*> faceNetworks() {
    // A function-local static is initialised once even when threads race to it (C++11).
    static const Result<FaceNetworks> loaded = loadFaceNetworks();
    if (!loaded) {
        return loaded.error();
    }
    return &loaded.value();
}

}  // namespace ps
