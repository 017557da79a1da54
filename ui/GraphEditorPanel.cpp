#include "ui/GraphEditorPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPixmap>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <set>

#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"
#include "ui/TimelineGeometry.h"

namespace ps::ui {

namespace {

constexpr int kChannelRole = Qt::UserRole + 1;

std::vector<int> editedChannels(const ps::MotionDocument& document) {
    std::set<int> channels;
    for (const ps::KeyframeCurve& curve : document.curves) {
        channels.insert(curve.channel);
    }
    return {channels.begin(), channels.end()};
}

bool contains(const std::vector<int>& list, int value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

GraphEditorPanel::GraphEditorPanel(ProjectSession& session, SelectionModel& selection,
                                   SourcesFn sources, QWidget* parent)
    : QWidget(parent), session_(session), selection_(selection) {
    setObjectName(QStringLiteral("graphEditorPanel"));
    view_ = new GraphEditorView(session, selection, std::move(sources), this);

    linear_action_ = makeAction("graphLinearAction", tr("Linear"));
    ease_action_ = makeAction("graphEaseAction", tr("Ease"));
    bezier_action_ = makeAction("graphBezierAction", tr("Bézier"));
    step_action_ = makeAction("graphStepAction", tr("Step"));
    linear_action_->setToolTip(tr("Straight lines from the selected keys to the next"));
    ease_action_->setToolTip(tr("Slow out of the selected keys and slow into the next"));
    bezier_action_->setToolTip(tr("Curves shaped by the keys' handles"));
    step_action_->setToolTip(tr("Hold the selected keys' values until the next key"));
    const std::pair<QAction*, ps::Interpolation> interpolations[] = {
        {linear_action_, ps::Interpolation::Linear},
        {ease_action_, ps::Interpolation::Ease},
        {bezier_action_, ps::Interpolation::Bezier},
        {step_action_, ps::Interpolation::Step}};
    for (const auto& [action, interpolation] : interpolations) {
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [this, interpolation = interpolation] {
            view_->setSelectedInterpolation(interpolation);
            updateActions();
        });
    }

    free_action_ = makeAction("graphHandleFreeAction", tr("Free"));
    aligned_action_ = makeAction("graphHandleAlignedAction", tr("Aligned"));
    auto_action_ = makeAction("graphHandleAutoAction", tr("Auto"));
    free_action_->setToolTip(tr("The selected keys' handles move on their own"));
    aligned_action_->setToolTip(
        tr("The selected keys' handles stay on one line through the key (aligns them)"));
    auto_action_->setToolTip(
        tr("The selected keys' handles follow the neighbouring keys (sets them; a drag makes "
           "them Aligned)"));
    handle_group_ = new QActionGroup(this);
    // Each key stores its type; the buttons set the selected keys' and show the type they share.
    handle_group_->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const std::pair<QAction*, ps::HandleType> handles[] = {
        {free_action_, ps::HandleType::Free},
        {aligned_action_, ps::HandleType::Aligned},
        {auto_action_, ps::HandleType::Auto}};
    for (const auto& [action, type] : handles) {
        action->setCheckable(true);
        handle_group_->addAction(action);
        connect(action, &QAction::triggered, this, [this, type = type] {
            view_->setSelectedHandleType(type);
            updateActions();
        });
    }

    // Home and Delete are the view's own keys (it takes them before the window's Go to Start and
    // the timeline's Delete); the actions only show them.
    frame_all_action_ =
        makeAction("graphFrameAllAction", tr("Frame All") + QStringLiteral("\tHome"));
    frame_all_action_->setIconText(tr("Frame All"));
    frame_all_action_->setToolTip(tr("Show every key of the shown curves (Home)"));
    normalise_action_ = makeAction("graphNormaliseAction", tr("Normalise"));
    normalise_action_->setCheckable(true);
    normalise_action_->setToolTip(
        tr("Scale each curve to -1..1 so that weights and angles "
           "can be compared"));
    snap_action_ = makeAction("graphSnapAction", tr("Snap"));
    snap_action_->setCheckable(true);
    snap_action_->setChecked(view_->isSnapping());
    snap_action_->setToolTip(tr("Keys land on frames; hold Ctrl while dragging to invert"));
    delete_action_ = makeAction("graphDeleteAction", tr("Delete Keys") + QStringLiteral("\tDel"));
    bake_action_ = makeAction("graphBakeAction", tr("Bake…"));
    bake_action_->setToolTip(tr("Bake the channel's motion into keys"));
    smooth_action_ = makeAction("graphSmoothAction", tr("Smooth"));
    smooth_action_->setToolTip(tr("Smooth the selected keys, keeping the curve's shape"));

    connect(frame_all_action_, &QAction::triggered, this, &GraphEditorPanel::frameAll);
    connect(normalise_action_, &QAction::toggled, view_, &GraphEditorView::setNormalised);
    connect(snap_action_, &QAction::toggled, view_, &GraphEditorView::setSnapping);
    connect(delete_action_, &QAction::triggered, view_, &GraphEditorView::deleteSelectedKeys);
    connect(bake_action_, &QAction::triggered, this, &GraphEditorPanel::requestBake);
    connect(smooth_action_, &QAction::triggered, this, &GraphEditorPanel::requestSmooth);

    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("graphChannelFilter"));
    filter_->setPlaceholderText(tr("Filter channels"));
    filter_->setClearButtonEnabled(true);
    channel_list_ = new QListWidget(this);
    channel_list_->setObjectName(QStringLiteral("graphChannelList"));
    channel_list_->setUniformItemSizes(true);
    auto* channels = new QWidget(this);
    auto* channels_layout = new QVBoxLayout(channels);
    channels_layout->setContentsMargins(0, 0, 0, 0);
    channels_layout->setSpacing(2);
    channels_layout->addWidget(filter_);
    channels_layout->addWidget(channel_list_, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(channels);
    splitter->addWidget(view_);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({190, 800});
    splitter->setChildrenCollapsible(false);

    status_label_ = new QLabel(this);
    status_label_->setObjectName(QStringLiteral("graphStatusLabel"));
    status_label_->setStyleSheet(QStringLiteral("color: #f0b35a;"));
    hover_label_ = new QLabel(this);
    hover_label_->setObjectName(QStringLiteral("graphHoverLabel"));
    hover_label_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    hover_label_->setStyleSheet(QStringLiteral("color: #a9aeb7;"));
    auto* status_row = new QHBoxLayout;
    status_row->setContentsMargins(6, 0, 6, 2);
    status_row->addWidget(status_label_, 1);
    status_row->addWidget(hover_label_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolBar());
    layout->addWidget(splitter, 1);
    layout->addLayout(status_row);

    connect(view_, &GraphEditorView::statusChanged, status_label_, &QLabel::setText);
    connect(view_, &GraphEditorView::hoverChanged, hover_label_, &QLabel::setText);
    connect(view_, &GraphEditorView::seekRequested, this, &GraphEditorPanel::seekRequested);
    connect(view_, &GraphEditorView::contextMenuRequested, this,
            [this](const QPoint& global) { contextMenu()->popup(global); });
    connect(filter_, &QLineEdit::textChanged, this, &GraphEditorPanel::applyFilter);
    connect(channel_list_, &QListWidget::itemChanged, this,
            &GraphEditorPanel::onChannelItemChanged);
    connect(&selection_, &SelectionModel::selectionChanged, this,
            &GraphEditorPanel::onSelectionChanged);
    connect(&session_, &ProjectSession::changed, this, &GraphEditorPanel::onSessionChanged);

    edited_channels_ = editedChannels(session_.motion());
    rebuildChannelList();
    setShownChannels(edited_channels_);
    onSelectionChanged();
    updateActions();
}

QAction* GraphEditorPanel::makeAction(const char* object_name, const QString& text) {
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(object_name));
    return action;
}

QToolBar* GraphEditorPanel::createToolBar() {
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("graphToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setStyleSheet(QStringLiteral(
        "#graphToolBar { background: #26272b; border-bottom: 1px solid #141517; spacing: 3px;"
        " padding: 1px 4px; }"
        "QToolButton { color: #d7dae0; background: transparent; border: 1px solid transparent;"
        " border-radius: 3px; padding: 2px 7px; }"
        "QToolButton:hover { background: #34363c; border-color: #45484f; }"
        "QToolButton:checked { background: #3d5a80; border-color: #5c7fae; color: white; }"
        "QToolButton:disabled { color: #6a6e76; }"
        "QToolBar::separator { background: #45484f; width: 1px; margin: 4px 5px; }"));
    for (QAction* action : {linear_action_, ease_action_, bezier_action_, step_action_}) {
        bar->addAction(action);
    }
    bar->addSeparator();
    for (QAction* action : {free_action_, aligned_action_, auto_action_}) {
        bar->addAction(action);
    }
    bar->addSeparator();
    for (QAction* action : {frame_all_action_, normalise_action_, snap_action_}) {
        bar->addAction(action);
    }
    bar->addSeparator();
    for (QAction* action : {bake_action_, smooth_action_}) {
        bar->addAction(action);
    }
    for (QAction* action : bar->actions()) {
        if (QWidget* button = bar->widgetForAction(action)) {
            button->setFocusPolicy(Qt::NoFocus);
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
        }
    }
    return bar;
}

QMenu* GraphEditorPanel::contextMenu() {
    if (context_menu_ == nullptr) {
        context_menu_ = new QMenu(this);
        context_menu_->setObjectName(QStringLiteral("graphContextMenu"));
        QMenu* interpolation = context_menu_->addMenu(tr("Interpolation"));
        for (QAction* action : {linear_action_, ease_action_, bezier_action_, step_action_}) {
            interpolation->addAction(action);
        }
        QMenu* handles = context_menu_->addMenu(tr("Handles"));
        for (QAction* action : {free_action_, aligned_action_, auto_action_}) {
            handles->addAction(action);
        }
        context_menu_->addSeparator();
        context_menu_->addAction(delete_action_);
        context_menu_->addSeparator();
        context_menu_->addAction(bake_action_);
        context_menu_->addAction(smooth_action_);
        context_menu_->addSeparator();
        context_menu_->addAction(frame_all_action_);
        context_menu_->addAction(normalise_action_);
    }
    updateActions();
    return context_menu_;
}

// --- state -----------------------------------------------------------------------------------

const std::vector<int>& GraphEditorPanel::shownChannels() const {
    return view_->channels();
}

void GraphEditorPanel::setShownChannels(std::vector<int> channels) {
    view_->setChannels(std::move(channels));
    view_->frameAll();
    syncChannelChecks();
    updateActions();
}

bool GraphEditorPanel::isNormalised() const {
    return view_->isNormalised();
}

void GraphEditorPanel::setNormalised(bool on) {
    normalise_action_->setChecked(on);  // toggled -> the view
}

std::optional<ps::HandleType> GraphEditorPanel::handleType() const {
    return view_->selectedHandleType();
}

bool GraphEditorPanel::isSnapping() const {
    return view_->isSnapping();
}

void GraphEditorPanel::setSnapping(bool on) {
    snap_action_->setChecked(on);
}

QString GraphEditorPanel::statusText() const {
    return view_->lastStatus();
}

QAction* GraphEditorPanel::interpolationAction(ps::Interpolation interpolation) const {
    switch (interpolation) {
        case ps::Interpolation::Linear:
            return linear_action_;
        case ps::Interpolation::Ease:
            return ease_action_;
        case ps::Interpolation::Bezier:
            return bezier_action_;
        case ps::Interpolation::Step:
            return step_action_;
    }
    return nullptr;
}

QAction* GraphEditorPanel::handleAction(ps::HandleType type) const {
    switch (type) {
        case ps::HandleType::Free:
            return free_action_;
        case ps::HandleType::Aligned:
            return aligned_action_;
        case ps::HandleType::Auto:
            return auto_action_;
    }
    return nullptr;
}

void GraphEditorPanel::setPlayhead(double t_s) {
    view_->setPlayhead(t_s);
}

void GraphEditorPanel::refreshSources() {
    view_->refreshSources();
}

void GraphEditorPanel::frameAll() {
    view_->frameAll();
}

// Shows the selection's channels when it reaches channels not shown: picking a curve on the
// timeline brings it here, while picking keys here never hides the other curves.
void GraphEditorPanel::onSelectionChanged() {
    std::vector<int> selected;
    const ps::MotionDocument& document = session_.motion();
    for (const ElementRef& ref : selection_.selected()) {
        if (ref.kind != ElementKind::Key && ref.kind != ElementKind::Curve) {
            continue;
        }
        const ps::KeyframeCurve* curve = findById(document.curves, ref.id);
        if (curve != nullptr && !contains(selected, curve->channel)) {
            selected.push_back(curve->channel);
        }
    }
    const std::vector<int>& shown = view_->channels();
    if (!selected.empty() &&
        std::any_of(selected.begin(), selected.end(), [&](int c) { return !contains(shown, c); })) {
        setShownChannels(selected);
    }
    updateActions();
}

void GraphEditorPanel::onSessionChanged() {
    const std::vector<int> edited = editedChannels(session_.motion());
    if (edited != edited_channels_) {
        edited_channels_ = edited;
        rebuildChannelList();
        // Nothing shown and curves appeared (a project opened, a first key): show them.
        if (view_->channels().empty() && !edited.empty()) {
            setShownChannels(edited);
        }
    }
    updateActions();
}

// The channels with curves first, then the rest in channel order.
void GraphEditorPanel::rebuildChannelList() {
    syncing_ = true;
    channel_list_->clear();
    std::vector<int> order = edited_channels_;
    for (int c = 0; c < ps::kMotionChannelCount; ++c) {
        if (!contains(order, c)) {
            order.push_back(c);
        }
    }
    for (int channel : order) {
        QString name = QString::fromUtf8(ps::motionChannelName(channel).data());
        if (ps::isAngleChannel(channel)) {
            name += QStringLiteral(" (°)");
        }
        auto* item = new QListWidgetItem(name, channel_list_);
        item->setData(kChannelRole, channel);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        QPixmap swatch(10, 10);
        swatch.fill(GraphEditorView::channelColor(channel));
        item->setIcon(QIcon(swatch));
        if (contains(edited_channels_, channel)) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
            item->setToolTip(tr("Has keys"));
        }
        item->setCheckState(contains(view_->channels(), channel) ? Qt::Checked : Qt::Unchecked);
    }
    syncing_ = false;
    applyFilter();
}

void GraphEditorPanel::syncChannelChecks() {
    syncing_ = true;
    for (int row = 0; row < channel_list_->count(); ++row) {
        QListWidgetItem* item = channel_list_->item(row);
        const int channel = item->data(kChannelRole).toInt();
        item->setCheckState(contains(view_->channels(), channel) ? Qt::Checked : Qt::Unchecked);
    }
    syncing_ = false;
}

void GraphEditorPanel::applyFilter() {
    const QString text = filter_->text().trimmed();
    for (int row = 0; row < channel_list_->count(); ++row) {
        QListWidgetItem* item = channel_list_->item(row);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
}

void GraphEditorPanel::onChannelItemChanged(QListWidgetItem* item) {
    if (syncing_) {
        return;
    }
    const int channel = item->data(kChannelRole).toInt();
    std::vector<int> shown = view_->channels();
    if (item->checkState() == Qt::Checked) {
        if (!contains(shown, channel)) {
            shown.push_back(channel);
        }
    } else {
        shown.erase(std::remove(shown.begin(), shown.end(), channel), shown.end());
    }
    setShownChannels(shown);
}

void GraphEditorPanel::updateActions() {
    const auto times = view_->selectedKeyTimes();
    const bool has_keys = !times.empty();
    std::set<ps::Interpolation> used;
    for (const auto& [id, key_times] : times) {
        const ps::KeyframeCurve* curve = findById(session_.motion().curves, id);
        if (curve == nullptr) {
            continue;
        }
        for (const ps::Keyframe& key : curve->keys) {
            if (std::any_of(key_times.begin(), key_times.end(),
                            [&](double t) { return std::abs(t - key.t_s) < 1e-6; })) {
                used.insert(key.interpolation);
            }
        }
    }
    for (ps::Interpolation interpolation : {ps::Interpolation::Linear, ps::Interpolation::Ease,
                                            ps::Interpolation::Bezier, ps::Interpolation::Step}) {
        QAction* action = interpolationAction(interpolation);
        action->setEnabled(has_keys);
        action->setChecked(used.count(interpolation) > 0);
    }
    const std::optional<ps::HandleType> handles = view_->selectedHandleType();
    for (ps::HandleType type :
         {ps::HandleType::Free, ps::HandleType::Aligned, ps::HandleType::Auto}) {
        QAction* action = handleAction(type);
        action->setEnabled(has_keys);
        action->setChecked(handles == type);
    }
    delete_action_->setEnabled(has_keys);
    smooth_action_->setEnabled(has_keys);
    bake_action_->setEnabled(view_->currentChannel() >= 0);
}

// --- requests for the engine's tools ---------------------------------------------------------

void GraphEditorPanel::requestBake() {
    const int channel = view_->currentChannel();
    if (channel < 0) {
        return;
    }
    double from = std::numeric_limits<double>::infinity(), to = -from;
    int count = 0;
    for (const auto& [id, key_times] : view_->selectedKeyTimes()) {
        const ps::KeyframeCurve* curve = findById(session_.motion().curves, id);
        if (curve == nullptr || curve->channel != channel) {
            continue;
        }
        for (double t : key_times) {
            from = std::min(from, t);
            to = std::max(to, t);
            ++count;
        }
    }
    if (count < 2 || !(to > from)) {
        const ps::MotionDocument& document = session_.motion();
        from = 0.0;
        to = document.duration_s > 0.0 ? document.duration_s : timelineContentEnd_s(document);
    }
    emit bakeRequested(channel, from, to);
}

void GraphEditorPanel::requestSmooth() {
    for (const auto& [id, key_times] : view_->selectedKeyTimes()) {
        emit smoothRequested(id, key_times);
    }
}

}  // namespace ps::ui
