// fit.json as other tools read it: the documented keys, 468 landmark pairs in pixels, a faithful
// round trip, clear errors for files that are not fits, and writes that never leave half a file.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "face/FaceFitJson.h"
#include "face/FaceMesh.h"

using namespace ps;

namespace {

FaceFit sampleFit() {
    FaceFit fit;
    fit.image_size = cv::Size(640, 480);
    fit.pose.rotation_deg = {-4.5f, 12.25f, 3.0f};
    fit.expression[size_t(Blendshape::JawOpen)] = 0.35f;
    fit.expression[size_t(Blendshape::EyeBlinkRight)] = 0.8f;
    fit.identity[size_t(IdentityMode::NoseWidth)] = -0.7f;
    fit.pose.translation =
        PerspectiveCamera().placeFace({300.0f, 200.0f}, 150.0f, fit.image_size, toQuat(fit.pose));
    updateFaceFit(fit);
    return fit;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestFaceFitJson : public QObject {
    Q_OBJECT

private slots:
    void writesTheDocumentedKeys();
    void roundTrips();
    void roundTripsTheShapeDetail();
    void rejectsFilesThatAreNotFits_data();
    void rejectsFilesThatAreNotFits();
    void failedWriteKeepsTheExistingFile();

private:
    QTemporaryDir dir_;
};

void TestFaceFitJson::writesTheDocumentedKeys() {
    QVERIFY(dir_.isValid());
    const QString path = dir_.filePath("fit.json");
    const FaceFit fit = sampleFit();
    QVERIFY(writeFaceFit(path.toStdString(), fit).ok());
    const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    for (const char* key : {"image_size", "landmarks2d", "pose", "blendshapes", "identity"}) {
        QVERIFY2(root.contains(key), key);
    }
    QCOMPARE(root["image_size"].toArray(), QJsonArray({640, 480}));
    const QJsonArray landmarks = root["landmarks2d"].toArray();
    QCOMPARE(landmarks.size(), kFaceVertexCount);
    for (const QJsonValue& pair : landmarks) {
        QCOMPARE(pair.toArray().size(), 2);
    }
    const QJsonArray nose = landmarks[landmark::kNoseTip].toArray();
    QVERIFY(std::abs(nose[0].toDouble() - fit.landmarks2d[landmark::kNoseTip].x) < 1e-3);
    QVERIFY(std::abs(nose[1].toDouble() - fit.landmarks2d[landmark::kNoseTip].y) < 1e-3);
    const QJsonObject pose = root["pose"].toObject();
    QCOMPARE(pose["rotation_deg"].toArray().size(), 3);
    QCOMPARE(pose["rotation_deg"].toArray()[1].toDouble(), 12.25);
    QCOMPARE(pose["translation"].toArray().size(), 3);
    const QJsonObject shapes = root["blendshapes"].toObject();
    QCOMPARE(shapes.size(), kBlendshapeCount);
    QVERIFY(std::abs(shapes["jawOpen"].toDouble() - 0.35) < 1e-6);
    QCOMPARE(shapes["tongueOut"].toDouble(), 0.0);
    QVERIFY(std::abs(root["identity"].toObject()["noseWidth"].toDouble() + 0.7) < 1e-6);
    QCOMPARE(QDir(dir_.path()).entryList({"*.part"}, QDir::Files | QDir::Hidden), QStringList());
}

void TestFaceFitJson::roundTrips() {
    const QString path = dir_.filePath("round.json");
    const FaceFit fit = sampleFit();
    QVERIFY(writeFaceFit(path.toStdString(), fit).ok());
    const Result<FaceFit> back = readFaceFit(path.toStdString());
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QCOMPARE(back->image_size, fit.image_size);
    QVERIFY(glm::distance(back->pose.rotation_deg, fit.pose.rotation_deg) < 1e-4f);
    QVERIFY(glm::distance(back->pose.translation, fit.pose.translation) < 1e-4f);
    for (int j = 0; j < kBlendshapeCount; ++j) {
        QVERIFY(std::abs(back->expression[j] - fit.expression[j]) < 1e-5f);
    }
    for (int k = 0; k < kIdentityModeCount; ++k) {
        QVERIFY(std::abs(back->identity[k] - fit.identity[k]) < 1e-5f);
    }
    QCOMPARE(back->landmarks2d.size(), size_t(kFaceVertexCount));
    QCOMPARE(back->vertices.size(), size_t(kFaceVertexCount));
    float worst = 0.0f;
    for (int i = 0; i < kFaceVertexCount; ++i) {
        worst = std::max(worst, glm::distance(back->landmarks2d[i], fit.landmarks2d[i]));
    }
    QVERIFY2(worst < 1e-2f, qPrintable(QString::number(worst)));
}

void TestFaceFitJson::roundTripsTheShapeDetail() {
    // A fit to Face Mesh's points carries the person's shape beyond the identity modes and the
    // irises; without them a fit read back would not land on the points it was written with.
    FaceFit fit = sampleFit();
    QVERIFY(!QJsonDocument::fromJson(QByteArray::fromStdString(faceFitToJson(fit)))
                 .object()
                 .contains("shape_detail_cm"));  // none: the key is left out
    fit.shape_detail_cm.assign(kFaceVertexCount, glm::vec3(0.0f));
    fit.shape_detail_cm[landmark::kChin] = {0.0f, -0.25f, 0.05f};
    fit.shape_detail_cm[landmark::kMouthRight] = {-0.1f, 0.02f, 0.0f};
    fit.iris_centres_cm = {{-3.1f, 2.8f, 3.5f}, {3.2f, 2.7f, 3.5f}};
    updateFaceFit(fit);
    const glm::vec2 plain_chin = sampleFit().landmarks2d[landmark::kChin];
    QVERIFY(glm::distance(fit.landmarks2d[landmark::kChin], plain_chin) > 1.0f);
    const QString path = dir_.filePath("detail.json");
    QVERIFY(writeFaceFit(path.toStdString(), fit).ok());
    const Result<FaceFit> back = readFaceFit(path.toStdString());
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QCOMPARE(back->shape_detail_cm.size(), size_t(kFaceVertexCount));
    QVERIFY(glm::distance(back->shape_detail_cm[landmark::kChin],
                          fit.shape_detail_cm[landmark::kChin]) < 1e-4f);
    QVERIFY(glm::distance(back->landmarks2d[landmark::kChin], fit.landmarks2d[landmark::kChin]) <
            1e-2f);
    QCOMPARE(back->iris_centres_cm.size(), size_t(2));
    QVERIFY(glm::distance(back->iris_centres_cm[1], fit.iris_centres_cm[1]) < 1e-4f);
    // A detail list of the wrong length is refused, naming the file.
    QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    QJsonArray detail = root["shape_detail_cm"].toArray();
    detail.removeLast();
    root["shape_detail_cm"] = detail;
    const Result<FaceFit> cut =
        faceFitFromJson(QJsonDocument(root).toJson().toStdString(), "cut.json");
    QVERIFY(!cut.ok());
    QVERIFY(QString::fromStdString(cut.error().message).startsWith("cut.json: "));
}

void TestFaceFitJson::rejectsFilesThatAreNotFits_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("array") << QByteArray("[1, 2]");
    QTest::newRow("no size") << QByteArray(R"({"pose": {}})");
    const QByteArray good = QByteArray::fromStdString(faceFitToJson(sampleFit()));
    QByteArray unknown_shape = good;
    unknown_shape.replace("\"jawOpen\"", "\"jawWide\"");
    QTest::newRow("unknown blendshape") << unknown_shape;
    QJsonObject short_landmarks = QJsonDocument::fromJson(good).object();
    QJsonArray landmarks = short_landmarks["landmarks2d"].toArray();
    landmarks.removeLast();
    short_landmarks["landmarks2d"] = landmarks;
    QTest::newRow("467 landmarks") << QJsonDocument(short_landmarks).toJson();
}

void TestFaceFitJson::rejectsFilesThatAreNotFits() {
    QFETCH(QByteArray, text);
    const Result<FaceFit> fit = faceFitFromJson(text.toStdString(), "odd.json");
    QVERIFY(!fit.ok());
    QCOMPARE(fit.error().kind, ErrorKind::BadInput);
    QVERIFY(QString::fromStdString(fit.error().message).startsWith("odd.json: "));
}

void TestFaceFitJson::failedWriteKeepsTheExistingFile() {
    const QString path = dir_.filePath("kept.json");
    QVERIFY(writeFaceFit(path.toStdString(), sampleFit()).ok());
    const QByteArray before = readAll(path);
    FaceFit other = sampleFit();
    other.expression[size_t(Blendshape::JawOpen)] = 0.9f;
    // A fit with values that are not numbers is refused without touching the file.
    other.pose.rotation_deg.x = std::nanf("");
    QVERIFY(!writeFaceFit(path.toStdString(), other).ok());
    QCOMPARE(readAll(path), before);

    // A destination that cannot be replaced (a folder with something in it) fails at the final
    // rename: what was there stays, and no temporary file is left beside it.
    QVERIFY(QDir(dir_.path()).mkpath("taken.json/inside"));
    QVERIFY(!writeFaceFit(dir_.filePath("taken.json").toStdString(), sampleFit()).ok());
    QVERIFY(QFileInfo(dir_.filePath("taken.json/inside")).isDir());
    QCOMPARE(QDir(dir_.path()).entryList({"*.part"}, QDir::Files | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestFaceFitJson)
#include "TestFaceFitJson.moc"
