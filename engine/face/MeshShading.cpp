#include "face/MeshShading.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <opencv2/imgproc.hpp>

#include "face/MeshParts.h"

namespace ps {

namespace {

glm::vec3 turned(const glm::vec3& p, float yaw_rad, float pitch_rad) {
    const float cy = std::cos(yaw_rad);
    const float sy = std::sin(yaw_rad);
    const glm::vec3 a(p.x * cy + p.z * sy, p.y, -p.x * sy + p.z * cy);
    const float cp = std::cos(pitch_rad);
    const float sp = std::sin(pitch_rad);
    return {a.x, a.y * cp - a.z * sp, a.y * sp + a.z * cp};
}

}  // namespace

cv::Mat shadeMesh(const std::vector<glm::vec3>& vertices, const FaceMesh& mesh, cv::Size size,
                  const ShadingView& view) {
    const std::vector<MeshTriangle>& triangles = mesh.triangles();
    const std::vector<MeshPart> parts = meshTriangleParts(mesh);
    cv::Mat image(size, CV_8UC3, view.background);
    const float yaw = glm::radians(view.yaw_deg);
    const float pitch = glm::radians(view.pitch_deg);
    std::vector<glm::vec3> p(vertices.size());
    for (size_t i = 0; i < vertices.size(); ++i) {
        p[i] = turned(vertices[i] - view.centre_cm, yaw, pitch);
    }
    const float px_per_cm = static_cast<float>(size.height) / view.span_cm;
    const cv::Point2f centre(0.5f * static_cast<float>(size.width),
                             0.5f * static_cast<float>(size.height));

    // Back to front: far triangles first, so nearer ones cover them.
    std::vector<std::pair<float, size_t>> order;
    order.reserve(triangles.size());
    for (size_t t = 0; t < triangles.size(); ++t) {
        const MeshTriangle& tri = triangles[t];
        order.emplace_back(p[tri[0]].z + p[tri[1]].z + p[tri[2]].z, t);
    }
    std::sort(order.begin(), order.end());

    const glm::vec3 light = glm::normalize(glm::vec3(-0.35f, 0.45f, 1.0f));
    constexpr int kShift = 4;  // sub-pixel bits for fillConvexPoly
    for (const auto& [depth, t] : order) {
        (void)depth;
        const MeshTriangle& tri = triangles[t];
        const glm::vec3 n = glm::cross(p[tri[1]] - p[tri[0]], p[tri[2]] - p[tri[0]]);
        const float length = glm::length(n);
        if (length < 1e-9f) {
            continue;
        }
        // Shade both faces alike: the winding of a deformed triangle says nothing about which
        // side the viewer sees, and a flipped one should still be visible, not a hole.
        const float lambert = std::abs(glm::dot(n / length, light));
        const double shade = 0.25 + 0.75 * lambert;
        std::array<cv::Point, 3> corners;
        for (int k = 0; k < 3; ++k) {
            const glm::vec3& q = p[tri[static_cast<size_t>(k)]];
            corners[static_cast<size_t>(k)] =
                cv::Point(cvRound((centre.x + q.x * px_per_cm) * (1 << kShift)),
                          cvRound((centre.y - q.y * px_per_cm) * (1 << kShift)));
        }
        cv::Scalar colour = view.surface * shade;
        if (parts[t] == MeshPart::Eye) {
            colour = view.eyes;
        } else if (parts[t] == MeshPart::Mouth) {
            colour = view.mouth;
        } else if (parts[t] == MeshPart::Brow) {
            colour = view.brows * shade;
        }
        cv::fillConvexPoly(image, corners.data(), 3, colour, cv::LINE_AA, kShift);
    }
    return image;
}

}  // namespace ps
