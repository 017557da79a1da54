// The inspector: the properties of the element the timeline has selected (a clip, a key, a
// curve, a capture, a sculpt), or the project's global strengths and frame rate when nothing is.
// Every change is an edit on the session's undo stack; the changes one control makes to one
// element in one go (a slider's drag, several steps of a spin box) are one undo step, until the
// selection changes or the control loses focus. Widgets are made once and refreshed in place, so
// a refresh after an edit (or an undo) never takes focus from the field being edited.
#pragma once

#include <QWidget>
#include <functional>

#include "motion/MotionEdit.h"
#include "motion/TemplateLibrary.h"
#include "ui/SelectionModel.h"

class QAbstractSpinBox;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QVBoxLayout;

namespace ps::ui {

class ProjectSession;
class SliderSpinBox;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    // All three must outlive the panel.
    InspectorPanel(ProjectSession& session, SelectionModel& selection,
                   const ps::TemplateLibrary& templates, QWidget* parent = nullptr);

    // What is shown: the selection's current element, or none (the project's page).
    ElementRef shownElement() const { return shown_; }
    // The heading naming what is shown ("Expression clip “smile”", "Project").
    QString title() const;
    // The last edit the document refused, in the panel's message line; empty after a good edit.
    QString lastError() const;
    // Puts `group` under the selection's page, shown whatever is selected (the head pose at the
    // playhead). The panel takes ownership.
    void addFooter(QWidget* group);

public slots:
    // Shows the selection's current element with the document's values.
    void refresh();

private:
    QVBoxLayout* content_layout_ = nullptr;
    enum Page { ProjectPage, ClipPage, KeyPage, CurvePage, CapturePage, SculptPage };

    // The continuous edit a control is making to an element: its changes merge into one step.
    struct Gesture {
        QObject* control = nullptr;
        ElementKind kind = ElementKind::None;
        ps::ElementId id = 0;
        int number = 0;
    };

    QWidget* makeProjectPage();
    QWidget* makeClipPage();
    QWidget* makeKeyPage();
    QWidget* makeCurvePage();
    QWidget* makeCapturePage();
    QWidget* makeSculptPage();

    void showProject();
    void showClip(const ps::ExpressionClip& clip);
    void showKey(const ps::KeyframeCurve& curve, const ps::Keyframe& key);
    void showCurve(const ps::KeyframeCurve& curve);
    void showCapture(const ps::CaptureLayer& capture);
    void showSculpt(const ps::LandmarkSculpt& sculpt);

    // The element shown, as it is in the document now; nullptr when it is gone.
    const ps::ExpressionClip* shownClip() const;
    const ps::KeyframeCurve* shownCurve() const;
    const ps::Keyframe* shownKey() const;
    const ps::CaptureLayer* shownCapture() const;
    const ps::LandmarkSculpt* shownSculpt() const;

    // Applies `edit` made with `control`: as part of its continuous gesture on the shown
    // element when `continuous`, else as an undo step of its own. Refreshes either way, so a
    // refused value is put back.
    bool applyEdit(const ps::MotionEdit& edit, QObject* control, bool continuous);
    int gestureFor(QObject* control);
    void endGesture() { gesture_ = {}; }

    void editClip(QObject* control, bool continuous,
                  const std::function<void(ps::ExpressionClip&)>& change);
    void editCapture(QObject* control, bool continuous,
                     const std::function<void(ps::CaptureLayer&)>& change);
    void editSculpt(QObject* control, bool continuous,
                    const std::function<void(ps::LandmarkSculpt&)>& change);
    void editCurve(QObject* control, const std::function<void(ps::KeyframeCurve&)>& change);
    void editKey(QObject* control, bool continuous,
                 const std::function<void(ps::Keyframe&)>& change);
    void moveKey(double to_s);
    void editStrengths(QObject* control, const std::function<void(ps::MotionStrengths&)>& change);

    void onSelectionChanged();
    void onSessionChanged();
    QDoubleSpinBox* makeSecondsSpin(const QString& name, double minimum);
    SliderSpinBox* makeAmount(const QString& name, double maximum);
    QComboBox* makeBlendCombo(const QString& name);
    // Ends the gesture when focus leaves a spin box, after it has applied what was typed.
    void endGestureOnFocusOut(QAbstractSpinBox* spin);

    ProjectSession& session_;
    SelectionModel& selection_;
    const ps::TemplateLibrary& templates_;
    ElementRef shown_;
    Gesture gesture_;
    bool editing_ = false;  // inside applyEdit: the session's and selection's signals are ours

    QLabel* title_;
    QLabel* error_;
    QStackedWidget* pages_;

    // Project
    SliderSpinBox* lips_;
    SliderSpinBox* expressions_;
    SliderSpinBox* head_;
    SliderSpinBox* blink_rate_;
    QComboBox* frame_rate_;
    // Clip
    QComboBox* clip_template_;
    QDoubleSpinBox* clip_start_;
    QDoubleSpinBox* clip_duration_;
    SliderSpinBox* clip_intensity_;
    QDoubleSpinBox* clip_fade_in_;
    QDoubleSpinBox* clip_fade_out_;
    QComboBox* clip_blend_;
    QCheckBox* clip_enabled_;
    // Key
    QLabel* key_channel_;
    QDoubleSpinBox* key_time_;
    QDoubleSpinBox* key_value_;
    QComboBox* key_interpolation_;
    // Curve
    QLabel* curve_channel_;
    QComboBox* curve_blend_;
    QCheckBox* curve_enabled_;
    QLabel* curve_key_count_;
    // Capture
    QLineEdit* capture_name_;
    QDoubleSpinBox* capture_start_;
    SliderSpinBox* capture_strength_;
    QComboBox* capture_blend_;
    QCheckBox* capture_enabled_;
    // Sculpt
    QSpinBox* sculpt_vertex_;
    QDoubleSpinBox* sculpt_radius_;
    QDoubleSpinBox* sculpt_offset_x_;
    QDoubleSpinBox* sculpt_offset_y_;
    QDoubleSpinBox* sculpt_offset_z_;
    QLabel* sculpt_strength_keys_;
    QCheckBox* sculpt_enabled_;
};

}  // namespace ps::ui
