// AniPortrait's pose image: a black canvas of the requested size, every segment in
// draw_util.py's colour (BGR, as cv2.line got it), no forehead arc, no irises, 2 px lines, edges
// with an end outside the image dropped, and the drawing done at 512x512 and then resized.
#include <QtTest>
#include <cmath>
#include <glm/geometric.hpp>
#include <opencv2/imgproc.hpp>

#include "face/Camera.h"
#include "face/FaceMesh.h"
#include "face/HeadPose.h"
#include "face/PoseImage.h"

namespace {

const cv::Size kSize(512, 512);

// The canonical face, frontal, eyes centred a little above the middle, 200 px apart; with the
// iris vertices appended (478 landmarks) so that the test can check they are ignored.
std::vector<glm::vec2> frontalLandmarks() {
    const ps::FaceMesh& mesh = ps::FaceMesh::canonical();
    const ps::PerspectiveCamera camera;
    const ps::HeadPose pose{{0, 0, 0}, camera.placeFace({256.0f, 220.0f}, 200.0f, kSize)};
    std::vector<glm::vec3> vertices = mesh.vertices();
    vertices.insert(vertices.end(), mesh.irisVertices().begin(), mesh.irisVertices().end());
    return camera.project(ps::applyPose(vertices, pose), kSize);
}

cv::Point canvasPixel(const glm::vec2& p) {
    return {int(std::floor(p.x)), int(std::floor(p.y))};
}

cv::Vec3b bgr(const cv::Scalar& s) {
    return cv::Vec3b(uchar(s[0]), uchar(s[1]), uchar(s[2]));
}

// Whether the colour occurs within `radius` pixels of `centre`.
bool colourNear(const cv::Mat& image, cv::Point centre, const cv::Vec3b& colour, int radius = 1) {
    for (int y = centre.y - radius; y <= centre.y + radius; ++y) {
        for (int x = centre.x - radius; x <= centre.x + radius; ++x) {
            if (image.at<cv::Vec3b>(y, x) == colour) {
                return true;
            }
        }
    }
    return false;
}

bool blackAround(const cv::Mat& image, cv::Point centre, int radius) {
    const cv::Rect box(centre.x - radius, centre.y - radius, 2 * radius + 1, 2 * radius + 1);
    return cv::countNonZero(image(box).reshape(1)) == 0;
}

int countColour(const cv::Mat& image, const cv::Vec3b& colour) {
    int n = 0;
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            n += image.at<cv::Vec3b>(y, x) == colour ? 1 : 0;
        }
    }
    return n;
}

const ps::PoseImageSegment& segment(std::string_view name) {
    for (const ps::PoseImageSegment& s : ps::poseImageSegments()) {
        if (s.name == name) {
            return s;
        }
    }
    qFatal("no pose image segment named %s", std::string(name).c_str());
}

}  // namespace

class TestPoseImage : public QObject {
    Q_OBJECT

private slots:
    void isBlackCanvasOfTheRequestedSize();
    void hasAniPortraitsSegmentsAndColours();
    void segmentsAreDrawnInTheirColours_data();
    void segmentsAreDrawnInTheirColours();
    void coloursAreBgrAsAniPortraitDrawsThem();
    void skipsTheForeheadAndTheIrises();
    void linesAreTwoPixelsWide();
    void dropsEdgesLeavingTheImage();
    void drawsAt512AndResizes();
    void refusesTooFewLandmarks();
};

void TestPoseImage::isBlackCanvasOfTheRequestedSize() {
    const auto image = ps::drawPoseImage(frontalLandmarks());
    QVERIFY(image.ok());
    QCOMPARE(image->type(), CV_8UC3);
    QCOMPARE(image->size(), kSize);
    QCOMPARE(image->at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    QCOMPARE(image->at<cv::Vec3b>(500, 20), cv::Vec3b(0, 0, 0));
    // Lines are thin: most of the canvas stays black, but something was drawn.
    const int drawn = cv::countNonZero(image->reshape(1)) / 3;
    QVERIFY(drawn > 1000 && drawn < 512 * 512 / 10);
}

void TestPoseImage::hasAniPortraitsSegmentsAndColours() {
    // draw_util.py's DrawingSpec colours, in its drawing order.
    const std::vector<std::pair<std::string_view, cv::Scalar>> expected = {
        {"face oval", {10, 200, 10}},
        {"left eye", {180, 200, 10}},
        {"left eyebrow", {180, 220, 10}},
        {"right eye", {10, 200, 180}},
        {"right eyebrow", {10, 220, 180}},
        {"lips outer bottom left", {10, 180, 20}},
        {"lips outer bottom right", {20, 10, 180}},
        {"lips inner bottom left", {100, 100, 30}},
        {"lips inner bottom right", {100, 150, 50}},
        {"lips outer top left", {20, 80, 100}},
        {"lips outer top right", {80, 100, 20}},
        {"lips inner top left", {120, 100, 200}},
        {"lips inner top right", {150, 120, 100}},
    };
    const auto& segments = ps::poseImageSegments();
    QCOMPARE(segments.size(), expected.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        QCOMPARE(segments[i].name, expected[i].first);
        QCOMPARE(segments[i].bgr, expected[i].second);
    }
    QCOMPARE(int(segment("face oval").edges.size()), 26);
    int lip_edges = 0;
    for (const auto& s : segments) {
        if (s.name.substr(0, 4) == "lips") {
            QCOMPARE(int(s.edges.size()), 5);
            lip_edges += 5;
        }
    }
    // The eight chains cover MediaPipe's 40 lip edges.
    QCOMPARE(lip_edges, int(ps::FaceMesh::canonical().edges(ps::FaceRegion::Lips).size()));
}

void TestPoseImage::segmentsAreDrawnInTheirColours_data() {
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("b");
    QTest::addColumn<int>("g");
    QTest::addColumn<int>("r");
    QTest::newRow("oval, cheek") << 93 << 234 << 10 << 200 << 10;
    QTest::newRow("oval, jaw") << 172 << 58 << 10 << 200 << 10;
    QTest::newRow("right eye, upper lid") << 159 << 158 << 10 << 200 << 180;
    QTest::newRow("left eye, lower lid") << 374 << 380 << 180 << 200 << 10;
    QTest::newRow("right brow") << 63 << 105 << 10 << 220 << 180;
    QTest::newRow("left brow") << 293 << 334 << 180 << 220 << 10;
    QTest::newRow("lips outer bottom left") << 91 << 181 << 10 << 180 << 20;
    QTest::newRow("lips outer bottom right") << 405 << 321 << 20 << 10 << 180;
    QTest::newRow("lips outer top left") << 40 << 39 << 20 << 80 << 100;
    QTest::newRow("lips outer top right") << 269 << 270 << 80 << 100 << 20;
    QTest::newRow("lips inner top left") << 80 << 81 << 120 << 100 << 200;
    QTest::newRow("lips inner top right") << 311 << 310 << 150 << 120 << 100;
}

void TestPoseImage::segmentsAreDrawnInTheirColours() {
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, b);
    QFETCH(int, g);
    QFETCH(int, r);
    const std::vector<glm::vec2> lm = frontalLandmarks();
    const auto image = ps::drawPoseImage(lm);
    QVERIFY(image.ok());
    const cv::Point middle = canvasPixel(0.5f * (lm[from] + lm[to]));
    QVERIFY2(colourNear(*image, middle, cv::Vec3b(uchar(b), uchar(g), uchar(r))),
             qPrintable(QString("at %1,%2").arg(middle.x).arg(middle.y)));
}

void TestPoseImage::coloursAreBgrAsAniPortraitDrawsThem() {
    // AniPortrait converts the canvas with COLOR_BGR2RGB, so (20, 10, 180) is a red lower lip
    // half: the third channel of an OpenCV pixel carries the 180.
    const std::vector<glm::vec2> lm = frontalLandmarks();
    const auto image = ps::drawPoseImage(lm);
    QVERIFY(image.ok());
    const cv::Point middle = canvasPixel(0.5f * (lm[405] + lm[321]));
    QVERIFY(colourNear(*image, middle, cv::Vec3b(20, 10, 180)));
    QVERIFY(!colourNear(*image, middle, cv::Vec3b(180, 10, 20), 3));
}

void TestPoseImage::skipsTheForeheadAndTheIrises() {
    const std::vector<glm::vec2> lm = frontalLandmarks();
    const auto image = ps::drawPoseImage(lm);
    QVERIFY(image.ok());
    // MediaPipe's oval runs over the forehead through 10; AniPortrait's stops at 21 and 251.
    for (int v : {10, 338, 109, 67, 297, 103, 332}) {
        QVERIFY2(blackAround(*image, canvasPixel(lm[v]), 4), qPrintable(QString::number(v)));
    }
    QVERIFY(colourNear(*image, canvasPixel(lm[21]), bgr(segment("face oval").bgr)));
    // Neither iris colour appears, and the pupils stay black.
    QCOMPARE(countColour(*image, cv::Vec3b(10, 200, 250)), 0);
    QCOMPARE(countColour(*image, cv::Vec3b(250, 200, 10)), 0);
    QVERIFY(blackAround(*image, canvasPixel(lm[ps::landmark::kRightIrisCentre]), 1));
    QVERIFY(blackAround(*image, canvasPixel(lm[ps::landmark::kLeftIrisCentre]), 1));
}

void TestPoseImage::linesAreTwoPixelsWide() {
    // The chin's oval edges run nearly horizontally: count the oval's colour down a column.
    const std::vector<glm::vec2> lm = frontalLandmarks();
    const auto image = ps::drawPoseImage(lm);
    QVERIFY(image.ok());
    const cv::Point middle = canvasPixel(0.5f * (lm[377] + lm[152]));
    const cv::Vec3b oval = bgr(segment("face oval").bgr);
    int run = 0;
    for (int y = middle.y - 8; y <= middle.y + 8; ++y) {
        run += image->at<cv::Vec3b>(y, middle.x) == oval ? 1 : 0;
    }
    QVERIFY2(run >= 2 && run <= 3, qPrintable(QString::number(run)));
}

void TestPoseImage::dropsEdgesLeavingTheImage() {
    std::vector<glm::vec2> lm = frontalLandmarks();
    const auto before = ps::drawPoseImage(lm);
    lm[ps::landmark::kMouthRight] = {-30.0f, lm[ps::landmark::kMouthRight].y};
    const auto after = ps::drawPoseImage(lm);
    QVERIFY(before.ok() && after.ok());
    // The two edges at the corner vanish rather than being clipped to the border.
    const cv::Vec3b bottom = bgr(segment("lips outer bottom left").bgr);
    QVERIFY(countColour(*after, bottom) < countColour(*before, bottom));
    QCOMPARE(cv::countNonZero((*after)(cv::Rect(0, 0, 40, 512)).reshape(1)), 0);
    QVERIFY(colourNear(*after, canvasPixel(0.5f * (lm[91] + lm[181])), bottom));
}

void TestPoseImage::drawsAt512AndResizes() {
    const std::vector<glm::vec2> lm = frontalLandmarks();
    std::vector<glm::vec2> doubled;
    for (const glm::vec2& p : lm) {
        doubled.push_back(2.0f * p);
    }
    const auto small = ps::drawPoseImage(lm);
    const auto large = ps::drawPoseImage(doubled, cv::Size(1024, 1024));
    QVERIFY(small.ok() && large.ok());
    QCOMPARE(large->size(), cv::Size(1024, 1024));
    cv::Mat expected;
    cv::resize(*small, expected, cv::Size(1024, 1024), 0, 0, cv::INTER_LINEAR);
    QCOMPARE(cv::norm(*large, expected, cv::NORM_INF), 0.0);
    QVERIFY(countColour(*small, cv::Vec3b(10, 200, 10)) > 0);
}

void TestPoseImage::refusesTooFewLandmarks() {
    const auto image = ps::drawPoseImage(std::vector<glm::vec2>(100, glm::vec2(10.0f)));
    QVERIFY(!image.ok());
    QVERIFY(image.error().message.find("468") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestPoseImage)
#include "TestPoseImage.moc"
