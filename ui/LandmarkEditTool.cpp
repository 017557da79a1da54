#include "ui/LandmarkEditTool.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>

#include "face/Blendshapes.h"
#include "face/FaceContours.h"
#include "face/FaceMesh.h"

namespace ps::ui {

namespace {

// The region's vertices on the subject's right side (or the midplane's, for unpaired ones).
std::vector<int> rightSideVertices(SculptRegion region) {
    const ps::FaceMesh& mesh = ps::FaceMesh::canonical();
    const auto& eye = ps::contour::kRightEye;  // outer corner, lower lid, inner corner, upper lid
    switch (region) {
        case SculptRegion::Lips:
            return mesh.regionVertices(ps::FaceRegion::Lips);
        case SculptRegion::UpperLid:
            return {eye.begin() + 9, eye.end()};
        case SculptRegion::LowerLid:
            return {eye.begin() + 1, eye.begin() + 8};
        case SculptRegion::Brows:
            return mesh.regionVertices(ps::FaceRegion::RightEyebrow);
        case SculptRegion::JawLine: {
            // The oval between the jaw's angles (397 … 152, the chin, … 172): from below the
            // ears it would reach across the whole face.
            const auto& oval = ps::contour::kFaceOval;
            return {oval.begin() + 12, oval.begin() + 25};
        }
        case SculptRegion::Nose:
            return mesh.regionVertices(ps::FaceRegion::Nose);
        case SculptRegion::Point:
            break;
    }
    return {};
}

RegionHandle makeHandle(std::vector<int> vertices, float reach) {
    RegionHandle handle;
    std::sort(vertices.begin(), vertices.end());
    vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
    if (vertices.empty()) {
        return handle;
    }
    const std::vector<glm::vec3>& neutral = ps::BlendshapeBasis::canonical().neutral();
    float best = std::numeric_limits<float>::max();
    for (const int centre : vertices) {
        float farthest = 0.0f;
        for (const int v : vertices) {
            farthest =
                std::max(farthest, glm::distance(neutral[size_t(centre)], neutral[size_t(v)]));
        }
        if (farthest < best) {
            best = farthest;
            handle.centre = centre;
        }
    }
    handle.radius_cm = reach * best;
    handle.vertices = std::move(vertices);
    return handle;
}

}  // namespace

const RegionHandle& regionHandle(SculptRegion region, bool left_side) {
    // [region][side]
    static const std::array<std::array<RegionHandle, 2>, kSculptRegionCount> handles = [] {
        std::array<std::array<RegionHandle, 2>, kSculptRegionCount> all{};
        const ps::FaceMesh& mesh = ps::FaceMesh::canonical();
        for (int r = 1; r < kSculptRegionCount; ++r) {
            const std::vector<int> right = rightSideVertices(SculptRegion(r));
            std::vector<int> left;
            for (const int v : right) {
                left.push_back(mesh.mirrorOf(v));
            }
            // The jaw hinges below the ears: its ends stay put, and the sculpt reaches no higher.
            const float reach =
                SculptRegion(r) == SculptRegion::JawLine ? 1.0f : LandmarkEditTool::kRegionReach;
            all[size_t(r)][0] = makeHandle(right, reach);
            all[size_t(r)][1] = makeHandle(left, reach);
        }
        return all;
    }();
    static const RegionHandle none;
    const int index = int(region);
    if (index <= 0 || index >= kSculptRegionCount) {
        return none;
    }
    const bool paired = region == SculptRegion::UpperLid || region == SculptRegion::LowerLid ||
                        region == SculptRegion::Brows;
    return handles[size_t(index)][paired && left_side ? 1 : 0];
}

QString LandmarkEditTool::regionName(SculptRegion region) {
    switch (region) {
        case SculptRegion::Point:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Point");
        case SculptRegion::Lips:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Lips");
        case SculptRegion::UpperLid:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Upper lid");
        case SculptRegion::LowerLid:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Lower lid");
        case SculptRegion::Brows:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Brows");
        case SculptRegion::JawLine:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Jaw line");
        case SculptRegion::Nose:
            return QCoreApplication::translate("ps::ui::LandmarkEditTool", "Nose");
    }
    return {};
}

void LandmarkEditTool::setLandmarks(const QVector<QPointF>& landmarks) {
    landmarks_ = landmarks;
    if (landmarks_.size() < ps::kFaceVertexCount && !dragging_) {
        leave();
    }
}

void LandmarkEditTool::setRegion(SculptRegion region) {
    if (int(region) < 0 || int(region) >= kSculptRegionCount || region == region_) {
        return;
    }
    region_ = region;
    if (!dragging_) {
        leave();  // the next hover picks in the new way
    }
}

void LandmarkEditTool::setScope(SculptScope scope) {
    if (scope == SculptScope::KeyedAtPlayhead || scope == SculptScope::WholeTake) {
        scope_ = scope;
    }
}

float LandmarkEditTool::radius_cm() const {
    if (region_ == SculptRegion::Point) {
        return point_radius_cm_;
    }
    // Both sides' handles have the same radius (the mesh is symmetric); the right's is asked.
    return std::clamp(regionHandle(region_, false).radius_cm * region_scale_, kMinRadius_cm,
                      kMaxRadius_cm);
}

void LandmarkEditTool::setRadius_cm(float radius_cm) {
    if (!std::isfinite(radius_cm)) {
        return;
    }
    const float clamped = std::clamp(radius_cm, kMinRadius_cm, kMaxRadius_cm);
    if (region_ == SculptRegion::Point) {
        point_radius_cm_ = clamped;
    } else {
        region_scale_ = clamped / regionHandle(region_, false).radius_cm;
    }
}

void LandmarkEditTool::changeRadius(double notches) {
    setRadius_cm(float(radius_cm() * std::pow(kWheelStep, notches)));
}

int LandmarkEditTool::nearestLandmark(QPointF image_px, const std::vector<int>& among,
                                      double* distance) const {
    int best = -1;
    double best_d = std::numeric_limits<double>::max();
    const auto consider = [&](int v) {
        const QPointF d = landmarks_[v] - image_px;
        const double length = std::hypot(d.x(), d.y());
        if (length < best_d) {
            best_d = length;
            best = v;
        }
    };
    if (among.empty()) {
        for (int v = 0; v < ps::kFaceVertexCount; ++v) {
            consider(v);
        }
    } else {
        for (const int v : among) {
            consider(v);
        }
    }
    *distance = best_d;
    return best;
}

LandmarkEditTool::Pick LandmarkEditTool::pickAt(QPointF image_px, double pick_px) const {
    if (landmarks_.size() < ps::kFaceVertexCount) {
        return {};
    }
    double distance = 0.0;
    if (region_ == SculptRegion::Point) {
        const int v = nearestLandmark(image_px, {}, &distance);
        return distance <= pick_px ? Pick{v, {v}} : Pick{};
    }
    const RegionHandle* best = nullptr;
    double best_d = std::numeric_limits<double>::max();
    for (const bool left : {false, true}) {
        const RegionHandle& handle = regionHandle(region_, left);
        (void)nearestLandmark(image_px, handle.vertices, &distance);
        if (distance < best_d) {
            best_d = distance;
            best = &handle;
        }
    }
    if (best == nullptr || best->centre < 0 || best_d > 2.0 * pick_px) {
        return {};
    }
    return {best->centre, best->vertices};
}

bool LandmarkEditTool::hover(QPointF image_px, double pick_px) {
    if (dragging_) {
        return false;
    }
    Pick pick = pickAt(image_px, pick_px);
    if (pick.vertex == target_ && pick.vertices == target_vertices_) {
        return false;
    }
    target_ = pick.vertex;
    target_vertices_ = std::move(pick.vertices);
    return true;
}

void LandmarkEditTool::leave() {
    if (!dragging_) {
        target_ = -1;
        target_vertices_.clear();
    }
}

int LandmarkEditTool::mirroredTargetVertex() const {
    if (!mirror_ || target_ < 0) {
        return -1;
    }
    const int other = ps::FaceMesh::canonical().mirrorOf(target_);
    return other == target_ ? -1 : other;
}

bool LandmarkEditTool::press(QPointF image_px, double pick_px) {
    dragging_ = false;
    (void)hover(image_px, pick_px);
    if (target_ < 0) {
        return false;
    }
    dragging_ = true;
    press_px_ = image_px;
    origin_px_ = landmarks_[target_];
    drag_ = SculptDrag{target_, radius_cm(), QPointF(), mirror_, scope_, region_};
    return true;
}

SculptDrag LandmarkEditTool::move(QPointF image_px) {
    if (dragging_) {
        drag_.delta_px = image_px - press_px_;
    }
    return drag_;
}

SculptDrag LandmarkEditTool::release() {
    dragging_ = false;
    return drag_;
}

}  // namespace ps::ui
