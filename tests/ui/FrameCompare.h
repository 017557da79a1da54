// Comparing animated frames in the studio's tests: where the mouth is, and how much two frames
// differ there.
#pragma once

#include <QImage>
#include <QPointF>
#include <QRect>
#include <QVector>
#include <cstdlib>

namespace ps::test {

// The mouth's box in a frame's pixels from its 468 landmarks (corners 61/291, lips 0/17/13/14),
// with a margin.
inline QRect mouthBox(const QVector<QPointF>& landmarks) {
    QRectF box;
    for (const int i : {61, 291, 0, 17, 13, 14}) {
        const QRectF point(landmarks[i], QSizeF(1, 1));
        box = box.isNull() ? point : box.united(point);
    }
    return box.adjusted(-4, -4, 4, 4).toAlignedRect();
}

// The mean absolute difference per colour channel (0..255) of two images inside `box`.
inline double meanDifference(const QImage& a, const QImage& b, const QRect& box) {
    double sum = 0.0;
    int n = 0;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                   std::abs(qBlue(p) - qBlue(q));
            ++n;
        }
    }
    return n > 0 ? sum / (3.0 * n) : 0.0;
}

}  // namespace ps::test
