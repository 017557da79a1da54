// A small rounded tag naming what drives a value ("voice", "clip “smile”", "key"), tinted with
// that layer's timeline colour so the panel and the timeline read alike. Painted, not styled:
// panels retag dozens of these on every playhead move, and a style sheet change would re-polish
// each one. The text is elided to the chip's width; the full text is the tooltip's job.
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

namespace ps::ui {

class LayerChip : public QWidget {
    Q_OBJECT
public:
    explicit LayerChip(QWidget* parent = nullptr);

    // `color` invalid: no tint (nothing drives the value).
    void setLayer(const QString& text, const QColor& color);
    QString text() const { return text_; }
    QColor color() const { return color_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString text_;
    QColor color_;
};

}  // namespace ps::ui
