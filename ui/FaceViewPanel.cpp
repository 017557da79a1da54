#include "ui/FaceViewPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/FaceView3D.h"
#include "ui/OpenGLProbe.h"

namespace ps::ui {

FaceViewPanel::FaceViewPanel(QWidget* parent)
    : QWidget(parent),
      view_(openGLAvailable() ? new FaceView3D(this) : nullptr),
      gizmo_(new QToolButton(this)) {
    setObjectName(QStringLiteral("faceViewPanel"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->setSpacing(2);
    struct PresetButton {
        CameraPreset preset;
        QString text;
        QString tip;
        const char* name;
    };
    const std::array<PresetButton, 4> buttons = {{
        {CameraPreset::Photo, tr("Photo"), tr("Look through the photo's camera (0)"),
         "facePresetPhoto"},
        {CameraPreset::Front, tr("Front"), tr("Look at the face from the front (1)"),
         "facePresetFront"},
        {CameraPreset::Side, tr("Side"), tr("Look at the face from its right side (3)"),
         "facePresetSide"},
        {CameraPreset::Top, tr("Top"), tr("Look down on the head (7)"), "facePresetTop"},
    }};
    for (const PresetButton& b : buttons) {
        auto* button = new QToolButton(this);
        button->setText(b.text);
        button->setToolTip(b.tip);
        button->setObjectName(QString::fromLatin1(b.name));
        button->setCheckable(true);
        button->setAutoRaise(true);
        const CameraPreset preset = b.preset;
        button->setEnabled(view_ != nullptr);
        connect(button, &QToolButton::clicked, this, [this, preset] {
            if (view_ != nullptr) {
                view_->setPreset(preset);
            }
        });
        presets_[size_t(preset)] = button;
        bar->addWidget(button);
    }
    bar->addStretch(1);
    gizmo_->setText(tr("Gizmo"));
    gizmo_->setToolTip(
        tr("Show the head-pose rings: drag one to key pitch, yaw or roll at the "
           "playhead, or the centre to turn the head freely"));
    gizmo_->setObjectName(QStringLiteral("faceGizmoButton"));
    gizmo_->setCheckable(true);
    gizmo_->setChecked(true);
    gizmo_->setAutoRaise(true);
    gizmo_->setEnabled(view_ != nullptr);
    bar->addWidget(gizmo_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    if (view_ == nullptr) {
        // Said in the dock rather than only in a log: the creator sees why it is empty.
        auto* missing = new QLabel(
            tr("The 3D face view needs OpenGL 2, which this display does not offer. The "
               "viewer's head-pose gizmo and the inspector's angles still edit the head."),
            this);
        missing->setObjectName(QStringLiteral("faceViewNoOpenGL"));
        missing->setWordWrap(true);
        missing->setAlignment(Qt::AlignCenter);
        missing->setMargin(12);
        layout->addWidget(missing, 1);
        return;
    }
    connect(gizmo_, &QToolButton::toggled, view_, &FaceView3D::setHeadPoseGizmoVisible);
    view_->setHeadPoseGizmoVisible(true);
    layout->addWidget(view_, 1);
    connect(view_, &FaceView3D::presetChanged, this, &FaceViewPanel::syncPresetButtons);
    syncPresetButtons();
}

QToolButton* FaceViewPanel::presetButton(CameraPreset preset) const {
    return presets_[size_t(preset)];
}

void FaceViewPanel::syncPresetButtons() {
    const std::optional<CameraPreset> current = view_->camera().preset();
    for (size_t i = 0; i < presets_.size(); ++i) {
        presets_[i]->setChecked(current.has_value() && size_t(*current) == i);
    }
}

}  // namespace ps::ui
