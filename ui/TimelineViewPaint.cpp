// TimelineView's drawing: the ruler, the rows' backgrounds, the voice's waveform and mouth,
// the idle bar, the blocks with their fades, the curves' keys and the playhead. Apart from
// TimelineView.cpp, which turns the mouse into edits; both draw on TimelineGeometry.
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "motion/FindElement.h"
#include "motion/KeyframeCurve.h"
#include "motion/MotionChannel.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TemplateNames.h"
#include "ui/TimelineView.h"
#include "ui/TransportBar.h"

namespace ps::ui {

const QColor TimelineView::kBackground(0x1e, 0x1f, 0x22);

QColor TimelineView::laneBackground(Lane lane) {
    return int(lane) % 2 == 0 ? QColor(0x23, 0x24, 0x28) : QColor(0x27, 0x28, 0x2d);
}

QColor TimelineView::laneColor(Lane lane) {
    switch (lane) {
        case Lane::Voice:
            return QColor(0x4f, 0xc1, 0xc9);
        case Lane::Idle:
            return QColor(0x6f, 0x7b, 0x8f);
        case Lane::Expressions:
            return QColor(0xd3, 0x8d, 0x3f);
        case Lane::Poses:
            return QColor(0x4f, 0x8f, 0xd8);
        case Lane::Captures:
            return QColor(0x4f, 0xa8, 0x6e);
        case Lane::Curves:
            return QColor(0xe6, 0xc0, 0x6e);
        case Lane::Sculpts:
            return QColor(0xa0, 0x70, 0xd0);
        case Lane::None:
            break;
    }
    return QColor(0x88, 0x88, 0x88);
}

TimelineView::TimelineView(ProjectSession& session, SelectionModel& selection,
                           const ps::TemplateLibrary& templates, QWidget* parent)
    : QWidget(parent),
      session_(session),
      selection_(selection),
      templates_(templates),
      visemes_(session) {
    setObjectName(QStringLiteral("timelineView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::ClickFocus);
    connect(&session_, &ProjectSession::changed, this, &TimelineView::onSessionChanged);
    connect(&session_, &ProjectSession::laneStatesChanged, this, [this] { update(); });
    connect(&selection_, &SelectionModel::selectionChanged, this, [this] { update(); });
    relayOut();
}

// --- state -------------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    painter.save();
    painter.setClipRect(QRectF(0, TimelineGeometry::kRulerHeight_px, width(), height()));
    paintRowBackgrounds(painter);
    const auto& rows = geometry_.rows();
    for (int i = 0; i < int(rows.size()); ++i) {
        const QRectF row = geometry_.rowRect(i);
        if (rows[size_t(i)].kind == TimelineRowKind::Voice) {
            paintVoice(painter, row);
        } else if (rows[size_t(i)].kind == TimelineRowKind::Idle) {
            paintIdle(painter, row);
        } else if (rows[size_t(i)].kind == TimelineRowKind::Visemes) {
            visemes_.paint(painter, row, geometry_, isLocked(Lane::Voice));
        }
    }
    paintBlocks(painter);
    paintCurves(painter);
    paintLaneShades(painter);
    if (!rubber_band_.isNull()) {
        painter.setPen(QColor(120, 170, 255, 200));
        painter.setBrush(QColor(120, 170, 255, 40));
        painter.drawRect(rubber_band_);
    }
    painter.restore();
    paintRuler(painter);
    paintMotionChecks(painter);
    paintMarkersAndPlayhead(painter);
}

void TimelineView::paintMotionChecks(QPainter& painter) const {
    if (motion_checks_.empty()) {
        return;
    }
    const QRectF band = motionCheckBand(width());
    const double left = geometry_.xOf(0.0);
    for (const ps::MotionIssue& issue : motion_checks_) {
        const QColor color = issue.kind == ps::MotionIssueKind::LipsApart
                                 ? QColor(0xe5, 0x3e, 0x3e)   // red
                                 : QColor(0xf0, 0xa8, 0x2c);  // amber
        const double x0 = std::max(left, geometry_.xOf(issue.start_s()));
        // At least two pixels, so a one-frame issue shows at any zoom.
        const double x1 = std::max(x0 + 2.0, geometry_.xOf(issue.end_s()));
        if (x1 < 0.0 || x0 > width()) {
            continue;
        }
        painter.fillRect(QRectF(x0, band.top(), x1 - x0, band.height()), color);
    }
}

void TimelineView::paintRowBackgrounds(QPainter& painter) const {
    const auto& rows = geometry_.rows();
    for (int i = 0; i < int(rows.size()); ++i) {
        const QRectF r = geometry_.rowRect(i);
        painter.fillRect(r, laneBackground(rows[size_t(i)].lane));
        if (rows[size_t(i)].first_of_lane) {
            painter.setPen(QColor(0x33, 0x35, 0x3b));
            painter.drawLine(r.topLeft(), r.topRight());
        }
    }
    // Beyond the voice's end the document has nothing to play.
    const double duration = session_.motion().duration_s;
    if (duration > 0.0) {
        const double x = geometry_.xOf(duration);
        if (x < width()) {
            painter.fillRect(QRectF(x, TimelineGeometry::kRulerHeight_px, width() - x, height()),
                             QColor(0, 0, 0, 70));
        }
    }
}

void TimelineView::paintVoice(QPainter& painter, const QRectF& row) const {
    const double mid = row.center().y();
    const double half = row.height() / 2.0 - 3.0;
    const int left = std::max(0, int(geometry_.xOf(0.0)));
    const int right = width();
    if (!mouth_open_.isEmpty() && mouth_rate_hz_ > 0.0) {
        QPainterPath path;
        const double bottom = row.bottom() - 2.0;
        path.moveTo(left, bottom);
        const double end_x = geometry_.xOf(mouth_open_.size() / mouth_rate_hz_);
        for (int x = left; x <= right && x <= end_x; x += 2) {
            const int i = int(geometry_.timeAt(x) * mouth_rate_hz_);
            const float v = i >= 0 && i < mouth_open_.size() ? mouth_open_[i] : 0.0f;
            path.lineTo(x, bottom - std::clamp(v, 0.0f, 1.0f) * (row.height() - 6.0));
        }
        path.lineTo(std::min<double>(right, end_x), bottom);
        path.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe0, 0x6c, 0x75, 90));
        painter.drawPath(path);
    }
    if (audio_ == nullptr || peaks_.empty()) {
        painter.setPen(QColor(0x6a, 0x6e, 0x76));
        painter.drawText(row.adjusted(8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         tr("No voice loaded"));
        return;
    }
    const ps::PcmBuffer& pcm = audio_->playback;
    const double rate = pcm.sample_rate_hz;
    const int64_t frames = pcm.frameCount();
    QVector<QLineF> lines;
    lines.reserve(right - left + 1);
    for (int x = left; x < right; ++x) {
        const int64_t f0 = int64_t(std::floor(geometry_.timeAt(x) * rate));
        const int64_t f1 = std::max(f0 + 1, int64_t(std::floor(geometry_.timeAt(x + 1) * rate)));
        if (f0 >= frames) {
            break;
        }
        float low = 0.0f, high = 0.0f;
        if (f1 - f0 >= kPeakFrames) {
            for (int64_t b = f0 / kPeakFrames;
                 b <= (f1 - 1) / kPeakFrames && b < int64_t(peaks_.size()); ++b) {
                low = std::min(low, peaks_[size_t(b)].first);
                high = std::max(high, peaks_[size_t(b)].second);
            }
        } else {
            for (int64_t f = std::max<int64_t>(0, f0); f < std::min(f1, frames); ++f) {
                float sum = 0.0f;
                for (int c = 0; c < pcm.channels; ++c) {
                    sum += pcm.samples[size_t(f * pcm.channels + c)];
                }
                const float v = sum / float(pcm.channels);
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        lines.append(QLineF(x + 0.5, mid - high * half, x + 0.5, mid - low * half + 0.5));
    }
    painter.setPen(QPen(laneColor(Lane::Voice), 1.0));
    painter.drawLines(lines);
}

void TimelineView::paintIdle(QPainter& painter, const QRectF& row) const {
    const ps::MotionDocument& document = session_.motion();
    if (!document.idle.enabled) {
        return;
    }
    const double left = geometry_.xOf(0.0);
    const double right = geometry_.xOf(timelineContentEnd_s(document));
    const QRectF bar(left, row.top() + 4.0, right - left, row.height() - 8.0);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    QColor color = laneColor(Lane::Idle);
    color.setAlpha(150);
    painter.setBrush(color);
    painter.drawRoundedRect(bar, 3, 3);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const double per_min = document.idle.blinks_per_min * document.strengths.blink_rate;
    painter.setPen(QColor(0xe4, 0xe7, 0xec));
    const QRectF text = bar.intersected(QRectF(0, bar.top(), width(), bar.height()));
    painter.drawText(text.adjusted(8, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("Blinks %1/min, sway %2")
                         .arg(per_min, 0, 'f', 1)
                         .arg(double(document.idle.sway), 0, 'f', 2));
}

QString TimelineView::blockLabel(const TimelineBlock& block, bool* enabled) const {
    const ps::MotionDocument& document = session_.motion();
    *enabled = true;
    switch (block.ref.kind) {
        case ElementKind::Clip:
            if (const ps::ExpressionClip* clip = findById(document.clips, block.ref.id)) {
                *enabled = clip->enabled;
                return templateDisplayName(clip->expression.name);
            }
            break;
        case ElementKind::Capture:
            if (const ps::CaptureLayer* capture = findById(document.captures, block.ref.id)) {
                *enabled = capture->enabled;
                return QString::fromStdString(capture->name);
            }
            break;
        case ElementKind::Sculpt:
            if (const ps::LandmarkSculpt* sculpt = findById(document.sculpts, block.ref.id)) {
                *enabled = sculpt->enabled;
                return tr("Vertex %1").arg(sculpt->center_vertex);
            }
            break;
        default:
            break;
    }
    return {};
}

void TimelineView::paintBlocks(QPainter& painter) const {
    for (const TimelineBlock& block : geometry_.blocks()) {
        const QRectF r = geometry_.blockRect(block);
        if (r.right() >= 0 && r.left() <= width() && r.bottom() >= 0 && r.top() <= height()) {
            paintBlock(painter, block);
        }
    }
}

void TimelineView::paintBlock(QPainter& painter, const TimelineBlock& block) const {
    const QRectF r = geometry_.blockRect(block);
    bool enabled = true;
    const QString label = blockLabel(block, &enabled);
    const bool selected = selection_.contains(block.ref);
    QColor base = laneColor(block.lane);
    if (!enabled) {
        base = QColor::fromHsv(base.hue(), base.saturation() / 4, base.value() * 2 / 3);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    QLinearGradient fill(r.topLeft(), r.bottomLeft());
    fill.setColorAt(0.0, base.lighter(108));
    fill.setColorAt(1.0, base.darker(125));
    painter.setPen(QPen(base.darker(170), 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(r, 4, 4);

    if (block.ref.kind == ElementKind::Clip) {
        // The fades as ramps: the corner above each ramp is shaded, the ramp drawn as a line.
        const double in_x = geometry_.xOf(block.start_s + block.fade_in_s);
        const double out_x = geometry_.xOf(block.end_s - block.fade_out_s);
        painter.save();
        QPainterPath clip_path;
        clip_path.addRoundedRect(r, 4, 4);
        painter.setClipPath(clip_path, Qt::IntersectClip);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 70));
        if (block.fade_in_s > 0.0) {
            painter.drawPolygon(QPolygonF{r.bottomLeft(), r.topLeft(), QPointF(in_x, r.top())});
        }
        if (block.fade_out_s > 0.0) {
            painter.drawPolygon(QPolygonF{r.bottomRight(), r.topRight(), QPointF(out_x, r.top())});
        }
        painter.setPen(QPen(QColor(255, 255, 255, 120), 1.0));
        if (block.fade_in_s > 0.0) {
            painter.drawLine(r.bottomLeft(), QPointF(in_x, r.top()));
        }
        if (block.fade_out_s > 0.0) {
            painter.drawLine(r.bottomRight(), QPointF(out_x, r.top()));
        }
        painter.restore();
        const bool hovered = hovered_ == block.ref;
        if (r.width() > 16.0 && (selected || hovered)) {
            painter.setPen(QPen(base.darker(200), 1.0));
            painter.setBrush(selected ? QColor(0xff, 0xe0, 0x8a) : QColor(0xf2, 0xf2, 0xf2));
            painter.drawEllipse(QPointF(in_x, r.top() + 2.5), 2.5, 2.5);
            painter.drawEllipse(QPointF(out_x, r.top() + 2.5), 2.5, 2.5);
        }
    }

    if (selected) {
        painter.setPen(QPen(QColor(0xff, 0xe0, 0x8a), 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);

    // The label stays readable while the clip's start is scrolled off to the left.
    const QRectF visible = r.intersected(QRectF(0, r.top(), width(), r.height()));
    const QRectF text = visible.adjusted(7, 0, -5, 0);
    if (text.width() > 12.0) {
        painter.setPen(enabled ? QColor(0xff, 0xff, 0xff) : QColor(0xb0, 0xb0, 0xb0));
        painter.drawText(
            text, Qt::AlignVCenter | Qt::AlignLeft,
            painter.fontMetrics().elidedText(label, Qt::ElideRight, int(text.width())));
    }
}

void TimelineView::paintCurves(QPainter& painter) const {
    const ps::MotionDocument& document = session_.motion();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor key_color = laneColor(Lane::Curves);
    for (const ps::KeyframeCurve& curve : document.curves) {
        const int row = geometry_.rowOfCurve(curve.id);
        if (row < 0 || curve.keys.empty()) {
            continue;
        }
        const QRectF r = geometry_.rowRect(row).adjusted(0, 3, 0, -3);
        if (r.bottom() < 0 || r.top() > height()) {
            continue;
        }
        // The curve's shape, faint behind its keys: blendshapes over 0..1, angles over the
        // range their keys reach.
        float low = 0.0f, high = 1.0f;
        if (isAngleChannel(curve.channel)) {
            float reach = 5.0f;
            for (const ps::Keyframe& key : curve.keys) {
                reach = std::max(reach, std::abs(key.value));
            }
            low = -reach;
            high = reach;
        }
        QPainterPath path;
        for (int x = 0; x <= width(); x += 2) {
            const float v = ps::evaluateKeys(curve.keys, geometry_.timeAt(x));
            const double y =
                r.bottom() - (std::clamp(v, low, high) - low) / (high - low) * r.height();
            if (x == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        painter.setPen(QPen(
            QColor(key_color.red(), key_color.green(), key_color.blue(), curve.enabled ? 80 : 35),
            1.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    for (const TimelineKey& key : geometry_.keys()) {
        const QPointF at = geometry_.keyPoint(key);
        if (at.x() < -10 || at.x() > width() + 10) {
            continue;
        }
        const bool selected = selection_.contains({ElementKind::Key, key.curve, key.t_s}) ||
                              selection_.contains({ElementKind::Curve, key.curve, 0.0});
        const double s = 5.0;
        const QPolygonF diamond{QPointF(at.x(), at.y() - s), QPointF(at.x() + s, at.y()),
                                QPointF(at.x(), at.y() + s), QPointF(at.x() - s, at.y())};
        painter.setPen(QPen(selected ? QColor(0xff, 0x9e, 0x3d) : key_color.darker(180), 1.2));
        painter.setBrush(selected ? QColor(0xff, 0xff, 0xff) : key_color);
        painter.drawPolygon(diamond);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void TimelineView::paintLaneShades(QPainter& painter) const {
    const LaneStates& lanes = session_.laneStates();
    for (const Lane lane : {Lane::Voice, Lane::Idle, Lane::Expressions, Lane::Poses, Lane::Captures,
                            Lane::Curves, Lane::Sculpts}) {
        if (!lanes.isAudible(lane)) {
            painter.fillRect(geometry_.laneRect(lane), QColor(0x1e, 0x1f, 0x22, 150));
        }
    }
}

void TimelineView::paintRuler(QPainter& painter) const {
    const QRectF ruler(0, 0, width(), TimelineGeometry::kRulerHeight_px);
    painter.fillRect(ruler, QColor(0x2b, 0x2d, 0x31));
    painter.setPen(QColor(0x14, 0x15, 0x17));
    painter.drawLine(ruler.bottomLeft(), ruler.bottomRight());

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    const double pps = geometry_.pixelsPerSecond();
    const double label_px =
        painter.fontMetrics().horizontalAdvance(QStringLiteral("00:00.00")) + 18;
    static const double kSteps[] = {0.05, 0.1, 0.2, 0.5, 1,   2,   5,   10,
                                    15,   30,  60,  120, 300, 600, 1200};
    double major = kSteps[std::size(kSteps) - 1];
    for (double step : kSteps) {
        if (step * pps >= label_px) {
            major = step;
            break;
        }
    }
    double minor = major;
    for (int parts : {10, 5, 2}) {
        if (major / parts * pps >= 7.0) {
            minor = major / parts;
            break;
        }
    }
    const double t0 = std::max(0.0, geometry_.timeAt(0));
    const double t1 = geometry_.timeAt(width());
    const double bottom = ruler.bottom();
    // Frame ticks once frames are far enough apart to tell.
    const double frame = frame_s();
    if (frame > 0.0 && frame * pps >= 6.0) {
        painter.setPen(QColor(0x45, 0x48, 0x4f));
        for (long long f = (long long)std::ceil(t0 / frame); f * frame <= t1; ++f) {
            const double x = geometry_.xOf(f * frame);
            painter.drawLine(QPointF(x, bottom - 3), QPointF(x, bottom));
        }
    }
    painter.setPen(QColor(0x5d, 0x61, 0x6a));
    for (long long i = (long long)std::ceil(t0 / minor - 1e-9); i * minor <= t1; ++i) {
        const double x = geometry_.xOf(i * minor);
        painter.drawLine(QPointF(x, bottom - 6), QPointF(x, bottom));
    }
    for (long long i = (long long)std::ceil(t0 / major - 1e-9); i * major <= t1 + major; ++i) {
        const double t = i * major;
        const double x = geometry_.xOf(t);
        painter.setPen(QColor(0x8a, 0x8f, 0x98));
        painter.drawLine(QPointF(x, bottom - 12), QPointF(x, bottom));
        painter.setPen(QColor(0xc4, 0xc8, 0xcf));
        painter.drawText(QRectF(x + 4, 1, label_px, bottom - 9), Qt::AlignLeft | Qt::AlignVCenter,
                         TransportBar::formatTime(t + 1e-6));
    }
    painter.setFont(font());
}

void TimelineView::paintMarkersAndPlayhead(QPainter& painter) const {
    const double ruler_bottom = TimelineGeometry::kRulerHeight_px;
    const QColor marker_color(0x5f, 0xb8, 0xff);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (double marker : markers_) {
        const double x = geometry_.xOf(marker);
        if (x < -8 || x > width() + 8) {
            continue;
        }
        painter.setPen(QPen(QColor(0x5f, 0xb8, 0xff, 110), 1.0, Qt::DashLine));
        painter.drawLine(QPointF(x, ruler_bottom), QPointF(x, height()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(marker_color);
        painter.drawPolygon(QPolygonF{QPointF(x, ruler_bottom - 12),
                                      QPointF(x + 8, ruler_bottom - 9),
                                      QPointF(x, ruler_bottom - 6)});
        painter.setPen(QPen(marker_color, 1.5));
        painter.drawLine(QPointF(x, ruler_bottom - 13), QPointF(x, ruler_bottom));
    }
    if (drop_t_s_ >= 0.0) {
        const double x = geometry_.xOf(drop_t_s_);
        painter.setPen(QPen(QColor(0x8f, 0xd6, 0x94), 2.0));
        painter.drawLine(QPointF(x, ruler_bottom), QPointF(x, height()));
    }
    const double x = geometry_.xOf(playhead_s_);
    if (x >= -8 && x <= width() + 8) {
        const QColor playhead(0xff, 0x5c, 0x5c);
        painter.setPen(QPen(playhead, 1.0));
        painter.drawLine(QPointF(x, ruler_bottom - 8), QPointF(x, height()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(playhead);
        painter.drawPolygon(
            QPolygonF{QPointF(x - 6, 2), QPointF(x + 6, 2), QPointF(x + 6, ruler_bottom - 12),
                      QPointF(x, ruler_bottom - 5), QPointF(x - 6, ruler_bottom - 12)});
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

}  // namespace ps::ui
