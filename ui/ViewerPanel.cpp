#include "ui/ViewerPanel.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <set>

#include "face/FaceMesh.h"
#include "motion/MotionEvaluator.h"
#include "motion/SculptFromDrag.h"

namespace ps::ui {

namespace {
const QColor kBackground(0x1e, 0x1f, 0x22);
const QColor kHintText(0x9a, 0xa0, 0xa6);
const QColor kMeshColour(80, 220, 255, 110);
const QColor kLabelText(0xe8, 0xea, 0xed);
constexpr int kHintMargin_px = 24;
constexpr int kSplitGap_px = 4;
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 16.0;
// One wheel notch (120 units) zooms by this much, as in image viewers.
constexpr double kWheelStep = 1.2;
// The landmark editor: how near (screen pixels) the cursor must be to pick a landmark, and how
// its highlights look.
constexpr double kPickRadius_px = 8.0;
const QColor kSculptMeshColour(80, 220, 255, 150);
const QColor kTargetColour(255, 214, 64);
const QColor kFalloffColour(255, 160, 30);
const QColor kInfluenceColour(255, 236, 120);
const QColor kShadowColour(0, 0, 0, 160);

// The mesh's edges, each once: drawn as lines rather than 898 triangles' outlines twice over.
const std::vector<std::pair<int, int>>& meshEdges() {
    static const std::vector<std::pair<int, int>> edges = [] {
        std::set<std::pair<int, int>> unique;
        for (const ps::MeshTriangle& t : ps::FaceMesh::canonical().triangles()) {
            for (int i = 0; i < 3; ++i) {
                const int a = t[size_t(i)], b = t[size_t((i + 1) % 3)];
                unique.insert({std::min(a, b), std::max(a, b)});
            }
        }
        return std::vector<std::pair<int, int>>(unique.begin(), unique.end());
    }();
    return edges;
}

}  // namespace

ViewerPanel::ViewerPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("viewerPanel"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
}

void ViewerPanel::setImage(const QImage& photo) {
    const bool new_size = photo.size() != photo_.size();
    photo_ = photo;
    frame_ = QImage();
    landmarks_.clear();
    tool_.setLandmarks(landmarks_);
    frame_fit_.reset();
    head_pose_.setFrameFit(nullptr);
    onion_skin_.clear();
    compare_frame_ = QImage();
    if (new_size) {
        zoomToFit();
    }
    update();
}

void ViewerPanel::setFrame(const QImage& frame, const QVector<QPointF>& landmarks) {
    frame_ = frame;
    landmarks_ = landmarks;
    tool_.setLandmarks(landmarks_);
    update();
}

void ViewerPanel::clear() {
    setImage(QImage());
}

QRect ViewerPanel::paneRect(int pane) const {
    if (!isSplit()) {
        return rect();
    }
    const int half = (width() - kSplitGap_px) / 2;
    return pane == 0 ? QRect(0, 0, half, height()) : QRect(width() - half, 0, half, height());
}

double ViewerPanel::fitZoom() const {
    const QImage& shown = image();
    if (shown.isNull()) {
        return 1.0;
    }
    const QRect pane = paneRect(1);
    return std::min(double(pane.width()) / shown.width(), double(pane.height()) / shown.height());
}

double ViewerPanel::zoom() const {
    return fit_ ? fitZoom() : zoom_;
}

QRectF ViewerPanel::imageRectIn(const QRect& pane) const {
    const QImage& shown = image();
    if (shown.isNull()) {
        return {};
    }
    const QSizeF size = QSizeF(shown.size()) * zoom();
    QRectF r(QPointF(0, 0), size);
    r.moveCenter(QRectF(pane).center() + (fit_ ? QPointF() : pan_));
    return r;
}

QRect ViewerPanel::imageRect() const {
    return imageRectIn(paneRect(1)).toAlignedRect() & paneRect(1);
}

QRect ViewerPanel::photoRect() const {
    return isSplit() ? imageRectIn(paneRect(0)).toAlignedRect() & paneRect(0) : QRect();
}

void ViewerPanel::zoomToFit() {
    fit_ = true;
    pan_ = {};
    update();
    emit zoomChanged(zoom());
}

void ViewerPanel::zoomToActualSize() {
    fit_ = false;
    zoom_ = 1.0;
    pan_ = {};
    update();
    emit zoomChanged(zoom_);
}

void ViewerPanel::zoomBy(double factor, QPointF anchor) {
    if (image().isNull()) {
        return;
    }
    const double before = zoom();
    const double after = std::clamp(before * factor, kMinZoom, kMaxZoom);
    // Keep the image point under the anchor where it is: the centre moves away from the anchor
    // in proportion to the change of scale.
    const int pane = isSplit() && anchor.x() < width() / 2.0 ? 0 : 1;
    const QPointF centre = imageRectIn(paneRect(pane)).center();
    const QPointF new_centre = anchor + (centre - anchor) * (after / before);
    pan_ = (fit_ ? QPointF() : pan_) + (new_centre - centre);
    zoom_ = after;
    fit_ = false;
    update();
    emit zoomChanged(zoom_);
}

void ViewerPanel::setMeshVisible(bool visible) {
    mesh_visible_ = visible;
    update();
}

void ViewerPanel::setSplitView(bool split) {
    split_ = split;
    update();
}

void ViewerPanel::setCompareMode(bool on) {
    compare_ = on;
    if (!on) {
        compare_frame_ = QImage();  // a stale A must not show when comparing starts again
    }
    update();
}

void ViewerPanel::setCompareFrame(const QImage& frame) {
    compare_frame_ = frame;
    update();
}

void ViewerPanel::setStatisticsText(const QString& text) {
    statistics_ = text;
    update();
}

QPointF ViewerPanel::mapFromImage(QPointF image_px) const {
    const QRectF target = imageRectIn(paneRect(1));
    if (target.isEmpty()) {
        return image_px;
    }
    return {target.left() + image_px.x() * target.width() / image().width(),
            target.top() + image_px.y() * target.height() / image().height()};
}

QPointF ViewerPanel::mapToImage(QPointF widget_px) const {
    const QRectF target = imageRectIn(paneRect(1));
    if (target.isEmpty()) {
        return widget_px;
    }
    return {(widget_px.x() - target.left()) * image().width() / target.width(),
            (widget_px.y() - target.top()) * image().height() / target.height()};
}

void ViewerPanel::setSculptMode(bool on) {
    if (on == sculpt_mode_) {
        return;
    }
    if (!on && tool_.isDragging()) {
        emit sculptDragFinished(tool_.release());
    }
    if (on) {
        setHeadPoseGizmoVisible(false);
    }
    sculpt_mode_ = on;
    tool_.leave();
    setMouseTracking(on || head_pose_.isVisible());
    // Keys 0..6 pick the region: the viewer takes focus when clicked in sculpt mode.
    setFocusPolicy(on ? Qt::ClickFocus : Qt::NoFocus);
    setToolTip(on ? sculptHint() : QString());
    if (on) {
        setCursor(Qt::CrossCursor);
    } else {
        unsetCursor();
    }
    update();
    emit sculptModeChanged(on);
}

void ViewerPanel::setSculptRegion(SculptRegion region) {
    if (region == tool_.region()) {
        return;
    }
    tool_.setRegion(region);
    update();
    emit sculptSettingsChanged();
}

void ViewerPanel::setSculptMirror(bool mirror) {
    if (mirror == tool_.mirror()) {
        return;
    }
    tool_.setMirror(mirror);
    update();
    emit sculptSettingsChanged();
}

void ViewerPanel::setSculptScope(SculptScope scope) {
    if (scope == tool_.scope()) {
        return;
    }
    tool_.setScope(scope);
    update();
    emit sculptSettingsChanged();
}

void ViewerPanel::setSculptRadius_cm(float radius_cm) {
    const float before = tool_.radius_cm();
    tool_.setRadius_cm(radius_cm);
    if (tool_.radius_cm() != before) {
        update();
        emit sculptSettingsChanged();
    }
}

void ViewerPanel::setFrameFit(std::shared_ptr<const ps::FaceFit> fit) {
    frame_fit_ = std::move(fit);
    head_pose_.setFrameFit(frame_fit_);
    if (sculpt_mode_ || head_pose_.isVisible()) {
        update();
    }
}

void ViewerPanel::setHeadPoseGizmoVisible(bool visible) {
    if (visible == head_pose_.isVisible()) {
        return;
    }
    if (visible) {
        setSculptMode(false);
    } else if (head_pose_.isDragging()) {
        emit headPoseDragFinished();
    }
    head_pose_.setVisible(visible);
    setMouseTracking(visible || sculpt_mode_);
    unsetCursor();
    update();
    emit headPoseGizmoVisibleChanged(visible);
}

void ViewerPanel::setHeadAnglesProvider(HeadPoseOverlay::AnglesProvider provider) {
    head_pose_.setAnglesProvider(std::move(provider));
}

GizmoProjector ViewerPanel::headPoseProjector() const {
    return HeadPoseOverlay::projector(image().size(),
                                      [this](QPointF px) { return mapFromImage(px); });
}

double ViewerPanel::falloffRadiusOnScreen(int vertex) const {
    if (frame_fit_ == nullptr || image().isNull()) {
        return 0.0;
    }
    return ps::radiusInPixels(*frame_fit_, vertex, tool_.radius_cm()) * zoom();
}

double ViewerPanel::pickDistance_px() const {
    return kPickRadius_px / std::max(zoom(), 1e-6);
}

void ViewerPanel::setOnionSkin(const QVector<QVector<QPointF>>& previous,
                               const QVector<QVector<QPointF>>& next) {
    onion_skin_.setFrames(previous, next);
    if (onion_visible_) {
        update();
    }
}

void ViewerPanel::setOnionSkinVisible(bool visible) {
    if (visible == onion_visible_) {
        return;
    }
    onion_visible_ = visible;
    update();
}

void ViewerPanel::drawMesh(QPainter& painter, const QRectF& target) const {
    if (landmarks_.size() < ps::kFaceVertexCount) {
        return;
    }
    const double sx = target.width() / image().width();
    const double sy = target.height() / image().height();
    QPainterPath path;
    for (const auto& [a, b] : meshEdges()) {
        path.moveTo(target.left() + landmarks_[a].x() * sx, target.top() + landmarks_[a].y() * sy);
        path.lineTo(target.left() + landmarks_[b].x() * sx, target.top() + landmarks_[b].y() * sy);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(sculpt_mode_ ? kSculptMeshColour : kMeshColour, 0.8));
    painter.drawPath(path);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void ViewerPanel::drawSculptTool(QPainter& painter) const {
    const int centre = tool_.targetVertex();
    if (centre < 0 || landmarks_.size() < ps::kFaceVertexCount) {
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    // What the sculpt moves: each vertex inside the falloff (on both sides when mirrored), as
    // strongly as it moves.
    const int mirrored = tool_.mirroredTargetVertex();
    painter.setPen(QPen(kShadowColour, 0.8));
    for (const int c : {centre, mirrored}) {
        if (c < 0) {
            continue;
        }
        const std::vector<float> share = ps::sculptFalloff(c, tool_.radius_cm());
        for (int v = 0; v < ps::kFaceVertexCount; ++v) {
            const double s = share[size_t(v)];
            if (s > 0.0) {
                QColor colour = kInfluenceColour;
                colour.setAlphaF(0.35 + 0.65 * s);
                painter.setBrush(colour);
                const double r = 1.2 + 1.6 * s;
                painter.drawEllipse(mapFromImage(landmarks_[v]), r, r);
            }
        }
    }
    painter.setPen(Qt::NoPen);
    // The landmark (or the region's vertices) a press drags.
    painter.setBrush(kTargetColour);
    for (const int v : tool_.targetVertices()) {
        painter.drawEllipse(mapFromImage(landmarks_[v]), 2.5, 2.5);
    }
    const QPointF at = mapFromImage(landmarks_[centre]);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(kShadowColour, 3.0));
    painter.drawEllipse(at, 4.5, 4.5);
    painter.setPen(QPen(kTargetColour, 1.5));
    painter.drawEllipse(at, 4.5, 4.5);
    // The falloff circle, and its mirror image when both sides are edited.
    const auto circle = [&](int vertex, Qt::PenStyle style) {
        const double r = falloffRadiusOnScreen(vertex);
        if (r <= 0.0) {
            return;
        }
        const QPointF c = mapFromImage(landmarks_[vertex]);
        painter.setPen(QPen(kShadowColour, 3.0));
        painter.drawEllipse(c, r, r);
        QPen pen(kFalloffColour, 1.5);
        pen.setStyle(style);
        painter.setPen(pen);
        painter.drawEllipse(c, r, r);
    };
    circle(centre, Qt::SolidLine);
    if (mirrored >= 0) {
        circle(mirrored, Qt::DashLine);
    }
    if (tool_.isDragging()) {
        // Where the landmark started and where the drag takes it: the redrawn frame's landmark
        // settles on the cross.
        const QPointF from = mapFromImage(tool_.dragOrigin_px());
        const QPointF to = mapFromImage(tool_.dragGoal_px());
        painter.setPen(QPen(kTargetColour, 1.0, Qt::DotLine));
        painter.drawLine(from, to);
        painter.setPen(QPen(kTargetColour, 1.5));
        painter.drawLine(to - QPointF(5, 0), to + QPointF(5, 0));
        painter.drawLine(to - QPointF(0, 5), to + QPointF(0, 5));
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

QString ViewerPanel::sculptHint() const {
    return tr(
        "Drag a landmark to sculpt it · Wheel: radius · Ctrl+Wheel: zoom · Alt+drag: pan · "
        "1–6: lips, upper lid, lower lid, brows, jaw line, nose · 0: single points");
}

void ViewerPanel::drawSculptHint(QPainter& painter) const {
    const QString scope =
        tool_.scope() == SculptScope::WholeTake ? tr("whole take") : tr("keyed at the playhead");
    const QString state = tr("Sculpt: %1 · radius %2 cm · %3 · %4")
                              .arg(LandmarkEditTool::regionName(tool_.region()))
                              .arg(double(tool_.radius_cm()), 0, 'f', 2)
                              .arg(tool_.mirror() ? tr("mirrored") : tr("one side"))
                              .arg(scope);
    const QString text = state + QLatin1Char('\n') + sculptHint();
    const QRect area = rect().adjusted(12, 12, -12, -12);
    const QRect box =
        painter.fontMetrics()
            .boundingRect(area, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, text)
            .adjusted(-8, -6, 8, 6);
    painter.fillRect(box, QColor(0, 0, 0, 170));
    painter.setPen(kLabelText);
    painter.drawText(box.adjusted(8, 6, -8, -6), Qt::AlignLeft | Qt::TextWordWrap, text);
}

void ViewerPanel::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    if (photo_.isNull()) {
        painter.setPen(kHintText);
        painter.drawText(
            rect().adjusted(kHintMargin_px, kHintMargin_px, -kHintMargin_px, -kHintMargin_px),
            Qt::AlignCenter | Qt::TextWordWrap,
            tr("Open a portrait photo (File ▸ Open Photo…) or drop one here"));
        return;
    }
    // Smooth when fitted and at modest zooms; sharp pixels from 200 % on, which is what a
    // creator zooming in on the lips wants to see.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, fit_ || zoom() < 2.0);
    const QRectF target = imageRectIn(paneRect(1));
    if (isSplit()) {
        // A/B compare puts the unedited voice motion where the photo goes (the photo until its
        // first frame arrives), so both halves show the same moment.
        const QRect left = paneRect(0);
        const QImage& a = compare_ && !compare_frame_.isNull() ? compare_frame_ : photo_;
        painter.save();
        painter.setClipRect(left);
        painter.drawImage(imageRectIn(left), a);
        painter.restore();
        painter.setPen(kHintText);
        painter.drawText(left.adjusted(8, 6, -8, -6), Qt::AlignTop | Qt::AlignHCenter,
                         compare_ ? tr("A · voice only") : tr("Photo"));
        painter.save();
        painter.setClipRect(paneRect(1));
        painter.drawImage(target, image());
        painter.restore();
        painter.drawText(paneRect(1).adjusted(8, 6, -8, -6), Qt::AlignTop | Qt::AlignHCenter,
                         compare_ ? tr("B · edit") : tr("Animated"));
    } else {
        painter.drawImage(target, image());
    }
    if (onion_visible_) {
        painter.save();
        painter.setClipRect(paneRect(1));
        onion_skin_.paint(painter, target, image().size());
        painter.restore();
    }
    if (mesh_visible_ || sculpt_mode_) {
        painter.save();
        painter.setClipRect(paneRect(1));
        drawMesh(painter, target);
        if (sculpt_mode_) {
            drawSculptTool(painter);
        }
        painter.restore();
    }
    if (head_pose_.isVisible()) {
        painter.save();
        painter.setClipRect(paneRect(1));
        head_pose_.paint(painter, headPoseProjector());
        painter.restore();
    }
    if (sculpt_mode_) {
        drawSculptHint(painter);
    }
    if (!statistics_.isEmpty()) {
        const QRect box = painter.fontMetrics()
                              .boundingRect(QRect(0, 0, 400, 200), Qt::TextWordWrap, statistics_)
                              .adjusted(-8, -6, 8, 6)
                              .translated(12, 12);
        painter.fillRect(box, QColor(0, 0, 0, 170));
        painter.setPen(kLabelText);
        painter.drawText(box.adjusted(8, 6, -8, -6), Qt::TextWordWrap, statistics_);
    }
}

void ViewerPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    update();
}

void ViewerPanel::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0 || image().isNull()) {
        event->ignore();
        return;
    }
    if (sculpt_mode_ && !(event->modifiers() & Qt::ControlModifier)) {
        // The drag keeps the radius it started with; the circle must show that one.
        if (!tool_.isDragging()) {
            tool_.changeRadius(notches);
            update();
            emit sculptSettingsChanged();
        }
    } else {
        zoomBy(std::pow(kWheelStep, notches), event->position());
    }
    event->accept();
}

void ViewerPanel::startPan(QPointF position) {
    if (fit_) {
        // Panning starts from where the fitted image is.
        zoom_ = fitZoom();
        fit_ = false;
        pan_ = {};
    }
    panning_ = true;
    pan_start_mouse_ = position;
    pan_start_ = pan_;
    setCursor(Qt::ClosedHandCursor);
}

void ViewerPanel::mousePressEvent(QMouseEvent* event) {
    if (image().isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const bool alt = event->modifiers() & Qt::AltModifier;
    if (event->button() == Qt::LeftButton && !alt) {
        if (const GizmoHandle handle = head_pose_.press(event->position(), headPoseProjector());
            handle != GizmoHandle::None) {
            setCursor(Qt::ClosedHandCursor);
            emit headPoseDragStarted(handle);
            update();
            event->accept();
            return;
        }
    }
    if (sculpt_mode_ && event->button() == Qt::LeftButton && !alt) {
        // A press away from every landmark does nothing: a near miss must not pan the picture.
        if (tool_.press(mapToImage(event->position()), pickDistance_px())) {
            emit sculptDragStarted(tool_.drag());
            update();
        }
        event->accept();
        return;
    }
    if (!(event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)) {
        QWidget::mousePressEvent(event);
        return;
    }
    startPan(event->position());
}

void ViewerPanel::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        pan_ = pan_start_ + (event->position() - pan_start_mouse_);
        update();
        return;
    }
    const bool snap = event->modifiers() & Qt::ShiftModifier;
    if (const auto head_deg = head_pose_.move(event->position(), headPoseProjector(), snap)) {
        emit headPoseDragged(*head_deg, head_pose_.gizmo().activeHandle());
        update();
        return;
    }
    if (head_pose_.hover(event->position(), headPoseProjector())) {
        if (head_pose_.gizmo().hovered() != GizmoHandle::None) {
            setCursor(Qt::OpenHandCursor);
        } else {
            unsetCursor();
        }
        update();
    }
    if (!sculpt_mode_) {
        return;
    }
    const QPointF image_px = mapToImage(event->position());
    if (tool_.isDragging()) {
        emit sculptDragged(tool_.move(image_px));
        update();
    } else if (tool_.hover(image_px, pickDistance_px())) {
        setCursor(tool_.targetVertex() >= 0 ? Qt::SizeAllCursor : Qt::CrossCursor);
        update();
    }
}

void ViewerPanel::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_) {
        panning_ = false;
        if (sculpt_mode_) {
            setCursor(Qt::CrossCursor);
        } else {
            unsetCursor();
        }
        event->accept();
        return;
    }
    if (head_pose_.isDragging() && event->button() == Qt::LeftButton) {
        const GizmoHandle handle = head_pose_.gizmo().activeHandle();
        const bool snap = event->modifiers() & Qt::ShiftModifier;
        if (const auto head_deg =
                head_pose_.release(event->position(), headPoseProjector(), snap)) {
            emit headPoseDragged(*head_deg, handle);
        }
        emit headPoseDragFinished();
        setCursor(Qt::OpenHandCursor);
        update();
        event->accept();
        return;
    }
    if (tool_.isDragging() && event->button() == Qt::LeftButton) {
        tool_.move(mapToImage(event->position()));
        emit sculptDragFinished(tool_.release());
        update();
        event->accept();
    }
}

void ViewerPanel::mouseDoubleClickEvent(QMouseEvent* /*event*/) {
    // As in image viewers: a double click goes back to the whole picture, except on a landmark
    // being sculpted, where it is more likely two quick nudges.
    if ((sculpt_mode_ && tool_.targetVertex() >= 0) ||
        head_pose_.gizmo().hovered() != GizmoHandle::None) {
        return;
    }
    zoomToFit();
}

void ViewerPanel::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (sculpt_mode_ && key >= Qt::Key_0 && key < Qt::Key_0 + kSculptRegionCount &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        setSculptRegion(SculptRegion(key - Qt::Key_0));
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ViewerPanel::leaveEvent(QEvent* event) {
    tool_.leave();
    head_pose_.leave();
    if (sculpt_mode_ || head_pose_.isVisible()) {
        update();
    }
    QWidget::leaveEvent(event);
}

}  // namespace ps::ui
