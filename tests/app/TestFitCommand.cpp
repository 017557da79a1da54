// `portrait-studio fit` as a user meets it: the sample portrait gives a fit.json whose eyes and
// nose are on the face, a photo without a face exits 3, a file that is no photo exits 2, and
// neither failure leaves a file behind.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <cmath>

#include "AppRunner.h"

namespace {

QPointF point(const QJsonArray& landmarks, int i) {
    const QJsonArray p = landmarks[i].toArray();
    return {p[0].toDouble(), p[1].toDouble()};
}

double distance(const QPointF& a, const QPointF& b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

}  // namespace

class TestFitCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fitsTheSamplePortrait();
    void helpSaysWhereTheFitComesFrom();
    void blankPhotoExitsThreeWithNoFile();
    void textFileExitsTwoWithNoFile();

private:
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }
};

void TestFitCommand::initTestCase() {
    QVERIFY(dir_.isValid());
    // A plain grey PNG: a real photo with nothing in it (made with ffmpeg, as the render
    // tests do, since these tests link no image library of their own).
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=320x240",
                            "-frames:v", "1", path("grey.png")});
    QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);
    QFile text(path("notes.txt"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("This is not a photo.\n");
}

void TestFitCommand::fitsTheSamplePortrait() {
    const QString out = path("fit.json");
    const QString overlay = path("overlay.png");
    const AppRun run = runApp({"fit", "--photo", QStringLiteral(PS_SAMPLES_DIR "/astronaut.png"),
                               "-o", out, "--overlay", overlay});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root["image_size"].toArray(), QJsonArray({512, 512}));
    const QJsonArray landmarks = root["landmarks2d"].toArray();
    QCOMPARE(landmarks.size(), 468);
    QVERIFY(root["pose"].toObject()["rotation_deg"].toArray().size() == 3);
    QVERIFY(root["blendshapes"].toObject().contains("jawOpen"));
    // She smiles in the photo, so the fitted expression smiles too.
    QVERIFY(root["blendshapes"].toObject()["mouthSmileLeft"].toDouble() > 0.3);
    QVERIFY(root["blendshapes"].toObject()["mouthSmileRight"].toDouble() > 0.3);

    // The photo's eyes, by hand: subject's right eye (image left) and left eye.
    const QPointF eye_right(203, 101);
    const QPointF eye_left(246, 103);
    const double inter_ocular = distance(eye_right, eye_left);
    const QPointF fit_right = (point(landmarks, 33) + point(landmarks, 133)) / 2.0;
    const QPointF fit_left = (point(landmarks, 362) + point(landmarks, 263)) / 2.0;
    QVERIFY2(distance(fit_right, eye_right) < 0.08 * inter_ocular,
             qPrintable(QString("right eye at %1,%2").arg(fit_right.x()).arg(fit_right.y())));
    QVERIFY2(distance(fit_left, eye_left) < 0.08 * inter_ocular,
             qPrintable(QString("left eye at %1,%2").arg(fit_left.x()).arg(fit_left.y())));
    // The nose tip between the eyes across, below them, inside the face the detector finds
    // (175,67 97x97 in this photo).
    const QPointF nose = point(landmarks, 1);
    QVERIFY(QRectF(175, 67, 97, 97).contains(nose));
    QVERIFY(nose.x() > eye_right.x() && nose.x() < eye_left.x());
    QVERIFY(nose.y() > eye_right.y() + 0.3 * inter_ocular);

    // The overlay is a PNG of the photo's size (IHDR: width and height, big-endian).
    QFile drawn(overlay);
    QVERIFY(drawn.open(QIODevice::ReadOnly));
    const QByteArray head = drawn.read(24);
    QVERIFY(head.startsWith("\x89PNG"));
    QCOMPARE(qFromBigEndian<quint32>(head.constData() + 16), 512u);
    QCOMPARE(qFromBigEndian<quint32>(head.constData() + 20), 512u);
    QVERIFY(!QFile::exists(out + ".partial"));
}

void TestFitCommand::helpSaysWhereTheFitComesFrom() {
    const AppRun help = runApp({"fit", "--help"});
    QCOMPARE(help.exit_code, 0);
    QVERIFY(help.out.contains("--photo"));
    QVERIFY(help.out.contains("BlazeFace"));
    QVERIFY(help.out.contains("Face\nMesh") || help.out.contains("Face Mesh"));
    QVERIFY(help.out.contains("edges"));
    const AppRun usage = runApp({"--help"});
    QVERIFY(usage.out.contains("portrait-studio fit"));
}

void TestFitCommand::blankPhotoExitsThreeWithNoFile() {
    const QString out = path("blank.json");
    const AppRun run = runApp({"fit", "--photo", path("grey.png"), "-o", out});
    QCOMPARE(run.exit_code, 3);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.startsWith("error: " + path("grey.png") + ": no face found ("),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(out + ".partial"));
}

void TestFitCommand::textFileExitsTwoWithNoFile() {
    const QString out = path("text.json");
    const AppRun run = runApp({"fit", "--photo", path("notes.txt"), "-o", out});
    QCOMPARE(run.exit_code, 2);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.startsWith("error: "));
    QVERIFY(!QFile::exists(out));
    const AppRun missing = runApp({"fit", "-o", out});
    QCOMPARE(missing.exit_code, 2);
    QVERIFY(missing.err.contains("--photo"));
}

QTEST_GUILESS_MAIN(TestFitCommand)
#include "TestFitCommand.moc"
