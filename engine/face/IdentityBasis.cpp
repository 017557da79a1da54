#include "face/IdentityBasis.h"

#include <cmath>
#include <functional>
#include <glm/geometric.hpp>

#include "face/FaceMesh.h"

namespace ps {

namespace {

constexpr std::array<std::string_view, kIdentityModeCount> kNames = {
    "faceWidth",  "faceHeight", "jawWidth",   "lowerFaceLength", "eyeSpacing", "eyeSize",
    "noseLength", "noseWidth",  "mouthWidth", "lipFullness",     "browHeight",
};

// A bump of height 1 at `centre`, with separate widths across and along the face, so features
// that are wide and flat (mouth, brows) get a footprint of their own shape.
float bump(const glm::vec3& p, const glm::vec3& centre, float sigma_x_cm, float sigma_y_cm,
           float sigma_z_cm) {
    const glm::vec3 d = (p - centre) / glm::vec3(sigma_x_cm, sigma_y_cm, sigma_z_cm);
    return std::exp(-0.5f * glm::dot(d, d));
}

// A smooth max(0, u): linear far above 0, fading to 0 below, with no kink to crease the mesh.
float softRamp(float u) {
    return 0.5f * (u + std::sqrt(u * u + 1.0f));
}

glm::vec3 midpoint(const std::vector<glm::vec3>& v, int a, int b) {
    return 0.5f * (v[a] + v[b]);
}

glm::vec3 centroid(const std::vector<glm::vec3>& v, const std::vector<int>& indices) {
    glm::vec3 sum(0.0f);
    for (int i : indices) {
        sum += v[i];
    }
    return indices.empty() ? sum : sum / float(indices.size());
}

}  // namespace

std::string_view identityModeName(IdentityMode mode) {
    const int index = static_cast<int>(mode);
    return index >= 0 && index < kIdentityModeCount ? kNames[index] : std::string_view();
}

const IdentityBasis& IdentityBasis::canonical() {
    static const IdentityBasis basis(FaceMesh::canonical());
    return basis;
}

IdentityBasis::IdentityBasis(const FaceMesh& mesh) {
    const std::vector<glm::vec3>& v = mesh.vertices();
    const glm::vec3 eye_right = midpoint(v, landmark::kRightEyeOuter, landmark::kRightEyeInner);
    const glm::vec3 eye_left = midpoint(v, landmark::kLeftEyeOuter, landmark::kLeftEyeInner);
    const float eyes_y = 0.5f * (eye_right.y + eye_left.y);
    constexpr int kNoseBase = 2;  // the point under the nose tip where the upper lip begins
    const glm::vec3 nose_base = v[kNoseBase];
    const glm::vec3 nose_middle = midpoint(v, landmark::kNoseTip, kNoseBase);
    const glm::vec3 mouth = midpoint(v, landmark::kUpperInnerLip, landmark::kLowerInnerLip);
    const glm::vec3 brow_right = centroid(v, mesh.regionVertices(FaceRegion::RightEyebrow));
    const glm::vec3 brow_left = centroid(v, mesh.regionVertices(FaceRegion::LeftEyebrow));
    const float chin_y = v[landmark::kChin].y;

    // Each field is written for the whole face; magnitudes give about 0.2-0.7 cm at ±1 where
    // the feature is, which is the spread between noticeably different adult faces.
    using Field = std::function<glm::vec3(const glm::vec3&)>;
    const std::array<Field, kIdentityModeCount> fields = {
        [](const glm::vec3& p) { return glm::vec3(0.07f * p.x, 0.0f, 0.0f); },
        [eyes_y](const glm::vec3& p) { return glm::vec3(0.0f, 0.06f * (p.y - eyes_y), 0.0f); },
        [&](const glm::vec3& p) {
            // Full weight from a little below the mouth down to the chin, none above the nose.
            const float t = glm::clamp((nose_base.y - p.y) / (nose_base.y - chin_y), 0.0f, 1.0f);
            const float weight = t * t * (3.0f - 2.0f * t);
            return glm::vec3(0.1f * p.x * weight, 0.0f, 0.0f);
        },
        [&](const glm::vec3& p) {
            return glm::vec3(0.0f, -0.1f * softRamp(nose_base.y - p.y), 0.0f);
        },
        [&](const glm::vec3& p) {
            // Opposite signs on the two sides: the sum is odd in x, so the midline stays put.
            const float dx =
                0.3f * (bump(p, eye_left, 1.6f, 1.6f, 1.6f) - bump(p, eye_right, 1.6f, 1.6f, 1.6f));
            return glm::vec3(dx, 0.0f, 0.0f);
        },
        [&](const glm::vec3& p) {
            glm::vec3 d(0.0f);
            for (const glm::vec3& eye : {eye_right, eye_left}) {
                d += 0.2f * (p - eye) * bump(p, eye, 1.3f, 1.3f, 1.3f);
            }
            return glm::vec3(d.x, d.y, 0.5f * d.z);
        },
        [&](const glm::vec3& p) {
            return glm::vec3(0.0f, -0.35f, 0.1f) * bump(p, nose_middle, 1.5f, 1.5f, 1.5f);
        },
        [&](const glm::vec3& p) {
            return glm::vec3(0.25f * p.x, 0.0f, 0.0f) * bump(p, nose_base, 1.6f, 1.2f, 1.6f);
        },
        [&](const glm::vec3& p) {
            return glm::vec3(0.12f * p.x, 0.0f, 0.0f) * bump(p, mouth, 3.0f, 1.2f, 2.0f);
        },
        [&](const glm::vec3& p) {
            const float weight = bump(p, mouth, 2.2f, 0.9f, 2.0f);
            return glm::vec3(0.0f, 0.28f * (p.y - mouth.y) / 0.9f, 0.1f) * weight;
        },
        [&](const glm::vec3& p) {
            const float weight =
                bump(p, brow_right, 2.2f, 0.9f, 2.0f) + bump(p, brow_left, 2.2f, 0.9f, 2.0f);
            return glm::vec3(0.0f, 0.4f * weight, 0.0f);
        },
    };

    const glm::vec3 flip(-1.0f, 1.0f, 1.0f);
    for (int mode = 0; mode < kIdentityModeCount; ++mode) {
        std::vector<glm::vec3>& deltas = deltas_[mode];
        deltas.resize(v.size());
        for (size_t i = 0; i < v.size(); ++i) {
            // Averaging with the mirror vertex's field makes each mode exactly symmetric even
            // where the mesh itself is off by rounding.
            const int m = mesh.mirrorOf(int(i));
            deltas[i] = 0.5f * (fields[mode](v[i]) + flip * fields[mode](v[m]));
        }
    }
}

}  // namespace ps
