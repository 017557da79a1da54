// The graph editor dock's content: a tool row (interpolation Linear / Ease / Bézier / Step of
// the selected keys, their handle type Free / Aligned / Auto, which each key stores, Frame All,
// Normalise, Snap, Bake…, Smooth), the list of channels with a box to tick each one shown, the
// GraphEditorView, and a status line (refusals on the left, what is under the pointer on the
// right).
//
// Which channels are shown: when the shared selection (from the timeline, the inspector or this
// editor) holds curves or keys on channels not shown, exactly those channels; otherwise what is
// ticked in the list, which starts with every channel that has a curve. Each action that edits
// is one undo step on the session's stack. Delete, Backspace and Home are the view's keys while
// it has focus (it takes them before the window-wide Delete and Go to Start); the actions carry
// no shortcuts of their own, so nothing is ambiguous with the timeline's.
//
// Wiring in MainWindow (not done here):
//   graph_ = new GraphEditorPanel(*session_, *selection_, [this] { return preview_->sources(); },
//                                 this);
//   addPanelDock(graph_, tr("Graph Editor"), "graphEditorDock", Qt::BottomDockWidgetArea);
//   (tabify it with the timeline's dock; bump kLayoutVersion so saved layouts take it)
//   connect(preview_, &PreviewEngine::sourcesChanged, graph_, &GraphEditorPanel::refreshSources);
//   connect(transport_, &TransportBar::positionChanged, graph_, &GraphEditorPanel::setPlayhead);
//   connect(graph_, &GraphEditorPanel::seekRequested, transport_, &TransportBar::seek);
//     (clicking or dragging in the graph's time ruler seeks, snapped to frames)
//   connect(graph_, &GraphEditorPanel::bakeRequested, ...);    // engine bakeChannel
//   connect(graph_, &GraphEditorPanel::smoothRequested, ...);  // engine smoothKeys
#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "motion/KeyframeCurve.h"
#include "motion/MotionDocument.h"
#include "ui/GraphEditorGeometry.h"
#include "ui/GraphEditorView.h"

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QToolBar;

namespace ps::ui {

class ProjectSession;
class SelectionModel;

class GraphEditorPanel : public QWidget {
    Q_OBJECT
public:
    using SourcesFn = GraphEditorView::SourcesFn;

    // `session` and `selection` must outlive the panel; `sources` gives the voice's derived
    // motion for the ghost curves (may be empty, or return nullptr while there is none).
    GraphEditorPanel(ProjectSession& session, SelectionModel& selection, SourcesFn sources,
                     QWidget* parent = nullptr);

    GraphEditorView* view() const { return view_; }
    QListWidget* channelList() const { return channel_list_; }

    const std::vector<int>& shownChannels() const;
    // Shows these channels (ticked in the list) and frames them.
    void setShownChannels(std::vector<int> channels);

    bool isNormalised() const;
    void setNormalised(bool on);
    // The handle type the selected keys share, as the Free / Aligned / Auto buttons show it;
    // nullopt when no key is selected or they differ.
    std::optional<ps::HandleType> handleType() const;
    bool isSnapping() const;
    void setSnapping(bool on);
    // The last refusal or hint (empty after an accepted edit).
    QString statusText() const;

    QAction* interpolationAction(ps::Interpolation interpolation) const;
    QAction* handleAction(ps::HandleType type) const;
    QAction* frameAllAction() const { return frame_all_action_; }
    QAction* normaliseAction() const { return normalise_action_; }
    QAction* snapAction() const { return snap_action_; }
    QAction* deleteAction() const { return delete_action_; }
    QAction* bakeAction() const { return bake_action_; }
    QAction* smoothAction() const { return smooth_action_; }
    // The right-click menu (interpolation, handles, delete, bake, smooth, frame all,
    // normalise), its actions' states brought up to date.
    QMenu* contextMenu();

public slots:
    void setPlayhead(double t_s);
    // The voice's derived motion changed: the ghosts are redrawn.
    void refreshSources();
    void frameAll();
    // Emit bakeRequested / smoothRequested for the selection (see the signals).
    void requestBake();
    void requestSmooth();

signals:
    void seekRequested(double t_s);
    // Bake the channel's evaluated motion into keys over from_s..to_s: the current key's or
    // curve's channel (else the first shown), over the span of its selected keys when two or
    // more are selected, else the whole document.
    void bakeRequested(int channel, double from_s, double to_s);
    // Smooth these keys of the curve (once per curve with selected keys; a selected curve
    // counts with all its keys).
    void smoothRequested(ps::ElementId curve, std::vector<double> key_times);

private:
    QAction* makeAction(const char* object_name, const QString& text);
    QToolBar* createToolBar();
    void onSelectionChanged();
    void onSessionChanged();
    void rebuildChannelList();
    void syncChannelChecks();
    void applyFilter();
    void onChannelItemChanged(QListWidgetItem* item);
    void updateActions();

    ProjectSession& session_;
    SelectionModel& selection_;
    GraphEditorView* view_;
    QListWidget* channel_list_;
    QLineEdit* filter_;
    QLabel* status_label_;
    QLabel* hover_label_;
    QMenu* context_menu_ = nullptr;
    std::vector<int> edited_channels_;  // channels with a curve, as the list last showed them
    bool syncing_ = false;

    QAction* linear_action_;
    QAction* ease_action_;
    QAction* bezier_action_;
    QAction* step_action_;
    QActionGroup* handle_group_;
    QAction* free_action_;
    QAction* aligned_action_;
    QAction* auto_action_;
    QAction* frame_all_action_;
    QAction* normalise_action_;
    QAction* snap_action_;
    QAction* delete_action_;
    QAction* bake_action_;
    QAction* smooth_action_;
};

}  // namespace ps::ui
