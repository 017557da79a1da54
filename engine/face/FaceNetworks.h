// MediaPipe's face networks (resources/models), loaded once per process on first use and shared
// by every caller: the photo fit, the video tracker and the benchmarks. Loading parses about
// 3 MB of graph JSON and does a trial run, so no caller should do it per photo or per frame.
// The networks are immutable once loaded and safe to run from several threads at once.
#pragma once

#include "face/BlazeFaceDetector.h"
#include "face/FaceLandmarker.h"
#include "face/IrisLandmarker.h"
#include "runtime/Result.h"

namespace ps {

struct FaceNetworks {
    BlazeFaceDetector detector;
    FaceLandmarker landmarker;
    IrisLandmarker iris;
};

// The networks from defaultModelsFolder(). The first call loads them (thread-safe); later calls
// return the same object, or the same error (BadInput naming the file that would not load).
Result<const FaceNetworks*> faceNetworks();

}  // namespace ps
