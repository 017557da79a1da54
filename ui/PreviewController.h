// Joins the live preview up: the open project's motion (with the timeline's mutes) goes to the
// PreviewEngine whenever it changes, the transport's clock asks for the frame of the video that
// is due, and finished frames go to the viewer, with the playback statistics when they are
// shown. Frames are asked for on the project's frame grid, so the viewer shows exactly the
// frames an export writes.
#pragma once

#include <QObject>

#include "ui/PlaybackStatistics.h"

namespace ps::ui {

class PreviewEngine;
class ProjectSession;
class TransportBar;
class ViewerPanel;

class PreviewController : public QObject {
    Q_OBJECT
public:
    // All must outlive the controller.
    PreviewController(PreviewEngine& engine, ProjectSession& session, TransportBar& transport,
                      ViewerPanel& viewer, QObject* parent = nullptr);

    // The time of the frame shown at the playhead `t_s`: the start of the frame it falls in.
    double frameTimeAt(double t_s) const;
    double frameDuration_s() const;

    void setStatisticsVisible(bool visible);
    bool statisticsVisible() const { return statistics_visible_; }
    const PlaybackStatistics& statistics() const { return statistics_; }

    // A/B compare: the viewer splits into the unedited voice motion (A) and the edit (B), both
    // at the playhead's frame.
    void setCompareEnabled(bool on);
    bool isCompareEnabled() const;

    // Asks for the frame at the playhead again (after the photo or the motion changed).
    void refresh();

private:
    void onMotionChanged();
    void onPosition(double t_s);
    void showStatistics();

    PreviewEngine& engine_;
    ProjectSession& session_;
    TransportBar& transport_;
    ViewerPanel& viewer_;
    PlaybackStatistics statistics_;
    bool statistics_visible_ = false;
    double last_requested_s_ = -1.0;
};

}  // namespace ps::ui
