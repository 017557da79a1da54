#include "ui/ProjectSession.h"

#include <QFileInfo>

#include "project/ProjectFile.h"
#include "ui/FrameRateCommand.h"
#include "ui/MotionEditCommand.h"

namespace ps::ui {

ProjectSession::ProjectSession(const QString& recovery_folder, QObject* parent)
    : QObject(parent), store_jobs_(std::make_unique<ps::JobQueue>()) {
    qRegisterMetaType<std::vector<ps::Recovery>>("std::vector<ps::Recovery>");
    if (!recovery_folder.isEmpty()) {
        store_ = std::make_shared<ps::RecoveryStore>(recovery_folder.toStdString());
        runOnStore([](ps::RecoveryStore& store) { (void)store.beginSession(); });
    }
    connect(&undo_stack_, &QUndoStack::cleanChanged, this,
            [this] { emit modifiedChanged(isModified()); });
    connect(&undo_stack_, &QUndoStack::indexChanged, this, [this] { markChanged(); });
    autosave_timer_.setSingleShot(false);
    connect(&autosave_timer_, &QTimer::timeout, this, &ProjectSession::autosaveIfChanged);
    setAutosaveInterval(autosave_interval_s_);
}

ProjectSession::~ProjectSession() {
    if (store_ != nullptr) {
        // Closing is the one moment worth waiting for the store: a clean exit must not leave a
        // recovery behind to be offered next time.
        store_jobs_->submit([store = store_](const ps::CancelToken&) { (void)store->endSession(); })
            .wait();
    }
}

bool ProjectSession::isModified() const {
    return media_modified_ || !undo_stack_.isClean();
}

bool ProjectSession::apply(const ps::MotionEdit& edit, QString* error, int gesture) {
    ps::Result<ps::MotionEdit> inverse = ps::applyEdit(project_.motion, edit);
    if (!inverse.ok()) {
        if (error != nullptr) {
            *error = QString::fromStdString(inverse.error().message);
        }
        return false;
    }
    undo_stack_.push(new MotionEditCommand(*this, edit, std::move(*inverse), gesture));
    return true;
}

ps::MotionEdit ProjectSession::applyWithoutUndo(const ps::MotionEdit& edit) {
    ps::Result<ps::MotionEdit> inverse = ps::applyEdit(project_.motion, edit);
    if (!inverse.ok()) {
        // An inverse that no longer applies means the document changed outside the stack.
        qWarning("undo: %s", inverse.error().message.c_str());
        return edit;
    }
    return std::move(*inverse);
}

void ProjectSession::setFrameRate(ps::FrameRate fps) {
    if (fps == ps::FrameRate::Invalid || fps == project_.fps) {
        return;
    }
    undo_stack_.push(new FrameRateCommand(*this, project_.fps, fps));
}

void ProjectSession::setFrameRateWithoutUndo(ps::FrameRate fps) {
    if (fps == project_.fps) {
        return;
    }
    project_.fps = fps;
    emit frameRateChanged(fps);
}

void ProjectSession::setLaneFlags(Lane lane, LaneFlags flags) {
    if (lanes_.flags(lane) == flags) {
        return;
    }
    lanes_.setFlags(lane, flags);
    emit laneStatesChanged();
}

void ProjectSession::setPhoto(const QString& path) {
    project_.photo.path = QFileInfo(path).absoluteFilePath().toStdString();
    media_modified_ = true;
    markChanged();
    emit modifiedChanged(true);
}

void ProjectSession::setAudio(const QString& path, double duration_s) {
    project_.audio.path = QFileInfo(path).absoluteFilePath().toStdString();
    project_.motion.duration_s = duration_s;
    media_modified_ = true;
    markChanged();
    emit modifiedChanged(true);
}

void ProjectSession::reset() {
    replaceProject(ps::Project{}, QString(), false);
}

bool ProjectSession::open(const QString& path, QString* error) {
    ps::Result<ps::Project> project = ps::readProject(path.toStdString());
    if (!project.ok()) {
        *error = QString::fromStdString(project.error().message);
        return false;
    }
    replaceProject(std::move(*project), QFileInfo(path).absoluteFilePath(), false);
    return true;
}

bool ProjectSession::save(const QString& path, QString* error) {
    const ps::Status written = ps::writeProject(project_, path.toStdString());
    if (!written.ok()) {
        *error = QString::fromStdString(written.error().message);
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != path_) {
        path_ = absolute;
        emit pathChanged(path_);
    }
    media_modified_ = false;
    undo_stack_.setClean();
    emit modifiedChanged(isModified());
    return true;
}

void ProjectSession::replaceProject(ps::Project project, const QString& path, bool modified) {
    project_ = std::move(project);
    undo_stack_.clear();
    media_modified_ = modified;
    path_ = path;
    markChanged();
    emit frameRateChanged(project_.fps);
    emit pathChanged(path_);
    emit modifiedChanged(isModified());
}

void ProjectSession::markChanged() {
    ++change_count_;
    emit changed();
}

void ProjectSession::setAutosaveInterval(int seconds) {
    autosave_interval_s_ = std::max(0, seconds);
    if (autosave_interval_s_ > 0 && store_ != nullptr) {
        autosave_timer_.start(autosave_interval_s_ * 1000);
    } else {
        autosave_timer_.stop();
    }
}

void ProjectSession::autosaveIfChanged() {
    if (store_ == nullptr || change_count_ == autosaved_change_) {
        return;
    }
    autosaved_change_ = change_count_;
    // A copy: the worker writes this snapshot while the user goes on editing.
    runOnStore(
        [this, snapshot = project_, original = path_.toStdString()](ps::RecoveryStore& store) {
            const ps::Status saved = store.autosave(snapshot, original);
            const QString message =
                saved.ok() ? QString() : QString::fromStdString(saved.error().message);
            const QString recovery =
                QString::fromStdString(store.folder() + "/" + store.sessionId() + ".pstudio");
            QMetaObject::invokeMethod(
                this,
                [this, message, recovery] {
                    if (message.isEmpty()) {
                        emit autosaved(recovery);
                    } else {
                        emit autosaveFailed(message);
                    }
                },
                Qt::QueuedConnection);
        });
}

void ProjectSession::findRecoveries() {
    runOnStore([this](ps::RecoveryStore& store) {
        std::vector<ps::Recovery> found = store.findRecoveries();
        QMetaObject::invokeMethod(
            this, [this, found] { emit recoveriesFound(found); }, Qt::QueuedConnection);
    });
}

bool ProjectSession::restore(const ps::Recovery& recovery, QString* error) {
    if (store_ == nullptr) {
        return false;
    }
    // The recovery file is small and the user is waiting for exactly this.
    ps::Result<ps::Project> project = store_->openRecovery(recovery);
    if (!project.ok()) {
        *error = QString::fromStdString(project.error().message);
        return false;
    }
    replaceProject(std::move(*project), QString::fromStdString(recovery.original_path), true);
    discard(recovery);
    return true;
}

void ProjectSession::discard(const ps::Recovery& recovery) {
    runOnStore([recovery](ps::RecoveryStore& store) { (void)store.discardRecovery(recovery); });
}

void ProjectSession::runOnStore(std::function<void(ps::RecoveryStore&)> work) {
    if (store_ == nullptr) {
        return;
    }
    store_jobs_->submit(
        [store = store_, work = std::move(work)](const ps::CancelToken&) { work(*store); });
}

}  // namespace ps::ui
