// Frame rates, export settings and the placement of a photo in a video frame: the pure functions
// an MP4 export is configured with.
#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "media/FrameRate.h"
#include "media/VideoSettings.h"
#include "render/FrameFit.h"

Q_DECLARE_METATYPE(ps::FrameRate)

using ps::FrameRate;

namespace {

ps::VideoSettings goodSettings() {
    ps::VideoSettings settings;
    settings.width = 640;
    settings.height = 480;
    settings.fps = FrameRate::Fps25;
    settings.crf = 18;
    settings.preset = "medium";
    settings.audio_bitrate_bps = 192000;
    return settings;
}

// Nonzero where any channel is nonzero.
cv::Mat anyChannel(const cv::Mat& frame) {
    cv::Mat channels[3];
    cv::split(frame, channels);
    return channels[0] | channels[1] | channels[2];
}

// Bounding box of the pixels that are not pure black.
cv::Rect nonBlackBox(const cv::Mat& frame) {
    std::vector<cv::Point> points;
    cv::findNonZero(anyChannel(frame), points);
    return points.empty() ? cv::Rect() : cv::boundingRect(points);
}

}  // namespace

class TestFrameRate : public QObject {
    Q_OBJECT

private slots:
    void rationals_data();
    void rationals();
    void allRatesAreOrderedAndRoundTripThroughTheirLabels();
    void parse_data();
    void parse();
    void frameCount_data();
    void frameCount();
    void validate_data();
    void validate();
    void defaultSettingsNeedOnlyASize();
    void fitKeepsAspectAndCentres_data();
    void fitKeepsAspectAndCentres();
    void fitOfSameSizeIsACopy();
    void fitAcceptsGrayAndAlphaPhotos();
    void fitOfEmptyPhotoIsBlack();
    void defaultFrameSize_data();
    void defaultFrameSize();
};

void TestFrameRate::rationals_data() {
    QTest::addColumn<FrameRate>("rate");
    QTest::addColumn<int>("num");
    QTest::addColumn<int>("den");
    QTest::addColumn<QString>("label");
    QTest::newRow("23.976") << FrameRate::Fps23_976 << 24000 << 1001 << "23.976";
    QTest::newRow("24") << FrameRate::Fps24 << 24 << 1 << "24";
    QTest::newRow("25") << FrameRate::Fps25 << 25 << 1 << "25";
    QTest::newRow("29.97") << FrameRate::Fps29_97 << 30000 << 1001 << "29.97";
    QTest::newRow("30") << FrameRate::Fps30 << 30 << 1 << "30";
    QTest::newRow("50") << FrameRate::Fps50 << 50 << 1 << "50";
    QTest::newRow("60") << FrameRate::Fps60 << 60 << 1 << "60";
}

void TestFrameRate::rationals() {
    QFETCH(FrameRate, rate);
    QFETCH(int, num);
    QFETCH(int, den);
    QFETCH(QString, label);
    const ps::Rational r = ps::frameRateRational(rate);
    QCOMPARE(r.num, num);
    QCOMPARE(r.den, den);
    QCOMPARE(QString::fromStdString(ps::frameRateLabel(rate)), label);
}

void TestFrameRate::allRatesAreOrderedAndRoundTripThroughTheirLabels() {
    const std::vector<FrameRate> rates = ps::allFrameRates();
    QCOMPARE(rates.size(), size_t(7));
    for (size_t i = 0; i < rates.size(); ++i) {
        QVERIFY(rates[i] != FrameRate::Invalid);
        if (i > 0) {
            QVERIFY(ps::frameRateRational(rates[i - 1]).value() <
                    ps::frameRateRational(rates[i]).value());
        }
        const std::optional<FrameRate> parsed = ps::parseFrameRate(ps::frameRateLabel(rates[i]));
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, rates[i]);
    }
    QCOMPARE(ps::frameRateRational(FrameRate::Invalid).num, 0);
}

void TestFrameRate::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<FrameRate>("expected");
    const FrameRate none = FrameRate::Invalid;
    QTest::newRow("23.976") << "23.976" << true << FrameRate::Fps23_976;
    QTest::newRow("24000/1001") << "24000/1001" << true << FrameRate::Fps23_976;
    QTest::newRow("24") << "24" << true << FrameRate::Fps24;
    QTest::newRow("25") << "25" << true << FrameRate::Fps25;
    QTest::newRow("25.000") << "25.000" << true << FrameRate::Fps25;
    QTest::newRow("29.97") << "29.97" << true << FrameRate::Fps29_97;
    QTest::newRow("29.970") << "29.970" << true << FrameRate::Fps29_97;
    QTest::newRow("30000/1001") << "30000/1001" << true << FrameRate::Fps29_97;
    QTest::newRow("30") << "30" << true << FrameRate::Fps30;
    QTest::newRow("30.0") << "30.0" << true << FrameRate::Fps30;
    QTest::newRow("25/1 (ffprobe's form)") << "25/1" << true << FrameRate::Fps25;
    QTest::newRow("50") << "50" << true << FrameRate::Fps50;
    QTest::newRow("60") << "60" << true << FrameRate::Fps60;
    QTest::newRow("surrounding spaces") << " 60 " << true << FrameRate::Fps60;
    QTest::newRow("empty") << "" << false << none;
    QTest::newRow("23.98 is too far from 23.976") << "23.98" << false << none;
    QTest::newRow("29.9") << "29.9" << false << none;
    QTest::newRow("12") << "12" << false << none;
    QTest::newRow("120") << "120" << false << none;
    QTest::newRow("negative") << "-25" << false << none;
    QTest::newRow("exponent") << "2.5e1" << false << none;
    QTest::newRow("trailing dot") << "25." << false << none;
    QTest::newRow("leading dot") << ".25" << false << none;
    QTest::newRow("unit") << "25fps" << false << none;
    QTest::newRow("nan") << "nan" << false << none;
    QTest::newRow("inf") << "inf" << false << none;
    QTest::newRow("hex") << "0x19" << false << none;
    QTest::newRow("60000/1001 is not offered") << "60000/1001" << false << none;
    QTest::newRow("zero denominator") << "25/0" << false << none;
    QTest::newRow("half a fraction") << "24000/" << false << none;
    QTest::newRow("two slashes") << "24000/1001/1" << false << none;
}

void TestFrameRate::parse() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(FrameRate, expected);
    const std::optional<FrameRate> parsed = ps::parseFrameRate(text.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, expected);
    }
}

void TestFrameRate::frameCount_data() {
    QTest::addColumn<double>("duration_s");
    QTest::addColumn<FrameRate>("rate");
    QTest::addColumn<qlonglong>("frames");
    QTest::newRow("1 s at 25") << 1.0 << FrameRate::Fps25 << 25LL;
    QTest::newRow("10 s at 29.97 rounds up") << 10.0 << FrameRate::Fps29_97 << 300LL;  // 299.7
    QTest::newRow("60 s at 23.976") << 60.0 << FrameRate::Fps23_976 << 1439LL;         // 1438.56
    QTest::newRow("1.01 s at 24 rounds down") << 1.01 << FrameRate::Fps24 << 24LL;     // 24.24
    QTest::newRow("1.03 s at 24 rounds up") << 1.03 << FrameRate::Fps24 << 25LL;       // 24.72
    QTest::newRow("1001 s at 30000/1001 is exact") << 1001.0 << FrameRate::Fps29_97 << 30000LL;
    QTest::newRow("a sliver is one frame") << 0.001 << FrameRate::Fps60 << 1LL;
    QTest::newRow("nothing is one frame") << 0.0 << FrameRate::Fps25 << 1LL;
    QTest::newRow("negative is one frame") << -3.0 << FrameRate::Fps25 << 1LL;
    QTest::newRow("NaN is one frame") << std::nan("") << FrameRate::Fps25 << 1LL;
}

void TestFrameRate::frameCount() {
    QFETCH(double, duration_s);
    QFETCH(FrameRate, rate);
    QFETCH(qlonglong, frames);
    QCOMPARE(ps::frameCountFor(duration_s, rate), frames);
    if (duration_s > 0.1) {
        // The promise behind the rounding: within half a frame of the audio.
        const double video_s = frames / ps::frameRateRational(rate).value();
        QVERIFY(std::abs(video_s - duration_s) <= 0.5 / ps::frameRateRational(rate).value());
    }
}

void TestFrameRate::validate_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<FrameRate>("rate");
    QTest::addColumn<int>("crf");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("audio_bps");
    QTest::addColumn<QString>("complaint");  // a word the sentence must contain; empty: valid
    const FrameRate fps = FrameRate::Fps25;
    QTest::newRow("typical") << 1920 << 1080 << fps << 18 << "medium" << 192000 << "";
    QTest::newRow("smallest") << 16 << 16 << fps << 0 << "ultrafast" << 16000 << "";
    QTest::newRow("largest") << 8192 << 8192 << fps << 51 << "veryslow" << 512000 << "";
    QTest::newRow("placebo") << 64 << 48 << FrameRate::Fps29_97 << 23 << "placebo" << 128000 << "";
    QTest::newRow("odd width") << 641 << 480 << fps << 18 << "medium" << 192000 << "width";
    QTest::newRow("odd height") << 640 << 479 << fps << 18 << "medium" << 192000 << "height";
    QTest::newRow("too narrow") << 14 << 480 << fps << 18 << "medium" << 192000 << "width";
    QTest::newRow("zero height") << 640 << 0 << fps << 18 << "medium" << 192000 << "height";
    QTest::newRow("too wide") << 8194 << 480 << fps << 18 << "medium" << 192000 << "width";
    QTest::newRow("negative") << -640 << 480 << fps << 18 << "medium" << 192000 << "width";
    QTest::newRow("invalid rate") << 640 << 480 << FrameRate::Invalid << 18 << "medium" << 192000
                                  << "frame rate";
    QTest::newRow("crf -1") << 640 << 480 << fps << -1 << "medium" << 192000 << "CRF";
    QTest::newRow("crf 52") << 640 << 480 << fps << 52 << "medium" << 192000 << "CRF";
    QTest::newRow("unknown preset") << 640 << 480 << fps << 18 << "quick" << 192000 << "quick";
    QTest::newRow("preset is case sensitive")
        << 640 << 480 << fps << 18 << "Medium" << 192000 << "preset";
    QTest::newRow("empty preset") << 640 << 480 << fps << 18 << "" << 192000 << "preset";
    QTest::newRow("no audio bitrate") << 640 << 480 << fps << 18 << "medium" << 0 << "bitrate";
    QTest::newRow("absurd audio bitrate")
        << 640 << 480 << fps << 18 << "medium" << 5000000 << "bitrate";
}

void TestFrameRate::validate() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(FrameRate, rate);
    QFETCH(int, crf);
    QFETCH(QString, preset);
    QFETCH(int, audio_bps);
    QFETCH(QString, complaint);
    ps::VideoSettings settings;
    settings.width = width;
    settings.height = height;
    settings.fps = rate;
    settings.crf = crf;
    settings.preset = preset.toStdString();
    settings.audio_bitrate_bps = audio_bps;
    const QString problem = QString::fromStdString(ps::validateVideoSettings(settings));
    if (complaint.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    } else {
        QVERIFY2(problem.contains(complaint), qPrintable(problem));
        QVERIFY2(problem.endsWith('.'), qPrintable(problem));
    }
}

void TestFrameRate::defaultSettingsNeedOnlyASize() {
    ps::VideoSettings settings;
    QVERIFY(!ps::validateVideoSettings(settings).empty());
    settings.width = 1280;
    settings.height = 720;
    QCOMPARE(QString::fromStdString(ps::validateVideoSettings(settings)), QString());
    QCOMPARE(QString::fromStdString(ps::validateVideoSettings(goodSettings())), QString());
}

void TestFrameRate::fitKeepsAspectAndCentres_data() {
    QTest::addColumn<QSize>("photo");
    QTest::addColumn<QSize>("frame");
    QTest::addColumn<QRect>("placed");
    // Shrinking a 400x300 photo into 200x200: 200x150 with 25 black rows above and below.
    QTest::newRow("shrink, bars top and bottom")
        << QSize(400, 300) << QSize(200, 200) << QRect(0, 25, 200, 150);
    // A tall photo in a wide frame: pillar-boxed.
    QTest::newRow("shrink, bars left and right")
        << QSize(300, 600) << QSize(320, 240) << QRect(100, 0, 120, 240);
    // Enlarging 50x40 into 200x100: 125x100, 75 columns of margin split 37 left, 38 right.
    QTest::newRow("enlarge, odd margin")
        << QSize(50, 40) << QSize(200, 100) << QRect(37, 0, 125, 100);
    QTest::newRow("same aspect, no margin")
        << QSize(160, 90) << QSize(64, 36) << QRect(0, 0, 64, 36);
}

void TestFrameRate::fitKeepsAspectAndCentres() {
    QFETCH(QSize, photo);
    QFETCH(QSize, frame);
    QFETCH(QRect, placed);
    // A photo that is bright everywhere, so any black inside the placed box would be a bug.
    cv::Mat image(photo.height(), photo.width(), CV_8UC3, cv::Scalar(40, 160, 220));
    const cv::Mat fitted = ps::fitPhotoToFrame(image, cv::Size(frame.width(), frame.height()));
    QCOMPARE(fitted.type(), CV_8UC3);
    QCOMPARE(fitted.cols, frame.width());
    QCOMPARE(fitted.rows, frame.height());

    const cv::Rect box = nonBlackBox(fitted);
    QCOMPARE(QRect(box.x, box.y, box.width, box.height), placed);
    // Outside the box is black by construction; inside, every pixel carries the photo's colour
    // (a resize that blended in the black margin would darken the edges).
    cv::Mat difference;
    cv::absdiff(fitted(box), cv::Scalar(40, 160, 220), difference);
    QVERIFY(cv::norm(difference, cv::NORM_INF) <= 1.0);
    // Aspect ratio kept to within the rounding of one pixel.
    const double photo_aspect = double(photo.width()) / photo.height();
    QVERIFY(std::abs(double(box.width) / box.height - photo_aspect) <
            photo_aspect * (1.0 / box.height + 1.0 / box.width));
}

void TestFrameRate::fitOfSameSizeIsACopy() {
    cv::Mat image(48, 64, CV_8UC3);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(256));
    const cv::Mat fitted = ps::fitPhotoToFrame(image, image.size());
    QCOMPARE(cv::norm(fitted, image, cv::NORM_INF), 0.0);
    // The result does not share pixels with the photo.
    QVERIFY(fitted.data != image.data);
}

void TestFrameRate::fitAcceptsGrayAndAlphaPhotos() {
    const cv::Mat gray(30, 30, CV_8UC1, cv::Scalar(200));
    cv::Mat fitted = ps::fitPhotoToFrame(gray, cv::Size(60, 30));
    QCOMPARE(fitted.type(), CV_8UC3);
    QCOMPARE(fitted.at<cv::Vec3b>(15, 30), cv::Vec3b(200, 200, 200));
    QCOMPARE(fitted.at<cv::Vec3b>(15, 2), cv::Vec3b(0, 0, 0));

    const cv::Mat bgra(30, 30, CV_8UC4, cv::Scalar(10, 20, 30, 255));
    fitted = ps::fitPhotoToFrame(bgra, cv::Size(30, 30));
    QCOMPARE(fitted.type(), CV_8UC3);
    QCOMPARE(fitted.at<cv::Vec3b>(5, 5), cv::Vec3b(10, 20, 30));
}

void TestFrameRate::fitOfEmptyPhotoIsBlack() {
    const cv::Mat fitted = ps::fitPhotoToFrame(cv::Mat(), cv::Size(32, 16));
    QCOMPARE(fitted.type(), CV_8UC3);
    QCOMPARE(fitted.size(), cv::Size(32, 16));
    QCOMPARE(cv::countNonZero(fitted.reshape(1)), 0);
}

void TestFrameRate::defaultFrameSize_data() {
    QTest::addColumn<QSize>("photo");
    QTest::addColumn<int>("max_side");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("small photo keeps its size") << QSize(640, 480) << 1920 << QSize(640, 480);
    QTest::newRow("odd sizes round down") << QSize(641, 479) << 1920 << QSize(640, 478);
    QTest::newRow("4000x3000 to 1920") << QSize(4000, 3000) << 1920 << QSize(1920, 1440);
    QTest::newRow("portrait 3000x4000") << QSize(3000, 4000) << 1920 << QSize(1440, 1920);
    // 1920 * 1000 / 3001 = 639.78..., down to 638 to stay even.
    QTest::newRow("scaled side rounds down to even")
        << QSize(3001, 1000) << 1920 << QSize(1920, 638);
    QTest::newRow("odd limit") << QSize(2000, 1000) << 1001 << QSize(1000, 500);
    QTest::newRow("exactly the limit") << QSize(1920, 1080) << 1920 << QSize(1920, 1080);
    QTest::newRow("tiny photo grows to 16") << QSize(9, 7) << 1920 << QSize(16, 16);
    QTest::newRow("thin strip keeps 16") << QSize(4000, 10) << 1920 << QSize(1920, 16);
}

void TestFrameRate::defaultFrameSize() {
    QFETCH(QSize, photo);
    QFETCH(int, max_side);
    QFETCH(QSize, expected);
    const cv::Size size = ps::defaultFrameSize(cv::Size(photo.width(), photo.height()), max_side);
    QCOMPARE(QSize(size.width, size.height), expected);
    QCOMPARE(size.width % 2, 0);
    QCOMPARE(size.height % 2, 0);
    // Whatever the photo, the size is one an export accepts.
    ps::VideoSettings settings = goodSettings();
    settings.width = size.width;
    settings.height = size.height;
    QCOMPARE(QString::fromStdString(ps::validateVideoSettings(settings)), QString());
}

QTEST_GUILESS_MAIN(TestFrameRate)
#include "TestFrameRate.moc"
