// The 3D Face dock: the FaceView3D with a bar of its camera presets (the photo's camera, front,
// side, top) and the head-pose gizmo's switch. The view does the drawing and the mouse; this
// only arranges it and keeps the bar's buttons in step with the camera. Without OpenGL on the
// display the view is not made at all and the dock explains why.
#pragma once

#include <QWidget>
#include <array>

#include "ui/OrbitCamera.h"

class QToolButton;

namespace ps::ui {

class FaceView3D;

class FaceViewPanel : public QWidget {
    Q_OBJECT
public:
    explicit FaceViewPanel(QWidget* parent = nullptr);

    // nullptr when the display has no OpenGL (see OpenGLProbe): the dock then says so.
    FaceView3D* view() const { return view_; }
    QToolButton* presetButton(CameraPreset preset) const;
    QToolButton* gizmoButton() const { return gizmo_; }

private:
    void syncPresetButtons();

    FaceView3D* view_;                       // nullptr without OpenGL
    std::array<QToolButton*, 4> presets_{};  // by CameraPreset
    QToolButton* gizmo_;
};

}  // namespace ps::ui
