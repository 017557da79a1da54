// MediaPipe's Face Mesh network on the sample portrait: from a crop around the face (the
// BlazeFace detection's box and eyes), its 468 points land where a person puts the eye centres,
// nose tip, mouth corners, inner lips and chin — within 6.5 % of the eye distance in one look and
// 6 % looked at mirrored too (about 2.5 px here, about how exactly two people agree on them:
// SampleMarks.h) — also with the photo rolled by 30°
// and the crop turned with it; the face scores high and a blank crop low; a file that is not the
// network is refused.
#include <QtTest>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "SampleMarks.h"
#include "face/FaceLandmarker.h"
#include "face/FaceMeshFit.h"
#include "face/FaceNetworks.h"
#include "face/ModelFiles.h"
#include "media/ImageDecoder.h"

namespace {

using Reference = ps::test::MarkedPoints;

cv::Point2f at(const std::vector<glm::vec3>& p, int i) {
    return {p[size_t(i)].x, p[size_t(i)].y};
}

// The mesh's key points. The nose tip a person marks (the most forward point of the nose) is
// vertex 4 in the network's mesh: it has the smallest depth; vertex 1 sits 4 px lower, at the
// top of the columella.
Reference referenceOf(const std::vector<glm::vec3>& p) {
    return {0.5f * (at(p, 33) + at(p, 133)),
            0.5f * (at(p, 362) + at(p, 263)),
            at(p, 4),
            at(p, 61),
            at(p, 291),
            at(p, 13),
            at(p, 14),
            at(p, 152)};
}

constexpr float kTolerance = 0.06f;
constexpr float kToleranceOneLook = 0.065f;  // one plain look, its worst point a mouth corner

// The largest error over the points, as a fraction of the reference's eye distance.
float worstError(const Reference& found, const Reference& expected, QString* which) {
    const std::pair<const char*, std::pair<cv::Point2f, cv::Point2f>> pairs[] = {
        {"right eye", {found.right_eye, expected.right_eye}},
        {"left eye", {found.left_eye, expected.left_eye}},
        {"nose", {found.nose, expected.nose}},
        {"mouth right", {found.mouth_right, expected.mouth_right}},
        {"mouth left", {found.mouth_left, expected.mouth_left}},
        {"upper lip", {found.upper_lip, expected.upper_lip}},
        {"lower lip", {found.lower_lip, expected.lower_lip}},
        {"chin", {found.chin, expected.chin}},
    };
    float worst = 0.0f;
    for (const auto& [name, points] : pairs) {
        const float e = float(cv::norm(points.first - points.second)) / expected.eyeDistance();
        if (e > worst) {
            worst = e;
            *which = QString::fromLatin1(name);
        }
    }
    return worst;
}

cv::Point2f transformed(const cv::Matx23d& m, const cv::Point2f& p) {
    return {float(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
            float(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

}  // namespace

class TestFaceLandmarker : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        ps::Result<ps::Photo> photo = ps::decodeImage(PS_SAMPLES_DIR "/astronaut.png");
        QVERIFY(photo.ok());
        photo_ = photo->bgr;
        ps::Result<const ps::FaceNetworks*> networks = ps::faceNetworks();
        QVERIFY2(networks.ok(), networks.ok() ? "" : networks.error().message.c_str());
        const std::vector<ps::BlazeFaceDetection> faces = (*networks)->detector.detect(photo_);
        QVERIFY(!faces.empty());
        face_ = faces.front();
        reference_ = ps::test::kAstronautMarks;
        ps::Result<ps::FaceLandmarker> landmarker =
            ps::FaceLandmarker::create(ps::defaultModelsFolder() + "/facemesh.json");
        QVERIFY2(landmarker.ok(), landmarker.ok() ? "" : landmarker.error().message.c_str());
        landmarker_ = std::make_unique<ps::FaceLandmarker>(std::move(*landmarker));
    }

    void landsOnTheFace() {
        const ps::FaceCrop crop =
            ps::faceCropFromDetection(face_.box, face_.point(ps::BlazeFacePoint::RightEye),
                                      face_.point(ps::BlazeFacePoint::LeftEye));
        QElapsedTimer clock;
        clock.start();
        ps::Result<ps::FaceLandmarks> found = landmarker_->landmarks(photo_, crop);
        qInfo("two passes of Face Mesh: %lld ms", (long long)clock.elapsed());
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().message.c_str());
        QCOMPARE(int(found->points.size()), 468);
        QVERIFY2(found->confidence > 0.9f, qPrintable(QString::number(found->confidence)));
        if (const QByteArray folder = qgetenv("PS_TEST_ARTIFACTS"); !folder.isEmpty()) {
            // The network's points (green), the points marked by hand (red) and the network's
            // key points (cyan), 3× enlarged.
            cv::Mat overlay;
            cv::resize(photo_, overlay, cv::Size(), 3.0, 3.0, cv::INTER_CUBIC);
            for (const glm::vec3& p : found->points) {
                cv::circle(overlay, cv::Point(int(p.x * 3), int(p.y * 3)), 2, cv::Scalar(0, 255, 0),
                           cv::FILLED);
            }
            const Reference& r = reference_;
            for (const cv::Point2f& p : {r.right_eye, r.left_eye, r.nose, r.mouth_right,
                                         r.mouth_left, r.upper_lip, r.lower_lip, r.chin}) {
                cv::circle(overlay, p * 3.0f, 5, cv::Scalar(0, 0, 255), 2);
            }
            const Reference n = referenceOf(found->points);
            for (const cv::Point2f& p : {n.right_eye, n.left_eye, n.nose, n.mouth_right,
                                         n.mouth_left, n.upper_lip, n.lower_lip, n.chin}) {
                cv::circle(overlay, p * 3.0f, 5, cv::Scalar(255, 255, 0), 2);
            }
            cv::imwrite((folder + "/facemesh.png").toStdString(),
                        overlay(cv::Rect(450, 90, 700, 700)));
        }
        QString which;
        const float error = worstError(referenceOf(found->points), reference_, &which);
        qInfo("worst point %s at %.3f of the eye distance from where a person puts it",
              qPrintable(which), error);
        QVERIFY2(error < kToleranceOneLook,
                 qPrintable(which + QStringLiteral(" ") + QString::number(error)));

        // Looked at mirrored as well and averaged (what the photo fit does), the points are
        // closer still: the network's errors on one side are not the mirror of the other's.
        ps::Result<ps::FaceLandmarks> both = landmarker_->landmarks(photo_, crop, 2, true);
        QVERIFY(both.ok());
        QString which_both;
        const float error_both = worstError(referenceOf(both->points), reference_, &which_both);
        qInfo("looked at mirrored too: worst point %s at %.3f", qPrintable(which_both), error_both);
        QVERIFY2(error_both < kTolerance,
                 qPrintable(which_both + QStringLiteral(" ") + QString::number(error_both)));
        QVERIFY(error_both < error);
    }

    void followsARolledFace() {
        const cv::Point2f centre(float(photo_.cols) / 2, float(photo_.rows) / 2);
        const cv::Matx23d turn = cv::getRotationMatrix2D(centre, -30.0, 1.0);  // clockwise
        cv::Mat rolled;
        cv::warpAffine(photo_, rolled, turn, photo_.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        const cv::Point2f box_centre(face_.box.x + face_.box.width / 2,
                                     face_.box.y + face_.box.height / 2);
        const cv::Point2f moved = transformed(turn, box_centre);
        const cv::Rect2f box(moved.x - face_.box.width / 2, moved.y - face_.box.height / 2,
                             face_.box.width, face_.box.height);
        const ps::FaceCrop crop = ps::faceCropFromDetection(
            box, transformed(turn, face_.point(ps::BlazeFacePoint::RightEye)),
            transformed(turn, face_.point(ps::BlazeFacePoint::LeftEye)));
        QVERIFY(std::abs(crop.rotation_rad - float(CV_PI / 6)) < 0.1f);
        ps::Result<ps::FaceLandmarks> found = landmarker_->landmarks(rolled, crop);
        QVERIFY(found.ok());
        Reference expected = reference_;
        for (cv::Point2f* p :
             {&expected.right_eye, &expected.left_eye, &expected.nose, &expected.mouth_right,
              &expected.mouth_left, &expected.upper_lip, &expected.lower_lip, &expected.chin}) {
            *p = transformed(turn, *p);
        }
        QString which;
        const float error = worstError(referenceOf(found->points), expected, &which);
        qInfo("rolled 30°: worst point %s at %.3f of the eye distance", qPrintable(which), error);
        QVERIFY2(error < kTolerance,
                 qPrintable(which + QStringLiteral(" ") + QString::number(error)));
    }

    void theModelFittedToTheMeshFollowsIt() {
        const ps::FaceCrop crop =
            ps::faceCropFromDetection(face_.box, face_.point(ps::BlazeFacePoint::RightEye),
                                      face_.point(ps::BlazeFacePoint::LeftEye));
        ps::Result<ps::FaceLandmarks> found = landmarker_->landmarks(photo_, crop);
        QVERIFY(found.ok());
        QElapsedTimer clock;
        clock.start();
        ps::Result<ps::FaceFit> fit = ps::fitToFaceMesh(*found, photo_.size());
        qInfo("fitting the model to 468 points: %lld ms", (long long)clock.elapsed());
        QVERIFY2(fit.ok(), fit.ok() ? "" : fit.error().message.c_str());
        std::vector<glm::vec3> fitted;
        for (const glm::vec2& p : fit->landmarks2d) {
            fitted.emplace_back(p.x, p.y, 0.0f);
        }
        // The fitted mesh follows the network's points to about a pixel, so it meets the same
        // 6 %. (The 5 % awaits the iris network: a person marks the pupil, the mesh's
        // eye centre is its corners' midpoint, 2.4 px lower on her smiling left eye.)
        QString which;
        const float error = worstError(referenceOf(fitted), reference_, &which);
        qInfo("fitted mesh: worst point %s at %.3f of the eye distance", qPrintable(which), error);
        QVERIFY2(error < kTolerance,
                 qPrintable(which + QStringLiteral(" ") + QString::number(error)));
        // Her smile parts the lips over her teeth: the fit has the mouth open and smiling.
        const float jaw = fit->expression[size_t(ps::Blendshape::JawOpen)];
        const float smile = 0.5f * (fit->expression[size_t(ps::Blendshape::MouthSmileLeft)] +
                                    fit->expression[size_t(ps::Blendshape::MouthSmileRight)]);
        qInfo("jawOpen %.2f, smile %.2f", jaw, smile);
        const float lips_apart = float(cv::norm(at(fitted, 14) - at(fitted, 13)));
        QVERIFY2(lips_apart > 0.1f * reference_.eyeDistance(),
                 qPrintable(QString::number(lips_apart)));
        QVERIFY(smile > 0.3f);
        ps::FaceLandmarks too_few;
        too_few.points.resize(10);
        QVERIFY(!ps::fitToFaceMesh(too_few, photo_.size()).ok());
    }

    void aBlankCropScoresLow() {
        const cv::Mat blank(480, 640, CV_8UC3, cv::Scalar(128, 128, 128));
        ps::Result<ps::FaceLandmarks> found =
            landmarker_->landmarks(blank, ps::FaceCrop{{320.0f, 240.0f}, 200.0f, 0.0f}, 1);
        QVERIFY(found.ok());
        QVERIFY2(found->confidence < 0.5f, qPrintable(QString::number(found->confidence)));
    }

    void refusesAnotherNetwork() {
        ps::Result<ps::FaceLandmarker> wrong =
            ps::FaceLandmarker::create(ps::defaultModelsFolder() + "/iris.json");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().kind, ps::ErrorKind::BadInput);
        QVERIFY(
            QString::fromStdString(wrong.error().message).contains(QStringLiteral("iris.json")));
        ps::Result<ps::FaceLandmarker> missing =
            ps::FaceLandmarker::create("/nonexistent/facemesh.json");
        QVERIFY(!missing.ok());
    }

private:
    cv::Mat photo_;
    ps::BlazeFaceDetection face_;
    Reference reference_;
    std::unique_ptr<ps::FaceLandmarker> landmarker_;
};

QTEST_GUILESS_MAIN(TestFaceLandmarker)
#include "TestFaceLandmarker.moc"
