// The one object through which the UI asks the engine for work. Every request runs on an engine
// worker thread and answers with a queued signal on the UI thread, carrying immutable values
// (shared_ptr<const ...>) or copies, so no engine object is ever touched by two threads.
// Loads and exports have separate workers, so opening a file never waits behind an export.
#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>
#include <memory>

#include "media/AudioClip.h"
#include "media/Photo.h"
#include "media/VideoSettings.h"
#include "motion/MotionDocument.h"
#include "runtime/JobQueue.h"

namespace ps::ui {

using PhotoPtr = std::shared_ptr<const ps::Photo>;
using AudioClipPtr = std::shared_ptr<const ps::AudioClip>;

// What to export: a snapshot of the inputs taken when the user pressed Export; edits made
// afterwards apply to the next export only.
struct ExportRequest {
    QString output_path;
    ps::VideoSettings settings;
    PhotoPtr photo;
    AudioClipPtr audio;
    // How the face moves; null for the voice's own motion with the default layers.
    std::shared_ptr<const ps::MotionDocument> motion;
};

class EngineBridge : public QObject {
    Q_OBJECT
public:
    enum class ExportOutcome { None = 0, Succeeded, Failed, Cancelled };
    Q_ENUM(ExportOutcome)

    using ExportId = quint64;

    explicit EngineBridge(QObject* parent = nullptr);
    // Cancels whatever is running and waits for the workers; they poll their cancel tokens, so
    // this is short. Signals of unfinished work are not delivered.
    ~EngineBridge() override;

    // Answered by photoLoaded or loadFailed.
    void loadPhoto(const QString& path);
    // Answered by audioLoaded or loadFailed.
    void loadAudio(const QString& path);

    // Answered by exportProgress (any number) then exactly one exportFinished with the same id.
    ExportId exportMp4(const ExportRequest& request);
    void cancelExport(ExportId id);
    bool isExporting() const { return !exports_.isEmpty(); }

signals:
    void photoLoaded(const QImage& image, ps::ui::PhotoPtr photo);
    void audioLoaded(ps::ui::AudioClipPtr clip);
    // `message` is one sentence naming the file and the problem.
    void loadFailed(const QString& path, const QString& message);

    // seconds_left is negative while there is no estimate yet.
    void exportProgress(quint64 id, double fraction, double seconds_left);
    // `pathOrMessage`: the written file when Succeeded, otherwise the reason.
    void exportFinished(quint64 id, ps::ui::EngineBridge::ExportOutcome outcome,
                        const QString& pathOrMessage);

private:
    void finishExport(ExportId id, ExportOutcome outcome, const QString& pathOrMessage);

    ExportId next_export_id_ = 1;
    QHash<ExportId, ps::JobTicket> exports_;  // running or queued, UI thread only
    // Last: destroyed (joined) first, before anything the jobs post to is gone.
    std::unique_ptr<ps::JobQueue> load_jobs_;
    std::unique_ptr<ps::JobQueue> export_jobs_;
};

}  // namespace ps::ui

Q_DECLARE_METATYPE(ps::ui::PhotoPtr)
Q_DECLARE_METATYPE(ps::ui::AudioClipPtr)
