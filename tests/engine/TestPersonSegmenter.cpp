// MediaPipe's selfie segmentation on the sample portrait: the astronaut's face, hair and suit are
// person, the backdrop on either side of her head and the flag are not; a flat grey image has no
// person; the mask has the photo's size with soft edges, also for a photo that is not square;
// runs agree across threads; a file that is not the network is refused, naming the file.
#include <QtTest>
#include <future>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "face/ModelFiles.h"
#include "face/PersonSegmenter.h"

using namespace ps;

namespace {

// Hand-marked on resources/samples/astronaut.png (512×512).
const cv::Rect kFace(195, 95, 55, 70);      // forehead to chin, between the cheeks
const cv::Rect kHair(175, 30, 90, 25);      // the top of her hair
const cv::Rect kSuit(140, 320, 120, 100);   // the orange suit and its round patch
const cv::Rect kFlag(0, 0, 70, 200);        // the flag, top left
const cv::Rect kBackdrop(300, 10, 50, 80);  // the grey backdrop right of her head
const cv::Rect kCorner(470, 0, 42, 60);     // the backdrop in the top-right corner

double meanOf(const cv::Mat& mask, const cv::Rect& r) {
    return cv::mean(mask(r))[0];
}

}  // namespace

class TestPersonSegmenter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void findsThePersonInTheSample();
    void findsNoPersonInAFlatImage();
    void keepsThePhotosSizeWithSoftEdges();
    void threadsGiveTheSameMask();
    void refusesAnotherNetwork();
    void refusesAnEmptyPhoto();

private:
    cv::Mat photo_;
    const PersonSegmenter* segmenter_ = nullptr;
};

void TestPersonSegmenter::initTestCase() {
    photo_ = cv::imread(PS_SAMPLES_DIR "/astronaut.png", cv::IMREAD_COLOR);
    QVERIFY(!photo_.empty());
    Result<const PersonSegmenter*> loaded = personSegmenter();
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
    segmenter_ = *loaded;
}

void TestPersonSegmenter::findsThePersonInTheSample() {
    QElapsedTimer timer;
    timer.start();
    Result<cv::Mat> mask = segmenter_->segment(photo_);
    QVERIFY(mask.ok());
    qInfo("segmented in %lld ms", timer.elapsed());
    const std::pair<const char*, cv::Rect> person[] = {
        {"face", kFace}, {"hair", kHair}, {"suit", kSuit}};
    const std::pair<const char*, cv::Rect> background[] = {
        {"flag", kFlag}, {"backdrop by the head", kBackdrop}, {"top-right corner", kCorner}};
    for (const auto& [name, rect] : person) {
        qInfo("%s: mean mask %.3f", name, meanOf(*mask, rect));
        QVERIFY2(meanOf(*mask, rect) >= 0.9, name);
    }
    for (const auto& [name, rect] : background) {
        qInfo("%s: mean mask %.3f", name, meanOf(*mask, rect));
        QVERIFY2(meanOf(*mask, rect) <= 0.1, name);
    }
    const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (!artifacts.isEmpty()) {
        cv::Mat grey, shown;
        mask->convertTo(grey, CV_8U, 255.0);
        cv::cvtColor(grey, shown, cv::COLOR_GRAY2BGR);
        cv::addWeighted(photo_, 0.5, shown, 0.5, 0.0, shown);
        QVERIFY(cv::imwrite((artifacts + "/selfie_mask.png").toStdString(), grey));
        QVERIFY(cv::imwrite((artifacts + "/selfie_over_photo.png").toStdString(), shown));
    }
}

void TestPersonSegmenter::findsNoPersonInAFlatImage() {
    for (const cv::Scalar& colour : {cv::Scalar(128, 128, 128), cv::Scalar(40, 90, 200)}) {
        const cv::Mat flat(300, 400, CV_8UC3, colour);
        Result<cv::Mat> mask = segmenter_->segment(flat);
        QVERIFY(mask.ok());
        double most = 0.0;
        cv::minMaxLoc(*mask, nullptr, &most);
        qInfo("flat (%g, %g, %g): mean mask %.4f, highest %.3f", colour[0], colour[1], colour[2],
              cv::mean(*mask)[0], most);
        QVERIFY(cv::mean(*mask)[0] <= 0.05);
    }
}

void TestPersonSegmenter::keepsThePhotosSizeWithSoftEdges() {
    // The sample on a wider canvas: the mask has the canvas's size and still finds her there.
    cv::Mat wide(512, 900, CV_8UC3, cv::Scalar(170, 170, 170));
    photo_.copyTo(wide(cv::Rect(200, 0, 512, 512)));
    Result<cv::Mat> mask = segmenter_->segment(wide);
    QVERIFY(mask.ok());
    QCOMPARE(mask->size(), wide.size());
    QCOMPARE(mask->type(), CV_32FC1);
    double low = 0.0, high = 0.0;
    cv::minMaxLoc(*mask, &low, &high);
    QVERIFY(low >= 0.0 && high <= 1.0);
    const double face = meanOf(*mask, kFace + cv::Point(200, 0));
    const double backdrop = meanOf(*mask, kBackdrop + cv::Point(200, 0));
    qInfo("on a 900x512 canvas: face %.3f, backdrop %.3f", face, backdrop);
    QVERIFY(face >= 0.9);
    QVERIFY(backdrop <= 0.1);
    // Soft: along the outline the mask passes through in-between values on its way from 0 to
    // 1, rather than jumping (a row through her hair's edge beside the head).
    Result<cv::Mat> own = segmenter_->segment(photo_);
    QVERIFY(own.ok());
    const cv::Mat row = own->row(60);
    int soft = 0;
    for (int x = 0; x < row.cols; ++x) {
        const float v = row.at<float>(0, x);
        soft += v > 0.1f && v < 0.9f;
    }
    qInfo("row 60: %d pixels between 0.1 and 0.9", soft);
    QVERIFY(soft >= 2);
    QVERIFY(soft <= 40);
}

void TestPersonSegmenter::threadsGiveTheSameMask() {
    const auto job = [&] {
        Result<cv::Mat> mask = segmenter_->segment(photo_);
        return mask.ok() ? *mask : cv::Mat();
    };
    std::future<cv::Mat> a = std::async(std::launch::async, job);
    std::future<cv::Mat> b = std::async(std::launch::async, job);
    const cv::Mat ma = a.get(), mb = b.get();
    QVERIFY(!ma.empty() && !mb.empty());
    QCOMPARE(cv::norm(ma, mb, cv::NORM_INF), 0.0);
}

void TestPersonSegmenter::refusesAnotherNetwork() {
    const std::string iris = defaultModelsFolder() + "/iris.json";
    Result<PersonSegmenter> wrong = PersonSegmenter::create(iris);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().kind, ErrorKind::BadInput);
    QVERIFY2(QString::fromStdString(wrong.error().message).contains("iris.json"),
             wrong.error().message.c_str());
    const std::string nowhere = "/nonexistent/folder/selfie.json";
    Result<PersonSegmenter> missing = PersonSegmenter::create(nowhere);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(missing.error().message);
    QVERIFY2(message.contains(QString::fromStdString(nowhere)), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
}

void TestPersonSegmenter::refusesAnEmptyPhoto() {
    QVERIFY(!segmenter_->segment(cv::Mat()).ok());
    QVERIFY(!segmenter_->segment(cv::Mat(10, 10, CV_32FC3, cv::Scalar(0.5))).ok());
}

QTEST_GUILESS_MAIN(TestPersonSegmenter)
#include "TestPersonSegmenter.moc"
