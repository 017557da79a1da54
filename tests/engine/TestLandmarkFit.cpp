// The landmark fit recovers what made the landmarks: synthetic faces with known pose, identity
// and expression are projected, fitted from a frontal neutral start, and compared.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include "face/FaceFit.h"
#include "face/FaceMesh.h"
#include "face/LandmarkFit.h"

using namespace ps;

namespace {

const cv::Size kImage(1024, 1024);

FaceFit syntheticFit(const glm::vec3& rotation_deg, bool with_shape) {
    FaceFit fit;
    fit.image_size = kImage;
    fit.pose.rotation_deg = rotation_deg;
    if (with_shape) {
        fit.expression[size_t(Blendshape::JawOpen)] = 0.4f;
        fit.expression[size_t(Blendshape::MouthSmileLeft)] = 0.5f;
        fit.expression[size_t(Blendshape::MouthSmileRight)] = 0.5f;
        fit.expression[size_t(Blendshape::EyeBlinkLeft)] = 0.3f;
        fit.identity[size_t(IdentityMode::FaceWidth)] = 0.6f;
        fit.identity[size_t(IdentityMode::JawWidth)] = -0.5f;
        fit.identity[size_t(IdentityMode::NoseLength)] = 0.8f;
        fit.identity[size_t(IdentityMode::EyeSpacing)] = -0.4f;
    }
    // About 300 px between the outer eye corners, left of and above the image centre.
    const glm::quat rotation = toQuat(fit.pose);
    fit.pose.translation =
        PerspectiveCamera().placeFace({470.0f, 480.0f}, 300.0f, kImage, rotation);
    updateFaceFit(fit);
    return fit;
}

std::vector<LandmarkTarget> allTargets(const FaceFit& fit) {
    std::vector<LandmarkTarget> targets;
    for (int i = 0; i < kFaceVertexCount; ++i) {
        targets.push_back({i, fit.landmarks2d[i], 1.0f, -1});
    }
    return targets;
}

float maxLandmarkError(const FaceFit& a, const FaceFit& b) {
    float worst = 0.0f;
    for (int i = 0; i < kFaceVertexCount; ++i) {
        worst = std::max(worst, glm::distance(a.landmarks2d[i], b.landmarks2d[i]));
    }
    return worst;
}

// Angle of the relative rotation: independent of how the Euler triple is written.
float rotationErrorDeg(const HeadPose& a, const HeadPose& b) {
    const glm::quat d = toQuat(a) * glm::inverse(toQuat(b));
    return glm::degrees(2.0f * std::acos(std::min(1.0f, std::abs(d.w))));
}

bool allFinite(const FaceFit& fit) {
    for (const glm::vec2& p : fit.landmarks2d) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return false;
        }
    }
    return fit.landmarks2d.size() == size_t(kFaceVertexCount);
}

glm::vec2 eyeCentre(const FaceFit& fit, int a, int b) {
    const glm::vec3 mid = 0.5f * (fit.vertices[a] + fit.vertices[b]);
    return PerspectiveCamera().project(mid, fit.image_size);
}

// The rotation that points the face's forward axis (+z) from `translation` at the camera.
glm::quat facingCamera(const glm::vec3& translation) {
    const glm::vec3 to_camera = -glm::normalize(translation);
    const glm::vec3 axis = glm::cross(glm::vec3(0.0f, 0.0f, 1.0f), to_camera);
    return glm::angleAxis(std::atan2(glm::length(axis), to_camera.z), glm::normalize(axis));
}

// Degrees between the face's forward axis and its line of sight to the camera.
float turnFromCameraDeg(const HeadPose& pose) {
    const glm::vec3 forward = toQuat(pose) * glm::vec3(0.0f, 0.0f, 1.0f);
    const glm::vec3 to_camera = -glm::normalize(pose.translation);
    return glm::degrees(std::acos(std::clamp(glm::dot(forward, to_camera), -1.0f, 1.0f)));
}

}  // namespace

class TestLandmarkFit : public QObject {
    Q_OBJECT

private slots:
    void recoversPoseShapeAndLandmarks_data();
    void recoversPoseShapeAndLandmarks();
    void fivePointsLandOnTheClicks_data();
    void fivePointsLandOnTheClicks();
    void refitFollowsAMovedMouthCorner();
    void onlyFreeExpressionsMove();
    void symmetryPriorEvensAPair();
    void posePriorPullsTowardsFacingTheCamera();
    void rejectsBadTargets();
    void identityModesAreSymmetricSmoothAndSized();
    void benchmarkRefitWithCorrections();
};

void TestLandmarkFit::recoversPoseShapeAndLandmarks_data() {
    QTest::addColumn<float>("pitch");
    QTest::addColumn<float>("yaw");
    QTest::addColumn<float>("roll");
    QTest::newRow("frontal") << 0.0f << 0.0f << 0.0f;
    QTest::newRow("yaw +25") << 0.0f << 25.0f << 0.0f;
    QTest::newRow("yaw -25") << 0.0f << -25.0f << 0.0f;
    QTest::newRow("pitch +15") << 15.0f << 0.0f << 0.0f;
    QTest::newRow("pitch -15") << -15.0f << 0.0f << 0.0f;
    QTest::newRow("roll +15") << 0.0f << 0.0f << 15.0f;
    QTest::newRow("roll -15") << 0.0f << 0.0f << -15.0f;
    QTest::newRow("combined") << -10.0f << 20.0f << 8.0f;
}

void TestLandmarkFit::recoversPoseShapeAndLandmarks() {
    QFETCH(float, pitch);
    QFETCH(float, yaw);
    QFETCH(float, roll);
    const glm::vec3 rotation_deg(pitch, yaw, roll);
    const FaceFit truth = syntheticFit(rotation_deg, true);
    const Result<FaceFit> fit = fitToLandmarks(allTargets(truth), kImage);
    QVERIFY(fit.ok());
    QVERIFY(allFinite(*fit));
    const glm::vec3 angle_error = glm::abs(fit->pose.rotation_deg - truth.pose.rotation_deg);
    const float landmark_error = maxLandmarkError(*fit, truth);
    qInfo("angle error (%.3f, %.3f, %.3f) deg, rotation %.3f deg, max landmark error %.3f px",
          angle_error.x, angle_error.y, angle_error.z, rotationErrorDeg(fit->pose, truth.pose),
          landmark_error);
    QVERIFY(angle_error.x < 2.0f && angle_error.y < 2.0f && angle_error.z < 2.0f);
    QVERIFY(landmark_error < 1.0f);
    QVERIFY(fit->expression[size_t(Blendshape::JawOpen)] > 0.2f);
}

void TestLandmarkFit::fivePointsLandOnTheClicks_data() {
    QTest::addColumn<float>("pitch");
    QTest::addColumn<float>("yaw");
    QTest::addColumn<float>("roll");
    QTest::newRow("frontal") << 0.0f << 0.0f << 0.0f;
    QTest::newRow("yaw +20 roll -10") << 0.0f << 20.0f << -10.0f;
    QTest::newRow("pitch -12 yaw -15") << -12.0f << -15.0f << 0.0f;
}

void TestLandmarkFit::fivePointsLandOnTheClicks() {
    QFETCH(float, pitch);
    QFETCH(float, yaw);
    QFETCH(float, roll);
    const glm::vec3 rotation_deg(pitch, yaw, roll);
    const FaceFit truth = syntheticFit(rotation_deg, false);
    const glm::vec2 clicks[5] = {
        eyeCentre(truth, landmark::kRightEyeOuter, landmark::kRightEyeInner),
        eyeCentre(truth, landmark::kLeftEyeOuter, landmark::kLeftEyeInner),
        truth.landmarks2d[landmark::kNoseTip],
        truth.landmarks2d[landmark::kMouthRight],
        truth.landmarks2d[landmark::kMouthLeft],
    };
    QVERIFY(clicks[0].x < clicks[1].x);  // the subject's right eye is on the image's left
    const Result<FaceFit> fit =
        fitFromFivePoints(clicks[0], clicks[1], clicks[2], clicks[3], clicks[4], kImage);
    QVERIFY(fit.ok());
    QVERIFY(allFinite(*fit));
    const glm::vec2 landed[5] = {
        eyeCentre(*fit, landmark::kRightEyeOuter, landmark::kRightEyeInner),
        eyeCentre(*fit, landmark::kLeftEyeOuter, landmark::kLeftEyeInner),
        fit->landmarks2d[landmark::kNoseTip],
        fit->landmarks2d[landmark::kMouthRight],
        fit->landmarks2d[landmark::kMouthLeft],
    };
    float worst = 0.0f;
    for (int i = 0; i < 5; ++i) {
        worst = std::max(worst, glm::distance(landed[i], clicks[i]));
    }
    qInfo("five-point fit: worst feature %.4f px", worst);
    QVERIFY(worst < 1.0f);
    for (float w : fit->expression) {
        QCOMPARE(w, 0.0f);
    }
    for (float c : fit->identity) {
        QCOMPARE(c, 0.0f);
    }
}

void TestLandmarkFit::refitFollowsAMovedMouthCorner() {
    const Result<FaceFit> start =
        fitToLandmarks(allTargets(syntheticFit({5.0f, -10.0f, 3.0f}, true)), kImage);
    QVERIFY(start.ok());
    const glm::vec2 target = start->landmarks2d[landmark::kMouthRight] + glm::vec2(12.0f, -8.0f);
    const Result<FaceFit> refit =
        refitWithCorrections(*start, {{landmark::kMouthRight, target, 1.0f, -1}});
    QVERIFY(refit.ok());
    QVERIFY(allFinite(*refit));
    auto moved = [&](int i) { return glm::distance(refit->landmarks2d[i], start->landmarks2d[i]); };
    const float miss = glm::distance(refit->landmarks2d[landmark::kMouthRight], target);
    // 61's neighbours on the lip line, the opposite corner, and the forehead.
    const float neighbours = std::min({moved(146), moved(185), moved(76), moved(62)});
    qInfo("moved corner misses by %.3f px; neighbours move >= %.2f px, 291 %.2f px, 10 %.2f px",
          miss, neighbours, moved(landmark::kMouthLeft), moved(landmark::kForeheadTop));
    QVERIFY(miss < 0.5f);
    QVERIFY(neighbours > 3.0f);
    QVERIFY(moved(landmark::kMouthLeft) < 0.5f * neighbours);
    QVERIFY(moved(landmark::kForeheadTop) < 1.0f);
}

void TestLandmarkFit::onlyFreeExpressionsMove() {
    // The truth also blinks; with only the jaw and the smile free, the blink is not soaked up
    // by other shapes and the free ones are still recovered.
    const FaceFit truth = syntheticFit({5.0f, -10.0f, 0.0f}, true);
    LandmarkFitOptions options;
    options.free_expressions.reset();
    for (Blendshape b :
         {Blendshape::JawOpen, Blendshape::MouthSmileLeft, Blendshape::MouthSmileRight}) {
        options.free_expressions.set(size_t(b));
    }
    const Result<FaceFit> fit = fitToLandmarks(allTargets(truth), kImage, options);
    QVERIFY(fit.ok());
    for (int j = 0; j < kBlendshapeCount; ++j) {
        if (!options.free_expressions.test(size_t(j))) {
            QCOMPARE(fit->expression[size_t(j)], 0.0f);
        }
    }
    const auto w = [&](Blendshape b) { return fit->expression[size_t(b)]; };
    qInfo("jawOpen %.3f (truth 0.4), smile %.3f / %.3f (truth 0.5)", w(Blendshape::JawOpen),
          w(Blendshape::MouthSmileLeft), w(Blendshape::MouthSmileRight));
    QVERIFY(std::abs(w(Blendshape::JawOpen) - 0.4f) < 0.1f);
    QVERIFY(std::abs(w(Blendshape::MouthSmileLeft) - 0.5f) < 0.1f);
    QVERIFY(std::abs(w(Blendshape::MouthSmileRight) - 0.5f) < 0.1f);
}

void TestLandmarkFit::symmetryPriorEvensAPair() {
    FaceFit truth = syntheticFit({0.0f, 8.0f, 0.0f}, false);
    truth.expression[size_t(Blendshape::MouthSmileLeft)] = 0.6f;
    truth.expression[size_t(Blendshape::MouthSmileRight)] = 0.2f;
    updateFaceFit(truth);
    const auto smiles = [](const FaceFit& fit) {
        return glm::vec2(fit.expression[size_t(Blendshape::MouthSmileLeft)],
                         fit.expression[size_t(Blendshape::MouthSmileRight)]);
    };
    const Result<FaceFit> free = fitToLandmarks(allTargets(truth), kImage);
    LandmarkFitOptions even;
    even.symmetry_prior_px2 = 1e7f;
    const Result<FaceFit> evened = fitToLandmarks(allTargets(truth), kImage, even);
    QVERIFY(free.ok() && evened.ok());
    qInfo("smile left/right: free %.3f / %.3f, with a strong symmetry prior %.3f / %.3f",
          smiles(*free).x, smiles(*free).y, smiles(*evened).x, smiles(*evened).y);
    QVERIFY(glm::distance(smiles(*free), glm::vec2(0.6f, 0.2f)) < 0.05f);
    QVERIFY(std::abs(smiles(*evened).x - smiles(*evened).y) < 0.02f);
    QVERIFY(smiles(*evened).x > 0.2f);  // evened out, not switched off
}

void TestLandmarkFit::posePriorPullsTowardsFacingTheCamera() {
    // A face in the top-left corner of a wide-angle frame, looking into the lens: in the
    // camera's axes it is pitched and turned by the angle it is seen at.
    FaceFit truth;
    truth.image_size = kImage;
    glm::quat rotation(1.0f, 0.0f, 0.0f, 0.0f);
    for (int i = 0; i < 4; ++i) {
        truth.pose.translation =
            PerspectiveCamera().placeFace({220.0f, 200.0f}, 200.0f, kImage, rotation);
        rotation = facingCamera(truth.pose.translation);
    }
    truth.pose = headPoseFrom(rotation, truth.pose.translation);
    updateFaceFit(truth);
    QVERIFY(std::abs(truth.pose.rotation_deg.x) > 10.0f && turnFromCameraDeg(truth.pose) < 0.1f);

    // The same head truly turned 25 degrees from the camera.
    FaceFit turned = truth;
    turned.pose = headPoseFrom(glm::angleAxis(glm::radians(25.0f), glm::vec3(0, 1, 0)) * rotation,
                               truth.pose.translation);
    updateFaceFit(turned);
    // From five points of the turned head, with a strong prior: the prior wins over so little
    // evidence and holds the face looking at the camera, not along the camera's axis.
    std::vector<LandmarkTarget> five;
    for (int i : {landmark::kRightEyeOuter, landmark::kLeftEyeOuter, landmark::kNoseTip,
                  landmark::kMouthRight, landmark::kMouthLeft}) {
        five.push_back({i, turned.landmarks2d[i], 1.0f, -1});
    }
    LandmarkFitOptions strong;
    strong.fit_identity = false;
    strong.fit_expression = false;
    strong.pose_prior_px2 = 1e6f;
    const Result<FaceFit> held = fitToLandmarks(five, kImage, strong);
    QVERIFY(held.ok());
    qInfo("five points, strong prior: %.3f deg from facing the camera",
          turnFromCameraDeg(held->pose));
    QVERIFY(turnFromCameraDeg(held->pose) < 1.0f);
    QVERIFY(std::abs(held->pose.rotation_deg.x) > 10.0f);

    // Seen in all its points, with a prior as strong as the photo fit's (0.15 of the eye
    // distance per radian): the evidence wins.
    LandmarkFitOptions photo_like;
    photo_like.pose_prior_px2 = (0.15f * 140.0f) * (0.15f * 140.0f);
    const Result<FaceFit> fit = fitToLandmarks(allTargets(turned), kImage, photo_like);
    QVERIFY(fit.ok());
    const float error = rotationErrorDeg(fit->pose, turned.pose);
    qInfo("turned 25 deg, all points, photo-fit prior: rotation error %.3f deg", error);
    QVERIFY(error < 1.0f);

    // Seen only at the points a photo's feature search locates (eyes, outer eye corners, three
    // points on each brow, the lips, the nose tip and the chin), with identity and expression
    // free under the photo fit's priors: within 2 degrees.
    std::vector<LandmarkTarget> features = {
        {landmark::kRightEyeOuter,
         eyeCentre(turned, landmark::kRightEyeOuter, landmark::kRightEyeInner), 2.0f,
         landmark::kRightEyeInner},
        {landmark::kLeftEyeOuter,
         eyeCentre(turned, landmark::kLeftEyeOuter, landmark::kLeftEyeInner), 2.0f,
         landmark::kLeftEyeInner},
    };
    for (int i : {landmark::kRightEyeOuter, landmark::kLeftEyeOuter, 53, 52, 65, 283, 282, 295,
                  landmark::kMouthRight, landmark::kMouthLeft, 0, 17, landmark::kUpperInnerLip,
                  landmark::kLowerInnerLip, landmark::kNoseTip, landmark::kChin}) {
        features.push_back({i, turned.landmarks2d[i], 0.7f, -1});
    }
    const float iod = glm::distance(features[0].pixel, features[1].pixel);
    const auto px2 = [iod](float fraction) { return fraction * fraction * iod * iod; };
    LandmarkFitOptions photo;
    photo.identity_prior_px2 = px2(0.04f);
    photo.expression_prior_px2 = px2(0.08f);
    photo.symmetry_prior_px2 = px2(0.1f);
    photo.pose_prior_px2 = px2(0.15f);
    const Result<FaceFit> sparse = fitToLandmarks(features, kImage, photo);
    QVERIFY(sparse.ok());
    const float sparse_error = rotationErrorDeg(sparse->pose, turned.pose);
    qInfo("turned 25 deg, %zu feature points, photo-fit priors: rotation error %.3f deg",
          features.size(), sparse_error);
    QVERIFY(sparse_error < 2.0f);
}

void TestLandmarkFit::rejectsBadTargets() {
    QVERIFY(!fitToLandmarks({{500, {1.0f, 1.0f}, 1.0f, -1}, {1, {2, 2}, 1, -1}}, kImage).ok());
    QVERIFY(!fitToLandmarks({{1, {1.0f, 1.0f}, 1.0f, -1}}, kImage).ok());
    const float nan = std::nanf("");
    QVERIFY(!fitToLandmarks({{1, {nan, 1.0f}, 1.0f, -1}, {2, {2, 2}, 1, -1}}, kImage).ok());
}

void TestLandmarkFit::identityModesAreSymmetricSmoothAndSized() {
    const FaceMesh& mesh = FaceMesh::canonical();
    const std::vector<glm::vec3>& v = mesh.vertices();
    for (int k = 0; k < kIdentityModeCount; ++k) {
        const auto mode = static_cast<IdentityMode>(k);
        const std::vector<glm::vec3>& d = IdentityBasis::canonical().deltas(mode);
        QCOMPARE(d.size(), v.size());
        float largest = 0.0f;
        float asymmetry = 0.0f;
        float steepest = 0.0f;  // offset change per cm along mesh edges
        for (size_t i = 0; i < d.size(); ++i) {
            largest = std::max(largest, glm::length(d[i]));
            const glm::vec3 mirrored = d[mesh.mirrorOf(int(i))] * glm::vec3(-1.0f, 1.0f, 1.0f);
            asymmetry = std::max(asymmetry, glm::distance(d[i], mirrored));
        }
        for (const MeshEdge& e : mesh.edges(FaceRegion::Tesselation)) {
            steepest = std::max(steepest,
                                glm::distance(d[e[0]], d[e[1]]) / glm::distance(v[e[0]], v[e[1]]));
        }
        qInfo("%s: largest %.2f cm, steepest %.3f cm/cm", identityModeName(mode).data(), largest,
              steepest);
        QVERIFY(!identityModeName(mode).empty());
        QVERIFY2(largest > 0.15f && largest < 1.0f, identityModeName(mode).data());
        QVERIFY(asymmetry < 1e-4f);
        QVERIFY2(steepest < 0.35f, identityModeName(mode).data());
    }
}

void TestLandmarkFit::benchmarkRefitWithCorrections() {
    const Result<FaceFit> start =
        fitToLandmarks(allTargets(syntheticFit({0.0f, 10.0f, 0.0f}, true)), kImage);
    QVERIFY(start.ok());
    const std::vector<LandmarkTarget> moved = {
        {landmark::kMouthRight, start->landmarks2d[landmark::kMouthRight] + glm::vec2(6, -4), 1,
         -1}};
    QBENCHMARK {
        const Result<FaceFit> refit = refitWithCorrections(*start, moved);
        QVERIFY(refit.ok());
    }
}

QTEST_GUILESS_MAIN(TestLandmarkFit)
#include "TestLandmarkFit.moc"
