// The centre of the window: the talking portrait as it is at the playhead, on a dark
// background, or a hint about how to open a photo. Fitted whole by default; the wheel zooms
// around the cursor, a drag pans, and View ▸ Zoom chooses Fit or 100 %. Optionally draws the
// fitted face mesh over the frame, or shows the photo and the current frame side by side, and
// the playback statistics in a corner.
//
// Sculpt mode is the landmark editor (LandmarkEditTool): the mesh is drawn, the landmark (or
// the named region, keys 1..6, 0 back to points) under the cursor is highlighted with its falloff
// circle (the radius in cm at that vertex's depth, so it covers what the sculpt moves; the
// vertices inside are shaded by how much they move), and a drag reports sculptDragStarted /
// sculptDragged / sculptDragFinished, which LandmarkEditController turns into sculpts. There the
// wheel changes the radius and Ctrl+wheel zooms; Alt+drag (or the middle button) pans.
//
// The head-pose gizmo (HeadPoseOverlay, HeadPoseGizmo) draws its rings over the face of the
// shown frame (setFrameFit places it); a press on a ring or the centre reports headPoseDrag*,
// which HeadPoseController keys (Shift snaps to 5°), and a press elsewhere pans as ever. The
// gizmo and sculpt mode take turns: turning one on turns the other off.
#pragma once

#include <QImage>
#include <QPointF>
#include <QVector>
#include <QWidget>
#include <memory>

#include "ui/HeadPoseOverlay.h"
#include "ui/LandmarkEditTool.h"
#include "ui/OnionSkinPainter.h"

namespace ps {
struct FaceFit;
}

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
    // A/B compare: split as above, with the left half showing `setCompareFrame` (the unedited
    // voice motion at the same moment; PreviewEngine::compareFrameReady) labelled A, and the
    // edit labelled B. The frame is dropped when compare mode ends and by setImage.
    void setCompareMode(bool on);
    bool isCompareMode() const { return compare_; }
    void setCompareFrame(const QImage& frame);
    const QImage& compareFrame() const { return compare_frame_; }
    // Onion skin: the contours of the frames before the shown one (blue) and after it (orange),
    // each set 468 landmarks in the frame's pixels, nearest frame first; drawn under the mesh
    // overlay while visible. setImage clears the sets.
    void setOnionSkin(const QVector<QVector<QPointF>>& previous,
                      const QVector<QVector<QPointF>>& next);
    void setOnionSkinVisible(bool visible);
    bool isOnionSkinVisible() const { return onion_visible_; }
    // Shown in the top-left corner when not empty (View ▸ Show Playback Statistics).
    void setStatisticsText(const QString& text);

    // Where an image pixel of the shown frame is drawn (widget coordinates), and back.
    QPointF mapFromImage(QPointF image_px) const;
    QPointF mapToImage(QPointF widget_px) const;

    // ---- the landmark editor ----
    void setSculptMode(bool on);
    bool isSculptMode() const { return sculpt_mode_; }
    void setSculptRegion(SculptRegion region);
    SculptRegion sculptRegion() const { return tool_.region(); }
    void setSculptMirror(bool mirror);
    bool isSculptMirror() const { return tool_.mirror(); }
    void setSculptScope(SculptScope scope);
    SculptScope sculptScope() const { return tool_.scope(); }
    void setSculptRadius_cm(float radius_cm);
    float sculptRadius_cm() const { return tool_.radius_cm(); }
    // The shown frame's fitted face (camera-space vertices): its depth at the hovered vertex
    // sizes the falloff circle. Without one no circle is drawn. LandmarkEditController keeps it
    // current; setImage clears it.
    void setFrameFit(std::shared_ptr<const ps::FaceFit> fit);
    const LandmarkEditTool& sculptTool() const { return tool_; }
    // The falloff circle's radius on screen around `vertex` (0 without a frame fit).
    double falloffRadiusOnScreen(int vertex) const;

    // ---- the head-pose gizmo ----
    void setHeadPoseGizmoVisible(bool visible);
    bool isHeadPoseGizmoVisible() const { return head_pose_.isVisible(); }
    // The head angles at the playhead a drag starts from (HeadPoseController).
    void setHeadAnglesProvider(HeadPoseOverlay::AnglesProvider provider);
    const HeadPoseGizmo& headPoseGizmo() const { return head_pose_.gizmo(); }
    // Camera space (cm) to this widget: the MediaPipe camera into the shown frame's pixels.
    GizmoProjector headPoseProjector() const;

    QSize sizeHint() const override { return {720, 540}; }

signals:
    void zoomChanged(double zoom);
    // The landmark editor: a press on a landmark or region (delta 0; nothing is edited yet),
    // each move of the drag (delta from the press), and the release.
    void sculptDragStarted(const ps::ui::SculptDrag& drag);
    void sculptDragged(const ps::ui::SculptDrag& drag);
    void sculptDragFinished(const ps::ui::SculptDrag& drag);
    // The region, radius, mirror or scope changed (a key, the wheel or a setter).
    void sculptSettingsChanged();
    void sculptModeChanged(bool on);
    // The head-pose gizmo: a press on a handle, each move of its drag with the head angles
    // (pitch, yaw, roll) it asks for, and the release.
    void headPoseDragStarted(ps::ui::GizmoHandle handle);
    void headPoseDragged(const glm::vec3& head_deg, ps::ui::GizmoHandle handle);
    void headPoseDragFinished();
    void headPoseGizmoVisibleChanged(bool visible);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    bool isSplit() const { return split_ || compare_; }
    // The area one image gets: the whole widget, or one half in the split view.
    QRect paneRect(int pane) const;
    QRectF imageRectIn(const QRect& pane) const;
    double fitZoom() const;
    void drawMesh(QPainter& painter, const QRectF& target) const;
    void drawSculptTool(QPainter& painter) const;
    void drawSculptHint(QPainter& painter) const;
    QString sculptHint() const;
    void startPan(QPointF position);
    // The pick distance in image pixels for the current zoom.
    double pickDistance_px() const;

    QImage photo_;
    QImage frame_;
    QVector<QPointF> landmarks_;
    bool fit_ = true;
    double zoom_ = 1.0;
    QPointF pan_;  // the image centre's offset from the pane's centre, in screen pixels
    bool mesh_visible_ = false;
    bool split_ = false;
    bool compare_ = false;
    QImage compare_frame_;
    bool onion_visible_ = false;
    OnionSkinPainter onion_skin_;
    QString statistics_;
    bool panning_ = false;
    QPointF pan_start_mouse_, pan_start_;
    bool sculpt_mode_ = false;
    LandmarkEditTool tool_;
    std::shared_ptr<const ps::FaceFit> frame_fit_;
    HeadPoseOverlay head_pose_;
};

}  // namespace ps::ui
