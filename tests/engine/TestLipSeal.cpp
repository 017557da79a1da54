// Sealing the lips for p, b and m: any mouth, however open, comes out with its lips together
// (aperture 0 with room to spare) but keeps its rounding; partial seals move part of the way;
// the network's closure output maps to a seal smoothly.
#include <QtTest>

#include "voice/LipSeal.h"

using namespace ps;

namespace {

float& at(MouthWeights& w, Blendshape b) {
    return w[size_t(mouthChannel(b))];
}

MouthWeights wideOpenRounded() {
    MouthWeights w{};
    at(w, Blendshape::JawOpen) = 0.7f;
    at(w, Blendshape::MouthLowerDownLeft) = 0.5f;
    at(w, Blendshape::MouthLowerDownRight) = 0.5f;
    at(w, Blendshape::MouthUpperUpLeft) = 0.3f;
    at(w, Blendshape::MouthPucker) = 0.6f;
    at(w, Blendshape::MouthFunnel) = 0.5f;
    return w;
}

}  // namespace

class TestLipSeal : public QObject {
    Q_OBJECT

private slots:
    void sealedLipsAreTogetherAndStillRounded();
    void partialSealMovesPartOfTheWay();
    void closureOutputMapsSmoothly();
};

void TestLipSeal::sealedLipsAreTogetherAndStillRounded() {
    MouthWeights w = sealedLips(wideOpenRounded());
    QCOMPARE(lipAperture(w), 0.0f);
    // Pressed beyond closed: a mouth a little off still has its lips together.
    QVERIFY(at(w, Blendshape::MouthClose) - at(w, Blendshape::JawOpen) >= 0.1f);
    QCOMPARE(at(w, Blendshape::MouthPucker), 0.6f);
    QVERIFY(at(w, Blendshape::MouthFunnel) < 0.2f);
    // At least an m's relaxed press; a harder press (a p or b) is kept.
    QVERIFY(at(w, Blendshape::MouthPressLeft) >= 0.2f);
    MouthWeights pressed = wideOpenRounded();
    pressed[size_t(mouthChannel(Blendshape::MouthPressLeft))] = 0.6f;
    MouthWeights sealed = sealedLips(pressed);
    QCOMPARE(at(sealed, Blendshape::MouthPressLeft), 0.6f);
    for (float v : w) {
        QVERIFY(v >= 0.0f && v <= 1.0f);
    }
}

void TestLipSeal::partialSealMovesPartOfTheWay() {
    const MouthWeights open = wideOpenRounded();
    MouthWeights half = open;
    sealLips(half, 0.5f);
    QVERIFY(lipAperture(half) > 0.0f && lipAperture(half) < lipAperture(open));
    MouthWeights none = open;
    sealLips(none, 0.0f);
    QVERIFY(none == open);
    MouthWeights full = open;
    sealLips(full, 1.0f);
    QVERIFY(full == sealedLips(open));
}

void TestLipSeal::closureOutputMapsSmoothly() {
    QCOMPARE(sealAmountForClosure(0.0f), 0.0f);
    QCOMPARE(sealAmountForClosure(0.35f), 0.0f);
    QCOMPARE(sealAmountForClosure(0.5f), 0.5f);
    QCOMPARE(sealAmountForClosure(0.65f), 1.0f);
    QCOMPARE(sealAmountForClosure(1.0f), 1.0f);
    float last = 0.0f;
    for (int i = 0; i <= 100; ++i) {
        const float s = sealAmountForClosure(float(i) / 100.0f);
        QVERIFY(s >= last && s - last < 0.06f);
        last = s;
    }
}

QTEST_APPLESS_MAIN(TestLipSeal)
#include "TestLipSeal.moc"
