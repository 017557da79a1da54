// FaceTracker on videos made here from the sample portrait with the real renderer, so that the
// truth is known: the head turned ±20° in yaw and ±10° in pitch while the jaw opens and closes,
// encoded as H.264 and read back with VideoDecoder. The tracker's head angles are within 3° of
// the rendered ones (mean absolute error) and its jawOpen follows the rendered one (Pearson
// r >= 0.9), with detection on the first frame only and no false cut. Through a cut to the
// mirrored video it re-detects on the very frame of the cut, that frame's fit is the mirrored
// truth, not a blend of both shots, and the frames after agree with a photo fit of each. Grey
// frames in the middle are marked as having no face and tracking resumes after them. Of two faces,
// the one asked for is followed, and found again after it was lost; asking for a face the video
// does not have is a NoFace error. Smoothing lowers the frame-to-frame jitter of a still face under
// sensor noise.
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "face/FaceMesh.h"
#include "face/FaceNetworks.h"
#include "face/FaceTracker.h"
#include "face/PhotoFit.h"
#include "media/Mp4Writer.h"
#include "media/VideoDecoder.h"
#include "motion/ApplyFaceState.h"
#include "render/PortraitRenderer.h"
#include "runtime/SeededRandom.h"

namespace {

constexpr double kFps = 25.0;
constexpr double kPi = 3.14159265358979323846;

// The motion at frame k: yaw ±20° over three seconds, pitch ±10° twice as fast, the jaw from
// shut to wide open once a second: three rates, so no angle is a copy of another. The jaw uses
// its whole range because the photo fit reads small openings partly as mouthLowerDown and
// mouthClose rather than jawOpen (on this video r is 0.87 for a jaw sweeping 0..0.6).
ps::FaceState motionAt(int k) {
    const double t = k / kFps;
    ps::FaceState state;
    state.head_deg = glm::vec3(float(10.0 * std::sin(2.0 * kPi * t / 1.5)),
                               float(20.0 * std::sin(2.0 * kPi * t / 3.0)), 0.0f);
    state.weights[size_t(ps::Blendshape::JawOpen)] =
        float(0.5 - 0.5 * std::cos(2.0 * kPi * t / 1.0));
    state.speech = 1.0f;  // the state's mouth, not the photo's
    return state;
}

// A frame of the video, and the face it shows (nothing for a frame without a face).
struct Shot {
    cv::Mat bgr;
    std::optional<ps::FaceFit> truth;
};

double angleError(double a, double b) {
    double d = std::fmod(a - b, 360.0);
    if (d > 180.0) {
        d -= 360.0;
    } else if (d < -180.0) {
        d += 360.0;
    }
    return std::abs(d);
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = double(a.size());
    double ma = 0.0, mb = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        ma += a[i] / n;
        mb += b[i] / n;
    }
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

// The fit of a mirror image: the scene mirrored in the camera's x, so pitch stays and yaw and
// roll change sign; each landmark is its mirror partner's (the subject's right eye of the mirror
// image is the left eye of the original), moved across the frame's middle.
ps::FaceFit mirrored(const ps::FaceFit& fit) {
    const ps::FaceMesh& mesh = ps::FaceMesh::canonical();
    ps::FaceFit m = fit;
    m.pose.rotation_deg.y = -fit.pose.rotation_deg.y;
    m.pose.rotation_deg.z = -fit.pose.rotation_deg.z;
    for (size_t i = 0; i < fit.landmarks2d.size(); ++i) {
        const glm::vec2& p = fit.landmarks2d[size_t(mesh.mirrorOf(int(i)))];
        m.landmarks2d[i] = glm::vec2(float(fit.image_size.width - 1) - p.x, p.y);
    }
    return m;
}

struct Errors {
    double pitch = 0.0, yaw = 0.0, roll = 0.0;  // mean absolute, degrees
    int frames = 0;
};

// Mean absolute angle errors over the frames in [from, to) that have a truth and a fit.
Errors angleErrors(const std::vector<Shot>& shots, const std::vector<ps::TrackedFace>& tracked,
                   size_t from, size_t to) {
    Errors e;
    for (size_t i = from; i < to; ++i) {
        if (!shots[i].truth || !tracked[i].fit) {
            continue;
        }
        const glm::vec3 truth = shots[i].truth->pose.rotation_deg;
        const glm::vec3 found = tracked[i].fit->pose.rotation_deg;
        e.pitch += angleError(found.x, truth.x);
        e.yaw += angleError(found.y, truth.y);
        e.roll += angleError(found.z, truth.z);
        ++e.frames;
    }
    if (e.frames > 0) {
        e.pitch /= e.frames;
        e.yaw /= e.frames;
        e.roll /= e.frames;
    }
    return e;
}

// Mean distance of the tracked landmarks from the truth's, as a fraction of the eye distance.
double landmarkError(const ps::FaceFit& truth, const ps::TrackedFace& tracked) {
    const auto eye = [&](int a, int b) {
        return 0.5f * (truth.landmarks2d[a] + truth.landmarks2d[b]);
    };
    const float eyes = glm::length(eye(33, 133) - eye(362, 263));
    double sum = 0.0;
    for (size_t i = 0; i < truth.landmarks2d.size(); ++i) {
        const glm::vec3& p = tracked.landmarks.points[i];
        sum += glm::length(glm::vec2(p.x, p.y) - truth.landmarks2d[i]);
    }
    return sum / double(truth.landmarks2d.size()) / eyes;
}

}  // namespace

class TestFaceTracker : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void followsHeadAndJaw();
    void findsTheFaceAgainOnTheFrameOfACut();
    void marksFramesWithoutAFaceAndResumes();
    void followsTheFaceAskedForAndFindsItAgain();
    void askingForAFaceTheVideoLacksIsNoFace();
    void smoothingLowersTheJitterOfAStillFace();

private:
    Shot rendered(int k) const;
    // The shots encoded as an H.264 MP4 at 25 fps, decoded and tracked frame by frame.
    std::vector<ps::TrackedFace> encodeAndTrack(const std::vector<Shot>& shots,
                                                const ps::FaceTrackerSettings& settings,
                                                double* ms_per_frame = nullptr);

    QTemporaryDir dir_;
    cv::Mat photo_;
    ps::FaceFit photo_fit_;
    std::optional<ps::PortraitRenderer> renderer_;
    const ps::FaceNetworks* networks_ = nullptr;
    int videos_ = 0;
};

void TestFaceTracker::initTestCase() {
    QVERIFY(dir_.isValid());
    photo_ = cv::imread(PS_SAMPLES_DIR "/astronaut.png", cv::IMREAD_COLOR);
    QCOMPARE(photo_.size(), cv::Size(512, 512));
    ps::Result<const ps::FaceNetworks*> networks = ps::faceNetworks();
    QVERIFY2(networks.ok(), networks.ok() ? "" : networks.error().message.c_str());
    networks_ = *networks;
    ps::Result<ps::LargestFaceFit> fitted = ps::fitLargestFace(photo_, "astronaut.png");
    QVERIFY2(fitted.ok(), fitted.ok() ? "" : fitted.error().message.c_str());
    photo_fit_ = fitted->report.fit;
    ps::Result<ps::PortraitRenderer> renderer = ps::PortraitRenderer::create(photo_, photo_fit_);
    QVERIFY2(renderer.ok(), renderer.ok() ? "" : renderer.error().message.c_str());
    renderer_.emplace(std::move(renderer).value());
}

Shot TestFaceTracker::rendered(int k) const {
    Shot shot;
    shot.truth = ps::applyFaceState(photo_fit_, motionAt(k));
    if (!renderer_->render(*shot.truth, shot.bgr)) {
        shot.bgr = cv::Mat();
    }
    return shot;
}

std::vector<ps::TrackedFace> TestFaceTracker::encodeAndTrack(
    const std::vector<Shot>& shots, const ps::FaceTrackerSettings& settings, double* ms_per_frame) {
    std::vector<ps::TrackedFace> out;
    const QString path = dir_.filePath(QString("video%1.mp4").arg(videos_++));
    ps::VideoSettings video;
    video.width = shots.front().bgr.cols;
    video.height = shots.front().bgr.rows;
    video.fps = ps::FrameRate::Fps25;
    video.preset = "ultrafast";
    auto writer = ps::Mp4Writer::open(path.toStdString(), video, 0, 0);
    if (!writer) {
        qWarning("%s", writer.error().message.c_str());
        return out;
    }
    for (const Shot& shot : shots) {
        if (!(*writer)->writeVideoFrame(shot.bgr)) {
            return out;
        }
    }
    if (!(*writer)->finish()) {
        return out;
    }
    auto decoder = ps::VideoDecoder::open(path.toStdString());
    if (!decoder) {
        qWarning("%s", decoder.error().message.c_str());
        return out;
    }
    ps::FaceTracker tracker(*networks_, settings);
    ps::VideoFrame frame;
    double tracking_ms = 0.0;
    while (true) {
        const ps::Result<bool> got = (*decoder)->read(&frame);
        if (!got || !*got) {
            break;
        }
        const auto start = std::chrono::steady_clock::now();
        ps::Result<ps::TrackedFace> face = tracker.track(frame.bgr, frame.time_s);
        tracking_ms +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        if (!face) {
            qWarning("%s", face.error().message.c_str());
            return {};
        }
        out.push_back(std::move(face).value());
    }
    if (ms_per_frame != nullptr && !out.empty()) {
        *ms_per_frame = tracking_ms / double(out.size());
    }
    return out;
}

void TestFaceTracker::followsHeadAndJaw() {
    std::vector<Shot> shots;
    for (int k = 0; k < 75; ++k) {
        shots.push_back(rendered(k));
        QVERIFY(!shots.back().bgr.empty());
    }
    double ms = 0.0;
    const std::vector<ps::TrackedFace> tracked = encodeAndTrack(shots, {}, &ms);
    QCOMPARE(tracked.size(), shots.size());
    std::vector<double> jaw_truth, jaw_found;
    for (size_t i = 0; i < tracked.size(); ++i) {
        QVERIFY2(tracked[i].fit.has_value(), qPrintable(QString("frame %1").arg(i)));
        QCOMPARE(tracked[i].found, i == 0 ? ps::FaceFound::Detected : ps::FaceFound::Tracked);
        QVERIFY2(!tracked[i].cut, qPrintable(QString("a cut seen at frame %1").arg(i)));
        QVERIFY(tracked[i].landmarks.confidence >= 0.5f);
        QVERIFY(std::abs(tracked[i].time_s - double(i) / kFps) < 1e-3);
        jaw_truth.push_back(shots[i].truth->expression[size_t(ps::Blendshape::JawOpen)]);
        jaw_found.push_back(tracked[i].fit->expression[size_t(ps::Blendshape::JawOpen)]);
    }
    const Errors e = angleErrors(shots, tracked, 0, shots.size());
    const double r = pearson(jaw_truth, jaw_found);
    qInfo(
        "mean absolute error: pitch %.2f, yaw %.2f, roll %.2f deg; jawOpen r = %.3f; "
        "%.1f ms per frame",
        e.pitch, e.yaw, e.roll, r, ms);
    QVERIFY2(e.yaw < 3.0, qPrintable(QString::number(e.yaw)));
    QVERIFY2(e.pitch < 3.0, qPrintable(QString::number(e.pitch)));
    QVERIFY2(e.roll < 3.0, qPrintable(QString::number(e.roll)));
    QVERIFY2(r >= 0.9, qPrintable(QString::number(r)));
}

void TestFaceTracker::findsTheFaceAgainOnTheFrameOfACut() {
    // Forty frames of the portrait, then the mirrored portrait: its face 60 pixels to the
    // right, still partly inside the crop the last frame left, turned the other way.
    constexpr int kCut = 40;
    std::vector<Shot> shots;
    for (int k = 0; k < 70; ++k) {
        Shot shot = rendered(k);
        if (k >= kCut) {
            cv::flip(shot.bgr, shot.bgr, 1);
            shot.truth = mirrored(*shot.truth);
        }
        shots.push_back(std::move(shot));
    }
    const std::vector<ps::TrackedFace> tracked = encodeAndTrack(shots, {});
    QCOMPARE(tracked.size(), shots.size());
    for (int i = 1; i < int(tracked.size()); ++i) {
        QCOMPARE(tracked[size_t(i)].cut, i == kCut);
        QCOMPARE(tracked[size_t(i)].found,
                 i == kCut ? ps::FaceFound::Detected : ps::FaceFound::Tracked);
    }
    const ps::TrackedFace& first = tracked[kCut];
    QVERIFY(first.fit.has_value());
    const double landmarks = landmarkError(*shots[kCut].truth, first);
    const Errors at_cut = angleErrors(shots, tracked, kCut, kCut + 1);
    QCOMPARE(at_cut.frames, 1);
    // After the cut the tracker should add nothing to the photo fit's own error (which, for the
    // head tilted back with the jaw wide, reaches 5° of pitch on its own): each frame's angles
    // against a fresh photo fit of that frame, and against the truth for the record.
    const Errors after = angleErrors(shots, tracked, kCut, shots.size());
    std::vector<Shot> fresh = shots;
    for (size_t i = kCut; i < fresh.size(); ++i) {
        ps::Result<ps::LargestFaceFit> fitted = ps::fitLargestFace(shots[i].bgr, "frame");
        QVERIFY(fitted.ok());
        fresh[i].truth = fitted->report.fit;
    }
    const Errors to_fresh = angleErrors(fresh, tracked, kCut, shots.size());
    qInfo(
        "at the cut: landmarks %.3f of the eye distance off, pitch %.2f, yaw %.2f, roll %.2f "
        "deg; after it, from the truth: pitch %.2f, yaw %.2f, roll %.2f deg; from a photo fit "
        "of each frame: pitch %.2f, yaw %.2f, roll %.2f deg",
        landmarks, at_cut.pitch, at_cut.yaw, at_cut.roll, after.pitch, after.yaw, after.roll,
        to_fresh.pitch, to_fresh.yaw, to_fresh.roll);
    QVERIFY2(landmarks < 0.08, qPrintable(QString::number(landmarks)));
    QVERIFY2(at_cut.pitch < 3.0 && at_cut.yaw < 3.0 && at_cut.roll < 3.0,
             qPrintable(QString("%1 %2 %3").arg(at_cut.pitch).arg(at_cut.yaw).arg(at_cut.roll)));
    QVERIFY2(
        to_fresh.yaw < 2.0 && to_fresh.pitch < 2.0 && to_fresh.roll < 2.0,
        qPrintable(QString("%1 %2 %3").arg(to_fresh.pitch).arg(to_fresh.yaw).arg(to_fresh.roll)));
}

void TestFaceTracker::marksFramesWithoutAFaceAndResumes() {
    // One second of the portrait, ten flat grey frames, one more second.
    std::vector<Shot> shots;
    for (int k = 0; k < 60; ++k) {
        Shot shot = rendered(k);
        if (k >= 25 && k < 35) {
            shot.bgr.setTo(cv::Scalar(128, 128, 128));
            shot.truth.reset();
        }
        shots.push_back(std::move(shot));
    }
    const std::vector<ps::TrackedFace> tracked = encodeAndTrack(shots, {});
    QCOMPARE(tracked.size(), shots.size());
    for (size_t i = 0; i < tracked.size(); ++i) {
        const bool grey = i >= 25 && i < 35;
        QCOMPARE(tracked[i].found == ps::FaceFound::None, grey);
        QCOMPARE(tracked[i].fit.has_value(), !grey);
        QCOMPARE(tracked[i].landmarks.points.empty(), grey);
    }
    QCOMPARE(tracked[35].found, ps::FaceFound::Detected);
    QCOMPARE(tracked[36].found, ps::FaceFound::Tracked);
    const Errors after = angleErrors(shots, tracked, 35, shots.size());
    QCOMPARE(after.frames, 25);
    qInfo("after the grey frames: pitch %.2f, yaw %.2f, roll %.2f deg", after.pitch, after.yaw,
          after.roll);
    QVERIFY(after.yaw < 3.0 && after.pitch < 3.0 && after.roll < 3.0);
}

void TestFaceTracker::followsTheFaceAskedForAndFindsItAgain() {
    // Two copies side by side on a 640x360 frame: the portrait's face region at full size on
    // the left (face 0, the larger) and mirrored at 70 % on the right (face 1). Face 1 is asked
    // for; after five black frames the larger face is again the first detection, but the one
    // nearest where face 1 was is followed.
    const cv::Rect face_region(104, 20, 240, 240);
    std::vector<Shot> shots;
    for (int k = 0; k < 40; ++k) {
        Shot shot = rendered(k);
        cv::Mat canvas(360, 640, CV_8UC3, cv::Scalar(90, 100, 110));
        shot.bgr(face_region).copyTo(canvas(cv::Rect(20, 60, 240, 240)));
        cv::Mat small;
        cv::resize(shot.bgr(face_region), small, cv::Size(168, 168), 0, 0, cv::INTER_AREA);
        cv::flip(small, small, 1);
        small.copyTo(canvas(cv::Rect(420, 96, 168, 168)));
        if (k >= 20 && k < 25) {
            canvas.setTo(cv::Scalar(0, 0, 0));
        }
        shot.bgr = canvas;
        shot.truth.reset();
        shots.push_back(std::move(shot));
    }
    ps::FaceTrackerSettings settings;
    settings.face_index = 1;
    const std::vector<ps::TrackedFace> tracked = encodeAndTrack(shots, settings);
    QCOMPARE(tracked.size(), shots.size());
    for (size_t i = 0; i < tracked.size(); ++i) {
        if (i >= 20 && i < 25) {
            QCOMPARE(tracked[i].found, ps::FaceFound::None);
            continue;
        }
        QVERIFY2(tracked[i].fit.has_value(), qPrintable(QString("frame %1").arg(i)));
        const glm::vec3 nose = tracked[i].landmarks.points[1];
        QVERIFY2(nose.x > 420.0f && nose.x < 588.0f,
                 qPrintable(QString("frame %1: nose at x = %2").arg(i).arg(nose.x)));
    }
}

void TestFaceTracker::askingForAFaceTheVideoLacksIsNoFace() {
    ps::FaceTrackerSettings settings;
    settings.face_index = 2;
    ps::FaceTracker tracker(*networks_, settings);
    const cv::Mat grey(240, 320, CV_8UC3, cv::Scalar(128, 128, 128));
    // Frames without faces are fine; the first with faces decides.
    ps::Result<ps::TrackedFace> none = tracker.track(grey, 0.0);
    QVERIFY(none.ok());
    QCOMPARE(none->found, ps::FaceFound::None);
    const ps::Result<ps::TrackedFace> face = tracker.track(photo_, 0.04);
    QVERIFY(!face.ok());
    QCOMPARE(face.error().kind, ps::ErrorKind::NoFace);
    QVERIFY2(QString::fromStdString(face.error().message).contains("face 2"),
             face.error().message.c_str());
    QCOMPARE(tracker.track(cv::Mat(), 0.08).error().kind, ps::ErrorKind::BadInput);
}

void TestFaceTracker::smoothingLowersTheJitterOfAStillFace() {
    // A still face under sensor noise (4 grey levels, new every frame): the landmarks' steps
    // from frame to frame, with and without smoothing.
    ps::SeededRandom random(11);
    std::vector<Shot> shots;
    const Shot still = rendered(0);
    for (int k = 0; k < 50; ++k) {
        Shot shot = still;
        cv::Mat noise(shot.bgr.size(), CV_32FC3);
        for (int y = 0; y < noise.rows; ++y) {
            for (int x = 0; x < noise.cols; ++x) {
                noise.at<cv::Vec3f>(y, x) =
                    cv::Vec3f(float(4.0 * random.gaussian()), float(4.0 * random.gaussian()),
                              float(4.0 * random.gaussian()));
            }
        }
        cv::Mat noisy;
        shot.bgr.convertTo(noisy, CV_32FC3);
        noisy += noise;
        noisy.convertTo(shot.bgr, CV_8UC3);
        shots.push_back(std::move(shot));
    }
    const auto jitter = [&](bool smooth) {
        ps::FaceTrackerSettings settings;
        settings.smooth = smooth;
        const std::vector<ps::TrackedFace> tracked = encodeAndTrack(shots, settings);
        double sum = 0.0;
        int count = 0;
        for (size_t i = 11; i < tracked.size(); ++i) {  // after the filter has settled
            for (size_t p = 0; p < tracked[i].landmarks.points.size(); ++p) {
                sum += glm::length(glm::vec2(tracked[i].landmarks.points[p]) -
                                   glm::vec2(tracked[i - 1].landmarks.points[p]));
                ++count;
            }
        }
        return count > 0 ? sum / count : -1.0;
    };
    const double raw = jitter(false), smoothed = jitter(true);
    qInfo("frame-to-frame landmark step: %.3f px raw, %.3f px smoothed (%.1fx less)", raw, smoothed,
          raw / smoothed);
    QVERIFY(raw > 0.0 && smoothed > 0.0);
    QVERIFY2(raw / smoothed > 2.0, qPrintable(QString::number(raw / smoothed)));
}

QTEST_GUILESS_MAIN(TestFaceTracker)
#include "TestFaceTracker.moc"
