// Mp4Writer on its own: what it refuses before touching the disk, where its temporary file lives
// and when it disappears, and that the audio it is given comes back sample for sample.
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include "TestMp4Support.h"
#include "media/Mp4Writer.h"

using namespace mp4test;
using ps::ErrorKind;
using ps::FrameRate;
using ps::Mp4Writer;

namespace {

std::unique_ptr<Mp4Writer> openOrFail(const QString& path, const ps::VideoSettings& settings,
                                      int channels, int rate_hz = 48000) {
    auto opened = Mp4Writer::open(path.toStdString(), settings, channels, rate_hz);
    if (!opened) {
        qWarning("open failed: %s", opened.error().message.c_str());
        return nullptr;
    }
    return std::move(opened.value());
}

// Writes `frames` video frames and `clip`'s audio, in pieces of `chunk` sample frames spread
// over the video frames.
bool writeContent(Mp4Writer& writer, long long frames, const ps::AudioClip* clip, long long chunk) {
    long long audio_done = 0;
    const long long audio_total = clip != nullptr ? clip->playback.frameCount() : 0;
    for (long long i = 0; i < frames; ++i) {
        if (!writer.writeVideoFrame(frameFor(i))) {
            return false;
        }
        const long long audio_until = audio_total * (i + 1) / frames;
        while (audio_done < audio_until) {
            const long long n = std::min(chunk, audio_until - audio_done);
            const float* from =
                clip->playback.samples.data() + audio_done * clip->playback.channels;
            if (!writer.writeAudio(from, n)) {
                return false;
            }
            audio_done += n;
        }
    }
    return true;
}

}  // namespace

class TestMp4Writer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void openRejectsBeforeTouchingTheDisk_data();
    void openRejectsBeforeTouchingTheDisk();
    void openRejectsAFolderItCannotWrite();
    void temporaryFileLivesBesideTheDestination();
    void unfinishedWriterRemovesItsTemporaryFile();
    void existingFileIsReplacedOnlyByFinish();
    void twoWritersToOneDestinationDoNotCollide();
    void wrongFramesAreRefusedWithoutHarm_data();
    void wrongFramesAreRefusedWithoutHarm();
    void framesWithPaddedRowsEncodeCorrectly();
    void audioComesBackSampleForSample_data();
    void audioComesBackSampleForSample();
    void videoWithoutSound();
    void nothingCanBeAddedAfterFinish();
    void relativeOutputPath();
    void longFileName();

private:
    QTemporaryDir dir_;
};

void TestMp4Writer::initTestCase() {
    if (!haveFfmpegTools()) {
        QSKIP("ffprobe and ffmpeg are needed to look at the written files");
    }
    QVERIFY(dir_.isValid());
}

void TestMp4Writer::openRejectsBeforeTouchingTheDisk_data() {
    QTest::addColumn<QString>("relative_path");  // inside a fresh folder
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("rate_hz");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("odd width") << "out.mp4" << 63 << 2 << 48000 << "width";
    QTest::newRow("missing folder") << "missing/out.mp4" << 64 << 2 << 48000 << "does not exist";
    QTest::newRow("parent is a file") << "file.txt/out.mp4" << 64 << 2 << 48000 << "not a folder";
    QTest::newRow("output is a folder") << "folder" << 64 << 2 << 48000 << "is a folder";
    QTest::newRow("output is a folder with a slash")
        << "folder/" << 64 << 2 << 48000 << "is a folder";
    QTest::newRow("three channels") << "out.mp4" << 64 << 3 << 48000 << "stereo";
    QTest::newRow("no sample rate") << "out.mp4" << 64 << 1 << 0 << "sample rate";
    QTest::newRow("rate AAC cannot carry") << "out.mp4" << 64 << 2 << 12345 << "12345 Hz";
}

void TestMp4Writer::openRejectsBeforeTouchingTheDisk() {
    QFETCH(QString, relative_path);
    QFETCH(int, width);
    QFETCH(int, channels);
    QFETCH(int, rate_hz);
    QFETCH(QString, complaint);
    QTemporaryDir folder;
    QVERIFY(writeFile(folder.filePath("file.txt"), "not a folder"));
    QVERIFY(QDir(folder.path()).mkdir("folder"));
    const QStringList before = folderEntries(folder.path());

    ps::VideoSettings settings = smallSettings(FrameRate::Fps25);
    settings.width = width;
    const QString path = folder.filePath(relative_path);
    auto opened = Mp4Writer::open(path.toStdString(), settings, channels, rate_hz);
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(opened.error().message);
    QVERIFY2(message.contains(complaint), qPrintable(message));
    QVERIFY2(message.startsWith(path), qPrintable(message));
    QCOMPARE(folderEntries(folder.path()), before);
    QCOMPARE(folderEntries(folder.filePath("folder")), QStringList());
}

void TestMp4Writer::openRejectsAFolderItCannotWrite() {
    if (geteuid() == 0) {
        QSKIP("root writes to read-only folders; permissions cannot be tested as root");
    }
    QTemporaryDir folder;
    const QString locked = folder.filePath("locked");
    QVERIFY(QDir(folder.path()).mkdir("locked"));
    QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    auto opened = Mp4Writer::open(QDir(locked).filePath("out.mp4").toStdString(),
                                  smallSettings(FrameRate::Fps25), 2, 48000);
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::BadInput);
    QVERIFY2(QString::fromStdString(opened.error().message).contains("cannot write to the folder"),
             opened.error().message.c_str());
}

void TestMp4Writer::temporaryFileLivesBesideTheDestination() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 2);
    QVERIFY(writer);
    QCOMPARE(QString::fromStdString(writer->outputPath()), path);
    const QFileInfo temporary(QString::fromStdString(writer->temporaryPath()));
    QCOMPARE(temporary.absolutePath(), QFileInfo(path).absolutePath());
    QVERIFY2(
        temporary.fileName().startsWith(".clip.mp4.") && temporary.fileName().endsWith(".part"),
        qPrintable(temporary.fileName()));
    QVERIFY(temporary.exists());
    QVERIFY(!QFileInfo::exists(path));

    QVERIFY(writeContent(*writer, 5, nullptr, 0));
    QVERIFY(writer->finish());
    QVERIFY(!QFileInfo::exists(temporary.filePath()));
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(folderEntries(folder.path()), QStringList{"clip.mp4"});
    // The export gets the permissions of any new file (umask applied), not a private 0600.
    const QString reference = folder.filePath("reference");
    QVERIFY(writeFile(reference, "x"));
    QCOMPARE(QFileInfo(path).permissions(), QFileInfo(reference).permissions());
}

void TestMp4Writer::unfinishedWriterRemovesItsTemporaryFile() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    const ps::AudioClip clip = toneClip(48000, 2);
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 2);
    QVERIFY(writer);
    const QString temporary = QString::fromStdString(writer->temporaryPath());
    QVERIFY(writeContent(*writer, 25, &clip, 4800));
    QVERIFY(QFileInfo(temporary).size() > 0);
    writer.reset();
    QCOMPARE(folderEntries(folder.path()), QStringList());
}

void TestMp4Writer::existingFileIsReplacedOnlyByFinish() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    const QByteArray old_content = "an earlier export";
    QVERIFY(writeFile(path, old_content));
    const ps::AudioClip clip = toneClip(24000, 1);
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 1);
    QVERIFY(writer);
    QVERIFY(writeContent(*writer, 13, &clip, 1000));
    QCOMPARE(readAll(path), old_content);
    QVERIFY(writer->finish());
    QVERIFY(readAll(path) != old_content);
    QCOMPARE(folderEntries(folder.path()), QStringList{"clip.mp4"});
    QCOMPARE(streamsOfType(probe(path), "video").size(), 1);
}

void TestMp4Writer::twoWritersToOneDestinationDoNotCollide() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    auto first = openOrFail(path, smallSettings(FrameRate::Fps25), 0);
    auto second = openOrFail(path, smallSettings(FrameRate::Fps30), 0);
    QVERIFY(first && second);
    QVERIFY(first->temporaryPath() != second->temporaryPath());
    QVERIFY(writeContent(*first, 10, nullptr, 0));
    QVERIFY(writeContent(*second, 20, nullptr, 0));
    QVERIFY(first->finish());
    QVERIFY(second->finish());
    // The last one to finish wins, whole.
    const QJsonObject probed = probe(path, true);
    const QList<QJsonObject> video = streamsOfType(probed, "video");
    QCOMPARE(video.size(), 1);
    QCOMPARE(video[0].value("nb_read_frames").toString(), QString("20"));
    QCOMPARE(video[0].value("r_frame_rate").toString(), QString("30/1"));
    QCOMPARE(folderEntries(folder.path()), QStringList{"clip.mp4"});
}

void TestMp4Writer::wrongFramesAreRefusedWithoutHarm_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("type");
    QTest::newRow("empty") << 0 << 0 << CV_8UC3;
    QTest::newRow("too wide") << kWidth + 2 << kHeight << CV_8UC3;
    QTest::newRow("too short") << kWidth << kHeight - 2 << CV_8UC3;
    QTest::newRow("gray") << kWidth << kHeight << CV_8UC1;
    QTest::newRow("with alpha") << kWidth << kHeight << CV_8UC4;
    QTest::newRow("float") << kWidth << kHeight << CV_32FC3;
}

void TestMp4Writer::wrongFramesAreRefusedWithoutHarm() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, type);
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 0);
    QVERIFY(writer);
    QVERIFY(writer->writeVideoFrame(frameFor(0)));
    const cv::Mat wrong = width > 0 ? cv::Mat(height, width, type, cv::Scalar::all(1)) : cv::Mat();
    const ps::Status refused = writer->writeVideoFrame(wrong);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Internal);
    QVERIFY2(QString::fromStdString(refused.error().message).contains("64x48"),
             refused.error().message.c_str());
    QCOMPARE(writer->videoFramesWritten(), 1LL);
    // A refused frame is not written and does not spoil the file.
    QVERIFY(writer->writeVideoFrame(frameFor(1)));
    QVERIFY(writer->finish());
    const std::vector<cv::Scalar> colours = decodeFrameColours(path);
    QCOMPARE(colours.size(), size_t(2));
    QCOMPARE(indexOfColour(colours[0]), 0LL);
    QCOMPARE(indexOfColour(colours[1]), 1LL);
}

void TestMp4Writer::framesWithPaddedRowsEncodeCorrectly() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 0);
    QVERIFY(writer);
    // A view into a wider image: rows are longer than the frame, as for a cropped render.
    cv::Mat wide(kHeight + 10, kWidth + 30, CV_8UC3, cv::Scalar(255, 255, 255));
    for (long long i = 0; i < 3; ++i) {
        cv::Mat view = wide(cv::Rect(7, 5, kWidth, kHeight));
        view.setTo(colourOf(i));
        QVERIFY(!view.isContinuous());
        QVERIFY(writer->writeVideoFrame(view));
    }
    QVERIFY(writer->finish());
    const std::vector<cv::Scalar> colours = decodeFrameColours(path);
    QCOMPARE(colours.size(), size_t(3));
    for (long long i = 0; i < 3; ++i) {
        QCOMPARE(indexOfColour(colours[size_t(i)]), i);
    }
}

void TestMp4Writer::audioComesBackSampleForSample_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("rate_hz");
    QTest::addColumn<qlonglong>("sample_frames");
    QTest::addColumn<qlonglong>("chunk");
    QTest::newRow("stereo, partial last frame") << 2 << 48000 << 50000LL << 4800LL;
    QTest::newRow("mono, whole frames, one call") << 1 << 48000 << 1024LL * 40 << 1024LL * 40;
    QTest::newRow("stereo, less than one frame") << 2 << 48000 << 700LL << 700LL;
    QTest::newRow("stereo, odd pieces") << 2 << 48000 << 33333LL << 997LL;
    QTest::newRow("stereo 44.1 kHz") << 2 << 44100 << 44100LL << 3000LL;
}

void TestMp4Writer::audioComesBackSampleForSample() {
    QFETCH(int, channels);
    QFETCH(int, rate_hz);
    QFETCH(qlonglong, sample_frames);
    QFETCH(qlonglong, chunk);
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    const ps::AudioClip clip = toneClip(sample_frames, channels, rate_hz);
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), channels, rate_hz);
    QVERIFY(writer);
    const long long frames = std::max(1LL, sample_frames * 25 / rate_hz);
    QVERIFY(writeContent(*writer, frames, &clip, chunk));
    QVERIFY(writer->finish());

    const QList<QJsonObject> audio = streamsOfType(probe(path), "audio");
    QCOMPARE(audio.size(), 1);
    QCOMPARE(audio[0].value("codec_name").toString(), QString("aac"));
    QCOMPARE(audio[0].value("sample_rate").toString(), QString::number(rate_hz));
    QCOMPARE(audio[0].value("channels").toInt(), channels);

    // The edit list hides the encoder's priming and padding: the track lasts exactly as many
    // samples as went in.
    QCOMPARE(qlonglong(numberField(audio[0], "duration_ts")), sample_frames);
    QCOMPARE(audio[0].value("time_base").toString(), QString("1/%1").arg(rate_hz));

    // FFmpeg's decoder skips the priming but, ignoring the edit list's end, delivers the last
    // AAC frame whole; the samples must still be the clip's, at the same positions.
    const std::vector<float> decoded = decodeAudio(path);
    QVERIFY2(qlonglong(decoded.size()) >= sample_frames * channels &&
                 qlonglong(decoded.size()) < (sample_frames + 1024) * channels,
             qPrintable(QString::number(decoded.size())));
    // AAC is lossy, so compare by signal-to-noise ratio; a shift of even one sample would make
    // a neighbouring lag fit better than zero.
    const long long from = std::min(1024LL, sample_frames / 4);
    const long long to = sample_frames - 16;
    auto snrAtLag = [&](long long lag) {
        double signal = 0.0;
        double noise = 0.0;
        for (long long i = from; i < to; ++i) {
            for (int c = 0; c < channels; ++c) {
                const double expected = toneSample(i, c, rate_hz);
                const double error = decoded[size_t((i + lag) * channels + c)] - expected;
                signal += expected * expected;
                noise += error * error;
            }
        }
        return 10.0 * std::log10(signal / std::max(noise, 1e-20));
    };
    const double snr_db = snrAtLag(0);
    // FFmpeg's own AAC encoder gets about 30 dB on these tones at 192 kb/s (47 dB in mono);
    // a clip shorter than a frame is mostly onset and cut-off.
    QVERIFY2(snr_db > 18.0, qPrintable(QString::number(snr_db)));
    QVERIFY(snr_db > snrAtLag(-1) && snr_db > snrAtLag(1));
}

void TestMp4Writer::videoWithoutSound() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps24), 0);
    QVERIFY(writer);
    const float sample = 0.0f;
    QVERIFY(!writer->writeAudio(&sample, 1));
    QVERIFY(writeContent(*writer, 12, nullptr, 0));
    QVERIFY(writer->finish());
    const QJsonObject probed = probe(path);
    QCOMPARE(probed.value("streams").toArray().size(), 1);
    QCOMPARE(streamsOfType(probed, "video").size(), 1);
    QCOMPARE(topLevelBoxes(path).indexOf("moov") < topLevelBoxes(path).indexOf("mdat"), true);
}

void TestMp4Writer::nothingCanBeAddedAfterFinish() {
    QTemporaryDir folder;
    const QString path = folder.filePath("clip.mp4");
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 1);
    QVERIFY(writer);
    QVERIFY(writeContent(*writer, 2, nullptr, 0));
    QVERIFY(writer->finish());
    const QByteArray written = readAll(path);
    const float sample = 0.0f;
    QVERIFY(!writer->writeVideoFrame(frameFor(2)));
    QVERIFY(!writer->writeAudio(&sample, 1));
    QVERIFY(!writer->finish());
    writer.reset();
    // The finished file survives its writer.
    QCOMPARE(readAll(path), written);
}

void TestMp4Writer::relativeOutputPath() {
    QTemporaryDir folder;
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(folder.path()));
    auto writer = openOrFail("clip:1.mp4", smallSettings(FrameRate::Fps25), 2);
    const bool opened = writer != nullptr;
    const bool finished = opened && writeContent(*writer, 3, nullptr, 0) && writer->finish();
    writer.reset();
    QDir::setCurrent(previous);
    QVERIFY(opened);
    QVERIFY(finished);
    QCOMPARE(folderEntries(folder.path()), QStringList{"clip:1.mp4"});
    QCOMPARE(streamsOfType(probe(folder.filePath("clip:1.mp4")), "video").size(), 1);
}

void TestMp4Writer::longFileName() {
    QTemporaryDir folder;
    // 250 bytes, close to the usual limit of 255: the temporary name must not exceed it.
    const QString name = QString(246, 'n') + ".mp4";
    const QString path = folder.filePath(name);
    auto writer = openOrFail(path, smallSettings(FrameRate::Fps25), 0);
    QVERIFY(writer);
    QVERIFY(QFileInfo(QString::fromStdString(writer->temporaryPath())).fileName().size() <= 255);
    QVERIFY(writeContent(*writer, 2, nullptr, 0));
    QVERIFY(writer->finish());
    QCOMPARE(folderEntries(folder.path()), QStringList{name});
}

QTEST_GUILESS_MAIN(TestMp4Writer)
#include "TestMp4Writer.moc"
