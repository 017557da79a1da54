#include "ui/InspectorPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "face/FaceMesh.h"
#include "media/FrameRate.h"
#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "ui/ProjectSession.h"
#include "ui/SliderSpinBox.h"
#include "ui/TemplateNames.h"

namespace ps::ui {

namespace {

// Keys at times closer than this are the same key (as SetKeyframe and SelectionModel find them).
constexpr double kSameKey_s = 1e-6;
// The longest time a field accepts: far beyond any voice track, short of absurd.
constexpr double kMaxTime_s = 24.0 * 3600.0;
// Amounts (intensity, strengths) are shown as percentages up to twice the full amount.
constexpr double kMaxAmount = 2.0;
// A sculpt pushes the face by at most a few centimetres and reaches at most across it.
constexpr double kMaxSculptOffset_cm = 5.0;
constexpr double kMaxSculptRadius_cm = 20.0;

void display(QDoubleSpinBox* spin, double value) {
    const QSignalBlocker block(spin);
    spin->setValue(value);
}

void display(QSpinBox* spin, int value) {
    const QSignalBlocker block(spin);
    spin->setValue(value);
}

void display(QCheckBox* check, bool checked) {
    const QSignalBlocker block(check);
    check->setChecked(checked);
}

void display(QComboBox* combo, int data) {
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(combo->findData(data));
}

QString channelLabel(int channel) {
    return QString::fromUtf8(ps::motionChannelName(channel).data(),
                             qsizetype(ps::motionChannelName(channel).size()));
}

}  // namespace

InspectorPanel::InspectorPanel(ProjectSession& session, SelectionModel& selection,
                               const ps::TemplateLibrary& templates, QWidget* parent)
    : QWidget(parent),
      session_(session),
      selection_(selection),
      templates_(templates),
      title_(new QLabel(this)),
      error_(new QLabel(this)),
      pages_(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("inspectorPanel"));
    title_->setObjectName(QStringLiteral("inspectorTitle"));
    QFont heading = title_->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.15);
    title_->setFont(heading);
    title_->setWordWrap(true);
    error_->setObjectName(QStringLiteral("inspectorError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #d04040;"));
    error_->hide();

    pages_->addWidget(makeProjectPage());
    pages_->addWidget(makeClipPage());
    pages_->addWidget(makeKeyPage());
    pages_->addWidget(makeCurvePage());
    pages_->addWidget(makeCapturePage());
    pages_->addWidget(makeSculptPage());

    auto* content = new QWidget;
    auto* content_layout = new QVBoxLayout(content);
    content_layout->addWidget(title_);
    content_layout->addWidget(pages_);
    content_layout->addWidget(error_);
    content_layout->addStretch(1);
    content_layout_ = content_layout;
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&selection_, &SelectionModel::selectionChanged, this,
            &InspectorPanel::onSelectionChanged);
    connect(&session_, &ProjectSession::changed, this, &InspectorPanel::onSessionChanged);
    connect(&session_, &ProjectSession::frameRateChanged, this, [this] {
        if (!editing_) {
            refresh();
        }
    });
    refresh();
}

QString InspectorPanel::title() const {
    return title_->text();
}

QString InspectorPanel::lastError() const {
    return error_->isHidden() ? QString() : error_->text();
}

// ---- making the pages ----

QDoubleSpinBox* InspectorPanel::makeSecondsSpin(const QString& name, double minimum) {
    auto* spin = new QDoubleSpinBox;
    spin->setObjectName(name);
    spin->setRange(minimum, kMaxTime_s);
    spin->setDecimals(3);
    spin->setSingleStep(0.1);
    spin->setSuffix(tr(" s"));
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    endGestureOnFocusOut(spin);
    return spin;
}

SliderSpinBox* InspectorPanel::makeAmount(const QString& name, double maximum) {
    auto* amount = new SliderSpinBox;
    amount->setObjectNames(name);
    amount->setRange(0.0, maximum);
    amount->setDisplay(100.0, 1, tr(" %"), 1.0);
    connect(amount, &SliderSpinBox::gestureEnded, this, &InspectorPanel::endGesture);
    return amount;
}

QComboBox* InspectorPanel::makeBlendCombo(const QString& name) {
    auto* combo = new QComboBox;
    combo->setObjectName(name);
    combo->addItem(tr("Add"), int(ps::BlendMode::Add));
    combo->addItem(tr("Override"), int(ps::BlendMode::Override));
    combo->setToolTip(tr("Add: adds to the layers beneath. Override: replaces them."));
    return combo;
}

void InspectorPanel::endGestureOnFocusOut(QAbstractSpinBox* spin) {
    // editingFinished comes after focus-out has applied what was typed, so the typed value
    // still belongs to the gesture it ends. Enter alone keeps the gesture going.
    connect(spin, &QAbstractSpinBox::editingFinished, this, [this, spin] {
        if (!spin->hasFocus()) {
            endGesture();
        }
    });
}

QWidget* InspectorPanel::makeProjectPage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    lips_ = makeAmount(QStringLiteral("lipsStrength"), kMaxAmount);
    lips_->setToolTip(tr("How strongly the voice moves the lips."));
    expressions_ = makeAmount(QStringLiteral("expressionsStrength"), kMaxAmount);
    expressions_->setToolTip(tr("Scales every expression clip."));
    head_ = makeAmount(QStringLiteral("headStrength"), kMaxAmount);
    head_->setToolTip(tr("Scales the head motion of the voice, the idle sway and pose clips."));
    blink_rate_ = makeAmount(QStringLiteral("blinkRateStrength"), kMaxAmount);
    blink_rate_->setToolTip(tr("Times the idle blinks per minute."));
    form->addRow(tr("Lips"), lips_);
    form->addRow(tr("Expressions"), expressions_);
    form->addRow(tr("Head motion"), head_);
    form->addRow(tr("Blink rate"), blink_rate_);
    connect(lips_, &SliderSpinBox::valueEdited, this, [this](double v) {
        editStrengths(lips_, [v](ps::MotionStrengths& s) { s.lips = float(v); });
    });
    connect(expressions_, &SliderSpinBox::valueEdited, this, [this](double v) {
        editStrengths(expressions_, [v](ps::MotionStrengths& s) { s.expressions = float(v); });
    });
    connect(head_, &SliderSpinBox::valueEdited, this, [this](double v) {
        editStrengths(head_, [v](ps::MotionStrengths& s) { s.head = float(v); });
    });
    connect(blink_rate_, &SliderSpinBox::valueEdited, this, [this](double v) {
        editStrengths(blink_rate_, [v](ps::MotionStrengths& s) { s.blink_rate = float(v); });
    });

    frame_rate_ = new QComboBox;
    frame_rate_->setObjectName(QStringLiteral("frameRateCombo"));
    for (const ps::FrameRate rate : ps::allFrameRates()) {
        frame_rate_->addItem(tr("%1 fps").arg(QString::fromStdString(ps::frameRateLabel(rate))),
                             int(rate));
    }
    frame_rate_->setToolTip(tr("The frame rate of the exported video."));
    form->addRow(tr("Frame rate"), frame_rate_);
    connect(frame_rate_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        if (index >= 0) {
            session_.setFrameRate(static_cast<ps::FrameRate>(frame_rate_->itemData(index).toInt()));
        }
    });
    return page;
}

QWidget* InspectorPanel::makeClipPage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    clip_template_ = new QComboBox;
    clip_template_->setObjectName(QStringLiteral("clipTemplateCombo"));
    clip_template_->setToolTip(tr("The template the clip plays; its timing stays."));
    clip_start_ = makeSecondsSpin(QStringLiteral("clipStartSpin"), 0.0);
    clip_duration_ = makeSecondsSpin(QStringLiteral("clipDurationSpin"), 0.01);
    clip_intensity_ = makeAmount(QStringLiteral("clipIntensity"), kMaxAmount);
    clip_fade_in_ = makeSecondsSpin(QStringLiteral("clipFadeInSpin"), 0.0);
    clip_fade_out_ = makeSecondsSpin(QStringLiteral("clipFadeOutSpin"), 0.0);
    clip_blend_ = makeBlendCombo(QStringLiteral("clipBlendCombo"));
    clip_enabled_ = new QCheckBox(tr("Enabled"));
    clip_enabled_->setObjectName(QStringLiteral("clipEnabledCheck"));
    form->addRow(tr("Template"), clip_template_);
    form->addRow(tr("Start"), clip_start_);
    form->addRow(tr("Duration"), clip_duration_);
    form->addRow(tr("Intensity"), clip_intensity_);
    form->addRow(tr("Fade in"), clip_fade_in_);
    form->addRow(tr("Fade out"), clip_fade_out_);
    form->addRow(tr("Blend"), clip_blend_);
    form->addRow(QString(), clip_enabled_);

    connect(clip_template_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) {
                const ps::ExpressionClip* clip = shownClip();
                const QString name = clip_template_->itemData(index).toString();
                if (clip == nullptr || name.isEmpty()) {
                    return;
                }
                const std::optional<ps::ExpressionTemplate> chosen =
                    templates_.find(clip->expression.kind, name.toStdString());
                if (chosen) {
                    editClip(clip_template_, false,
                             [&chosen](ps::ExpressionClip& c) { c.expression = *chosen; });
                }
            });
    const auto seconds = [this](QDoubleSpinBox* spin, double ps::ExpressionClip::*field) {
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                [this, spin, field](double v) {
                    editClip(spin, true, [v, field](ps::ExpressionClip& c) { c.*field = v; });
                });
    };
    seconds(clip_start_, &ps::ExpressionClip::start_s);
    seconds(clip_duration_, &ps::ExpressionClip::duration_s);
    seconds(clip_fade_in_, &ps::ExpressionClip::fade_in_s);
    seconds(clip_fade_out_, &ps::ExpressionClip::fade_out_s);
    connect(clip_intensity_, &SliderSpinBox::valueEdited, this, [this](double v) {
        editClip(clip_intensity_, true, [v](ps::ExpressionClip& c) { c.intensity = float(v); });
    });
    connect(clip_blend_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        const auto mode = static_cast<ps::BlendMode>(clip_blend_->itemData(index).toInt());
        editClip(clip_blend_, false, [mode](ps::ExpressionClip& c) { c.expression.blend = mode; });
    });
    connect(clip_enabled_, &QCheckBox::toggled, this, [this](bool on) {
        editClip(clip_enabled_, false, [on](ps::ExpressionClip& c) { c.enabled = on; });
    });
    return page;
}

QWidget* InspectorPanel::makeKeyPage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    key_channel_ = new QLabel;
    key_channel_->setObjectName(QStringLiteral("keyChannelLabel"));
    key_channel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    key_time_ = makeSecondsSpin(QStringLiteral("keyTimeSpin"), 0.0);
    key_value_ = new QDoubleSpinBox;
    key_value_->setObjectName(QStringLiteral("keyValueSpin"));
    key_value_->setKeyboardTracking(false);
    key_value_->setAccelerated(true);
    endGestureOnFocusOut(key_value_);
    key_interpolation_ = new QComboBox;
    key_interpolation_->setObjectName(QStringLiteral("keyInterpolationCombo"));
    key_interpolation_->addItem(tr("Linear"), int(ps::Interpolation::Linear));
    key_interpolation_->addItem(tr("Ease"), int(ps::Interpolation::Ease));
    key_interpolation_->addItem(tr("Bézier"), int(ps::Interpolation::Bezier));
    key_interpolation_->addItem(tr("Step"), int(ps::Interpolation::Step));
    key_interpolation_->setToolTip(tr("How the curve goes from this key to the next."));
    form->addRow(tr("Channel"), key_channel_);
    form->addRow(tr("Time"), key_time_);
    form->addRow(tr("Value"), key_value_);
    form->addRow(tr("Interpolation"), key_interpolation_);

    connect(key_time_, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            &InspectorPanel::moveKey);
    connect(key_value_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double v) {
        editKey(key_value_, true, [v](ps::Keyframe& k) { k.value = float(v); });
    });
    connect(key_interpolation_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) {
                const auto mode =
                    static_cast<ps::Interpolation>(key_interpolation_->itemData(index).toInt());
                editKey(key_interpolation_, false,
                        [mode](ps::Keyframe& k) { k.interpolation = mode; });
            });
    return page;
}

QWidget* InspectorPanel::makeCurvePage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    curve_channel_ = new QLabel;
    curve_channel_->setObjectName(QStringLiteral("curveChannelLabel"));
    curve_channel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    curve_blend_ = makeBlendCombo(QStringLiteral("curveBlendCombo"));
    curve_enabled_ = new QCheckBox(tr("Enabled"));
    curve_enabled_->setObjectName(QStringLiteral("curveEnabledCheck"));
    curve_key_count_ = new QLabel;
    curve_key_count_->setObjectName(QStringLiteral("curveKeyCountLabel"));
    form->addRow(tr("Channel"), curve_channel_);
    form->addRow(tr("Blend"), curve_blend_);
    form->addRow(tr("Keys"), curve_key_count_);
    form->addRow(QString(), curve_enabled_);
    connect(curve_blend_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        const auto mode = static_cast<ps::BlendMode>(curve_blend_->itemData(index).toInt());
        editCurve(curve_blend_, [mode](ps::KeyframeCurve& c) { c.blend = mode; });
    });
    connect(curve_enabled_, &QCheckBox::toggled, this, [this](bool on) {
        editCurve(curve_enabled_, [on](ps::KeyframeCurve& c) { c.enabled = on; });
    });
    return page;
}

QWidget* InspectorPanel::makeCapturePage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    capture_name_ = new QLineEdit;
    capture_name_->setObjectName(QStringLiteral("captureNameEdit"));
    capture_start_ = makeSecondsSpin(QStringLiteral("captureStartSpin"), -kMaxTime_s);
    capture_strength_ = makeAmount(QStringLiteral("captureStrength"), kMaxAmount);
    capture_blend_ = makeBlendCombo(QStringLiteral("captureBlendCombo"));
    capture_enabled_ = new QCheckBox(tr("Enabled"));
    capture_enabled_->setObjectName(QStringLiteral("captureEnabledCheck"));
    form->addRow(tr("Name"), capture_name_);
    form->addRow(tr("Start"), capture_start_);
    form->addRow(tr("Strength"), capture_strength_);
    form->addRow(tr("Blend"), capture_blend_);
    form->addRow(QString(), capture_enabled_);
    connect(capture_name_, &QLineEdit::editingFinished, this, [this] {
        const ps::CaptureLayer* capture = shownCapture();
        const std::string name = capture_name_->text().trimmed().toStdString();
        if (capture != nullptr && !name.empty() && name != capture->name) {
            editCapture(capture_name_, false, [&name](ps::CaptureLayer& c) { c.name = name; });
        }
    });
    connect(capture_start_, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            [this](double v) {
                editCapture(capture_start_, true, [v](ps::CaptureLayer& c) { c.start_s = v; });
            });
    connect(capture_strength_, &SliderSpinBox::valueEdited, this, [this](double v) {
        editCapture(capture_strength_, true, [v](ps::CaptureLayer& c) { c.strength = float(v); });
    });
    connect(
        capture_blend_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
            const auto mode = static_cast<ps::BlendMode>(capture_blend_->itemData(index).toInt());
            editCapture(capture_blend_, false, [mode](ps::CaptureLayer& c) { c.blend = mode; });
        });
    connect(capture_enabled_, &QCheckBox::toggled, this, [this](bool on) {
        editCapture(capture_enabled_, false, [on](ps::CaptureLayer& c) { c.enabled = on; });
    });
    return page;
}

QWidget* InspectorPanel::makeSculptPage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    sculpt_vertex_ = new QSpinBox;
    sculpt_vertex_->setObjectName(QStringLiteral("sculptVertexSpin"));
    sculpt_vertex_->setRange(0, ps::kFaceVertexCount - 1);
    sculpt_vertex_->setKeyboardTracking(false);
    sculpt_vertex_->setToolTip(tr("The mesh vertex the sculpt pushes fully."));
    endGestureOnFocusOut(sculpt_vertex_);
    const auto centimetres = [this](const QString& name, double minimum, double maximum) {
        auto* spin = new QDoubleSpinBox;
        spin->setObjectName(name);
        spin->setRange(minimum, maximum);
        spin->setDecimals(2);
        spin->setSingleStep(0.05);
        spin->setSuffix(tr(" cm"));
        spin->setKeyboardTracking(false);
        spin->setAccelerated(true);
        endGestureOnFocusOut(spin);
        return spin;
    };
    sculpt_radius_ = centimetres(QStringLiteral("sculptRadiusSpin"), 0.01, kMaxSculptRadius_cm);
    sculpt_offset_x_ =
        centimetres(QStringLiteral("sculptOffsetXSpin"), -kMaxSculptOffset_cm, kMaxSculptOffset_cm);
    sculpt_offset_y_ =
        centimetres(QStringLiteral("sculptOffsetYSpin"), -kMaxSculptOffset_cm, kMaxSculptOffset_cm);
    sculpt_offset_z_ =
        centimetres(QStringLiteral("sculptOffsetZSpin"), -kMaxSculptOffset_cm, kMaxSculptOffset_cm);
    sculpt_offset_x_->setToolTip(tr("Towards the subject's left."));
    sculpt_offset_y_->setToolTip(tr("Up."));
    sculpt_offset_z_->setToolTip(tr("Out of the face."));
    sculpt_strength_keys_ = new QLabel;
    sculpt_strength_keys_->setObjectName(QStringLiteral("sculptStrengthKeysLabel"));
    sculpt_enabled_ = new QCheckBox(tr("Enabled"));
    sculpt_enabled_->setObjectName(QStringLiteral("sculptEnabledCheck"));
    form->addRow(tr("Centre vertex"), sculpt_vertex_);
    form->addRow(tr("Radius"), sculpt_radius_);
    form->addRow(tr("Offset x"), sculpt_offset_x_);
    form->addRow(tr("Offset y"), sculpt_offset_y_);
    form->addRow(tr("Offset z"), sculpt_offset_z_);
    form->addRow(tr("Strength"), sculpt_strength_keys_);
    form->addRow(QString(), sculpt_enabled_);
    connect(sculpt_vertex_, qOverload<int>(&QSpinBox::valueChanged), this, [this](int v) {
        editSculpt(sculpt_vertex_, true, [v](ps::LandmarkSculpt& s) { s.center_vertex = v; });
    });
    connect(sculpt_radius_, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            [this](double v) {
                editSculpt(sculpt_radius_, true,
                           [v](ps::LandmarkSculpt& s) { s.radius_cm = float(v); });
            });
    const auto offset = [this](QDoubleSpinBox* spin, int axis) {
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                [this, spin, axis](double v) {
                    editSculpt(spin, true,
                               [v, axis](ps::LandmarkSculpt& s) { s.offset_cm[axis] = float(v); });
                });
    };
    offset(sculpt_offset_x_, 0);
    offset(sculpt_offset_y_, 1);
    offset(sculpt_offset_z_, 2);
    connect(sculpt_enabled_, &QCheckBox::toggled, this, [this](bool on) {
        editSculpt(sculpt_enabled_, false, [on](ps::LandmarkSculpt& s) { s.enabled = on; });
    });
    return page;
}

// ---- showing ----

void InspectorPanel::addFooter(QWidget* group) {
    // Before the stretch, so the group sits under the page rather than at the panel's foot.
    content_layout_->insertWidget(content_layout_->count() - 1, group);
}

void InspectorPanel::refresh() {
    const ElementRef current = selection_.current();
    shown_ = refersToExisting(current, session_.motion()) ? current : ElementRef{};
    switch (shown_.kind) {
        case ElementKind::Clip:
            showClip(*shownClip());
            break;
        case ElementKind::Key:
            showKey(*shownCurve(), *shownKey());
            break;
        case ElementKind::Curve:
            showCurve(*shownCurve());
            break;
        case ElementKind::Capture:
            showCapture(*shownCapture());
            break;
        case ElementKind::Sculpt:
            showSculpt(*shownSculpt());
            break;
        case ElementKind::None:
            showProject();
            break;
    }
}

void InspectorPanel::showProject() {
    title_->setText(tr("Project"));
    const ps::MotionStrengths& s = session_.motion().strengths;
    lips_->setValue(s.lips);
    expressions_->setValue(s.expressions);
    head_->setValue(s.head);
    blink_rate_->setValue(s.blink_rate);
    display(frame_rate_, int(session_.project().fps));
    pages_->setCurrentIndex(ProjectPage);
}

void InspectorPanel::showClip(const ps::ExpressionClip& clip) {
    const QString name = QString::fromStdString(clip.expression.name);
    const QString shown = templateDisplayName(clip.expression.name);
    title_->setText(clip.expression.kind == ps::TemplateKind::Pose
                        ? tr("Pose clip “%1”").arg(shown)
                        : tr("Expression clip “%1”").arg(shown));
    {
        // The library's templates of the clip's kind; the clip's own first when the library
        // does not have it (a project from another studio).
        const QSignalBlocker block(clip_template_);
        QStringList names;
        for (const std::string& n : templates_.names(clip.expression.kind)) {
            names << QString::fromStdString(n);
        }
        QStringList listed;
        for (int i = 0; i < clip_template_->count(); ++i) {
            listed << clip_template_->itemData(i).toString();
        }
        const bool known = names.contains(name);
        if (!known) {
            names.prepend(QString());
        }
        if (listed != names) {
            clip_template_->clear();
            for (const QString& n : names) {
                clip_template_->addItem(n.isEmpty() ? tr("%1 (only in this project)").arg(shown)
                                                    : templateDisplayName(n.toStdString()),
                                        n);
            }
        }
        clip_template_->setCurrentIndex(clip_template_->findData(known ? name : QString()));
    }
    display(clip_start_, clip.start_s);
    display(clip_duration_, clip.duration_s);
    clip_intensity_->setValue(clip.intensity);
    display(clip_fade_in_, clip.fade_in_s);
    display(clip_fade_out_, clip.fade_out_s);
    display(clip_blend_, int(clip.expression.blend));
    display(clip_enabled_, clip.enabled);
    pages_->setCurrentIndex(ClipPage);
}

void InspectorPanel::showKey(const ps::KeyframeCurve& curve, const ps::Keyframe& key) {
    const QString channel = channelLabel(curve.channel);
    title_->setText(tr("Key on %1").arg(channel));
    key_channel_->setText(channel);
    display(key_time_, key.t_s);
    {
        const QSignalBlocker block(key_value_);
        if (ps::isAngleChannel(curve.channel)) {
            key_value_->setRange(ps::channelMinimum(curve.channel),
                                 ps::channelMaximum(curve.channel));
            key_value_->setDecimals(2);
            key_value_->setSingleStep(1.0);
            key_value_->setSuffix(tr(" °"));
            key_value_->setToolTip(tr("The angle in degrees."));
        } else {
            key_value_->setRange(0.0, 1.0);
            key_value_->setDecimals(3);
            key_value_->setSingleStep(0.01);
            key_value_->setSuffix(QString());
            key_value_->setToolTip(tr("The blendshape's weight, from 0 (none) to 1 (fully)."));
        }
        key_value_->setValue(key.value);
    }
    display(key_interpolation_, int(key.interpolation));
    pages_->setCurrentIndex(KeyPage);
}

void InspectorPanel::showCurve(const ps::KeyframeCurve& curve) {
    const QString channel = channelLabel(curve.channel);
    title_->setText(tr("Curve on %1").arg(channel));
    curve_channel_->setText(channel);
    display(curve_blend_, int(curve.blend));
    display(curve_enabled_, curve.enabled);
    curve_key_count_->setText(QString::number(curve.keys.size()));
    pages_->setCurrentIndex(CurvePage);
}

void InspectorPanel::showCapture(const ps::CaptureLayer& capture) {
    const QString name = QString::fromStdString(capture.name);
    title_->setText(tr("Capture “%1”").arg(name));
    if (!capture_name_->hasFocus()) {
        capture_name_->setText(name);
    }
    display(capture_start_, capture.start_s);
    capture_strength_->setValue(capture.strength);
    display(capture_blend_, int(capture.blend));
    display(capture_enabled_, capture.enabled);
    pages_->setCurrentIndex(CapturePage);
}

void InspectorPanel::showSculpt(const ps::LandmarkSculpt& sculpt) {
    title_->setText(tr("Sculpt at vertex %1").arg(sculpt.center_vertex));
    display(sculpt_vertex_, sculpt.center_vertex);
    display(sculpt_radius_, sculpt.radius_cm);
    display(sculpt_offset_x_, sculpt.offset_cm.x);
    display(sculpt_offset_y_, sculpt.offset_cm.y);
    display(sculpt_offset_z_, sculpt.offset_cm.z);
    sculpt_strength_keys_->setText(sculpt.strength.empty() ? tr("full throughout (no keys)")
                                   : sculpt.strength.size() == 1
                                       ? tr("1 key on the timeline")
                                       : tr("%1 keys on the timeline").arg(sculpt.strength.size()));
    display(sculpt_enabled_, sculpt.enabled);
    pages_->setCurrentIndex(SculptPage);
}

const ps::ExpressionClip* InspectorPanel::shownClip() const {
    return shown_.kind == ElementKind::Clip ? findById(session_.motion().clips, shown_.id)
                                            : nullptr;
}

const ps::KeyframeCurve* InspectorPanel::shownCurve() const {
    return shown_.kind == ElementKind::Curve || shown_.kind == ElementKind::Key
               ? findById(session_.motion().curves, shown_.id)
               : nullptr;
}

const ps::Keyframe* InspectorPanel::shownKey() const {
    const ps::KeyframeCurve* curve = shown_.kind == ElementKind::Key ? shownCurve() : nullptr;
    if (curve == nullptr) {
        return nullptr;
    }
    const auto it = std::find_if(
        curve->keys.begin(), curve->keys.end(),
        [this](const ps::Keyframe& k) { return std::abs(k.t_s - shown_.key_t_s) < kSameKey_s; });
    return it == curve->keys.end() ? nullptr : &*it;
}

const ps::CaptureLayer* InspectorPanel::shownCapture() const {
    return shown_.kind == ElementKind::Capture ? findById(session_.motion().captures, shown_.id)
                                               : nullptr;
}

const ps::LandmarkSculpt* InspectorPanel::shownSculpt() const {
    return shown_.kind == ElementKind::Sculpt ? findById(session_.motion().sculpts, shown_.id)
                                              : nullptr;
}

// ---- editing ----

bool InspectorPanel::applyEdit(const ps::MotionEdit& edit, QObject* control, bool continuous) {
    QString problem;
    editing_ = true;
    const bool applied = session_.apply(edit, &problem, continuous ? gestureFor(control) : 0);
    editing_ = false;
    error_->setText(problem);
    error_->setVisible(!applied);
    refresh();
    return applied;
}

int InspectorPanel::gestureFor(QObject* control) {
    if (gesture_.number == 0 || gesture_.control != control || gesture_.kind != shown_.kind ||
        gesture_.id != shown_.id) {
        gesture_ = {control, shown_.kind, shown_.id, session_.newGesture()};
    }
    return gesture_.number;
}

void InspectorPanel::editClip(QObject* control, bool continuous,
                              const std::function<void(ps::ExpressionClip&)>& change) {
    const ps::ExpressionClip* shown = shownClip();
    if (shown == nullptr) {
        return;
    }
    ps::ExpressionClip clip = *shown;
    change(clip);
    applyEdit(ps::MotionEdit{ps::ReplaceElement<ps::ExpressionClip>{std::move(clip)}}, control,
              continuous);
}

void InspectorPanel::editCapture(QObject* control, bool continuous,
                                 const std::function<void(ps::CaptureLayer&)>& change) {
    const ps::CaptureLayer* shown = shownCapture();
    if (shown == nullptr) {
        return;
    }
    ps::CaptureLayer capture = *shown;
    change(capture);
    applyEdit(ps::MotionEdit{ps::ReplaceElement<ps::CaptureLayer>{std::move(capture)}}, control,
              continuous);
}

void InspectorPanel::editSculpt(QObject* control, bool continuous,
                                const std::function<void(ps::LandmarkSculpt&)>& change) {
    const ps::LandmarkSculpt* shown = shownSculpt();
    if (shown == nullptr) {
        return;
    }
    ps::LandmarkSculpt sculpt = *shown;
    change(sculpt);
    applyEdit(ps::MotionEdit{ps::ReplaceElement<ps::LandmarkSculpt>{std::move(sculpt)}}, control,
              continuous);
}

void InspectorPanel::editCurve(QObject* control,
                               const std::function<void(ps::KeyframeCurve&)>& change) {
    const ps::KeyframeCurve* shown = shown_.kind == ElementKind::Curve ? shownCurve() : nullptr;
    if (shown == nullptr) {
        return;
    }
    ps::KeyframeCurve curve = *shown;
    change(curve);
    applyEdit(ps::MotionEdit{ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}}, control,
              false);
}

void InspectorPanel::editKey(QObject* control, bool continuous,
                             const std::function<void(ps::Keyframe&)>& change) {
    const ps::KeyframeCurve* shown = shownCurve();
    const ps::Keyframe* key = shownKey();
    if (shown == nullptr || key == nullptr) {
        return;
    }
    // The whole curve replaced rather than SetKeyframe: edits of one curve merge into one step.
    ps::KeyframeCurve curve = *shown;
    change(curve.keys[size_t(key - shown->keys.data())]);
    applyEdit(ps::MotionEdit{ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}}, control,
              continuous);
}

void InspectorPanel::moveKey(double to_s) {
    const ps::KeyframeCurve* shown = shownCurve();
    const ps::Keyframe* key = shownKey();
    if (shown == nullptr || key == nullptr || std::abs(key->t_s - to_s) < kSameKey_s) {
        return;
    }
    const bool taken = std::any_of(
        shown->keys.begin(), shown->keys.end(),
        [&](const ps::Keyframe& k) { return &k != key && std::abs(k.t_s - to_s) < kSameKey_s; });
    if (taken) {
        error_->setText(tr("Another key of this curve is already at %1 s.").arg(to_s, 0, 'f', 3));
        error_->show();
        refresh();
        return;
    }
    ps::KeyframeCurve curve = *shown;
    curve.keys[size_t(key - shown->keys.data())].t_s = to_s;
    std::stable_sort(curve.keys.begin(), curve.keys.end(),
                     [](const ps::Keyframe& a, const ps::Keyframe& b) { return a.t_s < b.t_s; });
    // The selection follows the key to its new time.
    const ElementRef from = shown_;
    ElementRef to = from;
    to.key_t_s = to_s;
    QList<ElementRef> selected = selection_.selected();
    std::replace(selected.begin(), selected.end(), from, to);

    QString problem;
    editing_ = true;
    const bool applied =
        session_.apply(ps::MotionEdit{ps::ReplaceElement<ps::KeyframeCurve>{std::move(curve)}},
                       &problem, gestureFor(key_time_));
    if (applied) {
        selection_.setSelection(selected);
    }
    editing_ = false;
    error_->setText(problem);
    error_->setVisible(!applied);
    refresh();
}

void InspectorPanel::editStrengths(QObject* control,
                                   const std::function<void(ps::MotionStrengths&)>& change) {
    ps::MotionStrengths strengths = session_.motion().strengths;
    change(strengths);
    applyEdit(ps::MotionEdit{ps::SetStrengths{strengths}}, control, true);
}

void InspectorPanel::onSelectionChanged() {
    if (editing_) {
        return;
    }
    endGesture();
    error_->hide();
    refresh();
}

void InspectorPanel::onSessionChanged() {
    if (editing_) {
        return;
    }
    // An undo, a redo or another panel's edit: what follows is a new step.
    endGesture();
    refresh();
}

}  // namespace ps::ui
