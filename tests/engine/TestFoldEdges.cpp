// Fold anti-aliasing on a frame made in the test: a sharp vertical edge between a bright front
// triangle and a dark region behind a turned-over neighbour is softened exactly along that
// edge, and nowhere else; an edge between two front triangles is left alone.
#include <QtTest>
#include <opencv2/core.hpp>

#include "render/FoldEdges.h"

using namespace ps;

class TestFoldEdges : public QObject {
    Q_OBJECT

private slots:
    void sharedEdgesPairsNeighbours();
    void foldEdgeIsBlendedByCoverage();
    void edgeBetweenFrontTrianglesIsUntouched();
};

void TestFoldEdges::sharedEdgesPairsNeighbours() {
    // Two triangles over a square share its diagonal; a third hangs off one side.
    const std::vector<std::array<int, 3>> triangles = {{0, 1, 2}, {0, 2, 3}, {1, 4, 2}};
    const std::vector<SharedEdge> edges = sharedEdges(triangles);
    QCOMPARE(int(edges.size()), 2);
    QCOMPARE(edges[0].a, 0);
    QCOMPARE(edges[0].b, 2);
    QCOMPARE(edges[0].first, 0);
    QCOMPARE(edges[0].second, 1);
    QCOMPARE(edges[1].a, 1);
    QCOMPARE(edges[1].b, 2);
}

namespace {

// A 20x10 frame, bright left of x = 9.3 and dark right of it: the staircase-free truth would
// mix them in column 9 by 0.8 bright to 0.2 dark.
struct Scene {
    cv::Mat frame{10, 20, CV_8UC3, cv::Scalar(40, 40, 40)};
    // The edge runs down x = 9.3; the front triangle lies to its left, the turned-over one to
    // its right.
    std::vector<cv::Point2f> points = {{9.3f, -2.0f}, {9.3f, 12.0f}, {-5.0f, 5.0f}, {25.0f, 5.0f}};
    std::vector<std::array<int, 3>> triangles = {{0, 1, 2}, {0, 1, 3}};
    Scene() { frame(cv::Rect(0, 0, 10, 10)).setTo(cv::Scalar(240, 240, 240)); }
};

}  // namespace

void TestFoldEdges::foldEdgeIsBlendedByCoverage() {
    Scene s;
    const cv::Mat before = s.frame.clone();
    smoothFoldEdges(sharedEdges(s.triangles), s.triangles, {0, 1}, s.points, s.frame,
                    cv::Rect(0, 0, 20, 10));
    // Column 9's centre is 0.3 px inside the front: 0.8 of it bright, 0.2 from across the edge.
    const int mixed = s.frame.at<cv::Vec3b>(5, 9)[0];
    qInfo("column 9: %d before, %d after (expected %d)", before.at<cv::Vec3b>(5, 9)[0], mixed,
          int(0.8 * 240 + 0.2 * 40));
    QVERIFY(std::abs(mixed - int(0.8 * 240 + 0.2 * 40)) <= 2);
    // Column 10's centre lies 0.7 px across: more than half a pixel, so it stays as it was.
    QCOMPARE(s.frame.at<cv::Vec3b>(5, 10)[0], before.at<cv::Vec3b>(5, 10)[0]);
    // Away from the edge nothing changes.
    QCOMPARE(cv::norm(s.frame.colRange(0, 9), before.colRange(0, 9), cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(s.frame.colRange(10, 20), before.colRange(10, 20), cv::NORM_INF), 0.0);
}

void TestFoldEdges::edgeBetweenFrontTrianglesIsUntouched() {
    Scene s;
    const cv::Mat before = s.frame.clone();
    smoothFoldEdges(sharedEdges(s.triangles), s.triangles, {0, 0}, s.points, s.frame,
                    cv::Rect(0, 0, 20, 10));
    QCOMPARE(cv::norm(s.frame, before, cv::NORM_INF), 0.0);
    // Nor is anything outside the clip written.
    s.frame = before.clone();
    smoothFoldEdges(sharedEdges(s.triangles), s.triangles, {0, 1}, s.points, s.frame,
                    cv::Rect(0, 0, 5, 10));
    QCOMPARE(cv::norm(s.frame, before, cv::NORM_INF), 0.0);
}

QTEST_APPLESS_MAIN(TestFoldEdges)
#include "TestFoldEdges.moc"
