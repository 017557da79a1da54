// Head pose in AniPortrait's convention: Euler x, y, z degrees composed extrinsically
// (R = Rz * Ry * Rx, scipy's 'xyz'), quaternions and matrices agreeing with each other and with
// rotations built by hand, extraction that round-trips up to the gimbal limit, and the pose
// applied to the canonical mesh.
#include <QtTest>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

#include "face/FaceMesh.h"
#include "face/HeadPose.h"

using ps::HeadPose;

namespace {

// Elementary rotations written out, independent of GLM's quaternion code.
glm::mat3 rotX(float deg) {
    const float a = glm::radians(deg), c = std::cos(a), s = std::sin(a);
    return glm::transpose(glm::mat3(1, 0, 0, 0, c, -s, 0, s, c));  // rows as written
}
glm::mat3 rotY(float deg) {
    const float a = glm::radians(deg), c = std::cos(a), s = std::sin(a);
    return glm::transpose(glm::mat3(c, 0, s, 0, 1, 0, -s, 0, c));
}
glm::mat3 rotZ(float deg) {
    const float a = glm::radians(deg), c = std::cos(a), s = std::sin(a);
    return glm::transpose(glm::mat3(c, -s, 0, s, c, 0, 0, 0, 1));
}
glm::mat3 byHand(const glm::vec3& euler_deg) {
    return rotZ(euler_deg.z) * rotY(euler_deg.y) * rotX(euler_deg.x);
}

float maxDifference(const glm::mat3& a, const glm::mat3& b) {
    float d = 0.0f;
    for (int c = 0; c < 3; ++c) {
        for (int r = 0; r < 3; ++r) {
            d = std::max(d, std::abs(a[c][r] - b[c][r]));
        }
    }
    return d;
}

float angleDifferenceDeg(float a, float b) {
    return std::abs(std::remainder(a - b, 360.0f));
}

std::vector<glm::vec3> eulerGrid() {
    std::vector<glm::vec3> grid;
    for (float x : {-170.0f, -90.0f, -45.0f, -10.0f, 0.0f, 15.0f, 60.0f, 120.0f, 179.0f}) {
        for (float y : {-89.9f, -89.0f, -60.0f, -20.0f, 0.0f, 5.0f, 45.0f, 85.0f, 89.0f, 89.9f}) {
            for (float z : {-179.0f, -100.0f, -30.0f, 0.0f, 12.5f, 75.0f, 150.0f}) {
                grid.push_back({x, y, z});
            }
        }
    }
    return grid;
}

}  // namespace

class TestHeadPose : public QObject {
    Q_OBJECT

private slots:
    void quaternionMatchesElementaryRotationsInAniPortraitsOrder();
    void isExtrinsicNotIntrinsic();
    void signsOfPitchYawRoll();
    void eulerRoundTripsOverAGrid();
    void rotationRoundTripsAtTheGimbalLimit();
    void matrixRoundTrips();
    void applyPoseRotatesThenTranslates();
    void applyPoseWithReferenceActsInTheFacesFrame();
};

void TestHeadPose::quaternionMatchesElementaryRotationsInAniPortraitsOrder() {
    for (const glm::vec3& e : eulerGrid()) {
        const glm::mat3 expected = byHand(e);
        QVERIFY2(maxDifference(glm::mat3_cast(ps::rotationFromEulerDeg(e)), expected) < 1e-5f,
                 qPrintable(QString("euler %1 %2 %3").arg(e.x).arg(e.y).arg(e.z)));
        const glm::mat4 m = ps::toMatrix(HeadPose{e, {1, 2, -50}});
        QVERIFY(maxDifference(glm::mat3(m), expected) < 1e-5f);
    }
}

void TestHeadPose::isExtrinsicNotIntrinsic() {
    // Extrinsic x=90 then y=90 takes +y to +z and then to +x; the intrinsic reading
    // (R = Rx * Ry) would leave it at +z.
    const glm::vec3 v = ps::rotationFromEulerDeg({90, 90, 0}) * glm::vec3(0, 1, 0);
    QVERIFY(glm::length(v - glm::vec3(1, 0, 0)) < 1e-5f);
}

void TestHeadPose::signsOfPitchYawRoll() {
    const glm::vec3 forward(0, 0, 1);  // the nose points at the camera
    // Positive pitch tips the nose down (towards -y), positive yaw turns it to +x (the image's
    // right, the subject's left), positive roll turns +x towards +y.
    QVERIFY((ps::rotationFromEulerDeg({20, 0, 0}) * forward).y < -0.3f);
    QVERIFY((ps::rotationFromEulerDeg({0, 20, 0}) * forward).x > 0.3f);
    QVERIFY((ps::rotationFromEulerDeg({0, 0, 20}) * glm::vec3(1, 0, 0)).y > 0.3f);
}

void TestHeadPose::eulerRoundTripsOverAGrid() {
    for (const glm::vec3& e : eulerGrid()) {
        const glm::vec3 back = ps::eulerDegFromRotation(ps::rotationFromEulerDeg(e));
        const QString what = QString("euler %1 %2 %3 -> %4 %5 %6")
                                 .arg(e.x)
                                 .arg(e.y)
                                 .arg(e.z)
                                 .arg(back.x)
                                 .arg(back.y)
                                 .arg(back.z);
        // Float quaternions limit the coupled angles to ~0.05° at 89.9° yaw.
        const float tolerance = std::abs(e.y) > 89.5f ? 0.1f : 2e-3f;
        QVERIFY2(angleDifferenceDeg(back.x, e.x) < tolerance, qPrintable(what));
        QVERIFY2(std::abs(back.y - e.y) < 2e-3f, qPrintable(what));
        QVERIFY2(angleDifferenceDeg(back.z, e.z) < tolerance, qPrintable(what));
        QVERIFY(back.y >= -90.0f && back.y <= 90.0f);
    }
}

void TestHeadPose::rotationRoundTripsAtTheGimbalLimit() {
    for (const glm::vec3& e : {glm::vec3(30, 90, 10), glm::vec3(-40, -90, 25),
                               glm::vec3(0, 90, -60), glm::vec3(10, 89.999f, 0)}) {
        const glm::vec3 back = ps::eulerDegFromRotation(ps::rotationFromEulerDeg(e));
        QVERIFY(std::isfinite(back.x) && std::isfinite(back.y) && std::isfinite(back.z));
        QVERIFY2(
            maxDifference(byHand(back), byHand(e)) < 1e-4f,
            qPrintable(QString("yaw %1 -> %2 %3 %4").arg(e.y).arg(back.x).arg(back.y).arg(back.z)));
    }
}

void TestHeadPose::matrixRoundTrips() {
    const HeadPose pose{{12.0f, -33.0f, 7.5f}, {1.5f, -2.0f, -48.0f}};
    const HeadPose back = ps::headPoseFromMatrix(ps::toMatrix(pose));
    QVERIFY(glm::length(back.rotation_deg - pose.rotation_deg) < 1e-3f);
    QVERIFY(glm::length(back.translation - pose.translation) < 1e-5f);

    const HeadPose from_quat = ps::headPoseFrom(ps::toQuat(pose), pose.translation);
    QVERIFY(glm::length(from_quat.rotation_deg - pose.rotation_deg) < 1e-3f);
}

void TestHeadPose::applyPoseRotatesThenTranslates() {
    const std::vector<glm::vec3>& mesh = ps::FaceMesh::canonical().vertices();
    const HeadPose pose{{10.0f, 25.0f, -5.0f}, {2.0f, -1.0f, -50.0f}};
    const std::vector<glm::vec3> posed = ps::applyPose(mesh, pose);
    QCOMPARE(posed.size(), mesh.size());
    const glm::mat3 r = byHand(pose.rotation_deg);
    for (std::size_t i = 0; i < mesh.size(); i += 37) {
        QVERIFY(glm::length(posed[i] - (r * mesh[i] + pose.translation)) < 1e-4f);
    }
    // Rigid: the inter-ocular distance is unchanged, and the whole face is in front of the camera.
    namespace lm = ps::landmark;
    QCOMPARE(glm::distance(posed[lm::kRightEyeOuter], posed[lm::kLeftEyeOuter]),
             glm::distance(mesh[lm::kRightEyeOuter], mesh[lm::kLeftEyeOuter]));
    for (const glm::vec3& p : posed) {
        QVERIFY(p.z < -35.0f);
    }
}

void TestHeadPose::applyPoseWithReferenceActsInTheFacesFrame() {
    const std::vector<glm::vec3> points = {{0, 0, 0}, {1, 0, 0}, {0, 5, 2}};
    const glm::mat4 reference = ps::toMatrix(HeadPose{{0, 30, 0}, {0, 0, -40}});
    const HeadPose pose{{0, 0, 0}, {1, 0, 0}};  // one cm along the face's own x axis
    const std::vector<glm::vec3> out = ps::applyPose(points, reference, pose);
    // The face's x axis is turned by the reference's 30° yaw: x = cos 30, z = -40 - sin 30.
    QVERIFY(glm::length(out[0] - glm::vec3(std::cos(glm::radians(30.0f)), 0,
                                           -40.0f - std::sin(glm::radians(30.0f)))) < 1e-5f);
    const std::vector<glm::vec3> direct =
        ps::transformPoints(points, reference * ps::toMatrix(pose));
    for (std::size_t i = 0; i < points.size(); ++i) {
        QVERIFY(glm::length(out[i] - direct[i]) < 1e-5f);
    }
}

QTEST_GUILESS_MAIN(TestHeadPose)
#include "TestHeadPose.moc"
