// Putting a face state onto the photo's fit: an empty state gives the photo's own face back;
// the voice's shapes take over the mouth only while the person speaks; other shapes add to the
// photo's; the head turns by the state's angles about its own axes.
#include <QtTest>
#include <glm/gtc/quaternion.hpp>

#include "face/FaceMesh.h"
#include "face/HeadPose.h"
#include "motion/ApplyFaceState.h"

using namespace ps;

namespace {

FaceFit photoFit() {
    FaceFit fit;
    fit.image_size = cv::Size(640, 480);
    fit.pose = headPoseFrom(glm::quat(glm::radians(glm::vec3(15.0f, -5.0f, 2.0f))),
                            glm::vec3(0.0f, 3.0f, -60.0f));
    fit.expression[size_t(Blendshape::MouthSmileLeft)] = 0.6f;
    fit.expression[size_t(Blendshape::MouthSmileRight)] = 0.8f;
    fit.expression[size_t(Blendshape::JawOpen)] = 0.2f;
    fit.expression[size_t(Blendshape::BrowInnerUp)] = 0.3f;
    updateFaceFit(fit);
    return fit;
}

float weight(const FaceFit& fit, Blendshape shape) {
    return fit.expression[size_t(shape)];
}

}  // namespace

class TestApplyFaceState : public QObject {
    Q_OBJECT

private slots:
    void emptyStateGivesThePhotoBack();
    void voiceOwnsTheMouthOnlyWhileSpeaking();
    void otherShapesAddToThePhotos();
    void speechAtRestHasTheLipsTogether();
    void headTurnsByTheStatesAngles();
};

void TestApplyFaceState::emptyStateGivesThePhotoBack() {
    const FaceFit photo = photoFit();
    const FaceFit target = applyFaceState(photo, FaceState{});
    QVERIFY(target.expression == photo.expression);
    for (size_t i = 0; i < photo.landmarks2d.size(); ++i) {
        QVERIFY(glm::distance(target.landmarks2d[i], photo.landmarks2d[i]) < 1e-3f);
    }
}

void TestApplyFaceState::voiceOwnsTheMouthOnlyWhileSpeaking() {
    const FaceFit photo = photoFit();
    FaceState state;
    state.weights[size_t(Blendshape::JawOpen)] = 0.5f;
    state.weights[size_t(Blendshape::MouthClose)] = 0.1f;
    state.speech = 1.0f;
    QCOMPARE(weight(applyFaceState(photo, state), Blendshape::JawOpen), 0.5f);
    const float together = lipsTogetherClose(photo);
    QCOMPARE(weight(applyFaceState(photo, state), Blendshape::MouthClose), 0.1f + together);
    state.speech = 0.0f;
    QCOMPARE(weight(applyFaceState(photo, state), Blendshape::JawOpen), 0.2f);
    QCOMPARE(weight(applyFaceState(photo, state), Blendshape::MouthClose), 0.0f);
    state.speech = 0.5f;
    QCOMPARE(weight(applyFaceState(photo, state), Blendshape::JawOpen), 0.35f);
    QVERIFY(isSpeechShape(Blendshape::TongueOut));
    QVERIFY(!isSpeechShape(Blendshape::MouthSmileLeft));
    QVERIFY(!isSpeechShape(Blendshape::EyeBlinkLeft));
}

void TestApplyFaceState::speechAtRestHasTheLipsTogether() {
    FaceFit photo = photoFit();
    photo.expression[size_t(Blendshape::JawOpen)] = 0.0f;
    updateFaceFit(photo);
    // The inner lips' gap in the face's own vertical (cm): 0 where they meet.
    const auto gap = [](const FaceFit& fit) {
        const std::vector<glm::vec3> v =
            faceLocalVertices(fit.identity, fit.expression, fit.shape_detail_cm);
        return v[landmark::kUpperInnerLip].y - v[landmark::kLowerInnerLip].y;
    };
    FaceState state;
    state.speech = 1.0f;
    const float together = lipsTogetherClose(photo);
    const float rest = gap(applyFaceState(photo, state));
    state.weights[size_t(Blendshape::JawOpen)] = 0.3f;
    const float open = gap(applyFaceState(photo, state));
    qInfo(
        "mouthClose %.3f brings the neutral lips together; gap %.3f cm in the photo, %.4f cm "
        "speaking at rest, %.3f cm with the jaw at 0.3",
        double(together), double(gap(photo)), double(rest), double(open));
    QVERIFY(together > 0.1f && together < 0.4f);
    QVERIFY(gap(photo) > 0.3f);  // MediaPipe's neutral mouth, parted
    QVERIFY(std::abs(rest) < 1e-3f);
    QVERIFY(open > 0.3f);
}

void TestApplyFaceState::otherShapesAddToThePhotos() {
    const FaceFit photo = photoFit();
    FaceState state;
    state.weights[size_t(Blendshape::MouthSmileLeft)] = 0.3f;
    state.weights[size_t(Blendshape::MouthSmileRight)] = 0.3f;
    state.weights[size_t(Blendshape::EyeBlinkLeft)] = 1.0f;
    state.speech = 1.0f;
    const FaceFit target = applyFaceState(photo, state);
    QCOMPARE(weight(target, Blendshape::MouthSmileLeft), 0.9f);
    QCOMPARE(weight(target, Blendshape::MouthSmileRight), 1.0f);  // clamped
    QCOMPARE(weight(target, Blendshape::EyeBlinkLeft), 1.0f);
    QCOMPARE(weight(target, Blendshape::BrowInnerUp), 0.3f);
}

void TestApplyFaceState::headTurnsByTheStatesAngles() {
    const FaceFit photo = photoFit();
    FaceState state;
    state.head_deg = {0.0f, 10.0f, 0.0f};
    const FaceFit target = applyFaceState(photo, state);
    const glm::quat relative = glm::inverse(toQuat(photo.pose)) * toQuat(target.pose);
    const float angle = glm::degrees(glm::angle(relative));
    const glm::vec3 axis = glm::axis(relative);
    qInfo("turned by %.3f degrees about (%.3f, %.3f, %.3f) in the face's frame", double(angle),
          double(axis.x), double(axis.y), double(axis.z));
    QVERIFY(std::abs(angle - 10.0f) < 1e-2f);
    QVERIFY(std::abs(std::abs(axis.y) - 1.0f) < 1e-3f);  // about the face's own vertical
    QCOMPARE(target.pose.translation, photo.pose.translation);
    QVERIFY(target.landmarks2d[1] != photo.landmarks2d[1]);
}

QTEST_APPLESS_MAIN(TestApplyFaceState)
#include "TestApplyFaceState.moc"
