// The 3D face view: the fitted head as a shaded mesh with the photo as its texture, in the
// current frame's expression and pose, seen through an OrbitCamera (left-drag orbits, the wheel
// zooms, middle- or Alt+drag pans; keys 1, 3, 7 and 0 look from the front, side, top and the
// photo's camera, as Blender's numpad does), with the head-pose gizmo drawn over it. A drag on
// the gizmo reports headPoseDrag* as the viewer's does; HeadPoseController keys it.
//
// The texture coordinates are where the photo's own fit puts each vertex in the photo, so the
// face wears the photo wherever the mesh moves; the triangles that close the mouth are drawn
// dark, so an open mouth reads as one. Needs an OpenGL 2 (or ES 2) context; without one the
// view stays blank and says so through hasContext().
#pragma once

#include <QImage>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <memory>
#include <vector>

#include "face/FaceFit.h"
#include "ui/HeadPoseOverlay.h"
#include "ui/OrbitCamera.h"

class QOpenGLShaderProgram;

namespace ps::ui {

class FaceView3D : public QOpenGLWidget, protected QOpenGLFunctions {
    Q_OBJECT
public:
    explicit FaceView3D(QWidget* parent = nullptr);
    ~FaceView3D() override;

    // The photo and its own fit: the texture and where each vertex sits in it. A null photo or
    // an empty fit clears the view.
    void setPhoto(const QImage& photo, const ps::FaceFit& photo_fit);
    void clear();
    // The face the shown frame has (camera space): the mesh drawn and where the gizmo sits.
    void setFrameFit(std::shared_ptr<const ps::FaceFit> fit);
    bool hasFace() const { return frame_fit_ != nullptr && !uvs_.empty(); }

    void setPreset(CameraPreset preset);
    const OrbitCamera& camera() const { return camera_; }

    void setHeadPoseGizmoVisible(bool visible);
    bool isHeadPoseGizmoVisible() const { return head_pose_.isVisible(); }
    void setHeadAnglesProvider(HeadPoseOverlay::AnglesProvider provider);
    const HeadPoseGizmo& headPoseGizmo() const { return head_pose_.gizmo(); }
    // Camera space (cm) to this widget, through the orbit camera.
    GizmoProjector headPoseProjector() const;

    // Whether GL came up (false: the view draws nothing; tests skip what needs it).
    bool hasContext() const { return gl_ready_; }

    QSize sizeHint() const override { return {360, 360}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

signals:
    void headPoseDragStarted(ps::ui::GizmoHandle handle);
    void headPoseDragged(const glm::vec3& head_deg, ps::ui::GizmoHandle handle);
    void headPoseDragFinished();
    void presetChanged();

protected:
    void initializeGL() override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class MouseDrag { None, Orbit, Pan };

    void uploadTexture();
    void drawMesh();
    void drawOverlay();
    void followHead();

    OrbitCamera camera_;
    HeadPoseOverlay head_pose_;
    QImage photo_;
    std::vector<float> uvs_;  // 2 per vertex, from the photo's fit
    std::shared_ptr<const ps::FaceFit> frame_fit_;
    bool texture_dirty_ = false;
    bool aimed_ = false;  // the camera has been aimed at a face once

    MouseDrag mouse_drag_ = MouseDrag::None;
    QPointF last_mouse_;

    bool gl_ready_ = false;
    std::unique_ptr<QOpenGLShaderProgram> program_;
    unsigned texture_ = 0;
    std::vector<unsigned short> skin_indices_;   // every triangle but the mouth's
    std::vector<unsigned short> mouth_indices_;  // the triangles that close the mouth
};

}  // namespace ps::ui
