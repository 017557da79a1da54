// A take's face (TakeFit.h): a person with their own identity and shape detail (narrower eyes,
// a lower lip that hangs lower than the model's), seen with jittered points in a take whose
// frames turn the head and blink, open the jaw and smile. The take's identity is the median of
// the frames' own, its detail brings the fitted landmarks onto the points, every frame fitted to
// it keeps that identity and detail, follows the head and reads the jaw and the smile; bad input
// is refused with a reason.
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "face/FaceMesh.h"
#include "face/FaceMeshFit.h"
#include "face/IrisLids.h"
#include "face/TakeFit.h"
#include "runtime/SeededRandom.h"

using namespace ps;

namespace {

const cv::Size kImage(640, 640);

struct Frame {
    FaceFit truth;
    std::vector<glm::vec3> points;  // the truth's landmarks, as a network would give them
};

// The person: a few identity modes away from the canonical face, and a shape detail no mode
// makes: eyes narrower than the model's (the upper lids 1.5 mm lower) and a lower lip that hangs
// 1 mm lower, which a frame fitted alone reads as half a blink and a mouth a little open.
FaceFit person() {
    FaceFit fit;
    fit.image_size = kImage;
    fit.identity[0] = 1.2f;
    fit.identity[1] = -0.8f;
    fit.identity[3] = 0.6f;
    fit.shape_detail_cm.assign(size_t(kFaceVertexCount), glm::vec3(0.0f));
    const FaceMesh& mesh = FaceMesh::canonical();
    for (int i = iris_contour::kUpperLidFirst;
         i < iris_contour::kUpperLidFirst + iris_contour::kUpperLidCount; ++i) {
        const int v = kRightEyeLidVertices[i];
        fit.shape_detail_cm[size_t(v)].y = -0.15f;
        fit.shape_detail_cm[size_t(mesh.mirrorOf(v))].y = -0.15f;
    }
    for (int v :
         {14, 87, 178, 88, 95, 317, 402, 318, 324, 15, 86, 179, 89, 96, 316, 403, 319, 325}) {
        fit.shape_detail_cm[size_t(v)].y = -0.1f;
    }
    fit.pose.translation = glm::vec3(0.0f, 0.0f, -45.0f);
    return fit;
}

std::vector<Frame> take(double noise_px = 0.0) {
    SeededRandom random(7);
    std::vector<Frame> frames;
    for (int k = 0; k < 24; ++k) {
        FaceFit f = person();
        // The first four at rest; then blinks, the jaw and a smile, each on its own rhythm.
        if (k >= 4) {
            f.expression[size_t(Blendshape::EyeBlinkLeft)] = 0.5f + 0.5f * std::sin(0.9f * k);
            f.expression[size_t(Blendshape::EyeBlinkRight)] = 0.5f + 0.5f * std::sin(0.9f * k);
            f.expression[size_t(Blendshape::JawOpen)] = 0.2f + 0.2f * std::sin(1.7f * k);
            f.expression[size_t(Blendshape::MouthSmileLeft)] = 0.3f + 0.3f * std::cos(0.6f * k);
            f.expression[size_t(Blendshape::MouthSmileRight)] = 0.3f + 0.3f * std::cos(0.6f * k);
        }
        f.pose.rotation_deg =
            glm::vec3(8.0f * std::sin(0.4f * k), 15.0f * std::cos(0.3f * k), 2.0f);
        updateFaceFit(f);
        Frame frame;
        frame.truth = f;
        for (const glm::vec2& p : f.landmarks2d) {
            frame.points.emplace_back(p.x + float(noise_px * random.gaussian()),
                                      p.y + float(noise_px * random.gaussian()), 0.0f);
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

double weightError(const FaceFit& got, const FaceFit& truth) {
    double error = 0.0;
    for (Blendshape b : {Blendshape::EyeBlinkLeft, Blendshape::EyeBlinkRight, Blendshape::JawOpen,
                         Blendshape::MouthSmileLeft, Blendshape::MouthSmileRight}) {
        error += std::abs(got.expression[size_t(b)] - truth.expression[size_t(b)]) / 5.0;
    }
    return error;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    double ma = 0.0, mb = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        ma += a[i] / double(a.size());
        mb += b[i] / double(b.size());
    }
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) * (a[i] - ma);
        bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / std::sqrt(aa * bb);
}

}  // namespace

class TestTakeFit : public QObject {
    Q_OBJECT

private slots:
    void theTakesFaceIsOnePersonInEveryFrame() {
        const std::vector<Frame> frames = take(0.5);
        std::vector<FaceFit> own;
        std::vector<std::vector<glm::vec3>> points;
        for (const Frame& f : frames) {
            FaceLandmarks landmarks;
            landmarks.points = f.points;
            Result<FaceFit> fit = fitToFaceMesh(landmarks, kImage);
            QVERIFY(fit.ok());
            own.push_back(*fit);
            points.push_back(f.points);
        }
        const std::vector<size_t> rest{0, 1, 2, 3};
        Result<TakeFace> face = takeFace(own, points, rest);
        QVERIFY(face.ok());
        QCOMPARE(face->shape_detail_cm.size(), size_t(kFaceVertexCount));
        // The identity is each coefficient's median over the take.
        for (int m = 0; m < kIdentityModeCount; ++m) {
            std::vector<float> values;
            for (const FaceFit& f : own) {
                values.push_back(f.identity[size_t(m)]);
            }
            std::sort(values.begin(), values.end());
            QCOMPARE(face->identity[size_t(m)], values[values.size() / 2]);
        }
        double residual = 0.0, residual_without_detail = 0.0, pose_error = 0.0;
        double own_error = 0.0, take_error = 0.0;
        std::vector<double> jaw, jaw_truth, smile, smile_truth;
        for (size_t k = 0; k < frames.size(); ++k) {
            Result<FaceFit> fit = fitToTake(own[k], points[k], *face);
            QVERIFY(fit.ok());
            QCOMPARE(fit->identity, face->identity);
            QCOMPARE(fit->shape_detail_cm, face->shape_detail_cm);
            FaceFit without = *fit;
            without.shape_detail_cm.clear();
            updateFaceFit(without);
            for (size_t i = 0; i < size_t(kFaceVertexCount); ++i) {
                const glm::vec2 point(points[k][i]);
                residual += glm::distance(fit->landmarks2d[i], point) / double(kFaceVertexCount);
                residual_without_detail +=
                    glm::distance(without.landmarks2d[i], point) / double(kFaceVertexCount);
            }
            pose_error += glm::length(fit->pose.rotation_deg - frames[k].truth.pose.rotation_deg);
            own_error += weightError(own[k], frames[k].truth);
            take_error += weightError(*fit, frames[k].truth);
            jaw.push_back(fit->expression[size_t(Blendshape::JawOpen)]);
            jaw_truth.push_back(frames[k].truth.expression[size_t(Blendshape::JawOpen)]);
            smile.push_back(fit->expression[size_t(Blendshape::MouthSmileLeft)]);
            smile_truth.push_back(frames[k].truth.expression[size_t(Blendshape::MouthSmileLeft)]);
        }
        const double n = double(frames.size());
        qInfo(
            "mean landmark error %.2f px with the take's detail, %.2f px without; head %.2f°; "
            "weight error %.3f (each frame's own fit %.3f); r jawOpen %.3f, mouthSmile %.3f",
            residual / n, residual_without_detail / n, pose_error / n, take_error / n,
            own_error / n, pearson(jaw, jaw_truth), pearson(smile, smile_truth));
        QVERIFY(residual < 0.9 * residual_without_detail);
        QVERIFY(residual / n < 1.0);  // the points' own jitter is 0.63 px on average
        QVERIFY(pose_error / n < 1.0);
        QVERIFY(take_error < own_error * 1.1);
        QVERIFY(pearson(jaw, jaw_truth) > 0.95);
        QVERIFY(pearson(smile, smile_truth) > 0.95);
    }

    void badInputIsRefused() {
        const std::vector<Frame> frames = take();
        FaceLandmarks landmarks;
        landmarks.points = frames[0].points;
        Result<FaceFit> fit = fitToFaceMesh(landmarks, kImage);
        QVERIFY(fit.ok());
        const std::vector<FaceFit> fits{*fit};
        const std::vector<std::vector<glm::vec3>> points{frames[0].points};
        QCOMPARE(takeFace({}, {}, {0}).error().kind, ErrorKind::BadInput);
        QCOMPARE(takeFace(fits, {}, {0}).error().kind, ErrorKind::BadInput);
        QCOMPARE(takeFace(fits, points, {3}).error().kind, ErrorKind::BadInput);
        QCOMPARE(takeFace(fits, {std::vector<glm::vec3>(10)}, {0}).error().kind,
                 ErrorKind::BadInput);
        Result<TakeFace> face = takeFace(fits, points, {0});
        QVERIFY(face.ok());
        QCOMPARE(fitToTake(*fit, std::vector<glm::vec3>(3), *face).error().kind,
                 ErrorKind::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestTakeFit)
#include "TestTakeFit.moc"
