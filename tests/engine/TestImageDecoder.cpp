// decodeImage against photos written at run time by OpenCV (and the ffmpeg command line for a
// palette PNG), with EXIF orientations spliced in by hand, and the files it must refuse.
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <random>

#include "media/ImageDecoder.h"

using namespace ps;

namespace {

// Four flat blocks, so that orientation shows as where each colour ends up, and JPEG's block
// artefacts stay at the block edges, far from the sampled centres.
enum Corner { TopLeft = 0, TopRight, BottomLeft, BottomRight };
const std::array<cv::Vec3b, 4> kCornerColours = {
    cv::Vec3b(0, 0, 255),    // red
    cv::Vec3b(0, 255, 0),    // green
    cv::Vec3b(255, 0, 0),    // blue
    cv::Vec3b(255, 0, 255),  // magenta
};
constexpr int kWidth = 96;  // not square, so a swapped size shows
constexpr int kHeight = 64;

cv::Mat quadrants(int width = kWidth, int height = kHeight) {
    cv::Mat image(height, width, CV_8UC3);
    const int w = width / 2;
    const int h = height / 2;
    image(cv::Rect(0, 0, w, h)).setTo(kCornerColours[TopLeft]);
    image(cv::Rect(w, 0, width - w, h)).setTo(kCornerColours[TopRight]);
    image(cv::Rect(0, h, w, height - h)).setTo(kCornerColours[BottomLeft]);
    image(cv::Rect(w, h, width - w, height - h)).setTo(kCornerColours[BottomRight]);
    return image;
}

cv::Vec3b quadrantCentre(const cv::Mat& bgr, Corner corner) {
    const int x = (corner == TopLeft || corner == BottomLeft) ? bgr.cols / 4 : bgr.cols * 3 / 4;
    const int y = (corner == TopLeft || corner == TopRight) ? bgr.rows / 4 : bgr.rows * 3 / 4;
    return bgr.at<cv::Vec3b>(y, x);
}

bool near(const cv::Vec3b& actual, const cv::Vec3b& expected, int tolerance) {
    for (int c = 0; c < 3; ++c) {
        if (std::abs(actual[c] - expected[c]) > tolerance) {
            return false;
        }
    }
    return true;
}

QString describe(const cv::Vec3b& bgr) {
    return QString("(%1, %2, %3)").arg(bgr[0]).arg(bgr[1]).arg(bgr[2]);
}

// Where each stored corner appears on screen, from the EXIF definition of tag 274, which says
// where the stored 0th row and 0th column belong, e.g. 6: "0th row = right, 0th column = top".
// Indexed [orientation][stored corner].
const std::array<std::array<Corner, 4>, 9> kShownAt = {{
    {},
    {TopLeft, TopRight, BottomLeft, BottomRight},  // 1: row top, column left
    {TopRight, TopLeft, BottomRight, BottomLeft},  // 2: row top, column right
    {BottomRight, BottomLeft, TopRight, TopLeft},  // 3: row bottom, column right
    {BottomLeft, BottomRight, TopLeft, TopRight},  // 4: row bottom, column left
    {TopLeft, BottomLeft, TopRight, BottomRight},  // 5: row left, column top
    {TopRight, BottomRight, TopLeft, BottomLeft},  // 6: row right, column top
    {BottomRight, TopRight, BottomLeft, TopLeft},  // 7: row right, column bottom
    {BottomLeft, TopLeft, BottomRight, TopRight},  // 8: row left, column bottom
}};

QByteArray bigEndian32(quint32 value) {
    QByteArray bytes;
    QDataStream(&bytes, QIODevice::WriteOnly) << value;
    return bytes;
}

QByteArray littleEndian(quint32 value, int size) {
    QByteArray bytes;
    for (int i = 0; i < size; ++i) {
        bytes.append(static_cast<char>((value >> (8 * i)) & 0xFF));
    }
    return bytes;
}

// A TIFF block with one IFD0 entry, tag 274 (Orientation), as cameras write inside EXIF.
QByteArray exifBlock(int orientation, bool big_endian) {
    QByteArray block;
    QDataStream out(&block, QIODevice::WriteOnly);
    out.setByteOrder(big_endian ? QDataStream::BigEndian : QDataStream::LittleEndian);
    out.writeRawData(big_endian ? "MM" : "II", 2);
    out << quint16(42) << quint32(8);                         // header, IFD0 right after it
    out << quint16(1);                                        // one entry
    out << quint16(0x0112) << quint16(3) << quint32(1);       // Orientation, SHORT, 1 value
    out << quint16(orientation) << quint16(0) << quint32(0);  // value, padding, no IFD1
    return block;
}

QByteArray jpegWithExif(const QByteArray& jpeg, const QByteArray& block) {
    const QByteArray payload = QByteArray("Exif\0\0", 6) + block;
    const int length = payload.size() + 2;
    QByteArray segment("\xFF\xE1", 2);
    segment.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xFF));
    return jpeg.left(2) + segment + payload + jpeg.mid(2);  // right after SOI
}

quint32 crc32(const QByteArray& bytes) {
    quint32 crc = 0xFFFFFFFFu;
    for (char byte : bytes) {
        crc ^= static_cast<uchar>(byte);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

QByteArray pngWithExif(const QByteArray& png, const QByteArray& block) {
    constexpr int kAfterIhdr = 8 + 25;
    const QByteArray type_and_data = "eXIf" + block;
    const QByteArray chunk =
        bigEndian32(block.size()) + type_and_data + bigEndian32(crc32(type_and_data));
    return png.left(kAfterIhdr) + chunk + png.mid(kAfterIhdr);
}

QByteArray riffChunk(const char* fourcc, const QByteArray& data) {
    QByteArray chunk = QByteArray(fourcc, 4) + littleEndian(data.size(), 4) + data;
    if (data.size() % 2 != 0) {
        chunk.append('\0');
    }
    return chunk;
}

// Rewraps a simple WebP (one VP8L chunk) in the extended format, which is where EXIF lives.
QByteArray webpWithExif(const QByteArray& webp, int width, int height, const QByteArray& block) {
    constexpr char kExifFlag = 0x08;
    const QByteArray vp8x = QByteArray(1, kExifFlag) + QByteArray(3, '\0') +
                            littleEndian(width - 1, 3) + littleEndian(height - 1, 3);
    const QByteArray body =
        "WEBP" + riffChunk("VP8X", vp8x) + webp.mid(12) + riffChunk("EXIF", block);
    return "RIFF" + littleEndian(body.size(), 4) + body;
}

// An uncompressed RGB TIFF with an Orientation tag, which OpenCV cannot write.
QByteArray tiffWithOrientation(const cv::Mat& bgr, int orientation, int bits) {
    constexpr int kEntries = 11;
    const quint32 bits_offset = 8 + 2 + kEntries * 12 + 4;
    const quint32 pixels_offset = bits_offset + 6;
    const quint32 pixel_bytes = bgr.cols * bgr.rows * 3 * (bits / 8);
    QByteArray tiff;
    QDataStream out(&tiff, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("II", 2);
    out << quint16(42) << quint32(8) << quint16(kEntries);
    auto shortEntry = [&](int tag, int count, quint32 value) {
        out << quint16(tag) << quint16(3) << quint32(count);
        if (count == 1) {
            out << quint16(value) << quint16(0);
        } else {
            out << value;
        }
    };
    auto longEntry = [&](int tag, quint32 value) {
        out << quint16(tag) << quint16(4) << quint32(1) << value;
    };
    longEntry(256, bgr.cols);
    longEntry(257, bgr.rows);
    shortEntry(258, 3, bits_offset);  // BitsPerSample, one per channel
    shortEntry(259, 1, 1);            // no compression
    shortEntry(262, 1, 2);            // RGB
    longEntry(273, pixels_offset);
    shortEntry(274, 1, orientation);
    shortEntry(277, 1, 3);  // samples per pixel
    longEntry(278, bgr.rows);
    longEntry(279, pixel_bytes);
    shortEntry(284, 1, 1);  // interleaved
    out << quint32(0) << quint16(bits) << quint16(bits) << quint16(bits);
    for (int y = 0; y < bgr.rows; ++y) {
        for (int x = 0; x < bgr.cols; ++x) {
            const cv::Vec3b& p = bgr.at<cv::Vec3b>(y, x);
            for (int c : {2, 1, 0}) {
                if (bits == 16) {
                    out << quint16(p[c] * 257);
                } else {
                    out << quint8(p[c]);
                }
            }
        }
    }
    return tiff;
}

// A tenth of a second of 8 kHz mono silence: a valid WAV, for a photo slot.
QByteArray silentWav() {
    constexpr quint32 kDataSize = 1600;
    QByteArray wav;
    QDataStream out(&wav, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + kDataSize);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(8000) << quint32(16000) << quint16(2)
        << quint16(16);
    out.writeRawData("data", 4);
    out << kDataSize;
    return wav + QByteArray(kDataSize, '\0');
}

enum class BadFile {
    Missing,
    Empty,
    Folder,
    Text,
    WavNamedPng,
    TruncatedPng,
    CorruptPngData,
    Gif,
    JpegWithoutFrameHeader
};

}  // namespace

Q_DECLARE_METATYPE(BadFile)

class TestImageDecoder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void decodesEveryFormat_data();
    void decodesEveryFormat();
    void roundsSixteenBitSamples();
    void turnsGreyIntoBgr();
    void compositesTransparencyOverWhite_data();
    void compositesTransparencyOverWhite();
    void expandsPalettePng();
    void appliesExifOrientation_data();
    void appliesExifOrientation();
    void refusesOversizePhotoFromItsHeader_data();
    void refusesOversizePhotoFromItsHeader();
    void refusesBadFile_data();
    void refusesBadFile();
    void decodesBundledAstronaut();

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString writeImage(const QString& name, const cv::Mat& image,
                       const std::vector<int>& parameters = {});
    QString writeBytes(const QString& name, const QByteArray& bytes);
    QByteArray readBytes(const QString& file);

    QTemporaryDir dir_;
};

void TestImageDecoder::initTestCase() {
    QVERIFY2(dir_.isValid(), qPrintable(dir_.errorString()));
}

QString TestImageDecoder::writeImage(const QString& name, const cv::Mat& image,
                                     const std::vector<int>& parameters) {
    const QString file = path(name);
    return cv::imwrite(file.toStdString(), image, parameters) ? file : QString();
}

QString TestImageDecoder::writeBytes(const QString& name, const QByteArray& bytes) {
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        return {};
    }
    return file.fileName();
}

QByteArray TestImageDecoder::readBytes(const QString& file) {
    QFile in(file);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

void TestImageDecoder::decodesEveryFormat_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<std::vector<int>>("parameters");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("tolerance");
    QTest::addColumn<QByteArray>("first_chunk");  // WebP only: which header variant is read

    QTest::newRow("png") << "pattern.png" << std::vector<int>{} << "png" << 0 << QByteArray();
    QTest::newRow("jpeg") << "pattern.jpg" << std::vector<int>{} << "jpeg" << 40 << QByteArray();
    QTest::newRow("webp lossless")
        << "lossless.webp" << std::vector<int>{} << "webp" << 0 << QByteArray("VP8L");
    QTest::newRow("webp lossy") << "lossy.webp" << std::vector<int>{cv::IMWRITE_WEBP_QUALITY, 90}
                                << "webp" << 40 << QByteArray("VP8 ");
    QTest::newRow("bmp") << "pattern.bmp" << std::vector<int>{} << "bmp" << 0 << QByteArray();
    QTest::newRow("tiff") << "pattern.tiff" << std::vector<int>{} << "tiff" << 0 << QByteArray();
}

void TestImageDecoder::decodesEveryFormat() {
    QFETCH(QString, file);
    QFETCH(std::vector<int>, parameters);
    QFETCH(QString, format);
    QFETCH(int, tolerance);
    QFETCH(QByteArray, first_chunk);

    const QString written = writeImage(file, quadrants(), parameters);
    QVERIFY(!written.isEmpty());
    if (!first_chunk.isEmpty()) {
        QCOMPARE(readBytes(written).mid(12, 4), first_chunk);
    }

    const Result<Photo> photo = decodeImage(written.toStdString());
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(QString::fromStdString(photo->path), written);
    QCOMPARE(QString::fromStdString(photo->format), format);
    QCOMPARE(photo->bgr.type(), CV_8UC3);
    QCOMPARE(photo->bgr.cols, kWidth);
    QCOMPARE(photo->bgr.rows, kHeight);
    QCOMPARE(photo->had_alpha, false);
    QCOMPARE(photo->exif_orientation, 1);
    for (Corner corner : {TopLeft, TopRight, BottomLeft, BottomRight}) {
        const cv::Vec3b actual = quadrantCentre(photo->bgr, corner);
        QVERIFY2(near(actual, kCornerColours[corner], tolerance), qPrintable(describe(actual)));
    }
}

// Sixteen-bit samples are divided by 257 and rounded, so 65535 is 255 and nothing is biased down.
void TestImageDecoder::roundsSixteenBitSamples() {
    cv::Mat deep(2, 3, CV_16UC3, cv::Scalar(0, 0, 0));
    deep.at<cv::Vec3w>(0, 0) = cv::Vec3w(65535, 32896, 0);  // 255, 128, 0
    deep.at<cv::Vec3w>(0, 1) = cv::Vec3w(385, 386, 200);    // 1.498→1, 1.502→2, 0.778→1
    const QString file = writeImage("deep.png", deep);
    QVERIFY(!file.isEmpty());
    QCOMPARE(static_cast<int>(readBytes(file).at(24)), 16);  // IHDR bit depth

    const Result<Photo> photo = decodeImage(file.toStdString());
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(photo->bgr.type(), CV_8UC3);
    QCOMPARE(photo->bgr.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 128, 0));
    QCOMPARE(photo->bgr.at<cv::Vec3b>(0, 1), cv::Vec3b(1, 2, 1));
}

void TestImageDecoder::turnsGreyIntoBgr() {
    cv::Mat grey(10, 20, CV_8UC1, cv::Scalar(77));
    grey.at<uchar>(9, 19) = 200;
    const QString file = writeImage("grey.png", grey);
    QVERIFY(!file.isEmpty());

    const Result<Photo> photo = decodeImage(file.toStdString());
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(photo->bgr.type(), CV_8UC3);
    QCOMPARE(photo->bgr.at<cv::Vec3b>(0, 0), cv::Vec3b(77, 77, 77));
    QCOMPARE(photo->bgr.at<cv::Vec3b>(9, 19), cv::Vec3b(200, 200, 200));
}

void TestImageDecoder::compositesTransparencyOverWhite_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("png") << "alpha.png";
    QTest::newRow("webp") << "alpha.webp";  // lossless, extended (VP8X) header
}

void TestImageDecoder::compositesTransparencyOverWhite() {
    QFETCH(QString, file);
    cv::Mat bgra(kHeight, kWidth, CV_8UC4, cv::Scalar(0, 0, 255, 255));                // opaque red
    bgra(cv::Rect(kWidth / 2, 0, kWidth / 2, kHeight)).setTo(cv::Scalar(0, 0, 0, 0));  // clear
    bgra.at<cv::Vec4b>(kHeight - 1, 0) = cv::Vec4b(0, 0, 255, 128);  // half-clear red
    const QString written = writeImage(file, bgra);
    QVERIFY(!written.isEmpty());

    const Result<Photo> photo = decodeImage(written.toStdString());
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(photo->had_alpha, true);
    QCOMPARE(photo->bgr.type(), CV_8UC3);
    QCOMPARE(photo->bgr.size(), cv::Size(kWidth, kHeight));
    QCOMPARE(photo->bgr.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));
    QCOMPARE(photo->bgr.at<cv::Vec3b>(0, kWidth - 1), cv::Vec3b(255, 255, 255));
    // 255·128/255 + 255·127/255 on red; 255·127/255 = 127 on blue and green.
    QCOMPARE(photo->bgr.at<cv::Vec3b>(kHeight - 1, 0), cv::Vec3b(127, 127, 255));
}

void TestImageDecoder::expandsPalettePng() {
    const QString source = writeImage("palette-source.png", quadrants());
    const QString file = path("palette.png");
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg",
                 {"-v", "error", "-nostdin", "-y", "-i", source, "-pix_fmt", "pal8", file});
    QVERIFY2(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0,
             "the ffmpeg command line makes the palette fixture; install it");
    QCOMPARE(static_cast<int>(readBytes(file).at(25)), 3);  // IHDR colour type: palette

    const Result<Photo> photo = decodeImage(file.toStdString());
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(photo->format, std::string("png"));
    QCOMPARE(photo->bgr.type(), CV_8UC3);
    QCOMPARE(photo->bgr.size(), cv::Size(kWidth, kHeight));
    for (Corner corner : {TopLeft, TopRight, BottomLeft, BottomRight}) {
        const cv::Vec3b actual = quadrantCentre(photo->bgr, corner);
        QVERIFY2(near(actual, kCornerColours[corner], 8), qPrintable(describe(actual)));
    }
}

void TestImageDecoder::appliesExifOrientation_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("orientation");

    for (int orientation = 1; orientation <= 8; ++orientation) {
        const QByteArray n = QByteArray::number(orientation);
        QTest::newRow("jpeg " + n) << "jpeg" << orientation;
    }
    // The same step for the other containers of EXIF. libtiff turns some TIFF layouts upright by
    // itself, so every orientation is checked in 8-bit and 16-bit TIFF too.
    QTest::newRow("png 6") << "png" << 6;
    QTest::newRow("png 3") << "png" << 3;
    QTest::newRow("webp 8") << "webp" << 8;
    QTest::newRow("webp 2") << "webp" << 2;
    for (int orientation = 1; orientation <= 8; ++orientation) {
        const QByteArray n = QByteArray::number(orientation);
        QTest::newRow("tiff 8-bit " + n) << "tiff8" << orientation;
        QTest::newRow("tiff 16-bit " + n) << "tiff16" << orientation;
    }
}

void TestImageDecoder::appliesExifOrientation() {
    QFETCH(QString, format);
    QFETCH(int, orientation);

    const cv::Mat stored = quadrants();
    const QString name = QString("oriented-%1-%2").arg(format).arg(orientation);
    // Both byte orders occur in the wild (Canon and Nikon write II, others MM).
    const QByteArray exif = exifBlock(orientation, orientation % 2 == 1);
    QByteArray bytes;
    int tolerance = 0;
    if (format == "jpeg") {
        bytes = jpegWithExif(readBytes(writeImage(name + "-plain.jpg", stored)), exif);
        tolerance = 40;
    } else if (format == "png") {
        bytes = pngWithExif(readBytes(writeImage(name + "-plain.png", stored)), exif);
    } else if (format == "webp") {
        bytes = webpWithExif(readBytes(writeImage(name + "-plain.webp", stored)), kWidth, kHeight,
                             exif);
    } else {
        bytes = tiffWithOrientation(stored, orientation, format == "tiff16" ? 16 : 8);
    }
    QVERIFY(bytes.size() > 100);
    const QString file = writeBytes(name + ".img", bytes);
    QVERIFY(!file.isEmpty());

    const Result<Photo> photo = decodeImage(file.toStdString());
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(photo->exif_orientation, orientation);
    const bool swaps = orientation >= 5;
    QCOMPARE(photo->bgr.cols, swaps ? kHeight : kWidth);
    QCOMPARE(photo->bgr.rows, swaps ? kWidth : kHeight);
    for (Corner stored_corner : {TopLeft, TopRight, BottomLeft, BottomRight}) {
        const Corner shown_at = kShownAt[orientation][stored_corner];
        const cv::Vec3b actual = quadrantCentre(photo->bgr, shown_at);
        QVERIFY2(near(actual, kCornerColours[stored_corner], tolerance),
                 qPrintable(QString("stored corner %1 should show at %2, found %3 there")
                                .arg(stored_corner)
                                .arg(shown_at)
                                .arg(describe(actual))));
    }
}

void TestImageDecoder::refusesOversizePhotoFromItsHeader_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("size");
    QTest::newRow("png 9000 wide") << "wide.png"
                                   << "9000×16";
    QTest::newRow("jpeg 20000 square") << "huge.jpg"
                                       << "20000×20000";
}

void TestImageDecoder::refusesOversizePhotoFromItsHeader() {
    QFETCH(QString, file);
    QFETCH(QString, size);

    QString written;
    if (file.endsWith(".png")) {
        written = writeImage(file, cv::Mat(16, 9000, CV_8UC3, cv::Scalar(10, 20, 30)));
    } else {
        // A small JPEG whose frame header claims 20000×20000: only a header check can report
        // that size, since decoding would run out of data long before.
        QByteArray jpeg = readBytes(writeImage("small.jpg", quadrants(64, 64)));
        const int sof = jpeg.indexOf(QByteArray("\xFF\xC0", 2));
        QVERIFY(sof > 0);
        const char twenty_thousand[] = {0x4E, 0x20};
        jpeg.replace(sof + 5, 2, twenty_thousand, 2);  // height
        jpeg.replace(sof + 7, 2, twenty_thousand, 2);  // width
        written = writeBytes(file, jpeg);
    }
    QVERIFY(!written.isEmpty());

    const Result<Photo> photo = decodeImage(written.toStdString());
    QVERIFY(!photo.ok());
    QCOMPARE(photo.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(photo.error().message);
    QVERIFY2(message.startsWith(written + ": "), qPrintable(message));
    QVERIFY2(message.contains(size + " px"), qPrintable(message));
    QVERIFY2(message.contains("8192"), qPrintable(message));
}

void TestImageDecoder::refusesBadFile_data() {
    QTest::addColumn<BadFile>("bad_file");
    QTest::addColumn<QString>("problem");

    QTest::newRow("missing") << BadFile::Missing << "file does not exist";
    QTest::newRow("empty") << BadFile::Empty << "file is empty";
    QTest::newRow("folder") << BadFile::Folder << "is a folder";
    QTest::newRow("text") << BadFile::Text << "is not a photo the studio can read";
    QTest::newRow("wav named png") << BadFile::WavNamedPng << "is not a photo the studio can read";
    QTest::newRow("truncated png") << BadFile::TruncatedPng << "could not be decoded";
    QTest::newRow("corrupt png data") << BadFile::CorruptPngData << "could not be decoded";
    QTest::newRow("gif") << BadFile::Gif << "is a GIF image";
    QTest::newRow("jpeg without frame header")
        << BadFile::JpegWithoutFrameHeader << "header could not be read";
}

void TestImageDecoder::refusesBadFile() {
    QFETCH(BadFile, bad_file);
    QFETCH(QString, problem);

    // Noise does not compress, so this PNG is long and its pixel data starts early.
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(256));
    QString file;
    switch (bad_file) {
        case BadFile::Missing:
            file = path("nowhere.png");
            break;
        case BadFile::Empty:
            file = writeBytes("empty.png", {});
            break;
        case BadFile::Folder:
            file = path("folder.png");
            QVERIFY(QDir().mkpath(file));
            break;
        case BadFile::Text:
            file = writeBytes("notes.png", "A portrait, but in words.\n");
            break;
        case BadFile::WavNamedPng:
            file = writeBytes("voice.png", silentWav());
            break;
        case BadFile::TruncatedPng: {
            const QByteArray png = readBytes(writeImage("noise.png", noise));
            QVERIFY(png.size() > 1000);
            file = writeBytes("truncated.png", png.left(100));
            break;
        }
        case BadFile::CorruptPngData: {
            QByteArray png = readBytes(writeImage("noise.png", noise));
            std::mt19937 generator(7);
            for (int i = 60; i < png.size() - 20; ++i) {  // keep IHDR, break IDAT
                png[i] = static_cast<char>(generator() & 0xFF);
            }
            file = writeBytes("corrupt.png", png);
            break;
        }
        case BadFile::Gif:
            file =
                writeBytes("animation.gif", QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14));
            break;
        case BadFile::JpegWithoutFrameHeader:
            file = writeBytes("header.jpg", readBytes(writeImage("whole.jpg", noise)).left(20));
            break;
    }
    QVERIFY(!file.isEmpty());

    const Result<Photo> photo = decodeImage(file.toStdString());
    QVERIFY(!photo.ok());
    QCOMPARE(photo.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(photo.error().message);
    QVERIFY2(message.startsWith(file + ": "), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
}

void TestImageDecoder::decodesBundledAstronaut() {
    const Result<Photo> photo = decodeImage(PS_SAMPLES_DIR "/astronaut.png");
    QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message.c_str());
    QCOMPARE(photo->format, std::string("png"));
    QCOMPARE(photo->bgr.type(), CV_8UC3);
    QCOMPARE(photo->bgr.cols, 512);
    QCOMPARE(photo->bgr.rows, 512);
    QCOMPARE(photo->exif_orientation, 1);
}

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "TestImageDecoder.moc"
