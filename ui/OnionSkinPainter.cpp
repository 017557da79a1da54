#include "ui/OnionSkinPainter.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>

#include "face/FaceContours.h"
#include "face/FaceMesh.h"

namespace ps::ui {

namespace {

// Loops FaceContours does not list: the lips' outer edge and each brow (its upper edge, then
// back along the lower), as MediaPipe's mesh numbers them.
constexpr std::array<int, 20> kOuterLips = {61,  146, 91,  181, 84,  17, 314, 405, 321, 375,
                                            291, 409, 270, 269, 267, 0,  37,  39,  40,  185};
constexpr std::array<int, 10> kRightBrow = {70, 63, 105, 66, 107, 55, 65, 52, 53, 46};
constexpr std::array<int, 10> kLeftBrow = {300, 293, 334, 296, 336, 285, 295, 282, 283, 276};

// Nearest frame most opaque, fading by frame; never quite invisible.
constexpr int kNearestAlpha = 170;
constexpr int kFarthestAlpha = 50;

template <size_t N>
void addLoop(QPainterPath& path, const std::array<int, N>& loop, const QVector<QPointF>& points,
             const QRectF& target, double sx, double sy) {
    const auto at = [&](int vertex) {
        const QPointF p = points[vertex];
        return QPointF(target.left() + p.x() * sx, target.top() + p.y() * sy);
    };
    path.moveTo(at(loop[0]));
    for (size_t i = 1; i < N; ++i) {
        path.lineTo(at(loop[i]));
    }
    path.closeSubpath();
}

QPainterPath contours(const QVector<QPointF>& points, const QRectF& target, double sx, double sy) {
    QPainterPath path;
    addLoop(path, ps::contour::kInnerLips, points, target, sx, sy);
    addLoop(path, kOuterLips, points, target, sx, sy);
    addLoop(path, ps::contour::kRightEye, points, target, sx, sy);
    addLoop(path, ps::contour::kLeftEye, points, target, sx, sy);
    addLoop(path, kRightBrow, points, target, sx, sy);
    addLoop(path, kLeftBrow, points, target, sx, sy);
    addLoop(path, ps::contour::kFaceOval, points, target, sx, sy);
    return path;
}

void paintSets(QPainter& painter, const QVector<QVector<QPointF>>& sets, const QColor& colour,
               const QRectF& target, double sx, double sy) {
    const int count = int(sets.size());
    for (int i = count - 1; i >= 0; --i) {
        if (sets[i].size() < ps::kFaceVertexCount) {
            continue;
        }
        const double far = count > 1 ? double(i) / (count - 1) : 0.0;
        QColor c = colour;
        c.setAlpha(int(kNearestAlpha + far * (kFarthestAlpha - kNearestAlpha)));
        painter.setPen(QPen(c, 1.5));
        painter.drawPath(contours(sets[i], target, sx, sy));
    }
}

}  // namespace

const QColor OnionSkinPainter::kPreviousColour(70, 140, 255);
const QColor OnionSkinPainter::kNextColour(255, 150, 40);

void OnionSkinPainter::setFrames(QVector<QVector<QPointF>> previous,
                                 QVector<QVector<QPointF>> next) {
    previous_ = std::move(previous);
    next_ = std::move(next);
}

void OnionSkinPainter::clear() {
    previous_.clear();
    next_.clear();
}

void OnionSkinPainter::paint(QPainter& painter, const QRectF& target,
                             const QSizeF& image_size) const {
    if (isEmpty() || image_size.isEmpty()) {
        return;
    }
    const double sx = target.width() / image_size.width();
    const double sy = target.height() / image_size.height();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    paintSets(painter, next_, kNextColour, target, sx, sy);
    paintSets(painter, previous_, kPreviousColour, target, sx, sy);
    painter.restore();
}

}  // namespace ps::ui
