// The live preview's engine: the samples' face moves with the voice (the mouth differs from the
// photo's while speaking), frames are deterministic per time, an edit shows in the next frame,
// a burst of requests is answered with the newest one while the stale ones are dropped, and the
// A/B compare draws each frame a second time from the unedited voice motion.
#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "FrameCompare.h"

#include "media/AudioDecoder.h"
#include "media/ImageDecoder.h"
#include "motion/MotionEdit.h"
#include "ui/PreviewEngine.h"

using ps::ui::PreviewEngine;

using ps::test::meanDifference;
using ps::test::mouthBox;

namespace {

constexpr int kTimeout_ms = 60000;

struct Frame {
    QImage image;
    double t_s = -1.0;
    QVector<QPointF> landmarks;
};

}  // namespace

class TestPreviewEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        ps::Result<ps::Photo> photo = ps::decodeImage(PS_SAMPLES_DIR "/astronaut.png");
        QVERIFY(photo.ok());
        photo_ = std::make_shared<const ps::Photo>(std::move(*photo));
        ps::Result<ps::AudioClip> audio =
            ps::decodeAudio(PS_SAMPLES_DIR "/voice.wav", ps::CancelToken());
        QVERIFY(audio.ok());
        audio_ = std::make_shared<const ps::AudioClip>(std::move(*audio));
        document_.duration_s = audio_->duration_s();
    }

    void init() {
        engine_ = std::make_unique<PreviewEngine>();
        connect(engine_.get(), &PreviewEngine::frameReady, this,
                [this](const QImage& image, double t_s, const QVector<QPointF>& landmarks) {
                    last_ = Frame{image, t_s, landmarks};
                    ++frames_;
                });
        frames_ = 0;
        last_ = Frame{};
    }

    void cleanup() { engine_.reset(); }

    void drawsNothingWithoutAPhoto() {
        engine_->setMotion(document_);
        engine_->requestFrame(1.0);
        QTest::qWait(100);
        QCOMPARE(frames_, 0);
    }

    void theMouthMovesWithTheVoice() {
        ready();
        // The samples speak from about 0.3 s: frames through the first seconds, some must
        // differ clearly from the photo in the mouth.
        double most = 0.0;
        QImage photo = frameAt(0.0).image;
        for (const double t : {0.8, 1.2, 1.6, 2.0, 2.4}) {
            const Frame frame = frameAt(t);
            QCOMPARE(frame.image.size(), QSize(512, 512));
            QCOMPARE(frame.landmarks.size(), 468);
            most = std::max(most,
                            meanDifference(frame.image, photo_image(), mouthBox(frame.landmarks)));
        }
        qInfo("the mouth differs from the photo's by %.1f levels at most", most);
        QVERIFY2(most > 6.0, qPrintable(QStringLiteral("mouth differs by %1").arg(most)));
        (void)photo;
    }

    void sameTimeSameFrame() {
        ready();
        const QImage first = frameAt(1.2).image;
        const QImage other = frameAt(2.0).image;
        const QImage again = frameAt(1.2).image;
        QVERIFY(first == again);
        QVERIFY(first != other);
    }

    void anEditShowsInTheNextFrame() {
        ready();
        const Frame before = frameAt(4.0);
        ps::MotionDocument edited = document_;
        ps::ExpressionClip clip;
        clip.expression.name = "jaw";
        ps::Keyframe key;
        key.value = 0.6f;
        clip.expression.channels.push_back({int(ps::Blendshape::JawOpen), {key}});
        clip.start_s = 3.0;
        clip.duration_s = 2.0;
        clip.fade_in_s = clip.fade_out_s = 0.0;
        QVERIFY(ps::applyEdit(edited, ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{clip}})
                    .ok());
        const int seen = frames_;
        engine_->setMotion(edited);  // redraws the last requested time by itself
        QTRY_VERIFY_WITH_TIMEOUT(frames_ > seen, kTimeout_ms);
        QCOMPARE(last_.t_s, 4.0);
        const double moved = meanDifference(before.image, last_.image, mouthBox(before.landmarks));
        qInfo("the jaw clip changes the mouth by %.1f levels", moved);
        QVERIFY2(moved > 6.0, qPrintable(QString::number(moved)));
    }

    void aBurstIsAnsweredWithTheNewest() {
        ready();
        engine_->resetStats();
        const int seen = frames_;
        for (int i = 0; i < 40; ++i) {
            engine_->requestFrame(0.1 * i);
        }
        QTRY_VERIFY_WITH_TIMEOUT(last_.t_s == 0.1 * 39, kTimeout_ms);
        QTest::qWait(200);  // nothing further is on its way
        const PreviewEngine::Stats stats = engine_->stats();
        QCOMPARE(stats.requested, quint64(40));
        // One started at once, the newest waited: everything between was replaced.
        QCOMPARE(stats.rendered, quint64(frames_ - seen));
        QVERIFY(stats.rendered <= 3);
        QCOMPARE(stats.rendered + stats.dropped, quint64(40));
        QVERIFY(stats.mean_ms > 0.0);
    }

    void compareDrawsTheUneditedVoiceBesideTheEdit() {
        ready();
        QSignalSpy compared(engine_.get(), &PreviewEngine::compareFrameReady);
        const QImage unedited = frameAt(4.0).image;
        QCOMPARE(compared.count(), 0);  // off by default

        ps::MotionDocument edited = document_;
        ps::KeyframeCurve jaw;
        jaw.channel = int(ps::Blendshape::JawOpen);
        jaw.blend = ps::BlendMode::Override;
        ps::Keyframe key;
        key.t_s = 3.0;
        key.value = 0.9f;
        jaw.keys.push_back(key);
        key.t_s = 5.0;
        jaw.keys.push_back(key);
        QVERIFY(
            ps::applyEdit(edited, ps::MotionEdit{ps::InsertElement<ps::KeyframeCurve>{jaw}}).ok());
        edited.strengths.lips = 0.3f;
        engine_->setMotion(edited);
        engine_->setCompareEnabled(true);
        QVERIFY(engine_->isCompareEnabled());
        const Frame edit = frameAt(4.0);
        QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), kTimeout_ms);
        const QList<QVariant> last = compared.takeLast();
        const QImage a = last.at(0).value<QImage>();
        QCOMPARE(last.at(1).toDouble(), 4.0);
        QCOMPARE(last.at(2).value<QVector<QPointF>>().size(), 468);
        // A is exactly what the document drew before the edit; B is the edit.
        QVERIFY(a == unedited);
        const double apart = meanDifference(a, edit.image, mouthBox(edit.landmarks));
        qInfo("A and B differ by %.1f levels in the mouth", apart);
        QVERIFY2(apart > 6.0, qPrintable(QString::number(apart)));

        engine_->setCompareEnabled(false);
        compared.clear();
        frameAt(4.2);
        QCOMPARE(compared.count(), 0);
    }

private:
    QImage photo_image() const {
        QImage image(photo_->bgr.cols, photo_->bgr.rows, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const cv::Vec3b p = photo_->bgr.at<cv::Vec3b>(y, x);
                image.setPixel(x, y, qRgb(p[2], p[1], p[0]));
            }
        }
        return image;
    }

    void ready() {
        QSignalSpy scene(engine_.get(), &PreviewEngine::sceneChanged);
        QSignalSpy sources(engine_.get(), &PreviewEngine::sourcesChanged);
        engine_->setMotion(document_);
        engine_->setPhoto(photo_);
        engine_->setAudio(audio_);
        QTRY_VERIFY_WITH_TIMEOUT(engine_->hasScene() && !engine_->isAnalysingVoice() &&
                                     engine_->sources() != nullptr &&
                                     !engine_->sources()->voice.track.frames.empty(),
                                 kTimeout_ms);
    }

    Frame frameAt(double t_s) {
        const int seen = frames_;
        engine_->requestFrame(t_s);
        if (!QTest::qWaitFor([&] { return frames_ > seen && last_.t_s == t_s; }, kTimeout_ms)) {
            qWarning("no frame for %f", t_s);
        }
        return last_;
    }

    std::shared_ptr<const ps::Photo> photo_;
    std::shared_ptr<const ps::AudioClip> audio_;
    ps::MotionDocument document_;
    std::unique_ptr<PreviewEngine> engine_;
    Frame last_;
    int frames_ = 0;
};

QTEST_GUILESS_MAIN(TestPreviewEngine)
#include "TestPreviewEngine.moc"
