// The voice model at work on audio: chunked analysis (30 s at a time) gives exactly what the
// network gives over the whole signal at once; the track's frame rate, length and interpolation;
// bad audio and bad networks refused. The network is a small random one made here: what it
// predicts does not matter, only that the plumbing around it is exact.
#include <QtTest>
#include <cmath>

#include "media/AudioClip.h"
#include "nn/VoiceNet.h"
#include "voice/LogMel.h"
#include "voice/VoiceModel.h"

using namespace ps;

namespace {

std::shared_ptr<const nn::VoiceNet> smallNetwork(int outputs = kVoiceModelOutputCount) {
    nn::VoiceNetShape shape;
    shape.channels = 12;
    shape.dilations = {1, 2, 4};
    shape.outputs = outputs;
    return nn::VoiceNet::create(shape, 7);
}

// Speech-like audio: a buzz whose pitch and loudness wander, in bursts.
PcmBuffer buzz(double seconds) {
    PcmBuffer pcm;
    pcm.sample_rate_hz = kAnalysisSampleRate_hz;
    pcm.channels = 1;
    const size_t n = size_t(seconds * pcm.sample_rate_hz);
    pcm.samples.resize(n);
    double phase = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double t = double(i) / pcm.sample_rate_hz;
        const double f0 = 120.0 + 30.0 * std::sin(2.0 * M_PI * 0.7 * t);
        phase += 2.0 * M_PI * f0 / pcm.sample_rate_hz;
        const double envelope = std::max(0.0, std::sin(2.0 * M_PI * 1.3 * t));
        pcm.samples[i] = float(0.3 * envelope * (std::sin(phase) + 0.4 * std::sin(3.0 * phase)));
    }
    return pcm;
}

}  // namespace

class TestVoiceModel : public QObject {
    Q_OBJECT

private slots:
    void chunkedAnalysisEqualsOnePass();
    void trackInterpolatesBetweenFrames();
    void refusesWrongAudioAndNetworks();
};

void TestVoiceModel::chunkedAnalysisEqualsOnePass() {
    const std::shared_ptr<const nn::VoiceNet> net = smallNetwork();
    Result<VoiceModel> model = VoiceModel::fromNetwork(net);
    QVERIFY(model.ok());
    // 65 s: three chunks, the last one short.
    const PcmBuffer pcm = buzz(65.0);
    int reports = 0;
    Result<MouthTrack> track = model->analyse(pcm, nullptr, [&](const Progress&) { ++reports; });
    QVERIFY(track.ok());
    QCOMPARE(reports, 3);
    const LogMelSpectrogram mel =
        LogMelAnalyzer().compute(pcm.samples.data(), int64_t(pcm.samples.size()));
    QCOMPARE(int64_t(track->mouth.size()), mel.frames);
    QCOMPARE(track->frame_rate_hz, 100.0);
    std::vector<float> whole(size_t(mel.frames) * kVoiceModelOutputCount);
    net->infer(mel.data.data(), int(mel.frames), whole.data());
    double worst = 0.0;
    for (int64_t f = 0; f < mel.frames; ++f) {
        const MouthWeights expected =
            VoiceModel::mouthFromOutputs(&whole[size_t(f) * kVoiceModelOutputCount]);
        for (int c = 0; c < kMouthChannelCount; ++c) {
            worst = std::max(
                worst, double(std::abs(track->mouth[size_t(f)][size_t(c)] - expected[size_t(c)])));
        }
        worst = std::max(
            worst,
            double(std::abs(track->speech[size_t(f)] -
                            whole[size_t(f) * kVoiceModelOutputCount + kSpeechActivityChannel])));
    }
    qInfo("largest difference between chunked and one-pass analysis over %lld frames: %g",
          (long long)mel.frames, worst);
    // Convolutions over a chunk and over the whole may sum in another order; nothing more.
    QVERIFY(worst < 1e-5);
}

void TestVoiceModel::trackInterpolatesBetweenFrames() {
    MouthTrack track;
    track.frame_rate_hz = 100.0;
    track.mouth.resize(3);
    track.mouth[1][0] = 1.0f;
    track.speech = {0.0f, 1.0f, 0.5f};
    QCOMPARE(track.mouthAt(0.005)[0], 0.5f);
    QCOMPARE(track.mouthAt(0.01)[0], 1.0f);
    QCOMPARE(track.speechAt(0.015), 0.75f);
    QCOMPARE(track.speechAt(-1.0), 0.0f);  // held at the ends
    QCOMPARE(track.speechAt(5.0), 0.5f);
    QCOMPARE(track.duration_s(), 0.03);
}

void TestVoiceModel::refusesWrongAudioAndNetworks() {
    QVERIFY(!VoiceModel::fromNetwork(smallNetwork(5)).ok());
    QVERIFY(!VoiceModel::fromNetwork(nullptr).ok());
    Result<VoiceModel> model = VoiceModel::fromNetwork(smallNetwork());
    PcmBuffer stereo = buzz(1.0);
    stereo.channels = 2;
    QVERIFY(!model->analyse(stereo).ok());
    const Result<VoiceModel> missing = VoiceModel::load("/no/such/voice.safetensors");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::BadInput);
    QVERIFY(missing.error().message.find("/no/such/voice.safetensors") == 0);
    CancelToken cancel;
    cancel.cancel();
    const Result<MouthTrack> stopped = model->analyse(buzz(1.0), &cancel);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().kind, ErrorKind::Cancelled);
}

QTEST_GUILESS_MAIN(TestVoiceModel)
#include "TestVoiceModel.moc"
