// The centre of the window: the photo fitted whole (aspect kept, centred, smoothly scaled) on a
// dark background, or a hint about how to open one.
#pragma once

#include <QImage>
#include <QWidget>

namespace ps::ui {

class ViewerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ViewerPanel(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void clear();
    bool hasImage() const { return !image_.isNull(); }
    const QImage& image() const { return image_; }

    // Where the image is drawn at the current widget size; empty without an image.
    QRect imageRect() const;

    QSize sizeHint() const override { return {720, 540}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    const QImage& scaledImage();

    QImage image_;
    QImage scaled_;  // image_ at imageRect()'s size, rebuilt when either changes
};

}  // namespace ps::ui
