// The viewer's overlay: draws on a copy and never on the photo, each part switchable, the mesh
// translucent rather than opaque, contours in their colours. With PS_TEST_ARTIFACTS set it also
// writes the overlay and the pose image of the sample photo there, for a person to look at.
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "face/Camera.h"
#include "face/FaceMesh.h"
#include "face/FaceOverlay.h"
#include "face/HeadPose.h"
#include "face/PoseImage.h"

namespace {

// The canonical face placed by hand over the astronaut's face (eyes' outer corners about 70 px
// apart around (223, 101) in the 512x512 sample), with a slight turn so that it is not flat.
std::vector<glm::vec2> astronautLandmarks(cv::Size size) {
    const ps::FaceMesh& mesh = ps::FaceMesh::canonical();
    const ps::PerspectiveCamera camera;
    const glm::vec3 rotation_deg(-4.0f, 3.0f, -2.0f);
    const glm::vec3 t =
        camera.placeFace({223.0f, 102.0f}, 68.0f, size, ps::rotationFromEulerDeg(rotation_deg));
    std::vector<glm::vec3> vertices = mesh.vertices();
    vertices.insert(vertices.end(), mesh.irisVertices().begin(), mesh.irisVertices().end());
    return camera.project(ps::applyPose(vertices, ps::HeadPose{rotation_deg, t}), size);
}

cv::Mat samplePhoto() {
    return cv::imread(PS_SAMPLES_DIR "/astronaut.png", cv::IMREAD_COLOR);
}

}  // namespace

class TestFaceOverlay : public QObject {
    Q_OBJECT

private slots:
    void nothingSelectedLeavesThePhoto();
    void drawsOnACopy();
    void meshIsTranslucent();
    void contoursUseTheirColours();
    void refusesBadInput();
    void writesImagesForAPerson();
};

void TestFaceOverlay::nothingSelectedLeavesThePhoto() {
    const cv::Mat photo = samplePhoto();
    QVERIFY(!photo.empty());
    ps::FaceOverlayOptions none;
    none.draw_mesh = none.draw_contours = none.draw_irises = none.draw_points = false;
    const auto out = ps::drawFaceOverlay(photo, astronautLandmarks(photo.size()), none);
    QVERIFY(out.ok());
    QCOMPARE(cv::norm(*out, photo, cv::NORM_INF), 0.0);
}

void TestFaceOverlay::drawsOnACopy() {
    const cv::Mat photo = samplePhoto();
    const cv::Mat before = photo.clone();
    ps::FaceOverlayOptions all;
    all.draw_points = true;
    const auto out = ps::drawFaceOverlay(photo, astronautLandmarks(photo.size()), all);
    QVERIFY(out.ok());
    QCOMPARE(cv::norm(photo, before, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(*out, photo, cv::NORM_L1) > 0.0);
    QCOMPARE(out->size(), photo.size());
}

void TestFaceOverlay::meshIsTranslucent() {
    // On a black photo a white wireframe at 35 % opacity stays well below white.
    const cv::Mat black(512, 512, CV_8UC3, cv::Scalar::all(0));
    ps::FaceOverlayOptions mesh_only;
    mesh_only.draw_contours = mesh_only.draw_irises = false;
    const auto out = ps::drawFaceOverlay(black, astronautLandmarks(black.size()), mesh_only);
    QVERIFY(out.ok());
    double max_value = 0.0;
    cv::minMaxLoc(out->reshape(1), nullptr, &max_value);
    QVERIFY(max_value > 40.0 && max_value <= 0.35 * 255.0 + 1.0);
}

void TestFaceOverlay::contoursUseTheirColours() {
    const cv::Mat black(512, 512, CV_8UC3, cv::Scalar::all(0));
    ps::FaceOverlayOptions contours_only;
    contours_only.draw_mesh = contours_only.draw_irises = false;
    const std::vector<glm::vec2> lm = astronautLandmarks(black.size());
    const auto out = ps::drawFaceOverlay(black, lm, contours_only);
    QVERIFY(out.ok());
    // Anti-aliasing spreads a line; its brightest pixel near an eye lid is the eye colour.
    const glm::vec2 lid = 0.5f * (lm[159] + lm[158]);
    const cv::Rect box(int(lid.x) - 2, int(lid.y) - 2, 5, 5);
    cv::Mat patch = (*out)(box).clone();
    cv::Vec3b brightest;
    int best = -1;
    for (int y = 0; y < patch.rows; ++y) {
        for (int x = 0; x < patch.cols; ++x) {
            const cv::Vec3b p = patch.at<cv::Vec3b>(y, x);
            if (p[0] + p[1] + p[2] > best) {
                best = p[0] + p[1] + p[2];
                brightest = p;
            }
        }
    }
    // Eye colour (255, 200, 60) BGR: blue strongest, red weakest.
    QVERIFY(brightest[0] > 200 && brightest[0] > brightest[2] + 100);
    // Far from any feature (the photo's corner) nothing is drawn.
    QCOMPARE(cv::countNonZero((*out)(cv::Rect(0, 400, 100, 100)).reshape(1)), 0);
}

void TestFaceOverlay::refusesBadInput() {
    QVERIFY(!ps::drawFaceOverlay(cv::Mat(), astronautLandmarks({512, 512})).ok());
    const cv::Mat grey(64, 64, CV_8UC1, cv::Scalar(0));
    QVERIFY(!ps::drawFaceOverlay(grey, astronautLandmarks({64, 64})).ok());
    const cv::Mat photo(64, 64, CV_8UC3, cv::Scalar::all(0));
    QVERIFY(!ps::drawFaceOverlay(photo, std::vector<glm::vec2>(10)).ok());
}

void TestFaceOverlay::writesImagesForAPerson() {
    const QByteArray dir = qgetenv("PS_TEST_ARTIFACTS");
    if (dir.isEmpty()) {
        QSKIP("set PS_TEST_ARTIFACTS to write the overlay and pose image of the sample photo");
    }
    const cv::Mat photo = samplePhoto();
    const std::vector<glm::vec2> lm = astronautLandmarks(photo.size());
    ps::FaceOverlayOptions with_points;
    with_points.draw_points = true;
    const auto overlay = ps::drawFaceOverlay(photo, lm);
    const auto overlay_points = ps::drawFaceOverlay(photo, lm, with_points);
    const auto pose = ps::drawPoseImage(lm, photo.size());
    QVERIFY(overlay.ok() && overlay_points.ok() && pose.ok());
    QVERIFY(cv::imwrite(dir.toStdString() + "/overlay.png", *overlay));
    QVERIFY(cv::imwrite(dir.toStdString() + "/overlay_points.png", *overlay_points));
    QVERIFY(cv::imwrite(dir.toStdString() + "/pose_image.png", *pose));
}

QTEST_GUILESS_MAIN(TestFaceOverlay)
#include "TestFaceOverlay.moc"
