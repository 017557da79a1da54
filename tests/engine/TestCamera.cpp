// MediaPipe's 63° camera: pixels with a top-left origin, the pinhole formula with
// f = (H / 2) / tan(31.5°) on both axes, perspective foreshortening, and the face placement
// helper landing the canonical eyes where it was asked to.
#include <QtTest>
#include <cmath>
#include <glm/geometric.hpp>

#include "face/Camera.h"
#include "face/FaceMesh.h"
#include "face/HeadPose.h"

using ps::PerspectiveCamera;
namespace lm = ps::landmark;

class TestCamera : public QObject {
    Q_OBJECT

private slots:
    void opticalAxisHitsTheImageCentre_data();
    void opticalAxisHitsTheImageCentre();
    void followsThePinholeFormula();
    void matchesAniPortraitsMatrix();
    void nearerLooksLarger();
    void pointsBehindTheCameraHaveNoImage();
    void unprojectInvertsProject();
    void placeFaceLandsTheEyes_data();
    void placeFaceLandsTheEyes();
};

void TestCamera::opticalAxisHitsTheImageCentre_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("512x512") << 512 << 512;
    QTest::newRow("1920x1080") << 1920 << 1080;
    QTest::newRow("480x640") << 480 << 640;
}

void TestCamera::opticalAxisHitsTheImageCentre() {
    QFETCH(int, width);
    QFETCH(int, height);
    const PerspectiveCamera camera;
    for (float z : {-5.0f, -40.0f, -300.0f}) {
        const glm::vec2 p = camera.project(glm::vec3(0, 0, z), cv::Size(width, height));
        QVERIFY(std::abs(p.x - 0.5f * width) < 1e-3f);
        QVERIFY(std::abs(p.y - 0.5f * height) < 1e-3f);
    }
}

void TestCamera::followsThePinholeFormula() {
    const PerspectiveCamera camera;
    const cv::Size size(640, 480);
    const double f = 240.0 / std::tan(31.5 * M_PI / 180.0);
    QVERIFY(std::abs(camera.focalLengthPx(size) - f) < 1e-3);
    const glm::vec3 point(3.0f, 2.0f, -50.0f);
    const glm::vec2 p = camera.project(point, size);
    // Up in the camera is up in the image, i.e. a smaller row.
    QVERIFY(std::abs(p.x - (320.0 + f * 3.0 / 50.0)) < 1e-2);
    QVERIFY(std::abs(p.y - (240.0 - f * 2.0 / 50.0)) < 1e-2);
}

void TestCamera::matchesAniPortraitsMatrix() {
    // create_perspective_matrix for aspect 4:3, read as OpenGL's column-major array.
    const PerspectiveCamera camera;
    const glm::mat4 p = camera.projectionMatrix(cv::Size(640, 480));
    const float f = 1.0f / std::tan(glm::radians(31.5f));
    QVERIFY(std::abs(p[0][0] - f * 0.75f) < 1e-6f);
    QVERIFY(std::abs(p[1][1] + f) < 1e-6f);  // flipped for a top-left origin
    QVERIFY(std::abs(p[2][2] - 10001.0f / -9999.0f) < 1e-6f);
    QCOMPARE(p[2][3], -1.0f);
}

void TestCamera::nearerLooksLarger() {
    const PerspectiveCamera camera;
    const cv::Size size(512, 512);
    auto apparentWidth = [&](float z) {
        return glm::distance(camera.project({-4.0f, 0.0f, z}, size),
                             camera.project({4.0f, 0.0f, z}, size));
    };
    QVERIFY(apparentWidth(-30.0f) > apparentWidth(-60.0f));
    QVERIFY(std::abs(apparentWidth(-30.0f) - 2.0f * apparentWidth(-60.0f)) < 1e-2f);
}

void TestCamera::pointsBehindTheCameraHaveNoImage() {
    const PerspectiveCamera camera;
    QVERIFY(std::isnan(camera.project(glm::vec3(0, 0, 10), cv::Size(512, 512)).x));
    QVERIFY(std::isnan(camera.project(glm::vec3(1, 1, 0), cv::Size(512, 512)).y));
}

void TestCamera::unprojectInvertsProject() {
    const PerspectiveCamera camera;
    const cv::Size size(800, 600);
    for (const glm::vec2 pixel : {glm::vec2(0, 0), glm::vec2(123.5f, 456.25f), glm::vec2(800, 1)}) {
        const glm::vec3 point = camera.unproject(pixel, -45.0f, size);
        QCOMPARE(point.z, -45.0f);
        QVERIFY(glm::distance(camera.project(point, size), pixel) < 1e-3f);
    }
}

void TestCamera::placeFaceLandsTheEyes_data() {
    QTest::addColumn<float>("yaw_deg");
    QTest::addColumn<float>("tolerance");
    QTest::newRow("frontal") << 0.0f << 1e-3f;
    QTest::newRow("turned 25 degrees") << 25.0f << 1e-3f;
    QTest::newRow("turned and tilted") << -40.0f << 1e-3f;
}

void TestCamera::placeFaceLandsTheEyes() {
    QFETCH(float, yaw_deg);
    QFETCH(float, tolerance);
    const PerspectiveCamera camera;
    const cv::Size size(640, 480);
    const glm::vec2 target(250.0f, 190.0f);
    const float inter_ocular = 120.0f;
    const ps::HeadPose pose{{yaw_deg < 0.0f ? 15.0f : 0.0f, yaw_deg, 0.0f}, {}};
    const glm::vec3 t = camera.placeFace(target, inter_ocular, size, ps::toQuat(pose));

    const std::vector<glm::vec3> posed =
        ps::applyPose(ps::FaceMesh::canonical().vertices(), ps::HeadPose{pose.rotation_deg, t});
    const glm::vec2 right = camera.project(posed[lm::kRightEyeOuter], size);
    const glm::vec2 left = camera.project(posed[lm::kLeftEyeOuter], size);
    // The placed face is at a plausible webcam distance.
    QVERIFY(t.z < -20.0f && t.z > -200.0f);
    QVERIFY2(std::abs(glm::distance(right, left) - inter_ocular) < tolerance * inter_ocular,
             qPrintable(QString::number(glm::distance(right, left))));
    QVERIFY(glm::distance(0.5f * (right + left), target) < 0.05f);
    // The subject's right eye is on the image's left.
    QVERIFY(right.x < left.x);
}

QTEST_GUILESS_MAIN(TestCamera)
#include "TestCamera.moc"
