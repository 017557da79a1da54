#include "ui/BlendshapePanel.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "motion/ChannelContributions.h"
#include "motion/FindElement.h"
#include "motion/MotionEvaluator.h"
#include "ui/BlendshapeGroups.h"
#include "ui/BlendshapeKeying.h"
#include "ui/CurveGestureCommand.h"
#include "ui/LayerChip.h"
#include "ui/ProjectSession.h"
#include "ui/SliderSpinBox.h"
#include "ui/TemplateNames.h"
#include "ui/TimelineView.h"

namespace ps::ui {

namespace {

// The timeline's key colour, so a key here and a diamond there look like the same thing.
QColor keyColor() {
    return TimelineView::laneColor(Lane::Curves);
}

QString arkitName(ps::Blendshape shape) {
    const std::string_view name = ps::blendshapeName(shape);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

QPixmap iconCanvas(int size) {
    const qreal ratio = qApp->devicePixelRatio();
    QPixmap pixmap(int(std::ceil(size * ratio)), int(std::ceil(size * ratio)));
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

QPainterPath diamondPath(int size) {
    const qreal c = size / 2.0, r = size * 0.36;
    QPainterPath diamond;
    diamond.moveTo(c, c - r);
    diamond.lineTo(c + r, c);
    diamond.lineTo(c, c + r);
    diamond.lineTo(c - r, c);
    diamond.closeSubpath();
    return diamond;
}

// The key button: On (a key at the playhead) a filled diamond in the key colour; Off a hollow
// one in `off` (the key colour when the shape is animated elsewhere, muted when it is not).
QIcon keyIcon(int size, const QColor& off) {
    QIcon icon;
    for (const bool filled : {false, true}) {
        QPixmap pixmap = iconCanvas(size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(filled ? keyColor() : off, 1.4));
        painter.setBrush(filled ? QBrush(keyColor()) : QBrush(Qt::NoBrush));
        painter.drawPath(diamondPath(size));
        painter.end();
        icon.addPixmap(pixmap, QIcon::Normal, filled ? QIcon::On : QIcon::Off);
    }
    return icon;
}

// Auto-key as animation tools show it: a record light, red while on.
QIcon recordIcon(int size, const QColor& off) {
    QIcon icon;
    for (const bool on : {false, true}) {
        QPixmap pixmap = iconCanvas(size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor color = on ? QColor(0xe0, 0x4a, 0x4a) : off;
        painter.setPen(QPen(color, 1.4));
        painter.setBrush(on ? QBrush(color) : QBrush(Qt::NoBrush));
        const qreal r = size * 0.28;
        painter.drawEllipse(QPointF(size / 2.0, size / 2.0), r, r);
        painter.end();
        icon.addPixmap(pixmap, QIcon::Normal, on ? QIcon::On : QIcon::Off);
    }
    return icon;
}

// An anticlockwise arrow: back to what was there.
QIcon resetIcon(int size, const QColor& color) {
    QIcon icon;
    for (const auto& [mode, alpha] : {std::pair{QIcon::Normal, 230}, {QIcon::Disabled, 70}}) {
        QColor ink = color;
        ink.setAlpha(alpha);
        QPixmap pixmap = iconCanvas(size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal r = size * 0.3;
        const QRectF circle(size / 2.0 - r, size / 2.0 - r, 2 * r, 2 * r);
        painter.setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap));
        painter.drawArc(circle, 100 * 16, 280 * 16);
        // The arrowhead at the arc's start (top, pointing left).
        const QPointF tip(size / 2.0 - r * 0.15, size / 2.0 - r);
        QPainterPath head;
        head.moveTo(tip + QPointF(-size * 0.14, 0));
        head.lineTo(tip + QPointF(size * 0.1, -size * 0.14));
        head.lineTo(tip + QPointF(size * 0.1, size * 0.14));
        head.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawPath(head);
        painter.end();
        icon.addPixmap(pixmap, mode);
    }
    return icon;
}

// A shape's name that gives way in a narrow dock: elided, the whole name in the tooltip.
class ElidedLabel : public QLabel {
public:
    explicit ElidedLabel(const QString& text) : QLabel(text) {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    }
    QSize minimumSizeHint() const override {
        return {contentsMargins().left() + fontMetrics().averageCharWidth() * 11,
                QLabel::minimumSizeHint().height()};
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        const QRect area = contentsRect();
        style()->drawItemText(
            &painter, area, int(Qt::AlignLeft | Qt::AlignVCenter), palette(), isEnabled(),
            fontMetrics().elidedText(text(), Qt::ElideRight, area.width()), foregroundRole());
    }
};

bool allLanesAct(const LaneStates& lanes) {
    for (int lane = 1; lane < kLaneCount; ++lane) {
        if (!lanes.isAudible(Lane(lane))) {
            return false;
        }
    }
    return true;
}

QString joinNames(const std::vector<int>& channels) {
    QStringList names;
    for (const int channel : channels) {
        names << blendshapeDisplayName(ps::Blendshape(channel));
    }
    return names.join(QStringLiteral(", "));
}

}  // namespace

BlendshapePanel::BlendshapePanel(ProjectSession& session, SourcesFn sources, QWidget* parent)
    : QWidget(parent),
      session_(session),
      sources_fn_(std::move(sources)),
      filter_(new QLineEdit(this)),
      auto_key_(new QToolButton(this)),
      link_(new QToolButton(this)),
      time_label_(new QLabel(this)),
      hint_(new QLabel(this)),
      error_(new QLabel(this)) {
    setObjectName(QStringLiteral("blendshapePanel"));
    hint_->setObjectName(QStringLiteral("blendshapeHint"));
    hint_->setWordWrap(true);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    error_->setObjectName(QStringLiteral("blendshapeError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #d04040;"));
    error_->hide();
    const int icon_size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const QColor muted = palette().color(QPalette::Disabled, QPalette::WindowText);
    key_icon_ = keyIcon(icon_size, muted);
    animated_key_icon_ = keyIcon(icon_size, keyColor());
    record_icon_ = recordIcon(icon_size, muted);
    reset_icon_ = resetIcon(icon_size, palette().color(QPalette::ButtonText));

    auto* content = new QWidget;
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(2);
    makeRows(grid);
    grid->setRowStretch(grid->rowCount(), 1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("blendshapeScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(makeToolbar());
    auto* notes = new QVBoxLayout;
    notes->setContentsMargins(6, 0, 6, 0);
    notes->addWidget(hint_);
    notes->addWidget(error_);
    layout->addLayout(notes);
    layout->addWidget(scroll, 1);

    connect(&session_, &ProjectSession::changed, this, &BlendshapePanel::onSessionChanged);
    connect(&session_, &ProjectSession::laneStatesChanged, this, &BlendshapePanel::refresh);
    updateHint();
    refresh();
}

BlendshapePanel::~BlendshapePanel() {
    // QWidget's destructor moves focus away from a child (a spin box ends its gesture then),
    // after this class's members are gone: nothing of the children may call back into them.
    // (The session's own connections need no help: Qt drops them with whichever goes first, and
    // in the main window the session may already be gone.)
    for (QObject* child : findChildren<QObject*>()) {
        disconnect(child, nullptr, this, nullptr);
    }
}

// ---- building ----

QWidget* BlendshapePanel::makeToolbar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(6, 6, 6, 0);
    filter_->setObjectName(QStringLiteral("blendshapeFilter"));
    filter_->setPlaceholderText(tr("Filter shapes"));
    filter_->setClearButtonEnabled(true);
    filter_->setToolTip(tr("Show only the shapes whose name, ARKit name or group contains this."));
    connect(filter_, &QLineEdit::textChanged, this, [this] { updateVisibility(); });

    auto_key_->setObjectName(QStringLiteral("autoKeyButton"));
    auto_key_->setText(tr("Auto-key"));
    auto_key_->setIcon(record_icon_);
    auto_key_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto_key_->setCheckable(true);
    auto_key_->setChecked(true);
    auto_key_->setToolTip(
        tr("On: dragging a shape keys it at the playhead. Off: dragging sets "
           "an offset over the layers below."));
    connect(auto_key_, &QToolButton::toggled, this, [this](bool on) {
        endGesture();
        updateHint();
        emit autoKeyChanged(on);
    });

    link_->setObjectName(QStringLiteral("linkButton"));
    link_->setText(tr("Link L/R"));
    link_->setCheckable(true);
    link_->setToolTip(
        tr("Edit each left shape together with its right partner (and the other "
           "eye's gaze the same way)."));
    connect(link_, &QToolButton::toggled, this, [this](bool on) {
        endGesture();
        emit linkedChanged(on);
    });

    time_label_->setObjectName(QStringLiteral("blendshapeTime"));
    time_label_->setToolTip(
        tr("The playhead: the values shown and the keys set are at this time."));

    row->addWidget(filter_, 1);
    row->addWidget(auto_key_);
    row->addWidget(link_);
    row->addWidget(time_label_);
    return bar;
}

void BlendshapePanel::makeRows(QGridLayout* grid) {
    int line = 0;
    BlendshapeGroup current = BlendshapeGroup::None;
    for (const BlendshapeEntry& entry : blendshapesInDisplayOrder()) {
        if (entry.group != current) {
            current = entry.group;
            auto* header = new QToolButton;
            header->setObjectName(QStringLiteral("section%1").arg(int(current)));
            header->setText(blendshapeGroupName(current));
            header->setCheckable(true);
            header->setChecked(true);
            header->setArrowType(Qt::DownArrow);
            header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            header->setAutoRaise(true);
            header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
            header->setToolTip(tr("Show or hide the %1 shapes.").arg(blendshapeGroupName(current)));
            connect(header, &QToolButton::toggled, this, [this, header](bool open) {
                header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
                updateVisibility();
            });
            grid->addWidget(header, line++, 0, 1, 5);
            sections_.push_back({header, {}});
        }
        sections_.back().rows.push_back(rows_.size());
        rows_.push_back({entry.shape, int(sections_.size() - 1)});
        makeRow(grid, line++, rows_.size() - 1);
    }
}

void BlendshapePanel::makeRow(QGridLayout* grid, int line, size_t index) {
    Row& row = rows_[index];
    const QString arkit = arkitName(row.shape);
    const QString name = blendshapeDisplayName(row.shape);

    row.name = new ElidedLabel(name);
    row.name->setObjectName(arkit + QStringLiteral("Name"));
    row.name->setToolTip(tr("%1 (ARKit: %2). Left and right are the subject's.").arg(name, arkit));
    row.name->setContentsMargins(fontMetrics().height() * 2 / 3, 0, 0, 0);

    row.value = new SliderSpinBox;
    row.value->setObjectNames(arkit);
    row.value->setRange(0.0, 1.0);
    row.value->setDisplay(100.0, 1, tr(" %"), 1.0);
    // Fifty-two rows of arrows would crowd the sliders; the keyboard still steps the value.
    QDoubleSpinBox* spin = row.value->spinBox();
    spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    spin->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")) +
                          spin->fontMetrics().height());
    row.value->slider()->setMinimumWidth(fontMetrics().height() * 4);
    row.value->setToolTip(tr("%1 at the playhead. Drag or type to key it (or, with auto-key off, "
                             "to offset it).")
                              .arg(name));
    row.value->slider()->setAccessibleName(name);
    row.value->spinBox()->setAccessibleName(name);
    row.name->setBuddy(row.value->spinBox());
    connect(row.value, &SliderSpinBox::valueEdited, this,
            [this, index](double value) { onValueEdited(index, value); });
    connect(row.value, &SliderSpinBox::gestureEnded, this, [this] { endGesture(); });

    row.layer = new LayerChip;
    row.layer->setObjectName(arkit + QStringLiteral("Layer"));

    row.key = new QToolButton;
    row.key->setObjectName(arkit + QStringLiteral("Key"));
    row.key->setIcon(key_icon_);
    row.key->setCheckable(true);
    row.key->setAutoRaise(true);
    row.key->setAccessibleName(tr("Key %1").arg(name));
    row.key->setToolTip(
        tr("Key %1 at the playhead with the value shown. Filled: a key is there (a click removes "
           "it); outlined in the key colour: the shape has keys elsewhere.")
            .arg(name));
    connect(row.key, &QToolButton::clicked, this, [this, index] { toggleKey(index); });

    row.reset = new QToolButton;
    row.reset->setObjectName(arkit + QStringLiteral("Reset"));
    row.reset->setIcon(reset_icon_);
    row.reset->setAutoRaise(true);
    row.reset->setAccessibleName(tr("Reset %1").arg(name));
    row.reset->setToolTip(
        tr("Reset %1 to the layers below: remove its keys at the playhead.").arg(name));
    connect(row.reset, &QToolButton::clicked, this, [this, index] { resetRow(index); });

    grid->addWidget(row.name, line, 0);
    grid->addWidget(row.value, line, 1);
    grid->addWidget(row.layer, line, 2);
    grid->addWidget(row.key, line, 3);
    grid->addWidget(row.reset, line, 4);
}

void BlendshapePanel::updateVisibility() {
    const QString filter = filter_->text().trimmed();
    for (const Section& section : sections_) {
        const QString group = section.header->text();
        bool any = false;
        for (const size_t index : section.rows) {
            const Row& row = rows_[index];
            const bool matches = filter.isEmpty() ||
                                 row.name->text().contains(filter, Qt::CaseInsensitive) ||
                                 arkitName(row.shape).contains(filter, Qt::CaseInsensitive) ||
                                 group.contains(filter, Qt::CaseInsensitive);
            any = any || matches;
            // A filter looks inside closed groups too: what it finds is what it shows.
            const bool shown = matches && (section.header->isChecked() || !filter.isEmpty());
            for (QWidget* widget : std::initializer_list<QWidget*>{row.name, row.value, row.layer,
                                                                   row.key, row.reset}) {
                widget->setVisible(shown);
            }
        }
        section.header->setVisible(any);
    }
}

void BlendshapePanel::updateHint() {
    if (session_.laneStates().isLocked(Lane::Curves)) {
        hint_->setText(tr("The keyframe lane is locked: unlock it on the timeline to edit here."));
    } else if (autoKey()) {
        hint_->setText(tr("Dragging a shape keys it at the playhead."));
    } else {
        hint_->setText(
            tr("Auto-key is off: dragging sets an offset over the layers below; the "
               "first offset applies to the whole take."));
    }
}

// ---- state ----

bool BlendshapePanel::autoKey() const {
    return auto_key_->isChecked();
}

bool BlendshapePanel::linked() const {
    return link_->isChecked();
}

void BlendshapePanel::setAutoKey(bool on) {
    auto_key_->setChecked(on);
}

void BlendshapePanel::setLinked(bool on) {
    link_->setChecked(on);
}

void BlendshapePanel::setFilter(const QString& text) {
    filter_->setText(text);
}

double BlendshapePanel::shownValue(ps::Blendshape shape) const {
    for (const Row& row : rows_) {
        if (row.shape == shape) {
            return row.value->value();
        }
    }
    return 0.0;
}

QString BlendshapePanel::drivingLayerText(ps::Blendshape shape) const {
    for (const Row& row : rows_) {
        if (row.shape == shape) {
            return row.layer->text();
        }
    }
    return {};
}

QString BlendshapePanel::lastError() const {
    return error_->isHidden() ? QString() : error_->text();
}

void BlendshapePanel::setTime(double t_s) {
    if (!std::isfinite(t_s)) {
        return;
    }
    time_s_ = std::max(0.0, t_s);
    refresh();
}

void BlendshapePanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (dirty_) {
        refresh();
    }
}

void BlendshapePanel::onSessionChanged() {
    if (!editing_) {
        endGesture();  // an undo, a redo or another panel's edit: what follows is a new step
    }
    refresh();
}

const ps::MotionDocument& BlendshapePanel::shownDocument() {
    if (allLanesAct(session_.laneStates())) {
        return session_.motion();
    }
    playback_ = session_.playbackMotion();
    return playback_;
}

const ps::MotionSources& BlendshapePanel::currentSources() {
    static const ps::MotionSources kNone;
    sources_ = sources_fn_ ? sources_fn_() : nullptr;
    return sources_ != nullptr ? *sources_ : kNone;
}

// ---- refreshing ----

void BlendshapePanel::refresh() {
    if (!isVisible()) {
        dirty_ = true;
        return;
    }
    dirty_ = false;
    const ps::MotionDocument& shown = shownDocument();
    const ps::MotionSources& sources = currentSources();
    const ps::FaceState state = ps::evaluateMotion(shown, sources, time_s_);
    const ps::ChannelContributions contributions =
        ps::channelContributions(shown, sources, time_s_);
    const ps::MotionDocument& motion = session_.motion();
    const bool locked = session_.laneStates().isLocked(Lane::Curves);

    time_label_->setText(tr("at %1 s").arg(time_s_, 0, 'f', 2));
    updateHint();
    for (Row& row : rows_) {
        const int channel = int(row.shape);
        // What the face shows: the weight with the clips' and curves' additions (as exported).
        const float value =
            std::clamp(state.weights[size_t(channel)] + state.added[size_t(channel)], 0.0f, 1.0f);
        values_[size_t(channel)] = value;
        if (!row.value->slider()->isSliderDown()) {
            row.value->setValue(value);
        }

        const std::vector<ps::ChannelContribution>& acting = contributions[size_t(channel)];
        QStringList names;
        QColor color;
        for (const ps::ChannelContribution& contribution : acting) {
            switch (contribution.layer) {
                case ps::MotionLayer::Voice:
                    names << tr("voice");
                    color = TimelineView::laneColor(Lane::Voice);
                    break;
                case ps::MotionLayer::Idle:
                    names << tr("idle");
                    color = TimelineView::laneColor(Lane::Idle);
                    break;
                case ps::MotionLayer::Clip: {
                    const ps::ExpressionClip* clip = ps::findById(shown.clips, contribution.id);
                    names << tr("clip “%1”")
                                 .arg(clip ? templateDisplayName(clip->expression.name)
                                           : QString());
                    color = TimelineView::laneColor(clip ? laneOf(*clip) : Lane::Expressions);
                    break;
                }
                case ps::MotionLayer::Capture:
                    names << tr("capture");
                    color = TimelineView::laneColor(Lane::Captures);
                    break;
                case ps::MotionLayer::Curve:
                    names << (contribution.blend == ps::BlendMode::Override ? tr("key")
                                                                            : tr("offset"));
                    color = TimelineView::laneColor(Lane::Curves);
                    break;
                case ps::MotionLayer::None:
                    break;
            }
        }
        if (names.isEmpty()) {
            row.layer->setLayer(QStringLiteral("\u2014"), QColor());
            row.layer->setToolTip(tr("No layer moves this shape here."));
        } else {
            row.layer->setLayer(names.back(), color);
            row.layer->setToolTip(tr("Driven by %1. Layers acting here, bottom to top: %2.")
                                      .arg(names.back(), names.join(QStringLiteral(" \u2192 "))));
        }

        const ps::KeyframeCurve* curve = panelCurve(motion, channel, ps::BlendMode::Override);
        {
            const QSignalBlocker block(row.key);
            row.key->setChecked(curve != nullptr && keyAt(*curve, time_s_) != nullptr);
        }
        const bool animated = curve != nullptr;
        if (row.key->property("animated").toBool() != animated) {
            row.key->setProperty("animated", animated);
            row.key->setIcon(animated ? animated_key_icon_ : key_icon_);
        }
        row.value->setEnabled(!locked);
        row.key->setEnabled(!locked);
        row.reset->setEnabled(!locked && channelHasKeyAt(motion, channel, time_s_));
    }
}

// ---- editing ----

std::vector<int> BlendshapePanel::targetChannels(const Row& row) const {
    std::vector<int> channels{int(row.shape)};
    const ps::Blendshape partner = linkedBlendshape(row.shape);
    if (linked() && partner != row.shape) {
        channels.push_back(int(partner));
    }
    return channels;
}

int BlendshapePanel::gestureFor(size_t index) {
    const std::vector<int> channels = targetChannels(rows_[index]);
    // A drag goes on while the playhead moves (during playback it keys every moment it passes,
    // still one step); any other edit at another time is a step of its own.
    const bool dragging = rows_[index].value->slider()->isSliderDown();
    const bool moved = gesture_.t_s != time_s_;
    if (gesture_.number == 0 || gesture_.row != index || gesture_.auto_key != autoKey() ||
        gesture_.channels != channels || (moved && !dragging)) {
        gesture_ = {session_.newGesture(), index, autoKey(), time_s_, channels, {}};
    } else if (!moved) {
        return gesture_.number;
    }
    gesture_.t_s = time_s_;
    if (!gesture_.auto_key) {
        // The layers below an offset do not change while it is dragged at one moment: evaluate
        // them once, without the offset curves this gesture edits.
        ps::MotionDocument below = shownDocument();
        for (ps::KeyframeCurve& curve : below.curves) {
            if (std::find(channels.begin(), channels.end(), curve.channel) != channels.end() &&
                &curve == panelCurve(below, curve.channel, ps::BlendMode::Add)) {
                curve.enabled = false;
            }
        }
        const ps::FaceState state = ps::evaluateMotion(below, currentSources(), time_s_);
        for (const int channel : channels) {
            gesture_.below[size_t(channel)] = std::clamp(
                state.weights[size_t(channel)] + state.added[size_t(channel)], 0.0f, 1.0f);
        }
    }
    return gesture_.number;
}

void BlendshapePanel::onValueEdited(size_t index, double value) {
    if (session_.laneStates().isLocked(Lane::Curves)) {
        refresh();
        return;
    }
    const int gesture = gestureFor(index);
    std::vector<ChannelValue> values;
    for (const int channel : gesture_.channels) {
        const float wanted = std::clamp(float(value), 0.0f, 1.0f);
        values.push_back(
            {channel, gesture_.auto_key
                          ? wanted
                          : std::clamp(wanted - gesture_.below[size_t(channel)], -1.0f, 1.0f)});
    }
    const QString label = gesture_.auto_key ? tr("Key %1").arg(joinNames(gesture_.channels))
                                            : tr("Offset %1").arg(joinNames(gesture_.channels));
    const ps::BlendMode blend = gesture_.auto_key ? ps::BlendMode::Override : ps::BlendMode::Add;
    const ps::EditGroup edit =
        keyChannels(session_.motion(), values, time_s_, blend, label.toStdString());
    QString problem;
    editing_ = true;
    const bool applied = CurveGestureCommand::apply(session_, edit, gesture, &problem);
    editing_ = false;
    showError(applied ? QString() : problem);
    refresh();
}

void BlendshapePanel::toggleKey(size_t index) {
    endGesture();
    const Row& row = rows_[index];
    const std::vector<int> channels = targetChannels(row);
    const ps::MotionDocument& motion = session_.motion();
    const ps::KeyframeCurve* curve = panelCurve(motion, int(row.shape), ps::BlendMode::Override);
    if (curve != nullptr && keyAt(*curve, time_s_) != nullptr) {
        applyOnce(removeKeysAt(motion, channels, time_s_, ps::BlendMode::Override,
                               tr("Remove key on %1").arg(joinNames(channels)).toStdString()));
        return;
    }
    std::vector<ChannelValue> values;
    for (const int channel : channels) {
        values.push_back({channel, values_[size_t(channel)]});
    }
    applyOnce(keyChannels(motion, values, time_s_, ps::BlendMode::Override,
                          tr("Key %1").arg(joinNames(channels)).toStdString()));
}

void BlendshapePanel::resetRow(size_t index) {
    endGesture();
    const std::vector<int> channels = targetChannels(rows_[index]);
    applyOnce(
        removeKeysAt(session_.motion(), channels, time_s_, std::nullopt,
                     tr("Reset %1 to the layers below").arg(joinNames(channels)).toStdString()));
}

bool BlendshapePanel::applyOnce(const ps::EditGroup& edit) {
    if (edit.edits.empty()) {
        refresh();  // nothing to do; the key button's own toggle is put back
        return false;
    }
    QString problem;
    const bool applied = session_.apply(ps::MotionEdit{edit}, &problem);
    showError(applied ? QString() : problem);
    refresh();
    return applied;
}

void BlendshapePanel::showError(const QString& problem) {
    error_->setText(problem);
    error_->setVisible(!problem.isEmpty());
}

}  // namespace ps::ui
