// Face detection on the sample portrait and on variants made from it (mirrored, rolled, scaled,
// off-centre, dark, bright, twice in one photo): the face is found where it is, at about its
// size, with its eyes, and nothing is found where there is no face.
#include <QtTest>

#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include "PortraitVariants.h"

#include "face/FaceDetector.h"

using ps::DetectedFace;

namespace {

using namespace portrait_variants;

// Measured by hand on astronaut.png (512x512), zoomed 10x: the pupils, the point between the
// eyes and the mouth, and the width of the face from cheek to cheek.
const cv::Point2f kTrueRightEye(203.0f, 101.5f);  // subject's right, image left
const cv::Point2f kTrueLeftEye(246.0f, 103.5f);
const cv::Point2f kTrueFaceCentre(225.0f, 125.0f);
constexpr float kTrueFaceWidth = 95.0f;

// Pictures of the detections for a person to look at, written only when asked for with
// PS_TEST_ARTIFACTS=<folder>, so an ordinary test run leaves nothing behind.
void save(const QString& name, const cv::Mat& image, const std::vector<DetectedFace>& faces) {
    const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (artifacts.isEmpty()) {
        return;
    }
    cv::Mat out = image.clone();
    for (size_t i = 0; i < faces.size(); ++i) {
        const DetectedFace& f = faces[i];
        const cv::Point2f c(f.box.x + f.box.width / 2, f.box.y + f.box.height / 2);
        cv::Point2f corners[4];
        cv::RotatedRect(c, f.box.size(), f.roll_deg).points(corners);
        for (int k = 0; k < 4; ++k) {
            cv::line(out, corners[k], corners[(k + 1) % 4],
                     i == 0 ? cv::Scalar(0, 255, 0) : cv::Scalar(0, 255, 255), 2);
        }
        if (f.eyes) {
            cv::circle(out, f.eyes->right, 4, cv::Scalar(0, 0, 255), -1);  // red: subject's right
            cv::circle(out, f.eyes->left, 4, cv::Scalar(255, 0, 0), -1);   // blue: left
        }
    }
    QString file = artifacts + "/detect_" + name + ".png";
    file.replace(' ', '_').replace('%', "pc").replace('+', 'p');
    cv::imwrite(file.toStdString(), out);
}

}  // namespace

class TestFaceDetector : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void findsThePortraitsFace_data();
    void findsThePortraitsFace();
    void findsNothingWithoutAFace_data();
    void findsNothingWithoutAFace();
    void findsTwoFacesLargestFirst();
    void refusesAnUnusableImage();
    void benchmarkTwelveMegapixel();
};

void TestFaceDetector::initTestCase() {
    QVERIFY(!portrait().empty());
    auto detector = ps::FaceDetector::create();
    QVERIFY2(detector.ok(), detector ? "" : detector.error().message.c_str());
}

void TestFaceDetector::findsThePortraitsFace_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"original", "mirrored", "rolled +15", "rolled -15", "scaled 40%",
                             "scaled 200%", "off-centre", "darker", "brighter"}) {
        QTest::newRow(name) << QString(name);
    }
}

void TestFaceDetector::findsThePortraitsFace() {
    QFETCH(QString, name);
    const Variant v = make(name);
    auto faces = ps::detectFaces(v.image);
    QVERIFY(faces.ok());
    save(name, v.image, *faces);
    QVERIFY2(!faces->empty(), "no face found");
    const DetectedFace& face = faces->front();

    const double scale = std::hypot(v.map(0, 0), v.map(1, 0));
    const cv::Point2f centre = apply(v.map, kTrueFaceCentre);
    QVERIFY2(face.box.contains(centre),
             qPrintable(QString("box %1,%2 %3x%4 misses the face centre %5,%6")
                            .arg(face.box.x)
                            .arg(face.box.y)
                            .arg(face.box.width)
                            .arg(face.box.height)
                            .arg(centre.x)
                            .arg(centre.y)));
    const double width = face.box.width / (kTrueFaceWidth * scale);
    QVERIFY2(width > 0.75 && width < 1.8, qPrintable(QString("width ratio %1").arg(width)));
    QVERIFY(face.neighbours >= 4);
    QVERIFY(face.cascade != ps::FaceCascade::Invalid);

    // The sample's eye line slopes down to the image right by about 2.7 degrees.
    const float true_roll = (v.mirrored ? -2.7f : 2.7f) + v.roll_deg;
    QVERIFY2(std::abs(face.roll_deg - true_roll) < 8.0f,
             qPrintable(QString("roll %1, expected %2").arg(face.roll_deg).arg(true_roll)));

    if (face.eyes) {
        // The image-left eye is the subject's right one; mirroring swaps which eye is there.
        const cv::Point2f right = apply(v.map, v.mirrored ? kTrueLeftEye : kTrueRightEye);
        const cv::Point2f left = apply(v.map, v.mirrored ? kTrueRightEye : kTrueLeftEye);
        const float tolerance = 0.2f * distance(right, left);
        QVERIFY2(distance(face.eyes->right, right) < tolerance,
                 qPrintable(QString("right eye %1,%2 expected %3,%4")
                                .arg(face.eyes->right.x)
                                .arg(face.eyes->right.y)
                                .arg(right.x)
                                .arg(right.y)));
        QVERIFY2(distance(face.eyes->left, left) < tolerance,
                 qPrintable(QString("left eye %1,%2 expected %3,%4")
                                .arg(face.eyes->left.x)
                                .arg(face.eyes->left.y)
                                .arg(left.x)
                                .arg(left.y)));
    }
}

void TestFaceDetector::findsNothingWithoutAFace_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("blank") << 0;
    QTest::newRow("noise") << 1;
}

void TestFaceDetector::findsNothingWithoutAFace() {
    QFETCH(int, kind);
    cv::Mat image(900, 1200, CV_8UC3, cv::Scalar(90, 120, 150));
    if (kind == 1) {
        cv::RNG rng(7);
        rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    }
    auto faces = ps::detectFaces(image);
    QVERIFY(faces.ok());
    QCOMPARE(int(faces->size()), 0);
}

void TestFaceDetector::findsTwoFacesLargestFirst() {
    const cv::Mat src = portrait();
    // The smaller face is about 85 pixels wide, above FaceDetectorOptions::min_face_px.
    Variant small = pasted(src, cv::Size(1600, 1000), cv::Point(60, 300), 0.9);
    Variant large = pasted(src, cv::Size(), cv::Point(760, 150), 1.5, &small.image);
    auto faces = ps::detectFaces(large.image);
    QVERIFY(faces.ok());
    save("two faces", large.image, *faces);
    QCOMPARE(int(faces->size()), 2);
    QVERIFY((*faces)[0].box.contains(apply(large.map, kTrueFaceCentre)));
    QVERIFY((*faces)[1].box.contains(apply(small.map, kTrueFaceCentre)));
    QVERIFY((*faces)[0].box.width > (*faces)[1].box.width);
}

void TestFaceDetector::refusesAnUnusableImage() {
    auto empty = ps::detectFaces(cv::Mat());
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().kind, ps::ErrorKind::BadInput);
    auto floats = ps::detectFaces(cv::Mat(100, 100, CV_32FC3, cv::Scalar(0.5)));
    QVERIFY(!floats.ok());
    QCOMPARE(floats.error().kind, ps::ErrorKind::BadInput);
}

void TestFaceDetector::benchmarkTwelveMegapixel() {
    const cv::Mat src = portrait();
    Variant v = pasted(src, cv::Size(4000, 3000), cv::Point(2300, 900), 2.0);
    auto detector = ps::FaceDetector::create();
    QVERIFY(detector.ok());
    ps::Result<std::vector<DetectedFace>> faces = std::vector<DetectedFace>();
    QBENCHMARK {
        faces = detector->detectFaces(v.image);
    }
    QVERIFY(faces.ok());
    save("twelve megapixel", v.image, *faces);
    QVERIFY(!faces->empty());
    QVERIFY(faces->front().box.contains(apply(v.map, kTrueFaceCentre)));
}

QTEST_GUILESS_MAIN(TestFaceDetector)
#include "TestFaceDetector.moc"
