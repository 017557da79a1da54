// The voice's face track: one state per video frame with the voice model's mouth (scaled by the
// lips' strength), blinks on both eyes, head motion from prosody, and speech activity; the same
// seed gives the same track.
#include <QtTest>
#include <cmath>

#include "media/AudioClip.h"
#include "voice/SpeechMotion.h"

using namespace ps;

namespace {

// A mouth that opens and closes twice a second, speaking throughout.
MouthTrack wavingMouth(double seconds) {
    MouthTrack track;
    const size_t frames = size_t(seconds * 100.0) + 1;
    for (size_t f = 0; f < frames; ++f) {
        MouthWeights w{};
        w[size_t(mouthChannel(Blendshape::JawOpen))] =
            float(0.5 + 0.5 * std::sin(2.0 * M_PI * 2.0 * double(f) / 100.0));
        w[size_t(mouthChannel(Blendshape::MouthFunnel))] = 0.25f;
        track.mouth.push_back(w);
        track.speech.push_back(1.0f);
    }
    return track;
}

// Bursts of a buzz separated by pauses, so prosody finds syllables and silences.
PcmBuffer bursts(double seconds) {
    PcmBuffer pcm;
    pcm.sample_rate_hz = kAnalysisSampleRate_hz;
    pcm.channels = 1;
    pcm.samples.resize(size_t(seconds * pcm.sample_rate_hz));
    for (size_t i = 0; i < pcm.samples.size(); ++i) {
        const double t = double(i) / pcm.sample_rate_hz;
        const bool on = std::fmod(t, 3.0) < 2.0 && std::fmod(t, 0.25) < 0.18;
        pcm.samples[i] = on ? float(0.3 * std::sin(2.0 * M_PI * 140.0 * t)) : 0.0f;
    }
    return pcm;
}

}  // namespace

class TestSpeechMotion : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void oneStatePerVideoFrame();
    void lipsStrengthScalesTheMouth();
    void blinksAndHeadMotionArePresentAndRepeatable();

private:
    Prosody prosody_;
};

void TestSpeechMotion::initTestCase() {
    Result<Prosody> prosody = analyzeProsody(bursts(60.0));
    QVERIFY(prosody.ok());
    prosody_ = *prosody;
}

void TestSpeechMotion::oneStatePerVideoFrame() {
    SpeechMotionSettings settings;
    settings.fps = FrameRate::Fps30;
    Result<FaceTrack> track = speechMotion(wavingMouth(60.0), prosody_, settings);
    QVERIFY(track.ok());
    QCOMPARE(track->fps, 30.0);
    QCOMPARE((long long)track->frames.size(), frameCountFor(60.0, FrameRate::Fps30));
    // Frame 3 at 0.1 s: the mouth track's value at 0.1 s.
    const float jaw = track->frames[3].weights[size_t(Blendshape::JawOpen)];
    QVERIFY(std::abs(jaw - float(0.5 + 0.5 * std::sin(2.0 * M_PI * 2.0 * 0.1))) < 1e-4f);
    QCOMPARE(track->frames[3].weights[size_t(Blendshape::MouthFunnel)], 0.25f);
    QCOMPARE(track->frames[3].speech, 1.0f);
}

void TestSpeechMotion::lipsStrengthScalesTheMouth() {
    SpeechMotionSettings settings;
    settings.lips = 0.5f;
    Result<FaceTrack> half = speechMotion(wavingMouth(60.0), prosody_, settings);
    QVERIFY(half.ok());
    QCOMPARE(half->frames[10].weights[size_t(Blendshape::MouthFunnel)], 0.125f);
    settings.lips = 0.0f;
    Result<FaceTrack> none = speechMotion(wavingMouth(60.0), prosody_, settings);
    for (const FaceState& s : none->frames) {
        QCOMPARE(s.weights[size_t(Blendshape::JawOpen)], 0.0f);
    }
    settings.lips = -1.0f;
    QVERIFY(!speechMotion(wavingMouth(60.0), prosody_, settings).ok());
}

void TestSpeechMotion::blinksAndHeadMotionArePresentAndRepeatable() {
    SpeechMotionSettings settings;
    settings.head.seed = settings.blinks.seed = 4;
    Result<FaceTrack> a = speechMotion(wavingMouth(60.0), prosody_, settings);
    Result<FaceTrack> b = speechMotion(wavingMouth(60.0), prosody_, settings);
    QVERIFY(a.ok() && b.ok());
    int closed = 0;
    float widest = 0.0f;
    for (size_t k = 0; k < a->frames.size(); ++k) {
        const FaceState& s = a->frames[k];
        QCOMPARE(s.weights[size_t(Blendshape::EyeBlinkLeft)],
                 s.weights[size_t(Blendshape::EyeBlinkRight)]);
        if (s.weights[size_t(Blendshape::EyeBlinkLeft)] >= 0.95f &&
            (k == 0 || a->frames[k - 1].weights[size_t(Blendshape::EyeBlinkLeft)] < 0.95f)) {
            ++closed;
        }
        widest = std::max(
            {widest, std::abs(s.head_deg.x), std::abs(s.head_deg.y), std::abs(s.head_deg.z)});
        QVERIFY(s.weights == b->frames[k].weights && s.head_deg == b->frames[k].head_deg);
    }
    qInfo("%d blinks in a minute; the head turns up to %.2f degrees", closed, double(widest));
    QVERIFY(closed >= 12 && closed <= 22);
    QVERIFY(widest > 0.3f && widest < 12.0f);
}

QTEST_GUILESS_MAIN(TestSpeechMotion)
#include "TestSpeechMotion.moc"
