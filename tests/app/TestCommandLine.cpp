// The command line as a user meets it: the real executable, its exit codes, its one-line errors,
// and the promise that a failed render leaves no file behind.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include "AppRunner.h"

#ifdef Q_OS_UNIX
#include <signal.h>
#include <unistd.h>
#endif

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString samples(const char* name) {
    return QStringLiteral(PS_SAMPLES_DIR "/") + name;
}

}  // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void versionAndHelp();
    void rendersSamplesToH264AndAac();
    void badInputExitsTwoWithOneLineAndNoFile_data();
    void badInputExitsTwoWithOneLineAndNoFile();
    void failedRenderKeepsExistingFile();
    void interruptLeavesNothingBehind();
    void blendshapeContactSheetIsWritten();
    void benchPrintsOneJsonObjectPerCase();

private:
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }
};

void TestCommandLine::initTestCase() {
    QVERIFY(dir_.isValid());
    writeFile(path("empty.png"), {});
    writeFile(path("empty.wav"), {});
    writeFile(path("notes.txt"), "This is not a photo, nor a voice.\n");
    QByteArray noise(4096, '\0');
    for (int i = 0; i < noise.size(); ++i) {
        noise[i] = static_cast<char>((i * 7919 + 13) % 251);
    }
    writeFile(path("noise.png"), noise);
    writeFile(path("noise.wav"), noise);
    QFile photo(samples("astronaut.png"));
    QVERIFY(photo.open(QIODevice::ReadOnly));
    writeFile(path("truncated.png"), photo.read(2000));
    // A GIF: an image, but not a format the studio reads.
    writeFile(path("dot.gif"), QByteArray::fromBase64(
                                   "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="));
    QVERIFY(
        runTool("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=64x64:d=1",
                           "-c:v", "libx264", "-pix_fmt", "yuv420p", path("silent-video.mp4")}));
    QVERIFY(QDir(dir_.path()).mkdir("existing-folder"));
    QVERIFY(QDir(dir_.path()).mkdir("read-only-folder"));
    QVERIFY(QFile::setPermissions(path("read-only-folder"),
                                  QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                      QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    writeFile(path("a-file"), "plain file, not a folder");
}

void TestCommandLine::versionAndHelp() {
    const AppRun version = runApp({"--version"});
    QCOMPARE(version.exit_code, 0);
    QVERIFY2(version.out.startsWith("portrait-studio "), qPrintable(version.out));
    const AppRun help = runApp({"--help"});
    QCOMPARE(help.exit_code, 0);
    QVERIFY(help.out.contains("render"));
    const AppRun render_help = runApp({"render", "--help"});
    QCOMPARE(render_help.exit_code, 0);
    QVERIFY(render_help.out.contains("--photo"));
    const AppRun unknown = runApp({"dance"});
    QCOMPARE(unknown.exit_code, 2);
    QVERIFY(unknown.err.contains("dance"));
}

void TestCommandLine::rendersSamplesToH264AndAac() {
    const QString out = path("sample.mp4");
    const AppRun run =
        runApp({"render", "--photo", samples("astronaut.png"), "--audio", samples("voice.wav"),
                "-o", out, "--fps", "25", "--size", "256x256", "--preset", "ultrafast"});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(out));

    QByteArray json;
    QVERIFY(runTool("ffprobe", {"-v", "error", "-show_streams", "-show_format", "-of", "json", out},
                    &json));
    const QJsonObject probe = QJsonDocument::fromJson(json).object();
    const QJsonArray streams = probe["streams"].toArray();
    QCOMPARE(streams.size(), 2);
    QStringList codecs;
    for (const QJsonValue& s : streams) {
        codecs << s.toObject()["codec_name"].toString();
    }
    codecs.sort();
    QCOMPARE(codecs, QStringList({"aac", "h264"}));

    QByteArray voice_json;
    QVERIFY(runTool("ffprobe", {"-v", "error", "-show_format", "-of", "json", samples("voice.wav")},
                    &voice_json));
    const double voice_s = QJsonDocument::fromJson(voice_json)
                               .object()["format"]
                               .toObject()["duration"]
                               .toString()
                               .toDouble();
    const double video_s = probe["format"].toObject()["duration"].toString().toDouble();
    QVERIFY2(qAbs(video_s - voice_s) <= 1.0 / 25,
             qPrintable(QString("video %1 s, voice %2 s").arg(video_s).arg(voice_s)));
}

void TestCommandLine::badInputExitsTwoWithOneLineAndNoFile_data() {
    QTest::addColumn<QString>("photo");
    QTest::addColumn<QString>("audio");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("named");  // what the one-line error must name

    const QString photo = samples("astronaut.png");
    const QString voice = samples("voice.wav");
    const QString out = path("out.mp4");
    QTest::newRow("photo missing") << path("nope.png") << voice << out << path("nope.png");
    QTest::newRow("photo empty") << path("empty.png") << voice << out << path("empty.png");
    QTest::newRow("photo corrupt") << path("noise.png") << voice << out << path("noise.png");
    QTest::newRow("photo truncated")
        << path("truncated.png") << voice << out << path("truncated.png");
    QTest::newRow("photo is text") << path("notes.txt") << voice << out << path("notes.txt");
    QTest::newRow("photo is audio") << voice << voice << out << voice;
    QTest::newRow("photo unsupported (GIF)") << path("dot.gif") << voice << out << path("dot.gif");
    QTest::newRow("audio missing") << photo << path("nope.wav") << out << path("nope.wav");
    QTest::newRow("audio empty") << photo << path("empty.wav") << out << path("empty.wav");
    QTest::newRow("audio corrupt") << photo << path("noise.wav") << out << path("noise.wav");
    QTest::newRow("audio is text") << photo << path("notes.txt") << out << path("notes.txt");
    QTest::newRow("audio has no audio stream")
        << photo << path("silent-video.mp4") << out << path("silent-video.mp4");
    QTest::newRow("audio is a photo") << photo << photo << out << photo;
    QTest::newRow("output folder missing")
        << photo << voice << path("no-such-folder/out.mp4") << path("no-such-folder/out.mp4");
    QTest::newRow("output folder is a file")
        << photo << voice << path("a-file/out.mp4") << path("a-file/out.mp4");
    QTest::newRow("output is a folder")
        << photo << voice << path("existing-folder") << path("existing-folder");
    QTest::newRow("output not mp4") << photo << voice << path("out.avi") << path("out.avi");
#ifdef Q_OS_UNIX
    // Permissions do not bind root (as in many CI containers); elsewhere this is the usual case
    // of a folder the user may not write to.
    if (::geteuid() != 0) {
        QTest::newRow("output folder not writable")
            << photo << voice << path("read-only-folder/out.mp4")
            << path("read-only-folder/out.mp4");
    }
#endif
}

void TestCommandLine::badInputExitsTwoWithOneLineAndNoFile() {
    QFETCH(QString, photo);
    QFETCH(QString, audio);
    QFETCH(QString, output);
    QFETCH(QString, named);
    const QStringList before = QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden);

    const AppRun run = runApp({"render", "--photo", photo, "--audio", audio, "-o", output, "--size",
                               "64x64", "--preset", "ultrafast"});
    QCOMPARE(run.exit_code, 2);
    const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1, qPrintable(run.err));
    QVERIFY2(lines[0].contains(named), qPrintable(run.err));
    QVERIFY(!QFileInfo(output).isFile());
    // Nothing else appeared either: no temporary file, no probe file.
    QCOMPARE(QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden), before);
}

void TestCommandLine::failedRenderKeepsExistingFile() {
    const QString out = path("keep.mp4");
    writeFile(out, "an earlier export the user cares about");
    const AppRun run = runApp(
        {"render", "--photo", path("noise.png"), "--audio", samples("voice.wav"), "-o", out});
    QCOMPARE(run.exit_code, 2);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("an earlier export the user cares about"));
}

void TestCommandLine::interruptLeavesNothingBehind() {
#ifdef Q_OS_UNIX
    // A long render (a 3-minute voice at a slow preset) interrupted as a user would with Ctrl+C.
    const QString long_voice = path("long.wav");
    QVERIFY(runTool("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i",
                               "sine=frequency=220:duration=180", long_voice}));
    QTemporaryDir out_dir;
    const QString out = out_dir.filePath("long.mp4");
    QProcess process;
    process.start(QStringLiteral(PS_APP_PATH),
                  {"render", "--photo", samples("astronaut.png"), "--audio", long_voice, "-o", out,
                   "--preset", "veryslow"});
    QVERIFY(process.waitForStarted());
    // Wait until the encoder's temporary file exists, so the interrupt lands mid-export.
    QTRY_VERIFY_WITH_TIMEOUT(
        !QDir(out_dir.path()).entryList({"*.part"}, QDir::Files | QDir::Hidden).isEmpty(), 60000);
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 130);
    QVERIFY(QDir(out_dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
#else
    QSKIP("signals are a POSIX feature");
#endif
}

void TestCommandLine::blendshapeContactSheetIsWritten() {
    const QString sheet = path("shapes.png");
    const AppRun run = runApp({"blendshapes", "--sheet", sheet, "--tile", "64"});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    // Neutral plus the 52 shapes, eight tiles a row: seven rows of 64 px tiles.
    const cv::Mat image = cv::imread(sheet.toStdString());
    QCOMPARE(image.cols, 8 * 64);
    QCOMPARE(image.rows, 7 * 64);
    // Faces were drawn: the sheet is not one flat colour.
    QVERIFY(image.at<cv::Vec3b>(1, 1) != image.at<cv::Vec3b>(28, 32));

    // With a photo, the same shapes on the face fitted to it follow below: twice the rows.
    const QString both = path("shapes-photo.png");
    const AppRun fitted = runApp(
        {"blendshapes", "--sheet", both, "--tile", "64", "--photo", samples("astronaut.png")});
    QVERIFY2(fitted.exit_code == 0, qPrintable(fitted.err));
    const cv::Mat stacked = cv::imread(both.toStdString());
    QCOMPARE(stacked.cols, 8 * 64);
    QCOMPARE(stacked.rows, 2 * 7 * 64);

    const AppRun bad = runApp({"blendshapes", "--sheet", path("no-such-folder/shapes.png")});
    QCOMPARE(bad.exit_code, 2);
    QCOMPARE(bad.err.count('\n'), 1);
    QVERIFY(!QFileInfo::exists(path("no-such-folder/shapes.png")));
}

void TestCommandLine::benchPrintsOneJsonObjectPerCase() {
    // Timings are for people to read and compare; the test checks only their shape.
    const AppRun run = runApp({"bench", "fit", "--repeat", "1"});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7);
    const QJsonObject fit = QJsonDocument::fromJson(lines[0].toUtf8()).object();
    QCOMPARE(fit["case"].toString(), QString("fit"));
    QCOMPARE(fit["size"].toString(), QString("4000x3000"));
    QCOMPARE(fit["threads"].toInt(), 1);
    QVERIFY(fit["ms_per_fit"].toDouble() > 0.0);
    QVERIFY(fit["detect_all_faces_ms"].toDouble() > 0.0);
    QVERIFY(fit["landmark_confidence"].toDouble() > 0.9);
    const QJsonObject refit = QJsonDocument::fromJson(lines[1].toUtf8()).object();
    QCOMPARE(refit["case"].toString(), QString("refit"));
    QVERIFY(refit["ms_per_refit"].toDouble() > 0.0);
    // MediaPipe's networks: detection at two sizes, one Face Mesh pass, the fit to its points.
    const QStringList network_cases = {"detect", "detect", "landmarks", "mesh fit"};
    const QStringList sizes = {"4000x3000", "640x360", "192x192", QString()};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject line = QJsonDocument::fromJson(lines[2 + i].toUtf8()).object();
        QCOMPARE(line["case"].toString(), network_cases[i]);
        QCOMPARE(line["size"].toString(), sizes[i]);
        QVERIFY(line[i < 3 ? "ms_per_frame" : "ms_per_fit"].toDouble() > 0.0);
    }
    // The face tracker on a 640x360 video: frames a second, detection amortised.
    const QJsonObject track = QJsonDocument::fromJson(lines[6].toUtf8()).object();
    QCOMPARE(track["case"].toString(), QString("track"));
    QCOMPARE(track["size"].toString(), QString("640x360"));
    QCOMPARE(track["threads"].toInt(), 1);
    QVERIFY(track["ms_per_frame"].toDouble() > 0.0);
    QVERIFY(track["fps"].toDouble() > 0.0);
    QCOMPARE(track["frames"].toInt(), 100);
    QCOMPARE(track["detections"].toInt(), 1);

    // The studio's preview pipeline: one line per size with its frame rate and UI stall.
    const AppRun preview = runApp({"bench", "preview"});
    QVERIFY2(preview.exit_code == 0, qPrintable(preview.err));
    const QStringList preview_lines = preview.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(preview_lines.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject line = QJsonDocument::fromJson(preview_lines[i].toUtf8()).object();
        QCOMPARE(line["case"].toString(), QString("preview"));
        QCOMPARE(line["size"].toString(), i == 0 ? QString("512x512") : QString("1920x1080"));
        QVERIFY(line["fps"].toDouble() > 0.0);
        QVERIFY(line["ms_per_frame"].toDouble() > 0.0);
        QVERIFY(line.contains("max_ui_stall_ms"));
    }
    QCOMPARE(runApp({"bench", "juggle"}).exit_code, 2);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
