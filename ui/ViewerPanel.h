// The centre of the window: the talking portrait as it is at the playhead, on a dark
// background, or a hint about how to open a photo. Fitted whole by default; the wheel zooms
// around the cursor, a drag pans, and View ▸ Zoom chooses Fit or 100 %. Optionally draws the
// fitted face mesh over the frame, or shows the photo and the current frame side by side, and
// the playback statistics in a corner.
#pragma once

#include <QImage>
#include <QPointF>
#include <QVector>
#include <QWidget>

namespace ps::ui {

class ViewerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ViewerPanel(QWidget* parent = nullptr);

    // The photo as opened: what is shown until the first animated frame arrives, and the left
    // half of the split view. Clears the animated frame.
    void setImage(const QImage& photo);
    // The animated frame (same size as the photo) and its 468 landmarks in its pixels.
    void setFrame(const QImage& frame, const QVector<QPointF>& landmarks = {});
    void clear();
    bool hasImage() const { return !photo_.isNull(); }
    bool hasFrame() const { return !frame_.isNull(); }
    // What the viewer shows: the animated frame when there is one, otherwise the photo.
    const QImage& image() const { return frame_.isNull() ? photo_ : frame_; }
    const QImage& photo() const { return photo_; }
    // The shown frame's 468 landmarks in its pixels; empty before the first frame.
    const QVector<QPointF>& landmarks() const { return landmarks_; }

    // Where the shown image (the frame; in the split view the right half's) is drawn.
    QRect imageRect() const;
    // Where the photo is drawn in the split view; empty otherwise.
    QRect photoRect() const;

    // Zoom: 1.0 shows one image pixel per screen pixel.
    double zoom() const;
    bool isFitting() const { return fit_; }
    void zoomToFit();
    void zoomToActualSize();
    // Zooms by `factor` keeping the image point under `anchor` (widget coordinates) in place.
    void zoomBy(double factor, QPointF anchor);

    void setMeshVisible(bool visible);
    bool isMeshVisible() const { return mesh_visible_; }
    void setSplitView(bool split);
    bool isSplitView() const { return split_; }
    // Shown in the top-left corner when not empty (View ▸ Show Playback Statistics).
    void setStatisticsText(const QString& text);

    QSize sizeHint() const override { return {720, 540}; }

signals:
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    // The area one image gets: the whole widget, or one half in the split view.
    QRect paneRect(int pane) const;
    QRectF imageRectIn(const QRect& pane) const;
    double fitZoom() const;
    void drawMesh(QPainter& painter, const QRectF& target) const;

    QImage photo_;
    QImage frame_;
    QVector<QPointF> landmarks_;
    bool fit_ = true;
    double zoom_ = 1.0;
    QPointF pan_;  // the image centre's offset from the pane's centre, in screen pixels
    bool mesh_visible_ = false;
    bool split_ = false;
    QString statistics_;
    bool panning_ = false;
    QPointF pan_start_mouse_, pan_start_;
};

}  // namespace ps::ui
