// BlazeFace face detection: the anchors and the decoding of the network's raw outputs on
// synthetic outputs made here, and the detector on the real model with the sample portrait and
// copies of it (mirrored, rolled, scaled, off-centre, several in one picture, tiny in a large one).
#include <QtTest>

#include <QElapsedTimer>
#include <cmath>
#include <optional>
#include <thread>
#include "PortraitVariants.h"

#include "SampleMarks.h"
#include "face/BlazeFaceAnchors.h"
#include "face/BlazeFaceDecoder.h"
#include "face/BlazeFaceDetector.h"
#include "face/ModelFiles.h"

using ps::BlazeFaceDetection;
using ps::BlazeFacePoint;
using namespace portrait_variants;

namespace {

// Raw outputs for all 896 anchors with nothing in them: every logit low, every box empty.
struct RawOutputs {
    std::vector<float> scores = std::vector<float>(ps::kBlazeFaceAnchorCount, -20.0f);
    std::vector<float> boxes =
        std::vector<float>(size_t(ps::kBlazeFaceAnchorCount) * ps::kBlazeFaceValuesPerAnchor, 0.0f);

    // A face at `centre` (input pixels) of size w x h reported by anchor `index` with `score`;
    // key point k lies at centre + (k - 2.5) * 4 in x and + k in y.
    void put(size_t index, float score, cv::Point2f centre, float w, float h) {
        scores[index] = std::log(score / (1.0f - score));
        const cv::Point2f a = ps::blazeFaceAnchors()[index].centre_px;
        float* v = boxes.data() + index * ps::kBlazeFaceValuesPerAnchor;
        v[0] = centre.x - a.x;
        v[1] = centre.y - a.y;
        v[2] = w;
        v[3] = h;
        for (int k = 0; k < ps::kBlazeFacePointCount; ++k) {
            const cv::Point2f p = keyPoint(centre, k);
            v[4 + 2 * k] = p.x - a.x;
            v[5 + 2 * k] = p.y - a.y;
        }
    }

    static cv::Point2f keyPoint(cv::Point2f centre, int k) {
        return centre + cv::Point2f((k - 2.5f) * 4.0f, float(k));
    }
};

// The index of anchor `which` of cell (x, y) on the 16x16 map.
size_t anchor16(int x, int y, int which) {
    return size_t((y * 16 + x) * 2 + which);
}

bool near(float a, float b, float tolerance = 1e-3f) {
    return std::abs(a - b) <= tolerance;
}

QString rectText(const cv::Rect2f& r) {
    return QString("%1,%2 %3x%4").arg(r.x).arg(r.y).arg(r.width).arg(r.height);
}

QString pointText(const cv::Point2f& p) {
    return QString("%1,%2").arg(p.x, 0, 'f', 1).arg(p.y, 0, 'f', 1);
}

cv::Point2f centreOf(const cv::Rect2f& r) {
    return {r.x + r.width / 2, r.y + r.height / 2};
}

// The subject's eyes and nose tip in a photo.
struct FacePoints {
    cv::Point2f right_eye, left_eye, nose;
};

// Where the points of the portrait's face are in a copy made by `v`: mirroring swaps the eyes.
FacePoints mapped(const FacePoints& p, const Variant& v) {
    FacePoints out{apply(v.map, p.right_eye), apply(v.map, p.left_eye), apply(v.map, p.nose)};
    if (v.mirrored) {
        std::swap(out.right_eye, out.left_eye);
    }
    return out;
}

// Empty when the detection's eyes and nose are within `fraction` of the eye distance of `truth`,
// else what is wrong.
QString pointsMiss(const BlazeFaceDetection& d, const FacePoints& truth, float fraction) {
    const float tolerance = fraction * distance(truth.right_eye, truth.left_eye);
    const std::pair<BlazeFacePoint, cv::Point2f> checks[] = {
        {BlazeFacePoint::RightEye, truth.right_eye},
        {BlazeFacePoint::LeftEye, truth.left_eye},
        {BlazeFacePoint::NoseTip, truth.nose}};
    const char* names[] = {"right eye", "left eye", "nose tip"};
    QString out;
    for (int i = 0; i < 3; ++i) {
        const cv::Point2f& found = d.point(checks[i].first);
        if (!(distance(found, checks[i].second) <= tolerance)) {
            out += QString("%1 at %2, expected %3 (tolerance %4); ")
                       .arg(names[i], pointText(found), pointText(checks[i].second))
                       .arg(tolerance);
        }
    }
    return out;
}

// Every case's picture and faces, kept to be drawn into one sheet at the end when
// PS_TEST_ARTIFACTS=<folder> is set, so an ordinary test run leaves nothing behind.
struct Overlay {
    std::string name;
    cv::Mat image;
    std::vector<BlazeFaceDetection> faces;
};

std::vector<Overlay>& overlays() {
    static std::vector<Overlay> all;
    return all;
}

void keepOverlay(const QString& name, const cv::Mat& image,
                 const std::vector<BlazeFaceDetection>& faces) {
    if (qEnvironmentVariable("PS_TEST_ARTIFACTS").isEmpty()) {
        return;
    }
    overlays().push_back({name.toStdString(), image.clone(), faces});
    // In a large picture the faces are too small to judge: a second cell shows them enlarged.
    if (!faces.empty() && std::max(image.cols, image.rows) > 1000) {
        cv::Rect2f around = faces[0].box;
        for (const BlazeFaceDetection& f : faces) {
            around |= f.box;
        }
        const float pad = 0.3f * std::max(around.width, around.height);
        const cv::Rect crop =
            cv::Rect(cv::Point(int(around.x - pad), int(around.y - pad)),
                     cv::Point(int(around.br().x + pad), int(around.br().y + pad))) &
            cv::Rect(cv::Point(0, 0), image.size());
        std::vector<BlazeFaceDetection> moved = faces;
        for (BlazeFaceDetection& f : moved) {
            f.box -= cv::Point2f(crop.tl());
            for (cv::Point2f& p : f.points) {
                p -= cv::Point2f(crop.tl());
            }
        }
        overlays().push_back({name.toStdString() + " (faces)", image(crop).clone(), moved});
    }
}

// Boxes turned by their roll (green: the largest face), key points in BlazeFacePoint's order
// (red: subject's right eye, blue: left eye, yellow: nose tip, magenta: mouth, orange and cyan:
// right and left ear), and scores.
void drawFaces(cv::Mat& cell, cv::Point at, double scale,
               const std::vector<BlazeFaceDetection>& faces) {
    const cv::Scalar colours[] = {{0, 0, 255},   {255, 0, 0},   {0, 255, 255},
                                  {255, 0, 255}, {0, 128, 255}, {255, 255, 0}};
    const auto place = [&](cv::Point2f p) {
        return cv::Point2f(float(at.x + p.x * scale), float(at.y + p.y * scale));
    };
    for (size_t i = 0; i < faces.size(); ++i) {
        const BlazeFaceDetection& f = faces[i];
        cv::Point2f corners[4];
        cv::RotatedRect(place(centreOf(f.box)), f.box.size() * float(scale), f.roll_deg)
            .points(corners);
        for (int k = 0; k < 4; ++k) {
            cv::line(cell, corners[k], corners[(k + 1) % 4],
                     i == 0 ? cv::Scalar(0, 255, 0) : cv::Scalar(0, 200, 255), 1, cv::LINE_AA);
        }
        for (int k = 0; k < ps::kBlazeFacePointCount; ++k) {
            cv::circle(cell, place(f.points[k]), 2, colours[k], -1, cv::LINE_AA);
        }
        const cv::Point2f label = place(f.box.tl());
        cv::putText(cell, QString::number(f.score, 'f', 2).toStdString(),
                    cv::Point(int(label.x), int(label.y) - 3), cv::FONT_HERSHEY_SIMPLEX, 0.4,
                    cv::Scalar(0, 255, 0), 1, cv::LINE_AA);
    }
}

void saveOverlays() {
    const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (artifacts.isEmpty() || overlays().empty()) {
        return;
    }
    constexpr int kCell = 360;
    constexpr int kColumns = 5;
    const int rows = int((overlays().size() + kColumns - 1) / kColumns);
    cv::Mat sheet(rows * kCell, kColumns * kCell, CV_8UC3, cv::Scalar(40, 40, 40));
    for (size_t i = 0; i < overlays().size(); ++i) {
        const Overlay& o = overlays()[i];
        const cv::Point cell(int(i % kColumns) * kCell, int(i / kColumns) * kCell);
        const double scale = double(kCell - 24) / std::max(o.image.cols, o.image.rows);
        cv::Mat fitted;
        cv::resize(o.image, fitted, cv::Size(), scale, scale,
                   scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
        const cv::Point at = cell + cv::Point((kCell - fitted.cols) / 2, 20);
        fitted.copyTo(sheet(cv::Rect(at, fitted.size())));
        drawFaces(sheet, at, scale, o.faces);
        cv::putText(sheet, o.name + ": " + std::to_string(o.faces.size()), cell + cv::Point(4, 15),
                    cv::FONT_HERSHEY_SIMPLEX, 0.45, cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
    }
    cv::imwrite((artifacts + "/blazeface.png").toStdString(), sheet);
}

}  // namespace

class TestBlazeFace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void anchorsFollowTheOutputs();
    void anchorsOfOtherLayouts();
    void scoreIsAClippedSigmoid();
    void decodesABoxWhereItWasPut();
    void mergesOverlappingBoxesByScore();
    void keepsSeparateBoxesApart();
    void dropsLowScores();
    void findsTheModelsFolder();
    void refusesAMissingModel();
    void findsThePortraitsFace();
    void findsTheMirroredFace();
    void findsRolledFaces_data();
    void findsRolledFaces();
    void findsScaledAndPlacedFaces_data();
    void findsScaledAndPlacedFaces();
    void findsThreeFacesLargestFirst();
    void findsNothingWithoutAFace_data();
    void findsNothingWithoutAFace();
    void isSafeFromSeveralThreads();
    void measuresTime();
    void acceptsGreyAndAlpha();

private:
    std::optional<ps::BlazeFaceDetector> detector_;
    FacePoints truth_;  // the portrait's pupils and nose tip, marked by hand
    std::optional<BlazeFaceDetection> original_;
};

void TestBlazeFace::initTestCase() {
    const cv::Mat photo = portrait();
    QVERIFY(!photo.empty());
    auto detector = ps::BlazeFaceDetector::create(ps::defaultModelsFolder() + "/blazeface.json");
    QVERIFY2(detector.ok(), detector ? "" : detector.error().message.c_str());
    detector_.emplace(std::move(detector.value()));

    // The reference: the pupils and the nose's tip marked by hand.
    const ps::test::MarkedPoints& marks = ps::test::kAstronautMarks;
    truth_ = {marks.right_eye, marks.left_eye, marks.nose};
}

void TestBlazeFace::cleanupTestCase() {
    saveOverlays();
}

void TestBlazeFace::anchorsFollowTheOutputs() {
    const std::vector<ps::BlazeFaceAnchor>& a = ps::blazeFaceAnchors();
    QCOMPARE(int(a.size()), ps::kBlazeFaceAnchorCount);
    // 16x16 cells of 16 pixels, two anchors each, row by row.
    QCOMPARE(a[0].centre_px, cv::Point2f(8, 8));
    QCOMPARE(a[1].centre_px, cv::Point2f(8, 8));
    QCOMPARE(a[2].centre_px, cv::Point2f(24, 8));
    QCOMPARE(a[32].centre_px, cv::Point2f(8, 24));
    QCOMPARE(a[0].stride_px, 16);
    QCOMPARE(a[511].centre_px, cv::Point2f(248, 248));
    QCOMPARE(a[511].stride_px, 16);
    // Then 8x8 cells of 32 pixels, six anchors each.
    QCOMPARE(a[512].centre_px, cv::Point2f(16, 16));
    QCOMPARE(a[517].centre_px, cv::Point2f(16, 16));
    QCOMPARE(a[518].centre_px, cv::Point2f(48, 16));
    QCOMPARE(a[512].stride_px, 32);
    QCOMPARE(a.back().centre_px, cv::Point2f(240, 240));
    QCOMPARE(a.back().stride_px, 32);
}

void TestBlazeFace::anchorsOfOtherLayouts() {
    // MediaPipe's 128x128 short-range model has the same count on finer maps.
    const auto short_range = ps::ssdAnchors(128, {8, 16, 16, 16});
    QCOMPARE(int(short_range.size()), 896);
    QCOMPARE(short_range[0].centre_px, cv::Point2f(4, 4));
    QCOMPARE(short_range.back().centre_px, cv::Point2f(120, 120));
    QVERIFY(ps::ssdAnchors(256, {}).empty());
}

void TestBlazeFace::scoreIsAClippedSigmoid() {
    QVERIFY(near(ps::blazeFaceScore(0.0f), 0.5f));
    QVERIFY(near(ps::blazeFaceScore(2.0f), float(1.0 / (1.0 + std::exp(-2.0)))));
    QCOMPARE(ps::blazeFaceScore(1e6f), ps::blazeFaceScore(100.0f));
    QCOMPARE(ps::blazeFaceScore(-1e6f), ps::blazeFaceScore(-100.0f));
    QVERIFY(std::isfinite(ps::blazeFaceScore(-1e6f)));
    QVERIFY(ps::blazeFaceScore(-1e6f) >= 0.0f);
}

void TestBlazeFace::decodesABoxWhereItWasPut() {
    RawOutputs raw;
    const cv::Point2f centre(93.0f, 61.0f);
    raw.put(anchor16(5, 3, 1), 0.9f, centre, 40.0f, 44.0f);
    // And one on the coarse map, far away.
    raw.put(512 + (6 * 8 + 6) * 6 + 4, 0.8f, cv::Point2f(200.0f, 210.0f), 60.0f, 60.0f);

    const auto faces = ps::decodeBlazeFace(raw.scores, raw.boxes, ps::blazeFaceAnchors());
    QCOMPARE(int(faces.size()), 2);
    const ps::BlazeFaceBox& f = faces[0];  // best first
    QVERIFY(near(f.score, 0.9f));
    QVERIFY2(near(f.box.x, 73.0f) && near(f.box.y, 39.0f) && near(f.box.width, 40.0f) &&
                 near(f.box.height, 44.0f),
             qPrintable(rectText(f.box)));
    for (int k = 0; k < ps::kBlazeFacePointCount; ++k) {
        const cv::Point2f p = RawOutputs::keyPoint(centre, k);
        QVERIFY(near(f.points[k].x, p.x) && near(f.points[k].y, p.y));
    }
    QCOMPARE(f.point(ps::BlazeFacePoint::NoseTip), f.points[2]);
    QVERIFY(near(faces[1].score, 0.8f));
    QVERIFY2(near(faces[1].box.x, 170.0f) && near(faces[1].box.y, 180.0f),
             qPrintable(rectText(faces[1].box)));
}

void TestBlazeFace::mergesOverlappingBoxesByScore() {
    RawOutputs raw;
    const cv::Point2f a(100.0f, 100.0f), b(108.0f, 104.0f);
    raw.put(anchor16(6, 6, 0), 0.9f, a, 40.0f, 40.0f);
    raw.put(anchor16(6, 6, 1), 0.6f, b, 48.0f, 44.0f);
    const auto faces = ps::decodeBlazeFace(raw.scores, raw.boxes, ps::blazeFaceAnchors());
    QCOMPARE(int(faces.size()), 1);
    const ps::BlazeFaceBox& f = faces[0];
    QVERIFY(near(f.score, 0.9f));  // the best box's score
    // Each edge is the score-weighted mean of the two boxes' edges.
    const auto mean = [](float p, float q) { return (0.9f * p + 0.6f * q) / 1.5f; };
    const float x0 = mean(80.0f, 84.0f), y0 = mean(80.0f, 82.0f);
    const float x1 = mean(120.0f, 132.0f), y1 = mean(120.0f, 126.0f);
    QVERIFY2(near(f.box.x, x0) && near(f.box.y, y0) && near(f.box.x + f.box.width, x1) &&
                 near(f.box.y + f.box.height, y1),
             qPrintable(rectText(f.box) +
                        QString(" expected %1,%2 to %3,%4").arg(x0).arg(y0).arg(x1).arg(y1)));
    for (int k = 0; k < ps::kBlazeFacePointCount; ++k) {
        const cv::Point2f p = RawOutputs::keyPoint(a, k), q = RawOutputs::keyPoint(b, k);
        QVERIFY(near(f.points[k].x, mean(p.x, q.x)) && near(f.points[k].y, mean(p.y, q.y)));
    }
}

void TestBlazeFace::keepsSeparateBoxesApart() {
    // Overlapping, but by an IoU under 0.3: two faces.
    RawOutputs raw;
    raw.put(anchor16(6, 6, 0), 0.7f, cv::Point2f(100.0f, 100.0f), 40.0f, 40.0f);
    raw.put(anchor16(8, 6, 0), 0.95f, cv::Point2f(130.0f, 100.0f), 40.0f, 40.0f);
    QVERIFY(ps::intersectionOverUnion(cv::Rect2f(80, 80, 40, 40), cv::Rect2f(110, 80, 40, 40)) <
            0.3f);
    const auto faces = ps::decodeBlazeFace(raw.scores, raw.boxes, ps::blazeFaceAnchors());
    QCOMPARE(int(faces.size()), 2);
    QVERIFY(near(faces[0].score, 0.95f));
    QVERIFY(near(faces[0].box.x, 110.0f));
    QVERIFY(near(faces[1].box.x, 80.0f));
    QVERIFY(
        near(ps::intersectionOverUnion(cv::Rect2f(0, 0, 10, 10), cv::Rect2f(0, 0, 10, 10)), 1.0f));
    QVERIFY(near(ps::intersectionOverUnion(cv::Rect2f(0, 0, 10, 10), cv::Rect2f(5, 0, 10, 10)),
                 50.0f / 150.0f));
}

void TestBlazeFace::dropsLowScores() {
    RawOutputs raw;
    raw.put(anchor16(6, 6, 0), 0.3f, cv::Point2f(100.0f, 100.0f), 40.0f, 40.0f);
    QVERIFY(ps::decodeBlazeFace(raw.scores, raw.boxes, ps::blazeFaceAnchors()).empty());
    QCOMPARE(
        int(ps::decodeBlazeFaceBoxes(raw.scores, raw.boxes, ps::blazeFaceAnchors(), 0.25f).size()),
        1);
    // A box of no size is no face, whatever its score.
    raw.put(anchor16(2, 2, 0), 0.99f, cv::Point2f(40.0f, 40.0f), 0.0f, 30.0f);
    QVERIFY(ps::decodeBlazeFace(raw.scores, raw.boxes, ps::blazeFaceAnchors()).empty());
}

void TestBlazeFace::findsTheModelsFolder() {
    // Run from the build folder, the program finds the source tree's models.
    QCOMPARE(QString::fromStdString(ps::defaultModelsFolder()),
             QString(PS_SOURCE_DIR "/resources/models"));
}

void TestBlazeFace::refusesAMissingModel() {
    const std::string path = "/nonexistent/folder/blazeface.json";
    auto detector = ps::BlazeFaceDetector::create(path);
    QVERIFY(!detector.ok());
    QCOMPARE(detector.error().kind, ps::ErrorKind::BadInput);
    const QString message = QString::fromStdString(detector.error().message);
    QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
    // Another graph model is not BlazeFace.
    auto other = ps::BlazeFaceDetector::create(ps::defaultModelsFolder() + "/iris.json");
    QVERIFY(!other.ok());
    QVERIFY2(QString::fromStdString(other.error().message).contains("iris.json"),
             other.error().message.c_str());
}

void TestBlazeFace::findsThePortraitsFace() {
    const cv::Mat photo = portrait();
    const auto faces = detector_->detect(photo);
    keepOverlay("original", photo, faces);
    QCOMPARE(int(faces.size()), 1);
    const BlazeFaceDetection& f = faces[0];
    QVERIFY2(f.score > 0.75f, qPrintable(QString::number(f.score)));
    const QString miss = pointsMiss(f, truth_, 0.1f);
    QVERIFY2(miss.isEmpty(), qPrintable(miss));
    // The box is the face: it holds the eyes, nose and mouth and is about the face's size.
    for (const cv::Point2f& p : {truth_.right_eye, truth_.left_eye, truth_.nose}) {
        QVERIFY2(f.box.contains(p), qPrintable(rectText(f.box)));
    }
    const float eyes = distance(truth_.right_eye, truth_.left_eye);
    QVERIFY2(f.box.width > 1.5f * eyes && f.box.width < 4.0f * eyes, qPrintable(rectText(f.box)));
    // The sample's eye line slopes down to the image right by about 2.7 degrees.
    QVERIFY2(std::abs(f.roll_deg - 2.7f) < 4.0f, qPrintable(QString::number(f.roll_deg)));
    original_ = f;
}

void TestBlazeFace::findsTheMirroredFace() {
    QVERIFY(original_);
    const Variant v = make("mirrored");
    const auto faces = detector_->detect(v.image);
    keepOverlay("mirrored", v.image, faces);
    QCOMPARE(int(faces.size()), 1);
    // The same face, mirrored: the subject's right eye is now on the image's right.
    const FacePoints before{original_->point(BlazeFacePoint::RightEye),
                            original_->point(BlazeFacePoint::LeftEye),
                            original_->point(BlazeFacePoint::NoseTip)};
    const QString miss = pointsMiss(faces[0], mapped(before, v), 0.1f);
    QVERIFY2(miss.isEmpty(), qPrintable(miss));
    // Its key point 0 is still the eye on the image's left: mirrored, that is the subject's right.
    QVERIFY(faces[0].point(BlazeFacePoint::RightEye).x < faces[0].point(BlazeFacePoint::LeftEye).x);
    // The eye line slopes the other way.
    QVERIFY2(
        std::abs(faces[0].roll_deg + 2.7f) < 4.0f,
        qPrintable(
            QString("roll %1, unmirrored %2").arg(faces[0].roll_deg).arg(original_->roll_deg)));
}

void TestBlazeFace::findsRolledFaces_data() {
    QTest::addColumn<double>("angle_deg");  // counter-clockwise on screen
    QTest::newRow("rolled +30") << 30.0;
    QTest::newRow("rolled -30") << -30.0;
    QTest::newRow("rolled +45") << 45.0;
    QTest::newRow("rolled -45") << -45.0;
}

void TestBlazeFace::findsRolledFaces() {
    QFETCH(double, angle_deg);
    const Variant v = rolled(portrait(), angle_deg);
    const auto faces = detector_->detect(v.image);
    keepOverlay(QTest::currentDataTag(), v.image, faces);
    QCOMPARE(int(faces.size()), 1);
    const float expected = 2.7f + v.roll_deg;
    QVERIFY2(std::abs(faces[0].roll_deg - expected) < 8.0f,
             qPrintable(QString("roll %1, expected %2").arg(faces[0].roll_deg).arg(expected)));
    const QString miss = pointsMiss(faces[0], mapped(truth_, v), 0.15f);
    QVERIFY2(miss.isEmpty(), qPrintable(miss));
}

void TestBlazeFace::findsScaledAndPlacedFaces_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("scaled 40%") << "scaled 40%";
    QTest::newRow("scaled 200%") << "scaled 200%";
    QTest::newRow("off-centre in 2000x1500") << "off-centre";
    QTest::newRow("45 px face in 1600x1200") << "tiny";
    QTest::newRow("42 px face in 4000x3000") << "tiny in 12 MP";
}

void TestBlazeFace::findsScaledAndPlacedFaces() {
    QFETCH(QString, kind);
    const cv::Mat src = portrait();
    Variant v;
    if (kind == "off-centre") {
        v = pasted(src, cv::Size(2000, 1500), cv::Point(1310, 170), 1.0);
    } else if (kind == "tiny") {
        // The face is about 95 px from cheek to cheek in the portrait.
        v = pasted(src, cv::Size(1600, 1200), cv::Point(420, 700), 45.0 / 95.0);
    } else if (kind == "tiny in 12 MP") {
        v = pasted(src, cv::Size(4000, 3000), cv::Point(2900, 1900), 42.0 / 95.0);
    } else {
        v = make(kind);
    }
    const auto faces = detector_->detect(v.image);
    keepOverlay(QTest::currentDataTag(), v.image, faces);
    QCOMPARE(int(faces.size()), 1);
    const FacePoints truth = mapped(truth_, v);
    QVERIFY2(faces[0].box.contains(truth.nose), qPrintable(rectText(faces[0].box)));
    // A face a few pixels across can be off by a pixel or two, which is more of its eye distance.
    const QString miss = pointsMiss(faces[0], truth, kind.startsWith("tiny") ? 0.2f : 0.1f);
    QVERIFY2(miss.isEmpty(), qPrintable(miss));
}

void TestBlazeFace::findsThreeFacesLargestFirst() {
    const cv::Mat src = portrait();
    Variant big = pasted(src, cv::Size(1500, 800), cv::Point(40, 200), 1.0);
    Variant middle = pasted(src, cv::Size(), cv::Point(640, 60), 0.6, &big.image);
    Variant small = pasted(src, cv::Size(), cv::Point(1100, 450), 0.35, &big.image);
    const cv::Mat& canvas = big.image;
    const auto faces = detector_->detect(canvas);
    keepOverlay("three faces", canvas, faces);
    QCOMPARE(int(faces.size()), 3);
    const Variant* in_order[] = {&big, &middle, &small};
    for (int i = 0; i < 3; ++i) {
        const QString miss = pointsMiss(faces[size_t(i)], mapped(truth_, *in_order[i]), 0.15f);
        QVERIFY2(miss.isEmpty(), qPrintable(QString("face %1: ").arg(i) + miss));
    }
    QVERIFY(faces[0].box.area() > faces[1].box.area());
    QVERIFY(faces[1].box.area() > faces[2].box.area());
}

void TestBlazeFace::findsNothingWithoutAFace_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("blank grey") << 0;
    QTest::newRow("black 12 MP") << 1;
    QTest::newRow("noise") << 2;
    QTest::newRow("empty") << 3;
}

void TestBlazeFace::findsNothingWithoutAFace() {
    QFETCH(int, kind);
    cv::Mat image;
    if (kind == 0) {
        image = cv::Mat(480, 640, CV_8UC3, cv::Scalar(128, 128, 128));
    } else if (kind == 1) {
        image = cv::Mat(3000, 4000, CV_8UC3, cv::Scalar(0, 0, 0));
    } else if (kind == 2) {
        image = cv::Mat(600, 800, CV_8UC3);
        cv::RNG rng(7);
        rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    }
    const auto faces = detector_->detect(image);
    if (!image.empty()) {
        keepOverlay(QTest::currentDataTag(), image, faces);
    }
    QVERIFY2(faces.empty(), qPrintable(QString("%1 faces, the first at %2 score %3")
                                           .arg(faces.size())
                                           .arg(faces.empty() ? "" : rectText(faces[0].box))
                                           .arg(faces.empty() ? 0.0f : faces[0].score)));
}

void TestBlazeFace::isSafeFromSeveralThreads() {
    const cv::Mat photo = portrait();
    const Variant other = make("mirrored");
    std::vector<BlazeFaceDetection> a, b;
    std::thread t1([&] { a = detector_->detect(photo); });
    std::thread t2([&] { b = detector_->detect(other.image); });
    t1.join();
    t2.join();
    QCOMPARE(int(a.size()), 1);
    QCOMPARE(int(b.size()), 1);
    const auto same = detector_->detect(photo);
    QCOMPARE(int(same.size()), 1);
    QVERIFY(distance(a[0].point(BlazeFacePoint::NoseTip), same[0].point(BlazeFacePoint::NoseTip)) <
            0.01f);
}

void TestBlazeFace::measuresTime() {
    const cv::Mat photo = portrait();
    (void)detector_->detect(photo);  // warm up
    QElapsedTimer timer;
    timer.start();
    constexpr int kRuns = 3;
    for (int i = 0; i < kRuns; ++i) {
        QCOMPARE(int(detector_->detect(photo).size()), 1);
    }
    const double small_ms = timer.elapsed() / double(kRuns);
    // A 12 MP photo with the portrait enlarged in it.
    const Variant large = pasted(portrait(), cv::Size(4000, 3000), cv::Point(1500, 700), 2.5);
    timer.restart();
    const auto faces = detector_->detect(large.image);
    const double large_ms = timer.elapsed();
    keepOverlay("12 MP", large.image, faces);
    QCOMPARE(int(faces.size()), 1);
    const QString miss = pointsMiss(faces[0], mapped(truth_, large), 0.1f);
    QVERIFY2(miss.isEmpty(), qPrintable(miss));
    qInfo("detect: %.0f ms for the 512x512 portrait, %.0f ms for a 4000x3000 photo", small_ms,
          large_ms);
}

void TestBlazeFace::acceptsGreyAndAlpha() {
    const cv::Mat photo = portrait();
    cv::Mat grey, bgra;
    cv::cvtColor(photo, grey, cv::COLOR_BGR2GRAY);
    cv::cvtColor(photo, bgra, cv::COLOR_BGR2BGRA);
    for (const cv::Mat* image : {&grey, &bgra}) {
        const auto faces = detector_->detect(*image);
        QCOMPARE(int(faces.size()), 1);
        const QString miss = pointsMiss(faces[0], truth_, 0.1f);
        QVERIFY2(miss.isEmpty(), qPrintable(miss));
    }
    cv::Mat deep;
    photo.convertTo(deep, CV_16UC3, 256.0);
    QVERIFY(detector_->detect(deep).empty());
}

QTEST_GUILESS_MAIN(TestBlazeFace)
#include "TestBlazeFace.moc"
