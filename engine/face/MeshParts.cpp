#include "face/MeshParts.h"

#include <array>

namespace ps {

std::vector<MeshPart> meshTriangleParts(const FaceMesh& mesh) {
    std::vector<int> region(mesh.vertices().size(), 0);
    const std::array<FaceRegion, 5> regions = {FaceRegion::LeftEye, FaceRegion::RightEye,
                                               FaceRegion::Lips, FaceRegion::LeftEyebrow,
                                               FaceRegion::RightEyebrow};
    const std::array<MeshPart, 5> region_parts = {MeshPart::Eye, MeshPart::Eye, MeshPart::Mouth,
                                                  MeshPart::Brow, MeshPart::Brow};
    for (size_t r = 0; r < regions.size(); ++r) {
        for (int i : mesh.regionVertices(regions[r])) {
            region[static_cast<size_t>(i)] = static_cast<int>(r) + 1;
        }
    }
    std::vector<MeshPart> parts;
    parts.reserve(mesh.triangles().size());
    for (const MeshTriangle& t : mesh.triangles()) {
        const int r = region[static_cast<size_t>(t[0])];
        const bool same = r != 0 && region[static_cast<size_t>(t[1])] == r &&
                          region[static_cast<size_t>(t[2])] == r;
        parts.push_back(same ? region_parts[static_cast<size_t>(r - 1)] : MeshPart::Skin);
    }
    return parts;
}

}  // namespace ps
