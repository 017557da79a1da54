// The talking video's frames from a face track: the frame size asked for, the mouth opening
// where the track opens the jaw (and only there), the last frame held past the track's end, and
// an empty track refused.
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

#include "face/PhotoFit.h"
#include "render/TalkingPortrait.h"

using namespace ps;

class TestTalkingPortrait : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void framesFollowTheTrack();
    void refusesAnEmptyTrack();

private:
    cv::Mat photo_;
    FaceFit fit_;
};

void TestTalkingPortrait::initTestCase() {
    photo_ = cv::imread(PS_SAMPLES_DIR "/astronaut.png");
    QVERIFY(!photo_.empty());
    Result<LargestFaceFit> fitted = fitLargestFace(photo_, "astronaut.png");
    QVERIFY(fitted.ok());
    fit_ = fitted->report.fit;
}

void TestTalkingPortrait::framesFollowTheTrack() {
    FaceTrack track;
    track.fps = 25.0;
    FaceState rest, open;
    rest.speech = 1.0f;
    open = rest;
    open.weights[size_t(Blendshape::JawOpen)] = 0.6f;
    track.frames = {rest, open};
    Result<TalkingPortrait> portrait = TalkingPortrait::create(photo_, fit_, track);
    QVERIFY(portrait.ok());
    const cv::Size size(320, 240);
    Result<cv::Mat> first = portrait->frame(0, size);
    Result<cv::Mat> second = portrait->frame(1, size);
    Result<cv::Mat> beyond = portrait->frame(7, size);
    QVERIFY(first.ok() && second.ok() && beyond.ok());
    QCOMPARE(first->size(), size);
    QCOMPARE(first->type(), CV_8UC3);
    QCOMPARE(cv::norm(*second, *beyond, cv::NORM_INF), 0.0);  // held at the last frame
    // The jaw opened: the frames differ around the face (in the photo's upper half), not on the
    // body below it.
    cv::Mat difference;
    cv::absdiff(*first, *second, difference);
    const double body = cv::mean(difference.rowRange(size.height / 2, size.height))[1];
    const double all = cv::mean(difference)[1];
    qInfo("mean difference between rest and jaw open: %.2f over the frame, %.3f in its lower half",
          all, body);
    QVERIFY(all > 0.2);
    QVERIFY(body < 0.01);
    // The frame source hands out the same frames.
    const FrameSource source = portrait->frames(size);
    Result<cv::Mat> via_source = source(1, 0.04);
    QVERIFY(via_source.ok());
    QCOMPARE(cv::norm(*via_source, *second, cv::NORM_INF), 0.0);
}

void TestTalkingPortrait::refusesAnEmptyTrack() {
    QVERIFY(!TalkingPortrait::create(photo_, fit_, FaceTrack{}).ok());
    FaceTrack one;
    one.frames.resize(1);
    QVERIFY(!TalkingPortrait::create(cv::Mat(), fit_, one).ok());
}

QTEST_GUILESS_MAIN(TestTalkingPortrait)
#include "TestTalkingPortrait.moc"
