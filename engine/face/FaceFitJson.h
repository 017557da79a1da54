// fit.json: a FaceFit as a file a person and other tools can read. Keys: "image_size" [w, h],
// "landmarks2d" (468 [x, y] pixel pairs in MediaPipe's order), "pose" {"rotation_deg",
// "translation"} (AniPortrait's convention), "blendshapes" (ARKit name -> weight), "identity"
// (mode name -> coefficient). Reading recomputes the vertices from the values, so the file
// and the model cannot disagree.
#pragma once

#include <string>

#include "face/FaceFit.h"
#include "runtime/Result.h"

namespace ps {

std::string faceFitToJson(const FaceFit& fit);
// BadInput naming `source` (a path, for messages) when the text is not a fit.
Result<FaceFit> faceFitFromJson(const std::string& text, const std::string& source = "fit.json");

// Written to "<path>.partial" in the same folder and renamed into place (DESIGN.md), so an
// existing file is replaced only by a complete one. BadInput when the fit has non-finite values.
Status writeFaceFit(const std::string& path, const FaceFit& fit);
Result<FaceFit> readFaceFit(const std::string& path);

}  // namespace ps
