#include "motion/FaceTrackJson.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "runtime/AtomicFile.h"

namespace ps {

namespace {

// Six significant digits are far below what a face shows, and keep the file a third the size.
double rounded(double v) {
    if (v == 0.0 || !std::isfinite(v)) {
        return 0.0;
    }
    const double scale = std::pow(10.0, 5 - int(std::floor(std::log10(std::abs(v)))));
    return std::round(v * scale) / scale;
}

}  // namespace

std::string faceTrackJson(const FaceTrack& track) {
    nlohmann::json names = nlohmann::json::array();
    for (int i = 0; i < kBlendshapeCount; ++i) {
        names.push_back(std::string(blendshapeName(static_cast<Blendshape>(i))));
    }
    nlohmann::json frames = nlohmann::json::array();
    for (size_t k = 0; k < track.frames.size(); ++k) {
        const FaceState& s = track.frames[k];
        nlohmann::json weights = nlohmann::json::array();
        for (float w : s.weights) {
            weights.push_back(rounded(w));
        }
        frames.push_back({
            {"t", rounded(double(k) / track.fps)},
            {"blendshapes", std::move(weights)},
            {"head_deg",
             {{"pitch", rounded(s.head_deg.x)},
              {"yaw", rounded(s.head_deg.y)},
              {"roll", rounded(s.head_deg.z)}}},
            {"left_eye_deg",
             {{"yaw", rounded(s.left_eye_deg.x)}, {"pitch", rounded(s.left_eye_deg.y)}}},
            {"right_eye_deg",
             {{"yaw", rounded(s.right_eye_deg.x)}, {"pitch", rounded(s.right_eye_deg.y)}}},
        });
    }
    const nlohmann::json doc = {
        {"fps", track.fps}, {"blendshape_names", std::move(names)}, {"frames", std::move(frames)}};
    return doc.dump() + "\n";
}

Status writeFaceTrackJson(const FaceTrack& track, const std::string& path) {
    return writeFileAtomically(path, faceTrackJson(track));
}

}  // namespace ps
