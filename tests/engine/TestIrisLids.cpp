// The Iris network's lid points land on the mesh's lid vertices: the sixteen of each eye, in the
// network's order (lower lid from the outer corner, then the upper lid), the left eye's on the
// mirror images of the right's, and nothing else moves.
#include <QtTest>
#include <set>

#include "face/FaceMesh.h"
#include "face/IrisLids.h"

using namespace ps;

class TestIrisLids : public QObject {
    Q_OBJECT

private slots:
    void lidPointsLandOnTheLidVertices() {
        std::vector<glm::vec3> mesh(size_t(kFaceVertexCount), glm::vec3(-1.0f, -1.0f, 7.0f));
        IrisLandmarks irises;
        irises.right_eye.contour.resize(EyeLandmarks::kContourPointCount);
        irises.left_eye.contour.resize(EyeLandmarks::kContourPointCount);
        for (int i = 0; i < EyeLandmarks::kContourPointCount; ++i) {
            irises.right_eye.contour[size_t(i)] = glm::vec3(100.0f + i, 1.0f, 0.0f);
            irises.left_eye.contour[size_t(i)] = glm::vec3(200.0f + i, 2.0f, 0.0f);
        }
        placeIrisLids(mesh, irises);
        // The corners and the middles of the lids, as MediaPipe numbers them.
        QCOMPARE(mesh[33].x, 100.0f);   // right eye, outer corner: the lower lid's first
        QCOMPARE(mesh[145].x, 104.0f);  // right lower lid's middle
        QCOMPARE(mesh[133].x, 108.0f);  // right inner corner
        QCOMPARE(mesh[159].x, 112.0f);  // right upper lid's middle
        QCOMPARE(mesh[263].x, 200.0f);  // left outer corner
        QCOMPARE(mesh[374].x, 204.0f);  // left lower lid's middle
        QCOMPARE(mesh[362].x, 208.0f);  // left inner corner
        QCOMPARE(mesh[386].x, 212.0f);  // left upper lid's middle
        std::set<int> moved;
        for (int v = 0; v < kFaceVertexCount; ++v) {
            if (mesh[size_t(v)].x != -1.0f) {
                moved.insert(v);
                QCOMPARE(mesh[size_t(v)].z, 7.0f);  // depth stays the mesh's
            }
        }
        QCOMPARE(int(moved.size()), 32);
    }

    void noContourLeavesTheMesh() {
        std::vector<glm::vec3> mesh(size_t(kFaceVertexCount), glm::vec3(3.0f));
        placeIrisLids(mesh, IrisLandmarks());
        for (const glm::vec3& p : mesh) {
            QCOMPARE(p, glm::vec3(3.0f));
        }
    }
};

QTEST_APPLESS_MAIN(TestIrisLids)
#include "TestIrisLids.moc"
