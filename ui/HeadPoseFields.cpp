#include "ui/HeadPoseFields.h"

#include <QGridLayout>
#include <QLabel>
#include <QToolButton>

#include "motion/MotionChannel.h"
#include "ui/HeadPoseController.h"
#include "ui/HeadPoseGizmo.h"
#include "ui/SliderSpinBox.h"

namespace ps::ui {

namespace {

QString angleName(int channel) {
    switch (channel) {
        case ps::kHeadPitchChannel:
            return HeadPoseFields::tr("Pitch");
        case ps::kHeadYawChannel:
            return HeadPoseFields::tr("Yaw");
        default:
            return HeadPoseFields::tr("Roll");
    }
}

QString angleHint(int channel) {
    switch (channel) {
        case ps::kHeadPitchChannel:
            return HeadPoseFields::tr("Nods the head: positive looks down");
        case ps::kHeadYawChannel:
            return HeadPoseFields::tr(
                "Turns the head: positive turns the nose to the picture's "
                "right");
        default:
            return HeadPoseFields::tr("Tilts the head towards a shoulder");
    }
}

const char* objectStem(int channel) {
    switch (channel) {
        case ps::kHeadPitchChannel:
            return "headPitch";
        case ps::kHeadYawChannel:
            return "headYaw";
        default:
            return "headRoll";
    }
}

}  // namespace

HeadPoseFields::HeadPoseFields(HeadPoseController& controller, QWidget* parent)
    : QGroupBox(tr("Head pose at playhead"), parent), controller_(controller) {
    setObjectName(QStringLiteral("headPoseFields"));
    auto* grid = new QGridLayout(this);
    const std::array<int, 3> channels = {ps::kHeadPitchChannel, ps::kHeadYawChannel,
                                         ps::kHeadRollChannel};
    for (size_t i = 0; i < channels.size(); ++i) {
        Row& row = rows_[i];
        row.channel = channels[i];
        const QString stem = QString::fromLatin1(objectStem(row.channel));
        auto* label = new QLabel(angleName(row.channel), this);
        label->setToolTip(angleHint(row.channel));
        row.value = new SliderSpinBox(this);
        row.value->setRange(-HeadPoseGizmo::kMaxAngle_deg, HeadPoseGizmo::kMaxAngle_deg);
        row.value->setDisplay(1.0, 1, QStringLiteral("°"), 1.0);
        row.value->setObjectNames(stem);
        row.value->setToolTip(angleHint(row.channel));
        row.key = new QToolButton(this);
        row.key->setObjectName(stem + QStringLiteral("KeyButton"));
        row.key->setCheckable(true);
        row.key->setAutoRaise(true);
        row.key->setToolTip(tr("Key this angle at the playhead, or remove its key"));
        grid->addWidget(label, int(i), 0);
        grid->addWidget(row.value, int(i), 1);
        grid->addWidget(row.key, int(i), 2);

        const int channel = row.channel;
        connect(row.value, &SliderSpinBox::valueEdited, this, [this, channel](double degrees) {
            Row* edited = rowOf(channel);
            if (edited->gesture == 0) {
                edited->gesture = controller_.newGesture();
            }
            controller_.setAngle(channel, float(degrees), edited->gesture);
        });
        connect(row.value, &SliderSpinBox::gestureEnded, this,
                [this, channel] { rowOf(channel)->gesture = 0; });
        connect(row.key, &QToolButton::clicked, this, [this, channel] {
            controller_.toggleKey(channel);
            refresh();  // a refused toggle must not leave the button pressed
        });
    }
    grid->setColumnStretch(1, 1);
    connect(&controller_, &HeadPoseController::anglesChanged, this, &HeadPoseFields::refresh);
    refresh();
}

HeadPoseFields::Row* HeadPoseFields::rowOf(int channel) {
    for (Row& row : rows_) {
        if (row.channel == channel) {
            return &row;
        }
    }
    return nullptr;
}

const HeadPoseFields::Row* HeadPoseFields::rowOf(int channel) const {
    return const_cast<HeadPoseFields*>(this)->rowOf(channel);
}

SliderSpinBox* HeadPoseFields::field(int channel) const {
    const Row* row = rowOf(channel);
    return row != nullptr ? row->value : nullptr;
}

QToolButton* HeadPoseFields::keyButton(int channel) const {
    const Row* row = rowOf(channel);
    return row != nullptr ? row->key : nullptr;
}

void HeadPoseFields::refresh() {
    const std::optional<glm::vec3> angles = controller_.headAnglesAtPlayhead();
    for (Row& row : rows_) {
        row.value->setEnabled(angles.has_value());
        row.key->setEnabled(angles.has_value());
        if (angles.has_value()) {
            row.value->setValue((*angles)[row.channel - ps::kHeadPitchChannel]);
        }
        const bool keyed = angles.has_value() && controller_.isKeyed(row.channel);
        row.key->setChecked(keyed);
        // ◆ keyed on this frame, ◇ not: the keyframe glyph of the timeline.
        row.key->setText(keyed ? QStringLiteral("◆") : QStringLiteral("◇"));
    }
}

}  // namespace ps::ui
