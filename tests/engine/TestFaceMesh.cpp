// The canonical mesh as compiled into the engine: counts, orientation, named landmarks and
// regions where MediaPipe documents them, and the mirror table the blendshapes rely on.
#include <QtTest>
#include <glm/geometric.hpp>

#include "face/FaceMesh.h"

using ps::FaceMesh;
using ps::FaceRegion;
namespace lm = ps::landmark;

class TestFaceMesh : public QObject {
    Q_OBJECT

private slots:
    void hasMediaPipesCounts();
    void isUprightAndFacesTheViewer();
    void subjectsRightEyeIsOnTheImagesLeft();
    void regionsHoldTheirLandmarks();
    void mirrorPairsAreSymmetric();
    void refusesBrokenData();
};

void TestFaceMesh::hasMediaPipesCounts() {
    const FaceMesh& mesh = FaceMesh::canonical();
    QCOMPARE(int(mesh.vertices().size()), ps::kFaceVertexCount);
    QCOMPARE(int(mesh.uvs().size()), ps::kFaceVertexCount);
    QCOMPARE(int(mesh.triangles().size()), ps::kFaceTriangleCount);
    QCOMPARE(int(mesh.irisVertices().size()), ps::kIrisVertexCount);
    QCOMPARE(int(mesh.edges(FaceRegion::Tesselation).size()), 2556);
    QCOMPARE(int(mesh.edges(FaceRegion::Lips).size()), 40);
    QCOMPARE(int(mesh.edges(FaceRegion::FaceOval).size()), 36);
    for (const glm::vec2& uv : mesh.uvs()) {
        QVERIFY(uv.x >= 0.0f && uv.x <= 1.0f && uv.y >= 0.0f && uv.y <= 1.0f);
    }
    for (const ps::MeshTriangle& t : mesh.triangles()) {
        const auto& v = mesh.vertices();
        const float area = glm::length(glm::cross(v[t[1]] - v[t[0]], v[t[2]] - v[t[0]]));
        QVERIFY(area > 1e-6f);
    }
}

void TestFaceMesh::isUprightAndFacesTheViewer() {
    const auto& v = FaceMesh::canonical().vertices();
    QVERIFY(v[lm::kForeheadTop].y > v[lm::kNoseTip].y);
    QVERIFY(v[lm::kNoseTip].y > v[lm::kChin].y);
    // The nose is nearest the viewer: its tip (1) within 2 mm of the frontmost point, which is
    // vertex 4 just above it.
    for (const glm::vec3& p : v) {
        QVERIFY(p.z <= v[lm::kNoseTip].z + 0.2f);
    }
    QVERIFY(v[4].z >= v[lm::kNoseTip].z);
    // About 6 to 7 cm between the outer eye corners of an average adult: metric units.
    const float eye_span = glm::distance(v[lm::kRightEyeOuter], v[lm::kLeftEyeOuter]);
    QVERIFY2(eye_span > 7.0f && eye_span < 11.0f, qPrintable(QString::number(eye_span)));
}

void TestFaceMesh::subjectsRightEyeIsOnTheImagesLeft() {
    const FaceMesh& mesh = FaceMesh::canonical();
    const auto& v = mesh.vertices();
    QVERIFY(v[lm::kRightEyeOuter].x < v[lm::kRightEyeInner].x);
    QVERIFY(v[lm::kRightEyeInner].x < 0.0f);
    QVERIFY(v[lm::kLeftEyeInner].x > 0.0f);
    QVERIFY(v[lm::kLeftEyeOuter].x > v[lm::kLeftEyeInner].x);
    QVERIFY(v[lm::kMouthRight].x < 0.0f && v[lm::kMouthLeft].x > 0.0f);
    // The iris centres sit between their eye's corners.
    const glm::vec3 right_iris = mesh.irisVertices()[lm::kRightIrisCentre - 468];
    QVERIFY(right_iris.x > v[lm::kRightEyeOuter].x && right_iris.x < v[lm::kRightEyeInner].x);
}

void TestFaceMesh::regionsHoldTheirLandmarks() {
    const FaceMesh& mesh = FaceMesh::canonical();
    const auto has = [&](FaceRegion region, int vertex) {
        const std::vector<int> r = mesh.regionVertices(region);
        return std::binary_search(r.begin(), r.end(), vertex);
    };
    QVERIFY(has(FaceRegion::RightEye, lm::kRightEyeOuter));
    QVERIFY(has(FaceRegion::LeftEye, lm::kLeftEyeOuter));
    QVERIFY(!has(FaceRegion::LeftEye, lm::kRightEyeOuter));
    QVERIFY(has(FaceRegion::Lips, lm::kMouthRight));
    QVERIFY(has(FaceRegion::Lips, lm::kUpperInnerLip));
    QVERIFY(has(FaceRegion::FaceOval, lm::kChin));
    QVERIFY(has(FaceRegion::LeftIris, lm::kLeftIrisCentre + 1));
    // Every left-side region vertex lies on the subject's left (+x).
    for (int vertex : mesh.regionVertices(FaceRegion::LeftEyebrow)) {
        QVERIFY(mesh.vertices()[vertex].x > 0.0f);
    }
}

void TestFaceMesh::mirrorPairsAreSymmetric() {
    const FaceMesh& mesh = FaceMesh::canonical();
    QCOMPARE(mesh.mirrorOf(lm::kRightEyeOuter), lm::kLeftEyeOuter);
    QCOMPARE(mesh.mirrorOf(lm::kRightEyeInner), lm::kLeftEyeInner);
    QCOMPARE(mesh.mirrorOf(lm::kMouthRight), lm::kMouthLeft);
    QCOMPARE(mesh.mirrorOf(lm::kNoseTip), lm::kNoseTip);
    QCOMPARE(mesh.mirrorOf(lm::kChin), lm::kChin);
    for (int i = 0; i < ps::kFaceVertexCount; ++i) {
        QCOMPARE(mesh.mirrorOf(mesh.mirrorOf(i)), i);
        const glm::vec3 p = mesh.vertices()[i];
        const glm::vec3 q = mesh.vertices()[mesh.mirrorOf(i)];
        QVERIFY(glm::distance(glm::vec3(-p.x, p.y, p.z), q) < 0.05f);
    }
}

void TestFaceMesh::refusesBrokenData() {
    const auto bad_obj = FaceMesh::parse("v 0 0 0\nf 1 1 1\n", "", "{}");
    QVERIFY(!bad_obj.ok());
    QVERIFY(QString::fromStdString(bad_obj.error().message).startsWith("canonical_face_model.obj"));
    const auto quad = FaceMesh::parse("v 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\nf 1 2 3 4\n", "", "{}");
    QVERIFY(!quad.ok());
    QVERIFY(QString::fromStdString(quad.error().message).contains("only triangles"));
}

QTEST_GUILESS_MAIN(TestFaceMesh)
#include "TestFaceMesh.moc"
