// decodeAudio against fixtures the ffmpeg command line makes at run time: every sample format,
// rate, channel count, codec and container the studio promises, plus the files it must refuse.
#include <QDataStream>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>

#include "media/AudioDecoder.h"

using namespace ps;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kToneFrequency_hz = 440.0;
constexpr double kToneDuration_s = 1.5;
// lavfi's sine source always writes at 1/8 of full scale.
constexpr double kToneAmplitude = 0.125;
// Lossy codecs pad the last packet to a whole codec frame (AAC 1024 samples, MP3 1152: up to
// 26 ms at 44.1 kHz) and not every container records how much of it to trim, so a clip may come
// out up to one frame long. 30 ms admits that and still catches a lost or doubled packet.
constexpr double kDurationTolerance_s = 0.030;
// Lossy coding and resampling move the level by a few percent; a wrong downmix moves it by 30%
// (−3 dB) or more.
constexpr double kLevelTolerance = 0.12;

// One second from the middle of the tone: away from codec start-up and padding, and a whole
// number of 440 Hz cycles, so Goertzel's estimate is exact for a clean tone.
struct Window {
    int64_t first_frame;
    int64_t frame_count;
};
// Clipped to the buffer, so a clip that decoded short fails its checks instead of the test
// reading past the end.
Window middleSecond(const PcmBuffer& pcm) {
    const int64_t first = pcm.sample_rate_hz / 4;
    return {first, std::clamp<int64_t>(pcm.frameCount() - first, 0, pcm.sample_rate_hz)};
}

double channelRms(const PcmBuffer& pcm, int channel, Window window) {
    double sum = 0.0;
    for (int64_t i = 0; i < window.frame_count; ++i) {
        const double v = pcm.samples[(window.first_frame + i) * pcm.channels + channel];
        sum += v * v;
    }
    return window.frame_count > 0 ? std::sqrt(sum / static_cast<double>(window.frame_count)) : 0.0;
}

// Amplitude of the sinusoid at `frequency_hz` in a mono buffer, by Goertzel's recurrence.
double goertzelAmplitude(const PcmBuffer& mono, double frequency_hz, Window window) {
    const double coefficient = 2.0 * std::cos(2.0 * kPi * frequency_hz / mono.sample_rate_hz);
    double previous = 0.0;
    double before_previous = 0.0;
    for (int64_t i = 0; i < window.frame_count; ++i) {
        const double current =
            mono.samples[window.first_frame + i] + coefficient * previous - before_previous;
        before_previous = previous;
        previous = current;
    }
    const double power = previous * previous + before_previous * before_previous -
                         coefficient * previous * before_previous;
    return window.frame_count > 0
               ? 2.0 * std::sqrt(std::max(power, 0.0)) / static_cast<double>(window.frame_count)
               : 0.0;
}

// The strongest frequency between 100 Hz and 2 kHz, to the nearest hertz.
double dominantFrequency_hz(const PcmBuffer& mono) {
    const Window window = middleSecond(mono);
    double best_frequency = 0.0;
    double best_amplitude = -1.0;
    for (int f = 100; f <= 2000; ++f) {
        const double amplitude = goertzelAmplitude(mono, f, window);
        if (amplitude > best_amplitude) {
            best_amplitude = amplitude;
            best_frequency = f;
        }
    }
    return best_frequency;
}

QStringList toneInput(int rate_hz) {
    return {"-f", "lavfi", "-i",
            QString("sine=frequency=%1:sample_rate=%2:duration=%3")
                .arg(kToneFrequency_hz)
                .arg(rate_hz)
                .arg(kToneDuration_s)};
}

// The tone copied into every channel, so that a correct downmix keeps its level exactly.
QStringList toneInEveryChannel(int channels) {
    if (channels == 1) {
        return {};
    }
    const QString layout = channels == 2 ? "stereo" : channels == 6 ? "5.1" : "7.1";
    QStringList routes;
    for (int c = 0; c < channels; ++c) {
        routes << QString("c%1=c0").arg(c);
    }
    return {"-af", "pan=" + layout + "|" + routes.join('|')};
}

QStringList silentVideoInput() {
    return {"-f", "lavfi", "-i", QString("color=c=red:s=64x64:d=%1").arg(kToneDuration_s)};
}

enum class BadFile {
    Missing,
    Empty,
    Folder,
    RandomBytes,
    Text,
    TruncatedWavHeader,
    NoSamples,
    VideoOnly,
    PngImage
};

}  // namespace

Q_DECLARE_METATYPE(BadFile)

class TestAudioDecoder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void decodesTone_data();
    void decodesTone();
    void readsUnspecifiedChannelLayout();
    void keepsWhatWasReadFromTruncatedFile();
    void refusesBadFile_data();
    void refusesBadFile();
    void stopsWhenCancelled();
    void decodesBundledVoiceSample();

private:
    QString makeWithFfmpeg(const QString& name, const QStringList& arguments);
    QString writeFile(const QString& name, const QByteArray& bytes);

    QTemporaryDir dir_;
};

void TestAudioDecoder::initTestCase() {
    QVERIFY2(dir_.isValid(), qPrintable(dir_.errorString()));
    QProcess probe;
    probe.start("ffmpeg", {"-version"});
    QVERIFY2(probe.waitForFinished(30000) && probe.exitCode() == 0,
             "the ffmpeg command line makes this suite's fixtures; install it");
}

QString TestAudioDecoder::makeWithFfmpeg(const QString& name, const QStringList& arguments) {
    const QString path = dir_.filePath(name);
    if (QFile::exists(path)) {
        return path;
    }
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg",
                 QStringList{"-v", "error", "-nostdin", "-y"} + arguments + QStringList{path});
    if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0) {
        qWarning().noquote() << "ffmpeg" << arguments.join(' ')
                             << "failed:" << ffmpeg.readAllStandardError();
        QFile::remove(path);
        return {};
    }
    return path;
}

QString TestAudioDecoder::writeFile(const QString& name, const QByteArray& bytes) {
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        return {};
    }
    return path;
}

void TestAudioDecoder::decodesTone_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rate_hz");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QStringList>("audio_codec");
    QTest::addColumn<QStringList>("video_codec");  // empty: an audio-only file
    QTest::addColumn<QString>("codec");

    auto row = [](const char* name, const char* file, int rate, int channels, const char* encoder,
                  const char* codec, const QStringList& video_codec = {}) {
        QTest::newRow(name) << file << rate << channels << QStringList{"-c:a", encoder}
                            << video_codec << codec;
    };
    // Sample formats.
    row("wav u8", "u8.wav", 44100, 1, "pcm_u8", "pcm_u8");
    row("wav s16", "s16.wav", 44100, 1, "pcm_s16le", "pcm_s16le");
    row("wav s24", "s24.wav", 44100, 1, "pcm_s24le", "pcm_s24le");
    row("wav s32", "s32.wav", 44100, 1, "pcm_s32le", "pcm_s32le");
    row("wav f32", "f32.wav", 44100, 1, "pcm_f32le", "pcm_f32le");
    // Rates below, at and above both output rates.
    row("wav 8000 Hz", "rate8000.wav", 8000, 1, "pcm_s16le", "pcm_s16le");
    row("wav 22050 Hz", "rate22050.wav", 22050, 1, "pcm_s16le", "pcm_s16le");
    row("wav 48000 Hz", "rate48000.wav", 48000, 1, "pcm_s16le", "pcm_s16le");
    row("wav 96000 Hz", "rate96000.wav", 96000, 1, "pcm_s16le", "pcm_s16le");
    // Channel counts: mono stays mono, the rest fold to stereo.
    row("wav stereo", "stereo.wav", 48000, 2, "pcm_s16le", "pcm_s16le");
    row("wav 5.1", "surround6.wav", 48000, 6, "pcm_s16le", "pcm_s16le");
    row("wav 7.1", "surround8.wav", 48000, 8, "pcm_s24le", "pcm_s24le");
    // Compressed audio files.
    row("mp3", "tone.mp3", 44100, 2, "libmp3lame", "mp3");
    row("flac 5.1", "tone.flac", 48000, 6, "flac", "flac");
    row("ogg vorbis", "vorbis.ogg", 44100, 2, "libvorbis", "vorbis");
    row("ogg opus", "opus.ogg", 48000, 2, "libopus", "opus");
    row("m4a aac", "tone.m4a", 44100, 1, "aac", "aac");
    // Video files.
    const QStringList h264{"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"};
    const QStringList vp9{"-c:v", "libvpx-vp9", "-deadline", "realtime"};
    row("mp4 h264+aac", "video.mp4", 48000, 2, "aac", "aac", h264);
    row("mov h264+aac", "video.mov", 44100, 1, "aac", "aac", h264);
    row("mkv h264+flac 5.1", "video.mkv", 48000, 6, "flac", "flac", h264);
    row("webm vp9+opus", "video.webm", 48000, 2, "libopus", "opus", vp9);
}

void TestAudioDecoder::decodesTone() {
    QFETCH(QString, file);
    QFETCH(int, rate_hz);
    QFETCH(int, channels);
    QFETCH(QStringList, audio_codec);
    QFETCH(QStringList, video_codec);
    QFETCH(QString, codec);

    // The video is the first input and the first output stream, so the decoder has to look for
    // the audio rather than take stream 0.
    QStringList arguments;
    if (!video_codec.isEmpty()) {
        arguments << silentVideoInput();
    }
    arguments << toneInput(rate_hz) << toneInEveryChannel(channels) << audio_codec;
    if (!video_codec.isEmpty()) {
        arguments << video_codec << QStringList{"-map", "0:v", "-map", "1:a"};
    }
    const QString path = makeWithFfmpeg(file, arguments);
    QVERIFY2(!path.isEmpty(), "could not make the fixture");

    const Result<AudioClip> clip = decodeAudio(path.toStdString());
    QVERIFY2(clip.ok(), clip.ok() ? "" : clip.error().message.c_str());

    QCOMPARE(QString::fromStdString(clip->source.path), path);
    QCOMPARE(QString::fromStdString(clip->source.codec_name), codec);
    QCOMPARE(clip->source.sample_rate_hz, rate_hz);
    QCOMPARE(clip->source.channels, channels);

    const PcmBuffer& analysis = clip->analysis;
    const PcmBuffer& playback = clip->playback;
    QCOMPARE(analysis.sample_rate_hz, kAnalysisSampleRate_hz);
    QCOMPARE(analysis.channels, 1);
    QCOMPARE(playback.sample_rate_hz, kPlaybackSampleRate_hz);
    QCOMPARE(playback.channels, channels == 1 ? 1 : 2);
    QVERIFY2(std::abs(analysis.duration_s() - kToneDuration_s) <= kDurationTolerance_s,
             qPrintable(QString("analysis lasts %1 s").arg(analysis.duration_s())));
    QVERIFY2(std::abs(playback.duration_s() - kToneDuration_s) <= kDurationTolerance_s,
             qPrintable(QString("playback lasts %1 s").arg(playback.duration_s())));
    QCOMPARE(clip->duration_s(), playback.duration_s());
    const bool lossless = codec.startsWith("pcm_") || codec == "flac";
    if (lossless) {
        // No codec padding to excuse a difference: a resampler tail that was not flushed, or a
        // first packet dropped, shows up here as missing frames.
        QVERIFY(std::abs(analysis.frameCount() - 24000) <= 1);
        QVERIFY(std::abs(playback.frameCount() - 72000) <= 1);
    }

    QVERIFY(std::abs(dominantFrequency_hz(analysis) - kToneFrequency_hz) <= 5.0);
    const double tone = goertzelAmplitude(analysis, kToneFrequency_hz, middleSecond(analysis));
    QVERIFY2(std::abs(tone / kToneAmplitude - 1.0) <= kLevelTolerance,
             qPrintable(QString("tone amplitude %1").arg(tone)));
    const double expected_rms = kToneAmplitude / std::sqrt(2.0);
    const double analysis_rms = channelRms(analysis, 0, middleSecond(analysis));
    QVERIFY2(std::abs(analysis_rms / expected_rms - 1.0) <= kLevelTolerance,
             qPrintable(QString("analysis RMS %1").arg(analysis_rms)));
    for (int c = 0; c < playback.channels; ++c) {
        const double rms = channelRms(playback, c, middleSecond(playback));
        QVERIFY2(std::abs(rms / expected_rms - 1.0) <= kLevelTolerance,
                 qPrintable(QString("playback channel %1 RMS %2").arg(c).arg(rms)));
    }
}

// A plain (not WAVE_FORMAT_EXTENSIBLE) WAV with three channels carries no channel layout.
void TestAudioDecoder::readsUnspecifiedChannelLayout() {
    constexpr int rate = 48000;
    constexpr int channels = 3;
    const int frames = static_cast<int>(kToneDuration_s * rate);
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    const quint32 data_size = frames * channels * 2;
    out.writeRawData("RIFF", 4);
    out << quint32(36 + data_size);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(channels) << quint32(rate)
        << quint32(rate * channels * 2) << quint16(channels * 2) << quint16(16);
    out.writeRawData("data", 4);
    out << data_size;
    for (int i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / rate;
        const auto value = static_cast<qint16>(
            std::lround(32767.0 * kToneAmplitude * std::sin(2.0 * kPi * kToneFrequency_hz * t)));
        for (int c = 0; c < channels; ++c) {
            out << value;
        }
    }
    const QString path = writeFile("three-channels.wav", bytes);
    QVERIFY(!path.isEmpty());

    const Result<AudioClip> clip = decodeAudio(path.toStdString());
    QVERIFY2(clip.ok(), clip.ok() ? "" : clip.error().message.c_str());
    QCOMPARE(clip->source.channels, 3);
    QCOMPARE(clip->playback.channels, 2);
    QCOMPARE(clip->playback.frameCount(), static_cast<int64_t>(frames));
    const double expected_rms = kToneAmplitude / std::sqrt(2.0);
    QVERIFY(std::abs(channelRms(clip->analysis, 0, middleSecond(clip->analysis)) / expected_rms -
                     1.0) <= kLevelTolerance);
    QVERIFY(std::abs(dominantFrequency_hz(clip->analysis) - kToneFrequency_hz) <= 5.0);
}

// A download cut short still plays up to the cut, as it does in any media player.
void TestAudioDecoder::keepsWhatWasReadFromTruncatedFile() {
    const QString path =
        makeWithFfmpeg("whole.wav", toneInput(44100) + QStringList{"-c:a", "pcm_s16le"});
    QVERIFY(!path.isEmpty());
    QFile whole(path);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cut = writeFile("cut.wav", bytes.left(bytes.size() / 2));

    const Result<AudioClip> clip = decodeAudio(cut.toStdString());
    QVERIFY2(clip.ok(), clip.ok() ? "" : clip.error().message.c_str());
    QVERIFY2(std::abs(clip->duration_s() - kToneDuration_s / 2) < 0.01,
             qPrintable(QString("lasts %1 s").arg(clip->duration_s())));
}

void TestAudioDecoder::refusesBadFile_data() {
    QTest::addColumn<BadFile>("bad_file");
    QTest::addColumn<QString>("problem");

    QTest::newRow("missing") << BadFile::Missing << "file does not exist";
    QTest::newRow("empty") << BadFile::Empty << "file is empty";
    QTest::newRow("folder") << BadFile::Folder << "is a folder";
    // What FFmpeg makes of noise depends on its version; any one-line refusal will do.
    QTest::newRow("random bytes") << BadFile::RandomBytes << "";
    QTest::newRow("text") << BadFile::Text << "not a media file FFmpeg can read (";
    QTest::newRow("truncated wav header")
        << BadFile::TruncatedWavHeader << "not a media file FFmpeg can read (";
    QTest::newRow("wav without samples") << BadFile::NoSamples << "contains no audio samples";
    QTest::newRow("video without audio") << BadFile::VideoOnly << "has no audio stream";
    QTest::newRow("png image") << BadFile::PngImage << "has no audio stream";
}

void TestAudioDecoder::refusesBadFile() {
    QFETCH(BadFile, bad_file);
    QFETCH(QString, problem);

    QString path;
    switch (bad_file) {
        case BadFile::Missing:
            path = dir_.filePath("nowhere.wav");
            break;
        case BadFile::Empty:
            path = writeFile("empty.wav", {});
            break;
        case BadFile::Folder:
            path = dir_.filePath("folder.wav");
            QVERIFY(QDir().mkpath(path));
            break;
        case BadFile::RandomBytes: {
            std::mt19937 generator(20240611);
            QByteArray noise(16384, Qt::Uninitialized);
            for (char& byte : noise) {
                byte = static_cast<char>(generator() & 0xFF);
            }
            path = writeFile("noise.mp3", noise);
            break;
        }
        case BadFile::Text:
            path = writeFile("notes.wav", "Remember to record the voice track again tomorrow.\n");
            break;
        case BadFile::TruncatedWavHeader: {
            const QString whole = makeWithFfmpeg(
                "header-source.wav", toneInput(8000) + QStringList{"-c:a", "pcm_s16le"});
            QFile file(whole);
            QVERIFY(file.open(QIODevice::ReadOnly));
            path = writeFile("header-only.wav", file.read(20));
            break;
        }
        case BadFile::NoSamples:
            path = makeWithFfmpeg("no-samples.wav", toneInput(8000) + QStringList{"-t", "0"});
            break;
        case BadFile::VideoOnly:
            path = makeWithFfmpeg(
                "silent.mp4",
                silentVideoInput() + QStringList{"-c:v", "libx264", "-preset", "ultrafast"});
            break;
        case BadFile::PngImage:
            path =
                makeWithFfmpeg("picture.png", silentVideoInput() + QStringList{"-frames:v", "1"});
            break;
    }
    QVERIFY2(!path.isEmpty(), "could not make the fixture");

    const Result<AudioClip> clip = decodeAudio(path.toStdString());
    QVERIFY(!clip.ok());
    const QString message = QString::fromStdString(clip.error().message);
    QCOMPARE(clip.error().kind, ErrorKind::BadInput);
    QVERIFY2(message.startsWith(path + ": "), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
}

void TestAudioDecoder::stopsWhenCancelled() {
    const QString path =
        makeWithFfmpeg("cancel.wav", toneInput(48000) + QStringList{"-c:a", "pcm_s16le"});
    QVERIFY(!path.isEmpty());
    CancelToken token;
    token.cancel();

    const Result<AudioClip> clip = decodeAudio(path.toStdString(), token);
    QVERIFY(!clip.ok());
    QCOMPARE(clip.error().kind, ErrorKind::Cancelled);
}

void TestAudioDecoder::decodesBundledVoiceSample() {
    const std::string path = PS_SAMPLES_DIR "/voice.wav";
    const Result<AudioClip> clip = decodeAudio(path);
    QVERIFY2(clip.ok(), clip.ok() ? "" : clip.error().message.c_str());
    QCOMPARE(clip->source.codec_name, std::string("pcm_s16le"));
    QCOMPARE(clip->source.sample_rate_hz, 22050);
    QCOMPARE(clip->source.channels, 1);
    QCOMPARE(clip->playback.channels, 1);
    // 161,675 samples at 22.05 kHz; resampling may round by a sample at either rate.
    QVERIFY(std::abs(clip->duration_s() - 7.3322) < 0.001);
    QVERIFY(std::abs(clip->analysis.duration_s() - 7.3322) < 0.001);
    const Window whole{0, clip->analysis.frameCount()};
    QVERIFY2(channelRms(clip->analysis, 0, whole) > 0.02, "the voice decoded to near silence");
}

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "TestAudioDecoder.moc"
