// The viewer: fitted by default, the wheel zooms keeping the point under the cursor in place,
// 100 % is one image pixel per screen pixel, a drag pans, the split view puts the photo beside
// the frame, and the mesh overlay draws over the face.
#include <QtTest>

#include <cmath>

#include "face/FaceContours.h"
#include "face/FaceMesh.h"
#include "ui/ViewerPanel.h"

using ps::ui::ViewerPanel;

namespace {

QImage checkerboard(QSize size) {
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            image.setPixel(x, y, ((x / 16 + y / 16) % 2) ? qRgb(200, 180, 160) : qRgb(60, 70, 80));
        }
    }
    return image;
}

}  // namespace

class TestViewerPanel : public QObject {
    Q_OBJECT
private slots:
    void init() {
        viewer_ = std::make_unique<ViewerPanel>();
        viewer_->resize(800, 600);
        viewer_->setImage(checkerboard(QSize(400, 300)));
        viewer_->show();
        QVERIFY(QTest::qWaitForWindowExposed(viewer_.get()));
    }
    void cleanup() { viewer_.reset(); }

    void fitsWholeByDefault() {
        QVERIFY(viewer_->isFitting());
        QCOMPARE(viewer_->zoom(), 2.0);
        QCOMPARE(viewer_->imageRect(), QRect(0, 0, 800, 600));
    }

    void actualSizeIsOnePixelPerPixel() {
        viewer_->zoomToActualSize();
        QCOMPARE(viewer_->zoom(), 1.0);
        QCOMPARE(viewer_->imageRect(), QRect(200, 150, 400, 300));
        viewer_->zoomToFit();
        QCOMPARE(viewer_->zoom(), 2.0);
    }

    void wheelZoomKeepsThePointUnderTheCursor() {
        viewer_->zoomToActualSize();  // the image at (200, 150)
        const QPointF cursor(300, 200);
        const QPointF under = (cursor - QPointF(200, 150)) / 1.0;  // image (100, 50)
        QWheelEvent wheel(cursor, viewer_->mapToGlobal(cursor), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(viewer_.get(), &wheel);
        QVERIFY(std::abs(viewer_->zoom() - 1.2) < 1e-9);
        QVERIFY(!viewer_->isFitting());
        // Where image point `under` is drawn now.
        const QRect shown = viewer_->imageRect();
        const QPointF drawn = QPointF(shown.topLeft()) + under * viewer_->zoom();
        QVERIFY2((drawn - cursor).manhattanLength() < 1.5,
                 qPrintable(QStringLiteral("%1,%2").arg(drawn.x()).arg(drawn.y())));
    }

    void dragPans() {
        viewer_->zoomToActualSize();
        const QRect before = viewer_->imageRect();
        QTest::mousePress(viewer_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
        QTest::mouseMove(viewer_.get(), QPoint(430, 280));
        QTest::mouseRelease(viewer_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(430, 280));
        QCOMPARE(viewer_->imageRect().topLeft(), before.topLeft() + QPoint(30, -20));
        // A double click goes back to the whole picture.
        QTest::mouseDClick(viewer_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
        QVERIFY(viewer_->isFitting());
    }

    void splitViewShowsPhotoBesideFrame() {
        QImage frame(400, 300, QImage::Format_RGB32);
        frame.fill(qRgb(250, 20, 20));
        viewer_->setFrame(frame);
        QVERIFY(viewer_->photoRect().isEmpty());
        viewer_->setSplitView(true);
        const QRect photo = viewer_->photoRect();
        const QRect animated = viewer_->imageRect();
        QVERIFY(!photo.isEmpty() && !animated.isEmpty());
        QVERIFY(photo.right() < animated.left());
        const QImage painted = viewer_->grab().toImage();
        QCOMPARE(QColor(painted.pixel(animated.center())), QColor(250, 20, 20));
        const QRgb left = painted.pixel(photo.center());
        QVERIFY(left == qRgb(200, 180, 160) || left == qRgb(60, 70, 80));
    }

    void meshOverlayDrawsOverTheFace() {
        QImage frame(400, 300, QImage::Format_RGB32);
        frame.fill(qRgb(10, 10, 10));
        QVector<QPointF> landmarks;
        for (int i = 0; i < 468; ++i) {
            landmarks.append(QPointF(150 + (i % 30) * 3.3, 80 + (i / 30) * 9.0));
        }
        viewer_->setFrame(frame, landmarks);
        const QImage plain = viewer_->grab().toImage();
        viewer_->setMeshVisible(true);
        const QImage meshed = viewer_->grab().toImage();
        int changed = 0;
        for (int y = 0; y < plain.height(); y += 2) {
            for (int x = 0; x < plain.width(); x += 2) {
                changed += plain.pixel(x, y) != meshed.pixel(x, y) ? 1 : 0;
            }
        }
        QVERIFY2(changed > 500, qPrintable(QString::number(changed)));
    }

private:
    std::unique_ptr<ViewerPanel> viewer_;

    void onionSkinTintsThePreviousFramesLips() {
        // Previous frame: the inner lips on a circle of radius 40 about image (200, 150); the
        // other contours all at one point in a corner. Next frame: the same lips 60 px lower.
        const auto lips_at = [](QPointF centre) {
            QVector<QPointF> points(ps::kFaceVertexCount, QPointF(5, 5));
            const int n = int(ps::contour::kInnerLips.size());
            for (int i = 0; i < n; ++i) {
                const double a = 2.0 * M_PI * i / n;
                points[ps::contour::kInnerLips[size_t(i)]] =
                    centre + 40.0 * QPointF(std::cos(a), std::sin(a));
            }
            return points;
        };
        const QVector<QPointF> previous = lips_at(QPointF(200, 150));
        const QVector<QPointF> next = lips_at(QPointF(200, 210));
        // Midpoints of the first lip edge of each, on screen (fitted at zoom 2).
        const auto edge_mid = [&](const QVector<QPointF>& points) {
            const QPointF a = points[ps::contour::kInnerLips[0]];
            const QPointF b = points[ps::contour::kInnerLips[1]];
            return viewer_->mapFromImage((a + b) / 2.0).toPoint();
        };
        const QPoint on_previous = edge_mid(previous);
        const QPoint on_next = edge_mid(next);
        const QImage plain = viewer_->grab().toImage();

        viewer_->setOnionSkin({previous}, {next});
        QVERIFY(!viewer_->isOnionSkinVisible());
        QCOMPARE(viewer_->grab().toImage(), plain);  // off: nothing drawn

        viewer_->setOnionSkinVisible(true);
        const QImage shown = viewer_->grab().toImage();
        const auto blueness = [](QRgb c) { return qBlue(c) - qRed(c); };
        QVERIFY2(blueness(shown.pixel(on_previous)) > blueness(plain.pixel(on_previous)) + 40,
                 qPrintable(QString::number(shown.pixel(on_previous), 16)));
        QVERIFY2(-blueness(shown.pixel(on_next)) > -blueness(plain.pixel(on_next)) + 40,
                 qPrintable(QString::number(shown.pixel(on_next), 16)));
        // Away from every contour the frame is untouched.
        const QPoint away = viewer_->mapFromImage(QPointF(320, 60)).toPoint();
        QCOMPARE(shown.pixel(away), plain.pixel(away));

        viewer_->setOnionSkinVisible(false);
        QCOMPARE(viewer_->grab().toImage(), plain);
    }
};

QTEST_MAIN(TestViewerPanel)
#include "TestViewerPanel.moc"
