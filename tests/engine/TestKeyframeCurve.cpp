// Keyframe curves: each interpolation's values at and between keys, the ease's flat ends and
// symmetry, Bézier handles against values worked out by hand, holding beyond the keys, what
// keysAreValid refuses, and keys through JSON and back.
#include <QtTest>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "Keys.h"
#include "motion/KeyframeCurve.h"
#include "motion/KeyframeJson.h"

using namespace ps;

namespace {

// Two keys, 0 at t = 1 s and 10 at t = 3 s, the first drawing the segment with `interpolation`.
std::vector<Keyframe> segment(Interpolation interpolation) {
    return {key(1.0, 0.0f, interpolation), key(3.0, 10.0f)};
}

}  // namespace

class TestKeyframeCurve : public QObject {
    Q_OBJECT

private slots:
    void emptyCurveIsZero();
    void valuesAtKeys_data();
    void valuesAtKeys();
    void linearIsStraight();
    void stepHoldsUntilTheNextKey();
    void easeLeavesAndArrivesFlatAndIsSymmetric();
    void bezierWithDefaultHandlesMatchesHandWorkedValue();
    void bezierWithLinearHandlesIsLinear();
    void steepBezierStaysSingleValued_data();
    void steepBezierStaysSingleValued();
    void holdsBeyondTheKeys();
    void keysAreValidRefuses_data();
    void keysAreValidRefuses();
    void jsonRoundTrip();
    void jsonErrorsNameThePlace_data();
    void jsonErrorsNameThePlace();
};

void TestKeyframeCurve::emptyCurveIsZero() {
    QCOMPARE(evaluateKeys({}, 0.0), 0.0f);
    QCOMPARE(evaluateKeys({}, 12.5), 0.0f);
    QVERIFY(keysAreValid({}));
}

void TestKeyframeCurve::valuesAtKeys_data() {
    QTest::addColumn<int>("interpolation");
    QTest::newRow("linear") << int(Interpolation::Linear);
    QTest::newRow("ease") << int(Interpolation::Ease);
    QTest::newRow("bezier") << int(Interpolation::Bezier);
    QTest::newRow("step") << int(Interpolation::Step);
}

void TestKeyframeCurve::valuesAtKeys() {
    QFETCH(int, interpolation);
    const auto mode = static_cast<Interpolation>(interpolation);
    const std::vector<Keyframe> keys = {key(0.0, 2.0f, mode), key(1.0, -4.0f, mode),
                                        key(2.5, 7.0f, mode)};
    QCOMPARE(evaluateKeys(keys, 0.0), 2.0f);
    QCOMPARE(evaluateKeys(keys, 1.0), -4.0f);
    QCOMPARE(evaluateKeys(keys, 2.5), 7.0f);
}

void TestKeyframeCurve::linearIsStraight() {
    const std::vector<Keyframe> keys = segment(Interpolation::Linear);
    QCOMPARE(evaluateKeys(keys, 1.5), 2.5f);
    QCOMPARE(evaluateKeys(keys, 2.0), 5.0f);
    QCOMPARE(evaluateKeys(keys, 2.9), 9.5f);
}

void TestKeyframeCurve::stepHoldsUntilTheNextKey() {
    const std::vector<Keyframe> keys = {key(0.0, 1.0f, Interpolation::Step),
                                        key(1.0, 5.0f, Interpolation::Step), key(2.0, 9.0f)};
    QCOMPARE(evaluateKeys(keys, 0.5), 1.0f);
    QCOMPARE(evaluateKeys(keys, 0.999), 1.0f);
    QCOMPARE(evaluateKeys(keys, 1.0), 5.0f);
    QCOMPARE(evaluateKeys(keys, 1.999), 5.0f);
    QCOMPARE(evaluateKeys(keys, 2.0), 9.0f);
}

void TestKeyframeCurve::easeLeavesAndArrivesFlatAndIsSymmetric() {
    const std::vector<Keyframe> keys = segment(Interpolation::Ease);
    const double h = 1e-3;
    // Slope per second near the ends, against the straight line's 5 per second.
    const double leaving = (evaluateKeys(keys, 1.0 + h) - evaluateKeys(keys, 1.0)) / h;
    const double arriving = (evaluateKeys(keys, 3.0) - evaluateKeys(keys, 3.0 - h)) / h;
    QVERIFY2(leaving < 0.05 && arriving < 0.05,
             qPrintable(QString("slopes %1 and %2").arg(leaving).arg(arriving)));
    // Steepest in the middle, at 1.5 times the straight line's slope (smoothstep).
    const double middle = (evaluateKeys(keys, 2.0 + h) - evaluateKeys(keys, 2.0 - h)) / (2 * h);
    QVERIFY(std::abs(middle - 7.5) < 1e-2);
    QCOMPARE(evaluateKeys(keys, 2.0), 5.0f);
    for (double d : {0.1, 0.37, 0.6, 0.95}) {
        const float above = evaluateKeys(keys, 2.0 + d) - 5.0f;
        const float below = 5.0f - evaluateKeys(keys, 2.0 - d);
        QVERIFY2(std::abs(above - below) < 1e-5f, qPrintable(QString("at ±%1").arg(d)));
    }
    // Slower than the straight line in the first half.
    QVERIFY(evaluateKeys(keys, 1.5) < 2.5f);
}

void TestKeyframeCurve::bezierWithDefaultHandlesMatchesHandWorkedValue() {
    // Handles (1/3, 0) and (1/3, 0): the time's control points sit at 1/3 and 2/3, so time runs
    // evenly with the parameter (x = u), and the value's are 0 and 10, so
    // v(u) = 3(1-u)u²·10 + u³·10 = 10(3u² - 2u³). A quarter of the way: 10 · 0.15625.
    std::vector<Keyframe> keys = segment(Interpolation::Bezier);
    QCOMPARE(keys[0].out_x, 1.0f / 3.0f);
    QCOMPARE(keys[1].in_x, 1.0f / 3.0f);
    QVERIFY(std::abs(evaluateKeys(keys, 1.5) - 1.5625f) < 1e-5f);
    QVERIFY(std::abs(evaluateKeys(keys, 2.0) - 5.0f) < 1e-5f);
    QVERIFY(std::abs(evaluateKeys(keys, 2.5) - 8.4375f) < 1e-5f);
    // Lifting the out handle by 3 raises the first control point: at x = u = 1/2,
    // v = 3·(1/4)·(1/2)·3 + 5 = 6.125.
    keys[0].out_dy = 3.0f;
    QVERIFY(std::abs(evaluateKeys(keys, 2.0) - 6.125f) < 1e-5f);
}

void TestKeyframeCurve::bezierWithLinearHandlesIsLinear() {
    std::vector<Keyframe> keys = segment(Interpolation::Bezier);
    keys[0].out_dy = 10.0f / 3.0f;  // a third of the way up, a third of the way along
    keys[1].in_dy = -10.0f / 3.0f;  // a third of the way down, a third back
    const std::vector<Keyframe> linear = segment(Interpolation::Linear);
    for (double t = 1.0; t <= 3.0; t += 0.05) {
        QVERIFY2(std::abs(evaluateKeys(keys, t) - evaluateKeys(linear, t)) < 1e-4f,
                 qPrintable(QString("at %1 s").arg(t)));
    }
}

void TestKeyframeCurve::steepBezierStaysSingleValued_data() {
    QTest::addColumn<float>("out_x");
    QTest::addColumn<float>("in_x");
    QTest::newRow("vertical in the middle") << 1.0f << 1.0f;
    QTest::newRow("vertical at the ends") << 0.0f << 0.0f;
    QTest::newRow("lopsided") << 1.0f << 0.0f;
}

void TestKeyframeCurve::steepBezierStaysSingleValued() {
    // With handles' x at the extremes the curve is nearly vertical somewhere; time must still
    // run forward along it, so the value rises monotonically from one key's to the next's.
    QFETCH(float, out_x);
    QFETCH(float, in_x);
    std::vector<Keyframe> keys = segment(Interpolation::Bezier);
    keys[0].out_x = out_x;
    keys[1].in_x = in_x;
    QVERIFY(keysAreValid(keys));
    float previous = evaluateKeys(keys, 1.0);
    QCOMPARE(previous, 0.0f);
    for (int i = 1; i <= 400; ++i) {
        const float value = evaluateKeys(keys, 1.0 + 2.0 * i / 400.0);
        QVERIFY2(std::isfinite(value) && value >= previous - 1e-5f && value <= 10.0f + 1e-5f,
                 qPrintable(QString("%1 after %2 at step %3").arg(value).arg(previous).arg(i)));
        previous = value;
    }
    QVERIFY(std::abs(previous - 10.0f) < 1e-5f);
}

void TestKeyframeCurve::holdsBeyondTheKeys() {
    const std::vector<Keyframe> keys = {key(1.0, 3.0f, Interpolation::Ease), key(2.0, -1.0f)};
    QCOMPARE(evaluateKeys(keys, -100.0), 3.0f);
    QCOMPARE(evaluateKeys(keys, 0.999), 3.0f);
    QCOMPARE(evaluateKeys(keys, 2.001), -1.0f);
    QCOMPARE(evaluateKeys(keys, 1e6), -1.0f);
    const std::vector<Keyframe> one = {key(5.0, 0.25f)};
    QCOMPARE(evaluateKeys(one, 0.0), 0.25f);
    QCOMPARE(evaluateKeys(one, 9.0), 0.25f);
}

void TestKeyframeCurve::keysAreValidRefuses_data() {
    QTest::addColumn<int>("what");
    QTest::newRow("unsorted") << 0;
    QTest::newRow("duplicate time") << 1;
    QTest::newRow("NaN value") << 2;
    QTest::newRow("infinite time") << 3;
    QTest::newRow("out handle x above 1") << 4;
    QTest::newRow("in handle x below 0") << 5;
    QTest::newRow("unknown interpolation") << 6;
    QTest::newRow("NaN handle dy") << 7;
    QTest::newRow("unknown handle type") << 8;
}

void TestKeyframeCurve::keysAreValidRefuses() {
    QFETCH(int, what);
    std::vector<Keyframe> keys = {key(0.0, 0.0f, Interpolation::Bezier), key(1.0, 1.0f),
                                  key(2.0, 0.5f)};
    QVERIFY(keysAreValid(keys));
    const float nan = std::numeric_limits<float>::quiet_NaN();
    switch (what) {
        case 0:
            std::swap(keys[1], keys[2]);
            break;
        case 1:
            keys[2].t_s = keys[1].t_s;
            break;
        case 2:
            keys[1].value = nan;
            break;
        case 3:
            keys[2].t_s = std::numeric_limits<double>::infinity();
            break;
        case 4:
            keys[0].out_x = 1.25f;
            break;
        case 5:
            keys[1].in_x = -0.1f;
            break;
        case 6:
            keys[1].interpolation = static_cast<Interpolation>(0);
            break;
        case 7:
            keys[0].out_dy = nan;
            break;
        case 8:
            keys[1].handles = static_cast<HandleType>(0);
            break;
    }
    QVERIFY(!keysAreValid(keys));
}

void TestKeyframeCurve::jsonRoundTrip() {
    std::vector<Keyframe> keys = {key(0.0, 0.0f, Interpolation::Ease),
                                  key(0.4, 6.5f, Interpolation::Bezier),
                                  key(0.9, -2.0f, Interpolation::Step),
                                  key(1.25, 1.0f, Interpolation::Linear), key(2.0, 0.0f)};
    keys[1].out_x = 0.2f;
    keys[1].out_dy = 1.5f;
    // The key after a Bézier key is linear; its in handle still shapes the Bézier segment.
    keys[2].in_x = 0.6f;
    keys[2].in_dy = -0.75f;
    keys[1].handles = HandleType::Aligned;
    keys[2].handles = HandleType::Auto;
    const nlohmann::json json = keysToJson(keys);
    QCOMPARE(json.size(), keys.size());
    // Free is the default and left out, so files from before handle types read the same.
    QVERIFY(!json[0].contains("handles"));
    QCOMPARE(json[1]["handles"], "aligned");
    QCOMPARE(json[2]["handles"], "auto");
    QVERIFY(!json[0].contains("interp") || json[0]["interp"] == "ease");
    QVERIFY(!json[3].contains("interp"));  // linear is the default and left out
    Result<std::vector<Keyframe>> back =
        keysFromJson(nlohmann::json::parse(json.dump()), "test", "curve");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QCOMPARE(back->size(), keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
        QCOMPARE((*back)[i].t_s, keys[i].t_s);
        QCOMPARE((*back)[i].value, keys[i].value);
        QCOMPARE(int((*back)[i].interpolation), int(keys[i].interpolation));
        QCOMPARE(int((*back)[i].handles), int(keys[i].handles));
    }
    QCOMPARE((*back)[1].out_x, 0.2f);
    QCOMPARE((*back)[1].out_dy, 1.5f);
    QCOMPARE((*back)[2].in_x, 0.6f);
    QCOMPARE((*back)[2].in_dy, -0.75f);
    for (double t = 0.0; t <= 2.0; t += 0.01) {
        QCOMPARE(evaluateKeys(*back, t), evaluateKeys(keys, t));
    }
}

void TestKeyframeCurve::jsonErrorsNameThePlace_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a list") << R"({"t": 0})"
                                << "curve is not a list of keys";
    QTest::newRow("missing t") << R"([{"value": 1}])"
                               << "curve, key 1 needs a number \"t\"";
    QTest::newRow("text value") << R"([{"t": 0, "value": "high"}])"
                                << "curve, key 1 needs";
    QTest::newRow("unknown interp") << R"([{"t": 0, "value": 1}, {"t": 1, "value": 0,
        "interp": "wobble"}])"
                                    << "curve, key 2 has an unknown \"interp\"";
    QTest::newRow("unknown handles") << R"([{"t": 0, "value": 1, "handles": "vector"}])"
                                     << "curve, key 1 has an unknown \"handles\"";
    QTest::newRow("handles not text") << R"([{"t": 0, "value": 1, "handles": 2}])"
                                      << "curve, key 1 has an unknown \"handles\"";
    QTest::newRow("bad handle") << R"([{"t": 0, "value": 1, "interp": "bezier", "out": [0.5]}])"
                                << "curve, key 1 has a handle that is not [x, dy]";
    QTest::newRow("handle x outside 0..1")
        << R"([{"t": 0, "value": 1, "interp": "bezier", "out": [1.5, 0]}, {"t": 1, "value": 0}])"
        << "between 0 and 1";
    QTest::newRow("out of order") << R"([{"t": 1, "value": 1}, {"t": 0.5, "value": 0}])"
                                  << "in increasing time";
}

void TestKeyframeCurve::jsonErrorsNameThePlace() {
    QFETCH(QString, json);
    QFETCH(QString, expected);
    Result<std::vector<Keyframe>> keys =
        keysFromJson(nlohmann::json::parse(json.toStdString()), "clip.json", "curve");
    QVERIFY(!keys.ok());
    QCOMPARE(keys.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(keys.error().message);
    QVERIFY2(
        message.startsWith("clip.json: ") && message.contains(expected) && !message.contains('\n'),
        qPrintable(message));
}

QTEST_APPLESS_MAIN(TestKeyframeCurve)
#include "TestKeyframeCurve.moc"
