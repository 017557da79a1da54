#include "face/TakeFit.h"

#include <algorithm>

#include "face/FaceMesh.h"
#include "face/FaceMeshFit.h"
#include "face/IrisCentres.h"
#include "face/LandmarkFit.h"

namespace ps {

namespace {

float median(std::vector<float> values) {
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// `fit` with `face`'s identity and no shape detail, its mesh recomputed.
FaceFit withIdentity(const FaceFit& fit, const IdentityCoefficients& identity) {
    FaceFit out = fit;
    out.identity = identity;
    out.shape_detail_cm.clear();
    out.iris_centres_cm.clear();
    out.vertex_offsets_cm.clear();
    updateFaceFit(out);
    return out;
}

// Pose and expression with the identity held, for points whose shape detail is `detail` (empty:
// none): each target is moved by what the detail moves its vertex in the picture at `fit`'s pose.
FaceFit solvePoseAndExpression(const FaceFit& fit, const std::vector<glm::vec3>& points_px,
                               const std::vector<glm::vec3>& detail) {
    FaceFit with_detail = fit;
    if (!detail.empty()) {
        with_detail.shape_detail_cm = detail;
        updateFaceFit(with_detail);
    }
    std::vector<LandmarkTarget> targets;
    targets.reserve(kFaceVertexCount);
    for (int i = 0; i < kFaceVertexCount; ++i) {
        const glm::vec2 shift = with_detail.landmarks2d[size_t(i)] - fit.landmarks2d[size_t(i)];
        targets.push_back({i, glm::vec2(points_px[size_t(i)]) - shift});
    }
    LandmarkFitOptions options = meshFitOptions(meshEyeDistance(points_px));
    options.fit_identity = false;
    Result<FaceFit> solved = refineFit(fit, targets, options);
    return solved ? std::move(*solved) : fit;
}

Status checkPoints(const std::vector<glm::vec3>& points_px) {
    if (points_px.size() != size_t(kFaceVertexCount)) {
        return Error{ErrorKind::BadInput,
                     "the face mesh has " + std::to_string(points_px.size()) + " points, not 468"};
    }
    return {};
}

}  // namespace

Result<TakeFace> takeFace(const std::vector<FaceFit>& fits,
                          const std::vector<std::vector<glm::vec3>>& points_px,
                          const std::vector<size_t>& rest) {
    if (fits.empty() || fits.size() != points_px.size()) {
        return Error{ErrorKind::BadInput, "a take's face needs one mesh for each of its fits"};
    }
    std::vector<size_t> rest_frames;
    for (size_t k : rest) {
        if (k < fits.size()) {
            if (const Status ok = checkPoints(points_px[k]); !ok) {
                return ok.error();
            }
            rest_frames.push_back(k);
        }
    }
    if (rest_frames.empty()) {
        return Error{ErrorKind::BadInput, "a take's face needs at least one of its frames at rest"};
    }
    TakeFace face;
    std::vector<float> values(fits.size());
    for (int m = 0; m < kIdentityModeCount; ++m) {
        for (size_t k = 0; k < fits.size(); ++k) {
            values[k] = fits[k].identity[size_t(m)];
        }
        face.identity[size_t(m)] = median(values);
    }
    std::vector<std::vector<glm::vec3>> details;
    for (size_t k : rest_frames) {
        const FaceFit fit =
            solvePoseAndExpression(withIdentity(fits[k], face.identity), points_px[k], {});
        details.push_back(meshShapeDetail(fit, points_px[k]));
    }
    face.shape_detail_cm.resize(kFaceVertexCount);
    std::vector<float> axis(details.size());
    for (size_t i = 0; i < size_t(kFaceVertexCount); ++i) {
        for (int a = 0; a < 3; ++a) {
            for (size_t d = 0; d < details.size(); ++d) {
                axis[d] = details[d][i][a];
            }
            face.shape_detail_cm[i][a] = median(axis);
        }
    }
    return face;
}

Result<FaceFit> fitToTake(const FaceFit& start, const std::vector<glm::vec3>& points_px,
                          const TakeFace& face, const IrisLandmarks* irises) {
    if (const Status ok = checkPoints(points_px); !ok) {
        return ok.error();
    }
    FaceFit fit = withIdentity(start, face.identity);
    // Twice: the detail's shift in the picture depends on the pose the first solve corrects.
    for (int round = 0; round < 2; ++round) {
        fit = solvePoseAndExpression(fit, points_px, face.shape_detail_cm);
    }
    if (irises != nullptr) {
        setIrisCentres(fit, *irises);
    }
    fit.shape_detail_cm = face.shape_detail_cm;
    updateFaceFit(fit);
    return fit;
}

}  // namespace ps
