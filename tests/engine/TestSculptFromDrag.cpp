// A drag in the viewer as a landmark sculpt: the offset moves the dragged vertex's projection by
// the drag (to a tenth of a pixel) on a head turned 20°, alone and through the motion document;
// the mirrored sculpt mirrors and a mirrored drag still lands where dragged; a vertex on the
// midplane gives one symmetric sculpt; the falloff's radius in pixels; the keyed strength ramp.
#include <QtTest>
#include <glm/geometric.hpp>

#include "face/Blendshapes.h"
#include "face/FaceMesh.h"
#include "face/HeadPose.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionEvaluator.h"
#include "motion/SculptFromDrag.h"

using namespace ps;

namespace {

constexpr float kTolerance_px = 0.1f;

// A head turned 20° to the side (and a little pitched and rolled), mouth a little open.
FaceFit turnedFit() {
    FaceFit fit;
    fit.image_size = cv::Size(640, 480);
    const glm::quat rotation = rotationFromEulerDeg(glm::vec3(6.0f, 20.0f, -4.0f));
    const glm::vec3 translation =
        PerspectiveCamera{}.placeFace(glm::vec2(330.0f, 210.0f), 140.0f, fit.image_size, rotation);
    fit.pose = headPoseFrom(rotation, translation);
    fit.expression[size_t(Blendshape::JawOpen)] = 0.2f;
    fit.expression[size_t(Blendshape::MouthSmileLeft)] = 0.3f;
    updateFaceFit(fit);
    return fit;
}

// The fit with `offsets` (cm, face-local, per vertex) added, as a sculpted frame has them.
FaceFit withOffsets(const FaceFit& fit, const std::vector<glm::vec3>& offsets) {
    FaceFit moved = fit;
    moved.vertex_offsets_cm = offsets;
    updateFaceFit(moved);
    return moved;
}

glm::vec2 moveOf(const FaceFit& before, const FaceFit& after, int vertex) {
    return after.landmarks2d[size_t(vertex)] - before.landmarks2d[size_t(vertex)];
}

QByteArray describe(glm::vec2 got, glm::vec2 wanted) {
    return QStringLiteral("moved (%1, %2), dragged (%3, %4)")
        .arg(got.x, 0, 'f', 3)
        .arg(got.y, 0, 'f', 3)
        .arg(wanted.x, 0, 'f', 3)
        .arg(wanted.y, 0, 'f', 3)
        .toUtf8();
}

// The frame a document's sculpts make of `fit` at `t_s` (no voice, no idle motion).
FaceFit sculptedFrame(const FaceFit& fit, const std::vector<LandmarkSculpt>& sculpts, double t_s) {
    MotionDocument document;
    document.duration_s = 4.0;
    document.voice.enabled = false;
    document.idle.enabled = false;
    document.sculpts = sculpts;
    return applyFaceState(fit, evaluateMotion(document, MotionSources{}, t_s));
}

}  // namespace

class TestSculptFromDrag : public QObject {
    Q_OBJECT

private slots:
    void offsetMovesTheProjectionByTheDrag_data();
    void offsetMovesTheProjectionByTheDrag();
    void sculptMovesTheVertexThroughTheDocument();
    void mirroredSculptMirrors();
    void mirroredDragStillLandsWhereDragged();
    void midplaneVertexGivesOneSymmetricSculpt();
    void radiusInPixelsIsTheRadiusAtTheVertexDepth();
    void strengthRampPeaksAtTheKey();
};

void TestSculptFromDrag::offsetMovesTheProjectionByTheDrag_data() {
    QTest::addColumn<int>("vertex");
    QTest::addColumn<float>("dx");
    QTest::addColumn<float>("dy");
    QTest::newRow("lower lip down") << landmark::kLowerInnerLip << 0.0f << 6.0f;
    QTest::newRow("mouth corner out") << landmark::kMouthRight << -7.5f << 3.25f;
    QTest::newRow("far mouth corner") << landmark::kMouthLeft << 4.0f << -2.0f;
    QTest::newRow("upper lid up") << 159 << 0.5f << -4.0f;
    QTest::newRow("nose tip") << landmark::kNoseTip << 12.0f << -9.0f;
    QTest::newRow("chin") << landmark::kChin << -3.0f << 15.0f;
}

void TestSculptFromDrag::offsetMovesTheProjectionByTheDrag() {
    QFETCH(int, vertex);
    QFETCH(float, dx);
    QFETCH(float, dy);
    const FaceFit fit = turnedFit();
    const glm::vec2 drag(dx, dy);
    const glm::vec3 offset = offsetForDrag(fit, vertex, drag);
    // A turned head: the drag is not in the face's own x-y plane, so depth changes in its axes.
    QVERIFY(glm::length(offset) > 0.0f);
    std::vector<glm::vec3> offsets(size_t(kFaceVertexCount), glm::vec3(0.0f));
    offsets[size_t(vertex)] = offset;
    const glm::vec2 moved = moveOf(fit, withOffsets(fit, offsets), vertex);
    QVERIFY2(glm::distance(moved, drag) < kTolerance_px, describe(moved, drag).constData());
}

void TestSculptFromDrag::sculptMovesTheVertexThroughTheDocument() {
    const FaceFit fit = turnedFit();
    const glm::vec2 drag(0.0f, 6.0f);
    LandmarkSculpt sculpt;
    sculpt.center_vertex = landmark::kLowerInnerLip;
    sculpt.radius_cm = 1.5f;
    sculpt.strength = strengthRampAround(1.0, 0.2);
    const std::vector<LandmarkSculpt> sculpts = sculptsForDrag(fit, sculpt, drag, false);
    QCOMPARE(sculpts.size(), size_t(1));
    QCOMPARE(sculpts[0].radius_cm, 1.5f);
    QCOMPARE(sculpts[0].strength.size(), size_t(3));
    const FaceFit before = sculptedFrame(fit, {}, 1.0);
    const glm::vec2 moved = moveOf(before, sculptedFrame(fit, sculpts, 1.0), sculpt.center_vertex);
    QVERIFY2(glm::distance(moved, drag) < kTolerance_px, describe(moved, drag).constData());
    // Its neighbours move less, and the far side of the face not at all.
    const glm::vec2 neighbour = moveOf(before, sculptedFrame(fit, sculpts, 1.0), 17);
    QVERIFY(glm::length(neighbour) < glm::length(drag) && glm::length(neighbour) > 0.1f);
    QCOMPARE(moveOf(before, sculptedFrame(fit, sculpts, 1.0), landmark::kForeheadTop),
             glm::vec2(0.0f));
    // Keyed: nothing left 0.2 s away from the key.
    QVERIFY(glm::length(moveOf(before, sculptedFrame(fit, sculpts, 1.25), 14)) < 1e-4f);
}

void TestSculptFromDrag::mirroredSculptMirrors() {
    LandmarkSculpt sculpt;
    sculpt.id = 7;
    sculpt.center_vertex = landmark::kMouthRight;
    sculpt.radius_cm = 1.2f;
    sculpt.offset_cm = glm::vec3(-0.3f, 0.2f, 0.1f);
    sculpt.strength = strengthRampAround(2.0, 0.2);
    const LandmarkSculpt mirrored = mirroredSculpt(sculpt);
    QCOMPARE(mirrored.id, ElementId(0));
    QCOMPARE(mirrored.center_vertex, landmark::kMouthLeft);
    QCOMPARE(mirrored.offset_cm, glm::vec3(0.3f, 0.2f, 0.1f));
    QCOMPARE(mirrored.radius_cm, sculpt.radius_cm);
    QCOMPARE(mirrored.strength.size(), sculpt.strength.size());
    // The centres are mirror images on the neutral face the falloff is measured on.
    const std::vector<glm::vec3>& neutral = BlendshapeBasis::canonical().neutral();
    const glm::vec3 a = neutral[size_t(sculpt.center_vertex)];
    const glm::vec3 b = neutral[size_t(mirrored.center_vertex)];
    QVERIFY(glm::distance(glm::vec3(-a.x, a.y, a.z), b) < 0.05f);
    // And so the face they make is the mirror image: each vertex's offset mirrors its mirror's.
    const FaceState right = evaluateMotion(
        [&] {
            MotionDocument d;
            d.sculpts = {sculpt};
            return d;
        }(),
        MotionSources{}, 2.0);
    const FaceState left = evaluateMotion(
        [&] {
            MotionDocument d;
            d.sculpts = {mirrored};
            return d;
        }(),
        MotionSources{}, 2.0);
    const FaceMesh& mesh = FaceMesh::canonical();
    for (int v = 0; v < kFaceVertexCount; ++v) {
        const glm::vec3 r = right.vertex_offsets_cm[size_t(v)];
        const glm::vec3 l = left.vertex_offsets_cm[size_t(mesh.mirrorOf(v))];
        QVERIFY2(glm::distance(glm::vec3(-r.x, r.y, r.z), l) < 0.02f,
                 qPrintable(QString::number(v)));
    }
    // Mirrored twice is the sculpt again (but for the id).
    const LandmarkSculpt twice = mirroredSculpt(mirrored);
    QCOMPARE(twice.center_vertex, sculpt.center_vertex);
    QCOMPARE(twice.offset_cm, sculpt.offset_cm);
}

void TestSculptFromDrag::mirroredDragStillLandsWhereDragged() {
    const FaceFit fit = turnedFit();
    // Far apart (the mouth's corners, a small radius) and overlapping (beside the lips' middle,
    // a radius reaching across): the dragged vertex follows either way.
    for (const auto& [vertex, radius_cm, drag] :
         {std::tuple(landmark::kMouthRight, 1.0f, glm::vec2(-5.0f, 2.0f)),
          std::tuple(82, 2.5f, glm::vec2(0.0f, -5.0f)),
          std::tuple(82, 2.5f, glm::vec2(1.0f, -4.0f))}) {
        LandmarkSculpt sculpt;
        sculpt.center_vertex = vertex;
        sculpt.radius_cm = radius_cm;
        const std::vector<LandmarkSculpt> sculpts = sculptsForDrag(fit, sculpt, drag, true);
        QCOMPARE(sculpts.size(), size_t(2));
        QCOMPARE(sculpts[1].center_vertex, FaceMesh::canonical().mirrorOf(vertex));
        QCOMPARE(sculpts[1].offset_cm, mirroredSculpt(sculpts[0]).offset_cm);
        const FaceFit before = sculptedFrame(fit, {}, 0.0);
        const FaceFit after = sculptedFrame(fit, sculpts, 0.0);
        const glm::vec2 moved = moveOf(before, after, vertex);
        QVERIFY2(glm::distance(moved, drag) < kTolerance_px, describe(moved, drag).constData());
        // The other side moved as much, mirrored in the face's own axes.
        const FaceState state = evaluateMotion(
            [&] {
                MotionDocument d;
                d.sculpts = sculpts;
                return d;
            }(),
            MotionSources{}, 0.0);
        const glm::vec3 here = state.vertex_offsets_cm[size_t(vertex)];
        const glm::vec3 there = state.vertex_offsets_cm[size_t(sculpts[1].center_vertex)];
        QVERIFY(glm::distance(glm::vec3(-here.x, here.y, here.z), there) < 1e-4f);
    }
}

void TestSculptFromDrag::midplaneVertexGivesOneSymmetricSculpt() {
    const FaceFit fit = turnedFit();
    LandmarkSculpt sculpt;
    sculpt.center_vertex = landmark::kLowerInnerLip;
    QCOMPARE(FaceMesh::canonical().mirrorOf(sculpt.center_vertex), sculpt.center_vertex);
    const std::vector<LandmarkSculpt> sculpts = sculptsForDrag(fit, sculpt, {3.0f, 6.0f}, true);
    QCOMPARE(sculpts.size(), size_t(1));
    QCOMPARE(sculpts[0].offset_cm.x, 0.0f);
    const glm::vec3 plain = offsetForDrag(fit, sculpt.center_vertex, {3.0f, 6.0f});
    QCOMPARE(sculpts[0].offset_cm.y, plain.y);
    QCOMPARE(sculpts[0].offset_cm.z, plain.z);
}

void TestSculptFromDrag::radiusInPixelsIsTheRadiusAtTheVertexDepth() {
    const FaceFit fit = turnedFit();
    const PerspectiveCamera camera;
    for (const int vertex : {landmark::kNoseTip, landmark::kMouthLeft, landmark::kMouthRight}) {
        const glm::vec3 at = fit.vertices[size_t(vertex)];
        // A point 1.5 cm away in the image plane at the vertex's depth, in any direction.
        const glm::vec3 beside = at + glm::normalize(glm::vec3(0.6f, 0.8f, 0.0f)) * 1.5f;
        const float expected = glm::distance(camera.project(beside, fit.image_size),
                                             camera.project(at, fit.image_size));
        QVERIFY(std::abs(radiusInPixels(fit, vertex, 1.5f) - expected) < 0.01f);
    }
    // The nearer mouth corner of a turned head looks larger.
    QVERIFY(radiusInPixels(fit, landmark::kMouthLeft, 1.0f) !=
            radiusInPixels(fit, landmark::kMouthRight, 1.0f));
    QCOMPARE(radiusInPixels(fit, -1, 1.0f), 0.0f);
    QCOMPARE(radiusInPixels(fit, kFaceVertexCount, 1.0f), 0.0f);
}

void TestSculptFromDrag::strengthRampPeaksAtTheKey() {
    const std::vector<Keyframe> keys = strengthRampAround(1.0, 0.2);
    QCOMPARE(keys.size(), size_t(3));
    QVERIFY(keysAreValid(keys));
    QCOMPARE(evaluateKeys(keys, 1.0), 1.0f);
    QCOMPARE(evaluateKeys(keys, 0.8), 0.0f);
    QCOMPARE(evaluateKeys(keys, 1.2), 0.0f);
    QCOMPARE(evaluateKeys(keys, 0.0), 0.0f);
    QCOMPARE(evaluateKeys(keys, 3.0), 0.0f);
    const float half = evaluateKeys(keys, 0.9);
    QVERIFY(half > 0.3f && half < 0.7f);
    // Near the start the ramp is cut at 0 s; at 0 s there is no ramp in.
    const std::vector<Keyframe> early = strengthRampAround(0.1, 0.2);
    QCOMPARE(early.size(), size_t(3));
    QCOMPARE(early.front().t_s, 0.0);
    QVERIFY(keysAreValid(early));
    const std::vector<Keyframe> first = strengthRampAround(0.0, 0.2);
    QCOMPARE(first.size(), size_t(2));
    QVERIFY(keysAreValid(first));
    QCOMPARE(evaluateKeys(first, 0.0), 1.0f);
}

QTEST_GUILESS_MAIN(TestSculptFromDrag)
#include "TestSculptFromDrag.moc"
