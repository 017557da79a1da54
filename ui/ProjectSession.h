// The project the studio has open: its photo and voice, its motion document, the undo stack
// every edit goes through, where it is saved, and its crash recovery. UI thread only; file work
// (saves are small and quick, but autosaves must never stall the window) runs on its own worker.
//
// Autosave: every autosaveInterval, if anything changed since the last autosave, a snapshot of
// the project goes to this session's recovery file (project/Autosave). The user's own file is
// only written by save(). A clean close ends the session and removes the recovery; after a crash
// the next start lists it (findRecoveries) and offers it back.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <vector>

#include "motion/MotionEdit.h"
#include "project/Autosave.h"
#include "project/Project.h"
#include "runtime/JobQueue.h"
#include "ui/LaneStates.h"

namespace ps::ui {

class ProjectSession : public QObject {
    Q_OBJECT
public:
    // `recovery_folder`: where this session's autosaves go; empty for none (tests of editing).
    explicit ProjectSession(const QString& recovery_folder, QObject* parent = nullptr);
    // Ends the recovery session: a clean close leaves no recovery behind.
    ~ProjectSession() override;

    const ps::Project& project() const { return project_; }
    const ps::MotionDocument& motion() const { return project_.motion; }
    // Where the project was last saved or opened from; empty for a new one.
    const QString& path() const { return path_; }
    bool isModified() const;
    QUndoStack* undoStack() { return &undo_stack_; }

    // Applies `edit` as one undo step (merged with the previous one of the same non-zero
    // `gesture` when both change the same element). Returns false with the reason, changing
    // nothing, when the edit is refused.
    bool apply(const ps::MotionEdit& edit, QString* error = nullptr, int gesture = 0);
    // A number for a new continuous gesture (a drag, a slider's travel): pass it to every apply()
    // of the gesture so that they become one undo step. Never 0.
    int newGesture() { return ++last_gesture_; }
    // For MotionEditCommand: applies an edit the stack already validated and returns its inverse.
    ps::MotionEdit applyWithoutUndo(const ps::MotionEdit& edit);

    // The video's frame rate, changed as one undo step (a modification like a motion edit).
    // Invalid or the current rate changes nothing.
    void setFrameRate(ps::FrameRate fps);
    // For FrameRateCommand: sets the rate without touching the undo stack.
    void setFrameRateWithoutUndo(ps::FrameRate fps);

    // The timeline's mute, solo and lock switches (not saved with the project).
    const LaneStates& laneStates() const { return lanes_; }
    void setLaneFlags(Lane lane, LaneFlags flags);
    // The motion document as the viewer and the export draw it: muted lanes switched off.
    ps::MotionDocument playbackMotion() const { return lanes_.apply(project_.motion); }

    // The photo and voice are part of the project but not of the motion's undo history.
    void setPhoto(const QString& path);
    void setAudio(const QString& path, double duration_s);

    // A new, empty project.
    void reset();
    // Replaces the project with the file's; the undo history starts afresh.
    bool open(const QString& path, QString* error);
    // Writes the project atomically to `path`, which becomes its path.
    bool save(const QString& path, QString* error);

    // Seconds between autosaves; 0 turns autosave off.
    void setAutosaveInterval(int seconds);
    int autosaveInterval() const { return autosave_interval_s_; }
    // Autosaves now if anything changed since the last one (what the timer calls).
    void autosaveIfChanged();

    // Recoveries left by studios that did not close cleanly; answered by recoveriesFound.
    void findRecoveries();
    // Opens a recovery in place of the current project (unsaved, at its original path) and
    // removes it from the recovery folder.
    bool restore(const ps::Recovery& recovery, QString* error);
    void discard(const ps::Recovery& recovery);

signals:
    // The motion document or media changed (an edit, undo, redo, open, reset).
    void changed();
    void modifiedChanged(bool modified);
    // The project's frame rate changed (setFrameRate, its undo or redo).
    void frameRateChanged(ps::FrameRate fps);
    // A lane was muted, soloed or locked (playbackMotion() changed, the document did not).
    void laneStatesChanged();
    void pathChanged(const QString& path);
    void autosaved(const QString& recovery_path);
    void autosaveFailed(const QString& message);
    void recoveriesFound(const std::vector<ps::Recovery>& recoveries);

private:
    void replaceProject(ps::Project project, const QString& path, bool modified);
    void markChanged();
    void runOnStore(std::function<void(ps::RecoveryStore&)> work);

    ps::Project project_;
    QString path_;
    LaneStates lanes_;
    int last_gesture_ = 0;
    QUndoStack undo_stack_;
    bool media_modified_ = false;  // the photo or voice changed since the last save
    quint64 change_count_ = 0;     // every change; autosave compares it with the last one saved
    quint64 autosaved_change_ = 0;
    int autosave_interval_s_ = int(ps::kDefaultAutosaveInterval_s);
    QTimer autosave_timer_;
    std::shared_ptr<ps::RecoveryStore> store_;  // touched only on store_jobs_'s worker
    std::unique_ptr<ps::JobQueue> store_jobs_;
};

}  // namespace ps::ui

Q_DECLARE_METATYPE(std::vector<ps::Recovery>)
