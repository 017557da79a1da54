// The timeline dock's content: a row of tools (snap, zoom, marker), the lane header column and
// the timeline view with its scroll bars. It owns the timeline's actions (copy, paste,
// duplicate, delete, marker, zoom, snapping), which act while focus is inside the panel;
// MainWindow may put editActions() into its Edit menu and widen their shortcut context.
#pragma once

#include <QList>
#include <QVector>
#include <QWidget>

#include <vector>

#include "motion/MotionCheck.h"
#include "motion/TemplateLibrary.h"
#include "motion/Viseme.h"
#include "ui/EngineBridge.h"
#include "ui/TimelineClipboard.h"
#include "voice/TranscriptAlignment.h"

class QAction;
class QLabel;
class QScrollBar;

namespace ps::ui {

class ProjectSession;
class SelectionModel;
class TimelineLaneHeader;
class TimelineView;

class TimelinePanel : public QWidget {
    Q_OBJECT
public:
    // All refs must outlive the panel.
    TimelinePanel(ProjectSession& session, SelectionModel& selection,
                  const ps::TemplateLibrary& templates, QWidget* parent = nullptr);

    // The voice's waveform (nullptr: none).
    void setAudio(AudioClipPtr clip);
    // How open the mouth is (0..1) at `rate_hz` samples a second, drawn in the voice lane.
    void setVoiceActivity(QVector<float> mouth_open, double rate_hz);
    // The viseme row: the voice's mouth shapes (visemeSegments) and the transcript's words.
    void setVisemes(std::vector<ps::VisemeSegment> segments);
    void setTranscriptWords(std::vector<ps::AlignedWord> words);
    // The motion checks' findings (checkMotion), shown as a red/amber strip under the ruler.
    void setMotionChecks(std::vector<ps::MotionIssue> issues);
    // Moves the drawn playhead (does not emit seekRequested).
    void setPlayhead(double t_s);
    double playhead() const;

    bool isSnapping() const;
    void setSnapping(bool on);
    QList<double> markers() const;
    void addMarkerAtPlayhead();

    void zoomIn();
    void zoomOut();
    void zoomToFit();
    double pixelsPerSecond() const;

    // Each one undo step.
    void copySelection();
    void pasteAtPlayhead();
    void duplicateSelection();
    void deleteSelection();
    // Pastes the clipboard with its earliest element at `t_s`.
    void pasteAt(double t_s);

    TimelineView* view() const { return view_; }
    TimelineLaneHeader* laneHeader() const { return header_; }
    // x of time t in the view's coordinates, and back (tests aim mouse events with these).
    double xOfTime(double t_s) const;
    double timeAtX(double x) const;

    // Copy, paste, duplicate, delete: for the Edit menu.
    QList<QAction*> editActions() const;
    // Add marker, zoom in, zoom out, zoom to fit, snapping.
    QList<QAction*> viewActions() const;

signals:
    void seekRequested(double t_s);      // ruler click, playhead drag
    void scrubbingChanged(bool active);  // true while the playhead is being dragged

private:
    QAction* makeAction(const char* object_name, const QString& text,
                        const QList<QKeySequence>& shortcuts);
    QWidget* createToolRow();
    void syncScrollBars();
    void updateActions();
    void updateTimeLabel();

    ProjectSession& session_;
    SelectionModel& selection_;
    TimelineView* view_;
    TimelineLaneHeader* header_;
    QScrollBar* h_scroll_;
    QScrollBar* v_scroll_;
    QLabel* time_label_ = nullptr;
    TimelineClipboard clipboard_;
    bool syncing_ = false;

    QAction* copy_action_;
    QAction* paste_action_;
    QAction* duplicate_action_;
    QAction* delete_action_;
    QAction* marker_action_;
    QAction* zoom_in_action_;
    QAction* zoom_out_action_;
    QAction* zoom_fit_action_;
    QAction* snap_action_;
};

}  // namespace ps::ui
