#include "ui/TimelineLaneHeader.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>

#include "motion/MotionChannel.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TimelineGeometry.h"
#include "ui/TimelineView.h"

namespace ps::ui {

namespace {

constexpr int kSwitch_px = 18;
constexpr int kSwitchGap_px = 2;
constexpr int kTextIndent_px = 8;
constexpr int kChannelIndent_px = 20;

const Lane kLanes[] = {Lane::Voice,    Lane::Idle,   Lane::Expressions, Lane::Poses,
                       Lane::Captures, Lane::Curves, Lane::Sculpts};

}  // namespace

TimelineLaneHeader::TimelineLaneHeader(ProjectSession& session, SelectionModel& selection,
                                       const TimelineGeometry& geometry, QWidget* parent)
    : QWidget(parent), session_(session), selection_(selection), geometry_(geometry) {
    setObjectName(QStringLiteral("timelineLaneHeader"));
    setFixedWidth(kWidth_px);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setStyleSheet(QStringLiteral(
        "QToolButton { color: #aeb3bb; background: #34363c; border: 1px solid #45484f;"
        " border-radius: 3px; font-size: 10px; font-weight: bold; padding: 0px; }"
        "QToolButton:hover { background: #3f4249; }"
        "QToolButton[switch=\"mute\"]:checked"
        " { background: #c9553d; color: white; border-color: #e0775f; }"
        "QToolButton[switch=\"solo\"]:checked { background: #d7b03c; color: #1e1f22;"
        " border-color: #f0cc5a; }"
        "QToolButton[switch=\"lock\"]:checked { background: #5c6f8f; color: white;"
        " border-color: #7d93b8; }"));
    for (const Lane lane : kLanes) {
        Switches s;
        s.mute = makeSwitch(lane, tr("M", "mute switch"), tr("Mute %1").arg(laneName(lane)),
                            QStringLiteral("mute"));
        s.solo = makeSwitch(lane, tr("S", "solo switch"), tr("Solo %1").arg(laneName(lane)),
                            QStringLiteral("solo"));
        s.lock = makeSwitch(lane, tr("L", "lock switch"), tr("Lock %1").arg(laneName(lane)),
                            QStringLiteral("lock"));
        switches_.insert(int(lane), s);
    }
    connect(&session_, &ProjectSession::laneStatesChanged, this, &TimelineLaneHeader::syncFlags);
    connect(&selection_, &SelectionModel::selectionChanged, this, [this] { update(); });
    syncFlags();
}

QString TimelineLaneHeader::laneName(Lane lane) {
    switch (lane) {
        case Lane::Voice:
            return tr("Voice");
        case Lane::Idle:
            return tr("Idle");
        case Lane::Expressions:
            return tr("Expressions");
        case Lane::Poses:
            return tr("Poses");
        case Lane::Captures:
            return tr("Captures");
        case Lane::Curves:
            return tr("Curves");
        case Lane::Sculpts:
            return tr("Sculpts");
        case Lane::None:
            break;
    }
    return {};
}

QString TimelineLaneHeader::laneKey(Lane lane) {
    switch (lane) {
        case Lane::Voice:
            return QStringLiteral("Voice");
        case Lane::Idle:
            return QStringLiteral("Idle");
        case Lane::Expressions:
            return QStringLiteral("Expressions");
        case Lane::Poses:
            return QStringLiteral("Poses");
        case Lane::Captures:
            return QStringLiteral("Captures");
        case Lane::Curves:
            return QStringLiteral("Curves");
        case Lane::Sculpts:
            return QStringLiteral("Sculpts");
        case Lane::None:
            break;
    }
    return {};
}

QToolButton* TimelineLaneHeader::muteButton(Lane lane) const {
    return switches_.value(int(lane)).mute;
}

QToolButton* TimelineLaneHeader::soloButton(Lane lane) const {
    return switches_.value(int(lane)).solo;
}

QToolButton* TimelineLaneHeader::lockButton(Lane lane) const {
    return switches_.value(int(lane)).lock;
}

QToolButton* TimelineLaneHeader::makeSwitch(Lane lane, const QString& text, const QString& tip,
                                            const QString& object_prefix) {
    auto* button = new QToolButton(this);
    button->setObjectName(object_prefix + QStringLiteral("Button_") + laneKey(lane));
    button->setProperty("switch", object_prefix);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setFocusPolicy(Qt::NoFocus);
    button->setFixedSize(kSwitch_px, kSwitch_px);
    connect(button, &QToolButton::toggled, this, [this, lane] { onSwitchToggled(lane); });
    return button;
}

void TimelineLaneHeader::onSwitchToggled(Lane lane) {
    const Switches s = switches_.value(int(lane));
    LaneFlags flags;
    flags.muted = s.mute->isChecked();
    flags.soloed = s.solo->isChecked();
    flags.locked = s.lock->isChecked();
    session_.setLaneFlags(lane, flags);
}

void TimelineLaneHeader::syncFlags() {
    for (const Lane lane : kLanes) {
        const Switches s = switches_.value(int(lane));
        const LaneFlags flags = session_.laneStates().flags(lane);
        for (auto [button, on] : {std::pair{s.mute, flags.muted}, std::pair{s.solo, flags.soloed},
                                  std::pair{s.lock, flags.locked}}) {
            const QSignalBlocker blocker(button);
            button->setChecked(on);
        }
    }
    update();
}

void TimelineLaneHeader::relayout() {
    const double top = TimelineGeometry::kRulerHeight_px;
    for (const Lane lane : kLanes) {
        const Switches s = switches_.value(int(lane));
        const int row = geometry_.firstRowOf(lane);
        if (row < 0) {
            continue;
        }
        const QRectF rect = geometry_.rowRect(row).translated(0.0, -top);
        const int y = int(rect.top() + (std::min(rect.height(), 26.0) - kSwitch_px) / 2.0);
        int x = kWidth_px - 6 - 3 * kSwitch_px - 2 * kSwitchGap_px;
        for (QToolButton* button : {s.mute, s.solo, s.lock}) {
            button->move(x, y);
            x += kSwitch_px + kSwitchGap_px;
        }
    }
    update();
}

void TimelineLaneHeader::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), TimelineView::kBackground);
    const double top = TimelineGeometry::kRulerHeight_px;
    const auto& rows = geometry_.rows();
    QFont name_font = font();
    name_font.setBold(true);
    QFont channel_font = font();
    channel_font.setPointSizeF(font().pointSizeF() * 0.9);
    const int text_right = kWidth_px - 10 - 3 * kSwitch_px - 2 * kSwitchGap_px;
    for (int i = 0; i < int(rows.size()); ++i) {
        const TimelineRow& row = rows[size_t(i)];
        const QRectF r = geometry_.rowRect(i).translated(0.0, -top);
        if (r.bottom() < 0 || r.top() > height()) {
            continue;
        }
        QRectF band(0.0, r.top(), width(), r.height());
        const bool selected_curve =
            row.kind == TimelineRowKind::Curve &&
            selection_.contains(ElementRef{ElementKind::Curve, row.curve, 0.0});
        painter.fillRect(band, selected_curve
                                   ? QColor(0x3a, 0x45, 0x5c)
                                   : TimelineView::laneBackground(row.lane).lighter(112));
        const bool audible = session_.laneStates().isAudible(row.lane);
        if (row.first_of_lane) {
            painter.setPen(QColor(0x3b, 0x3d, 0x43));
            painter.drawLine(QPointF(0, r.top()), QPointF(width(), r.top()));
            painter.setFont(name_font);
            painter.setPen(audible ? QColor(0xdc, 0xdf, 0xe4) : QColor(0x7a, 0x7e, 0x86));
            const QRectF text(kTextIndent_px, r.top(), text_right - kTextIndent_px,
                              std::min(r.height(), 26.0));
            painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                             painter.fontMetrics().elidedText(laneName(row.lane), Qt::ElideRight,
                                                              int(text.width())));
        }
        if (row.kind == TimelineRowKind::Curve) {
            painter.setFont(channel_font);
            painter.setPen(audible ? QColor(0xb4, 0xb9, 0xc2) : QColor(0x70, 0x74, 0x7c));
            const QString name = QString::fromUtf8(motionChannelName(row.channel).data(),
                                                   int(motionChannelName(row.channel).size()));
            const QRectF text(kChannelIndent_px, r.top(), width() - kChannelIndent_px - 6,
                              r.height());
            painter.drawText(
                text, Qt::AlignVCenter | Qt::AlignLeft,
                painter.fontMetrics().elidedText(name, Qt::ElideRight, int(text.width())));
        }
    }
    painter.setPen(QColor(0x14, 0x15, 0x17));
    painter.drawLine(QPointF(width() - 0.5, 0), QPointF(width() - 0.5, height()));
}

void TimelineLaneHeader::mousePressEvent(QMouseEvent* event) {
    const int row = geometry_.rowAt(event->position().y() + TimelineGeometry::kRulerHeight_px);
    if (row < 0 || geometry_.rows()[size_t(row)].kind != TimelineRowKind::Curve ||
        session_.laneStates().isLocked(Lane::Curves)) {
        QWidget::mousePressEvent(event);
        return;
    }
    SelectionModel::Mode mode = SelectionModel::Mode::Replace;
    if (event->modifiers() & Qt::ShiftModifier) {
        mode = SelectionModel::Mode::Extend;
    } else if (event->modifiers() & Qt::ControlModifier) {
        mode = SelectionModel::Mode::Toggle;
    }
    selection_.select({ElementKind::Curve, geometry_.rows()[size_t(row)].curve, 0.0}, mode);
    event->accept();
}

}  // namespace ps::ui
