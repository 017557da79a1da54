#include "ui/TimelinePanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "motion/FindElement.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TimelineLaneHeader.h"
#include "ui/TimelineView.h"
#include "ui/TransportBar.h"

namespace ps::ui {

namespace {

constexpr char kClipboardMimeType[] = "application/x-portrait-studio-motion";

}  // namespace

TimelinePanel::TimelinePanel(ProjectSession& session, SelectionModel& selection,
                             const ps::TemplateLibrary& templates, QWidget* parent)
    : QWidget(parent), session_(session), selection_(selection) {
    setObjectName(QStringLiteral("timelinePanel"));
    view_ = new TimelineView(session, selection, templates, this);
    header_ = new TimelineLaneHeader(session, selection, view_->timelineGeometry(), this);
    h_scroll_ = new QScrollBar(Qt::Horizontal, this);
    h_scroll_->setObjectName(QStringLiteral("timelineHorizontalScrollBar"));
    v_scroll_ = new QScrollBar(Qt::Vertical, this);
    v_scroll_->setObjectName(QStringLiteral("timelineVerticalScrollBar"));

    copy_action_ = makeAction("timelineCopyAction", tr("Copy"), {QKeySequence::Copy});
    paste_action_ = makeAction("timelinePasteAction", tr("Paste"), {QKeySequence::Paste});
    duplicate_action_ = makeAction("timelineDuplicateAction", tr("Duplicate"),
                                   {QKeySequence(Qt::CTRL | Qt::Key_D)});
    delete_action_ = makeAction("timelineDeleteAction", tr("Delete"),
                                {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)});
    marker_action_ =
        makeAction("timelineAddMarkerAction", tr("Add Marker"), {QKeySequence(Qt::Key_M)});
    zoom_in_action_ = makeAction("timelineZoomInAction", tr("Zoom In"),
                                 {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    zoom_out_action_ =
        makeAction("timelineZoomOutAction", tr("Zoom Out"), {QKeySequence(Qt::Key_Minus)});
    zoom_fit_action_ =
        makeAction("timelineZoomToFitAction", tr("Zoom to Fit"), {QKeySequence(Qt::Key_0)});
    snap_action_ = makeAction("timelineSnapAction", tr("Snap"), {QKeySequence(Qt::Key_N)});
    snap_action_->setCheckable(true);
    snap_action_->setChecked(view_->isSnapping());
    snap_action_->setToolTip(
        tr("Snap to frames, edges, keys, markers and the playhead (N); "
           "hold Ctrl while dragging to invert"));

    connect(copy_action_, &QAction::triggered, this, &TimelinePanel::copySelection);
    connect(paste_action_, &QAction::triggered, this, &TimelinePanel::pasteAtPlayhead);
    connect(duplicate_action_, &QAction::triggered, this, &TimelinePanel::duplicateSelection);
    connect(delete_action_, &QAction::triggered, this, &TimelinePanel::deleteSelection);
    connect(marker_action_, &QAction::triggered, this, &TimelinePanel::addMarkerAtPlayhead);
    connect(zoom_in_action_, &QAction::triggered, this, &TimelinePanel::zoomIn);
    connect(zoom_out_action_, &QAction::triggered, this, &TimelinePanel::zoomOut);
    connect(zoom_fit_action_, &QAction::triggered, this, &TimelinePanel::zoomToFit);
    connect(snap_action_, &QAction::toggled, view_, &TimelineView::setSnapping);

    time_label_ = new QLabel(this);
    time_label_->setObjectName(QStringLiteral("timelineTimeLabel"));
    time_label_->setFixedSize(TimelineLaneHeader::kWidth_px,
                              int(TimelineGeometry::kRulerHeight_px));
    time_label_->setAlignment(Qt::AlignCenter);
    time_label_->setStyleSheet(
        QStringLiteral("QLabel { background: #2b2d31; color: #ff8c8c; font-weight: bold;"
                       " border-right: 1px solid #141517; border-bottom: 1px solid #141517; }"));

    const QString scroll_style = QStringLiteral(
        "QScrollBar { background: #1e1f22; border: none; }"
        "QScrollBar:horizontal { height: 12px; } QScrollBar:vertical { width: 12px; }"
        "QScrollBar::handle { background: #4a4d55; border-radius: 4px; margin: 2px; }"
        "QScrollBar::handle:hover { background: #5c6069; }"
        "QScrollBar::handle:horizontal { min-width: 24px; }"
        "QScrollBar::handle:vertical { min-height: 24px; }"
        "QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; }"
        "QScrollBar::add-page, QScrollBar::sub-page { background: none; }");
    h_scroll_->setStyleSheet(scroll_style);
    v_scroll_->setStyleSheet(scroll_style);
    auto* corner = new QWidget(this);
    corner->setAttribute(Qt::WA_StyledBackground);
    corner->setStyleSheet(QStringLiteral("background: #1e1f22;"));

    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    grid->addWidget(time_label_, 0, 0);
    grid->addWidget(header_, 1, 0);
    grid->addWidget(view_, 0, 1, 2, 1);
    grid->addWidget(v_scroll_, 0, 2, 2, 1);
    grid->addWidget(h_scroll_, 2, 1);
    grid->addWidget(corner, 2, 0);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolRow());
    layout->addLayout(grid, 1);

    connect(view_, &TimelineView::viewChanged, this, [this] {
        header_->relayout();
        syncScrollBars();
    });
    connect(view_, &TimelineView::seekRequested, this, [this](double t_s) {
        updateTimeLabel();
        emit seekRequested(t_s);
    });
    connect(view_, &TimelineView::scrubbingChanged, this, &TimelinePanel::scrubbingChanged);
    connect(h_scroll_, &QScrollBar::valueChanged, this, [this](int value) {
        if (!syncing_) {
            view_->setScroll_s(value / view_->timelineGeometry().pixelsPerSecond());
        }
    });
    connect(v_scroll_, &QScrollBar::valueChanged, this, [this](int value) {
        if (!syncing_) {
            view_->setScrollY(value);
        }
    });
    connect(&selection_, &SelectionModel::selectionChanged, this, &TimelinePanel::updateActions);
    header_->relayout();
    syncScrollBars();
    updateActions();
    updateTimeLabel();
}

QAction* TimelinePanel::makeAction(const char* object_name, const QString& text,
                                   const QList<QKeySequence>& shortcuts) {
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(object_name));
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    return action;
}

QWidget* TimelinePanel::createToolRow() {
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("timelineToolRow"));
    row->setAttribute(Qt::WA_StyledBackground);
    row->setStyleSheet(QStringLiteral(
        "#timelineToolRow { background: #26272b; border-bottom: 1px solid #141517; }"
        "QToolButton { color: #d7dae0; background: transparent; border: 1px solid transparent;"
        " border-radius: 3px; padding: 2px 8px; }"
        "QToolButton:hover { background: #34363c; border-color: #45484f; }"
        "QToolButton:checked { background: #3d5a80; border-color: #5c7fae; color: white; }"));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(4);
    for (QAction* action :
         {snap_action_, marker_action_, zoom_out_action_, zoom_in_action_, zoom_fit_action_}) {
        auto* button = new QToolButton(row);
        button->setDefaultAction(action);
        button->setFocusPolicy(Qt::NoFocus);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        layout->addWidget(button);
        if (action == snap_action_ || action == marker_action_) {
            layout->addSpacing(8);
        }
    }
    layout->addStretch(1);
    return row;
}

// --- view state --------------------------------------------------------------------------------

void TimelinePanel::setAudio(AudioClipPtr clip) {
    view_->setAudio(std::move(clip));
}

void TimelinePanel::setVoiceActivity(QVector<float> mouth_open, double rate_hz) {
    view_->setVoiceActivity(std::move(mouth_open), rate_hz);
}

void TimelinePanel::setVisemes(std::vector<ps::VisemeSegment> segments) {
    view_->setVisemes(std::move(segments));
}

void TimelinePanel::setTranscriptWords(std::vector<ps::AlignedWord> words) {
    view_->setTranscriptWords(std::move(words));
}

void TimelinePanel::setMotionChecks(std::vector<ps::MotionIssue> issues) {
    view_->setMotionChecks(std::move(issues));
}

void TimelinePanel::setPlayhead(double t_s) {
    view_->setPlayhead(t_s);
    updateTimeLabel();
}

double TimelinePanel::playhead() const {
    return view_->playhead();
}

bool TimelinePanel::isSnapping() const {
    return view_->isSnapping();
}

void TimelinePanel::setSnapping(bool on) {
    snap_action_->setChecked(on);  // toggled() sets the view's
    view_->setSnapping(on);
}

QList<double> TimelinePanel::markers() const {
    return view_->markers();
}

void TimelinePanel::addMarkerAtPlayhead() {
    view_->addMarker(view_->playhead());
}

void TimelinePanel::zoomIn() {
    view_->zoomIn();
}

void TimelinePanel::zoomOut() {
    view_->zoomOut();
}

void TimelinePanel::zoomToFit() {
    view_->zoomToFit();
}

double TimelinePanel::pixelsPerSecond() const {
    return view_->timelineGeometry().pixelsPerSecond();
}

double TimelinePanel::xOfTime(double t_s) const {
    return view_->timelineGeometry().xOf(t_s);
}

double TimelinePanel::timeAtX(double x) const {
    return view_->timelineGeometry().timeAt(x);
}

QList<QAction*> TimelinePanel::editActions() const {
    return {copy_action_, paste_action_, duplicate_action_, delete_action_};
}

QList<QAction*> TimelinePanel::viewActions() const {
    return {marker_action_, zoom_in_action_, zoom_out_action_, zoom_fit_action_, snap_action_};
}

void TimelinePanel::syncScrollBars() {
    syncing_ = true;
    const TimelineGeometry& g = view_->timelineGeometry();
    const double pps = g.pixelsPerSecond();
    const int page = std::max(1, view_->width());
    const int content =
        int(std::ceil(view_->scrollEnd_s() * pps + 2 * TimelineGeometry::kLeftMargin_px));
    h_scroll_->setRange(0, std::max(0, content - page));
    h_scroll_->setPageStep(page);
    h_scroll_->setSingleStep(20);
    h_scroll_->setValue(int(std::lround(g.scroll_s() * pps)));
    const int rows_page = std::max(1, int(view_->height() - TimelineGeometry::kRulerHeight_px));
    v_scroll_->setRange(0, int(std::ceil(g.maxScrollY())));
    v_scroll_->setPageStep(rows_page);
    v_scroll_->setSingleStep(20);
    v_scroll_->setValue(int(std::lround(g.scrollY())));
    syncing_ = false;
}

void TimelinePanel::updateActions() {
    const bool any = !selection_.isEmpty();
    copy_action_->setEnabled(any);
    duplicate_action_->setEnabled(any);
    delete_action_->setEnabled(any);
    paste_action_->setEnabled(!clipboard_.isEmpty());
}

void TimelinePanel::updateTimeLabel() {
    // formatTime floors to hundredths: 4.6 s must not read 0:04.59.
    time_label_->setText(TransportBar::formatTime(view_->playhead() + 1e-6));
}

// --- editing -----------------------------------------------------------------------------------

void TimelinePanel::copySelection() {
    clipboard_.copy(session_.motion(), selection_.selected());
    if (!clipboard_.isEmpty()) {
        auto* mime = new QMimeData;
        const QByteArray json = clipboard_.toJson();
        mime->setData(QString::fromLatin1(kClipboardMimeType), json);
        mime->setText(QString::fromUtf8(json));
        QApplication::clipboard()->setMimeData(mime);
    }
    updateActions();
}

void TimelinePanel::pasteAtPlayhead() {
    pasteAt(view_->playhead());
}

void TimelinePanel::pasteAt(double t_s) {
    const ps::MotionDocument& document = session_.motion();
    t_s = std::max(0.0, t_s);
    std::vector<ps::MotionEdit> edits = clipboard_.pasteEdits(document, t_s);
    if (edits.empty()) {
        return;
    }
    const QList<ElementRef> keys = clipboard_.pastedKeys(document, t_s);
    const ps::ElementId first_new = document.next_id;
    QString error;
    if (!session_.apply({ps::EditGroup{tr("Paste").toStdString(), std::move(edits)}}, &error)) {
        qWarning("paste: %s", qPrintable(error));
        return;
    }
    QList<ElementRef> pasted = keys;
    for (const ps::ExpressionClip& clip : session_.motion().clips) {
        if (clip.id >= first_new) {
            pasted.append({ElementKind::Clip, clip.id, 0.0});
        }
    }
    for (const ps::CaptureLayer& capture : session_.motion().captures) {
        if (capture.id >= first_new) {
            pasted.append({ElementKind::Capture, capture.id, 0.0});
        }
    }
    selection_.setSelection(pasted);
}

void TimelinePanel::duplicateSelection() {
    // The copies go right after the originals; the clipboard is left as it was.
    const TimelineClipboard saved = clipboard_;
    clipboard_.copy(session_.motion(), selection_.selected());
    if (!clipboard_.isEmpty()) {
        // Keys alone would land on the last original key: they go a frame later.
        const double after = clipboard_.hasBlocks() ? 0.0 : view_->frame_s();
        pasteAt(clipboard_.earliest_s() + clipboard_.span_s() + after);
    }
    clipboard_ = saved;
    updateActions();
}

void TimelinePanel::deleteSelection() {
    const ps::MotionDocument& document = session_.motion();
    const LaneStates& lanes = session_.laneStates();
    const QList<ElementRef> selected = selection_.selected();
    std::vector<ps::MotionEdit> edits;
    for (const ElementRef& ref : selected) {
        switch (ref.kind) {
            case ElementKind::Clip:
                if (const ps::ExpressionClip* clip = findById(document.clips, ref.id);
                    clip != nullptr && !lanes.isLocked(laneOf(*clip))) {
                    edits.push_back({ps::RemoveElement<ps::ExpressionClip>{ref.id}});
                }
                break;
            case ElementKind::Capture:
                if (findById(document.captures, ref.id) != nullptr &&
                    !lanes.isLocked(Lane::Captures)) {
                    edits.push_back({ps::RemoveElement<ps::CaptureLayer>{ref.id}});
                }
                break;
            case ElementKind::Curve:
                if (findById(document.curves, ref.id) != nullptr && !lanes.isLocked(Lane::Curves)) {
                    edits.push_back({ps::RemoveElement<ps::KeyframeCurve>{ref.id}});
                }
                break;
            case ElementKind::Key:
                // A key of a curve that goes as a whole goes with it.
                if (!selected.contains(ElementRef{ElementKind::Curve, ref.id, 0.0}) &&
                    refersToExisting(ref, document) && !lanes.isLocked(Lane::Curves)) {
                    edits.push_back({ps::RemoveKeyframe{ref.id, ref.key_t_s}});
                }
                break;
            case ElementKind::Sculpt:
                if (findById(document.sculpts, ref.id) != nullptr &&
                    !lanes.isLocked(Lane::Sculpts)) {
                    edits.push_back({ps::RemoveElement<ps::LandmarkSculpt>{ref.id}});
                }
                break;
            case ElementKind::None:
                break;
        }
    }
    if (edits.empty()) {
        return;
    }
    QString error;
    if (!session_.apply({ps::EditGroup{tr("Delete").toStdString(), std::move(edits)}}, &error)) {
        qWarning("delete: %s", qPrintable(error));
    }
}

}  // namespace ps::ui
