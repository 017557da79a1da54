// `portrait-studio fit --photo P -o fit.json [--overlay OUT.png]`: fits the face model to the
// largest face in a photo and writes fit.json (and a picture of the fit over the photo).
#pragma once

#include <string>
#include <vector>

namespace ps::app {

int runFitCommand(const std::vector<std::string>& args);

}  // namespace ps::app
