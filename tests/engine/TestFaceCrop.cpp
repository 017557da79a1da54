// The face networks' crop: photo ↔ crop maps are inverse, a turned crop levels a turned face,
// extraction samples the photo where toPhoto says, and crops made from a detection and from a
// mesh sit on the face, MediaPipe's 1.5× larger than it.
#include <QtTest>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face/FaceCrop.h"
#include "face/FaceMesh.h"

class TestFaceCrop : public QObject {
    Q_OBJECT
private slots:
    void mapsAreInverse() {
        ps::FaceCrop crop{{300.0f, 200.0f}, 150.0f, 0.4f};
        for (const cv::Point2f p : {cv::Point2f(0, 0), cv::Point2f(191, 0), cv::Point2f(96, 96),
                                    cv::Point2f(17.5f, 180.25f)}) {
            const cv::Point2f photo = crop.toPhoto(p.x, p.y, 192);
            const cv::Point2f back = crop.toCrop(photo, 192);
            QVERIFY(std::abs(back.x - p.x) < 1e-3f && std::abs(back.y - p.y) < 1e-3f);
        }
        // The crop's centre is the centre; its side spans side_px.
        const cv::Point2f centre = crop.toPhoto(96, 96, 192);
        QVERIFY(std::abs(centre.x - 300.0f) < 1e-3f && std::abs(centre.y - 200.0f) < 1e-3f);
        const cv::Point2f a = crop.toPhoto(0, 96, 192), b = crop.toPhoto(192, 96, 192);
        QVERIFY(std::abs(std::hypot(b.x - a.x, b.y - a.y) - 150.0f) < 1e-3f);
        // Turned clockwise on screen: the crop's +u axis points down-right.
        QVERIFY(b.y > a.y);
    }

    void extractSamplesWhereToPhotoSays() {
        cv::Mat photo(400, 600, CV_8UC3, cv::Scalar(0, 0, 0));
        cv::circle(photo, cv::Point(420, 130), 6, cv::Scalar(255, 255, 255), cv::FILLED);
        const ps::FaceCrop crop{{380.0f, 160.0f}, 120.0f, -0.6f};
        const cv::Mat pixels = crop.extract(photo, 64);
        QCOMPARE(pixels.size(), cv::Size(64, 64));
        const cv::Point2f spot = crop.toCrop({420.0f, 130.0f}, 64);
        const cv::Vec3b at =
            pixels.at<cv::Vec3b>(int(std::lround(spot.y)), int(std::lround(spot.x)));
        QVERIFY2(at[0] > 200, qPrintable(QString::number(at[0])));
        // Outside the photo is black.
        const ps::FaceCrop off{{10.0f, 10.0f}, 200.0f, 0.0f};
        QCOMPARE(off.extract(photo, 32).at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    }

    void detectionCropLevelsTheEyes() {
        const cv::Rect2f box(100, 100, 80, 100);
        // Eyes on a line turned 20° clockwise on screen.
        const float angle = 20.0f * float(CV_PI) / 180.0f;
        const cv::Point2f right(120, 130),
            left(120 + 40 * std::cos(angle), 130 + 40 * std::sin(angle));
        const ps::FaceCrop crop = ps::faceCropFromDetection(box, right, left);
        QVERIFY(std::abs(crop.rotation_rad - angle) < 1e-5f);
        QCOMPARE(crop.side_px, 150.0f);  // the longer side × 1.5
        const cv::Point2f r = crop.toCrop(right, 192), l = crop.toCrop(left, 192);
        QVERIFY(std::abs(r.y - l.y) < 1e-3f);
        QVERIFY(r.x < l.x);
    }

    void meshCropSitsOnATurnedMesh() {
        // The canonical mesh, scaled to pixels, turned by -25° and moved.
        const std::vector<glm::vec3>& neutral = ps::FaceMesh::canonical().vertices();
        const float angle = -25.0f * float(CV_PI) / 180.0f;
        std::vector<glm::vec3> mesh;
        for (const glm::vec3& v : neutral) {
            const float x = 10.0f * v.x, y = -10.0f * v.y;  // cm → px, y down
            mesh.emplace_back(400.0f + std::cos(angle) * x - std::sin(angle) * y,
                              300.0f + std::sin(angle) * x + std::cos(angle) * y, 10.0f * v.z);
        }
        const ps::FaceCrop crop = ps::faceCropFromMesh(mesh);
        QVERIFY2(std::abs(crop.rotation_rad - angle) < 0.02f,
                 qPrintable(QString::number(crop.rotation_rad)));
        // Every point inside the crop, the face filling about two thirds of it.
        float u0 = 1e9f, u1 = -1e9f;
        for (const glm::vec3& p : mesh) {
            const cv::Point2f c = crop.toCrop({p.x, p.y}, 192);
            QVERIFY(c.x > 0 && c.x < 192 && c.y > 0 && c.y < 192);
            u0 = std::min(u0, c.x);
            u1 = std::max(u1, c.x);
        }
        QVERIFY((u1 - u0) / 192.0f > 0.55f && (u1 - u0) / 192.0f < 0.7f);
        QVERIFY(!ps::faceCropFromMesh({}).isValid());
    }
};

QTEST_GUILESS_MAIN(TestFaceCrop)
#include "TestFaceCrop.moc"
