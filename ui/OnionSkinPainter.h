// Onion skin for the viewer: the face's contours (lips, eyes, brows, oval) of the frames before
// the shown one in faded blue and of the frames after it in faded orange, so a creator sees
// where the face comes from and goes to. Draws only; the landmarks come from whoever evaluates
// the motion (see MainWindow). UI thread only.
#pragma once

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QVector>

class QPainter;

namespace ps::ui {

class OnionSkinPainter {
public:
    static const QColor kPreviousColour;  // blue
    static const QColor kNextColour;      // orange

    // Each set is one frame's 468 landmarks in the image's pixels, nearest frame first; sets
    // with fewer points are skipped.
    void setFrames(QVector<QVector<QPointF>> previous, QVector<QVector<QPointF>> next);
    void clear();
    bool isEmpty() const { return previous_.isEmpty() && next_.isEmpty(); }
    const QVector<QVector<QPointF>>& previous() const { return previous_; }
    const QVector<QVector<QPointF>>& next() const { return next_; }

    // Draws the contours of an image of `image_size` pixels shown in `target` (widget
    // coordinates), farthest frames first and faintest, so the nearest lie on top.
    void paint(QPainter& painter, const QRectF& target, const QSizeF& image_size) const;

private:
    QVector<QVector<QPointF>> previous_;
    QVector<QVector<QPointF>> next_;
};

}  // namespace ps::ui
