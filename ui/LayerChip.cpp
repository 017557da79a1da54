#include "ui/LayerChip.h"

#include <QPainter>
#include <QPainterPath>

namespace ps::ui {

namespace {

// The widest usual tag, so a column of chips lines up without clipping the common cases.
constexpr char kTypicalWidest[] = "clip \u201csurprise\u201d";

}  // namespace

LayerChip::LayerChip(QWidget* parent) : QWidget(parent) {
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    setFont(small);
    // Narrows down to a tinted dot when the dock is narrow; never wider than the usual tag.
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

void LayerChip::setLayer(const QString& text, const QColor& color) {
    if (text == text_ && color == color_) {
        return;
    }
    text_ = text;
    color_ = color;
    setAccessibleName(text);
    update();
}

QSize LayerChip::sizeHint() const {
    const QFontMetrics metrics(font());
    const int pad = metrics.height() / 2;
    return {metrics.horizontalAdvance(QString::fromUtf8(kTypicalWidest)) + 2 * pad,
            metrics.height() + pad / 2};
}

QSize LayerChip::minimumSizeHint() const {
    const int height = sizeHint().height();
    return {height, height};
}

void LayerChip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const int pad = metrics.height() / 2;
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2.5;
    QColor text_color = palette().color(QPalette::Disabled, QPalette::WindowText);
    if (color_.isValid()) {
        QColor fill = color_;
        fill.setAlpha(70);
        painter.setPen(QPen(color_.darker(110), 1.0));
        painter.setBrush(fill);
        painter.drawRoundedRect(box, radius, radius);
        text_color = palette().color(QPalette::WindowText);
    }
    painter.setPen(text_color);
    const QRect inner = rect().adjusted(pad, 0, -pad, 0);
    painter.drawText(inner, Qt::AlignCenter,
                     metrics.elidedText(text_, Qt::ElideRight, inner.width()));
}

}  // namespace ps::ui
