#include "face/IrisLids.h"

#include "face/FaceMesh.h"

namespace ps {

// MediaPipe's iris graph lists the vertices its contour replaces; the first sixteen are the lid
// margins: the lower lid from the outer corner (33) to the inner one (133), then the upper lid
// between them.
const int kRightEyeLidVertices[iris_contour::kLowerLidCount + iris_contour::kUpperLidCount] = {
    33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173};

void placeIrisLids(std::vector<glm::vec3>& mesh_px, const IrisLandmarks& irises) {
    if (mesh_px.size() < size_t(kFaceVertexCount)) {
        return;
    }
    const FaceMesh& mesh = FaceMesh::canonical();
    constexpr int count = iris_contour::kLowerLidCount + iris_contour::kUpperLidCount;
    for (int i = 0; i < count; ++i) {
        const int right = kRightEyeLidVertices[i];
        const int left = mesh.mirrorOf(right);
        const int point = iris_contour::kLowerLidFirst + i;
        if (size_t(point) < irises.right_eye.contour.size()) {
            mesh_px[size_t(right)].x = irises.right_eye.contour[size_t(point)].x;
            mesh_px[size_t(right)].y = irises.right_eye.contour[size_t(point)].y;
        }
        if (left >= 0 && size_t(point) < irises.left_eye.contour.size()) {
            mesh_px[size_t(left)].x = irises.left_eye.contour[size_t(point)].x;
            mesh_px[size_t(left)].y = irises.left_eye.contour[size_t(point)].y;
        }
    }
}

}  // namespace ps
