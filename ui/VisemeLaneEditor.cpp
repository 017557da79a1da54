#include "ui/VisemeLaneEditor.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "motion/FindElement.h"
#include "ui/ProjectSession.h"
#include "ui/TimelineGeometry.h"

namespace ps::ui {

namespace {

// The words' line above the shapes' blocks.
constexpr double kWordsHeight_px = 13.0;

QColor shapeColor(ps::MouthShape shape) {
    switch (shape) {
        case ps::MouthShape::Rest:
            return QColor(0x6f, 0x74, 0x80);
        case ps::MouthShape::Closed:
            return QColor(0xd9, 0x5b, 0x5b);
        case ps::MouthShape::Open:
            return QColor(0x4f, 0xc1, 0xc9);
        case ps::MouthShape::Wide:
            return QColor(0xe0, 0xc0, 0x50);
        case ps::MouthShape::Rounded:
            return QColor(0xa0, 0x78, 0xd8);
        case ps::MouthShape::TeethOnLip:
            return QColor(0xe8, 0x8a, 0x3c);
    }
    return QColor(0x88, 0x88, 0x88);
}

// `pieces` with [start, end) cut out of them.
void cutOut(std::vector<VisemeLaneEditor::Segment>& pieces, double start_s, double end_s) {
    std::vector<VisemeLaneEditor::Segment> kept;
    for (const VisemeLaneEditor::Segment& piece : pieces) {
        if (piece.end_s <= start_s || piece.start_s >= end_s) {
            kept.push_back(piece);
            continue;
        }
        if (piece.start_s < start_s) {
            VisemeLaneEditor::Segment before = piece;
            before.end_s = start_s;
            kept.push_back(before);
        }
        if (piece.end_s > end_s) {
            VisemeLaneEditor::Segment after = piece;
            after.start_s = end_s;
            kept.push_back(after);
        }
    }
    pieces = std::move(kept);
}

}  // namespace

VisemeLaneEditor::VisemeLaneEditor(ProjectSession& session) : session_(session) {}

void VisemeLaneEditor::setVoiceSegments(std::vector<ps::VisemeSegment> segments) {
    voice_ = std::move(segments);
}

void VisemeLaneEditor::setWords(std::vector<ps::AlignedWord> words) {
    words_ = std::move(words);
}

double VisemeLaneEditor::duration_s() const {
    double end = session_.motion().duration_s;
    if (!voice_.empty()) {
        end = std::max(end, voice_.back().end_s);
    }
    return end;
}

std::vector<VisemeLaneEditor::Segment> VisemeLaneEditor::shownSegments() const {
    std::vector<Segment> pieces;
    for (const ps::VisemeSegment& v : voice_) {
        pieces.push_back({v.start_s, v.end_s, v.shape, 0, true});
    }
    if (pieces.empty() && duration_s() > 0.0) {
        // No voice analysed: the mouth rests, and overrides still have somewhere to go.
        pieces.push_back({0.0, duration_s(), ps::MouthShape::Rest, 0, true});
    }
    for (const ps::VisemeOverride& o : session_.motion().visemes) {
        cutOut(pieces, o.start_s, o.end_s);
        pieces.push_back({o.start_s, o.end_s, o.shape, o.id, o.enabled});
        std::sort(pieces.begin(), pieces.end(),
                  [](const Segment& a, const Segment& b) { return a.start_s < b.start_s; });
    }
    return pieces;
}

std::optional<VisemeLaneEditor::Segment> VisemeLaneEditor::segmentAt(double t_s) const {
    for (const Segment& s : shownSegments()) {
        if (t_s >= s.start_s && t_s < s.end_s) {
            return s;
        }
    }
    return std::nullopt;
}

bool VisemeLaneEditor::apply(const ps::MotionEdit& edit, int gesture) {
    return session_.apply(edit, nullptr, gesture);
}

bool VisemeLaneEditor::insertClosedAt(double t_s, double frame_s) {
    if (!(frame_s > 0.0) || t_s < 0.0) {
        return false;
    }
    // Three frames, the clicked one in the middle, so that it is fully closed after the ease.
    const double frame = std::floor(t_s / frame_s + 1e-9);
    ps::VisemeOverride viseme;
    viseme.id = session_.motion().next_id;
    viseme.start_s = std::max(0.0, (frame - 1.0) * frame_s);
    viseme.end_s = (frame + 2.0) * frame_s;
    const double end = duration_s();
    if (end > 0.0) {
        viseme.end_s = std::min(viseme.end_s, end);
    }
    if (viseme.end_s - viseme.start_s < frame_s - 1e-9) {
        return false;
    }
    viseme.shape = ps::MouthShape::Closed;
    return apply(ps::MotionEdit{ps::InsertElement<ps::VisemeOverride>{viseme}});
}

bool VisemeLaneEditor::setShapeAt(double t_s, ps::MouthShape shape) {
    const std::optional<Segment> under = segmentAt(t_s);
    if (!under.has_value()) {
        return false;
    }
    if (under->override_id != 0) {
        const ps::VisemeOverride* found = findById(session_.motion().visemes, under->override_id);
        if (found == nullptr || found->shape == shape) {
            return false;
        }
        ps::VisemeOverride changed = *found;
        changed.shape = shape;
        return apply(ps::MotionEdit{ps::ReplaceElement<ps::VisemeOverride>{changed}});
    }
    if (under->shape == shape) {
        return false;  // the voice already makes it
    }
    ps::VisemeOverride viseme;
    viseme.id = session_.motion().next_id;
    viseme.start_s = under->start_s;
    viseme.end_s = under->end_s;
    viseme.shape = shape;
    return apply(ps::MotionEdit{ps::InsertElement<ps::VisemeOverride>{viseme}});
}

bool VisemeLaneEditor::removeOverride(ps::ElementId id) {
    if (findById(session_.motion().visemes, id) == nullptr) {
        return false;
    }
    return apply(ps::MotionEdit{ps::RemoveElement<ps::VisemeOverride>{id}});
}

bool VisemeLaneEditor::isOnEdge(double t_s, double tolerance_s) const {
    const std::vector<Segment> shown = shownSegments();
    for (size_t i = 0; i < shown.size(); ++i) {
        const Segment& s = shown[i];
        if (s.override_id != 0 &&
            (std::abs(t_s - s.start_s) <= tolerance_s || std::abs(t_s - s.end_s) <= tolerance_s)) {
            return true;
        }
        if (i > 0 && std::abs(t_s - s.start_s) <= tolerance_s) {
            return true;
        }
    }
    return false;
}

bool VisemeLaneEditor::beginDrag(double t_s, double tolerance_s, double frame_s) {
    drag_.reset();
    const std::vector<Segment> shown = shownSegments();
    const ps::MotionDocument& document = session_.motion();
    // An override's edge first (the last laid, the one on top, wins), then the voice's.
    for (auto it = document.visemes.rbegin(); it != document.visemes.rend(); ++it) {
        const bool at_start = std::abs(t_s - it->start_s) <= tolerance_s;
        const bool at_end = std::abs(t_s - it->end_s) <= tolerance_s;
        if (!at_start && !at_end) {
            continue;
        }
        Drag drag;
        drag.id = it->id;
        drag.original = *it;
        // Nearer edge; on a tiny override the press's side of its middle.
        drag.start_edge = at_start && (!at_end || t_s < 0.5 * (it->start_s + it->end_s));
        drag.frame_s = frame_s;
        drag.gesture = session_.newGesture();
        drag_ = drag;
        return true;
    }
    for (size_t i = 1; i < shown.size(); ++i) {
        const Segment& left = shown[i - 1];
        const Segment& right = shown[i];
        if (std::abs(t_s - right.start_s) > tolerance_s || left.override_id != 0 ||
            right.override_id != 0) {
            continue;
        }
        Drag drag;
        drag.boundary = true;
        drag.boundary_s = right.start_s;
        drag.left = left.shape;
        drag.right = right.shape;
        drag.left_start_s = left.start_s;
        drag.right_end_s = right.end_s;
        drag.frame_s = frame_s;
        drag.gesture = session_.newGesture();
        drag_ = drag;
        return true;
    }
    return false;
}

void VisemeLaneEditor::dragTo(double t_s) {
    if (!drag_.has_value()) {
        return;
    }
    Drag& drag = *drag_;
    const double min_s = drag.frame_s;
    if (!drag.boundary) {
        ps::VisemeOverride moved = drag.original;
        if (drag.start_edge) {
            moved.start_s = std::clamp(t_s, 0.0, moved.end_s - min_s);
        } else {
            const double end = duration_s() > 0.0 ? duration_s() : t_s;
            moved.end_s =
                std::clamp(t_s, moved.start_s + min_s, std::max(end, moved.start_s + min_s));
        }
        apply(ps::MotionEdit{ps::ReplaceElement<ps::VisemeOverride>{moved}}, drag.gesture);
        return;
    }
    // The boundary moves: the segment it moves into takes the shape of the one that grows, as
    // far as the far end of the one it eats into less a frame.
    ps::VisemeOverride viseme;
    viseme.id = drag.id != 0 ? drag.id : session_.motion().next_id;
    if (t_s >= drag.boundary_s) {
        viseme.start_s = drag.boundary_s;
        viseme.end_s = std::min(t_s, drag.right_end_s - min_s);
        viseme.shape = drag.left;
    } else {
        viseme.start_s = std::max(t_s, drag.left_start_s + min_s);
        viseme.end_s = drag.boundary_s;
        viseme.shape = drag.right;
    }
    if (viseme.end_s - viseme.start_s < 0.5 * min_s) {
        if (drag.id != 0) {
            // Back where it started (within half a frame, as moves snap to frames): the override
            // goes again, within the same undo step.
            apply(ps::MotionEdit{ps::RemoveElement<ps::VisemeOverride>{drag.id}}, drag.gesture);
            drag.id = 0;
        }
        return;
    }
    if (drag.id == 0) {
        if (apply(ps::MotionEdit{ps::InsertElement<ps::VisemeOverride>{viseme}}, drag.gesture)) {
            drag.id = viseme.id;
        }
        return;
    }
    apply(ps::MotionEdit{ps::ReplaceElement<ps::VisemeOverride>{viseme}}, drag.gesture);
}

void VisemeLaneEditor::endDrag() {
    drag_.reset();
}

QString VisemeLaneEditor::shapeLabel(ps::MouthShape shape) {
    switch (shape) {
        case ps::MouthShape::Rest:
            return tr("rest");
        case ps::MouthShape::Closed:
            return tr("M B P");
        case ps::MouthShape::Open:
            return tr("open");
        case ps::MouthShape::Wide:
            return tr("wide");
        case ps::MouthShape::Rounded:
            return tr("round");
        case ps::MouthShape::TeethOnLip:
            return tr("F V");
    }
    return {};
}

QString VisemeLaneEditor::shapeMenuName(ps::MouthShape shape) {
    switch (shape) {
        case ps::MouthShape::Rest:
            return tr("Rest (mouth at ease)");
        case ps::MouthShape::Closed:
            return tr("Closed (p, b, m)");
        case ps::MouthShape::Open:
            return tr("Open (a)");
        case ps::MouthShape::Wide:
            return tr("Wide (ee, s)");
        case ps::MouthShape::Rounded:
            return tr("Rounded (oo, w)");
        case ps::MouthShape::TeethOnLip:
            return tr("Teeth on lip (f, v)");
    }
    return {};
}

void VisemeLaneEditor::paint(QPainter& painter, const QRectF& row, const TimelineGeometry& geometry,
                             bool locked) const {
    painter.save();
    painter.setClipRect(row, Qt::IntersectClip);
    QFont font = painter.font();
    font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.8));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const QRectF words_band(row.left(), row.top(), row.width(), kWordsHeight_px);
    const QRectF blocks_band(row.left(), row.top() + kWordsHeight_px, row.width(),
                             row.height() - kWordsHeight_px - 2.0);
    for (const Segment& s : shownSegments()) {
        const double x0 = geometry.xOf(s.start_s);
        const double x1 = geometry.xOf(s.end_s);
        if (x1 < row.left() || x0 > row.right()) {
            continue;
        }
        const QRectF block(x0, blocks_band.top(), std::max(1.0, x1 - x0), blocks_band.height());
        QColor fill = shapeColor(s.shape);
        const bool is_override = s.override_id != 0;
        // The voice's own shapes are a faint guide; overrides stand out, outlined.
        fill.setAlpha(is_override ? (s.enabled ? 235 : 110) : 70);
        if (locked) {
            fill.setAlpha(fill.alpha() / 2);
        }
        painter.fillRect(block, fill);
        if (is_override) {
            painter.setPen(QPen(QColor(255, 255, 255, locked ? 90 : 200), 1.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(block.adjusted(0.5, 0.5, -0.5, -0.5));
        } else {
            painter.setPen(QPen(QColor(0, 0, 0, 90), 1.0));
            painter.drawLine(QPointF(x0, block.top()), QPointF(x0, block.bottom()));
        }
        const QString label = shapeLabel(s.shape);
        if (metrics.horizontalAdvance(label) + 6.0 < block.width()) {
            painter.setPen(is_override ? QColor(0x10, 0x10, 0x12) : QColor(0xd8, 0xdc, 0xe4));
            painter.drawText(block.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
        }
    }
    painter.setPen(QColor(0xe8, 0xe8, 0xea));
    for (const ps::AlignedWord& word : words_) {
        const double x0 = geometry.xOf(word.start_s);
        const double x1 = geometry.xOf(word.end_s);
        if (x1 < row.left() || x0 > row.right()) {
            continue;
        }
        const QRectF box(x0, words_band.top(), std::max(1.0, x1 - x0), words_band.height());
        painter.fillRect(box.adjusted(0, 2, 0, -1), QColor(255, 255, 255, 18));
        const QString text =
            metrics.elidedText(QString::fromStdString(word.text), Qt::ElideRight, box.width());
        painter.drawText(box, Qt::AlignVCenter | Qt::AlignLeft, text);
    }
    painter.restore();
}

}  // namespace ps::ui
