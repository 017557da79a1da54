#include "face/FaceMesh.h"

#include <FaceMeshData.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <glm/geometric.hpp>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace ps {

namespace {

struct ObjData {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec2> texcoords;
    std::vector<std::array<int, 3>> face_positions;  // 0-based
    std::vector<std::array<int, 3>> face_texcoords;  // 0-based, -1 where absent
};

// Reads the subset of OBJ that MediaPipe's files use: "v", "vt" and triangular "f" with
// "v/vt" or "v" references. Returns an empty string or the problem.
std::string readObj(std::string_view text, ObjData* out) {
    std::istringstream in{std::string(text)};
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        std::istringstream fields(line);
        std::string kind;
        fields >> kind;
        const std::string where = "line " + std::to_string(line_number);
        if (kind == "v") {
            glm::vec3 p;
            if (!(fields >> p.x >> p.y >> p.z)) {
                return where + ": a vertex needs three numbers";
            }
            out->positions.push_back(p);
        } else if (kind == "vt") {
            glm::vec2 t;
            if (!(fields >> t.x >> t.y)) {
                return where + ": a texture coordinate needs two numbers";
            }
            out->texcoords.push_back(t);
        } else if (kind == "f") {
            std::array<int, 3> v{};
            std::array<int, 3> t{-1, -1, -1};
            for (int corner = 0; corner < 3; ++corner) {
                std::string ref;
                if (!(fields >> ref)) {
                    return where + ": a face needs three corners";
                }
                const size_t slash = ref.find('/');
                v[corner] = std::atoi(ref.substr(0, slash).c_str()) - 1;
                if (slash != std::string::npos) {
                    t[corner] = std::atoi(ref.substr(slash + 1).c_str()) - 1;
                }
            }
            std::string extra;
            if (fields >> extra) {
                return where + ": only triangles are supported";
            }
            out->face_positions.push_back(v);
            out->face_texcoords.push_back(t);
        }
    }
    return {};
}

constexpr std::pair<const char*, FaceRegion> kRegionNames[] = {
    {"lips", FaceRegion::Lips},
    {"left_eye", FaceRegion::LeftEye},
    {"right_eye", FaceRegion::RightEye},
    {"left_eyebrow", FaceRegion::LeftEyebrow},
    {"right_eyebrow", FaceRegion::RightEyebrow},
    {"left_iris", FaceRegion::LeftIris},
    {"right_iris", FaceRegion::RightIris},
    {"face_oval", FaceRegion::FaceOval},
    {"nose", FaceRegion::Nose},
    {"contours", FaceRegion::Contours},
    {"tesselation", FaceRegion::Tesselation},
};

std::vector<int> mirrorTable(const std::vector<glm::vec3>& vertices) {
    std::vector<int> mirror(vertices.size());
    for (size_t i = 0; i < vertices.size(); ++i) {
        const glm::vec3 target(-vertices[i].x, vertices[i].y, vertices[i].z);
        float best = std::numeric_limits<float>::max();
        for (size_t j = 0; j < vertices.size(); ++j) {
            const float d = glm::distance(vertices[j], target);
            if (d < best) {
                best = d;
                mirror[i] = static_cast<int>(j);
            }
        }
    }
    return mirror;
}

}  // namespace

Result<FaceMesh> FaceMesh::parse(std::string_view face_obj, std::string_view iris_obj,
                                 std::string_view connections_json) {
    FaceMesh mesh;
    ObjData face;
    if (std::string problem = readObj(face_obj, &face); !problem.empty()) {
        return internalError("canonical_face_model.obj: " + problem);
    }
    if (face.positions.size() != kFaceVertexCount ||
        face.face_positions.size() != kFaceTriangleCount) {
        return internalError("canonical_face_model.obj: expected 468 vertices and 898 triangles");
    }
    mesh.vertices_ = face.positions;
    mesh.uvs_.assign(kFaceVertexCount, glm::vec2(0.0f));
    for (size_t f = 0; f < face.face_positions.size(); ++f) {
        MeshTriangle triangle{};
        for (int corner = 0; corner < 3; ++corner) {
            const int v = face.face_positions[f][corner];
            const int t = face.face_texcoords[f][corner];
            if (v < 0 || v >= kFaceVertexCount) {
                return internalError("canonical_face_model.obj: a face refers to a missing vertex");
            }
            if (t >= 0 && t < static_cast<int>(face.texcoords.size())) {
                mesh.uvs_[v] = face.texcoords[t];  // MediaPipe gives each vertex one UV
            }
            triangle[corner] = v;
        }
        mesh.triangles_.push_back(triangle);
    }

    ObjData iris;
    if (std::string problem = readObj(iris_obj, &iris); !problem.empty()) {
        return internalError("face_model_with_iris.obj: " + problem);
    }
    if (iris.positions.size() != kFaceVertexCount + kIrisVertexCount) {
        return internalError("face_model_with_iris.obj: expected 478 vertices");
    }
    mesh.iris_.assign(iris.positions.begin() + kFaceVertexCount, iris.positions.end());

    const nlohmann::json json = nlohmann::json::parse(connections_json, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return internalError("connections.json: not a JSON object");
    }
    constexpr int kLastIndex = kFaceVertexCount + kIrisVertexCount - 1;
    for (const auto& [name, region] : kRegionNames) {
        const auto it = json.find(name);
        if (it == json.end() || !it->is_array()) {
            return internalError(std::string("connections.json: no edge list '") + name + "'");
        }
        auto& edges = mesh.edges_[static_cast<size_t>(region)];
        for (const auto& pair : *it) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() ||
                !pair[1].is_number_integer()) {
                return internalError(std::string("connections.json: '") + name +
                                     "' holds something that is not a pair of indices");
            }
            const MeshEdge edge{pair[0].get<int>(), pair[1].get<int>()};
            if (std::min(edge[0], edge[1]) < 0 || std::max(edge[0], edge[1]) > kLastIndex) {
                return internalError(std::string("connections.json: '") + name +
                                     "' refers to a vertex beyond 477");
            }
            edges.push_back(edge);
        }
    }
    mesh.mirror_ = mirrorTable(mesh.vertices_);
    return mesh;
}

const FaceMesh& FaceMesh::canonical() {
    static const FaceMesh mesh = [] {
        Result<FaceMesh> parsed =
            parse(embedded::canonical_face_model_obj(), embedded::face_model_with_iris_obj(),
                  embedded::connections_json());
        // The data is compiled in and checked by the tests; failing here is a build defect.
        if (!parsed) {
            std::fprintf(stderr, "internal error: %s\n", parsed.error().message.c_str());
            std::abort();
        }
        return std::move(parsed).value();
    }();
    return mesh;
}

const std::vector<MeshEdge>& FaceMesh::edges(FaceRegion region) const {
    return edges_[static_cast<size_t>(region)];
}

std::vector<int> FaceMesh::regionVertices(FaceRegion region) const {
    std::vector<int> vertices;
    for (const MeshEdge& edge : edges(region)) {
        vertices.push_back(edge[0]);
        vertices.push_back(edge[1]);
    }
    std::sort(vertices.begin(), vertices.end());
    vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
    return vertices;
}

}  // namespace ps
