// The automatic fit of the whole mesh on the sample portrait and transformed copies of it: the
// fitted landmarks (not only the located features) must land within 8% of the inter-ocular
// distance of where a person puts them (issue 3's acceptance criterion).
#include <QtTest>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "face/FaceDetector.h"
#include "face/FaceMesh.h"
#include "face/FaceOverlay.h"
#include "face/PhotoFit.h"

using namespace ps;

namespace {

// Measured by hand on 5-10x enlarged crops of astronaut.png (see TestFaceFeatures.cpp).
const cv::Point2f kEyeRight(203.0f, 101.5f);
const cv::Point2f kEyeLeft(246.0f, 103.5f);
const std::pair<int, cv::Point2f> kTruth[] = {
    {landmark::kNoseTip, {223.0f, 127.0f}},
    {landmark::kMouthRight, {204.0f, 140.5f}},
    {landmark::kMouthLeft, {243.0f, 142.5f}},
    {landmark::kChin, {222.0f, 177.0f}},
};

cv::Point2f apply(const cv::Mat& affine, cv::Point2f p) {
    return {float(affine.at<double>(0, 0) * p.x + affine.at<double>(0, 1) * p.y +
                  affine.at<double>(0, 2)),
            float(affine.at<double>(1, 0) * p.x + affine.at<double>(1, 1) * p.y +
                  affine.at<double>(1, 2))};
}

cv::Point2f eyeCentre(const FaceFit& fit, int outer, int inner) {
    const glm::vec2 a = fit.landmarks2d[outer];
    const glm::vec2 b = fit.landmarks2d[inner];
    return {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

}  // namespace

class TestPhotoFit : public QObject {
    Q_OBJECT

private slots:
    void landmarksLandOnTheFace_data();
    void landmarksLandOnTheFace();
};

void TestPhotoFit::landmarksLandOnTheFace_data() {
    QTest::addColumn<double>("angle_deg");
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("mirror");
    QTest::addColumn<QPointF>("shift");  // extra translation of the photo in the canvas, px
    QTest::addColumn<double>("gain");    // brightness: value * gain + offset, clipped
    QTest::addColumn<double>("offset");
    const QPointF none(0, 0);
    QTest::newRow("original") << 0.0 << 1.0 << false << none << 1.0 << 0.0;
    QTest::newRow("mirrored") << 0.0 << 1.0 << true << none << 1.0 << 0.0;
    QTest::newRow("rolled +15") << 15.0 << 1.0 << false << none << 1.0 << 0.0;
    QTest::newRow("rolled -15") << -15.0 << 1.0 << false << none << 1.0 << 0.0;
    QTest::newRow("rolled +20") << 20.0 << 1.0 << false << none << 1.0 << 0.0;
    QTest::newRow("rolled -20") << -20.0 << 1.0 << false << none << 1.0 << 0.0;
    QTest::newRow("scaled 40%") << 0.0 << 0.4 << false << none << 1.0 << 0.0;
    QTest::newRow("scaled 200%") << 0.0 << 2.0 << false << none << 1.0 << 0.0;
    // The face fills the frame: the photo enlarged 6x, its face in the middle of the canvas.
    QTest::newRow("face fills the frame")
        << 0.0 << 6.0 << false << QPointF(60 * 6, 115 * 6) << 1.0 << 0.0;
    QTest::newRow("off-centre") << 0.0 << 1.0 << false << QPointF(-300, 180) << 1.0 << 0.0;
    QTest::newRow("darker") << 0.0 << 1.0 << false << none << 0.35 << 0.0;
    QTest::newRow("brighter") << 0.0 << 1.0 << false << none << 1.6 << 10.0;
}

void TestPhotoFit::landmarksLandOnTheFace() {
    QFETCH(double, angle_deg);
    QFETCH(double, scale);
    QFETCH(bool, mirror);
    QFETCH(QPointF, shift);
    QFETCH(double, gain);
    QFETCH(double, offset);
    cv::Mat photo = cv::imread(PS_SAMPLES_DIR "/astronaut.png");
    QVERIFY(!photo.empty());
    photo.convertTo(photo, -1, gain, offset);
    // One affine transform for the picture and the truth alike. The canvas grows so that a
    // rotated photo is not cropped, and is larger still for the off-centre copy; otherwise it is
    // the scaled photo itself, at most 1400 px (a face that fills the frame).
    const double grow = angle_deg != 0.0 ? 1.4 : (shift != QPointF() && scale == 1.0 ? 3.0 : 1.0);
    const cv::Size out_size(std::min(1400, int(photo.cols * scale * grow)),
                            std::min(1400, int(photo.rows * scale * grow)));
    cv::Mat affine =
        cv::getRotationMatrix2D({photo.cols / 2.0f, photo.rows / 2.0f}, angle_deg, scale);
    affine.at<double>(0, 2) += (out_size.width - photo.cols) / 2.0 + shift.x();
    affine.at<double>(1, 2) += (out_size.height - photo.rows) / 2.0 + shift.y();
    if (mirror) {
        affine.row(0) *= -1.0;
        affine.at<double>(0, 2) += out_size.width - 1;
    }
    cv::Mat image;
    cv::warpAffine(photo, image, affine, out_size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(128, 128, 128));

    Result<std::vector<DetectedFace>> faces = detectFaces(image);
    QVERIFY(faces.ok() && !faces->empty());
    Result<PhotoFitReport> fitted = fitFaceInPhoto(image, faces->front());
    QVERIFY2(fitted.ok(), fitted.ok() ? "" : fitted.error().message.c_str());
    const FaceFit& fit = fitted->fit;
    QVERIFY(fitted->feature_count >= 4);

    // The subject's right eye stays the subject's right eye in a mirror image, but it moves to
    // the image's right, where the mesh's left eye is fitted; compare by side in the image.
    cv::Point2f true_right = apply(affine, kEyeRight);
    cv::Point2f true_left = apply(affine, kEyeLeft);
    if (mirror) {
        std::swap(true_right, true_left);
    }
    const float iod = float(cv::norm(true_right - true_left));
    QString table;
    float worst = 0.0f;
    const auto check = [&](const char* name, cv::Point2f fitted_px, cv::Point2f truth) {
        const float error = 100.0f * float(cv::norm(fitted_px - truth)) / iod;
        table += QString(" %1 %2%").arg(name).arg(error, 0, 'f', 1);
        worst = std::max(worst, error);
    };
    check("eyeR", eyeCentre(fit, landmark::kRightEyeOuter, landmark::kRightEyeInner), true_right);
    check("eyeL", eyeCentre(fit, landmark::kLeftEyeOuter, landmark::kLeftEyeInner), true_left);
    for (const auto& [index, truth] : kTruth) {
        int fitted_index = index;
        if (mirror) {
            fitted_index = FaceMesh::canonical().mirrorOf(index);
        }
        const glm::vec2 p = fit.landmarks2d[fitted_index];
        check(index == landmark::kNoseTip      ? "nose"
              : index == landmark::kMouthRight ? "mouthR"
              : index == landmark::kMouthLeft  ? "mouthL"
                                               : "chin",
              {p.x, p.y}, apply(affine, truth));
    }
    qInfo().noquote() << QTest::currentDataTag() << "error in % of IOD:" << table;
    // For a person to judge: the fitted overlay around the face, with the hand-measured truth as
    // yellow crosses, written only when PS_TEST_ARTIFACTS names a folder.
    const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (!artifacts.isEmpty()) {
        Result<cv::Mat> drawn = drawFaceOverlay(image, fit.landmarks2d);
        QVERIFY(drawn.ok());
        std::vector<cv::Point2f> truths = {true_right, true_left};
        for (const auto& [index, truth] : kTruth) {
            truths.push_back(apply(affine, truth));
        }
        for (const cv::Point2f& t : truths) {
            cv::drawMarker(*drawn, t, cv::Scalar(0, 255, 255), cv::MARKER_CROSS,
                           std::max(6, int(iod / 6)), std::max(1, int(iod / 40)), cv::LINE_AA);
        }
        const cv::Point2f mid = (true_right + true_left) * 0.5f;
        const float half = 2.2f * iod;
        cv::Mat crop;
        cv::getRectSubPix(*drawn, cv::Size(int(2 * half), int(2 * half)),
                          mid + cv::Point2f(0, 0.6f * iod), crop);
        cv::resize(crop, crop, cv::Size(320, 320), 0, 0, cv::INTER_AREA);
        cv::putText(crop, QTest::currentDataTag(), {8, 310}, cv::FONT_HERSHEY_SIMPLEX, 0.6,
                    cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
        QString file = artifacts + "/fit_" + QTest::currentDataTag() + ".png";
        file.replace(' ', '_').replace('%', "pc").replace('+', "p");
        cv::imwrite(file.toStdString(), crop);
    }
    QVERIFY2(worst <= 8.0f, qPrintable(table));

    // She looks into the lens: the face's forward axis points at the camera, within a few
    // degrees (0.8-4.8 over these copies), wherever the copy puts her in the frame (a face high in
    // the frame is pitched in the camera's axes by the angle it is seen at, and that is not a
    // turned head).
    const glm::vec3 forward = toQuat(fit.pose) * glm::vec3(0.0f, 0.0f, 1.0f);
    const glm::vec3 to_camera = -glm::normalize(fit.pose.translation);
    const float turn_deg =
        std::acos(std::clamp(glm::dot(forward, to_camera), -1.0f, 1.0f)) * 180.0f / float(CV_PI);
    qInfo("turned %.1f deg from facing the camera", turn_deg);
    QVERIFY2(turn_deg < 8.0f, qPrintable(QString("turned %1 deg from the camera").arg(turn_deg)));
    // A smiling photo comes out smiling, on both sides; shapes the photo gives no evidence of
    // (lids, gaze, tongue) stay at rest.
    const auto weight = [&](Blendshape b) { return fit.expression[size_t(b)]; };
    QVERIFY2(
        weight(Blendshape::MouthSmileLeft) > 0.3f && weight(Blendshape::MouthSmileRight) > 0.3f,
        qPrintable(QString("smile %1 / %2")
                       .arg(weight(Blendshape::MouthSmileLeft))
                       .arg(weight(Blendshape::MouthSmileRight))));
    for (Blendshape b :
         {Blendshape::EyeBlinkLeft, Blendshape::EyeLookInRight, Blendshape::JawLeft,
          Blendshape::MouthDimpleLeft, Blendshape::CheekPuff, Blendshape::TongueOut}) {
        QCOMPARE(weight(b), 0.0f);
    }
}

QTEST_GUILESS_MAIN(TestPhotoFit)
#include "TestPhotoFit.moc"
