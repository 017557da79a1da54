// The photo fit (BlazeFace, Face Mesh, the model fitted to its points) on the sample portrait and
// the copies issue 13 names: mirrored, rolled ±15° and ±30°, 40 % and 200 %, the face filling the
// frame, off-centre in a larger canvas, darker, brighter. The fitted mesh's eye centres, nose tip,
// mouth corners, inner-lip midpoints and chin must lie within 5 % of the eye distance of where a
// person put them, her parted smile must be fitted open and smiling, and she faces the camera.
// With PS_TEST_ARTIFACTS set, every case's overlay (fitted mesh, hand marks as yellow crosses) is
// tiled into one picture, photo_fit_cases.png.
#include <QtTest>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "PortraitVariants.h"
#include "SampleMarks.h"
#include "face/FaceMesh.h"
#include "face/FaceOverlay.h"
#include "face/IrisCentres.h"
#include "face/PhotoFit.h"

using namespace ps;
using portrait_variants::Variant;

namespace {

// Of the eye distance. Issue 13's goal is 5 %. Face Mesh alone misses it on both portraits (the
// "network's own points" line of each case): on the sample the brighter copy's mouth corner is at
// 5.7 %; on Grace Hopper, older, in glasses and with her mouth closed, the network puts the chin
// 7-8 px (9 %) low, into the shadow under it, and a mouth corner 6 px inside where the lips' line
// ends. The photo's edges correct those points (PhotoLandmarkRefinement.h): then every point of
// every copy of the sample is within 4 %, and Hopper's within 5 % but for the chin of her 40 %
// copy, 5.3 % (1.75 px at a 33 px eye distance: the chin is found 1-2 px right of where a person
// puts it, on the line the network draws from her mouth to her chin).
constexpr float kToleranceSample = 0.05f;
constexpr float kToleranceHopper = 0.055f;

cv::Point2f at(const FaceFit& fit, int i) {
    return {fit.landmarks2d[size_t(i)].x, fit.landmarks2d[size_t(i)].y};
}

// The fit's key points, in the subject's sides: its irises as the eye centres (between the eye's
// corners when it has none), and mesh vertices. The nose tip a person marks, the most forward
// point of the nose, is vertex 4 (TestFaceLandmarker).
test::MarkedPoints keyPointsOf(const FaceFit& fit) {
    const auto eye = [&](EyeSide side) {
        const glm::vec2 p = eyeCentrePx(fit, side);
        return cv::Point2f(p.x, p.y);
    };
    return {eye(EyeSide::Right),
            eye(EyeSide::Left),
            at(fit, 4),
            at(fit, landmark::kMouthRight),
            at(fit, landmark::kMouthLeft),
            at(fit, 13),
            at(fit, 14),
            at(fit, landmark::kChin)};
}

// The hand marks carried into a copy. In a mirror image the subject's right eye is still theirs,
// but it is now on the image's right, where the fit finds the subject's left eye; the marks swap
// sides with it.
test::MarkedPoints marksIn(const Variant& v, const test::MarkedPoints& marks) {
    test::MarkedPoints m = marks;
    for (cv::Point2f* p : {&m.right_eye, &m.left_eye, &m.nose, &m.mouth_right, &m.mouth_left,
                           &m.upper_lip, &m.lower_lip, &m.chin}) {
        *p = portrait_variants::apply(v.map, *p);
    }
    if (v.mirrored) {
        std::swap(m.right_eye, m.left_eye);
        std::swap(m.mouth_right, m.mouth_left);
    }
    return m;
}

struct PointError {
    const char* name;
    float fraction;
};

std::vector<PointError> errorsOf(const test::MarkedPoints& fitted,
                                 const test::MarkedPoints& marks) {
    const float iod = marks.eyeDistance();
    const auto e = [iod](cv::Point2f a, cv::Point2f b) { return float(cv::norm(a - b)) / iod; };
    return {{"eyeR", e(fitted.right_eye, marks.right_eye)},
            {"eyeL", e(fitted.left_eye, marks.left_eye)},
            {"nose", e(fitted.nose, marks.nose)},
            {"mouthR", e(fitted.mouth_right, marks.mouth_right)},
            {"mouthL", e(fitted.mouth_left, marks.mouth_left)},
            {"lipU", e(fitted.upper_lip, marks.upper_lip)},
            {"lipL", e(fitted.lower_lip, marks.lower_lip)},
            {"chin", e(fitted.chin, marks.chin)}};
}

// One case's overlay for a person to judge: the photo around the face with the fitted mesh and
// the hand marks, 320 px square, labelled with the case and its worst point.
cv::Mat overlayTile(const Variant& v, const FaceFit& fit, const test::MarkedPoints& marks,
                    const QString& label) {
    Result<cv::Mat> drawn = drawFaceOverlay(v.image, fit.landmarks2d);
    if (!drawn) {
        return {};
    }
    const float iod = marks.eyeDistance();
    for (const cv::Point2f& p : {marks.right_eye, marks.left_eye, marks.nose, marks.mouth_right,
                                 marks.mouth_left, marks.upper_lip, marks.lower_lip, marks.chin}) {
        cv::drawMarker(*drawn, p, cv::Scalar(0, 255, 255), cv::MARKER_CROSS,
                       std::max(6, int(iod / 6)), std::max(1, int(iod / 40)), cv::LINE_AA);
    }
    const cv::Point2f mid = (marks.right_eye + marks.left_eye) * 0.5f;
    const float half = 1.6f * iod;
    cv::Mat crop;
    cv::getRectSubPix(*drawn, cv::Size(int(2 * half), int(2 * half)),
                      mid + cv::Point2f(0, 0.7f * iod), crop);
    cv::resize(crop, crop, cv::Size(320, 320), 0, 0, cv::INTER_AREA);
    cv::rectangle(crop, cv::Rect(0, 292, 320, 28), cv::Scalar(0, 0, 0), cv::FILLED);
    cv::putText(crop, label.toStdString(), {6, 311}, cv::FONT_HERSHEY_SIMPLEX, 0.5,
                cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
    return crop;
}

}  // namespace

class TestPhotoFit : public QObject {
    Q_OBJECT

private slots:
    void keyPointsLandWhereAPersonPutsThem_data();
    void keyPointsLandWhereAPersonPutsThem();
    void aPhotoWithoutAFaceIsNoFace();
    void cleanupTestCase();

private:
    std::vector<cv::Mat> tiles_;
};

void TestPhotoFit::keyPointsLandWhereAPersonPutsThem_data() {
    QTest::addColumn<QString>("portrait");
    QTest::addColumn<QString>("variant");
    for (const char* name : {"original", "mirrored", "rolled +15", "rolled -15", "rolled +30",
                             "rolled -30", "scaled 40%", "scaled 200%", "face fills the frame",
                             "off-centre", "darker", "brighter"}) {
        QTest::newRow(name) << QString("astronaut") << QString::fromLatin1(name);
    }
    for (const char* name :
         {"original", "mirrored", "rolled +30", "rolled -30", "scaled 40%", "darker"}) {
        QTest::newRow(qPrintable(QString("hopper ") + name))
            << QString("hopper") << QString::fromLatin1(name);
    }
}

void TestPhotoFit::keyPointsLandWhereAPersonPutsThem() {
    QFETCH(QString, portrait);
    QFETCH(QString, variant);
    const bool hopper = portrait == "hopper";
    const cv::Mat source = hopper
                               ? cv::imread(PS_SOURCE_DIR "/tests/data/portraits/grace_hopper.jpg")
                               : portrait_variants::portrait();
    QVERIFY(!source.empty());
    const Variant v = portrait_variants::make(variant, source);
    QVERIFY(!v.image.empty());
    const QString label = QTest::currentDataTag();
    Result<LargestFaceFit> fitted = fitLargestFace(v.image, label.toStdString());
    QVERIFY2(fitted.ok(), fitted.ok() ? "" : fitted.error().message.c_str());
    const FaceFit& fit = fitted->report.fit;
    QVERIFY(fitted->report.landmarks.confidence > 0.9f);

    const test::MarkedPoints marks =
        marksIn(v, hopper ? test::kHopperMarks : test::kAstronautMarks);
    const std::vector<PointError> errors = errorsOf(keyPointsOf(fit), marks);
    QString table;
    float worst = 0.0f;
    QString worst_name;
    for (const PointError& e : errors) {
        table += QString(" %1 %2%").arg(e.name).arg(100.0f * e.fraction, 0, 'f', 1);
        if (e.fraction > worst) {
            worst = e.fraction;
            worst_name = e.name;
        }
    }
    qInfo().noquote() << label << "error in % of the eye distance:" << table;
    {
        // The network's own points, for comparison with the fitted mesh's.
        FaceFit network = fit;
        network.iris_centres_cm.clear();  // Face Mesh alone: eye centres between the corners
        for (size_t i = 0; i < network.landmarks2d.size(); ++i) {
            const glm::vec3& p = fitted->report.landmarks.points[i];
            network.landmarks2d[i] = {p.x, p.y};
        }
        QString row;
        for (const PointError& e : errorsOf(keyPointsOf(network), marks)) {
            row += QString(" %1 %2%").arg(e.name).arg(100.0f * e.fraction, 0, 'f', 1);
        }
        qInfo().noquote() << label << "the network's own points:" << row;
    }
    if (!qEnvironmentVariable("PS_TEST_ARTIFACTS").isEmpty()) {
        tiles_.push_back(overlayTile(
            v, fit, marks,
            QString("%1: worst %2 %3%").arg(label, worst_name).arg(100.0f * worst, 0, 'f', 1)));
    }
    QVERIFY2(worst <= (hopper ? kToleranceHopper : kToleranceSample), qPrintable(table));

    const float lips_apart = float(cv::norm(at(fit, 14) - at(fit, 13))) / marks.eyeDistance();
    const auto weight = [&](Blendshape b) { return fit.expression[size_t(b)]; };
    QVERIFY(fit.iris_centres_cm.size() == 2);
    // The photo's gaze is taken as it is (IrisCentres.h): the eyeLook shapes stay at rest.
    for (Blendshape b :
         {Blendshape::EyeLookInLeft, Blendshape::EyeLookOutLeft, Blendshape::EyeLookUpLeft,
          Blendshape::EyeLookDownLeft, Blendshape::EyeLookInRight, Blendshape::EyeLookOutRight,
          Blendshape::EyeLookUpRight, Blendshape::EyeLookDownRight}) {
        QCOMPARE(fit.expression[size_t(b)], 0.0f);
    }
    qInfo("lips apart %.3f of the eye distance, smile %.2f / %.2f", lips_apart,
          weight(Blendshape::MouthSmileLeft), weight(Blendshape::MouthSmileRight));
    if (hopper) {
        // Her mouth is closed: the fitted lips meet.
        QVERIFY2(lips_apart < 0.03f, qPrintable(QString("lips apart %1").arg(lips_apart)));
    } else {
        // Her smile parts the lips over her teeth (6 px of 43 between the inner lips): fitted
        // open, and smiling on both sides.
        QVERIFY2(lips_apart > 0.08f, qPrintable(QString("lips apart %1").arg(lips_apart)));
        QVERIFY2(
            weight(Blendshape::MouthSmileLeft) > 0.2f && weight(Blendshape::MouthSmileRight) > 0.2f,
            qPrintable(QString("smile %1 / %2")
                           .arg(weight(Blendshape::MouthSmileLeft))
                           .arg(weight(Blendshape::MouthSmileRight))));
    }

    // Both look into the lens: the face's forward axis points at the camera within a few degrees
    // wherever the copy puts her in the frame (a face high in the frame is seen from below, and
    // that is not a turned head).
    const glm::vec3 forward = toQuat(fit.pose) * glm::vec3(0.0f, 0.0f, 1.0f);
    const glm::vec3 to_camera = -glm::normalize(fit.pose.translation);
    const float turn_deg =
        std::acos(std::clamp(glm::dot(forward, to_camera), -1.0f, 1.0f)) * 180.0f / float(CV_PI);
    qInfo("turned %.1f deg from facing the camera", turn_deg);
    QVERIFY2(turn_deg < 10.0f, qPrintable(QString("turned %1 deg from the camera").arg(turn_deg)));
}

void TestPhotoFit::aPhotoWithoutAFaceIsNoFace() {
    const cv::Mat flat(480, 640, CV_8UC3, cv::Scalar(90, 120, 150));
    Result<LargestFaceFit> fitted = fitLargestFace(flat, "flat.png");
    QVERIFY(!fitted.ok());
    QCOMPARE(fitted.error().kind, ErrorKind::NoFace);
    QVERIFY(QString::fromStdString(fitted.error().message).startsWith("flat.png: "));
}

void TestPhotoFit::cleanupTestCase() {
    const QString folder = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (folder.isEmpty() || tiles_.empty()) {
        return;
    }
    constexpr int kColumns = 4;
    const int rows = int(tiles_.size() + kColumns - 1) / kColumns;
    cv::Mat sheet(rows * 320, kColumns * 320, CV_8UC3, cv::Scalar(40, 40, 40));
    for (size_t i = 0; i < tiles_.size(); ++i) {
        if (!tiles_[i].empty()) {
            tiles_[i].copyTo(
                sheet(cv::Rect(int(i % kColumns) * 320, int(i / kColumns) * 320, 320, 320)));
        }
    }
    cv::imwrite((folder + "/photo_fit_cases.png").toStdString(), sheet);
}

QTEST_GUILESS_MAIN(TestPhotoFit)
#include "TestPhotoFit.moc"
