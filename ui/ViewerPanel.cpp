#include "ui/ViewerPanel.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <set>

#include "face/FaceMesh.h"

namespace ps::ui {

namespace {
const QColor kBackground(0x1e, 0x1f, 0x22);
const QColor kHintText(0x9a, 0xa0, 0xa6);
const QColor kMeshColour(80, 220, 255, 110);
const QColor kLabelText(0xe8, 0xea, 0xed);
constexpr int kHintMargin_px = 24;
constexpr int kSplitGap_px = 4;
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 16.0;
// One wheel notch (120 units) zooms by this much, as in image viewers.
constexpr double kWheelStep = 1.2;

// The mesh's edges, each once: drawn as lines rather than 898 triangles' outlines twice over.
const std::vector<std::pair<int, int>>& meshEdges() {
    static const std::vector<std::pair<int, int>> edges = [] {
        std::set<std::pair<int, int>> unique;
        for (const ps::MeshTriangle& t : ps::FaceMesh::canonical().triangles()) {
            for (int i = 0; i < 3; ++i) {
                const int a = t[size_t(i)], b = t[size_t((i + 1) % 3)];
                unique.insert({std::min(a, b), std::max(a, b)});
            }
        }
        return std::vector<std::pair<int, int>>(unique.begin(), unique.end());
    }();
    return edges;
}

}  // namespace

ViewerPanel::ViewerPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("viewerPanel"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
}

void ViewerPanel::setImage(const QImage& photo) {
    const bool new_size = photo.size() != photo_.size();
    photo_ = photo;
    frame_ = QImage();
    landmarks_.clear();
    if (new_size) {
        zoomToFit();
    }
    update();
}

void ViewerPanel::setFrame(const QImage& frame, const QVector<QPointF>& landmarks) {
    frame_ = frame;
    landmarks_ = landmarks;
    update();
}

void ViewerPanel::clear() {
    setImage(QImage());
}

QRect ViewerPanel::paneRect(int pane) const {
    if (!split_) {
        return rect();
    }
    const int half = (width() - kSplitGap_px) / 2;
    return pane == 0 ? QRect(0, 0, half, height()) : QRect(width() - half, 0, half, height());
}

double ViewerPanel::fitZoom() const {
    const QImage& shown = image();
    if (shown.isNull()) {
        return 1.0;
    }
    const QRect pane = paneRect(1);
    return std::min(double(pane.width()) / shown.width(), double(pane.height()) / shown.height());
}

double ViewerPanel::zoom() const {
    return fit_ ? fitZoom() : zoom_;
}

QRectF ViewerPanel::imageRectIn(const QRect& pane) const {
    const QImage& shown = image();
    if (shown.isNull()) {
        return {};
    }
    const QSizeF size = QSizeF(shown.size()) * zoom();
    QRectF r(QPointF(0, 0), size);
    r.moveCenter(QRectF(pane).center() + (fit_ ? QPointF() : pan_));
    return r;
}

QRect ViewerPanel::imageRect() const {
    return imageRectIn(paneRect(1)).toAlignedRect() & paneRect(1);
}

QRect ViewerPanel::photoRect() const {
    return split_ ? imageRectIn(paneRect(0)).toAlignedRect() & paneRect(0) : QRect();
}

void ViewerPanel::zoomToFit() {
    fit_ = true;
    pan_ = {};
    update();
    emit zoomChanged(zoom());
}

void ViewerPanel::zoomToActualSize() {
    fit_ = false;
    zoom_ = 1.0;
    pan_ = {};
    update();
    emit zoomChanged(zoom_);
}

void ViewerPanel::zoomBy(double factor, QPointF anchor) {
    if (image().isNull()) {
        return;
    }
    const double before = zoom();
    const double after = std::clamp(before * factor, kMinZoom, kMaxZoom);
    // Keep the image point under the anchor where it is: the centre moves away from the anchor
    // in proportion to the change of scale.
    const int pane = split_ && anchor.x() < width() / 2.0 ? 0 : 1;
    const QPointF centre = imageRectIn(paneRect(pane)).center();
    const QPointF new_centre = anchor + (centre - anchor) * (after / before);
    pan_ = (fit_ ? QPointF() : pan_) + (new_centre - centre);
    zoom_ = after;
    fit_ = false;
    update();
    emit zoomChanged(zoom_);
}

void ViewerPanel::setMeshVisible(bool visible) {
    mesh_visible_ = visible;
    update();
}

void ViewerPanel::setSplitView(bool split) {
    split_ = split;
    update();
}

void ViewerPanel::setStatisticsText(const QString& text) {
    statistics_ = text;
    update();
}

void ViewerPanel::drawMesh(QPainter& painter, const QRectF& target) const {
    if (landmarks_.size() < ps::kFaceVertexCount) {
        return;
    }
    const double sx = target.width() / image().width();
    const double sy = target.height() / image().height();
    QPainterPath path;
    for (const auto& [a, b] : meshEdges()) {
        path.moveTo(target.left() + landmarks_[a].x() * sx, target.top() + landmarks_[a].y() * sy);
        path.lineTo(target.left() + landmarks_[b].x() * sx, target.top() + landmarks_[b].y() * sy);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(kMeshColour, 0.8));
    painter.drawPath(path);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void ViewerPanel::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    if (photo_.isNull()) {
        painter.setPen(kHintText);
        painter.drawText(
            rect().adjusted(kHintMargin_px, kHintMargin_px, -kHintMargin_px, -kHintMargin_px),
            Qt::AlignCenter | Qt::TextWordWrap,
            tr("Open a portrait photo (File ▸ Open Photo…) or drop one here"));
        return;
    }
    // Smooth when fitted and at modest zooms; sharp pixels from 200 % on, which is what a
    // creator zooming in on the lips wants to see.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, fit_ || zoom() < 2.0);
    const QRectF target = imageRectIn(paneRect(1));
    if (split_) {
        const QRect left = paneRect(0);
        painter.save();
        painter.setClipRect(left);
        painter.drawImage(imageRectIn(left), photo_);
        painter.restore();
        painter.setPen(kHintText);
        painter.drawText(left.adjusted(8, 6, -8, -6), Qt::AlignTop | Qt::AlignHCenter, tr("Photo"));
        painter.save();
        painter.setClipRect(paneRect(1));
        painter.drawImage(target, image());
        painter.restore();
        painter.drawText(paneRect(1).adjusted(8, 6, -8, -6), Qt::AlignTop | Qt::AlignHCenter,
                         tr("Animated"));
    } else {
        painter.drawImage(target, image());
    }
    if (mesh_visible_) {
        painter.save();
        painter.setClipRect(paneRect(1));
        drawMesh(painter, target);
        painter.restore();
    }
    if (!statistics_.isEmpty()) {
        const QRect box = painter.fontMetrics()
                              .boundingRect(QRect(0, 0, 400, 200), Qt::TextWordWrap, statistics_)
                              .adjusted(-8, -6, 8, 6)
                              .translated(12, 12);
        painter.fillRect(box, QColor(0, 0, 0, 170));
        painter.setPen(kLabelText);
        painter.drawText(box.adjusted(8, 6, -8, -6), Qt::TextWordWrap, statistics_);
    }
}

void ViewerPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    update();
}

void ViewerPanel::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0 || image().isNull()) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(kWheelStep, notches), event->position());
    event->accept();
}

void ViewerPanel::mousePressEvent(QMouseEvent* event) {
    if (image().isNull() ||
        !(event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (fit_) {
        // Panning starts from where the fitted image is.
        zoom_ = fitZoom();
        fit_ = false;
        pan_ = {};
    }
    panning_ = true;
    pan_start_mouse_ = event->position();
    pan_start_ = pan_;
    setCursor(Qt::ClosedHandCursor);
}

void ViewerPanel::mouseMoveEvent(QMouseEvent* event) {
    if (!panning_) {
        return;
    }
    pan_ = pan_start_ + (event->position() - pan_start_mouse_);
    update();
}

void ViewerPanel::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_) {
        panning_ = false;
        unsetCursor();
        event->accept();
    }
}

void ViewerPanel::mouseDoubleClickEvent(QMouseEvent* /*event*/) {
    // As in image viewers: a double click goes back to the whole picture.
    zoomToFit();
}

}  // namespace ps::ui
