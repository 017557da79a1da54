#include "ui/ViewerPanel.h"

#include <QPainter>

namespace ps::ui {

namespace {
const QColor kBackground(0x1e, 0x1f, 0x22);
const QColor kHintText(0x9a, 0xa0, 0xa6);
constexpr int kHintMargin_px = 24;
}  // namespace

ViewerPanel::ViewerPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("viewerPanel"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
}

void ViewerPanel::setImage(const QImage& image) {
    image_ = image;
    scaled_ = QImage();
    update();
}

void ViewerPanel::clear() {
    setImage(QImage());
}

QRect ViewerPanel::imageRect() const {
    if (image_.isNull()) {
        return {};
    }
    const QSize fitted = image_.size().scaled(size(), Qt::KeepAspectRatio);
    QRect rect(QPoint(0, 0), fitted);
    rect.moveCenter(this->rect().center());
    return rect;
}

const QImage& ViewerPanel::scaledImage() {
    // In device pixels, so that a high-DPI screen shows the photo sharp rather than upscaled.
    const qreal ratio = devicePixelRatioF();
    const QSize wanted = (QSizeF(imageRect().size()) * ratio).toSize();
    if (scaled_.size() != wanted && !wanted.isEmpty()) {
        // Scaling once per size rather than per paint keeps repaints during playback cheap.
        scaled_ = image_.scaled(wanted, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        scaled_.setDevicePixelRatio(ratio);
    }
    return scaled_;
}

void ViewerPanel::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    if (image_.isNull()) {
        painter.setPen(kHintText);
        painter.drawText(
            rect().adjusted(kHintMargin_px, kHintMargin_px, -kHintMargin_px, -kHintMargin_px),
            Qt::AlignCenter | Qt::TextWordWrap,
            tr("Open a portrait photo (File ▸ Open Photo…) or drop one here"));
        return;
    }
    painter.drawImage(imageRect().topLeft(), scaledImage());
}

void ViewerPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    update();
}

}  // namespace ps::ui
