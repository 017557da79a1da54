// The column left of the timeline's rows: each lane's name with its mute, solo and lock switches
// (which set the session's LaneStates), and each curve's channel name (a click selects the
// curve). It draws the rows where the view's TimelineGeometry puts them, its own top being the
// top of the view's first row (the panel keeps it below the ruler's height). UI thread only.
#pragma once

#include <QHash>
#include <QWidget>

#include "ui/LaneStates.h"

class QToolButton;

namespace ps::ui {

class ProjectSession;
class SelectionModel;
class TimelineGeometry;

class TimelineLaneHeader : public QWidget {
    Q_OBJECT
public:
    static constexpr int kWidth_px = 168;

    // All refs must outlive the header.
    TimelineLaneHeader(ProjectSession& session, SelectionModel& selection,
                       const TimelineGeometry& geometry, QWidget* parent = nullptr);

    // The lane's name as the timeline shows it.
    static QString laneName(Lane lane);
    // "Expressions" for Lane::Expressions: the suffix of the switches' object names.
    static QString laneKey(Lane lane);

    QToolButton* muteButton(Lane lane) const;
    QToolButton* soloButton(Lane lane) const;
    QToolButton* lockButton(Lane lane) const;

public slots:
    // Moves the switches to their rows and repaints (after a layout, scroll or zoom).
    void relayout();
    // Shows the session's lane flags on the switches.
    void syncFlags();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Switches {
        QToolButton* mute = nullptr;
        QToolButton* solo = nullptr;
        QToolButton* lock = nullptr;
    };
    QToolButton* makeSwitch(Lane lane, const QString& text, const QString& tip,
                            const QString& object_prefix);
    void onSwitchToggled(Lane lane);

    ProjectSession& session_;
    SelectionModel& selection_;
    const TimelineGeometry& geometry_;
    QHash<int, Switches> switches_;  // by Lane
};

}  // namespace ps::ui
