// The photo's own edges correcting Face Mesh's mouth corners, closed lips and chin
// (PhotoLandmarkRefinement.h), on drawn faces where the true points are known: the canonical mesh
// as the network's answer, with a lip line and a chin outline drawn a few pixels away from where
// it puts them. The real portraits are measured in TestPhotoFit.
#include <QtTest>
#include <glm/geometric.hpp>
#include <opencv2/imgproc.hpp>

#include "face/FaceMesh.h"
#include "face/PhotoLandmarkRefinement.h"

using namespace ps;

namespace {

glm::vec2 xy(const glm::vec3& p) {
    return {p.x, p.y};
}

// The canonical mesh in a 600×600 photo, its eyes (the midpoints of their corners) 100 px apart.
FaceLandmarks canonicalLandmarks() {
    const std::vector<glm::vec3>& v = FaceMesh::canonical().vertices();
    const glm::vec3 right = 0.5f * (v[landmark::kRightEyeOuter] + v[landmark::kRightEyeInner]);
    const glm::vec3 left = 0.5f * (v[landmark::kLeftEyeOuter] + v[landmark::kLeftEyeInner]);
    const float scale = 100.0f / glm::length(glm::vec2(left - right));
    FaceLandmarks lm;
    for (const glm::vec3& p : v) {
        lm.points.emplace_back(300.0f + scale * p.x, 280.0f - scale * p.y, scale * p.z);
    }
    // The canonical face's lips are a little apart (9 px here): closed, as on most portraits.
    const float lips_y =
        0.5f * (lm.points[landmark::kUpperInnerLip].y + lm.points[landmark::kLowerInnerLip].y);
    lm.points[landmark::kUpperInnerLip].y = lm.points[landmark::kLowerInnerLip].y = lips_y;
    lm.confidence = 1.0f;
    return lm;
}

glm::vec2 mouthCentre(const FaceLandmarks& lm) {
    return 0.5f *
           (xy(lm.points[landmark::kUpperInnerLip]) + xy(lm.points[landmark::kLowerInnerLip]));
}

struct DrawnFace {
    cv::Mat image;
    cv::Point2f mouth_right, mouth_left;  // the drawn lip line's ends
    float lip_y = 0, chin_y = 0;          // the lip line's height, the chin outline's
};

// Skin, a dark lip line from 6 px outside one network corner to 6 px outside the other, 2 px
// below the network's lips, and shade under a chin outline 5 px above the network's chin.
// `line_overshoot` more pixels run the line on past both corners; `chin_offset` moves the
// outline.
DrawnFace drawFace(const FaceLandmarks& lm, float line_overshoot = 0.0f,
                   float chin_offset = -5.0f) {
    DrawnFace f;
    f.image = cv::Mat(600, 600, CV_8UC3, cv::Scalar(150, 170, 190));
    f.chin_y = lm.points[landmark::kChin].y + chin_offset;
    cv::rectangle(f.image, cv::Point(0, int(std::lround(f.chin_y))), cv::Point(599, 599),
                  cv::Scalar(60, 70, 80), cv::FILLED);
    f.lip_y = mouthCentre(lm).y + 2.0f;
    f.mouth_right = {lm.points[landmark::kMouthRight].x - 6.0f, f.lip_y};
    f.mouth_left = {lm.points[landmark::kMouthLeft].x + 6.0f, f.lip_y};
    // A bar 2 px high with square ends, anti-aliased at a sixteenth of a pixel, so that its ends
    // are exactly where they are meant to be.
    const auto fixed = [](float x, float y) {
        return cv::Point(int(std::lround(x * 16)), int(std::lround(y * 16)));
    };
    const float x0 = f.mouth_right.x - line_overshoot, x1 = f.mouth_left.x + line_overshoot;
    const cv::Point bar[] = {fixed(x0, f.lip_y - 1), fixed(x1, f.lip_y - 1), fixed(x1, f.lip_y + 1),
                             fixed(x0, f.lip_y + 1)};
    cv::fillConvexPoly(f.image, bar, 4, cv::Scalar(50, 50, 90), cv::LINE_AA, 4);
    return f;
}

float distance(glm::vec2 a, cv::Point2f b) {
    return glm::length(a - glm::vec2(b.x, b.y));
}

}  // namespace

class TestPhotoLandmarkRefinement : public QObject {
    Q_OBJECT

private slots:
    void cornersMoveToTheEndsOfTheLipLine() {
        const FaceLandmarks lm = canonicalLandmarks();
        const DrawnFace f = drawFace(lm);
        const LandmarkRefinement r = findLandmarkRefinement(f.image, lm);
        const glm::vec2 right = xy(lm.points[landmark::kMouthRight]) + r.mouth_right_px;
        const glm::vec2 left = xy(lm.points[landmark::kMouthLeft]) + r.mouth_left_px;
        qInfo("corners %.2f and %.2f px from the line's ends", distance(right, f.mouth_right),
              distance(left, f.mouth_left));
        QVERIFY(distance(right, f.mouth_right) < 1.0f);
        QVERIFY(distance(left, f.mouth_left) < 1.0f);
    }

    void closedLipsMoveOntoTheLineHalfwayBetweenTheCorners() {
        const FaceLandmarks lm = canonicalLandmarks();
        const DrawnFace f = drawFace(lm);
        const LandmarkRefinement r = findLandmarkRefinement(f.image, lm);
        const glm::vec2 lips = mouthCentre(lm) + r.lips_px;
        QVERIFY2(std::abs(lips.y - f.lip_y) < 0.75f, qPrintable(QString::number(lips.y)));
        QVERIFY(std::abs(lips.x - 0.5f * (f.mouth_right.x + f.mouth_left.x)) < 1.5f);
    }

    void chinMovesToTheOutline() {
        const FaceLandmarks lm = canonicalLandmarks();
        const DrawnFace f = drawFace(lm);
        const LandmarkRefinement r = findLandmarkRefinement(f.image, lm);
        const glm::vec2 chin = xy(lm.points[landmark::kChin]) + r.chin_px;
        QVERIFY2(std::abs(chin.y - f.chin_y) < 1.0f, qPrintable(QString::number(chin.y)));
        // On the midline: the network's line from the mouth to the chin, moved with the lips.
        QVERIFY(std::abs(r.chin_px.x - r.lips_px.x) < 0.5f);
    }

    void aPhotoWithoutEdgesChangesNothing() {
        const FaceLandmarks lm = canonicalLandmarks();
        const cv::Mat flat(600, 600, CV_8UC3, cv::Scalar(150, 170, 190));
        const LandmarkRefinement r = findLandmarkRefinement(flat, lm);
        QCOMPARE(r.mouth_right_px, glm::vec2(0.0f));
        QCOMPARE(r.mouth_left_px, glm::vec2(0.0f));
        QCOMPARE(r.lips_px, glm::vec2(0.0f));
        QCOMPARE(r.chin_px, glm::vec2(0.0f));
        // Points outside the photo altogether, or a photo of another type, are left alone.
        FaceLandmarks away = lm;
        for (glm::vec3& point : away.points) {
            point.x += 5000.0f;
        }
        QCOMPARE(findLandmarkRefinement(flat, away).chin_px, glm::vec2(0.0f));
        const cv::Mat grey(600, 600, CV_8UC1, cv::Scalar(150));
        QCOMPARE(findLandmarkRefinement(grey, lm).mouth_right_px, glm::vec2(0.0f));
    }

    void edgesOutOfReachAreNotFollowed() {
        // A line that runs on 30 px past where the network puts the corners has no end within
        // reach, and an outline 25 px above its chin is something else (the lips' crease, say).
        const FaceLandmarks lm = canonicalLandmarks();
        const DrawnFace f = drawFace(lm, 24.0f, -25.0f);
        const LandmarkRefinement r = findLandmarkRefinement(f.image, lm);
        QCOMPARE(r.mouth_right_px, glm::vec2(0.0f));
        QCOMPARE(r.mouth_left_px, glm::vec2(0.0f));
        QCOMPARE(r.chin_px, glm::vec2(0.0f));
        QVERIFY(r.lips_px != glm::vec2(0.0f));  // the line itself is still there
    }

    void openLipsStayWhereTheNetworkPutsThem() {
        FaceLandmarks lm = canonicalLandmarks();
        lm.points[landmark::kLowerInnerLip].y += 10.0f;
        const DrawnFace f = drawFace(canonicalLandmarks());
        QCOMPARE(findLandmarkRefinement(f.image, lm).lips_px, glm::vec2(0.0f));
    }

    void applyingMovesThePointsAroundSmoothly() {
        const FaceLandmarks lm = canonicalLandmarks();
        LandmarkRefinement r;
        r.mouth_right_px = {3.0f, -2.0f};
        const FaceLandmarks out = applyLandmarkRefinement(lm, r);
        const glm::vec3 moved =
            out.points[landmark::kMouthRight] - lm.points[landmark::kMouthRight];
        QVERIFY(glm::length(glm::vec2(moved) - r.mouth_right_px) < 1e-4f);
        QCOMPARE(moved.z, 0.0f);
        int partly = 0;
        for (size_t i = 0; i < lm.points.size(); ++i) {
            const float d = glm::length(xy(lm.points[i]) - xy(lm.points[landmark::kMouthRight]));
            const float shift = glm::length(xy(out.points[i]) - xy(lm.points[i]));
            if (d >= 20.0f) {
                QCOMPARE(shift, 0.0f);  // beyond a fifth of the eye distance
            } else if (d > 1.0f) {
                QVERIFY(shift < glm::length(r.mouth_right_px));
                partly += shift > 0.0f;
            }
        }
        QVERIFY(partly >= 5);  // the lips around the corner go with it
        QCOMPARE(out.points[landmark::kMouthLeft], lm.points[landmark::kMouthLeft]);
        QCOMPARE(out.confidence, lm.confidence);
    }
};

QTEST_APPLESS_MAIN(TestPhotoLandmarkRefinement)
#include "TestPhotoLandmarkRefinement.moc"
