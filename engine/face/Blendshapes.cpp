#include "face/Blendshapes.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <string>
#include <utility>

#include "face/FaceMesh.h"

namespace ps {

namespace {

constexpr std::array<std::string_view, kBlendshapeCount> kNames = {
    "eyeBlinkLeft",      "eyeLookDownLeft",    "eyeLookInLeft",
    "eyeLookOutLeft",    "eyeLookUpLeft",      "eyeSquintLeft",
    "eyeWideLeft",       "eyeBlinkRight",      "eyeLookDownRight",
    "eyeLookInRight",    "eyeLookOutRight",    "eyeLookUpRight",
    "eyeSquintRight",    "eyeWideRight",       "jawForward",
    "jawLeft",           "jawRight",           "jawOpen",
    "mouthClose",        "mouthFunnel",        "mouthPucker",
    "mouthLeft",         "mouthRight",         "mouthSmileLeft",
    "mouthSmileRight",   "mouthFrownLeft",     "mouthFrownRight",
    "mouthDimpleLeft",   "mouthDimpleRight",   "mouthStretchLeft",
    "mouthStretchRight", "mouthRollLower",     "mouthRollUpper",
    "mouthShrugLower",   "mouthShrugUpper",    "mouthPressLeft",
    "mouthPressRight",   "mouthLowerDownLeft", "mouthLowerDownRight",
    "mouthUpperUpLeft",  "mouthUpperUpRight",  "browDownLeft",
    "browDownRight",     "browInnerUp",        "browOuterUpLeft",
    "browOuterUpRight",  "cheekPuff",          "cheekSquintLeft",
    "cheekSquintRight",  "noseSneerLeft",      "noseSneerRight",
    "tongueOut",
};

// Lip and lid contours in MediaPipe's vertex numbering (the same loops connections.json lists
// under "lips", "left_eye" and "right_eye"), each ordered from the subject's right to left so
// they can be interpolated along x.
constexpr std::array<int, 11> kUpperInnerLip = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308};
constexpr std::array<int, 11> kLowerInnerLip = {78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308};
constexpr std::array<int, 11> kUpperOuterLip = {61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291};
constexpr std::array<int, 11> kLowerOuterLip = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291};
constexpr std::array<int, 9> kLeftUpperLid = {362, 398, 384, 385, 386, 387, 388, 466, 263};
constexpr std::array<int, 9> kLeftLowerLid = {362, 382, 381, 380, 374, 373, 390, 249, 263};

using Deltas = std::vector<glm::vec3>;

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// 1 at distance 0, easing to exactly 0 at `radius` and beyond: compact support keeps every
// shape local, and the smooth ends keep the skin from creasing at the region's border.
float falloff(float distance, float radius) {
    return 1.0f - smoothstep(0.0f, radius, distance);
}

// A contour as a function of x: piecewise linear through its vertices, constant past its ends.
class Contour {
public:
    template <size_t N>
    Contour(const std::vector<glm::vec3>& v, const std::array<int, N>& indices) {
        for (int i : indices) {
            points_.push_back(v[i]);
        }
        std::sort(points_.begin(), points_.end(),
                  [](const glm::vec3& a, const glm::vec3& b) { return a.x < b.x; });
    }

    glm::vec3 at(float x) const {
        if (x <= points_.front().x) {
            return points_.front();
        }
        for (size_t i = 1; i < points_.size(); ++i) {
            if (x <= points_[i].x) {
                const glm::vec3& a = points_[i - 1];
                const glm::vec3& b = points_[i];
                const float span = b.x - a.x;
                const float t = span > 1e-6f ? (x - a.x) / span : 0.0f;
                return a + (b - a) * t;
            }
        }
        return points_.back();
    }

private:
    std::vector<glm::vec3> points_;
};

// Measurements of the neutral mesh that the shape generators share.
struct FaceFrame {
    const FaceMesh& mesh;
    const std::vector<glm::vec3>& v;
    std::vector<glm::vec3> normals;
    std::vector<int> lip_vertices;
    Contour upper_inner, lower_inner, upper_outer, lower_outer;
    Contour left_upper_lid, left_lower_lid;
    float mouth_corner_x;  // |x| of the inner mouth corners

    explicit FaceFrame(const FaceMesh& m)
        : mesh(m),
          v(m.vertices()),
          normals(vertexNormals(m)),
          lip_vertices(m.regionVertices(FaceRegion::Lips)),
          upper_inner(v, kUpperInnerLip),
          lower_inner(v, kLowerInnerLip),
          upper_outer(v, kUpperOuterLip),
          lower_outer(v, kLowerOuterLip),
          left_upper_lid(v, kLeftUpperLid),
          left_lower_lid(v, kLeftLowerLid),
          mouth_corner_x(v[kUpperInnerLip.back()].x) {}

    static std::vector<glm::vec3> vertexNormals(const FaceMesh& m) {
        const auto& v = m.vertices();
        std::vector<glm::vec3> n(v.size(), glm::vec3(0.0f));
        for (const MeshTriangle& t : m.triangles()) {
            const glm::vec3 face = glm::cross(v[t[1]] - v[t[0]], v[t[2]] - v[t[0]]);
            for (int i : t) {
                n[i] += face;
            }
        }
        // The winding's handedness is MediaPipe's choice; make the nose tip face the viewer.
        const float sign = n[landmark::kNoseTip].z < 0.0f ? -1.0f : 1.0f;
        for (glm::vec3& x : n) {
            x = glm::normalize(x) * sign;
        }
        return n;
    }

    // Where the lips part at x: halfway between the inner contours, level beyond the corners.
    float mouthLineY(float x) const { return 0.5f * (upper_inner.at(x).y + lower_inner.at(x).y); }

    // How far below the mouth line a vertex lies, in a band that is a few millimetres wide
    // across the lips (so the upper lip stays and the lower lip goes) and widens across the
    // cheeks (so the skin there stretches instead of tearing). 0 above, 1 below.
    float belowMouth(const glm::vec3& p, float lip_band, float cheek_spread) const {
        const float beyond = std::max(0.0f, std::abs(p.x) - mouth_corner_x);
        const float band = lip_band + cheek_spread * beyond;
        return smoothstep(-band, band, mouthLineY(p.x) - p.y);
    }

    // The lower jaw's share of a vertex's motion.
    float jawWeight(const glm::vec3& p) const { return belowMouth(p, 0.12f, 0.6f); }
    // Lower lip 1, upper lip 0, sharp across the lips.
    float lowerLipSide(const glm::vec3& p) const { return belowMouth(p, 0.08f, 0.3f); }

    // 1 on the lips, fading to 0 `radius` cm away from them.
    float nearLips(const glm::vec3& p, float radius) const {
        float nearest = 1e9f;
        for (int i : lip_vertices) {
            nearest = std::min(nearest, glm::distance(p, v[i]));
        }
        return falloff(nearest, radius);
    }
};

Deltas zeros(const FaceFrame& f) {
    return Deltas(f.v.size(), glm::vec3(0.0f));
}

// The right-hand partner of a left-hand shape: the delta at vertex i is the left shape's delta
// at i's mirror vertex, reflected across the midplane. Exact by construction.
Deltas mirrored(const FaceFrame& f, const Deltas& left) {
    Deltas out(left.size());
    for (size_t i = 0; i < left.size(); ++i) {
        const glm::vec3 d = left[f.mesh.mirrorOf(static_cast<int>(i))];
        out[i] = glm::vec3(-d.x, d.y, d.z);
    }
    return out;
}

// Shapes without a side are made exactly symmetric, so that small asymmetries of the neutral
// mesh's numbers do not turn jawOpen into a slightly sideways jaw.
Deltas symmetrised(const FaceFrame& f, const Deltas& d) {
    const Deltas m = mirrored(f, d);
    Deltas out(d.size());
    for (size_t i = 0; i < d.size(); ++i) {
        out[i] = 0.5f * (d[i] + m[i]);
    }
    return out;
}

// ---- Eyes (subject's left eye; the right eye's shapes are mirrors) -------------------------

struct LidMotion {
    float upper_close = 0.0f;   // fraction of the eye's opening the upper lid travels down
    float lower_close = 0.0f;   // fraction of the opening the lower lid travels up
    float shift_out_cm = 0.0f;  // sideways slide of both lids, towards the ear (negative: nose)
};

// Moves the left eye's lids and the skin over them. Lid-contour vertices move by the full
// amount; the lid skin above (up to the crease, ~1.3 cm) and below (~0.8 cm) follows with a
// smooth falloff, and the motion fades out within 0.7 cm beyond the eye corners.
Deltas lidShape(const FaceFrame& f, const LidMotion& motion) {
    Deltas d = zeros(f);
    const float inner_x = f.v[kLeftUpperLid.front()].x;
    const float outer_x = f.v[kLeftUpperLid.back()].x;
    for (size_t i = 0; i < f.v.size(); ++i) {
        const glm::vec3& p = f.v[i];
        const float beyond = std::max({0.0f, inner_x - p.x, p.x - outer_x});
        const float lateral = falloff(beyond, 0.7f);
        if (lateral <= 0.0f) {
            continue;
        }
        const glm::vec3 upper = f.left_upper_lid.at(p.x);
        const glm::vec3 lower = f.left_lower_lid.at(p.x);
        const glm::vec3 opening = upper - lower;
        const float mid_y = 0.5f * (upper.y + lower.y);
        if (p.y >= mid_y) {
            const float w = lateral * falloff(std::max(0.0f, p.y - upper.y), 1.3f);
            d[i] = w * (-motion.upper_close * opening + glm::vec3(motion.shift_out_cm, 0, 0));
        } else {
            const float w = lateral * falloff(std::max(0.0f, lower.y - p.y), 0.8f);
            d[i] = w * (motion.lower_close * opening + glm::vec3(motion.shift_out_cm, 0, 0));
        }
    }
    return d;
}

// ---- Jaw ------------------------------------------------------------------------------------

// The jaw opens by turning about the temporomandibular joints (a left-right axis just in front
// of the ears) while the condyles glide forward a little, which keeps the chin from swinging
// back as far as a pure rotation would.
Deltas jawOpenShape(const FaceFrame& f) {
    const glm::vec3 hinge(0.0f, 0.5f, -3.5f);
    const float angle = 0.33f;  // radians, ~19 degrees: a wide-open mouth
    const glm::vec3 glide(0.0f, -0.2f, 1.2f);
    const float c = std::cos(angle);
    const float s = std::sin(angle);
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        const glm::vec3& p = f.v[i];
        const float w = f.jawWeight(p);
        const glm::vec3 r = p - hinge;
        const glm::vec3 turned(r.x, r.y * c - r.z * s, r.y * s + r.z * c);
        d[i] = w * (turned - r + glide);
    }
    return d;
}

Deltas jawTranslation(const FaceFrame& f, const glm::vec3& offset) {
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        d[i] = f.jawWeight(f.v[i]) * offset;
    }
    return d;
}

// ---- Mouth ----------------------------------------------------------------------------------

// A displacement applied around an anchor with a smooth radial falloff.
Deltas around(const FaceFrame& f, const glm::vec3& anchor, float radius, const glm::vec3& move) {
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        d[i] = falloff(glm::distance(f.v[i], anchor), radius) * move;
    }
    return d;
}

Deltas add(Deltas a, const Deltas& b, float scale = 1.0f) {
    for (size_t i = 0; i < a.size(); ++i) {
        a[i] += scale * b[i];
    }
    return a;
}

// Thickness bookkeeping for rolling and pressing: how far into the lip's red a vertex lies
// (cm from the inner contour, at most the lip's own thickness there).
float depthIntoUpperLip(const FaceFrame& f, const glm::vec3& p) {
    const float thickness = f.upper_outer.at(p.x).y - f.upper_inner.at(p.x).y;
    return std::clamp(p.y - f.upper_inner.at(p.x).y, 0.0f, std::max(0.0f, thickness));
}
float depthIntoLowerLip(const FaceFrame& f, const glm::vec3& p) {
    const float thickness = f.lower_inner.at(p.x).y - f.lower_outer.at(p.x).y;
    return std::clamp(f.lower_inner.at(p.x).y - p.y, 0.0f, std::max(0.0f, thickness));
}

// Lips turning inwards over the teeth: the red of the lip travels towards the mouth line and
// back, so it disappears from view. `side` weights the effect per vertex (1 everywhere for a
// roll; one side of the mouth for a press).
template <class SideWeight>
Deltas lipsInwards(const FaceFrame& f, bool upper, bool lower, float amount, float back_cm,
                   SideWeight side) {
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        const glm::vec3& p = f.v[i];
        const float near = f.nearLips(p, 0.8f) * side(p);
        if (near <= 0.0f) {
            continue;
        }
        const float below = f.lowerLipSide(p);
        if (upper) {
            const float depth = depthIntoUpperLip(f, p);
            d[i] += near * (1.0f - below) * glm::vec3(0.0f, -amount * depth, -back_cm);
        }
        if (lower) {
            const float depth = depthIntoLowerLip(f, p);
            d[i] += near * below * glm::vec3(0.0f, amount * depth, -back_cm);
        }
    }
    return d;
}

// Funnel and pucker: the lips gather towards the middle and push forward; a funnel also opens
// them into a round hole, a pucker keeps them together.
Deltas lipsForward(const FaceFrame& f, float gather, float forward_cm, float open_cm) {
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        const glm::vec3& p = f.v[i];
        const float near = f.nearLips(p, 1.3f);
        if (near <= 0.0f) {
            continue;
        }
        const float middle = falloff(std::abs(p.x), f.mouth_corner_x + 0.6f);
        const float below = f.lowerLipSide(p);
        const float open = open_cm * middle * (below > 0.5f ? -1.0f : 1.0f) *
                           std::abs(2.0f * below - 1.0f) * f.nearLips(p, 0.4f);
        d[i] = near * glm::vec3(-gather * p.x, open, forward_cm * (0.4f + 0.6f * middle));
    }
    return d;
}

// A shape that moves one lip (upper or lower) around an anchor on it, leaving the other lip.
Deltas oneLip(const FaceFrame& f, bool lower, const glm::vec3& anchor, float radius,
              const glm::vec3& move) {
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        const glm::vec3& p = f.v[i];
        const float side = lower ? f.lowerLipSide(p) : 1.0f - f.lowerLipSide(p);
        d[i] = side * falloff(glm::distance(p, anchor), radius) * move;
    }
    return d;
}

// ---- Brows, cheeks, nose --------------------------------------------------------------------

// Moves the left brow, weighted along its length from the inner end (`inner`) to the outer end
// (`outer`), with the forehead and lid skin near it following.
Deltas leftBrow(const FaceFrame& f, const glm::vec3& move, float inner, float outer) {
    const std::vector<int> brow = f.mesh.regionVertices(FaceRegion::LeftEyebrow);
    float min_x = 1e9f;
    float max_x = -1e9f;
    for (int i : brow) {
        min_x = std::min(min_x, f.v[i].x);
        max_x = std::max(max_x, f.v[i].x);
    }
    Deltas d = zeros(f);
    for (size_t i = 0; i < f.v.size(); ++i) {
        const glm::vec3& p = f.v[i];
        float nearest = 1e9f;
        for (int b : brow) {
            nearest = std::min(nearest, glm::distance(p, f.v[b]));
        }
        const float along = std::clamp((p.x - min_x) / (max_x - min_x), 0.0f, 1.0f);
        const float strength = inner + (outer - inner) * smoothstep(0.0f, 1.0f, along);
        d[i] = falloff(nearest, 1.6f) * strength * move;
    }
    return d;
}

// ---- The basis ------------------------------------------------------------------------------

struct ShapeSet {
    std::array<Deltas, kBlendshapeCount> deltas;
    void set(Blendshape s, Deltas d) { deltas[static_cast<size_t>(s)] = std::move(d); }
};

void makeEyes(const FaceFrame& f, ShapeSet& out) {
    out.set(Blendshape::EyeBlinkLeft, lidShape(f, {0.85f, 0.15f, 0.0f}));
    out.set(Blendshape::EyeLookDownLeft, lidShape(f, {0.35f, -0.12f, 0.0f}));
    // The left eye's nose side is towards -x: looking in slides the lids that way.
    out.set(Blendshape::EyeLookInLeft, lidShape(f, {0.0f, 0.0f, -0.15f}));
    out.set(Blendshape::EyeLookOutLeft, lidShape(f, {0.0f, 0.0f, 0.15f}));
    out.set(Blendshape::EyeLookUpLeft, lidShape(f, {-0.3f, 0.1f, 0.0f}));
    out.set(Blendshape::EyeSquintLeft, lidShape(f, {0.15f, 0.4f, 0.0f}));
    out.set(Blendshape::EyeWideLeft, lidShape(f, {-0.55f, -0.12f, 0.0f}));
}

void makeJaw(const FaceFrame& f, ShapeSet& out) {
    out.set(Blendshape::JawForward, jawTranslation(f, {0.0f, 0.0f, 0.8f}));
    out.set(Blendshape::JawLeft, jawTranslation(f, {1.0f, 0.0f, 0.0f}));
    out.set(Blendshape::JawOpen, jawOpenShape(f));
}

void makeMouth(const FaceFrame& f, ShapeSet& out) {
    const glm::vec3& corner = f.v[landmark::kMouthLeft];
    const auto everywhere = [](const glm::vec3&) { return 1.0f; };
    // Only the subject's left half, fading across the middle of the mouth.
    const auto left_half = [](const glm::vec3& p) { return smoothstep(-0.6f, 1.2f, p.x); };

    // mouthClose is ARKit's "lips together whatever the jaw does": it undoes the part of
    // jawOpen that separates the lips (the lower lip rises, the upper lip comes down a little),
    // so jawOpen + mouthClose is an open jaw with closed lips.
    {
        const Deltas jaw = jawOpenShape(f);
        const glm::vec3 lip_drop = jaw[landmark::kLowerInnerLip];
        Deltas d = zeros(f);
        for (size_t i = 0; i < f.v.size(); ++i) {
            const glm::vec3& p = f.v[i];
            const float near = f.nearLips(p, 2.0f);
            const float below = f.lowerLipSide(p);
            d[i] = near * (below * -0.85f * jaw[i] + (1.0f - below) * 0.15f * lip_drop);
        }
        out.set(Blendshape::MouthClose, d);
    }
    out.set(Blendshape::MouthFunnel, lipsForward(f, 0.22f, 0.7f, 0.45f));
    out.set(Blendshape::MouthPucker, lipsForward(f, 0.35f, 0.9f, -0.2f));
    {
        Deltas d = zeros(f);
        for (size_t i = 0; i < f.v.size(); ++i) {
            d[i] = f.nearLips(f.v[i], 1.8f) * glm::vec3(0.9f, 0.0f, -0.1f);
        }
        out.set(Blendshape::MouthLeft, d);
    }
    out.set(Blendshape::MouthSmileLeft, around(f, corner, 2.6f, {0.45f, 0.75f, -0.35f}));
    out.set(Blendshape::MouthFrownLeft, around(f, corner, 2.2f, {0.1f, -0.65f, 0.0f}));
    out.set(Blendshape::MouthDimpleLeft, around(f, corner, 1.5f, {0.3f, 0.05f, -0.5f}));
    out.set(Blendshape::MouthStretchLeft, around(f, corner, 2.6f, {0.75f, -0.35f, -0.2f}));
    out.set(Blendshape::MouthRollLower, lipsInwards(f, false, true, 0.8f, 0.3f, everywhere));
    out.set(Blendshape::MouthRollUpper, lipsInwards(f, true, false, 0.8f, 0.3f, everywhere));
    out.set(Blendshape::MouthPressLeft, add(lipsInwards(f, true, true, 0.45f, 0.05f, left_half),
                                            around(f, corner, 1.2f, {0.15f, 0.0f, -0.05f})));
    {
        // The chin boss (mentalis) pushes the lower lip up and out.
        const glm::vec3 chin = 0.5f * (f.v[17] + f.v[landmark::kChin]);
        Deltas d = zeros(f);
        for (size_t i = 0; i < f.v.size(); ++i) {
            const glm::vec3& p = f.v[i];
            d[i] = f.lowerLipSide(p) * falloff(glm::distance(p, chin), 3.2f) *
                   glm::vec3(0.0f, 0.35f, 0.25f);
        }
        out.set(Blendshape::MouthShrugLower, d);
    }
    out.set(Blendshape::MouthShrugUpper, oneLip(f, false, f.v[0], 2.0f, {0.0f, 0.3f, 0.2f}));
    const float side_x = 0.5f * f.mouth_corner_x;
    out.set(Blendshape::MouthLowerDownLeft,
            oneLip(f, true, f.lower_outer.at(side_x), 2.0f, {0.0f, -0.6f, 0.05f}));
    out.set(Blendshape::MouthUpperUpLeft,
            oneLip(f, false, f.upper_outer.at(side_x), 2.0f, {0.0f, 0.55f, 0.05f}));
    {
        // No tongue in the mesh: what a protruding tongue does to the face is a slightly
        // dropped jaw and a lower lip pushed down and forward over it.
        const Deltas jaw = jawOpenShape(f);
        Deltas d = zeros(f);
        const glm::vec3 lip = f.v[landmark::kLowerInnerLip];
        for (size_t i = 0; i < f.v.size(); ++i) {
            const glm::vec3& p = f.v[i];
            const float push = f.lowerLipSide(p) * falloff(glm::distance(p, lip), 2.0f);
            d[i] = 0.2f * jaw[i] + push * glm::vec3(0.0f, -0.25f, 0.45f);
        }
        out.set(Blendshape::TongueOut, d);
    }
}

void makeBrowsCheeksNose(const FaceFrame& f, ShapeSet& out) {
    // The corrugator pulls the brow down and towards the nose, most at its inner end.
    out.set(Blendshape::BrowDownLeft, leftBrow(f, {-0.2f, -0.5f, 0.05f}, 1.0f, 0.6f));
    out.set(Blendshape::BrowOuterUpLeft, leftBrow(f, {0.0f, 0.6f, 0.0f}, 0.0f, 1.0f));
    {
        const Deltas left = leftBrow(f, {0.0f, 0.65f, 0.05f}, 1.0f, 0.1f);
        const Deltas right = mirrored(f, left);
        Deltas d = zeros(f);
        for (size_t i = 0; i < d.size(); ++i) {
            // Both inner ends rise; between them the larger of the two pulls, not their sum.
            d[i] = glm::length(left[i]) > glm::length(right[i]) ? left[i] : right[i];
        }
        out.set(Blendshape::BrowInnerUp, d);
    }
    {
        // Air pushes the cheeks out along the skin's normal; the lips bulge a little too.
        const glm::vec3 cheek(4.3f, -3.0f, 0.0f);
        Deltas d = zeros(f);
        for (size_t i = 0; i < f.v.size(); ++i) {
            const glm::vec3& p = f.v[i];
            const glm::vec2 side(std::abs(p.x) - cheek.x, p.y - cheek.y);
            const float w = falloff(glm::length(side), 3.2f) * smoothstep(-2.0f, 0.5f, p.z);
            d[i] = 0.9f * w * f.normals[i] + f.nearLips(p, 0.6f) * glm::vec3(0.0f, 0.0f, 0.15f);
        }
        out.set(Blendshape::CheekPuff, d);
    }
    {
        // The cheek below the eye rises and pushes the lower lid up.
        const glm::vec3 lid = f.v[374];
        const glm::vec3 cheek = lid + glm::vec3(0.3f, -1.4f, 0.0f);
        out.set(Blendshape::CheekSquintLeft, around(f, cheek, 2.4f, {0.05f, 0.5f, 0.15f}));
    }
    {
        // The levator raises the nostril wing and the skin beside the nose, and wrinkles the
        // bridge; a little of the upper lip follows.
        const glm::vec3 wing = f.v[358];
        const glm::vec3 bridge = 0.5f * (f.v[358] + f.v[landmark::kLeftEyeInner]);
        out.set(Blendshape::NoseSneerLeft, add(around(f, wing, 1.8f, {0.05f, 0.6f, 0.1f}),
                                               around(f, bridge, 1.2f, {-0.05f, 0.2f, 0.1f})));
    }
}

}  // namespace

std::string_view blendshapeName(Blendshape shape) {
    const int i = static_cast<int>(shape);
    return i >= 0 && i < kBlendshapeCount ? kNames[static_cast<size_t>(i)] : std::string_view();
}

std::optional<Blendshape> blendshapeFromName(std::string_view name) {
    for (int i = 0; i < kBlendshapeCount; ++i) {
        if (kNames[static_cast<size_t>(i)] == name) {
            return static_cast<Blendshape>(i);
        }
    }
    return std::nullopt;
}

Blendshape mirroredBlendshape(Blendshape shape) {
    const std::string_view name = blendshapeName(shape);
    for (const auto& [from, to] :
         {std::pair<std::string_view, std::string_view>{"Left", "Right"}, {"Right", "Left"}}) {
        const size_t at = name.rfind(from);
        if (at != std::string_view::npos && at + from.size() == name.size()) {
            std::string partner(name.substr(0, at));
            partner += to;
            return *blendshapeFromName(partner);
        }
    }
    return shape;
}

const BlendshapeBasis& BlendshapeBasis::canonical() {
    static const BlendshapeBasis basis(FaceMesh::canonical());
    return basis;
}

BlendshapeBasis::BlendshapeBasis(const FaceMesh& mesh) : neutral_(mesh.vertices()) {
    const FaceFrame frame(mesh);
    ShapeSet shapes;
    makeEyes(frame, shapes);
    makeJaw(frame, shapes);
    makeMouth(frame, shapes);
    makeBrowsCheeksNose(frame, shapes);
    for (int i = 0; i < kBlendshapeCount; ++i) {
        const auto shape = static_cast<Blendshape>(i);
        const Blendshape partner = mirroredBlendshape(shape);
        Deltas& d = shapes.deltas[static_cast<size_t>(i)];
        if (partner == shape) {
            d = symmetrised(frame, d);
        } else if (blendshapeName(shape).substr(blendshapeName(shape).size() - 5) == "Right") {
            // Right shapes are made only from their Left partner, so the pair is exact.
            d = mirrored(frame, deltas_[static_cast<size_t>(partner)]);
        }
        deltas_[static_cast<size_t>(i)] = std::move(d);
    }
}

FaceShape BlendshapeBasis::evaluate(const BlendshapeWeights& weights) const {
    FaceShape shape{neutral_};
    for (size_t s = 0; s < deltas_.size(); ++s) {
        const float w = weights[s];
        if (w == 0.0f) {
            continue;
        }
        for (size_t i = 0; i < neutral_.size(); ++i) {
            shape.vertices[i] += w * deltas_[s][i];
        }
    }
    return shape;
}

FaceShape BlendshapeBasis::evaluate(Blendshape shape, float weight) const {
    BlendshapeWeights weights{};
    weights[static_cast<size_t>(shape)] = weight;
    return evaluate(weights);
}

}  // namespace ps
