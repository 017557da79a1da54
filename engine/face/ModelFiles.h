// Where MediaPipe's networks (resources/models: BlazeFace, Face Mesh, Iris, Selfie segmentation
// as TensorFlow.js graph models) are found at run time.
#pragma once

#include <string>

namespace ps {

// <program folder>/../share/portrait-studio/models when that folder exists (an installed
// program), else the source tree's resources/models (a program run from its build folder).
std::string defaultModelsFolder();

}  // namespace ps
