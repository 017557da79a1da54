// The procedural ARKit blendshape basis on the canonical mesh: ARKit's names and order, exact
// left/right mirroring, locality, and that the shapes that matter most (blink, jaw, smile, lips)
// move the landmarks the way their names say, by believable amounts in cm.
#include <QtTest>

#include <cmath>
#include <glm/geometric.hpp>

#include "face/Blendshapes.h"
#include "face/ContactSheet.h"
#include "face/FaceContours.h"
#include "face/FaceFit.h"
#include "face/FaceMesh.h"

using ps::Blendshape;
using ps::BlendshapeBasis;
using ps::FaceMesh;
namespace lm = ps::landmark;

namespace {

// ARKit's order as ARFaceAnchor.BlendShapeLocation documents it (MediaPipe's list differs: it
// starts with "_neutral" and is alphabetical). Written out again here on purpose, so that a slip
// in the engine's table cannot also be a slip in the test's.
const char* const kArkitOrder[] = {
    "eyeBlinkLeft",      "eyeLookDownLeft",    "eyeLookInLeft",
    "eyeLookOutLeft",    "eyeLookUpLeft",      "eyeSquintLeft",
    "eyeWideLeft",       "eyeBlinkRight",      "eyeLookDownRight",
    "eyeLookInRight",    "eyeLookOutRight",    "eyeLookUpRight",
    "eyeSquintRight",    "eyeWideRight",       "jawForward",
    "jawLeft",           "jawRight",           "jawOpen",
    "mouthClose",        "mouthFunnel",        "mouthPucker",
    "mouthLeft",         "mouthRight",         "mouthSmileLeft",
    "mouthSmileRight",   "mouthFrownLeft",     "mouthFrownRight",
    "mouthDimpleLeft",   "mouthDimpleRight",   "mouthStretchLeft",
    "mouthStretchRight", "mouthRollLower",     "mouthRollUpper",
    "mouthShrugLower",   "mouthShrugUpper",    "mouthPressLeft",
    "mouthPressRight",   "mouthLowerDownLeft", "mouthLowerDownRight",
    "mouthUpperUpLeft",  "mouthUpperUpRight",  "browDownLeft",
    "browDownRight",     "browInnerUp",        "browOuterUpLeft",
    "browOuterUpRight",  "cheekPuff",          "cheekSquintLeft",
    "cheekSquintRight",  "noseSneerLeft",      "noseSneerRight",
    "tongueOut",
};

glm::vec3 at(Blendshape shape, int vertex, float weight = 1.0f) {
    return BlendshapeBasis::canonical().evaluate(shape, weight).vertices[vertex];
}

glm::vec3 neutral(int vertex) {
    return BlendshapeBasis::canonical().neutral()[vertex];
}

float motion(Blendshape shape, int vertex) {
    return glm::length(BlendshapeBasis::canonical().deltas(shape)[vertex]);
}

bool endsWith(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

}  // namespace

class TestBlendshapes : public QObject {
    Q_OBJECT

private slots:
    void namesFollowArkitsOrder();
    void rightShapesMirrorLeftShapesExactly();
    void unsidedShapesAreSymmetric();
    void everyShapeMovesBelievablyAndIsFinite();
    void leftShapesStayOnTheLeft();
    void blinkClosesTheLids();
    void jawOpenOpensTheMouthAndLeavesTheUpperFace();
    void smileRaisesAndFrownLowersTheCorner();
    void puckerAndFunnelPushTheLipsForward();
    void browsMoveWhereTheirNamesSay();
    void evaluateAddsWeightedDeltas();
    void mouthCloseStopsWhereTheLipsMeet();
    void blinkAndMouthCloseShutWhateverElseTheFaceDoes();
    void contactSheetHasATilePerShape();
};

void TestBlendshapes::namesFollowArkitsOrder() {
    QCOMPARE(ps::kBlendshapeCount, int(std::size(kArkitOrder)));
    for (int i = 0; i < ps::kBlendshapeCount; ++i) {
        const auto shape = static_cast<Blendshape>(i);
        QCOMPARE(QString::fromUtf8(ps::blendshapeName(shape).data(),
                                   int(ps::blendshapeName(shape).size())),
                 QString::fromUtf8(kArkitOrder[i]));
        const auto back = ps::blendshapeFromName(kArkitOrder[i]);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), i);
    }
    QVERIFY(ps::blendshapeName(Blendshape::Count).empty());
    QVERIFY(!ps::blendshapeFromName("_neutral").has_value());
    QVERIFY(!ps::blendshapeFromName("EyeBlinkLeft").has_value());  // ARKit's names are camelCase
    QCOMPARE(ps::mirroredBlendshape(Blendshape::EyeBlinkLeft), Blendshape::EyeBlinkRight);
    QCOMPARE(ps::mirroredBlendshape(Blendshape::MouthRight), Blendshape::MouthLeft);
    QCOMPARE(ps::mirroredBlendshape(Blendshape::JawOpen), Blendshape::JawOpen);
}

void TestBlendshapes::rightShapesMirrorLeftShapesExactly() {
    const FaceMesh& mesh = FaceMesh::canonical();
    const BlendshapeBasis& basis = BlendshapeBasis::canonical();
    int pairs = 0;
    for (int s = 0; s < ps::kBlendshapeCount; ++s) {
        const auto left = static_cast<Blendshape>(s);
        if (!endsWith(ps::blendshapeName(left), "Left")) {
            continue;
        }
        const Blendshape right = ps::mirroredBlendshape(left);
        QVERIFY(right != left);
        ++pairs;
        for (int i = 0; i < ps::kFaceVertexCount; ++i) {
            const glm::vec3 l = basis.deltas(left)[mesh.mirrorOf(i)];
            const glm::vec3 r = basis.deltas(right)[i];
            QCOMPARE(r.x, -l.x);
            QCOMPARE(r.y, l.y);
            QCOMPARE(r.z, l.z);
        }
    }
    QCOMPARE(pairs, 20);
}

void TestBlendshapes::unsidedShapesAreSymmetric() {
    const FaceMesh& mesh = FaceMesh::canonical();
    const BlendshapeBasis& basis = BlendshapeBasis::canonical();
    for (int s = 0; s < ps::kBlendshapeCount; ++s) {
        const auto shape = static_cast<Blendshape>(s);
        if (ps::mirroredBlendshape(shape) != shape) {
            continue;
        }
        for (int i = 0; i < ps::kFaceVertexCount; ++i) {
            const glm::vec3 a = basis.deltas(shape)[i];
            const glm::vec3 b = basis.deltas(shape)[mesh.mirrorOf(i)];
            QVERIFY2(glm::distance(a, glm::vec3(-b.x, b.y, b.z)) < 1e-5f,
                     ps::blendshapeName(shape).data());
        }
    }
}

void TestBlendshapes::everyShapeMovesBelievablyAndIsFinite() {
    const BlendshapeBasis& basis = BlendshapeBasis::canonical();
    for (int s = 0; s < ps::kBlendshapeCount; ++s) {
        const auto shape = static_cast<Blendshape>(s);
        const auto& deltas = basis.deltas(shape);
        QCOMPARE(int(deltas.size()), ps::kFaceVertexCount);
        float largest = 0.0f;
        for (const glm::vec3& d : deltas) {
            QVERIFY(std::isfinite(d.x) && std::isfinite(d.y) && std::isfinite(d.z));
            largest = std::max(largest, glm::length(d));
        }
        const QByteArray name(ps::blendshapeName(shape).data(),
                              int(ps::blendshapeName(shape).size()));
        // Eye looks only nudge the lids (the iris is not in the mesh); the rest are expressions
        // a person can see, and none travels further than a wide-open jaw.
        const float least = name.startsWith("eyeLook") ? 0.05f : 0.2f;
        QVERIFY2(largest > least, name.constData());
        QVERIFY2(largest < 4.0f, name.constData());
        if (name.startsWith("eyeLook")) {
            QVERIFY2(largest < 0.35f, name.constData());
        }
    }
}

void TestBlendshapes::leftShapesStayOnTheLeft() {
    const FaceMesh& mesh = FaceMesh::canonical();
    const auto& v = mesh.vertices();
    for (int s = 0; s < ps::kBlendshapeCount; ++s) {
        const auto shape = static_cast<Blendshape>(s);
        const std::string_view name = ps::blendshapeName(shape);
        // jawLeft and mouthLeft move the whole jaw or mouth sideways: their "left" is a
        // direction, not a side of the face.
        if (!endsWith(name, "Left") || name == "jawLeft" || name == "mouthLeft") {
            continue;
        }
        for (int i = 0; i < ps::kFaceVertexCount; ++i) {
            if (v[i].x < -1.0f) {
                QVERIFY2(motion(shape, i) == 0.0f, name.data());
            }
        }
    }
    // An eye shape leaves the mouth alone.
    for (int i : mesh.regionVertices(ps::FaceRegion::Lips)) {
        QCOMPARE(motion(Blendshape::EyeBlinkLeft, i), 0.0f);
        QCOMPARE(motion(Blendshape::EyeWideLeft, i), 0.0f);
    }
    // And a mouth shape leaves the eyes alone.
    for (int i : mesh.regionVertices(ps::FaceRegion::LeftEye)) {
        QCOMPARE(motion(Blendshape::MouthSmileLeft, i), 0.0f);
        QCOMPARE(motion(Blendshape::JawOpen, i), 0.0f);
    }
}

void TestBlendshapes::blinkClosesTheLids() {
    struct Eye {
        Blendshape blink;
        int upper;
        int lower;
    };
    for (const Eye& eye :
         {Eye{Blendshape::EyeBlinkRight, 159, 145}, Eye{Blendshape::EyeBlinkLeft, 386, 374}}) {
        const float open = glm::distance(neutral(eye.upper), neutral(eye.lower));
        QVERIFY(open > 0.4f);
        const float closed = glm::distance(at(eye.blink, eye.upper), at(eye.blink, eye.lower));
        QVERIFY2(closed < 0.1f, qPrintable(QString::number(closed)));
        const float half =
            glm::distance(at(eye.blink, eye.upper, 0.5f), at(eye.blink, eye.lower, 0.5f));
        QVERIFY(half > 0.3f * open && half < 0.7f * open);
        // The upper lid does most of the travel.
        QVERIFY(neutral(eye.upper).y - at(eye.blink, eye.upper).y >
                2.0f * (at(eye.blink, eye.lower).y - neutral(eye.lower).y));
    }
    // Squint narrows the eye from below; wide opens it.
    const float open = neutral(386).y - neutral(374).y;
    QVERIFY(at(Blendshape::EyeSquintLeft, 374).y > neutral(374).y + 0.1f);
    QVERIFY(at(Blendshape::EyeWideLeft, 386).y - at(Blendshape::EyeWideLeft, 374).y > open + 0.2f);
}

void TestBlendshapes::jawOpenOpensTheMouthAndLeavesTheUpperFace() {
    const float gap = neutral(lm::kUpperInnerLip).y - neutral(lm::kLowerInnerLip).y;
    const float opened = at(Blendshape::JawOpen, lm::kUpperInnerLip).y -
                         at(Blendshape::JawOpen, lm::kLowerInnerLip).y;
    QVERIFY2(opened - gap > 2.0f && opened - gap < 3.5f, qPrintable(QString::number(opened - gap)));
    QVERIFY(at(Blendshape::JawOpen, lm::kChin).y < neutral(lm::kChin).y - 1.0f);
    for (int i : {lm::kForeheadTop, lm::kRightEyeOuter, lm::kRightEyeInner, lm::kLeftEyeInner,
                  lm::kLeftEyeOuter, lm::kNoseTip, lm::kUpperInnerLip}) {
        QCOMPARE(motion(Blendshape::JawOpen, i), 0.0f);
    }
    // mouthClose undoes the lips' part of jawOpen: together, the lips meet again.
    ps::BlendshapeWeights weights{};
    weights[size_t(Blendshape::JawOpen)] = 1.0f;
    weights[size_t(Blendshape::MouthClose)] = 1.0f;
    const auto shut = BlendshapeBasis::canonical().evaluate(weights).vertices;
    QVERIFY(shut[lm::kUpperInnerLip].y - shut[lm::kLowerInnerLip].y < gap);
    QVERIFY(shut[lm::kChin].y < neutral(lm::kChin).y - 1.0f);
    // jawLeft moves the chin to the subject's left (+x).
    QVERIFY(at(Blendshape::JawLeft, lm::kChin).x > 0.5f);
    QVERIFY(at(Blendshape::JawForward, lm::kChin).z > neutral(lm::kChin).z + 0.4f);
}

void TestBlendshapes::smileRaisesAndFrownLowersTheCorner() {
    QVERIFY(at(Blendshape::MouthSmileLeft, lm::kMouthLeft).y > neutral(lm::kMouthLeft).y + 0.4f);
    QVERIFY(at(Blendshape::MouthSmileRight, lm::kMouthRight).y > neutral(lm::kMouthRight).y + 0.4f);
    QCOMPARE(motion(Blendshape::MouthSmileLeft, lm::kMouthRight), 0.0f);
    // A smile draws the corner outwards and back, around the teeth.
    QVERIFY(at(Blendshape::MouthSmileLeft, lm::kMouthLeft).x > neutral(lm::kMouthLeft).x);
    QVERIFY(at(Blendshape::MouthSmileLeft, lm::kMouthLeft).z < neutral(lm::kMouthLeft).z);
    QVERIFY(at(Blendshape::MouthFrownLeft, lm::kMouthLeft).y < neutral(lm::kMouthLeft).y - 0.4f);
    QVERIFY(at(Blendshape::MouthStretchRight, lm::kMouthRight).x <
            neutral(lm::kMouthRight).x - 0.4f);
}

void TestBlendshapes::puckerAndFunnelPushTheLipsForward() {
    for (Blendshape shape : {Blendshape::MouthPucker, Blendshape::MouthFunnel}) {
        for (int i : {0, lm::kUpperInnerLip, lm::kLowerInnerLip, 17}) {
            QVERIFY(at(shape, i).z > neutral(i).z + 0.3f);
        }
        // The corners come towards the middle: the mouth narrows.
        const float width = neutral(lm::kMouthLeft).x - neutral(lm::kMouthRight).x;
        QVERIFY(at(shape, lm::kMouthLeft).x - at(shape, lm::kMouthRight).x < width - 0.8f);
    }
    // A funnel opens the lips; a pucker keeps them together.
    const auto gap = [](Blendshape shape) {
        return at(shape, lm::kUpperInnerLip).y - at(shape, lm::kLowerInnerLip).y;
    };
    const float neutral_gap = neutral(lm::kUpperInnerLip).y - neutral(lm::kLowerInnerLip).y;
    QVERIFY(gap(Blendshape::MouthFunnel) > neutral_gap + 0.3f);
    QVERIFY(gap(Blendshape::MouthPucker) < neutral_gap);
    // Rolling a lip in takes it back, towards the teeth.
    QVERIFY(at(Blendshape::MouthRollLower, 17).z < neutral(17).z);
    QVERIFY(at(Blendshape::MouthRollUpper, 0).z < neutral(0).z);
}

void TestBlendshapes::browsMoveWhereTheirNamesSay() {
    // 334 is the middle of the subject's left brow, 105 of the right; 336/107 their inner ends.
    QVERIFY(at(Blendshape::BrowDownLeft, 334).y < neutral(334).y - 0.3f);
    QCOMPARE(motion(Blendshape::BrowDownLeft, 105), 0.0f);
    QVERIFY(at(Blendshape::BrowInnerUp, 336).y > neutral(336).y + 0.4f);
    QVERIFY(at(Blendshape::BrowInnerUp, 107).y > neutral(107).y + 0.4f);
    QVERIFY(motion(Blendshape::BrowOuterUpLeft, 300) >
            2.0f * motion(Blendshape::BrowOuterUpLeft, 336));
    QVERIFY(at(Blendshape::BrowOuterUpLeft, 300).y > neutral(300).y + 0.3f);
    // Cheeks puff outwards, away from the midplane.
    QVERIFY(at(Blendshape::CheekPuff, 411).x > neutral(411).x + 0.2f);
    QVERIFY(at(Blendshape::CheekPuff, 187).x < neutral(187).x - 0.2f);
}

void TestBlendshapes::evaluateAddsWeightedDeltas() {
    const BlendshapeBasis& basis = BlendshapeBasis::canonical();
    ps::BlendshapeWeights weights{};
    QCOMPARE(basis.evaluate(weights).vertices, basis.neutral());
    weights[size_t(Blendshape::JawOpen)] = 0.5f;
    weights[size_t(Blendshape::MouthSmileLeft)] = 0.25f;
    const auto mixed = basis.evaluate(weights).vertices;
    for (int i = 0; i < ps::kFaceVertexCount; ++i) {
        const glm::vec3 expected = basis.neutral()[i] +
                                   0.5f * basis.deltas(Blendshape::JawOpen)[i] +
                                   0.25f * basis.deltas(Blendshape::MouthSmileLeft)[i];
        QVERIFY(glm::distance(mixed[i], expected) < 1e-5f);
    }
}

void TestBlendshapes::mouthCloseStopsWhereTheLipsMeet() {
    // The inner lips' gap (upper minus lower, cm) of a face with the given jaw and mouthClose.
    const auto gap = [](float jaw, float close) {
        ps::BlendshapeWeights w{};
        w[size_t(ps::Blendshape::JawOpen)] = jaw;
        w[size_t(ps::Blendshape::MouthClose)] = close;
        const std::vector<glm::vec3> v = ps::faceLocalVertices(ps::IdentityCoefficients{}, w);
        return v[ps::landmark::kUpperInnerLip].y - v[ps::landmark::kLowerInnerLip].y;
    };
    const float neutral = gap(0.0f, 0.0f);
    qInfo(
        "inner-lip gap: neutral %.3f cm, mouthClose 0.05 %.3f, 0.1 %.3f, 0.2 %.3f, 1 %.3f; "
        "jaw 0.6 with mouthClose 0.3 %.3f, with 1 %.3f",
        double(neutral), double(gap(0.0f, 0.05f)), double(gap(0.0f, 0.1f)), double(gap(0.0f, 0.2f)),
        double(gap(0.0f, 1.0f)), double(gap(0.6f, 0.3f)), double(gap(0.6f, 1.0f)));
    QVERIFY(neutral > 0.3f);  // MediaPipe's neutral mouth is parted
    QVERIFY(gap(0.0f, 0.05f) > 0.05f && gap(0.0f, 0.05f) < neutral - 0.05f);
    QVERIFY(std::abs(gap(0.0f, 1.0f)) < 1e-3f);  // closed, not pushed through
    QVERIFY(std::abs(gap(0.6f, 1.0f)) < 1e-3f);  // an open jaw with closed lips
    QVERIFY(gap(0.6f, 0.3f) > 0.2f);             // a weak mouthClose leaves them apart
}

void TestBlendshapes::blinkAndMouthCloseShutWhateverElseTheFaceDoes() {
    // A photo's fit may hold an eye wide, a shrugged upper lip and shape detail along the lids
    // and lips that the shapes' offsets were not made for; a blink of 1 must still shut each eye
    // along its whole margin, and a full mouthClose meet the lips at every pair.
    ps::BlendshapeWeights w{};
    w[size_t(ps::Blendshape::EyeWideLeft)] = 0.8f;
    w[size_t(ps::Blendshape::EyeSquintRight)] = 0.4f;
    w[size_t(ps::Blendshape::MouthShrugUpper)] = 0.6f;
    w[size_t(ps::Blendshape::MouthSmileLeft)] = 0.7f;
    w[size_t(ps::Blendshape::JawOpen)] = 0.3f;
    std::vector<glm::vec3> detail(ps::kFaceVertexCount, glm::vec3(0.0f));
    for (int i : {160, 387, 82, 312}) {
        detail[size_t(i)] = {0.02f, 0.06f, 0.0f};  // an upper lid and upper lip a little higher
    }
    for (int i : {153, 380, 87, 317}) {
        detail[size_t(i)] = {0.0f, -0.05f, 0.01f};
    }
    const ps::IdentityCoefficients identity{};
    const auto widest = [&](const ps::BlendshapeWeights& weights, const auto& loop) {
        const std::vector<glm::vec3> v = ps::faceLocalVertices(identity, weights, detail);
        float most = 0.0f;
        const size_t n = loop.size();
        for (size_t k = 1; k < n / 2; ++k) {
            most = std::max(most, glm::distance(v[size_t(loop[n - k])], v[size_t(loop[k])]));
        }
        return most;
    };
    QVERIFY(widest(w, ps::contour::kLeftEye) > 0.5f);  // open before
    QVERIFY(widest(w, ps::contour::kInnerLips) > 0.3f);
    ps::BlendshapeWeights shut = w;
    shut[size_t(ps::Blendshape::EyeBlinkLeft)] = 1.0f;
    shut[size_t(ps::Blendshape::EyeBlinkRight)] = 1.0f;
    shut[size_t(ps::Blendshape::MouthClose)] = 1.0f;
    qInfo("widest gaps when shut: right eye %.4f, left eye %.4f, lips %.4f cm",
          widest(shut, ps::contour::kRightEye), widest(shut, ps::contour::kLeftEye),
          widest(shut, ps::contour::kInnerLips));
    QVERIFY(widest(shut, ps::contour::kRightEye) < 1e-3f);
    QVERIFY(widest(shut, ps::contour::kLeftEye) < 1e-3f);
    QVERIFY(widest(shut, ps::contour::kInnerLips) < 1e-3f);
    // Half a blink is half way, not shut.
    ps::BlendshapeWeights half = w;
    half[size_t(ps::Blendshape::EyeBlinkLeft)] = 0.5f;
    const float open_left = widest(w, ps::contour::kLeftEye);
    QVERIFY(widest(half, ps::contour::kLeftEye) > 0.3f * open_left);
    QVERIFY(widest(half, ps::contour::kLeftEye) < 0.7f * open_left);
}

void TestBlendshapes::contactSheetHasATilePerShape() {
    const int tile = 64;
    const cv::Mat sheet =
        ps::blendshapeContactSheet(BlendshapeBasis::canonical(), FaceMesh::canonical(), tile);
    const int rows =
        (ps::kBlendshapeCount + 1 + ps::kContactSheetColumns - 1) / ps::kContactSheetColumns;
    QCOMPARE(sheet.cols, ps::kContactSheetColumns * tile);
    QCOMPARE(sheet.rows, rows * tile);
    QCOMPARE(sheet.type(), CV_8UC3);
    // The neutral tile and the jawOpen tile (index 18) differ: the shapes are really drawn.
    const auto tileAt = [&](int index) {
        return sheet(cv::Rect((index % ps::kContactSheetColumns) * tile,
                              (index / ps::kContactSheetColumns) * tile, tile, tile));
    };
    QVERIFY(cv::norm(tileAt(0), tileAt(1 + int(Blendshape::JawOpen)), cv::NORM_L1) > 1000.0);
    // Something is drawn in each tile: more than the label on a plain background.
    QVERIFY(cv::countNonZero(tileAt(0).reshape(1) > 100) > tile * tile / 10);
}

QTEST_GUILESS_MAIN(TestBlendshapes)
#include "TestBlendshapes.moc"
