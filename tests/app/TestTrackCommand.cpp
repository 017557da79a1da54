// `portrait-studio track` as a user meets it, on a video made here from the sample portrait with
// ten grey frames in the middle: a Live Link Face CSV with one row per frame, the grey frames
// marked FaceFound 0, that the studio's own reader takes back; a JSON with the same frames and
// flags; a variable-rate video put on a regular grid; absolute head angles, as --help says; a
// missing, foreign or audio-only video and other bad requests exit 2 with one line naming the
// problem and leave no file; a video without a face, or one with fewer faces than --face asks for,
// exits 3 with no file.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <opencv2/imgcodecs.hpp>

#include "AppRunner.h"
#include "media/Mp4Writer.h"
#include "motion/LiveLinkCsv.h"

namespace {

constexpr int kFrames = 40;
constexpr int kGreyFrom = 15, kGreyTo = 25;  // [from, to): no face

bool writeVideo(const QString& path, bool with_face) {
    const cv::Mat portrait = cv::imread(PS_SAMPLES_DIR "/astronaut.png", cv::IMREAD_COLOR);
    if (portrait.empty()) {
        return false;
    }
    ps::VideoSettings settings;
    settings.width = portrait.cols;
    settings.height = portrait.rows;
    settings.fps = ps::FrameRate::Fps25;
    settings.preset = "ultrafast";
    auto writer = ps::Mp4Writer::open(path.toStdString(), settings, 0, 0);
    if (!writer) {
        return false;
    }
    const cv::Mat grey(portrait.size(), CV_8UC3, cv::Scalar(128, 128, 128));
    for (int i = 0; i < kFrames; ++i) {
        const bool face = with_face && (i < kGreyFrom || i >= kGreyTo);
        if (!(*writer)->writeVideoFrame(face ? portrait : grey)) {
            return false;
        }
    }
    return bool((*writer)->finish());
}

QStringList csvLines(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

}  // namespace

class TestTrackCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesLiveLinkCsvWithTheLostFramesMarked();
    void writesJsonWithTheSameFrames();
    void variableRateVideoIsPutOnARegularGrid();
    void helpSaysWhatTheHeadAnglesAre();
    void badRequestsExitTwoWithNoFile_data();
    void badRequestsExitTwoWithNoFile();
    void noFaceExitsThreeWithNoFile_data();
    void noFaceExitsThreeWithNoFile();

private:
    QTemporaryDir dir_;
    QString video_, blank_;
    QString path(const QString& name) const { return dir_.filePath(name); }
    // Where outputs go, apart from the inputs, so a leftover file shows.
    QString out(const QString& name) const { return dir_.filePath("out/" + name); }
};

void TestTrackCommand::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(QDir(dir_.path()).mkdir("out"));
    video_ = path("portrait.mp4");
    blank_ = path("blank.mp4");
    QVERIFY(writeVideo(video_, true));
    QVERIFY(writeVideo(blank_, false));
}

void TestTrackCommand::writesLiveLinkCsvWithTheLostFramesMarked() {
    const QString csv = out("motion.csv");
    const AppRun run = runApp({"track", "--video", video_, "-o", csv});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(csv));
    const QStringList lines = csvLines(csv);
    QCOMPARE(lines.size(), kFrames + 1);
    const QStringList header = lines[0].split(',');
    QCOMPARE(header.size(), 65);
    QCOMPARE(header[0], QString("Timecode"));
    QCOMPARE(header[19], QString("JawOpen"));
    QCOMPARE(header[54], QString("HeadYaw"));
    QCOMPARE(header[63], QString("FaceFound"));
    QCOMPARE(header[64], QString("FaceConfidence"));
    QCOMPARE(lines[26].split(',')[0], QString("00:00:01:00.000"));
    const QStringList first = lines[1].split(',');
    for (int i = 1; i <= kFrames; ++i) {
        const QStringList cells = lines[i].split(',');
        QCOMPARE(cells.size(), 65);
        const bool grey = i - 1 >= kGreyFrom && i - 1 < kGreyTo;
        QCOMPARE(cells[63], grey ? QString("0") : QString("1"));
        const double confidence = cells[64].toDouble();
        QVERIFY2(grey ? confidence == 0.0 : confidence > 0.5, qPrintable(lines[i]));
        // A still photo: every frame's head is the first's, within smoothing's last wobble, and
        // the grey frames hold it.
        for (int c = 54; c < 57; ++c) {
            QVERIFY2(std::abs(cells[c].toDouble() - first[c].toDouble()) < 0.01,
                     qPrintable(lines[i]));
        }
    }
    // Absolute angles: the sample's face sits above the picture's middle, so seen along the
    // camera's axis its head is tilted down by about 20 degrees (HeadPitch in radians).
    const double pitch = first[55].toDouble();
    QVERIFY2(pitch > 0.2 && pitch < 0.6, qPrintable(first[55]));
    ps::Result<ps::FaceTrack> read = ps::readLiveLinkCsv(csv.toStdString());
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
    QCOMPARE(read->fps, 25.0);
    QCOMPARE(int(read->frames.size()), kFrames);
    QVERIFY(std::abs(read->frames[0].head_deg.x - pitch * 180.0 / M_PI) < 1e-3);
}

void TestTrackCommand::writesJsonWithTheSameFrames() {
    const QString json = out("motion.json");
    const AppRun run = runApp({"track", "--video", video_, "-o", json, "--face", "0"});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(doc["fps"].toDouble(), 25.0);
    QCOMPARE(doc["head_deg_reference"].toString(), QString("camera"));
    QCOMPARE(doc["blendshape_names"].toArray().size(), 52);
    const QJsonArray frames = doc["frames"].toArray();
    QCOMPARE(frames.size(), kFrames);
    for (int i = 0; i < kFrames; ++i) {
        const QJsonObject frame = frames[i].toObject();
        const bool grey = i >= kGreyFrom && i < kGreyTo;
        QCOMPARE(frame["face_found"].toBool(), !grey);
        QVERIFY(std::abs(frame["t"].toDouble() - i / 25.0) < 1e-6);
        QCOMPARE(frame["blendshapes"].toArray().size(), 52);
        const double pitch = frame["head_deg"].toObject()["pitch"].toDouble();
        QVERIFY2(pitch > 12.0 && pitch < 35.0, qPrintable(QString::number(pitch)));
    }
}

void TestTrackCommand::variableRateVideoIsPutOnARegularGrid() {
    // The portrait video re-timed: ten frames 40 ms apart, then thirty 120 ms apart (the grey
    // frames among them), as a phone slowing down in the dark.
    const QString vfr = path("uneven.mkv");
    QVERIFY(runTool("ffmpeg", {"-v", "error", "-y", "-i", video_, "-vf",
                               "setpts='if(lt(N,10),N*0.04,0.4+(N-10)*0.12)/TB'", "-fps_mode",
                               "passthrough", "-c:v", "libx264", "-preset", "ultrafast", vfr}));
    const QString json = out("uneven.json");
    const AppRun run = runApp({"track", "--video", vfr, "-o", json});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    const double fps = doc["fps"].toDouble();
    QVERIFY2(fps >= 23.976 && fps <= 60.0, qPrintable(QString::number(fps)));
    const QJsonArray frames = doc["frames"].toArray();
    const double last_s = 0.4 + (kFrames - 11) * 0.12;
    QCOMPARE(frames.size(), int(std::lround(last_s * fps)) + 1);
    // Each row is the video frame nearest its time: the grey ones (video frames 15..24, from
    // 1.0 s to 2.08 s) are marked, the rest are not.
    for (int k = 0; k < frames.size(); ++k) {
        const double t = k / fps;
        const int nearest =
            t < 0.42 ? int(std::lround(t / 0.04)) : 10 + int(std::lround((t - 0.4) / 0.12));
        if (std::abs(t - (nearest < 10 ? nearest * 0.04 : 0.4 + (nearest - 10) * 0.12) - 0.06) <
            0.005) {
            continue;  // halfway between two frames: either is right
        }
        const bool grey = nearest >= kGreyFrom && nearest < kGreyTo;
        QVERIFY2(frames[k].toObject()["face_found"].toBool() == !grey,
                 qPrintable(QString("row %1 at %2 s (video frame %3)").arg(k).arg(t).arg(nearest)));
    }
}

void TestTrackCommand::helpSaysWhatTheHeadAnglesAre() {
    const AppRun run = runApp({"track", "--help"});
    QCOMPARE(run.exit_code, 0);
    QVERIFY(run.out.contains("absolute"));
    QVERIFY(run.out.contains("FaceFound"));
    QVERIFY(run.out.contains("--face N"));
    const AppRun usage = runApp({"--help"});
    QVERIFY(usage.out.contains("portrait-studio track --video V"));
}

void TestTrackCommand::badRequestsExitTwoWithNoFile_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    const QString csv = dir_.filePath("out/bad.csv");
    const QString notes = dir_.filePath("notes.mp4");
    QFile file(notes);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray(3000, 'x'));
    }
    const QString voice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");
    QTest::newRow("video missing")
        << QStringList{"--video", path("nope.mp4"), "-o", csv} << path("nope.mp4");
    QTest::newRow("not a video") << QStringList{"--video", notes, "-o", csv} << notes;
    QTest::newRow("audio only") << QStringList{"--video", voice, "-o", csv} << "no video stream";
    QTest::newRow("output not csv or json")
        << QStringList{"--video", video_, "-o", dir_.filePath("out/bad.txt")}
        << dir_.filePath("out/bad.txt");
    QTest::newRow("face not a number")
        << QStringList{"--video", video_, "-o", csv, "--face", "first"} << "--face first";
    QTest::newRow("no video given") << QStringList{"-o", csv} << "--video";
    QTest::newRow("folder missing")
        << QStringList{"--video", video_, "-o", dir_.filePath("none/motion.csv")}
        << dir_.filePath("none/motion.csv");
}

void TestTrackCommand::badRequestsExitTwoWithNoFile() {
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const AppRun run = runApp(QStringList{"track"} + args);
    QCOMPARE(run.exit_code, 2);
    const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1 && lines[0].startsWith("error: ") && lines[0].contains(named),
             qPrintable(run.err));
    // Neither the output nor a temporary file beside it.
    for (const QString& name : QDir(dir_.filePath("out")).entryList(QDir::Files | QDir::Hidden)) {
        QVERIFY2(!name.endsWith(".part") && !name.startsWith("bad"), qPrintable(name));
    }
}

void TestTrackCommand::noFaceExitsThreeWithNoFile_data() {
    QTest::addColumn<QString>("which");  // "blank" or "portrait"
    QTest::addColumn<QString>("face");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no face at all") << "blank"
                                    << "0"
                                    << "no face found";
    QTest::newRow("fewer faces than asked") << "portrait"
                                            << "3"
                                            << "face 3";
}

void TestTrackCommand::noFaceExitsThreeWithNoFile() {
    QFETCH(QString, which);
    QFETCH(QString, face);
    QFETCH(QString, problem);
    const QString video = which == "blank" ? blank_ : video_;
    const QString csv = out("none.csv");
    const AppRun run = runApp({"track", "--video", video, "-o", csv, "--face", face});
    QCOMPARE(run.exit_code, 3);
    const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1 && lines[0].contains(video) && lines[0].contains(problem),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(csv));
    for (const QString& name : QDir(dir_.filePath("out")).entryList(QDir::Files | QDir::Hidden)) {
        QVERIFY2(!name.endsWith(".part"), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestTrackCommand)
#include "TestTrackCommand.moc"
