// VideoDecoder on videos made here: every frame comes back once, in order, with its colour, its
// size and its presentation time (at 25 and 29.97 fps, and at a variable rate in Matroska); a
// video whose display matrix turns it comes back upright exactly as FFmpeg's own player turns it;
// missing, empty, foreign, audio-only and damaged files are refused with one line naming the
// file, while a video cut short gives the frames before the cut; a cancelled read stops.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "TestMp4Support.h"
#include "media/Mp4Writer.h"
#include "media/VideoDecoder.h"

using namespace mp4test;

namespace {

// Four quadrants of different colours and a bright marker near the top-left corner: any turn or
// mirror shows.
cv::Mat quadrants(int width, int height) {
    cv::Mat frame(height, width, CV_8UC3);
    const int w = width / 2, h = height / 2;
    frame(cv::Rect(0, 0, w, h)).setTo(cv::Scalar(220, 40, 40));
    frame(cv::Rect(w, 0, width - w, h)).setTo(cv::Scalar(40, 220, 40));
    frame(cv::Rect(0, h, w, height - h)).setTo(cv::Scalar(40, 40, 220));
    frame(cv::Rect(w, h, width - w, height - h)).setTo(cv::Scalar(200, 200, 200));
    frame(cv::Rect(2, 2, 8, 8)).setTo(cv::Scalar(255, 255, 255));
    return frame;
}

bool writeVideo(const QString& path, ps::FrameRate fps, int frames, bool pattern = false) {
    auto writer = ps::Mp4Writer::open(path.toStdString(), smallSettings(fps), 0, 0);
    if (!writer) {
        qWarning("%s", writer.error().message.c_str());
        return false;
    }
    for (int i = 0; i < frames; ++i) {
        if (!(*writer)->writeVideoFrame(pattern ? quadrants(kWidth, kHeight) : frameFor(i))) {
            return false;
        }
    }
    return bool((*writer)->finish());
}

struct Decoded {
    std::vector<ps::VideoFrame> frames;
    ps::VideoStreamInfo info;
    ps::Error error;
    bool ok = false;
};

Decoded decodeAll(const QString& path) {
    Decoded out;
    auto decoder = ps::VideoDecoder::open(path.toStdString());
    if (!decoder) {
        out.error = decoder.error();
        return out;
    }
    out.info = (*decoder)->info();
    for (;;) {
        ps::VideoFrame frame;
        const ps::Result<bool> got = (*decoder)->read(&frame);
        if (!got) {
            out.error = got.error();
            return out;
        }
        if (!*got) {
            break;
        }
        out.frames.push_back(frame);
    }
    out.ok = true;
    return out;
}

// The ffmpeg tool run quietly, replacing its output; true when it succeeded.
bool ffmpeg(const QStringList& arguments) {
    QProcess process;
    process.start("ffmpeg", QStringList{"-v", "error", "-y"} + arguments);
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

// FFmpeg's own player's view: the first frame, turned as the display matrix says.
cv::Mat firstFrameAsFfmpegShowsIt(const QString& path, cv::Size size) {
    const QByteArray bytes = runTool("ffmpeg", {"-v", "error", "-i", path, "-frames:v", "1", "-f",
                                                "rawvideo", "-pix_fmt", "bgr24", "-"});
    if (bytes.size() != size.area() * 3) {
        return {};
    }
    return cv::Mat(size, CV_8UC3, const_cast<char*>(bytes.constData())).clone();
}

}  // namespace

class TestVideoDecoder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFrameOnceWithItsTime_data();
    void everyFrameOnceWithItsTime();
    void displayMatrixIsApplied_data();
    void displayMatrixIsApplied();
    void variableFrameRateKeepsEachFramesTime();
    void unreadableFilesAreRefusedInOneLine_data();
    void unreadableFilesAreRefusedInOneLine();
    void aVideoCutShortGivesTheFramesBeforeTheCut();
    void cancelledReadStops();

private:
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }
};

void TestVideoDecoder::initTestCase() {
    if (!haveFfmpegTools()) {
        QSKIP("ffprobe and ffmpeg are needed to make rotated and variable-rate videos");
    }
    QVERIFY(dir_.isValid());
}

void TestVideoDecoder::everyFrameOnceWithItsTime_data() {
    QTest::addColumn<int>("rate");  // ps::FrameRate
    QTest::addColumn<double>("fps");
    QTest::newRow("25") << int(ps::FrameRate::Fps25) << 25.0;
    QTest::newRow("29.97") << int(ps::FrameRate::Fps29_97) << 30000.0 / 1001.0;
}

void TestVideoDecoder::everyFrameOnceWithItsTime() {
    QFETCH(int, rate);
    QFETCH(double, fps);
    const QString file = path(QString("cfr%1.mp4").arg(rate));
    constexpr int kFrames = 40;
    QVERIFY(writeVideo(file, ps::FrameRate(rate), kFrames));
    const Decoded decoded = decodeAll(file);
    QVERIFY2(decoded.ok, decoded.error.message.c_str());
    QCOMPARE(decoded.info.codec_name, std::string("h264"));
    QCOMPARE(decoded.info.size, cv::Size(kWidth, kHeight));
    QCOMPARE(decoded.info.rotation_deg, 0);
    QVERIFY(std::abs(decoded.info.fps - fps) < 1e-3);
    QCOMPARE(decoded.info.frame_count, (long long)kFrames);
    QCOMPARE(int(decoded.frames.size()), kFrames);
    for (int i = 0; i < kFrames; ++i) {
        const ps::VideoFrame& frame = decoded.frames[size_t(i)];
        QCOMPARE(frame.bgr.type(), CV_8UC3);
        QCOMPARE(frame.bgr.size(), cv::Size(kWidth, kHeight));
        QCOMPARE(indexOfColour(cv::mean(frame.bgr)), (long long)i);
        QVERIFY2(std::abs(frame.time_s - i / fps) < 1e-3,
                 qPrintable(QString("frame %1 at %2 s").arg(i).arg(frame.time_s)));
    }
}

void TestVideoDecoder::displayMatrixIsApplied_data() {
    QTest::addColumn<int>("tag");  // the stream's rotate tag as FFmpeg 5's muxer takes it
    QTest::newRow("90") << 90;
    QTest::newRow("180") << 180;
    QTest::newRow("270") << 270;
}

void TestVideoDecoder::displayMatrixIsApplied() {
    QFETCH(int, tag);
    const QString plain = path("pattern.mp4");
    if (!QFile::exists(plain)) {
        QVERIFY(writeVideo(plain, ps::FrameRate::Fps25, 5, true));
    }
    const QString turned = path(QString("turned%1.mp4").arg(tag));
    // FFmpeg 6 and later take -display_rotation; FFmpeg 5 only the rotate tag.
    QVERIFY(
        ffmpeg({"-display_rotation", QString::number(tag), "-i", plain, "-c", "copy", turned}) ||
        ffmpeg(
            {"-i", plain, "-c", "copy", "-metadata:s:v", QString("rotate=%1").arg(tag), turned}));
    // The display matrix's angle as ffprobe reports it (counter-clockwise degrees).
    const QList<QJsonObject> streams = streamsOfType(probe(turned), "video");
    QCOMPARE(streams.size(), 1);
    double ccw = 0.0;
    for (const QJsonValue& side : streams[0].value("side_data_list").toArray()) {
        if (side.toObject().value("side_data_type").toString() == "Display Matrix") {
            ccw = side.toObject().value("rotation").toDouble();
        }
    }
    QVERIFY2(ccw != 0.0, "ffmpeg wrote no display matrix");
    const int clockwise = (360 - int(std::lround(ccw)) % 360) % 360;

    const Decoded decoded = decodeAll(turned);
    QVERIFY2(decoded.ok, decoded.error.message.c_str());
    QCOMPARE(decoded.info.rotation_deg, clockwise);
    QVERIFY(!decoded.info.mirrored);
    const cv::Size upright =
        clockwise % 180 == 0 ? cv::Size(kWidth, kHeight) : cv::Size(kHeight, kWidth);
    QCOMPARE(decoded.info.size, upright);
    QCOMPARE(int(decoded.frames.size()), 5);
    const cv::Mat ours = decoded.frames.front().bgr;
    QCOMPARE(ours.size(), upright);
    const cv::Mat theirs = firstFrameAsFfmpegShowsIt(turned, upright);
    QVERIFY2(!theirs.empty(), "ffmpeg's frame has another size");
    const double difference = cv::norm(ours, theirs, cv::NORM_L1) / double(ours.total() * 3);
    QVERIFY2(difference < 3.0, qPrintable(QString::number(difference)));
    // And the marker is where a clockwise turn by `clockwise` puts the top-left corner.
    const cv::Point corners[] = {{5, 5},
                                 {upright.width - 6, 5},
                                 {upright.width - 6, upright.height - 6},
                                 {5, upright.height - 6}};
    const cv::Vec3b marker = ours.at<cv::Vec3b>(corners[clockwise / 90]);
    QVERIFY2(marker[0] > 240 && marker[1] > 240 && marker[2] > 240,
             qPrintable(QString("%1 %2 %3").arg(marker[0]).arg(marker[1]).arg(marker[2])));
}

void TestVideoDecoder::variableFrameRateKeepsEachFramesTime() {
    const QString cfr = path("even.mp4");
    QVERIFY(writeVideo(cfr, ps::FrameRate::Fps25, 20));
    // Ten frames 40 ms apart, then ten 120 ms apart, as a phone slowing down in the dark (steps
    // the 1/25 s time base of the filter holds exactly).
    const QString vfr = path("uneven.mkv");
    QVERIFY(ffmpeg({"-i", cfr, "-vf", "setpts='if(lt(N,10),N*0.04,0.4+(N-10)*0.12)/TB'",
                    "-fps_mode", "passthrough", "-c:v", "libx264", "-preset", "ultrafast", vfr}));
    const Decoded decoded = decodeAll(vfr);
    QVERIFY2(decoded.ok, decoded.error.message.c_str());
    QCOMPARE(int(decoded.frames.size()), 20);
    for (int i = 0; i < 20; ++i) {
        const double expected = i < 10 ? i * 0.04 : 0.4 + (i - 10) * 0.12;
        const ps::VideoFrame& frame = decoded.frames[size_t(i)];
        QVERIFY2(
            std::abs(frame.time_s - expected) < 2e-3,
            qPrintable(QString("frame %1 at %2 s, not %3").arg(i).arg(frame.time_s).arg(expected)));
        QCOMPARE(indexOfColour(cv::mean(frame.bgr)), (long long)i);
    }
}

void TestVideoDecoder::unreadableFilesAreRefusedInOneLine_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");  // written unless the name is a folder or missing
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << "missing.mp4" << QByteArray() << "does not exist";
    QTest::newRow("empty") << "empty.mp4" << QByteArray("") << "empty";
    QTest::newRow("folder") << "folder.mp4" << QByteArray() << "folder";
    QTest::newRow("text") << "notes.mp4" << QByteArray(2000, 'x') << "not a video";
    QTest::newRow("audio only") << "voice.wav" << QByteArray() << "no video stream";
    QTest::newRow("damaged") << "damaged.mp4" << QByteArray() << "could not be decoded";
}

void TestVideoDecoder::unreadableFilesAreRefusedInOneLine() {
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QString file = path(name);
    if (name == "folder.mp4") {
        QVERIFY(QDir(dir_.path()).mkpath(name));
    } else if (name == "voice.wav") {
        file = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");
    } else if (name == "damaged.mp4") {
        // A real MP4 whose every video payload byte is overwritten: the container opens, the
        // stream is there, and no frame decodes.
        QVERIFY(writeVideo(file, ps::FrameRate::Fps25, 10));
        QByteArray bytes = readAll(file);
        const int mdat = bytes.indexOf("mdat");
        QVERIFY(mdat > 0);
        for (int i = mdat + 4; i < bytes.size(); ++i) {
            bytes[i] = char(0xff);
        }
        QVERIFY(writeFile(file, bytes));
    } else if (!content.isNull()) {
        QVERIFY(writeFile(file, content));
    }
    const Decoded decoded = decodeAll(file);
    QVERIFY(!decoded.ok);
    QCOMPARE(decoded.error.kind, ps::ErrorKind::BadInput);
    const QString message = QString::fromStdString(decoded.error.message);
    QVERIFY2(message.startsWith(file + ": "), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY(!message.contains('\n'));
}

void TestVideoDecoder::aVideoCutShortGivesTheFramesBeforeTheCut() {
    const QString whole = path("whole.mp4");
    QVERIFY(writeVideo(whole, ps::FrameRate::Fps25, 60));
    // +faststart puts the index first, so the first half holds the index and the first frames.
    const QByteArray bytes = readAll(whole);
    const QString half = path("half.mp4");
    QVERIFY(writeFile(half, bytes.left(bytes.size() / 2)));
    const Decoded decoded = decodeAll(half);
    QVERIFY2(decoded.ok, decoded.error.message.c_str());
    QVERIFY(decoded.frames.size() > 5 && decoded.frames.size() < 60);
    for (size_t i = 0; i < decoded.frames.size(); ++i) {
        QCOMPARE(indexOfColour(cv::mean(decoded.frames[i].bgr)), (long long)i);
    }
}

void TestVideoDecoder::cancelledReadStops() {
    const QString file = path("cancel.mp4");
    QVERIFY(writeVideo(file, ps::FrameRate::Fps25, 5));
    auto decoder = ps::VideoDecoder::open(file.toStdString());
    QVERIFY(decoder.ok());
    ps::VideoFrame frame;
    QVERIFY(*(*decoder)->read(&frame));
    const ps::CancelToken cancel;
    cancel.cancel();
    const ps::Result<bool> stopped = (*decoder)->read(&frame, cancel);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().kind, ps::ErrorKind::Cancelled);
}

QTEST_GUILESS_MAIN(TestVideoDecoder)
#include "TestVideoDecoder.moc"
