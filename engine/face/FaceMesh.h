// MediaPipe's canonical face mesh: 468 vertices in MediaPipe's order (AniPortrait and every
// MediaPipe-based tool index landmarks this way), 898 triangles, per-vertex UVs, the 10 iris
// points of the iris model, and MediaPipe's named edge lists. Immutable once built.
#pragma once

#include <array>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <string_view>
#include <vector>

#include "runtime/Result.h"

namespace ps {

constexpr int kFaceVertexCount = 468;
constexpr int kIrisVertexCount = 10;  // indices 468..477 in MediaPipe's iris model
constexpr int kFaceTriangleCount = 898;

// Landmarks the studio refers to by name. Left/right are the subject's (DESIGN.md).
namespace landmark {
constexpr int kRightEyeOuter = 33;
constexpr int kRightEyeInner = 133;
constexpr int kLeftEyeInner = 362;
constexpr int kLeftEyeOuter = 263;
constexpr int kNoseTip = 1;
constexpr int kMouthRight = 61;
constexpr int kMouthLeft = 291;
constexpr int kUpperInnerLip = 13;
constexpr int kLowerInnerLip = 14;
constexpr int kChin = 152;
constexpr int kForeheadTop = 10;
constexpr int kRightIrisCentre = 468;  // iris model only
constexpr int kLeftIrisCentre = 473;   // iris model only
}  // namespace landmark

// MediaPipe's edge lists, by the names in connections.json.
enum class FaceRegion {
    Invalid = 0,
    Lips,
    LeftEye,
    RightEye,
    LeftEyebrow,
    RightEyebrow,
    LeftIris,   // edges between iris vertices 468..477
    RightIris,  // edges between iris vertices 468..477
    FaceOval,
    Nose,
    Contours,     // lips, eyes, brows and oval together
    Tesselation,  // every edge of the mesh
};

using MeshEdge = std::array<int, 2>;
using MeshTriangle = std::array<int, 3>;

class FaceMesh {
public:
    // The canonical mesh, parsed once from the data compiled into the engine. A constant, like
    // a table: safe to call from any thread.
    static const FaceMesh& canonical();

    // Builds a mesh from MediaPipe's files: the 468-vertex OBJ, the 478-vertex iris OBJ and
    // connections.json. Errors say which file and what is wrong.
    static Result<FaceMesh> parse(std::string_view face_obj, std::string_view iris_obj,
                                  std::string_view connections_json);

    const std::vector<glm::vec3>& vertices() const { return vertices_; }  // cm, y up, z to viewer
    const std::vector<glm::vec3>& irisVertices() const { return iris_; }  // 468..477 as 0..9
    const std::vector<glm::vec2>& uvs() const { return uvs_; }            // per vertex
    const std::vector<MeshTriangle>& triangles() const { return triangles_; }

    const std::vector<MeshEdge>& edges(FaceRegion region) const;
    // The distinct vertices the region's edges touch, ascending.
    std::vector<int> regionVertices(FaceRegion region) const;
    // The vertex at the mirror position across the face's midplane (x -> -x); a vertex on the
    // midplane is its own mirror.
    int mirrorOf(int vertex) const { return mirror_[vertex]; }

private:
    std::vector<glm::vec3> vertices_;
    std::vector<glm::vec3> iris_;
    std::vector<glm::vec2> uvs_;
    std::vector<MeshTriangle> triangles_;
    std::array<std::vector<MeshEdge>, 12> edges_;  // by FaceRegion
    std::vector<int> mirror_;
};

}  // namespace ps
