#include "face/FaceFitJson.h"

#include "runtime/AtomicFile.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "face/FaceMesh.h"
#include "runtime/AtomicFile.h"

namespace ps {

namespace {

using nlohmann::json;

// Sub-pixel and sub-micron precision is all a fit carries; fewer digits keep the file readable.
double rounded(float value, double step) {
    return std::round(double(value) / step) * step;
}

json vec3Json(const glm::vec3& v, double step) {
    return json::array({rounded(v.x, step), rounded(v.y, step), rounded(v.z, step)});
}

bool allFinite(const FaceFit& fit) {
    auto finite3 = [](const glm::vec3& v) {
        return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
    };
    if (!finite3(fit.pose.rotation_deg) || !finite3(fit.pose.translation)) {
        return false;
    }
    for (float w : fit.expression) {
        if (!std::isfinite(w)) {
            return false;
        }
    }
    for (float c : fit.identity) {
        if (!std::isfinite(c)) {
            return false;
        }
    }
    for (const glm::vec3& d : fit.shape_detail_cm) {
        if (!finite3(d)) {
            return false;
        }
    }
    for (const glm::vec3& c : fit.iris_centres_cm) {
        if (!finite3(c)) {
            return false;
        }
    }
    return true;
}

bool readVec3(const json& j, glm::vec3* out) {
    if (!j.is_array() || j.size() != 3) {
        return false;
    }
    for (int i = 0; i < 3; ++i) {
        if (!j[i].is_number()) {
            return false;
        }
        (*out)[i] = j[i].get<float>();
    }
    return true;
}

}  // namespace

std::string faceFitToJson(const FaceFit& fit) {
    json landmarks = json::array();
    for (const glm::vec2& p : fit.landmarks2d) {
        landmarks.push_back(json::array({rounded(p.x, 1e-4), rounded(p.y, 1e-4)}));
    }
    json blendshapes = json::object();
    for (int j = 0; j < kBlendshapeCount; ++j) {
        blendshapes[std::string(blendshapeName(static_cast<Blendshape>(j)))] =
            rounded(fit.expression[j], 1e-6);
    }
    json identity = json::object();
    for (int k = 0; k < kIdentityModeCount; ++k) {
        identity[std::string(identityModeName(static_cast<IdentityMode>(k)))] =
            rounded(fit.identity[k], 1e-6);
    }
    json root = json::object();
    root["image_size"] = json::array({fit.image_size.width, fit.image_size.height});
    root["pose"] = {{"rotation_deg", vec3Json(fit.pose.rotation_deg, 1e-6)},
                    {"translation", vec3Json(fit.pose.translation, 1e-6)}};
    root["blendshapes"] = std::move(blendshapes);
    root["identity"] = std::move(identity);
    if (!fit.shape_detail_cm.empty()) {
        json detail = json::array();
        for (const glm::vec3& d : fit.shape_detail_cm) {
            detail.push_back(vec3Json(d, 1e-5));
        }
        root["shape_detail_cm"] = std::move(detail);
    }
    if (!fit.iris_centres_cm.empty()) {
        json irises = json::array();
        for (const glm::vec3& c : fit.iris_centres_cm) {
            irises.push_back(vec3Json(c, 1e-5));
        }
        root["iris_centres_cm"] = std::move(irises);
    }
    root["landmarks2d"] = std::move(landmarks);
    return root.dump(1);
}

Result<FaceFit> faceFitFromJson(const std::string& text, const std::string& source) {
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return badInput(source, "is not a JSON object");
    }
    FaceFit fit;
    const json& size = root.contains("image_size") ? root["image_size"] : json();
    if (!size.is_array() || size.size() != 2 || !size[0].is_number_integer() ||
        !size[1].is_number_integer() || size[0].get<int>() <= 0 || size[1].get<int>() <= 0) {
        return badInput(source, "\"image_size\" must be [width, height] in whole pixels");
    }
    fit.image_size = cv::Size(size[0].get<int>(), size[1].get<int>());
    const json& pose = root.contains("pose") ? root["pose"] : json();
    if (!pose.is_object() || !pose.contains("rotation_deg") || !pose.contains("translation") ||
        !readVec3(pose["rotation_deg"], &fit.pose.rotation_deg) ||
        !readVec3(pose["translation"], &fit.pose.translation)) {
        return badInput(source,
                        "\"pose\" needs \"rotation_deg\" and \"translation\", 3 numbers each");
    }
    if (root.contains("blendshapes")) {
        const json& shapes = root["blendshapes"];
        if (!shapes.is_object()) {
            return badInput(source, "\"blendshapes\" must map ARKit names to weights");
        }
        for (const auto& [name, weight] : shapes.items()) {
            const auto shape = blendshapeFromName(name);
            if (!shape || !weight.is_number()) {
                return badInput(source, "\"blendshapes\": \"" + name +
                                            "\" is not an ARKit blendshape with a number");
            }
            fit.expression[static_cast<size_t>(*shape)] = weight.get<float>();
        }
    }
    if (root.contains("identity")) {
        const json& modes = root["identity"];
        if (!modes.is_object()) {
            return badInput(source, "\"identity\" must map shape mode names to coefficients");
        }
        for (const auto& [name, value] : modes.items()) {
            int found = -1;
            for (int k = 0; k < kIdentityModeCount; ++k) {
                if (identityModeName(static_cast<IdentityMode>(k)) == name) {
                    found = k;
                }
            }
            if (found < 0 || !value.is_number()) {
                return badInput(
                    source, "\"identity\": \"" + name + "\" is not an identity mode with a number");
            }
            fit.identity[found] = value.get<float>();
        }
    }
    if (root.contains("shape_detail_cm")) {
        // Optional: fits from fewer points, and files from before the face networks, have none.
        const json& detail = root["shape_detail_cm"];
        if (!detail.is_array() || detail.size() != size_t(kFaceVertexCount)) {
            return badInput(source, "\"shape_detail_cm\" must hold 468 [x, y, z] offsets");
        }
        fit.shape_detail_cm.resize(kFaceVertexCount);
        for (size_t i = 0; i < detail.size(); ++i) {
            if (!readVec3(detail[i], &fit.shape_detail_cm[i])) {
                return badInput(source, "\"shape_detail_cm\" must hold 468 [x, y, z] offsets");
            }
        }
    }
    if (root.contains("iris_centres_cm")) {
        const json& irises = root["iris_centres_cm"];
        fit.iris_centres_cm.resize(2);
        if (!irises.is_array() || irises.size() != 2 ||
            !readVec3(irises[0], &fit.iris_centres_cm[0]) ||
            !readVec3(irises[1], &fit.iris_centres_cm[1])) {
            return badInput(source, "\"iris_centres_cm\" must hold 2 [x, y, z] points");
        }
    }
    const json& landmarks = root.contains("landmarks2d") ? root["landmarks2d"] : json();
    if (!landmarks.is_array() || landmarks.size() != size_t(kFaceVertexCount)) {
        return badInput(source, "\"landmarks2d\" must hold 468 [x, y] pairs");
    }
    if (!allFinite(fit)) {
        return badInput(source, "holds values that are not finite numbers");
    }
    // The model's own landmarks, so the vertices and the 2D points always agree.
    updateFaceFit(fit);
    return fit;
}

Status writeFaceFit(const std::string& path, const FaceFit& fit) {
    if (!allFinite(fit) || fit.image_size.width <= 0 || fit.image_size.height <= 0) {
        return badInput(path, "the fit holds values that are not finite; nothing was written");
    }
    const std::string text = faceFitToJson(fit) + "\n";
    return writeFileAtomically(path, text);
}

Result<FaceFit> readFaceFit(const std::string& path) {
    std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
    if (!in) {
        return badInput(path, "cannot be opened");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return faceFitFromJson(text.str(), path);
}

}  // namespace ps
