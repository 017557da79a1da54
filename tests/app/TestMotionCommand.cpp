// `portrait-studio motion` as a user meets it, with a small voice model made here (tests never
// train): a Live Link Face CSV with one row per video frame and a JSON with the same frames;
// bad requests exit 2 with one line naming the problem and leave no file.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "AppRunner.h"
#include "nn/VoiceNet.h"
#include "voice/MouthChannels.h"

class TestMotionCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesLiveLinkFaceCsv();
    void writesJsonWithTheSameFrames();
    void badRequestsExitTwoWithNoFile_data();
    void badRequestsExitTwoWithNoFile();

private:
    QTemporaryDir dir_;
    QString model_;
    double voice_s_ = 0.0;
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString voice() const { return QStringLiteral(PS_SAMPLES_DIR "/voice.wav"); }
};

void TestMotionCommand::initTestCase() {
    QVERIFY(dir_.isValid());
    ps::nn::VoiceNetShape shape;
    shape.channels = 8;
    shape.dilations = {1, 2};
    shape.outputs = ps::kVoiceModelOutputCount;
    model_ = path("tiny.safetensors");
    std::string error;
    QVERIFY2(ps::nn::VoiceNet::create(shape, 3)->save(model_.toStdString(), {}, &error),
             error.c_str());
    QByteArray json;
    QVERIFY(runTool("ffprobe", {"-v", "error", "-show_format", "-of", "json", voice()}, &json));
    voice_s_ = QJsonDocument::fromJson(json)
                   .object()["format"]
                   .toObject()["duration"]
                   .toString()
                   .toDouble();
    QVERIFY(voice_s_ > 1.0);
}

void TestMotionCommand::writesLiveLinkFaceCsv() {
    const QString out = path("motion.csv");
    const AppRun run =
        runApp({"motion", "--audio", voice(), "-o", out, "--fps", "30", "--model", model_});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines[0].split(',');
    QCOMPARE(header.size(), 63);
    QCOMPARE(header[0], QString("Timecode"));
    QCOMPARE(header[2], QString("EyeBlinkLeft"));
    QCOMPARE(header[53], QString("TongueOut"));
    QCOMPARE(header[54], QString("HeadYaw"));
    const int frames = lines.size() - 1;
    QVERIFY2(std::abs(frames - voice_s_ * 30.0) <= 1.0,
             qPrintable(QString("%1 frames for %2 s").arg(frames).arg(voice_s_)));
    QCOMPARE(lines[1].split(',')[0], QString("00:00:00:00.000"));
    QCOMPARE(lines[31].split(',')[0], QString("00:00:01:00.000"));
    for (const QString& line : lines.mid(1)) {
        const QStringList cells = line.split(',');
        QCOMPARE(cells.size(), 63);
        for (int i = 2; i < 54; ++i) {
            bool ok = false;
            const double w = cells[i].toDouble(&ok);
            QVERIFY(ok && w >= 0.0 && w <= 1.0);
        }
    }
}

void TestMotionCommand::writesJsonWithTheSameFrames() {
    const QString out = path("motion.json");
    const AppRun run = runApp({"motion", "--audio", voice(), "-o", out, "--model", model_, "--head",
                               "0", "--blinks", "0"});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(doc["fps"].toDouble(), 25.0);
    const QJsonArray frames = doc["frames"].toArray();
    QVERIFY(std::abs(frames.size() - voice_s_ * 25.0) <= 1.0);
    // --head 0 and --blinks 0: the head holds still and the eyes stay open.
    for (const QJsonValue& f : frames) {
        const QJsonObject frame = f.toObject();
        QCOMPARE(frame["head_deg"].toObject()["yaw"].toDouble(), 0.0);
        QCOMPARE(frame["blendshapes"].toArray()[0].toDouble(), 0.0);
    }
}

void TestMotionCommand::badRequestsExitTwoWithNoFile_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    const QString voice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");
    const QString out = dir_.filePath("bad.csv");
    QTest::newRow("audio missing") << QStringList{"--audio", dir_.filePath("nope.wav"), "-o", out}
                                   << dir_.filePath("nope.wav");
    QTest::newRow("output not csv or json")
        << QStringList{"--audio", voice, "-o", dir_.filePath("bad.txt")}
        << dir_.filePath("bad.txt");
    QTest::newRow("model missing")
        << QStringList{"--audio", voice, "-o", out, "--model", dir_.filePath("none.safetensors")}
        << dir_.filePath("none.safetensors");
    QTest::newRow("model is not a voice model")
        << QStringList{"--audio", voice, "-o", out, "--model", voice} << voice;
    QTest::newRow("fps unknown") << QStringList{"--audio", voice, "-o", out, "--fps", "12"}
                                 << "--fps 12";
    QTest::newRow("lips out of range")
        << QStringList{"--audio", voice, "-o", out, "--lips", "5"} << "--lips 5";
}

void TestMotionCommand::badRequestsExitTwoWithNoFile() {
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const QStringList before = QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden);
    const AppRun run = runApp(QStringList{"motion"} + args);
    QCOMPARE(run.exit_code, 2);
    const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1 && lines[0].contains(named), qPrintable(run.err));
    QCOMPARE(QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden), before);
}

QTEST_GUILESS_MAIN(TestMotionCommand)
#include "TestMotionCommand.moc"
