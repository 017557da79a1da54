// exportMp4 end to end: the file a player sees for every frame rate, and what is left on disk when
// an export is cancelled, fails, or is pointed at a place it cannot write.
#include <unistd.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

#include "TestMp4Support.h"
#include "media/Mp4Export.h"

Q_DECLARE_METATYPE(ps::FrameRate)

using namespace mp4test;
using ps::ErrorKind;
using ps::FrameRate;

namespace {

// 64000 samples at 48 kHz: 1.333 s, not a whole number of AAC frames (62.5) nor of video
// frames at most rates, so rounding and the last partial audio frame are exercised.
constexpr long long kToneFrames = 64000;

struct SourceLog {
    std::atomic<long long> calls{0};
    std::atomic<long long> last_index{-1};
    std::atomic<bool> times_consistent{true};
};

ps::FrameSource recordingSource(SourceLog& log, FrameRate fps,
                                std::chrono::milliseconds delay = std::chrono::milliseconds(0)) {
    return [&log, fps, delay](long long index, double time_s) -> ps::Result<cv::Mat> {
        ++log.calls;
        if (index != log.last_index + 1 ||
            std::abs(time_s - index / ps::frameRateRational(fps).value()) > 1e-9) {
            log.times_consistent = false;
        }
        log.last_index = index;
        if (delay.count() > 0) {
            std::this_thread::sleep_for(delay);
        }
        return frameFor(index);
    };
}

}  // namespace

class TestMp4Export : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void replacesAnExistingFileWhenComplete();
    void silentClipGivesAVideoWithoutSound();
    void abortedExportLeavesTheFolderAsItWas_data();
    void abortedExportLeavesTheFolderAsItWas();
    void unusableDestinationFailsBeforeAnyWork_data();
    void unusableDestinationFailsBeforeAnyWork();
    void unwritableFolderFailsBeforeAnyWork();
    void progressRisesToOneAndIsThrottled();
};

void TestMp4Export::initTestCase() {
    if (!haveFfmpegTools()) {
        QSKIP("ffprobe and ffmpeg are needed to look at the exported files");
    }
}

void TestMp4Export::roundTrip_data() {
    QTest::addColumn<FrameRate>("fps");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QString>("rational");
    QTest::addColumn<qlonglong>("frames");  // 1.3333 s times the rate, rounded
    QTest::newRow("23.976") << FrameRate::Fps23_976 << "ultrafast" << 2 << "24000/1001" << 32LL;
    QTest::newRow("24") << FrameRate::Fps24 << "ultrafast" << 2 << "24/1" << 32LL;
    QTest::newRow("25") << FrameRate::Fps25 << "ultrafast" << 2 << "25/1" << 33LL;
    QTest::newRow("29.97") << FrameRate::Fps29_97 << "ultrafast" << 2 << "30000/1001" << 40LL;
    QTest::newRow("30") << FrameRate::Fps30 << "ultrafast" << 2 << "30/1" << 40LL;
    QTest::newRow("50") << FrameRate::Fps50 << "ultrafast" << 2 << "50/1" << 67LL;
    QTest::newRow("60") << FrameRate::Fps60 << "ultrafast" << 2 << "60/1" << 80LL;
    QTest::newRow("25 mono") << FrameRate::Fps25 << "ultrafast" << 1 << "25/1" << 33LL;
    // B-frames reorder frames: timestamps, edit list and frame count must survive that.
    QTest::newRow("29.97 with B-frames")
        << FrameRate::Fps29_97 << "veryfast" << 2 << "30000/1001" << 40LL;
}

void TestMp4Export::roundTrip() {
    QFETCH(FrameRate, fps);
    QFETCH(QString, preset);
    QFETCH(int, channels);
    QFETCH(QString, rational);
    QFETCH(qlonglong, frames);
    QTemporaryDir folder;
    const QString path = folder.filePath("portrait.mp4");
    const ps::AudioClip clip = toneClip(kToneFrames, channels);
    SourceLog log;
    const ps::VideoSettings settings = smallSettings(fps, qPrintable(preset));

    const auto exported = ps::exportMp4(path.toStdString(), settings, clip,
                                        recordingSource(log, fps), nullptr, ps::CancelToken());
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
    QCOMPARE(exported->frame_count, frames);
    QCOMPARE(QString::fromStdString(exported->path), path);
    const double frame_s = 1.0 / ps::frameRateRational(fps).value();
    QVERIFY(std::abs(exported->duration_s - frames * frame_s) < 1e-9);
    QCOMPARE(log.calls.load(), frames);
    QVERIFY(log.times_consistent);
    QCOMPARE(folderEntries(folder.path()), QStringList{"portrait.mp4"});

    const QJsonObject probed = probe(path, true);
    QCOMPARE(probed.value("streams").toArray().size(), 2);
    const QList<QJsonObject> videos = streamsOfType(probed, "video");
    const QList<QJsonObject> audios = streamsOfType(probed, "audio");
    QCOMPARE(videos.size(), 1);
    QCOMPARE(audios.size(), 1);
    const QJsonObject video = videos[0];
    QCOMPARE(video.value("codec_name").toString(), QString("h264"));
    QCOMPARE(video.value("pix_fmt").toString(), QString("yuv420p"));
    QCOMPARE(video.value("width").toInt(), kWidth);
    QCOMPARE(video.value("height").toInt(), kHeight);
    QCOMPARE(video.value("r_frame_rate").toString(), rational);
    QCOMPARE(video.value("avg_frame_rate").toString(), rational);
    QCOMPARE(video.value("nb_frames").toString(), QString::number(frames));
    QCOMPARE(video.value("nb_read_frames").toString(), QString::number(frames));
    QCOMPARE(video.value("color_space").toString(), QString("bt709"));
    QVERIFY(std::abs(numberField(video, "duration") - frames * frame_s) < 0.002);

    const QJsonObject audio = audios[0];
    QCOMPARE(audio.value("codec_name").toString(), QString("aac"));
    QCOMPARE(audio.value("sample_rate").toString(), QString("48000"));
    QCOMPARE(audio.value("channels").toInt(), channels);

    const double audio_s = clip.duration_s();
    const double format_s = numberField(probed.value("format").toObject(), "duration");
    QVERIFY2(std::abs(format_s - audio_s) <= frame_s, qPrintable(QString::number(format_s)));

    // +faststart: the index comes before the media data, so playback can start while loading.
    const QStringList boxes = topLevelBoxes(path);
    QVERIFY2(boxes.value(0) == "ftyp", qPrintable(boxes.join(',')));
    QVERIFY2(boxes.contains("moov") && boxes.contains("mdat") &&
                 boxes.indexOf("moov") < boxes.indexOf("mdat"),
             qPrintable(boxes.join(',')));

    // Every frame, once, in order.
    const std::vector<cv::Scalar> colours = decodeFrameColours(path);
    QCOMPARE(qlonglong(colours.size()), frames);
    for (size_t i = 0; i < colours.size(); ++i) {
        QCOMPARE(indexOfColour(colours[i]), qlonglong(i));
    }
    // The sound lasts exactly as long as the clip (edit list included); FFmpeg's decoder adds the
    // rest of the last AAC frame, as it does for every MP4.
    QCOMPARE(qlonglong(numberField(audio, "duration_ts")), kToneFrames);
    QCOMPARE(audio.value("time_base").toString(), QString("1/48000"));
    const qlonglong decoded = qlonglong(decodeAudio(path).size());
    QVERIFY2(decoded >= kToneFrames * channels && decoded < (kToneFrames + 1024) * channels,
             qPrintable(QString::number(decoded)));
}

void TestMp4Export::replacesAnExistingFileWhenComplete() {
    QTemporaryDir folder;
    const QString path = folder.filePath("portrait.mp4");
    QVERIFY(writeFile(path, "an earlier export"));
    SourceLog log;
    const auto exported =
        ps::exportMp4(path.toStdString(), smallSettings(FrameRate::Fps25), toneClip(9600, 2),
                      recordingSource(log, FrameRate::Fps25), nullptr, ps::CancelToken());
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
    QCOMPARE(exported->frame_count, 5LL);
    QCOMPARE(streamsOfType(probe(path), "video").size(), 1);
    QCOMPARE(folderEntries(folder.path()), QStringList{"portrait.mp4"});
}

void TestMp4Export::silentClipGivesAVideoWithoutSound() {
    QTemporaryDir folder;
    const QString path = folder.filePath("portrait.mp4");
    ps::AudioClip silent;
    silent.playback.sample_rate_hz = 48000;
    silent.playback.channels = 2;
    SourceLog log;
    const auto exported =
        ps::exportMp4(path.toStdString(), smallSettings(FrameRate::Fps25), silent,
                      recordingSource(log, FrameRate::Fps25), nullptr, ps::CancelToken());
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
    QCOMPARE(exported->frame_count, 1LL);
    const QJsonObject probed = probe(path, true);
    QCOMPARE(probed.value("streams").toArray().size(), 1);
    QCOMPARE(streamsOfType(probed, "video").value(0).value("nb_read_frames").toString(),
             QString("1"));
}

void TestMp4Export::abortedExportLeavesTheFolderAsItWas_data() {
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("existing");
    for (const char* how : {"cancel", "source error", "source throws", "wrong frame size"}) {
        QTest::addRow("%s, new file", how) << QString(how) << false;
        QTest::addRow("%s, existing file", how) << QString(how) << true;
    }
}

void TestMp4Export::abortedExportLeavesTheFolderAsItWas() {
    QFETCH(QString, how);
    QFETCH(bool, existing);
    QTemporaryDir folder;
    const QString path = folder.filePath("portrait.mp4");
    const QByteArray old_content = "an earlier export, which must survive";
    if (existing) {
        QVERIFY(writeFile(path, old_content));
    }
    const QStringList before = folderEntries(folder.path());

    constexpr long long kFailAt = 20;  // of 33 frames at 25 fps
    ps::CancelToken cancel;
    long long calls = 0;
    const ps::FrameSource source = [&](long long index, double) -> ps::Result<cv::Mat> {
        ++calls;
        // Slow enough that the throttled progress callback gets several chances to cancel.
        std::this_thread::sleep_for(std::chrono::milliseconds(15));
        if (index == kFailAt) {
            if (how == "source error") {
                return ps::Error{ErrorKind::NoFace, "no face in frame 20"};
            }
            if (how == "source throws") {
                throw std::runtime_error("renderer exploded");
            }
            if (how == "wrong frame size") {
                return cv::Mat(kHeight, kWidth + 2, CV_8UC3, cv::Scalar::all(0));
            }
        }
        return frameFor(index);
    };
    const ps::ProgressFn progress = [&](const ps::Progress& p) {
        if (how == "cancel" && p.fraction >= 0.3) {
            cancel.cancel();
        }
    };
    const auto exported = ps::exportMp4(path.toStdString(), smallSettings(FrameRate::Fps25),
                                        toneClip(kToneFrames, 2), source, progress, cancel);
    QVERIFY(!exported.ok());
    const ps::Error& error = exported.error();
    if (how == "cancel") {
        QCOMPARE(error.kind, ErrorKind::Cancelled);
        QVERIFY2(calls > 1 && calls < 33, qPrintable(QString::number(calls)));
    } else if (how == "source error") {
        QCOMPARE(error.kind, ErrorKind::NoFace);
        QCOMPARE(QString::fromStdString(error.message), QString("no face in frame 20"));
        QCOMPARE(calls, kFailAt + 1);
    } else {
        QCOMPARE(error.kind, ErrorKind::Internal);
        QCOMPARE(calls, kFailAt + 1);
        if (how == "source throws") {
            QVERIFY2(QString::fromStdString(error.message).contains("renderer exploded"),
                     error.message.c_str());
        }
    }
    QCOMPARE(folderEntries(folder.path()), before);
    if (existing) {
        QCOMPARE(readAll(path), old_content);
    }
}

void TestMp4Export::unusableDestinationFailsBeforeAnyWork_data() {
    QTest::addColumn<QString>("relative_path");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("missing folder") << "missing/portrait.mp4" << kWidth << "does not exist";
    QTest::newRow("parent is a file") << "notes.txt/portrait.mp4" << kWidth << "not a folder";
    QTest::newRow("output is a folder") << "renders" << kWidth << "is a folder";
    QTest::newRow("odd width") << "portrait.mp4" << kWidth + 1 << "width";
}

void TestMp4Export::unusableDestinationFailsBeforeAnyWork() {
    QFETCH(QString, relative_path);
    QFETCH(int, width);
    QFETCH(QString, complaint);
    QTemporaryDir folder;
    QVERIFY(writeFile(folder.filePath("notes.txt"), "a file, not a folder"));
    QVERIFY(QDir(folder.path()).mkdir("renders"));
    const QStringList before = folderEntries(folder.path());

    ps::VideoSettings settings = smallSettings(FrameRate::Fps25);
    settings.width = width;
    SourceLog log;
    int progress_calls = 0;
    const auto exported = ps::exportMp4(
        folder.filePath(relative_path).toStdString(), settings, toneClip(kToneFrames, 2),
        recordingSource(log, FrameRate::Fps25), [&](const ps::Progress&) { ++progress_calls; },
        ps::CancelToken());
    QVERIFY(!exported.ok());
    QCOMPARE(exported.error().kind, ErrorKind::BadInput);
    QVERIFY2(QString::fromStdString(exported.error().message).contains(complaint),
             exported.error().message.c_str());
    QCOMPARE(log.calls.load(), 0LL);
    QCOMPARE(progress_calls, 0);
    QCOMPARE(folderEntries(folder.path()), before);
    QCOMPARE(folderEntries(folder.filePath("renders")), QStringList());
}

void TestMp4Export::unwritableFolderFailsBeforeAnyWork() {
    if (geteuid() == 0) {
        QSKIP("root writes to read-only folders; permissions cannot be tested as root");
    }
    QTemporaryDir folder;
    const QString locked = folder.filePath("locked");
    QVERIFY(QDir(folder.path()).mkdir("locked"));
    QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    SourceLog log;
    const auto exported =
        ps::exportMp4(QDir(locked).filePath("portrait.mp4").toStdString(),
                      smallSettings(FrameRate::Fps25), toneClip(kToneFrames, 2),
                      recordingSource(log, FrameRate::Fps25), nullptr, ps::CancelToken());
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!exported.ok());
    QCOMPARE(exported.error().kind, ErrorKind::BadInput);
    QCOMPARE(log.calls.load(), 0LL);
}

void TestMp4Export::progressRisesToOneAndIsThrottled() {
    QTemporaryDir folder;
    const QString path = folder.filePath("portrait.mp4");
    std::vector<ps::Progress> reports;
    bool file_in_place_at_one = false;
    SourceLog log;
    QElapsedTimer timer;
    timer.start();
    const auto exported = ps::exportMp4(
        path.toStdString(), smallSettings(FrameRate::Fps50), toneClip(kToneFrames, 2),
        recordingSource(log, FrameRate::Fps50, std::chrono::milliseconds(10)),
        [&](const ps::Progress& p) {
            reports.push_back(p);
            if (p.fraction >= 1.0) {
                file_in_place_at_one = QFileInfo::exists(path);
            }
        },
        ps::CancelToken());
    const qint64 elapsed_ms = timer.elapsed();
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());

    QVERIFY2(reports.size() >= 4, qPrintable(QString::number(reports.size())));
    for (size_t i = 1; i < reports.size(); ++i) {
        QVERIFY2(reports[i].fraction > reports[i - 1].fraction,
                 qPrintable(QString("report %1: %2 after %3")
                                .arg(i)
                                .arg(reports[i].fraction)
                                .arg(reports[i - 1].fraction)));
    }
    QVERIFY(reports.front().fraction >= 0.0 && reports.front().fraction < 0.1);
    QCOMPARE(reports.back().fraction, 1.0);
    QCOMPARE(reports.back().seconds_left, 0.0);
    QVERIFY(file_in_place_at_one);
    // 67 frames of 10 ms each: one report per frame would be 67; about ten a second is wanted.
    QVERIFY2(qint64(reports.size()) <= elapsed_ms / 100 + 3,
             qPrintable(QString("%1 reports in %2 ms").arg(reports.size()).arg(elapsed_ms)));
}

QTEST_GUILESS_MAIN(TestMp4Export)
#include "TestMp4Export.moc"
