// GraphEditorView's drawing: the grid, the ghost curves of the voice and the captures, the
// keyframe curves (cached paths, one sample per pixel column), the keys and the selected keys'
// handles, the time ruler and value axis, the playhead and a legend. Apart from
// GraphEditorView.cpp, which turns the mouse into edits; both draw on GraphEditorGeometry.
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "ui/GraphEditorView.h"
#include "ui/ProjectSession.h"
#include "ui/TransportBar.h"

namespace ps::ui {

namespace {

constexpr double kFarAway_px = 1e5;  // where off-screen values are drawn, to keep paths sane

const QColor kSelectedFill(0xff, 0xff, 0xff);
const QColor kSelectedOutline(0xff, 0x9e, 0x3d);
const QColor kRulerBackground(0x2b, 0x2d, 0x31);
const QColor kGridMajor(0x34, 0x36, 0x3c);
const QColor kGridMinor(0x27, 0x29, 0x2e);
const QColor kLabel(0xa9, 0xae, 0xb7);

// Seconds between labelled ticks: at least `min_px` apart.
double timeStep(double pixels_per_s, double min_px) {
    static const double kSteps[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,   2,   5,
                                    10,   15,   30,   60,  120, 300, 600, 1200};
    for (double step : kSteps) {
        if (step * pixels_per_s >= min_px) {
            return step;
        }
    }
    return kSteps[std::size(kSteps) - 1];
}

QString stepLabel(double value, double step) {
    const int decimals = std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
    if (std::abs(value) < step * 1e-6) {
        value = 0.0;  // no "-0.00"
    }
    return QString::number(value, 'f', decimals);
}

QPolygonF diamond(const QPointF& at, double r) {
    return QPolygonF{QPointF(at.x(), at.y() - r), QPointF(at.x() + r, at.y()),
                     QPointF(at.x(), at.y() + r), QPointF(at.x() - r, at.y())};
}

}  // namespace

const QColor GraphEditorView::kBackground(0x1e, 0x1f, 0x22);

QColor GraphEditorView::channelColor(int channel) {
    switch (channel) {
        case ps::kHeadPitchChannel:
            return QColor(0xe8, 0x62, 0x62);
        case ps::kHeadYawChannel:
            return QColor(0x83, 0xd0, 0x5b);
        case ps::kHeadRollChannel:
            return QColor(0x5f, 0x92, 0xf0);
        default:
            break;
    }
    // The golden ratio walks the hue circle so neighbouring channels differ.
    const double hue = std::fmod(0.11 + channel * 0.618033988749895, 1.0);
    return QColor::fromHsvF(float(hue), 0.62f, 0.96f);
}

void GraphEditorView::ensureCache() const {
    if (cache_valid_) {
        return;
    }
    cache_valid_ = true;
    curve_paths_.clear();
    ghost_paths_.clear();
    const QRectF plot = geometry_.plotRect();
    const int left = int(std::floor(plot.left()));
    const int right = int(std::ceil(plot.right()));
    auto yFor = [this](int channel, double value) {
        return std::clamp(geometry_.yOf(geometry_.displayOf(channel, value)), -kFarAway_px,
                          kFarAway_px);
    };

    for (const ps::KeyframeCurve* curve : shownCurves()) {
        if (curve->keys.empty()) {
            continue;
        }
        CachedCurve cached{curve->id, curve->channel, curve->enabled, {}};
        // One sample per pixel column, with each key's own point put in where it falls so
        // peaks and steps are exact.
        size_t next_key = 0;
        bool started = false;
        auto add = [&](double x, double y) {
            if (started) {
                cached.path.lineTo(x, y);
            } else {
                cached.path.moveTo(x, y);
                started = true;
            }
        };
        for (int x = left; x <= right; ++x) {
            while (next_key < curve->keys.size() && geometry_.xOf(curve->keys[next_key].t_s) <= x) {
                const ps::Keyframe& key = curve->keys[next_key];
                const double kx = geometry_.xOf(key.t_s);
                if (kx >= left && next_key > 0 &&
                    curve->keys[next_key - 1].interpolation == ps::Interpolation::Step) {
                    add(kx, yFor(curve->channel, curve->keys[next_key - 1].value));
                }
                if (kx >= left) {
                    add(kx, yFor(curve->channel, key.value));
                }
                ++next_key;
            }
            add(x, yFor(curve->channel, ps::evaluateKeys(curve->keys, geometry_.timeAt(x))));
        }
        curve_paths_.push_back(std::move(cached));
    }

    const ps::MotionDocument& document = session_.motion();
    const std::shared_ptr<const ps::MotionSources> sources = sources_ ? sources_() : nullptr;
    for (int channel : channels_) {
        if (sources != nullptr && document.voice.enabled && !sources->voice.track.frames.empty()) {
            const ps::FaceTrack& track = sources->voice.track;
            const float scale = voiceScale(document, channel);
            float reach = 0.0f;
            for (const ps::FaceState& state : track.frames) {
                reach = std::max(reach, std::abs(scale * channelOf(state, channel)));
            }
            if (reach > 1e-4f) {
                CachedGhost ghost{channel, false, {}};
                const double end_x = geometry_.xOf(track.duration_s());
                const int from = std::max(left, int(std::floor(geometry_.xOf(0.0))));
                const int to = std::min(right, int(std::ceil(end_x)));
                for (int x = from; x <= to; x += 2) {
                    const double y =
                        yFor(channel, scale * trackChannelAt(track, channel, geometry_.timeAt(x)));
                    x == from ? ghost.path.moveTo(x, y) : ghost.path.lineTo(x, y);
                }
                ghost_paths_.push_back(std::move(ghost));
            }
        }
        for (const ps::CaptureLayer& capture : document.captures) {
            if (!capture.enabled || capture.track.frames.empty()) {
                continue;
            }
            const double start = capture.start_s, end = start + capture.track.duration_s();
            const int from = std::max(left, int(std::ceil(geometry_.xOf(start))));
            const int to = std::min(right, int(std::floor(geometry_.xOf(end))));
            if (from > to) {
                continue;
            }
            CachedGhost ghost{channel, true, {}};
            for (int x = from; x <= to; x += 2) {
                const double local = geometry_.timeAt(x) - start;
                const double y =
                    yFor(channel, capture.strength * trackChannelAt(capture.track, channel, local));
                x == from ? ghost.path.moveTo(x, y) : ghost.path.lineTo(x, y);
            }
            ghost_paths_.push_back(std::move(ghost));
        }
    }
}

void GraphEditorView::paintEvent(QPaintEvent*) {
    ensureCache();
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    const QRectF plot = geometry_.plotRect();
    painter.save();
    painter.setClipRect(plot);
    paintGrid(painter);
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintGhosts(painter);
    paintCurves(painter);
    paintHandlesAndKeys(painter);
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (!rubber_band_.isNull()) {
        painter.setPen(QColor(120, 170, 255, 200));
        painter.setBrush(QColor(120, 170, 255, 40));
        painter.drawRect(rubber_band_);
    }
    if (channels_.empty()) {
        painter.setPen(QColor(0x7a, 0x7e, 0x86));
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Select keys or curves on the timeline,\n"
                            "or tick channels in the list to show their curves."));
    }
    painter.restore();
    paintRulerAndAxis(painter);
    paintPlayhead(painter);
    paintLegend(painter);
}

void GraphEditorView::paintGrid(QPainter& painter) const {
    const QRectF plot = geometry_.plotRect();
    const ps::MotionDocument& document = session_.motion();
    // Before 0 and after the voice's end there is nothing to play.
    const double x0 = geometry_.xOf(0.0);
    if (x0 > plot.left()) {
        painter.fillRect(QRectF(plot.left(), plot.top(), x0 - plot.left(), plot.height()),
                         QColor(0, 0, 0, 60));
    }
    if (document.duration_s > 0.0) {
        const double x1 = geometry_.xOf(document.duration_s);
        if (x1 < plot.right()) {
            painter.fillRect(QRectF(x1, plot.top(), plot.right() - x1, plot.height()),
                             QColor(0, 0, 0, 60));
        }
    }

    const double pps = geometry_.pixelsPerSecond();
    const double t0 = geometry_.timeAt(plot.left()), t1 = geometry_.timeAt(plot.right());
    const double frame = frame_s();
    if (frame > 0.0 && frame * pps >= 8.0) {
        painter.setPen(kGridMinor);
        for (long long f = (long long)std::ceil(t0 / frame); f * frame <= t1; ++f) {
            const double x = geometry_.xOf(f * frame);
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    const double major_t = timeStep(pps, 80.0);
    painter.setPen(kGridMajor);
    for (long long i = (long long)std::ceil(t0 / major_t - 1e-9); i * major_t <= t1; ++i) {
        const double x = geometry_.xOf(i * major_t);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }

    const double ppu = geometry_.pixelsPerUnit();
    const double major_v = GraphEditorGeometry::niceStep(36.0 / ppu);
    const double v_low = geometry_.displayAt(plot.bottom());
    const double v_high = geometry_.displayAt(plot.top());
    for (long long i = (long long)std::ceil(v_low / major_v - 1e-9); i * major_v <= v_high; ++i) {
        const double y = geometry_.yOf(i * major_v);
        painter.setPen(i == 0 ? QColor(0x4a, 0x4d, 0x55) : kGridMajor);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    if (geometry_.isNormalised()) {
        painter.setPen(QPen(QColor(0x55, 0x59, 0x61), 1.0, Qt::DashLine));
        for (double v : {-1.0, 1.0}) {
            const double y = geometry_.yOf(v);
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
    }
}

void GraphEditorView::paintGhosts(QPainter& painter) const {
    painter.setBrush(Qt::NoBrush);
    for (const CachedGhost& ghost : ghost_paths_) {
        QColor color = channelColor(ghost.channel);
        color.setAlpha(ghost.capture ? 120 : 95);
        QPen pen(color, 1.0, ghost.capture ? Qt::DotLine : Qt::SolidLine);
        painter.setPen(pen);
        painter.drawPath(ghost.path);
    }
}

void GraphEditorView::paintCurves(QPainter& painter) const {
    painter.setBrush(Qt::NoBrush);
    for (const CachedCurve& curve : curve_paths_) {
        QColor color = channelColor(curve.channel);
        const bool selected = selection_.contains({ElementKind::Curve, curve.id, 0.0});
        if (!curve.enabled) {
            color.setAlpha(110);
        }
        painter.setPen(QPen(color, selected ? 2.4 : 1.6,
                            curve.enabled ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap,
                            Qt::RoundJoin));
        painter.drawPath(curve.path);
    }
}

void GraphEditorView::paintHandlesAndKeys(QPainter& painter) const {
    const bool dragging_handle = drag_.kind == DragKind::Handle;
    for (const ps::KeyframeCurve* curve : shownCurves()) {
        const QColor color = channelColor(curve->channel);
        const bool curve_selected = selection_.contains({ElementKind::Curve, curve->id, 0.0});
        const std::vector<ps::Keyframe>& keys = curve->keys;
        // Handles first, so that keys sit on top of their lines.
        for (size_t i = 0; i < keys.size(); ++i) {
            if (!selection_.contains({ElementKind::Key, curve->id, keys[i].t_s})) {
                continue;
            }
            const QPointF at = geometry_.pointOf(curve->channel, keys[i].t_s, keys[i].value);
            for (HandleSide side : {HandleSide::In, HandleSide::Out}) {
                if (!hasHandle(keys, i, side)) {
                    continue;
                }
                const QPointF end = geometry_.pointOf(curve->channel, handlePoint(keys, i, side));
                const bool active = dragging_handle && drag_.anchor.id == curve->id &&
                                    std::abs(drag_.anchor.key_t_s - keys[i].t_s) < 1e-6 &&
                                    drag_.handle_side == side;
                painter.setPen(QPen(QColor(0xd8, 0xdb, 0xe0, 200), 1.2));
                painter.drawLine(at, end);
                painter.setPen(QPen(QColor(0x20, 0x21, 0x24), 1.0));
                painter.setBrush(active ? kSelectedOutline : QColor(0xd8, 0xdb, 0xe0));
                painter.drawEllipse(end, GraphEditorGeometry::kHandleRadius_px - 0.5,
                                    GraphEditorGeometry::kHandleRadius_px - 0.5);
            }
        }
        for (const ps::Keyframe& key : keys) {
            const QPointF at = geometry_.pointOf(curve->channel, key.t_s, key.value);
            if (at.x() < -10 || at.x() > width() + 10 || at.y() < -10 || at.y() > height() + 10) {
                continue;
            }
            const bool selected =
                curve_selected || selection_.contains({ElementKind::Key, curve->id, key.t_s});
            painter.setPen(QPen(selected ? kSelectedOutline : color.darker(260), 1.3));
            painter.setBrush(selected ? kSelectedFill : color);
            painter.drawPolygon(diamond(at, GraphEditorGeometry::kKeyRadius_px));
        }
    }
}

void GraphEditorView::paintRulerAndAxis(QPainter& painter) const {
    const QRectF plot = geometry_.plotRect();
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);

    // The time ruler.
    const QRectF ruler(0, 0, width(), GraphEditorGeometry::kRulerHeight_px);
    painter.fillRect(ruler, kRulerBackground);
    painter.setPen(QColor(0x14, 0x15, 0x17));
    painter.drawLine(ruler.bottomLeft(), ruler.bottomRight());
    const double pps = geometry_.pixelsPerSecond();
    const double label_px = painter.fontMetrics().horizontalAdvance(QStringLiteral("0:00.00"));
    const double major = timeStep(pps, std::max(80.0, label_px + 16.0));
    double minor = major;
    for (int parts : {10, 5, 2}) {
        if (major / parts * pps >= 8.0) {
            minor = major / parts;
            break;
        }
    }
    const double t0 = std::max(0.0, geometry_.timeAt(plot.left()));
    const double t1 = geometry_.timeAt(plot.right());
    const double bottom = ruler.bottom();
    painter.save();
    painter.setClipRect(QRectF(plot.left(), 0, plot.width(), ruler.height()));
    painter.setPen(QColor(0x5d, 0x61, 0x6a));
    for (long long i = (long long)std::ceil(t0 / minor - 1e-9); i * minor <= t1; ++i) {
        const double x = geometry_.xOf(i * minor);
        painter.drawLine(QPointF(x, bottom - 5), QPointF(x, bottom));
    }
    for (long long i = (long long)std::ceil(t0 / major - 1e-9); i * major <= t1 + major; ++i) {
        const double t = i * major;
        const double x = geometry_.xOf(t);
        painter.setPen(QColor(0x8a, 0x8f, 0x98));
        painter.drawLine(QPointF(x, bottom - 10), QPointF(x, bottom));
        painter.setPen(QColor(0xc4, 0xc8, 0xcf));
        painter.drawText(QRectF(x + 4, 0, label_px + 8, bottom - 6),
                         Qt::AlignLeft | Qt::AlignVCenter, TransportBar::formatTime(t + 1e-6));
    }
    painter.restore();

    // The value axis: the channels' units, degrees when every shown channel is an angle.
    const QRectF axis(0, plot.top(), GraphEditorGeometry::kAxisWidth_px, plot.height());
    painter.fillRect(axis, kRulerBackground);
    painter.setPen(QColor(0x14, 0x15, 0x17));
    painter.drawLine(axis.topRight(), axis.bottomRight());
    const bool degrees = !geometry_.isNormalised() && !channels_.empty() &&
                         std::all_of(channels_.begin(), channels_.end(),
                                     [](int c) { return ps::isAngleChannel(c); });
    const double ppu = geometry_.pixelsPerUnit();
    const double step = GraphEditorGeometry::niceStep(36.0 / ppu);
    const double v_low = geometry_.displayAt(plot.bottom());
    const double v_high = geometry_.displayAt(plot.top());
    painter.save();
    painter.setClipRect(axis);
    for (long long i = (long long)std::ceil(v_low / step - 1e-9); i * step <= v_high; ++i) {
        const double y = geometry_.yOf(i * step);
        if (y < axis.top() + 6.0 || y > axis.bottom() - 6.0) {
            continue;  // a label cut in half reads as a different number
        }
        painter.setPen(QColor(0x5d, 0x61, 0x6a));
        painter.drawLine(QPointF(axis.right() - 5, y), QPointF(axis.right(), y));
        painter.setPen(kLabel);
        QString label = stepLabel(i * step, step);
        if (degrees) {
            label += QStringLiteral("°");
        }
        painter.drawText(QRectF(2, y - 8, axis.width() - 9, 16), Qt::AlignRight | Qt::AlignVCenter,
                         label);
    }
    painter.restore();

    // The corner says what the axis counts.
    const QRectF corner(0, 0, GraphEditorGeometry::kAxisWidth_px, ruler.height());
    painter.fillRect(corner, QColor(0x26, 0x27, 0x2b));
    painter.setPen(QColor(0x8a, 0x8f, 0x98));
    painter.drawText(corner, Qt::AlignCenter,
                     geometry_.isNormalised() ? tr("norm") : (degrees ? tr("deg") : tr("value")));
    painter.setFont(font());
}

void GraphEditorView::paintPlayhead(QPainter& painter) const {
    const QRectF plot = geometry_.plotRect();
    const double x = geometry_.xOf(playhead_s_);
    if (x < plot.left() - 6 || x > plot.right() + 6) {
        return;
    }
    const QColor playhead(0xff, 0x5c, 0x5c);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.save();
    painter.setClipRect(QRectF(plot.left(), 0, plot.width(), height()));
    painter.setPen(QPen(playhead, 1.0));
    painter.drawLine(QPointF(x, GraphEditorGeometry::kRulerHeight_px - 6), QPointF(x, height()));
    painter.setPen(Qt::NoPen);
    painter.setBrush(playhead);
    const double r = GraphEditorGeometry::kRulerHeight_px;
    painter.drawPolygon(QPolygonF{QPointF(x - 5, 2), QPointF(x + 5, 2), QPointF(x + 5, r - 10),
                                  QPointF(x, r - 4), QPointF(x - 5, r - 10)});
    painter.restore();
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void GraphEditorView::paintLegend(QPainter& painter) const {
    if (channels_.empty()) {
        return;
    }
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetricsF metrics(small);
    const bool any_voice = std::any_of(ghost_paths_.begin(), ghost_paths_.end(),
                                       [](const CachedGhost& g) { return !g.capture; });
    const bool any_capture = std::any_of(ghost_paths_.begin(), ghost_paths_.end(),
                                         [](const CachedGhost& g) { return g.capture; });
    QStringList names;
    for (int channel : channels_) {
        QString name = QString::fromUtf8(ps::motionChannelName(channel).data());
        if (ps::isAngleChannel(channel)) {
            name += QStringLiteral(" (°)");
        }
        names << name;
    }
    if (any_voice) {
        names << tr("voice (ghost)");
    }
    if (any_capture) {
        names << tr("capture (ghost)");
    }
    double text_w = 0.0;
    for (const QString& name : names) {
        text_w = std::max(text_w, metrics.horizontalAdvance(name));
    }
    const double line_h = metrics.height() + 2.0;
    const double swatch = 18.0;
    const QRectF plot = geometry_.plotRect();
    const QRectF box(plot.right() - text_w - swatch - 20.0, plot.top() + 6.0,
                     text_w + swatch + 14.0, line_h * names.size() + 6.0);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QColor(0x3a, 0x3c, 0x42));
    painter.setBrush(QColor(0x1a, 0x1b, 0x1e, 210));
    painter.drawRoundedRect(box, 3, 3);
    for (int i = 0; i < names.size(); ++i) {
        const double y = box.top() + 3.0 + line_h * (i + 0.5);
        QPen pen;
        if (i < int(channels_.size())) {
            pen = QPen(channelColor(channels_[size_t(i)]), 2.0);
        } else {
            const bool capture = names[i] == tr("capture (ghost)");
            pen = QPen(QColor(0xc0, 0xc4, 0xcc, 150), 1.0, capture ? Qt::DotLine : Qt::SolidLine);
        }
        painter.setPen(pen);
        painter.drawLine(QPointF(box.left() + 6, y), QPointF(box.left() + 6 + swatch - 4, y));
        painter.setPen(kLabel);
        painter.drawText(QRectF(box.left() + 6 + swatch, y - line_h / 2, text_w + 4, line_h),
                         Qt::AlignLeft | Qt::AlignVCenter, names[i]);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setFont(font());
}

}  // namespace ps::ui
