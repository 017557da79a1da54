// Fixtures shared by the MP4 tests: a synthetic voice and frame source whose content can be
// recognised after the round trip, and readers that look at a written file the way a player
// would (ffprobe, ffmpeg, the file's top-level boxes).
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QtEndian>
#include <cmath>
#include <cstring>
#include <opencv2/core.hpp>
#include <vector>

#include "media/AudioClip.h"
#include "media/FrameRate.h"
#include "media/VideoSettings.h"

namespace mp4test {

constexpr int kWidth = 64;
constexpr int kHeight = 48;
constexpr double kPi = 3.14159265358979323846;

inline bool haveFfmpegTools() {
    return !QStandardPaths::findExecutable("ffprobe").isEmpty() &&
           !QStandardPaths::findExecutable("ffmpeg").isEmpty();
}

inline ps::VideoSettings smallSettings(ps::FrameRate fps, const char* preset = "ultrafast") {
    ps::VideoSettings settings;
    settings.width = kWidth;
    settings.height = kHeight;
    settings.fps = fps;
    settings.crf = 18;
    settings.preset = preset;
    settings.audio_bitrate_bps = 192000;
    return settings;
}

// Sample `i` of channel `c`: a different tone per channel, so swapped or shifted channels show.
inline float toneSample(int64_t i, int c, int sample_rate_hz) {
    const double frequency_hz = c == 0 ? 440.0 : 660.0;
    return static_cast<float>(0.5 * std::sin(2.0 * kPi * frequency_hz * i / sample_rate_hz));
}

inline ps::AudioClip toneClip(int64_t frames, int channels, int sample_rate_hz = 48000) {
    ps::AudioClip clip;
    clip.source.path = "tone.wav";
    clip.playback.sample_rate_hz = sample_rate_hz;
    clip.playback.channels = channels;
    clip.playback.samples.resize(static_cast<size_t>(frames * channels));
    for (int64_t i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) {
            clip.playback.samples[static_cast<size_t>(i * channels + c)] =
                toneSample(i, c, sample_rate_hz);
        }
    }
    return clip;
}

// A flat colour that names the frame: blue and green levels 17 apart, so compression noise of a
// few levels cannot turn one frame into another. Distinct for the first 225 frames.
inline cv::Scalar colourOf(long long index) {
    return cv::Scalar(8 + 17 * double(index % 15), 8 + 17 * double((index / 15) % 15), 128);
}

inline cv::Mat frameFor(long long index) {
    return cv::Mat(kHeight, kWidth, CV_8UC3, colourOf(index));
}

// The frame index whose colour is nearest, or -1 when none is close.
inline long long indexOfColour(const cv::Scalar& colour) {
    for (long long i = 0; i < 225; ++i) {
        const cv::Scalar expected = colourOf(i);
        if (std::abs(colour[0] - expected[0]) < 6 && std::abs(colour[1] - expected[1]) < 6 &&
            std::abs(colour[2] - expected[2]) < 6) {
            return i;
        }
    }
    return -1;
}

inline QByteArray runTool(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program),
                 qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
        return {};
    }
    return process.readAllStandardOutput();
}

// ffprobe's view of the file; with `count_frames`, every stream is decoded and counted.
inline QJsonObject probe(const QString& path, bool count_frames = false) {
    QStringList arguments{"-v", "error", "-show_streams", "-show_format", "-of", "json"};
    if (count_frames) {
        arguments << "-count_frames";
    }
    arguments << path;
    return QJsonDocument::fromJson(runTool("ffprobe", arguments)).object();
}

inline QList<QJsonObject> streamsOfType(const QJsonObject& probed, const QString& type) {
    QList<QJsonObject> found;
    for (const QJsonValue& stream : probed.value("streams").toArray()) {
        if (stream.toObject().value("codec_type").toString() == type) {
            found.append(stream.toObject());
        }
    }
    return found;
}

inline double numberField(const QJsonObject& object, const QString& key) {
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString().toDouble() : value.toDouble(-1.0);
}

// The four-letter types of the file's top-level boxes, in file order.
inline QStringList topLevelBoxes(const QString& path) {
    QFile file(path);
    QStringList boxes;
    if (!file.open(QIODevice::ReadOnly)) {
        return boxes;
    }
    const qint64 file_size = file.size();
    qint64 position = 0;
    while (position + 8 <= file_size) {
        file.seek(position);
        const QByteArray header = file.read(16);
        quint64 size = qFromBigEndian<quint32>(header.constData());
        boxes << QString::fromLatin1(header.mid(4, 4));
        if (size == 1 && header.size() >= 16) {
            size = qFromBigEndian<quint64>(header.constData() + 8);
        } else if (size == 0) {
            size = quint64(file_size - position);
        }
        if (size < 8) {
            boxes << "<corrupt>";
            break;
        }
        position += qint64(size);
    }
    return boxes;
}

// Every decoded audio sample, interleaved, as the ffmpeg command line delivers it to a user.
inline std::vector<float> decodeAudio(const QString& path) {
    const QByteArray bytes = runTool("ffmpeg", {"-v", "error", "-i", path, "-map", "0:a:0", "-f",
                                                "f32le", "-acodec", "pcm_f32le", "-"});
    std::vector<float> samples(size_t(bytes.size()) / sizeof(float));
    std::memcpy(samples.data(), bytes.constData(), samples.size() * sizeof(float));
    return samples;
}

// The mean colour of every decoded video frame, in presentation order, without the command
// line's frame rate correction (which would hide dropped or duplicated frames).
inline std::vector<cv::Scalar> decodeFrameColours(const QString& path, int width = kWidth,
                                                  int height = kHeight) {
    const QByteArray bytes =
        runTool("ffmpeg", {"-v", "error", "-i", path, "-map", "0:v:0", "-fps_mode", "passthrough",
                           "-f", "rawvideo", "-pix_fmt", "bgr24", "-"});
    const int frame_bytes = width * height * 3;
    std::vector<cv::Scalar> colours;
    for (int offset = 0; offset + frame_bytes <= bytes.size(); offset += frame_bytes) {
        const cv::Mat frame(height, width, CV_8UC3, const_cast<char*>(bytes.constData()) + offset);
        colours.push_back(cv::mean(frame));
    }
    return colours;
}

// Every entry of a folder, hidden ones included (temporary files start with a dot).
inline QStringList folderEntries(const QString& folder) {
    return QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

inline QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

}  // namespace mp4test
