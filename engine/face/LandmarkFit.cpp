#include "face/LandmarkFit.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <limits>
#include <opencv2/calib3d.hpp>

#include "face/FaceMesh.h"

namespace ps {

namespace {

constexpr int kPoseParams = 6;  // rotation increment (3), translation (3)
constexpr int kShapeParams = kIdentityModeCount + kBlendshapeCount;
constexpr int kMaxParams = kPoseParams + kShapeParams;

// Every vertex's non-zero offsets from the identity modes (shape k) and blendshapes
// (kIdentityModeCount + j). Most blendshapes touch a small part of the face, so walking these
// lists instead of 63 full fields is what keeps an iteration well under a millisecond.
struct SparseBasis {
    struct Entry {
        int shape;
        glm::vec3 delta;
    };
    std::vector<glm::vec3> neutral;
    std::vector<std::vector<Entry>> per_vertex;

    static const SparseBasis& get() {
        static const SparseBasis basis = [] {
            SparseBasis b;
            const BlendshapeBasis& blend = BlendshapeBasis::canonical();
            const IdentityBasis& ident = IdentityBasis::canonical();
            b.neutral = blend.neutral();
            b.per_vertex.resize(b.neutral.size());
            auto add = [&b](int shape, const std::vector<glm::vec3>& deltas) {
                for (size_t i = 0; i < deltas.size(); ++i) {
                    if (glm::dot(deltas[i], deltas[i]) > 1e-12f) {
                        b.per_vertex[i].push_back({shape, deltas[i]});
                    }
                }
            };
            for (int k = 0; k < kIdentityModeCount; ++k) {
                add(k, ident.deltas(static_cast<IdentityMode>(k)));
            }
            for (int j = 0; j < kBlendshapeCount; ++j) {
                add(kIdentityModeCount + j, blend.deltas(static_cast<Blendshape>(j)));
            }
            return b;
        }();
        return basis;
    }
};

// The solver's state: rotation as a quaternion (updated by small left-multiplied rotations, so
// there is no gimbal lock), translation, and all 63 shape coefficients.
struct State {
    glm::dquat rotation{1.0, 0.0, 0.0, 0.0};
    glm::dvec3 translation{0.0};
    std::array<double, kShapeParams> shape{};
};

struct Problem {
    std::vector<LandmarkTarget> targets;
    cv::Size image_size;
    double focal_px = 1.0;
    glm::dvec2 centre{0.0};
    // Which shape coefficients move, and the parameter column of each (-1: fixed).
    std::array<int, kShapeParams> column{};
    int param_count = kPoseParams;
    double identity_prior = 1.0;
    double expression_prior = 1.0;
    double symmetry_prior = 0.0;
    double pose_prior = 0.0;
    // Left/Right blendshape pairs whose weights are both free (shape indices).
    std::vector<std::pair<int, int>> symmetric_pairs;
};

bool isExpression(int shape) {
    return shape >= kIdentityModeCount;
}

glm::dvec3 localPoint(const Problem&, const State& s, int vertex) {
    const SparseBasis& basis = SparseBasis::get();
    glm::dvec3 p(basis.neutral[vertex]);
    for (const SparseBasis::Entry& e : basis.per_vertex[vertex]) {
        p += s.shape[e.shape] * glm::dvec3(e.delta);
    }
    return p;
}

glm::dvec3 targetLocalPoint(const Problem& pr, const State& s, const LandmarkTarget& t) {
    const glm::dvec3 a = localPoint(pr, s, t.index);
    return t.partner >= 0 ? 0.5 * (a + localPoint(pr, s, t.partner)) : a;
}

// The head's rotation as a rotation vector (axis times angle, radians): its x is pitch, its y
// yaw, near enough for a prior.
glm::dvec3 rotationVector(const glm::dquat& rotation) {
    const glm::dquat q = rotation.w < 0.0 ? -rotation : rotation;
    const double sin_half = glm::length(glm::dvec3(q.x, q.y, q.z));
    if (sin_half < 1e-12) {
        return glm::dvec3(0.0);
    }
    const double angle = 2.0 * std::atan2(sin_half, q.w);
    return glm::dvec3(q.x, q.y, q.z) * (angle / sin_half);
}

// The rotation that turns the face's forward axis (+z) straight at the camera from where the
// face is, without roll. A face high in a wide-angle photo that looks into the lens is pitched
// in the camera's axes by the angle it is seen at; that is facing the camera, not turning.
glm::dquat facingCamera(const glm::dvec3& translation) {
    const double distance = glm::length(translation);
    if (distance < 1e-9) {
        return glm::dquat(1.0, 0.0, 0.0, 0.0);
    }
    const glm::dvec3 to_camera = -translation / distance;
    const glm::dvec3 axis = glm::cross(glm::dvec3(0.0, 0.0, 1.0), to_camera);
    const double sin_angle = glm::length(axis);
    if (sin_angle < 1e-12) {
        return glm::dquat(1.0, 0.0, 0.0, 0.0);  // straight ahead (behind is not a face)
    }
    return glm::angleAxis(std::atan2(sin_angle, to_camera.z), axis / sin_angle);
}

// The head's turn away from facing the camera, in the frame of the line of sight.
glm::dquat turnFromCamera(const State& s) {
    return glm::inverse(facingCamera(s.translation)) * s.rotation;
}

double priorCost(const Problem& pr, const State& s) {
    double cost = 0.0;
    for (int k = 0; k < kShapeParams; ++k) {
        const double weight = isExpression(k) ? pr.expression_prior : pr.identity_prior;
        cost += weight * s.shape[k] * s.shape[k];
    }
    for (const auto& [a, b] : pr.symmetric_pairs) {
        const double d = s.shape[a] - s.shape[b];
        cost += pr.symmetry_prior * d * d;
    }
    if (pr.pose_prior > 0.0) {
        const glm::dvec3 v = rotationVector(turnFromCamera(s));
        cost += pr.pose_prior * (v.x * v.x + v.y * v.y);
    }
    return cost;
}

// Weighted squared pixel error plus the priors; infinite when a point would be behind the
// camera, so the solver never steps there.
double cost(const Problem& pr, const State& s) {
    double total = priorCost(pr, s);
    for (const LandmarkTarget& t : pr.targets) {
        const glm::dvec3 p = s.rotation * targetLocalPoint(pr, s, t) + s.translation;
        const double depth = -p.z;
        if (!(depth > 1.0)) {
            return std::numeric_limits<double>::infinity();
        }
        const glm::dvec2 px(pr.centre.x + pr.focal_px * p.x / depth,
                            pr.centre.y - pr.focal_px * p.y / depth);
        const glm::dvec2 r = px - glm::dvec2(t.pixel);
        total += t.weight * glm::dot(r, r);
    }
    return total;
}

// Cholesky solve of the small dense system a x = b (a symmetric positive definite, n x n).
bool solveSpd(std::vector<double>& a, std::vector<double>& b, int n) {
    for (int j = 0; j < n; ++j) {
        double d = a[j * n + j];
        for (int k = 0; k < j; ++k) {
            d -= a[j * n + k] * a[j * n + k];
        }
        if (!(d > 0.0)) {
            return false;
        }
        d = std::sqrt(d);
        a[j * n + j] = d;
        for (int i = j + 1; i < n; ++i) {
            double v = a[i * n + j];
            for (int k = 0; k < j; ++k) {
                v -= a[i * n + k] * a[j * n + k];
            }
            a[i * n + j] = v / d;
        }
    }
    for (int i = 0; i < n; ++i) {
        double v = b[i];
        for (int k = 0; k < i; ++k) {
            v -= a[i * n + k] * b[k];
        }
        b[i] = v / a[i * n + i];
    }
    for (int i = n - 1; i >= 0; --i) {
        double v = b[i];
        for (int k = i + 1; k < n; ++k) {
            v -= a[k * n + i] * b[k];
        }
        b[i] = v / a[i * n + i];
    }
    return true;
}

// Gauss-Newton normal equations J^T W J and J^T W r at `s`, with the priors added.
void normalEquations(const Problem& pr, const State& s, std::vector<double>& h,
                     std::vector<double>& g) {
    const int n = pr.param_count;
    h.assign(size_t(n) * n, 0.0);
    g.assign(n, 0.0);
    const SparseBasis& basis = SparseBasis::get();
    const glm::dmat3 rot = glm::mat3_cast(s.rotation);
    std::vector<double> jx(n), jy(n);
    std::vector<int> nonzero;
    std::vector<char> touched(n, 0);
    for (const LandmarkTarget& t : pr.targets) {
        const glm::dvec3 local = targetLocalPoint(pr, s, t);
        const glm::dvec3 q = rot * local;
        const glm::dvec3 p = q + s.translation;
        const double depth = -p.z;
        const double f = pr.focal_px / depth;
        const glm::dvec2 px(pr.centre.x + f * p.x, pr.centre.y - f * p.y);
        const glm::dvec2 r = px - glm::dvec2(t.pixel);
        // d(pixel)/d(camera point): rows of a 2x3 matrix.
        const glm::dvec3 ax(f, 0.0, f * p.x / depth);
        const glm::dvec3 ay(0.0, -f, -f * p.y / depth);

        std::fill(jx.begin(), jx.end(), 0.0);
        std::fill(jy.begin(), jy.end(), 0.0);
        nonzero.clear();
        // Rotation: exp(w) q ~ q + w x q, and row . (w x q) = w . (q x row).
        const glm::dvec3 rx = glm::cross(q, ax);
        const glm::dvec3 ry = glm::cross(q, ay);
        for (int i = 0; i < 3; ++i) {
            jx[i] = rx[i];
            jy[i] = ry[i];
            jx[3 + i] = ax[i];
            jy[3 + i] = ay[i];
            nonzero.push_back(i);
            nonzero.push_back(3 + i);
        }
        // Shapes: the rotated offset field seen through the projection.
        const glm::dvec3 arx = glm::transpose(rot) * ax;
        const glm::dvec3 ary = glm::transpose(rot) * ay;
        const double share = t.partner >= 0 ? 0.5 : 1.0;
        for (int vertex : {t.index, t.partner}) {
            if (vertex < 0) {
                continue;
            }
            for (const SparseBasis::Entry& e : basis.per_vertex[vertex]) {
                const int c = pr.column[e.shape];
                if (c < 0) {
                    continue;
                }
                const glm::dvec3 d = share * glm::dvec3(e.delta);
                jx[c] += glm::dot(arx, d);
                jy[c] += glm::dot(ary, d);
                if (!touched[c]) {
                    touched[c] = 1;
                    nonzero.push_back(c);
                }
            }
        }
        const double w = t.weight;
        for (int a : nonzero) {
            g[a] += w * (jx[a] * r.x + jy[a] * r.y);
            const double wxa = w * jx[a];
            const double wya = w * jy[a];
            double* row = &h[size_t(a) * n];
            for (int b : nonzero) {
                row[b] += wxa * jx[b] + wya * jy[b];
            }
        }
        for (int c : nonzero) {
            touched[c] = 0;
        }
    }
    for (int k = 0; k < kShapeParams; ++k) {
        const int c = pr.column[k];
        if (c >= 0) {
            const double weight = isExpression(k) ? pr.expression_prior : pr.identity_prior;
            h[size_t(c) * n + c] += weight;
            g[c] += weight * s.shape[k];
        }
    }
    for (const auto& [left, right] : pr.symmetric_pairs) {
        const int a = pr.column[left], b = pr.column[right];
        const double d = pr.symmetry_prior * (s.shape[left] - s.shape[right]);
        g[a] += d;
        g[b] -= d;
        h[size_t(a) * n + a] += pr.symmetry_prior;
        h[size_t(b) * n + b] += pr.symmetry_prior;
        h[size_t(a) * n + b] -= pr.symmetry_prior;
        h[size_t(b) * n + a] -= pr.symmetry_prior;
    }
    if (pr.pose_prior > 0.0) {
        // A left-multiplied increment w turns the rotation from facing the camera, F^-1 R, by
        // F^T w; its rotation vector moves by about that at the angles a face turns. The
        // prior's pitch and yaw rows of the Jacobian are therefore those of F^T (F's change
        // with the translation is second order and left out).
        const glm::dmat3 f = glm::mat3_cast(facingCamera(s.translation));
        const glm::dvec3 v = rotationVector(turnFromCamera(s));
        for (int row = 0; row < 2; ++row) {
            const glm::dvec3 j = f[row];  // row `row` of F^T is column `row` of F
            for (int a = 0; a < 3; ++a) {
                g[a] += pr.pose_prior * j[a] * v[row];
                for (int b = 0; b < 3; ++b) {
                    h[size_t(a) * n + b] += pr.pose_prior * j[a] * j[b];
                }
            }
        }
    }
}

State applyStep(const Problem& pr, const State& s, const std::vector<double>& step) {
    State next = s;
    const glm::dvec3 w(step[0], step[1], step[2]);
    const double angle = glm::length(w);
    if (angle > 0.0) {
        next.rotation = glm::normalize(glm::angleAxis(angle, w / angle) * s.rotation);
    }
    next.translation += glm::dvec3(step[3], step[4], step[5]);
    for (int k = 0; k < kShapeParams; ++k) {
        const int c = pr.column[k];
        if (c >= 0) {
            next.shape[k] += step[c];
            if (isExpression(k)) {
                next.shape[k] = std::clamp(next.shape[k], 0.0, 1.0);
            }
        }
    }
    return next;
}

// Levenberg-Marquardt with a projected step for the expression's [0, 1] box: weights resting
// on a bound whose gradient pushes them outwards are held for that iteration, so the step of
// the free ones is not spoilt by a move the clamp would undo.
State solve(const Problem& pr, State s, int max_iterations) {
    const int n = pr.param_count;
    double current = cost(pr, s);
    double lambda = 1e-3;
    std::vector<double> h, g, a, b;
    for (int iteration = 0; iteration < max_iterations && std::isfinite(current); ++iteration) {
        normalEquations(pr, s, h, g);
        std::vector<char> held(n, 0);
        for (int k = kIdentityModeCount; k < kShapeParams; ++k) {
            const int c = pr.column[k];
            if (c >= 0 &&
                ((s.shape[k] <= 0.0 && g[c] > 0.0) || (s.shape[k] >= 1.0 && g[c] < 0.0))) {
                held[c] = 1;
            }
        }
        bool improved = false;
        for (int attempt = 0; attempt < 10 && !improved; ++attempt) {
            a = h;
            b.assign(n, 0.0);
            for (int i = 0; i < n; ++i) {
                if (held[i]) {
                    for (int j = 0; j < n; ++j) {
                        a[size_t(i) * n + j] = 0.0;
                        a[size_t(j) * n + i] = 0.0;
                    }
                    a[size_t(i) * n + i] = 1.0;
                    continue;
                }
                a[size_t(i) * n + i] += lambda * (h[size_t(i) * n + i] + 1e-6);
                b[i] = -g[i];
            }
            if (!solveSpd(a, b, n)) {
                lambda *= 10.0;
                continue;
            }
            const State candidate = applyStep(pr, s, b);
            const double next = cost(pr, candidate);
            if (next < current) {
                const double gain = current - next;
                s = candidate;
                lambda = std::max(lambda * 0.3, 1e-9);
                improved = true;
                if (gain < 1e-7 * (1.0 + current)) {
                    return s;
                }
                current = next;
            } else {
                lambda *= 8.0;
            }
        }
        if (!improved) {
            break;  // no step lowers the cost any more: converged to float precision
        }
    }
    return s;
}

State stateOf(const FaceFit& fit) {
    State s;
    s.rotation = glm::dquat(toQuat(fit.pose));
    s.translation = glm::dvec3(fit.pose.translation);
    for (int k = 0; k < kIdentityModeCount; ++k) {
        s.shape[k] = fit.identity[k];
    }
    for (int j = 0; j < kBlendshapeCount; ++j) {
        s.shape[kIdentityModeCount + j] = fit.expression[j];
    }
    return s;
}

FaceFit fitOf(const State& s, cv::Size image_size, const PerspectiveCamera& camera) {
    FaceFit fit;
    fit.image_size = image_size;
    fit.pose = headPoseFrom(glm::quat(s.rotation), glm::vec3(s.translation));
    for (int k = 0; k < kIdentityModeCount; ++k) {
        fit.identity[k] = float(s.shape[k]);
    }
    for (int j = 0; j < kBlendshapeCount; ++j) {
        fit.expression[j] = float(s.shape[kIdentityModeCount + j]);
    }
    updateFaceFit(fit, camera);
    return fit;
}

Status checkTargets(const std::vector<LandmarkTarget>& targets, cv::Size image_size) {
    if (image_size.width <= 0 || image_size.height <= 0) {
        return Error{ErrorKind::BadInput, "the image size must be positive"};
    }
    for (const LandmarkTarget& t : targets) {
        const bool index_ok = t.index >= 0 && t.index < kFaceVertexCount;
        const bool partner_ok = t.partner >= -1 && t.partner < kFaceVertexCount;
        if (!index_ok || !partner_ok || !std::isfinite(t.pixel.x) || !std::isfinite(t.pixel.y) ||
            !std::isfinite(t.weight) || t.weight < 0.0f) {
            return Error{ErrorKind::BadInput,
                         "landmark target " + std::to_string(t.index) +
                             " is not a mesh vertex with a finite position and weight"};
        }
    }
    return {};
}

Problem makeProblem(const std::vector<LandmarkTarget>& targets, cv::Size image_size,
                    const LandmarkFitOptions& options, bool fit_identity, bool fit_expression) {
    Problem pr;
    for (const LandmarkTarget& t : targets) {
        if (t.weight > 0.0f) {
            pr.targets.push_back(t);
        }
    }
    pr.image_size = image_size;
    pr.focal_px = options.camera.focalLengthPx(image_size);
    pr.centre = glm::dvec2(0.5 * image_size.width, 0.5 * image_size.height);
    pr.identity_prior = options.identity_prior_px2;
    pr.expression_prior = options.expression_prior_px2;
    pr.symmetry_prior = options.symmetry_prior_px2;
    pr.pose_prior = options.pose_prior_px2;
    pr.param_count = kPoseParams;
    for (int k = 0; k < kShapeParams; ++k) {
        const bool free =
            isExpression(k)
                ? fit_expression && options.free_expressions.test(size_t(k - kIdentityModeCount))
                : fit_identity;
        pr.column[k] = free ? pr.param_count++ : -1;
    }
    if (pr.symmetry_prior > 0.0) {
        for (int j = 0; j < kBlendshapeCount; ++j) {
            const int mirror = static_cast<int>(mirroredBlendshape(static_cast<Blendshape>(j)));
            const int a = kIdentityModeCount + j, b = kIdentityModeCount + mirror;
            if (j < mirror && pr.column[a] >= 0 && pr.column[b] >= 0) {
                pr.symmetric_pairs.emplace_back(a, b);
            }
        }
    }
    return pr;
}

// A frontal neutral face with roll, scale and position from a 2D similarity between the
// targets and the neutral face's own frontal projection, placed in depth with placeFace.
State frontalGuess(const Problem& pr, const PerspectiveCamera& camera) {
    const State neutral;
    std::vector<glm::dvec2> model, image;
    std::vector<double> weights;
    for (const LandmarkTarget& t : pr.targets) {
        const glm::dvec3 p = targetLocalPoint(pr, neutral, t);
        model.emplace_back(p.x, -p.y);  // image y runs down
        image.emplace_back(t.pixel);
        weights.push_back(t.weight);
    }
    glm::dvec2 model_mean(0.0), image_mean(0.0);
    double weight_sum = 0.0;
    for (size_t i = 0; i < model.size(); ++i) {
        model_mean += weights[i] * model[i];
        image_mean += weights[i] * image[i];
        weight_sum += weights[i];
    }
    model_mean /= weight_sum;
    image_mean /= weight_sum;
    // Least-squares similarity as a complex number z = a + ib: image ≈ z * model.
    double sxx = 0.0, re = 0.0, im = 0.0;
    for (size_t i = 0; i < model.size(); ++i) {
        const glm::dvec2 m = model[i] - model_mean;
        const glm::dvec2 q = image[i] - image_mean;
        sxx += weights[i] * glm::dot(m, m);
        re += weights[i] * (m.x * q.x + m.y * q.y);
        im += weights[i] * (m.x * q.y - m.y * q.x);
    }
    const double roll_screen = std::atan2(im, re);  // clockwise on screen, image y down
    const glm::quat rotation = glm::angleAxis(float(-roll_screen), glm::vec3(0, 0, 1));

    // Where the similarity puts the outer eye corners, which is what placeFace aims.
    auto mapped = [&](int vertex) {
        const glm::dvec3 p = neutral.rotation * localPoint(pr, neutral, vertex);
        const glm::dvec2 m = glm::dvec2(p.x, -p.y) - model_mean;
        const glm::dvec2 z = glm::dvec2(re, im) / std::max(sxx, 1e-12);
        return image_mean + glm::dvec2(z.x * m.x - z.y * m.y, z.x * m.y + z.y * m.x);
    };
    const glm::dvec2 right = mapped(landmark::kRightEyeOuter);
    const glm::dvec2 left = mapped(landmark::kLeftEyeOuter);
    State s;
    s.rotation = glm::dquat(rotation);
    const float inter_ocular_px = float(std::max(glm::distance(right, left), 1e-3));
    s.translation = glm::dvec3(camera.placeFace(glm::vec2(0.5 * (right + left)), inter_ocular_px,
                                                pr.image_size, rotation));
    return s;
}

// The neutral mesh's pose by OpenCV's PnP (SQPnP: a global minimum, no initial guess needed).
// OpenCV's camera looks down +z with y down; ours looks down -z with y up: flip y and z.
bool pnpGuess(const Problem& pr, State* s) {
    const State neutral;
    std::vector<cv::Point3d> object;
    std::vector<cv::Point2d> image;
    for (const LandmarkTarget& t : pr.targets) {
        const glm::dvec3 p = targetLocalPoint(pr, neutral, t);
        object.emplace_back(p.x, p.y, p.z);
        image.emplace_back(t.pixel.x, t.pixel.y);
    }
    const cv::Matx33d k(pr.focal_px, 0.0, pr.centre.x, 0.0, pr.focal_px, pr.centre.y, 0.0, 0.0,
                        1.0);
    cv::Mat rvec, tvec;
    try {
        if (!cv::solvePnP(object, image, k, cv::noArray(), rvec, tvec, false, cv::SOLVEPNP_SQPNP)) {
            return false;
        }
    } catch (const cv::Exception&) {
        return false;  // degenerate point sets (all on a line): keep the frontal guess
    }
    cv::Matx33d r_cv;
    cv::Rodrigues(rvec, r_cv);
    glm::dmat3 r;  // GLM: r[column][row]
    for (int row = 0; row < 3; ++row) {
        const double sign = row == 0 ? 1.0 : -1.0;
        for (int col = 0; col < 3; ++col) {
            r[col][row] = sign * r_cv(row, col);
        }
    }
    s->rotation = glm::normalize(glm::quat_cast(r));
    s->translation = glm::dvec3(tvec.at<double>(0), -tvec.at<double>(1), -tvec.at<double>(2));
    return true;
}

}  // namespace

Result<FaceFit> refineFit(const FaceFit& start, const std::vector<LandmarkTarget>& targets,
                          const LandmarkFitOptions& options) {
    if (const Status ok = checkTargets(targets, start.image_size); !ok) {
        return ok.error();
    }
    const Problem pr = makeProblem(targets, start.image_size, options, options.fit_identity,
                                   options.fit_expression);
    const State s = solve(pr, stateOf(start), options.max_iterations);
    return fitOf(s, start.image_size, options.camera);
}

Result<FaceFit> fitToLandmarks(const std::vector<LandmarkTarget>& targets, cv::Size image_size,
                               const LandmarkFitOptions& options) {
    if (const Status ok = checkTargets(targets, image_size); !ok) {
        return ok.error();
    }
    const Problem pose_only = makeProblem(targets, image_size, options, false, false);
    if (pose_only.targets.size() < 2) {
        return Error{ErrorKind::BadInput, "fitting a face needs at least two landmark targets"};
    }
    State s = frontalGuess(pose_only, options.camera);
    if (pose_only.targets.size() >= 4) {
        State pnp;
        if (pnpGuess(pose_only, &pnp) && cost(pose_only, pnp) < cost(pose_only, s)) {
            s = pnp;
        }
        // Pose first, on the neutral face, so the shapes do not soak up a wrong pose; then all.
        s = solve(pose_only, s, options.max_iterations);
        if (options.fit_identity || options.fit_expression) {
            const Problem full = makeProblem(targets, image_size, options, options.fit_identity,
                                             options.fit_expression);
            s = solve(full, s, options.max_iterations * 2);
        }
    }
    return fitOf(s, image_size, options.camera);
}

Result<FaceFit> fitFromFivePoints(const glm::vec2& eye_right_px, const glm::vec2& eye_left_px,
                                  const glm::vec2& nose_tip_px, const glm::vec2& mouth_right_px,
                                  const glm::vec2& mouth_left_px, cv::Size image_size) {
    const std::vector<LandmarkTarget> targets = {
        {landmark::kRightEyeOuter, eye_right_px, 1.0f, landmark::kRightEyeInner},
        {landmark::kLeftEyeOuter, eye_left_px, 1.0f, landmark::kLeftEyeInner},
        {landmark::kNoseTip, nose_tip_px, 1.0f, -1},
        {landmark::kMouthRight, mouth_right_px, 1.0f, -1},
        {landmark::kMouthLeft, mouth_left_px, 1.0f, -1},
    };
    LandmarkFitOptions options;
    options.fit_identity = false;
    options.fit_expression = false;
    return fitToLandmarks(targets, image_size, options);
}

Result<FaceFit> refitWithCorrections(const FaceFit& current,
                                     const std::vector<LandmarkTarget>& moved,
                                     const LandmarkFitOptions& options) {
    if (current.landmarks2d.size() != size_t(kFaceVertexCount)) {
        return Error{ErrorKind::BadInput, "the fit to correct has no landmarks"};
    }
    // A moved point counts as much as all the held ones together, so it lands where it was
    // put, while the held ones still decide how the rest of the face follows.
    constexpr float kHeldWeight = 1.0f;
    constexpr float kMovedWeight = 1000.0f;
    std::vector<char> is_moved(kFaceVertexCount, 0);
    std::vector<LandmarkTarget> targets;
    for (const LandmarkTarget& m : moved) {
        if (m.index >= 0 && m.index < kFaceVertexCount) {
            is_moved[m.index] = 1;
        }
        LandmarkTarget t = m;
        t.weight = kMovedWeight * m.weight;
        targets.push_back(t);
    }
    for (int i = 0; i < kFaceVertexCount; ++i) {
        if (!is_moved[i] && std::isfinite(current.landmarks2d[i].x)) {
            targets.push_back({i, current.landmarks2d[i], kHeldWeight, -1});
        }
    }
    return refineFit(current, targets, options);
}

}  // namespace ps
