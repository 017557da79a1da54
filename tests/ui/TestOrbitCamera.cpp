// The 3D face view's camera, without GL: the photo's preset projects exactly as the photo's own
// camera does; the front, side and top presets centre the target and look from where they say;
// orbiting keeps the target centred, zoom stays within its limits, and a pan moves the point
// under the cursor with the cursor.
#include <QtTest>
#include <glm/geometric.hpp>

#include "face/Camera.h"
#include "ui/OrbitCamera.h"

using namespace ps::ui;

namespace {

const glm::vec3 kHead{2.0f, -1.0f, -55.0f};  // a head a little off the photo's axis
const QSize kViewport{640, 480};

double distance(QPointF a, QPointF b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

QPointF centre() {
    return {kViewport.width() / 2.0, kViewport.height() / 2.0};
}

}  // namespace

class TestOrbitCamera : public QObject {
    Q_OBJECT

private slots:
    void photoPresetProjectsAsThePhotosCamera();
    void frontPresetCentresTheTargetFromTheFront();
    void sidePresetSeesTheSubjectsRight();
    void topPresetLooksDown();
    void tallViewKeepsTheFramingAcrossItsWidth();
    void orbitKeepsTheTargetCentredAndDropsThePreset();
    void zoomStaysWithinItsLimits();
    void panMovesThePointUnderTheCursorWithIt();
    void pointsBehindTheEyeHaveNoImage();
};

void TestOrbitCamera::photoPresetProjectsAsThePhotosCamera() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Photo);
    QCOMPARE(camera.eye(), glm::vec3(0.0f));
    const ps::PerspectiveCamera photo_camera;
    const cv::Size image(kViewport.width(), kViewport.height());
    for (const glm::vec3& p :
         {kHead, kHead + glm::vec3(6.0f, 4.0f, 3.0f), glm::vec3(-10.0f, 8.0f, -80.0f)}) {
        const glm::vec2 wanted = photo_camera.project(p, image);
        const std::optional<QPointF> got = camera.project(p, kViewport);
        QVERIFY(got.has_value());
        QVERIFY2(distance(*got, QPointF(wanted.x, wanted.y)) < 1e-3,
                 qPrintable(QStringLiteral("(%1, %2) vs (%3, %4)")
                                .arg(got->x())
                                .arg(got->y())
                                .arg(wanted.x)
                                .arg(wanted.y)));
    }
    // A new target (the head moved) keeps the photo's camera where it is.
    camera.setTarget(kHead + glm::vec3(5.0f, 0.0f, 0.0f));
    QCOMPARE(camera.eye(), glm::vec3(0.0f));
    QCOMPARE(camera.preset(), std::optional<CameraPreset>(CameraPreset::Photo));
}

void TestOrbitCamera::frontPresetCentresTheTargetFromTheFront() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Front);
    QVERIFY(distance(*camera.project(kHead, kViewport), centre()) < 1e-3);
    // In front of the face (+z), straight on.
    const glm::vec3 eye = camera.eye();
    QVERIFY(eye.z > kHead.z + 10.0f);
    QVERIFY(std::abs(eye.x - kHead.x) < 1e-4f && std::abs(eye.y - kHead.y) < 1e-4f);
    // The image's right is +x, its top +y.
    QVERIFY(camera.project(kHead + glm::vec3(3.0f, 0.0f, 0.0f), kViewport)->x() > centre().x());
    QVERIFY(camera.project(kHead + glm::vec3(0.0f, 3.0f, 0.0f), kViewport)->y() < centre().y());
    // The preset frames a head: 34 cm span the view's height at the target.
    const double top = camera.project(kHead + glm::vec3(0.0f, 17.0f, 0.0f), kViewport)->y();
    QVERIFY(std::abs(top) < 1.0);
}

void TestOrbitCamera::sidePresetSeesTheSubjectsRight() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Side);
    QVERIFY(distance(*camera.project(kHead, kViewport), centre()) < 1e-3);
    // The subject's right is the camera's -x (the photo's left): the eye is there.
    const glm::vec3 eye = camera.eye();
    QVERIFY(eye.x < kHead.x - 10.0f);
    QVERIFY(std::abs(eye.z - kHead.z) < 1e-3f);
    // The nose (towards +z, the photo's camera) points to the right of this view.
    QVERIFY(camera.project(kHead + glm::vec3(0.0f, 0.0f, 5.0f), kViewport)->x() > centre().x());
}

void TestOrbitCamera::topPresetLooksDown() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Top);
    QVERIFY(distance(*camera.project(kHead, kViewport), centre()) < 1e-2);
    QVERIFY(camera.eye().y > kHead.y + 10.0f);
    // The face's front (+z) is at the bottom of the view.
    QVERIFY(camera.project(kHead + glm::vec3(0.0f, 0.0f, 5.0f), kViewport)->y() > centre().y());
}

void TestOrbitCamera::tallViewKeepsTheFramingAcrossItsWidth() {
    const QSize tall(240, 400);
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Front);
    // 34 cm span the width of a dock taller than wide, not its height.
    const double left = camera.project(kHead - glm::vec3(17.0f, 0.0f, 0.0f), tall)->x();
    const double right = camera.project(kHead + glm::vec3(17.0f, 0.0f, 0.0f), tall)->x();
    QVERIFY2(std::abs(left) < 1.0 && std::abs(right - 240.0) < 1.0,
             qPrintable(QStringLiteral("%1 .. %2").arg(left).arg(right)));
    QVERIFY(camera.verticalFov_deg(tall) > OrbitCamera::kPresetFov_deg);
    QCOMPARE(camera.verticalFov_deg(kViewport), OrbitCamera::kPresetFov_deg);
    // The photo's camera projects as the photo was taken, whatever the view's shape.
    camera.setPreset(CameraPreset::Photo);
    const glm::vec2 wanted = ps::PerspectiveCamera{}.project(kHead, cv::Size(240, 400));
    QVERIFY(distance(*camera.project(kHead, tall), QPointF(wanted.x, wanted.y)) < 1e-3);
}

void TestOrbitCamera::orbitKeepsTheTargetCentredAndDropsThePreset() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Front);
    const float d = camera.distance_cm();
    camera.orbit(35.0f, -20.0f);
    QVERIFY(!camera.preset().has_value());
    QVERIFY(distance(*camera.project(kHead, kViewport), centre()) < 1e-2);
    QVERIFY(std::abs(glm::distance(camera.eye(), kHead) - d) < 1e-3f);
    // Orbiting over the top stops short of the pole instead of flipping.
    camera.orbit(0.0f, 500.0f);
    QVERIFY(camera.eye().y > kHead.y);
    QVERIFY(std::isfinite(camera.project(kHead, kViewport)->x()));
    QVERIFY(distance(*camera.project(kHead, kViewport), centre()) < 1e-2);
}

void TestOrbitCamera::zoomStaysWithinItsLimits() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Front);
    const float d = camera.distance_cm();
    camera.zoom(0.5f);
    QCOMPARE(camera.distance_cm(), 0.5f * d);
    camera.zoom(1e-6f);
    QCOMPARE(camera.distance_cm(), OrbitCamera::kMinDistance_cm);
    camera.zoom(1e9f);
    QCOMPARE(camera.distance_cm(), OrbitCamera::kMaxDistance_cm);
    camera.zoom(std::nanf(""));
    camera.zoom(-2.0f);
    QCOMPARE(camera.distance_cm(), OrbitCamera::kMaxDistance_cm);
}

void TestOrbitCamera::panMovesThePointUnderTheCursorWithIt() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Front);
    camera.orbit(20.0f, 10.0f);
    const QPointF before = *camera.project(kHead, kViewport);
    camera.pan(QPointF(50.0, -30.0), kViewport);
    const QPointF after = *camera.project(kHead, kViewport);
    QVERIFY2(distance(after, before + QPointF(50.0, -30.0)) < 0.05,
             qPrintable(QStringLiteral("(%1, %2)").arg(after.x()).arg(after.y())));
    // The new target is centred.
    QVERIFY(distance(*camera.project(camera.target(), kViewport), centre()) < 1e-2);
}

void TestOrbitCamera::pointsBehindTheEyeHaveNoImage() {
    OrbitCamera camera;
    camera.setTarget(kHead);
    camera.setPreset(CameraPreset::Photo);
    QVERIFY(!camera.project(glm::vec3(0.0f, 0.0f, 10.0f), kViewport).has_value());
    QVERIFY(!camera.project(kHead, QSize()).has_value());
}

QTEST_APPLESS_MAIN(TestOrbitCamera)
#include "TestOrbitCamera.moc"
